//! Regression cases where stackfit once disagreed with Docker Compose v2.40.3 (`docker compose
//! config`): each asserts what Compose does with the same file.

use serde_json::Value;

use crate::common;

fn graph(
    dir: &std::path::Path,
    files: &[(&str, &str)],
    args: &[&str],
) -> (Option<i32>, Value, String) {
    for (n, t) in files {
        std::fs::write(dir.join(n), t).unwrap();
    }
    let out = common::stackfit()
        .current_dir(dir)
        .args(["graph", "--format", "json"])
        .args(args)
        .output()
        .unwrap();
    let v = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
    (
        out.status.code(),
        v,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A project of one service `a` (image `x`) with `body` added to it (and anything after).
fn one_service(body: &str) -> (Option<i32>, String) {
    let t = tempfile::tempdir().unwrap();
    let f = format!("services:\n  a:\n    image: x\n    {body}\n");
    let (code, _, err) = graph(t.path(), &[("compose.yaml", &f)], &[]);
    (code, err)
}

#[test]
fn compose_project_name_is_set_for_interpolation() {
    let t = tempfile::tempdir().unwrap();
    let dir = t.path().join("My_Proj");
    std::fs::create_dir(&dir).unwrap();
    let f = "services:\n  web:\n    image: \"nginx:${COMPOSE_PROJECT_NAME}\"\n";
    let (_, v, _) = graph(&dir, &[("compose.yaml", f)], &[]);
    assert_eq!(v["services"][0]["image"], "nginx:my_proj");
    let (_, v, _) = graph(&dir, &[("compose.yaml", &format!("name: other\n{f}"))], &[]);
    assert_eq!(v["services"][0]["image"], "nginx:other");
    let (_, v, _) = graph(&dir, &[], &["-p", "given"]);
    assert_eq!(v["services"][0]["image"], "nginx:given");
}

#[test]
fn a_dollar_written_as_an_escape_is_interpolated_too() {
    // the file's text has no `$`: only the double-quoted escape writes one, as Compose reads it
    let t = tempfile::tempdir().unwrap();
    let dir = t.path().join("esc");
    std::fs::create_dir(&dir).unwrap();
    let f = "services:\n  web:\n    image: \"nginx:\\x24{COMPOSE_PROJECT_NAME}\"\n";
    assert!(!f.contains('$'));
    let (_, v, _) = graph(&dir, &[("compose.yaml", f)], &[]);
    assert_eq!(v["services"][0]["image"], "nginx:esc", "{v:#}");
}

#[test]
fn identical_ports_are_kept_once() {
    let t = tempfile::tempdir().unwrap();
    let f = "services:\n  web:\n    image: nginx\n    ports: [\"80:80\", \"80:80\", \"81:81\"]\n";
    let (_, v, _) = graph(t.path(), &[("compose.yaml", f)], &[]);
    assert_eq!(
        v["services"][0]["ports"].as_array().unwrap().len(),
        2,
        "{v:#}"
    );
    // the first of identical entries is kept, in the order written, for a few entries and for
    // many (a range of twenty)
    let targets = |v: &serde_json::Value| -> Vec<String> {
        let ports = v["services"][0]["ports"].as_array().unwrap();
        ports
            .iter()
            .map(|p| p["target"].as_str().unwrap().to_string())
            .collect()
    };
    let f = "services:\n  web:\n    image: nginx\n    ports: [\"81:81\", \"80:80/udp\", \"81:81\", \"80:80\"]\n";
    let (_, v, _) = graph(t.path(), &[("compose.yaml", f)], &[]);
    assert_eq!(targets(&v), ["81", "80", "80"], "{v:#}");
    let f = "services:\n  web:\n    image: nginx\n    ports: [\"9000:9000\", \"8000-8019:8000-8019\", \"8005:8005\", \"9000:9000\"]\n";
    let (_, v, _) = graph(t.path(), &[("compose.yaml", f)], &[]);
    let mut want = vec!["9000".to_string()];
    want.extend((8000..8020).map(|p| p.to_string()));
    assert_eq!(targets(&v), want, "{v:#}");
}

#[test]
fn a_none_test_disables_the_healthcheck_whatever_disable_says() {
    let t = tempfile::tempdir().unwrap();
    let f = "services:\n  web:\n    image: nginx\n    healthcheck: {test: [\"NONE\"], disable: false}\n";
    let (_, v, _) = graph(t.path(), &[("compose.yaml", f)], &[]);
    assert_eq!(v["services"][0]["healthcheck"], false, "{v:#}");
}

#[test]
fn extensions_are_allowed_in_long_depends_on() {
    let t = tempfile::tempdir().unwrap();
    let f = "services:\n  web:\n    image: nginx\n    depends_on: {db: {condition: service_started, x-note: 1}}\n  db: {image: postgres}\n";
    let (code, _, err) = graph(t.path(), &[("compose.yaml", f)], &[]);
    assert_eq!(code, Some(0), "{err}");
}

#[test]
fn container_names_are_unique() {
    let t = tempfile::tempdir().unwrap();
    let f = "services:\n  web:\n    image: nginx\n    container_name: c1\n    scale: 2\n";
    let (code, _, err) = graph(t.path(), &[("compose.yaml", f)], &[]);
    assert_eq!(code, Some(3), "{err}");
    assert!(
        err.contains("compose.yaml:4:21") && err.contains("container names must be unique"),
        "{err}"
    );
    let f = "services:\n  web:\n    image: nginx\n    container_name: c1\n  db:\n    image: postgres\n    container_name: c1\n";
    let (code, _, err) = graph(t.path(), &[("compose.yaml", f)], &[]);
    assert_eq!(code, Some(3), "{err}");
    assert!(err.contains("is already in use by service"), "{err}");
    // A service left out by its profile does not count.
    let f = "services:\n  web:\n    image: nginx\n    container_name: c1\n  db:\n    image: postgres\n    container_name: c1\n    profiles: [debug]\n";
    let (code, _, err) = graph(t.path(), &[("compose.yaml", f)], &[]);
    assert_eq!(code, Some(0), "{err}");
}

#[test]
fn an_unknown_service_key_suggests_the_nearest_one() {
    let t = tempfile::tempdir().unwrap();
    let f = "services:\n  web:\n    image: nginx\n    port: [\"80:80\"]\n";
    let (code, _, err) = graph(t.path(), &[("compose.yaml", f)], &[]);
    assert_eq!(code, Some(3), "{err}");
    assert!(
        err.contains("compose.yaml:4:5") && err.contains("did you mean `ports`?"),
        "{err}"
    );
}

#[test]
fn network_mode_of_a_service_disabled_by_profiles_is_undefined() {
    let t = tempfile::tempdir().unwrap();
    let f = "services:\n  web:\n    image: nginx\n    network_mode: \"service:vpn\"\n  vpn:\n    image: wireguard\n    profiles: [tunnel]\n";
    let (code, _, err) = graph(t.path(), &[("compose.yaml", f)], &[]);
    assert_eq!(code, Some(3), "{err}");
    assert!(err.contains("undefined service `vpn`"), "{err}");
    let (code, _, err) = graph(t.path(), &[], &["--profile", "tunnel"]);
    assert_eq!(code, Some(0), "{err}");
}

#[test]
fn a_plain_number_is_no_service_name_but_a_quoted_one_is() {
    let t = tempfile::tempdir().unwrap();
    let (code, _, err) = graph(
        t.path(),
        &[("compose.yaml", "services:\n  123:\n    image: nginx\n")],
        &[],
    );
    assert_eq!(code, Some(3), "{err}");
    assert!(
        err.contains("compose.yaml:2:3") && err.contains("non-string key in services: 123"),
        "{err}"
    );
    let (code, v, err) = graph(
        t.path(),
        &[("compose.yaml", "services:\n  \"123\":\n    image: nginx\n")],
        &[],
    );
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(v["services"][0]["name"], "123");
}

#[test]
fn services_disabled_by_profiles_are_not_validated_as_active() {
    let t = tempfile::tempdir().unwrap();
    let cycle = "services:\n  web:\n    image: nginx\n  a:\n    image: x\n    profiles: [p]\n    depends_on: [b]\n  b:\n    image: x\n    profiles: [p]\n    depends_on: [a]\n";
    let (code, _, err) = graph(t.path(), &[("compose.yaml", cycle)], &[]);
    assert_eq!(code, Some(0), "{err}");
    let (code, _, err) = graph(t.path(), &[], &["--profile", "p"]);
    assert_eq!(code, Some(3), "{err}");
    assert!(err.contains("dependency cycle"), "{err}");
    let conflict = "services:\n  web:\n    image: nginx\n  a:\n    image: x\n    profiles: [p]\n    scale: 2\n    deploy: {replicas: 3}\n";
    let (code, _, err) = graph(t.path(), &[("compose.yaml", conflict)], &[]);
    assert_eq!(code, Some(0), "{err}");
    let (code, _, err) = graph(t.path(), &[], &["--profile", "p"]);
    assert_eq!(code, Some(3), "{err}");
    assert!(err.contains("can't set distinct values"), "{err}");
}

/// Compose refuses a project whose active services name what no top-level key defines, and
/// secrets or configs that say nowhere where their content comes from (class 9).
#[test]
fn undefined_references_and_sourceless_definitions_are_refused() {
    let refused = [
        ("networks: [foo]", "undefined network `foo`", "4:16"),
        ("volumes: [data:/d]", "undefined volume `data`", "4:15"),
        (
            "volumes: [{type: volume, source: d, target: /d}]",
            "undefined volume `d`",
            "4:15",
        ),
        ("secrets: [s]", "undefined secret `s`", "4:15"),
        ("configs: [{source: c}]", "undefined config `c`", "4:15"),
        ("models: [m]", "undefined model `m`", "4:14"),
        (
            "build: {context: ., secrets: [s]}",
            "undefined build secret `s`",
            "4:35",
        ),
        (
            "network_mode: host\n    networks: [default]",
            "mutually exclusive `network_mode` and `networks`",
            "4:19",
        ),
    ];
    for (body, says, at) in refused {
        let (code, err) = one_service(body);
        assert_eq!(code, Some(3), "{body}: {err}");
        assert!(err.contains(says), "{body}: {err}");
        assert!(
            err.contains(&format!("compose.yaml:{at}:")),
            "{body}: {err}"
        );
    }
    for (defs, says) in [
        (
            "secrets:\n  s: {name: q}\n",
            "secrets.s: one of file|environment must be set",
        ),
        (
            "configs:\n  c: {}\n",
            "configs.c: one of file|environment|content must be set",
        ),
    ] {
        let t = tempfile::tempdir().unwrap();
        let f = format!("services:\n  a:\n    image: x\n{defs}");
        let (code, _, err) = graph(t.path(), &[("compose.yaml", &f)], &[]);
        assert_eq!(code, Some(3), "{defs}: {err}");
        assert!(err.contains(says), "{defs}: {err}");
    }
    // accepted by Compose: the default network, defined names, external secrets, an empty
    // `networks:` beside `network_mode`, and references of services disabled by profiles
    for body in [
        "networks: [default]",
        "networks: [front]\nnetworks:\n  front:",
        "volumes: [data:/d]\nvolumes:\n  data:",
        "secrets: [s]\nsecrets:\n  s: {external: true}",
        "configs: [c]\nconfigs:\n  c: {content: hi}",
        "network_mode: host\n    networks: {}",
        "profiles: [later]\n    volumes: [data:/d]\n  b:\n    image: y",
        "volumes: [./src:/src, /abs:/abs]",
    ] {
        let (code, err) = one_service(body);
        assert_eq!(code, Some(0), "{body}: {err}");
    }
}

/// Compose checks each file against the specification before merging (class 5) and checks
/// every key it defines, also those that change no graph field (class 11).
#[test]
fn every_file_and_every_key_is_checked_against_the_specification() {
    // a bad value in the first -f file is refused although the second replaces it
    let t = tempfile::tempdir().unwrap();
    let (code, _, err) = graph(
        t.path(),
        &[
            (
                "a.yaml",
                "services:\n  a:\n    image: x\n    privileged: [1]\n",
            ),
            ("b.yaml", "services:\n  a:\n    privileged: true\n"),
        ],
        &["-f", "a.yaml", "-f", "b.yaml"],
    );
    assert_eq!(code, Some(3), "{err}");
    assert!(
        err.contains("a.yaml:4:17: services.a.privileged must be a boolean or a string"),
        "{err}"
    );
    for (body, says) in [
        (
            "build: {context: ., ssh: 3}",
            "services.a.build.ssh must be",
        ),
        (
            "develop: {watch: [{path: .}]}",
            "services.a.develop.watch.0: missing property `action`",
        ),
        (
            "depends_on: {b: {}}\n  b:\n    image: y",
            "services.a.depends_on.b: missing property `condition`",
        ),
        (
            "volumes: [{type: tmpfs, target: /t, tmpfs: {size: [1]}}]",
            "services.a.volumes.0.tmpfs.size must be",
        ),
        (
            "healthcheck: {interval: 3}",
            "services.a.healthcheck.interval must be a string",
        ),
        (
            "pull_policy: bogus",
            "services.a.pull_policy does not match",
        ),
        (
            "ports: [{target: 80, extra: 1}]",
            "services.a.ports.0: additional property `extra`",
        ),
        (
            "security_opt: [a, a]",
            "services.a.security_opt: items at 0 and 1 are equal",
        ),
        (
            "oom_score_adj: 5000",
            "services.a.oom_score_adj must be at most 1000",
        ),
    ] {
        let (code, err) = one_service(body);
        assert_eq!(code, Some(3), "{body}: {err}");
        assert!(err.contains(says), "{body}: {err}");
    }
    // accepted: repeats Compose folds while loading, interpolated strings where numbers or
    // booleans go, and YAML 1.2 `yes` as a string
    for body in [
        "ports: [\"80:80\", \"80:80\"]",
        "cap_add: [A, A]",
        "environment: [A=1, A=1]",
        "privileged: \"true\"\n    scale: \"2\"",
        "pull_policy: ${P:-always}",
        "platform: yes",
    ] {
        let (code, err) = one_service(body);
        assert_eq!(code, Some(0), "{body}: {err}");
    }
}

/// A short-syntax port range is one port per number, as Compose expands it.
#[test]
fn port_ranges_expand_to_one_port_each() {
    let t = tempfile::tempdir().unwrap();
    let f = "services:\n  web:\n    image: nginx\n    ports: [\"9000-9002:8000-8002\", \"7000-7001\"]\n";
    let (_, v, err) = graph(t.path(), &[("compose.yaml", f)], &[]);
    let ports: Vec<String> = v["services"][0]["ports"]
        .as_array()
        .unwrap_or_else(|| panic!("{err}"))
        .iter()
        .map(|p| match p["published"].as_str() {
            Some(pb) => format!("{pb}:{}", p["target"].as_str().unwrap()),
            None => p["target"].as_str().unwrap().to_string(),
        })
        .collect();
    assert_eq!(
        ports,
        ["9000:8000", "9001:8001", "9002:8002", "7000", "7001"],
        "{v:#}"
    );
    let f = "services:\n  web:\n    image: nginx\n    ports: [\"1-65535\", \"1-65535/udp\"]\n";
    let (code, _, err) = graph(t.path(), &[("compose.yaml", f)], &[]);
    assert_eq!(code, Some(3), "{err}");
    assert!(
        err.contains("port ranges expand to more than 100000 ports"),
        "{err}"
    );
}

/// Ports keep their protocol and host address (class 12), as `docker compose config` shows them.
#[test]
fn ports_keep_protocol_and_host_address() {
    let t = tempfile::tempdir().unwrap();
    let f = "services:\n  web:\n    image: nginx\n    ports: [\"10000:10000/udp\", \"127.0.0.1:8000:8000\", {target: 80, mode: host}]\n";
    let (_, v, err) = graph(t.path(), &[("compose.yaml", f)], &[]);
    let ports = &v["services"][0]["ports"];
    assert_eq!(
        ports,
        &serde_json::json!([
            {"target": "10000", "published": "10000", "protocol": "udp", "host_ip": null, "mode": "ingress"},
            {"target": "8000", "published": "8000", "protocol": "tcp", "host_ip": "127.0.0.1", "mode": "ingress"},
            {"target": "80", "published": null, "protocol": "tcp", "host_ip": null, "mode": "host"}
        ]),
        "{err}"
    );
}

/// YAML syntax errors point at their cause, with where the parser noticed it (class 13).
#[test]
fn yaml_syntax_errors_point_at_their_cause() {
    for (text, at, says, noticed) in [
        (
            "services:\n  web:\n    image: nginx\n\tports: [\"80\"]\n",
            "compose.yaml:4:1:",
            "a tab in the indentation",
            "compose.yaml:3:12",
        ),
        (
            "services:\n  web:\n    image: nginx\n    ports: [\"80\", \"81\"\n  db:\n    image: pg\n",
            "compose.yaml:4:12:",
            "`[` is never closed",
            "compose.yaml:5:5",
        ),
    ] {
        let t = tempfile::tempdir().unwrap();
        let (code, _, err) = graph(t.path(), &[("compose.yaml", text)], &[]);
        assert_eq!(code, Some(3), "{err}");
        assert!(err.contains(at) && err.contains(says), "{err}");
        assert!(
            err.contains(&format!("the parser noticed it at {noticed}")),
            "{err}"
        );
    }
}
