//! Every finding at the exact node, also through anchors and merge keys: a value that came
//! from `<<: *common` is reported at the use site with the anchor definition as a related
//! location (SARIF `relatedLocations`), in JSON and SARIF alike.

use crate::common;

use serde_json::Value;

const FILE: &str = "x-common: &common
  restart: always
  container_name: shared-name
  environment:
    LOG_LEVEL: info
services:
  web:
    <<: *common
    image: ghcr.io/acme/web:1
    ports:
      - \"8080:80\"
  api:
    image: ghcr.io/acme/api:1
    deploy:
      replicas: 3
      update_config:
        parallelism: 1
";

fn run(format: &str, file: &str) -> (Option<i32>, String, String) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("compose.yaml"), file).unwrap();
    let out = common::stackfit()
        .current_dir(dir.path())
        .args([
            "analyze",
            "--format",
            format,
            "--fail-on",
            "never",
            "--report-scores",
        ])
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn finding(v: &Value, rule: &str) -> Value {
    crate::common::rule_entries(v)
        .into_iter()
        .find(|f| f["rule"] == rule)
        .unwrap_or_else(|| panic!("{rule} missing: {v:#}"))
}

#[test]
fn direct_values_are_located_at_the_value() {
    let (_, out, _) = run("json", FILE);
    let v: Value = serde_json::from_str(&out).unwrap();
    let r = finding(&v, "R-REPLICAS");
    assert_eq!(
        (
            r["location"]["line"].as_u64(),
            r["location"]["column"].as_u64()
        ),
        (Some(15), Some(17)),
        "the `3` of replicas: 3"
    );
    assert_eq!(r["location"]["end_column"], 18);
    let u = finding(&v, "R-ROLLING");
    assert_eq!(
        (
            u["location"]["line"].as_u64(),
            u["location"]["column"].as_u64()
        ),
        (Some(16), Some(7)),
        "the update_config key"
    );
}

#[test]
fn merged_values_point_at_the_use_site_and_name_the_anchor() {
    let (_, out, _) = run("json", FILE);
    let v: Value = serde_json::from_str(&out).unwrap();
    let f = finding(&v, "R-FIXEDNAME");
    // use site: the `*common` alias on line 8
    assert_eq!(
        (
            f["location"]["line"].as_u64(),
            f["location"]["column"].as_u64()
        ),
        (Some(8), Some(9)),
        "{f:#}"
    );
    // definition: `shared-name` on line 3
    assert_eq!(f["related"][0]["line"], 3);
    assert_eq!(f["related"][0]["column"], 19);
    let (_, sarif, _) = run("sarif", FILE);
    let s: Value = serde_json::from_str(&sarif).unwrap();
    let result = s["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["ruleId"] == "R-FIXEDNAME")
        .unwrap();
    assert_eq!(
        result["locations"][0]["physicalLocation"]["region"]["startLine"],
        8
    );
    assert_eq!(
        result["relatedLocations"][0]["physicalLocation"]["region"]["startLine"],
        3
    );
}

#[test]
fn errors_in_anchored_values_name_both_places() {
    let broken = FILE.replace("restart: always", "restart: [always]");
    let (code, _, err) = run("json", &broken);
    assert_eq!(code, Some(3));
    assert!(
        err.contains("compose.yaml:8:9: services.web.restart must be a string"),
        "{err}"
    );
    assert!(
        err.contains("(value defined at compose.yaml:2:12)"),
        "{err}"
    );
}
