//! Both syntaxes of every Compose key the model reads, through the library: short and long
//! `ports`, `volumes`, `depends_on`, `environment`, `networks`, `secrets`/`configs`, `deploy`,
//! `scale`, `build`, `command`, `healthcheck`, `labels`, and `-f` merge rules end to end.

use std::collections::BTreeMap;

use stackfit::input::{self, Request};
use stackfit::model::{Condition, Mode, Model, MountKind};
use stackfit::source::SourceMap;

fn load_files(files: &[(&str, &str)], env: &[(&str, &str)]) -> Result<Model, String> {
    let dir = tempfile::tempdir().unwrap();
    for (n, t) in files {
        std::fs::write(dir.path().join(n), t).unwrap();
    }
    let req = Request {
        files: files
            .iter()
            .filter(|(n, _)| n.starts_with("compose"))
            .map(|(n, _)| dir.path().join(n))
            .collect(),
        cwd: dir.path().to_path_buf(),
        environ: env
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect::<BTreeMap<_, _>>(),
        ..Request::default()
    };
    let mut sm = SourceMap::default();
    input::load(&req, &mut sm).map_err(|e| e.to_string())
}

fn load(text: &str) -> Model {
    load_files(&[("compose.yaml", text)], &[]).unwrap()
}

#[test]
fn ports_short_and_long() {
    let m = load(
        "services:\n  w:\n    image: a\n    ports:\n      - 80\n      - \"8080:80\"\n      - \"127.0.0.1:9090:90/udp\"\n      - target: 443\n        published: \"8443\"\n        protocol: tcp\n        mode: ingress\n",
    );
    let p = &m.services[0].ports;
    assert_eq!(p.len(), 4);
    assert_eq!(
        (p[0].target.as_str(), p[0].published.as_deref()),
        ("80", None)
    );
    assert_eq!(
        (p[1].target.as_str(), p[1].published.as_deref()),
        ("80", Some("8080"))
    );
    assert_eq!(p[2].host_ip(), Some("127.0.0.1"));
    assert_eq!(p[2].protocol(), Some("udp"));
    assert_eq!(p[3].mode(), Some("ingress"));
    assert_eq!(p[3].published.as_deref(), Some("8443"));
}

#[test]
fn volumes_short_and_long() {
    let m = load(
        "services:\n  w:\n    image: a\n    volumes:\n      - data:/var/lib/data\n      - ./src:/app:ro\n      - /cache\n      - type: bind\n        source: /var/run/docker.sock\n        target: /var/run/docker.sock\n        read_only: true\n      - type: tmpfs\n        target: /tmp\nvolumes:\n  data:\n",
    );
    let v = &m.services[0].mounts;
    assert_eq!(v[0].kind, MountKind::Volume);
    assert_eq!(v[1].kind, MountKind::Bind);
    assert!(v[1].read_only);
    assert_eq!(
        (v[2].kind, v[2].source.as_deref()),
        (MountKind::Volume, None)
    );
    assert_eq!(v[3].kind, MountKind::Bind);
    assert!(v[3].read_only);
    assert_eq!(v[4].kind, MountKind::Tmpfs);
}

#[test]
fn depends_on_list_and_map() {
    let m = load(
        "services:\n  w:\n    image: a\n    depends_on: [db]\n  x:\n    image: a\n    depends_on:\n      db: {condition: service_healthy}\n      init: {condition: service_completed_successfully, required: false}\n  db: {image: postgres}\n  init: {image: a}\n",
    );
    let w = m.services.iter().find(|s| s.name == "w").unwrap();
    assert_eq!(w.depends_on[0].condition, Condition::ServiceStarted);
    let x = m.services.iter().find(|s| s.name == "x").unwrap();
    assert_eq!(x.depends_on[0].condition, Condition::ServiceHealthy);
    assert!(!x.depends_on[1].required);
}

#[test]
fn environment_list_and_map_and_inherited() {
    let m = load_files(
        &[(
            "compose.yaml",
            "services:\n  w:\n    image: a\n    environment:\n      - A=1\n      - FROM_SHELL\n  x:\n    image: a\n    environment:\n      B: 2\n      C:\n",
        )],
        &[("FROM_SHELL", "s"), ("C", "c")],
    )
    .unwrap();
    let w = &m.services[0].environment;
    assert_eq!(
        (w[0].name.as_str(), w[0].value.as_deref()),
        ("A", Some("1"))
    );
    assert_eq!(w[1].value.as_deref(), Some("s"));
    let x = &m.services[1].environment;
    assert_eq!(x[0].value.as_deref(), Some("2"));
    assert_eq!(x[1].value.as_deref(), Some("c"));
}

#[test]
fn networks_secrets_configs_labels_both_forms() {
    let m = load(
        "services:\n  w:\n    image: a\n    networks: [front, back]\n    secrets: [s1, {source: s2, target: /run/s2}]\n    configs: [{source: c1}]\n    labels: [\"a=1\", \"b=2\"]\n  x:\n    image: a\n    networks: {front: {aliases: [xx]}}\n    labels: {c: \"3\"}\nnetworks: {front: {}, back: {driver: overlay}}\nsecrets: {s1: {file: a}, s2: {file: b}}\nconfigs: {c1: {file: c}}\n",
    );
    let w = &m.services[0];
    assert_eq!(w.networks, ["front", "back"]);
    assert_eq!(w.extras().secrets, ["s1", "s2"]);
    assert_eq!(w.extras().configs, ["c1"]);
    assert_eq!(w.extras().labels["b"].value, "2");
    assert_eq!(m.services[1].extras().labels["c"].value, "3");
    assert_eq!(m.networks["back"].driver.as_ref().unwrap().value, "overlay");
}

#[test]
fn deploy_scale_build_command_healthcheck() {
    let m = load(
        "services:\n  a:\n    image: x\n    deploy:\n      mode: global\n      placement: {constraints: [node.role == manager]}\n  b:\n    build: ./b\n    scale: 3\n    command: sh -c 'echo hi'\n    healthcheck: {test: [NONE]}\n  c:\n    build: {context: ./c, target: dev, dockerfile: Dockerfile.dev}\n    deploy: {replicas: \"${N:-4}\", update_config: {parallelism: 1}, rollback_config: {}, restart_policy: {condition: any}}\n    entrypoint: [run]\n",
    );
    let [a, b, c] = &m.services[..] else { panic!() };
    assert_eq!(a.mode(), Mode::Global);
    assert_eq!(a.replicas(), None);
    assert!(a.deploy().placement.is_some());
    assert_eq!(b.replicas(), Some(3));
    assert_eq!(b.build.as_ref().unwrap().context, "b");
    assert_eq!(b.command.as_ref().unwrap().value, ["sh", "-c", "echo hi"]);
    assert!(b.healthcheck_disabled);
    assert_eq!(c.replicas(), Some(4), "typed after interpolation");
    assert_eq!(
        c.build.as_ref().unwrap().target.as_ref().unwrap().value,
        "dev"
    );
    assert!(
        c.deploy().update_config.is_some()
            && c.deploy().rollback_config.is_some()
            && c.deploy().restart_policy.is_some()
    );
}

#[test]
fn override_files_merge_with_compose_rules() {
    let m = load_files(
        &[
            (
                "compose.yaml",
                "services:\n  w:\n    image: a:1\n    ports: ['80:80']\n    environment: {A: '1', B: '2'}\n    command: [x, y]\n  gone: {image: g}\n",
            ),
            (
                "compose.override.yaml",
                "services:\n  w:\n    image: a:2\n    ports: ['443:443']\n    environment: [B=3]\n    command: [z]\n  gone: !reset {}\n",
            ),
        ],
        &[],
    );
    let err = m.as_ref().err().cloned().unwrap_or_default();
    let m = m.unwrap_or_else(|_| panic!("{err}"));
    let w = m.services.iter().find(|s| s.name == "w").unwrap();
    assert_eq!(w.image.as_ref().unwrap().value, "a:2");
    assert_eq!(w.ports.len(), 2);
    let env: Vec<(&str, Option<&str>)> = w
        .environment
        .iter()
        .map(|e| (e.name.as_str(), e.value.as_deref()))
        .collect();
    assert!(env.contains(&("A", Some("1"))) && env.contains(&("B", Some("3"))));
    assert_eq!(w.command.as_ref().unwrap().value, ["z"]);
}

#[test]
fn extends_and_include() {
    let m = load_files(
        &[
            ("compose.yaml", "include: [other.yaml]\nservices:\n  web:\n    extends: {file: base.yaml, service: app}\n    image: web:2\n"),
            ("base.yaml", "services:\n  app:\n    image: web:1\n    environment: {MODE: prod}\n    deploy: {replicas: 2}\n"),
            ("other.yaml", "services:\n  db: {image: postgres:16}\n"),
        ],
        &[],
    )
    .unwrap();
    let names: Vec<&str> = m.services.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["db", "web"]);
    let web = &m.services[1];
    assert_eq!(web.image.as_ref().unwrap().value, "web:2");
    assert_eq!(web.replicas(), Some(2));
}

#[test]
fn profiles_and_compose_profiles() {
    let text = "services:\n  a: {image: x}\n  b: {image: x, profiles: [debug]}\n";
    assert_eq!(load(text).services.len(), 1);
    let m = load_files(&[("compose.yaml", text)], &[("COMPOSE_PROFILES", "debug")]).unwrap();
    assert_eq!(m.services.len(), 2);
}
