//! Backstage catalogs and mixed inputs: a catalog reads into the same graph (components,
//! database resources, dependsOn and API edges), and inputs of several formats given together
//! describe one system.

use crate::common;

use serde_json::Value;

fn run(args: &[&str]) -> (Option<i32>, Value) {
    let out = common::stackfit()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code(),
        serde_json::from_slice(&out.stdout).unwrap_or(Value::Null),
    )
}

#[test]
fn backstage_catalog_graph() {
    let (code, v) = run(&["graph", "examples/backstage"]);
    assert_eq!(code, Some(0));
    let services: Vec<(&str, &str)> = v["services"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["name"].as_str().unwrap(), s["class"].as_str().unwrap()))
        .collect();
    assert_eq!(
        services,
        [
            ("catalog", "app"),
            ("catalog-db", "database"),
            ("orders", "app"),
            ("orders-db", "database"),
            ("storefront", "app")
        ]
    );
    let edges: Vec<String> = v["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            format!(
                "{}->{}:{}",
                e["from"].as_str().unwrap(),
                e["to"].as_str().unwrap(),
                e["kind"].as_str().unwrap()
            )
        })
        .collect();
    assert_eq!(
        edges,
        [
            "catalog->catalog-db:depends_on",
            "orders->catalog:api",
            "orders->orders-db:depends_on",
            "storefront->catalog:api",
            "storefront->orders:api"
        ]
    );
    let (_, a) = run(&["analyze", "--format", "json", "examples/backstage"]);
    assert_eq!(a["facts"]["private-datastores"]["value"], 2.0);
}

#[test]
fn mixed_inputs_describe_one_system() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("compose.yaml"),
        "services:\n  web:\n    image: ghcr.io/acme/web:1\n    environment: {API: http://api:8080}\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("api.yaml"),
        "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api}\nspec:\n  replicas: 3\n  selector: {matchLabels: {app: api}}\n  template:\n    metadata: {labels: {app: api}}\n    spec:\n      containers: [{name: api, image: ghcr.io/acme/api:1}]\n",
    )
    .unwrap();
    let out = common::stackfit()
        .current_dir(dir.path())
        .args(["graph", "compose.yaml", "api.yaml"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["services"][0]["name"], "api");
    assert_eq!(v["services"][0]["replicas"], 3);
    assert_eq!(
        v["edges"][0],
        serde_json::json!({"from": "web", "to": "api", "kind": "env_reference"})
    );
}

#[test]
fn input_format_can_be_forced() {
    // A catalog forced to be read as compose is not a valid compose file.
    let (code, _) = run(&[
        "analyze",
        "--format",
        "json",
        "--input-format",
        "compose",
        "examples/backstage/catalog-info.yaml",
    ]);
    assert_eq!(code, Some(3));
    let (code, _) = run(&[
        "analyze",
        "--format",
        "json",
        "--input-format",
        "backstage",
        "examples/backstage/catalog-info.yaml",
    ]);
    assert_eq!(code, Some(0));
}
