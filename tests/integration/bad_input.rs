//! The catalogue of hostile and broken inputs: each exits with its documented code (2 usage,
//! 3 input), prints one clear message naming file:line:col where there is one, never panics and
//! never hangs (each case runs under a 10 s timeout; no speed is asserted).

use crate::common;

use std::time::Duration;

enum Content {
    Text(String),
    Bytes(Vec<u8>),
    Dir,
}

struct Case {
    name: &'static str,
    files: Vec<(&'static str, Content)>,
    args: Vec<&'static str>,
    env: Vec<(&'static str, &'static str)>,
    code: i32,
    /// Substring the message must contain.
    says: &'static str,
    /// `file:line:col` prefix the message must contain, if the error has a location.
    at: Option<&'static str>,
}

fn t(s: &str) -> Content {
    Content::Text(s.to_string())
}

fn case(
    name: &'static str,
    compose: &str,
    code: i32,
    says: &'static str,
    at: Option<&'static str>,
) -> Case {
    Case {
        name,
        files: vec![("compose.yaml", t(compose))],
        args: vec![],
        env: vec![],
        code,
        says,
        at,
    }
}

fn alias_bomb() -> String {
    let mut s = String::from(
        "x-a: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n",
    );
    let mut prev = 'a';
    for c in 'b'..='j' {
        let refs = vec![format!("*{prev}"); 9].join(", ");
        s.push_str(&format!("x-{c}: &{c} [{refs}]\n"));
        prev = c;
    }
    s.push_str("services:\n  web:\n    image: a\n");
    s
}

fn cases() -> Vec<Case> {
    let svc = |body: &str| format!("services:\n  web:\n    image: nginx\n{body}");
    let v = vec![
        // resource limits
        case(
            "alias bomb",
            &alias_bomb(),
            3,
            "alias",
            Some("compose.yaml:"),
        ),
        case(
            "deep flow nesting",
            &format!("services: {}", "[".repeat(100_000)),
            3,
            "",
            Some("compose.yaml:1:"),
        ),
        case(
            "deep block nesting",
            &(0..300)
                .map(|i| format!("{}k{i}:\n", " ".repeat(i * 2)))
                .collect::<String>(),
            3,
            "",
            Some("compose.yaml:"),
        ),
        case(
            "too many documents",
            &"---\na: 1\n".repeat(10_001),
            3,
            "too many YAML documents",
            Some("compose.yaml:"),
        ),
        Case {
            name: "file over the size limit",
            files: vec![(
                "compose.yaml",
                t(&format!(
                    "services:\n  web:\n    image: a\n# {}\n",
                    "x".repeat(5000)
                )),
            )],
            args: vec![],
            env: vec![("STACKFIT_MAX_FILE_BYTES", "1000")],
            code: 3,
            says: "larger than the limit",
            at: None,
        },
        Case {
            name: "include cycle",
            files: vec![
                (
                    "compose.yaml",
                    t("include: [b.yaml]\nservices:\n  web: {image: a}\n"),
                ),
                (
                    "b.yaml",
                    t("include: [compose.yaml]\nservices:\n  db: {image: b}\n"),
                ),
            ],
            args: vec![],
            env: vec![],
            code: 3,
            says: "include cycle",
            at: Some("b.yaml:1:11"),
        },
        Case {
            name: "include of itself",
            files: vec![(
                "compose.yaml",
                t("include: [compose.yaml]\nservices:\n  web: {image: a}\n"),
            )],
            args: vec![],
            env: vec![],
            code: 3,
            says: "include cycle",
            at: Some("compose.yaml:1:11"),
        },
        case(
            "extends cycle",
            "services:\n  a: {image: x, extends: b}\n  b: {image: x, extends: a}\n",
            3,
            "extends",
            Some("compose.yaml:"),
        ),
        case(
            "extends missing file",
            &svc("    extends: {file: nope.yaml, service: base}\n"),
            3,
            "no such file",
            Some("compose.yaml:4:14"),
        ),
        case(
            "extends missing service",
            &svc("    extends: ghost\n"),
            3,
            "no such service",
            Some("compose.yaml:4:14"),
        ),
        case(
            "extends remote",
            &svc("    extends: {file: 'https://example.com/c.yaml', service: base}\n"),
            3,
            "never fetches",
            Some("compose.yaml:"),
        ),
        // encodings and file kinds
        Case {
            name: "invalid UTF-8",
            files: vec![(
                "compose.yaml",
                Content::Bytes(b"services:\n  web:\n    image: \xff\xfe\n".to_vec()),
            )],
            args: vec![],
            env: vec![],
            code: 3,
            says: "not valid UTF-8",
            at: Some("compose.yaml:3:12"),
        },
        Case {
            name: "binary file",
            files: vec![(
                "compose.yaml",
                Content::Bytes(vec![0x7f, b'E', b'L', b'F', 0, 0, 1, 2]),
            )],
            args: vec![],
            env: vec![],
            code: 3,
            says: "NUL byte",
            at: Some("compose.yaml:1"),
        },
        case(
            "empty file",
            "",
            3,
            "empty compose file",
            Some("compose.yaml:1:1"),
        ),
        case(
            "only comments",
            "# nothing here\n",
            3,
            "empty compose file",
            Some("compose.yaml:1:1"),
        ),
        Case {
            name: "directory given as env file",
            files: vec![
                ("compose.yaml", t("services:\n  web: {image: a}\n")),
                ("envdir", Content::Dir),
            ],
            args: vec!["--env-file", "envdir"],
            env: vec![],
            code: 3,
            says: "is a directory",
            at: None,
        },
        Case {
            name: "missing file",
            files: vec![],
            args: vec!["-f", "missing.yaml"],
            env: vec![],
            code: 3,
            says: "no such file",
            at: None,
        },
        Case {
            name: "dangling symlink target",
            files: vec![],
            args: vec!["-f", "/nonexistent/dir/compose.yaml"],
            env: vec![],
            code: 3,
            says: "no such file",
            at: None,
        },
        Case {
            name: "directory without a compose file",
            files: vec![("sub/readme.txt", t("hello"))],
            args: vec!["sub"],
            env: vec![],
            code: 3,
            says: "no compose file",
            at: None,
        },
        // broken YAML
        case(
            "unclosed quote",
            "services:\n  web:\n    image: \"nginx\n",
            3,
            "invalid YAML",
            Some("compose.yaml:"),
        ),
        case(
            "tab indentation",
            "services:\n\tweb:\n\t\timage: a\n",
            3,
            "invalid YAML",
            Some("compose.yaml:2:"),
        ),
        case(
            "unclosed flow mapping",
            "services: {web: {image: a}\n",
            3,
            "invalid YAML",
            Some("compose.yaml:"),
        ),
        case(
            "bad indentation",
            "services:\n  web:\n    image: a\n   ports: [80]\n",
            3,
            "invalid YAML",
            Some("compose.yaml:4:"),
        ),
        case(
            "duplicate keys",
            "services:\n  web:\n    image: a\n    image: b\n",
            3,
            "duplicate mapping key `image`",
            Some("compose.yaml:4:5"),
        ),
        case(
            "unknown alias",
            "services:\n  web: *nope\n",
            3,
            "",
            Some("compose.yaml:2:"),
        ),
        case(
            "complex mapping key",
            "services:\n  ? [a, b]\n  : {image: x}\n",
            3,
            "keys must be strings",
            Some("compose.yaml:2:"),
        ),
        case(
            "merge key with a scalar",
            "services:\n  web:\n    <<: 1\n    image: a\n",
            3,
            "merge key",
            Some("compose.yaml:3:9"),
        ),
        // wrong types for keys the model reads
        case(
            "top-level list",
            "- a\n- b\n",
            3,
            "must be a mapping",
            Some("compose.yaml:1:1"),
        ),
        case(
            "top-level scalar",
            "hello\n",
            3,
            "must be a mapping",
            Some("compose.yaml:1:1"),
        ),
        case(
            "services as a list",
            "services:\n  - web\n",
            3,
            "services must be a mapping",
            Some("compose.yaml:2:3"),
        ),
        case(
            "null service",
            "services:\n  web:\n",
            3,
            "services.web must be a mapping",
            Some("compose.yaml:2:3"),
        ),
        case(
            "image as a list",
            "services:\n  web:\n    image: [a]\n",
            3,
            "services.web.image must be a string",
            Some("compose.yaml:3:12"),
        ),
        case(
            "replicas as text",
            &svc("    deploy: {replicas: lots}\n"),
            3,
            "must be an integer",
            Some("compose.yaml:4:24"),
        ),
        case(
            "negative replicas",
            &svc("    deploy: {replicas: -2}\n"),
            3,
            "must not be negative",
            Some("compose.yaml:4:24"),
        ),
        case(
            "huge replicas",
            &svc("    deploy: {replicas: 99999999999999999999999}\n"),
            3,
            "must be an integer",
            Some("compose.yaml:4:24"),
        ),
        case(
            "ports as a mapping",
            &svc("    ports: {a: 1}\n"),
            3,
            "ports must be a list",
            Some("compose.yaml:4:12"),
        ),
        case(
            "invalid port",
            &svc("    ports: [\"http\"]\n"),
            3,
            "invalid port",
            Some("compose.yaml:4:13"),
        ),
        case(
            "depends_on as a number",
            &svc("    depends_on: 3\n"),
            3,
            "depends_on must be a list or a mapping",
            Some("compose.yaml:4:17"),
        ),
        case(
            "bad depends_on condition",
            "services:\n  web:\n    image: a\n    depends_on: {db: {condition: ready}}\n  db: {image: b}\n",
            3,
            "condition must be one of",
            Some("compose.yaml:4:34"),
        ),
        case(
            "environment as a number",
            &svc("    environment: 3\n"),
            3,
            "environment must be a mapping or a list",
            Some("compose.yaml:4:18"),
        ),
        case(
            "invalid volume",
            &svc("    volumes: [\"a:b:c:d\"]\n"),
            3,
            "invalid volume",
            Some("compose.yaml:4:15"),
        ),
        case(
            "bad deploy mode",
            &svc("    deploy: {mode: everywhere}\n"),
            3,
            "deploy.mode must be one of",
            Some("compose.yaml:4:20"),
        ),
        case(
            "healthcheck as a list",
            &svc("    healthcheck: [a]\n"),
            3,
            "healthcheck must be a mapping",
            Some("compose.yaml:4:18"),
        ),
        case(
            "unknown top-level key",
            "servics:\n  web: {image: a}\n",
            3,
            "additional property `servics`",
            Some("compose.yaml:1:1"),
        ),
        case(
            "unknown service key",
            &svc("    depend_on: [db]\n"),
            3,
            "additional property `depend_on`",
            Some("compose.yaml:4:5"),
        ),
        case(
            "neither image nor build",
            "services:\n  web:\n    ports: [\"80:80\"]\n",
            3,
            "neither an image nor a build",
            Some("compose.yaml:2:3"),
        ),
        case(
            "scale and replicas disagree",
            &svc("    scale: 2\n    deploy: {replicas: 3}\n"),
            3,
            "distinct values",
            Some("compose.yaml:4:12"),
        ),
        // graph errors
        case(
            "undefined service",
            &svc("    depends_on: [db]\n"),
            3,
            "undefined service `db`",
            Some("compose.yaml:4:18"),
        ),
        case(
            "dependency cycle",
            "services:\n  a: {image: x, depends_on: [b]}\n  b: {image: x, depends_on: [a]}\n",
            3,
            "dependency cycle detected: a -> b -> a",
            Some("compose.yaml:3:30"),
        ),
        case(
            "self dependency",
            "services:\n  a: {image: x, depends_on: [a]}\n",
            3,
            "dependency cycle detected: a -> a",
            Some("compose.yaml:2:30"),
        ),
        // interpolation
        case(
            "unclosed interpolation",
            "services:\n  web:\n    image: \"nginx:${TAG\"\n",
            3,
            "never closed",
            Some("compose.yaml:3:"),
        ),
        case(
            "empty variable name",
            "services:\n  web:\n    image: nginx:${}\n",
            3,
            "variable name",
            Some("compose.yaml:3:"),
        ),
        case(
            "required variable unset",
            "services:\n  web:\n    image: nginx:${TAG:?set TAG first}\n",
            3,
            "required variable TAG is missing a value: set TAG first",
            Some("compose.yaml:3:"),
        ),
        case(
            "interpolated replicas not a number",
            "services:\n  web:\n    image: a\n    deploy: {replicas: \"${N:-many}\"}\n",
            3,
            "must be an integer",
            Some("compose.yaml:4:24"),
        ),
        // env files
        Case {
            name: "missing env_file",
            files: vec![(
                "compose.yaml",
                t("services:\n  web:\n    image: a\n    env_file: app.env\n"),
            )],
            args: vec![],
            env: vec![],
            code: 3,
            says: "env file app.env not found",
            at: Some("compose.yaml:4:15"),
        },
        Case {
            name: "broken env file",
            files: vec![
                (
                    "compose.yaml",
                    t("services:\n  web:\n    image: a\n    env_file: app.env\n"),
                ),
                ("app.env", t("A=1\nB=\"unterminated\n")),
            ],
            args: vec![],
            env: vec![],
            code: 3,
            says: "unterminated quoted value for B",
            at: Some("app.env:2:3"),
        },
        // expansion bombs (found by fuzzing the env-file parser)
        Case {
            name: "env file expansion bomb",
            files: vec![
                (
                    "compose.yaml",
                    t("services:\n  web:\n    image: a\n    env_file: app.env\n"),
                ),
                (
                    "app.env",
                    t(&format!(
                        "A=xxxxxxxxxxxxxxxx\n{}",
                        "A=$A$A$A$A\n".repeat(20)
                    )),
                ),
            ],
            args: vec![],
            env: vec![],
            code: 3,
            says: "variable expansion",
            at: Some("app.env:"),
        },
        Case {
            name: "compose interpolation bomb",
            files: vec![
                (
                    "compose.yaml",
                    t(&format!(
                        "services:\n  web:\n    image: a\n    environment:\n{}",
                        (0..40)
                            .map(|i| format!("      V{i}: ${{BIG}}${{BIG}}\n"))
                            .collect::<String>()
                    )),
                ),
                (".env", t(&format!("BIG={}\n", "y".repeat(600_000)))),
            ],
            args: vec![],
            env: vec![],
            code: 3,
            says: "variable expansion produces more than",
            at: Some("compose.yaml:"),
        },
        // declared facts and command line
        case(
            "unknown x-stackfit key",
            "x-stackfit:\n  hostz: 3\nservices:\n  web: {image: a}\n",
            3,
            "unknown declared fact `hostz`",
            Some("compose.yaml:2:3"),
        ),
        case(
            "x-stackfit wrong type",
            "x-stackfit:\n  zero-downtime: maybe\nservices:\n  web: {image: a}\n",
            3,
            "must be true or false",
            Some("compose.yaml:2:18"),
        ),
        case(
            "x-stackfit not a mapping",
            "x-stackfit: [hosts]\nservices:\n  web: {image: a}\n",
            3,
            "x-stackfit must be a mapping",
            Some("compose.yaml:1:13"),
        ),
        Case {
            name: "bad --assume",
            files: vec![("compose.yaml", t("services:\n  web: {image: a}\n"))],
            args: vec!["--assume", "availability=150"],
            env: vec![],
            code: 2,
            says: "between 0 and 100",
            at: None,
        },
        Case {
            name: "unknown format",
            files: vec![("compose.yaml", t("services:\n  web: {image: a}\n"))],
            args: vec!["--format", "xml"],
            env: vec![],
            code: 2,
            says: "invalid value 'xml'",
            at: None,
        },
        // manifests
        Case {
            name: "manifest with text replicas",
            files: vec![(
                "app.yaml",
                t(
                    "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: a}\nspec:\n  replicas: many\n  template:\n    spec:\n      containers: [{name: a, image: x}]\n",
                ),
            )],
            args: vec!["app.yaml"],
            env: vec![],
            code: 3,
            says: "spec.replicas must be a whole number",
            at: Some("app.yaml:5:13"),
        },
        Case {
            name: "manifest without containers",
            files: vec![(
                "app.yaml",
                t(
                    "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: a}\nspec:\n  template:\n    spec: {}\n",
                ),
            )],
            args: vec!["app.yaml"],
            env: vec![],
            code: 3,
            says: "has no containers",
            at: Some("app.yaml:3:18"),
        },
    ];
    v
}

#[test]
fn hostile_and_broken_inputs() {
    let cases = cases();
    assert!(cases.len() >= 40, "the catalogue has {} cases", cases.len());
    let mut failures = Vec::new();
    // every message as the user reads it, reviewed in one snapshot
    let mut transcript = String::new();
    for c in &cases {
        let dir = tempfile::tempdir().unwrap();
        for (name, content) in &c.files {
            let p = dir.path().join(name);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            match content {
                Content::Text(s) => std::fs::write(&p, s).unwrap(),
                Content::Bytes(b) => std::fs::write(&p, b).unwrap(),
                Content::Dir => std::fs::create_dir_all(&p).unwrap(),
            }
        }
        let mut cmd = common::stackfit();
        cmd.current_dir(dir.path()).arg("analyze").args(&c.args);
        if !c.args.contains(&"--format") {
            cmd.args(["--format", "json"]);
        }
        for (k, v) in &c.env {
            cmd.env(k, v);
        }
        let out = cmd.timeout(Duration::from_secs(10)).output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr).to_string();
        let code = out.status.code();
        let tmp = dir.path().to_string_lossy().to_string();
        let tmp_real = std::fs::canonicalize(dir.path())
            .map(|p| p.to_string_lossy().to_string())
            .unwrap_or_else(|_| tmp.clone());
        transcript.push_str(&format!(
            "## {} (exit {})\n{}\n\n",
            c.name,
            code.map_or("none".to_string(), |c| c.to_string()),
            stderr
                .trim_end()
                .replace(&tmp_real, "<tmp>")
                .replace(&tmp, "<tmp>")
        ));
        let mut problems = Vec::new();
        if code != Some(c.code) {
            problems.push(format!("exit {code:?}, expected {}", c.code));
        }
        if stderr.contains("panicked") || stderr.contains("RUST_BACKTRACE") {
            problems.push("panicked".into());
        }
        let lines: Vec<&str> = stderr.lines().collect();
        if c.code == 3 && lines.len() != 1 {
            problems.push(format!("expected one message line, got {}", lines.len()));
        }
        if !stderr.contains(c.says) {
            problems.push(format!("message lacks `{}`", c.says));
        }
        if let Some(at) = c.at
            && !stderr.contains(at)
        {
            problems.push(format!("message lacks location `{at}`"));
        }
        if !problems.is_empty() {
            failures.push(format!(
                "{}: {} — stderr: {}",
                c.name,
                problems.join("; "),
                stderr.trim()
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
    insta::assert_snapshot!("bad_input_catalogue", transcript);
}

#[test]
fn tolerated_oddities_still_load() {
    for (name, text) in [
        ("bom", "\u{feff}services:\n  web: {image: a}\n"),
        ("crlf", "services:\r\n  web:\r\n    image: a\r\n"),
        (
            "yes stays a string",
            "services:\n  web:\n    image: a\n    environment: {DEBUG: yes}\n",
        ),
        (
            "merge list",
            "x-a: &a {image: a}\nx-b: &b {restart: always}\nservices:\n  web: {<<: [*a, *b]}\n",
        ),
    ] {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("compose.yaml"), text).unwrap();
        let out = common::stackfit()
            .current_dir(dir.path())
            .args(["graph", "--format", "json"])
            .timeout(Duration::from_secs(10))
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

/// In the table output an input error shows its line with a caret (environment values masked);
/// machine formats and env files keep the one-line message.
#[test]
fn table_errors_show_the_offending_line() {
    let run = |files: &[(&str, &str)], args: &[&str]| {
        let d = tempfile::tempdir().unwrap();
        for (n, t) in files {
            std::fs::write(d.path().join(n), t).unwrap();
        }
        let out = common::stackfit()
            .current_dir(d.path())
            .arg("analyze")
            .args(args)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(3));
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    let f = "services:\n  web:\n    image: nginx\n    ports: [{target: 80, extra: 1}]\n";
    let err = run(&[("compose.yaml", f)], &[]);
    assert!(
        err.contains("4 |     ports: [{target: 80, extra: 1}]"),
        "{err}"
    );
    assert!(err.contains("^^^^^"), "{err}");
    let err = run(&[("compose.yaml", f)], &["--format", "json"]);
    assert_eq!(err.lines().count(), 1, "{err}");
    let f = "services:\n  web:\n    image: nginx\n    environment:\n      PASSWORD: [hunter2]\n";
    let err = run(&[("compose.yaml", f)], &[]);
    assert!(
        err.contains("PASSWORD: ***") && !err.contains("hunter2"),
        "{err}"
    );
    let f = "services:\n  web:\n    image: nginx\n    env_file: app.env\n";
    let err = run(
        &[
            ("compose.yaml", f),
            ("app.env", "A=\"unterminated secret\n"),
        ],
        &[],
    );
    assert!(!err.contains("secret") && !err.contains(" | "), "{err}");
}
