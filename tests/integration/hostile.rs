//! The threat model of README "Hostile input", one test per family: writing through planted
//! symlinks and special files, reading FIFOs and devices, confinement to the project root,
//! budgets, and silent passes. Hostile files are made in temporary directories; special files
//! are FIFOs (`mkfifo`) or device nodes made with `mknod` (root only), never `/dev/null` itself.
//! Every run has a kill timeout, so a hang fails the test instead of stalling the suite.

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use crate::common;

const SMALL: &str = "services:\n  web:\n    image: nginx:1.27\n";

fn run(dir: &Path, args: &[&str]) -> (Option<i32>, String, String) {
    let out = common::stackfit()
        .current_dir(dir)
        .args(args)
        .timeout(Duration::from_secs(20))
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn mkfifo(p: &Path) {
    let ok = Command::new("mkfifo").arg(p).status().unwrap().success();
    assert!(ok, "mkfifo {}", p.display());
}

#[test]
fn output_never_writes_through_a_planted_symlink() {
    let d = tempfile::tempdir().unwrap();
    std::fs::write(d.path().join("compose.yaml"), SMALL).unwrap();
    let victim = d.path().join("victim.txt");
    std::fs::write(&victim, "precious").unwrap();
    std::os::unix::fs::symlink(&victim, d.path().join("report.json")).unwrap();
    let (code, _, err) = run(
        d.path(),
        &["analyze", "--format", "json", "--output", "report.json"],
    );
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains("report.json") && err.contains("symbolic link"),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
    // No temporary file is left behind, under any name.
    let names: Vec<String> = std::fs::read_dir(d.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(names.iter().all(|n| !n.contains("tmp")), "{names:?}");
}

#[test]
fn output_refuses_read_only_files_and_the_inputs() {
    let d = tempfile::tempdir().unwrap();
    std::fs::write(d.path().join("compose.yaml"), SMALL).unwrap();
    let (code, _, err) = run(
        d.path(),
        &["analyze", "--format", "json", "--output", "compose.yaml"],
    );
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("one of the inputs"), "{err}");
    assert_eq!(
        std::fs::read_to_string(d.path().join("compose.yaml")).unwrap(),
        SMALL
    );
    let ro = d.path().join("ro.json");
    std::fs::write(&ro, "old").unwrap();
    let mut perm = std::fs::metadata(&ro).unwrap().permissions();
    perm.set_readonly(true);
    std::fs::set_permissions(&ro, perm).unwrap();
    let (code, _, err) = run(
        d.path(),
        &["analyze", "--format", "json", "--output", "ro.json"],
    );
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("read-only"), "{err}");
    assert_eq!(std::fs::read_to_string(&ro).unwrap(), "old");
}

#[test]
fn output_to_a_fifo_without_reader_is_an_error_not_a_wait() {
    let d = tempfile::tempdir().unwrap();
    std::fs::write(d.path().join("compose.yaml"), SMALL).unwrap();
    mkfifo(&d.path().join("pipe"));
    let (code, _, err) = run(
        d.path(),
        &["analyze", "--format", "json", "--output", "pipe"],
    );
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("pipe"), "{err}");
    // Still a FIFO: never replaced by a regular file.
    use std::os::unix::fs::FileTypeExt;
    assert!(
        std::fs::symlink_metadata(d.path().join("pipe"))
            .unwrap()
            .file_type()
            .is_fifo()
    );
}

#[test]
#[ignore = "needs root to make device nodes with mknod: set STACKFIT_ROOT_TESTS=1"]
fn devices_are_written_in_place_and_never_read() {
    assert!(
        std::env::var("STACKFIT_ROOT_TESTS").is_ok_and(|v| v == "1"),
        "STACKFIT_ROOT_TESTS=1 is not set"
    );
    let d = tempfile::tempdir().unwrap();
    std::fs::write(d.path().join("compose.yaml"), SMALL).unwrap();
    let null = d.path().join("null");
    let zero = d.path().join("zero");
    for (p, minor) in [(&null, "3"), (&zero, "5")] {
        let ok = Command::new("mknod")
            .arg(p)
            .args(["c", "1", minor])
            .status()
            .unwrap()
            .success();
        assert!(ok, "mknod {} (run as root)", p.display());
    }
    let (code, _, err) = run(
        d.path(),
        &["analyze", "--format", "json", "--output", "null"],
    );
    assert_eq!(code, Some(0), "{err}");
    use std::os::unix::fs::FileTypeExt;
    assert!(
        std::fs::symlink_metadata(&null)
            .unwrap()
            .file_type()
            .is_char_device(),
        "the device was replaced by a file"
    );
    for args in [
        vec!["analyze", "-f", "zero"],
        vec!["analyze", "--env-file", "zero"],
        vec!["analyze", "--config", "zero"],
        vec!["decompose", "zero"],
    ] {
        let (code, _, err) = run(d.path(), &args);
        assert!(matches!(code, Some(2 | 3)), "{args:?}: {code:?} {err}");
        assert!(err.contains("character device"), "{args:?}: {err}");
    }
}

#[test]
fn fifos_are_refused_wherever_a_file_is_read() {
    let d = tempfile::tempdir().unwrap();
    let p = d.path();
    mkfifo(&p.join("pipe"));
    std::fs::write(
        p.join("env.yaml"),
        "services:\n  web:\n    image: nginx\n    env_file: pipe\n",
    )
    .unwrap();
    std::fs::write(
        p.join("inc.yaml"),
        "include: [pipe]\nservices:\n  web:\n    image: nginx\n",
    )
    .unwrap();
    std::fs::write(
        p.join("ext.yaml"),
        "services:\n  web:\n    extends: {file: pipe, service: x}\n",
    )
    .unwrap();
    std::fs::create_dir(p.join("rules")).unwrap();
    mkfifo(&p.join("rules/R-X.toml"));
    std::fs::write(p.join("compose.yaml"), SMALL).unwrap();
    for (args, code) in [
        (vec!["analyze", "-f", "pipe"], 3),
        (vec!["analyze", "-f", "env.yaml"], 3),
        (vec!["analyze", "-f", "inc.yaml"], 3),
        (vec!["analyze", "-f", "ext.yaml"], 3),
        (vec!["analyze", "--env-file", "pipe"], 3),
        (vec!["analyze", "--config", "pipe"], 2),
        (vec!["analyze", "--rules", "rules"], 2),
        (vec!["decompose", "pipe"], 3),
    ] {
        let (got, _, err) = run(p, &args);
        assert_eq!(got, Some(code), "{args:?}: {err}");
        assert!(err.contains("FIFO"), "{args:?}: {err}");
    }
}

#[test]
fn files_outside_the_project_root_are_refused_at_the_naming_node() {
    let outside = tempfile::tempdir().unwrap();
    let secret = outside.path().join("secret.yaml");
    std::fs::write(&secret, "services:\n  leak:\n    image: TOPSECRET-LINE\n").unwrap();
    std::fs::write(outside.path().join("secret.env"), "TOKEN=TOPSECRET-VALUE\n").unwrap();
    let d = tempfile::tempdir().unwrap();
    let p = d.path();
    let s = secret.display().to_string();
    std::fs::write(
        p.join("abs.yaml"),
        format!("include: [{s}]\nservices:\n  web:\n    image: nginx\n"),
    )
    .unwrap();
    let rel = pathdiff(outside.path(), p);
    std::fs::write(
        p.join("dotdot.yaml"),
        format!("services:\n  web:\n    extends: {{file: {rel}/secret.yaml, service: leak}}\n"),
    )
    .unwrap();
    std::os::unix::fs::symlink(&secret, p.join("link.yaml")).unwrap();
    std::fs::write(
        p.join("vialink.yaml"),
        "include: [link.yaml]\nservices:\n  web:\n    image: nginx\n",
    )
    .unwrap();
    for (file, line) in [("abs.yaml", 1), ("dotdot.yaml", 3), ("vialink.yaml", 1)] {
        let (code, out, err) = run(p, &["analyze", "--format", "json", "-f", file]);
        assert_eq!(code, Some(3), "{file}: {err}");
        assert!(err.contains("outside the project root"), "{file}: {err}");
        assert!(err.contains(&format!("{file}:{line}:")), "{file}: {err}");
        assert!(
            !out.contains("TOPSECRET") && !err.contains("TOPSECRET"),
            "{file}"
        );
    }
    // Allowed explicitly on the command line, the same file loads.
    let (code, _, err) = run(
        p,
        &[
            "analyze",
            "--format",
            "json",
            "--allow-outside-root",
            "-f",
            "abs.yaml",
        ],
    );
    assert_eq!(code, Some(0), "{err}");
    // env_file outside: not read, a warning finding says so.
    std::fs::write(
        p.join("envout.yaml"),
        format!("services:\n  web:\n    image: nginx\n    env_file: {rel}/secret.env\n"),
    )
    .unwrap();
    let (code, out, err) = run(p, &["analyze", "--format", "json", "-f", "envout.yaml"]);
    assert_eq!(code, Some(0), "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let skipped: Vec<&serde_json::Value> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "skipped-file")
        .collect();
    assert_eq!(skipped.len(), 1, "{out}");
    assert_eq!(skipped[0]["severity"], "warning");
    assert_eq!(skipped[0]["location"]["line"], 4);
    assert!(!out.contains("TOPSECRET"));
}

/// `to` relative to `from` (both absolute temporary directories).
fn pathdiff(to: &Path, from: &Path) -> String {
    let ups = from.components().count() - 1;
    format!(
        "{}{}",
        "../".repeat(ups),
        to.strip_prefix("/").unwrap().display()
    )
}

#[test]
fn a_directory_walk_never_follows_links_out_and_ends_on_loops() {
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(
        outside.path().join("deploy.yaml"),
        "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: outsider}\nspec:\n  template:\n    spec:\n      containers: [{name: a, image: a}]\n",
    )
    .unwrap();
    let d = tempfile::tempdir().unwrap();
    let m = d.path().join("manifests");
    std::fs::create_dir(&m).unwrap();
    std::fs::write(
        m.join("app.json"),
        r#"{"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "web"}, "spec": {"template": {"spec": {"containers": [{"name": "web", "image": "ghcr.io/acme/web:1"}]}}}}"#,
    )
    .unwrap();
    std::fs::write(
        m.join("flow.yaml"),
        "{apiVersion: apps/v1, kind: Deployment, metadata: {name: api}, spec: {template: {spec: {containers: [{name: api, image: 'ghcr.io/acme/api:1'}]}}}}\n",
    )
    .unwrap();
    std::fs::write(m.join("notes.yaml"), "title: not a manifest\n").unwrap();
    std::os::unix::fs::symlink(outside.path(), m.join("escape")).unwrap();
    std::os::unix::fs::symlink(&m, m.join("loop")).unwrap();
    let (code, out, err) = run(d.path(), &["graph", "--format", "json", "manifests"]);
    assert_eq!(code, Some(0), "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let names: Vec<&str> = v["services"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        ["api", "web"],
        "JSON and flow-style manifests are read; the link out is not"
    );
    let (_, out, _) = run(d.path(), &["analyze", "--format", "json", "manifests"]);
    assert!(
        out.contains("notes.yaml") && out.contains("not a compose file"),
        "an unrecognised YAML file is a warning: {out}"
    );
    // Only unrecognised files: an error, not a pass.
    std::fs::remove_file(m.join("app.json")).unwrap();
    std::fs::remove_file(m.join("flow.yaml")).unwrap();
    let (code, _, err) = run(d.path(), &["analyze", "manifests"]);
    assert_eq!(code, Some(3), "{err}");
}

#[test]
fn include_diamonds_load_each_file_once_and_byte_budgets_hold() {
    let d = tempfile::tempdir().unwrap();
    let p = d.path();
    // f0 includes f1 three times, f1 includes f2 three times, …: 3^14 loads without a cache.
    for i in 0..14 {
        let body = if i < 13 {
            let n = format!("f{}.yaml", i + 1);
            format!("include: [{n}, {n}, {n}]\nservices:\n  s{i}:\n    image: nginx\n")
        } else {
            format!("services:\n  s{i}:\n    image: nginx\n")
        };
        std::fs::write(p.join(format!("f{i}.yaml")), body).unwrap();
    }
    let (code, out, err) = run(p, &["graph", "--format", "json", "-f", "f0.yaml"]);
    assert_eq!(code, Some(0), "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["services"].as_array().unwrap().len(), 14);
    // A run's total budget counts every file.
    let out = common::stackfit()
        .current_dir(p)
        .env("STACKFIT_MAX_TOTAL_BYTES", "200")
        .args(["graph", "--format", "json", "-f", "f0.yaml"])
        .timeout(Duration::from_secs(20))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&out.stderr).contains("STACKFIT_MAX_TOTAL_BYTES"));
}

#[test]
fn rule_files_are_checked_for_duplicate_ids_and_point_ranges() {
    let d = tempfile::tempdir().unwrap();
    let p = d.path();
    std::fs::write(p.join("compose.yaml"), SMALL).unwrap();
    let rule = |id: &str, points: i64| {
        format!(
            "id = \"{id}\"\nname = \"n-{points}\"\nsummary = \"s\"\nconcerns = [\"scaling\"]\nsource = []\npoints = {points}\nmessage = \"m\"\nexplanation = \"e\"\nwhen = {{ fact = \"services\", op = \">=\", value = 1 }}\n"
        )
    };
    std::fs::create_dir(p.join("dup")).unwrap();
    std::fs::write(p.join("dup/a.toml"), rule("R-X", 1)).unwrap();
    std::fs::write(p.join("dup/b.toml"), rule("R-X", 2)).unwrap();
    let (code, _, err) = run(p, &["analyze", "--rules", "dup"]);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("already defined"), "{err}");
    std::fs::create_dir(p.join("big")).unwrap();
    std::fs::write(p.join("big/a.toml"), rule("R-X", 9_223_372_036_854_775_807)).unwrap();
    let (code, _, err) = run(p, &["analyze", "--rules", "big"]);
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains("a.toml:6:1") && err.contains("outside the allowed range"),
        "{err}"
    );
    std::fs::write(p.join("stackfit.toml"), "[rules.points]\nR-SIZE = 1000\n").unwrap();
    let (code, _, err) = run(p, &["analyze"]);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("outside the allowed range"), "{err}");
}

#[test]
fn config_discovery_stops_at_the_project_root() {
    let d = tempfile::tempdir().unwrap();
    let parent = d.path();
    // A parent directory's config that would flip the outcome.
    std::fs::write(parent.join("stackfit.toml"), "expect = \"kubernetes\"\n").unwrap();
    let proj = parent.join("proj");
    std::fs::create_dir_all(proj.join(".git")).unwrap();
    std::fs::write(proj.join("compose.yaml"), SMALL).unwrap();
    let (code, _, err) = run(&proj, &["analyze", "--format", "json"]);
    assert_eq!(
        code,
        Some(0),
        "the parent's stackfit.toml must not apply: {err}"
    );
}

/// Every format of `analyze` and `graph`, with stdout and stderr together.
fn all_outputs(dir: &Path, env: &[(&str, &str)]) -> String {
    let mut all = String::new();
    let mut runs: Vec<Vec<&str>> = [
        "table", "json", "sarif", "github", "gitlab", "junit", "markdown",
    ]
    .iter()
    .map(|f| vec!["analyze", "--format", f])
    .collect();
    for f in ["json", "dot", "mermaid"] {
        runs.push(vec!["graph", "--format", f]);
    }
    for args in runs {
        let mut c = common::stackfit();
        c.current_dir(dir)
            .args(&args)
            .timeout(Duration::from_secs(20));
        for (k, v) in env {
            c.env(k, v);
        }
        let out = c.output().unwrap();
        all.push_str(&String::from_utf8_lossy(&out.stdout));
        all.push_str(&String::from_utf8_lossy(&out.stderr));
    }
    all
}

#[test]
fn secrets_from_the_environment_and_env_files_never_reach_an_output() {
    let d = tempfile::tempdir().unwrap();
    let p = d.path();
    let env = [
        ("CI_SECRET", "ci-secret-value-1"),
        ("TOKEN", "process-token-2"),
    ];
    std::fs::write(
        p.join(".env"),
        "PROJECT_TAG=proj-tag-3\nDB_PASSWORD=dotenv-secret-4\n",
    )
    .unwrap();
    std::fs::write(p.join("app.env"), "API_KEY=envfile-secret-5\n").unwrap();
    let cases = [
        // identifier fields, messages, `:?` errors with a variable in the message
        "services:\n  web:\n    image: \"acme/web:${TOKEN}\"\n    container_name: \"${CI_SECRET}\"\n    env_file: app.env\n    environment: {PASSWORD: \"${DB_PASSWORD}\"}\n",
        "services:\n  web:\n    image: nginx\n    ports: [\"${CI_SECRET}\"]\n",
        "services:\n  web:\n    image: nginx\n    scale: \"${DB_PASSWORD}\"\n",
        "services:\n  web:\n    image: nginx\n    depends_on: [\"${TOKEN}\"]\n",
        "services:\n  web:\n    image: \"${NOPE:?$CI_SECRET}\"\n",
        "services:\n  web:\n    image: nginx\n    deploy: {mode: \"${API_KEY:-${CI_SECRET}}\"}\n",
    ];
    for case in cases {
        std::fs::write(p.join("compose.yaml"), case).unwrap();
        let all = all_outputs(p, &env);
        for secret in [
            "ci-secret-value-1",
            "process-token-2",
            "dotenv-secret-4",
            "envfile-secret-5",
        ] {
            assert!(!all.contains(secret), "{secret} leaked for\n{case}\n{all}");
        }
    }
    // A substitution from a project file is printed in identifier fields; one from the
    // process environment shows as `${NAME}`.
    std::fs::write(
        p.join("compose.yaml"),
        "services:\n  web:\n    image: \"acme/web:${PROJECT_TAG}-${TOKEN}\"\n",
    )
    .unwrap();
    let out = common::stackfit()
        .current_dir(p)
        .env("TOKEN", "process-token-2")
        .args(["graph", "--format", "json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["services"][0]["image"], "acme/web:proj-tag-3-${TOKEN}");
}

const NASTY: &str = "web\n::error::pwned\u{202e}\u{1b}[31m|</td>``` ]\"<script>";

/// No raw control or bidi character, and no line that starts a workflow command.
fn assert_clean(what: &str, text: &str) {
    for c in text.chars() {
        let bad = (c < ' ' && c != '\n' && c != '\t')
            || ('\u{7f}'..='\u{9f}').contains(&c)
            || ('\u{200b}'..='\u{200f}').contains(&c)
            || ('\u{202a}'..='\u{202e}').contains(&c)
            || ('\u{2066}'..='\u{2069}').contains(&c);
        assert!(!bad, "{what}: raw {c:?} in\n{text}");
    }
    for l in text.lines() {
        assert!(!l.trim_start().starts_with("::error::pwned"), "{what}: {l}");
    }
}

#[test]
fn input_text_is_escaped_in_every_format() {
    let d = tempfile::tempdir().unwrap();
    let p = d.path();
    // Manifests carry any name; compose names are checked against the specification.
    let name = serde_json::to_string(NASTY).unwrap();
    std::fs::write(
        p.join("k.yaml"),
        format!(
            "apiVersion: apps/v1\nkind: Deployment\nmetadata: {{name: {name}}}\nspec: {{template: {{spec: {{containers: [{{name: a, image: {name}}}]}}}}}}\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {{name: db}}\nspec: {{template: {{spec: {{containers: [{{name: db, image: postgres, env: [{{name: X, value: {name}}}]}}]}}}}}}\n"
        ),
    )
    .unwrap();
    for f in [
        "table", "json", "sarif", "github", "gitlab", "junit", "markdown",
    ] {
        let (code, out, err) = run(p, &["analyze", "k.yaml", "--format", f]);
        assert!(matches!(code, Some(0 | 1)), "{f}: {err}");
        assert_clean(f, &out);
        assert_clean(f, &err);
        match f {
            "json" | "sarif" | "gitlab" => {
                let v: serde_json::Value = serde_json::from_str(&out).unwrap();
                if f == "json" {
                    assert!(
                        v["services"]
                            .as_array()
                            .unwrap()
                            .iter()
                            .any(|s| s["name"] == NASTY),
                        "the name is kept as data"
                    );
                }
            }
            "junit" => {
                assert!(!out.contains("<script>") && !out.contains("</td>"), "{out}");
            }
            "markdown" => {
                assert!(!out.contains("<script>"), "{out}");
                // The Mermaid block opens once and closes once: only a line that starts with a
                // fence opens or closes one, and input text never starts a line.
                assert_eq!(
                    out.lines()
                        .filter(|l| l.trim_start().starts_with("```"))
                        .count(),
                    2,
                    "{out}"
                );
                assert!(out.lines().all(|l| !l.starts_with("::")), "{out}");
            }
            _ => {}
        }
    }
    // The plan in every format (its JSON goes to standard output as it is written).
    for f in ["table", "json", "markdown"] {
        let (code, out, err) = run(p, &["plan", "k.yaml", "--format", f]);
        assert!(matches!(code, Some(0 | 1)), "plan {f}: {err}");
        assert_clean(f, &out);
        if f == "json" {
            let v: serde_json::Value = serde_json::from_str(&out).unwrap();
            assert!(
                v["plan"]["workloads"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|w| w["service"] == NASTY),
                "the name is kept as data"
            );
        }
    }
    for f in ["json", "dot", "mermaid"] {
        let (code, out, err) = run(p, &["graph", "k.yaml", "--format", f]);
        assert_eq!(code, Some(0), "{f}: {err}");
        assert_clean(f, &out);
        if f == "mermaid" {
            assert!(!out.contains("<script>") && !out.contains("```"), "{out}");
        }
        if f == "dot" {
            // Every quoted string closes on its own line: no input text ends a quote early.
            for l in out.lines().filter(|l| l.contains('"')) {
                let unescaped = l.replace("\\\\", "").replace("\\\"", "");
                assert_eq!(unescaped.matches('"').count() % 2, 0, "{l}");
            }
        }
    }
    // A compose file with such a service name is refused, the name shown escaped.
    std::fs::write(
        p.join("compose.yaml"),
        format!("services:\n  {name}:\n    image: nginx\n"),
    )
    .unwrap();
    let (code, _, err) = run(p, &["analyze", "-f", "compose.yaml"]);
    assert_eq!(code, Some(3), "{err}");
    assert_clean("stderr", &err);
    assert!(err.contains("is not a valid name"), "{err}");
}

fn chain(n: usize) -> String {
    let mut s = String::from("services:\n");
    for i in 0..n {
        s.push_str(&format!("  s{i}:\n    image: nginx\n"));
        if i > 0 {
            s.push_str(&format!("    depends_on: [s{}]\n", i - 1));
        }
    }
    s
}

#[test]
fn long_chains_and_big_maps_finish_without_recursion_or_quadratic_work() {
    let d = tempfile::tempdir().unwrap();
    let p = d.path();
    // At the service budget: analysed (no recursion whose depth the input controls).
    std::fs::write(p.join("chain.yaml"), chain(50_000)).unwrap();
    let (code, _, err) = run(p, &["analyze", "--format", "json", "-f", "chain.yaml"]);
    assert_eq!(code, Some(0), "{err}");
    // Past it: a located input error.
    std::fs::write(p.join("long.yaml"), chain(150_000)).unwrap();
    let (code, _, err) = run(p, &["analyze", "-f", "long.yaml"]);
    assert_eq!(code, Some(3), "{err}");
    assert!(
        err.contains("long.yaml:2:") && err.contains("STACKFIT_MAX_SERVICES"),
        "{err}"
    );
    // 100k environment keys and a 50k-line env file.
    let mut env = String::from(
        "services:\n  web:\n    image: nginx\n    env_file: big.env\n    environment:\n",
    );
    let mut file = String::new();
    for i in 0..100_000 {
        env.push_str(&format!("      K{i}: v{i}\n"));
        if i < 50_000 {
            file.push_str(&format!("E{i}=v{i}\n"));
        }
    }
    std::fs::write(p.join("env.yaml"), env).unwrap();
    std::fs::write(p.join("big.env"), file).unwrap();
    let (code, _, err) = run(p, &["analyze", "--format", "json", "-f", "env.yaml"]);
    assert_eq!(code, Some(0), "{err}");
    // Lists of 60,000 items: unique-item checks and list-to-mapping conversion go by index
    // (both compared every pair once: minutes for a 1 MB file).
    let mut lists = String::from("services:\n  web:\n    image: nginx\n    dns:\n");
    for i in 0..60_000 {
        lists.push_str(&format!("      - 10.0.{}.{}\n", i / 250, i % 250));
    }
    lists.push_str("    labels:\n");
    for i in 0..60_000 {
        lists.push_str(&format!("      - l{i}=v\n"));
    }
    std::fs::write(p.join("lists.yaml"), &lists).unwrap();
    let (code, _, err) = run(p, &["analyze", "--format", "json", "-f", "lists.yaml"]);
    assert_eq!(code, Some(0), "{err}");
    // ... and a repeat in the long list is still found, where it is
    lists.push_str("    extra_hosts: [a:10.0.0.1, b:10.0.0.2]\n    dns_search: [x, y, x]\n");
    std::fs::write(p.join("repeat.yaml"), &lists).unwrap();
    let (code, _, err) = run(p, &["analyze", "-f", "repeat.yaml"]);
    assert_eq!(code, Some(3), "{err}");
    assert!(
        err.contains("services.web.dns_search: items at 0 and 2 are equal"),
        "{err}"
    );
    // 20,000 caches each used by one of 20,000 services: the users of every cache were found
    // by scanning every service's edges per cache (3 to 4 s; now each edge is read once).
    let mut caches = String::from("services:\n");
    for i in 0..20_000 {
        caches.push_str(&format!("  c{i}:\n    image: redis:7\n"));
    }
    for i in 0..20_000 {
        caches.push_str(&format!(
            "  a{i}:\n    image: ghcr.io/acme/a{i}:1\n    depends_on: [c{i}]\n"
        ));
    }
    std::fs::write(p.join("caches.yaml"), caches).unwrap();
    let (code, _, err) = run(p, &["analyze", "--format", "json", "-f", "caches.yaml"]);
    assert_eq!(code, Some(0), "{err}");
    // Two files of 30,000 services each, merged by index.
    let (mut a, mut b) = (String::from("services:\n"), String::from("services:\n"));
    for i in 0..30_000 {
        a.push_str(&format!("  s{i}:\n    image: ghcr.io/acme/s{i}:1\n"));
        b.push_str(&format!("  s{i}:\n    restart: always\n"));
    }
    std::fs::write(p.join("a.yaml"), a).unwrap();
    std::fs::write(p.join("b.yaml"), b).unwrap();
    let (code, out, err) = run(
        p,
        &["graph", "--format", "json", "-f", "a.yaml", "-f", "b.yaml"],
    );
    assert_eq!(code, Some(0), "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let services = v["services"].as_array().unwrap();
    assert_eq!(services.len(), 30_000);
    assert!(services.iter().all(|s| s["restart"] == "always"));
}

#[test]
fn decompose_input_has_budgets() {
    let d = tempfile::tempdir().unwrap();
    let mut csv = String::from("source,target\n");
    for i in 0..300_000u64 {
        csv.push_str(&format!("m{},m{}\n", i % 40_000, (i * 7919) % 40_000));
    }
    std::fs::write(d.path().join("edges.csv"), csv).unwrap();
    let (code, _, err) = run(d.path(), &["decompose", "edges.csv"]);
    assert_eq!(code, Some(3), "{err}");
    assert!(err.contains("STACKFIT_MAX_"), "{err}");
}

#[test]
fn the_report_names_the_config_it_used() {
    let d = tempfile::tempdir().unwrap();
    std::fs::create_dir(d.path().join(".git")).unwrap();
    std::fs::write(d.path().join("compose.yaml"), SMALL).unwrap();
    std::fs::write(d.path().join("stackfit.toml"), "fail-on = \"never\"\n").unwrap();
    let (code, out, err) = run(d.path(), &["analyze", "--format", "json"]);
    assert_eq!(code, Some(0), "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(
        v["config"].as_str().unwrap().ends_with("stackfit.toml"),
        "{out}"
    );
    let (_, out, _) = run(d.path(), &["analyze", "--format", "table"]);
    assert!(out.contains("config: "), "{out}");
}

#[test]
fn a_file_of_a_walked_directory_that_cannot_be_read_is_an_error() {
    let d = tempfile::tempdir().unwrap();
    let m = d.path().join("manifests");
    std::fs::create_dir(&m).unwrap();
    std::fs::write(
        m.join("app.yaml"),
        "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  template:\n    spec:\n      containers: [{name: web, image: ghcr.io/acme/web:1}]\n",
    )
    .unwrap();
    mkfifo(&m.join("stuck.yaml"));
    let (code, _, err) = run(d.path(), &["analyze", "manifests"]);
    assert_eq!(code, Some(3), "{err}");
    assert!(err.contains("stuck.yaml") && err.contains("FIFO"), "{err}");
}

#[test]
fn a_walked_directory_is_read_once_against_the_load_budget() {
    // 1,200 manifests: detection reads each head uncharged and the loader loads each once, so
    // the default budget of 2,000 loads holds (reading them twice would exceed it).
    let d = tempfile::tempdir().unwrap();
    let m = d.path().join("manifests");
    std::fs::create_dir(&m).unwrap();
    for i in 0..1200 {
        std::fs::write(
            m.join(format!("w{i:04}.yaml")),
            format!("apiVersion: apps/v1\nkind: Deployment\nmetadata: {{name: w{i}}}\nspec:\n  template:\n    spec:\n      containers: [{{name: a, image: ghcr.io/acme/w{i}:1}}]\n"),
        )
        .unwrap();
    }
    let (code, _, err) = run(d.path(), &["graph", "--format", "json", "manifests"]);
    assert_eq!(code, Some(0), "{err}");
}
