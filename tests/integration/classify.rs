//! Classifications a user declares (`x-stackfit` `classify`/`class`, `stackfit.toml`
//! `[classify]`) change what counts as the project's own code, with precedence file < config,
//! and bad words or unknown services are located errors.

use serde_json::Value;

use crate::common;

const COMPOSE: &str = "x-stackfit:
  classify:
    images:
      registry.example.com/acme/portal: vendor
    services:
      mail: helper
services:
  portal:
    image: registry.example.com/acme/portal:7.1
  worker:
    image: registry.example.com/acme/portal:7.1
    command: worker
  mail:
    image: ghcr.io/someone/mailcatcher:1
  api:
    build: ./api
    x-stackfit:
      class: first-party
  db:
    image: postgres:16
";

fn analyze(dir: &std::path::Path) -> (Option<i32>, Value, String) {
    let out = common::stackfit()
        .current_dir(dir)
        .args(["analyze", "--format", "json", "--fail-on", "never"])
        .output()
        .unwrap();
    (
        out.status.code(),
        serde_json::from_slice(&out.stdout).unwrap_or(Value::Null),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn classes(v: &Value) -> Vec<(String, String)> {
    v["services"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["name"].as_str().unwrap().into(),
                s["class"].as_str().unwrap().into(),
            )
        })
        .collect()
}

#[test]
fn declared_classifications_decide_what_is_first_party() {
    let t = tempfile::tempdir().unwrap();
    std::fs::write(t.path().join("compose.yaml"), COMPOSE).unwrap();
    let (code, v, err) = analyze(t.path());
    assert_eq!(code, Some(0), "{err}");
    let c = classes(&v);
    let of = |n: &str| c.iter().find(|(s, _)| s == n).unwrap().1.clone();
    // the vendor's images and the mail catcher are someone else's code; the built api is ours
    assert_eq!(of("portal"), "helper");
    assert_eq!(of("worker"), "helper");
    assert_eq!(of("mail"), "helper");
    assert_eq!(of("api"), "app");
    assert_eq!(of("db"), "database");
    assert_eq!(v["facts"]["first-party-services"]["value"], 1.0);
    // the config file wins over the compose file
    std::fs::write(
        t.path().join("stackfit.toml"),
        "[classify.services]\napi = \"vendor\"\n",
    )
    .unwrap();
    let (_, v, _) = analyze(t.path());
    assert_eq!(v["facts"]["first-party-services"]["value"], 0.0);
}

#[test]
fn bad_classifications_are_located_errors() {
    let t = tempfile::tempdir().unwrap();
    std::fs::write(t.path().join("compose.yaml"), COMPOSE).unwrap();
    for (toml, says) in [
        (
            "[classify.services]\nmial = \"helper\"\n",
            "stackfit.toml:2:1: classify.services: no service `mial` (did you mean `mail`?)",
        ),
        (
            "[classify.services]\nmail = \"helpr\"\n",
            "stackfit.toml:2:8: classify.services.mail: unknown classification `helpr` (did you mean `helper`?)",
        ),
    ] {
        std::fs::write(t.path().join("stackfit.toml"), toml).unwrap();
        let (code, _, err) = analyze(t.path());
        assert_eq!(code, Some(2), "{err}");
        assert!(err.contains(says), "{err}");
    }
    std::fs::remove_file(t.path().join("stackfit.toml")).unwrap();
    std::fs::write(
        t.path().join("compose.yaml"),
        COMPOSE.replace("class: first-party", "class: own-code"),
    )
    .unwrap();
    let (code, _, err) = analyze(t.path());
    assert_eq!(code, Some(3), "{err}");
    assert!(
        err.contains(
            "compose.yaml:18:14: services.api.x-stackfit.class: unknown classification `own-code`"
        ),
        "{err}"
    );
}
