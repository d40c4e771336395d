//! The tricky cases of decision-rules.md §5 as fixtures (`tests/fixtures/tricky/`), each with
//! its expected outcome, with and without declared facts.

use crate::common;

use serde_json::Value;

fn analyze(file: &str, assume: &[&str]) -> Value {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tricky");
    let mut cmd = common::stackfit();
    cmd.current_dir(&root)
        .args(["analyze", "--format", "json", "--fail-on", "never", file]);
    for a in assume {
        cmd.args(["--assume", a]);
    }
    let out = cmd.output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{file}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn outcome(v: &Value) -> &str {
    v["recommendation"]["outcome"].as_str().unwrap()
}

fn notes(v: &Value) -> Vec<&str> {
    v["recommendation"]["notes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["id"].as_str().unwrap())
        .collect()
}

fn fired(v: &Value) -> Vec<String> {
    crate::common::rule_entries(v)
        .into_iter()
        .map(|n| n["rule"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn appliance_with_many_containers_is_compose() {
    let v = analyze("appliance.yaml", &[]);
    assert_eq!(outcome(&v), "compose", "{v:#}");
    assert!(fired(&v).iter().any(|r| r == "R-FANOUT"));
}

#[test]
fn three_services_with_zero_downtime_need_an_orchestrator() {
    let v = analyze("three-services-ha.yaml", &[]);
    assert_eq!(outcome(&v), "kubernetes");
    assert!(fired(&v).iter().any(|r| r == "R-DEPLOYBUDGET"), "{v:#}");
}

#[test]
fn role_split_monolith_is_never_decompose_first() {
    let v = analyze("app-worker-db-cache.yaml", &[]);
    assert_eq!(outcome(&v), "compose");
    assert!(notes(&v).contains(&"role-split"));
    let v = analyze(
        "app-worker-db-cache.yaml",
        &[
            "hosts=3",
            "zero-downtime=true",
            "load-variation=5",
            "teams=4",
        ],
    );
    assert_eq!(outcome(&v), "kubernetes");
    assert_eq!(v["hints"][0]["kind"], "role-split");
}

#[test]
fn batch_heavy_stays_compose_until_batch_at_scale_is_declared() {
    let v = analyze("batch-heavy.yaml", &[]);
    assert_eq!(outcome(&v), "compose", "{v:#}");
    assert!(fired(&v).iter().any(|r| r == "R-BATCH"));
    let v = analyze(
        "batch-heavy.yaml",
        &["batch=true", "hosts=3", "load-variation=4"],
    );
    assert_eq!(outcome(&v), "kubernetes");
}

#[test]
fn one_image_microservices_count_as_separate_units() {
    let v = analyze("one-image-microservices.yaml", &[]);
    assert_eq!(v["facts"]["deployable-units"]["value"], 5.0, "{v:#}");
    assert!(fired(&v).iter().any(|r| r == "R-DBPERSVC"));
    assert_eq!(outcome(&v), "borderline");
    let v = analyze("one-image-microservices.yaml", &["hosts=5"]);
    assert_eq!(outcome(&v), "kubernetes");
}

#[test]
fn profiles_and_init_jobs_do_not_count() {
    let v = analyze("profiles-and-init.yaml", &[]);
    assert_eq!(v["facts"]["services"]["value"], 3.0);
    assert_eq!(v["facts"]["running-services"]["value"], 2.0);
    assert_eq!(outcome(&v), "compose");
}

#[test]
fn infrastructure_bulk_is_not_business_services() {
    let v = analyze("infrastructure-bulk.yaml", &[]);
    assert_eq!(v["facts"]["deployable-units"]["value"], 3.0, "{v:#}");
    assert_eq!(outcome(&v), "compose");
}

#[test]
fn dev_only_file_is_flagged() {
    let v = analyze("dev-only.yaml", &[]);
    assert!(fired(&v).iter().any(|r| r == "R-DEVONLY"));
    assert!(notes(&v).contains(&"dev-file"));
    assert_eq!(outcome(&v), "compose");
}

#[test]
fn manual_replicas_on_one_host_stay_compose_with_a_swarm_note() {
    let v = analyze("manual-replicas.yaml", &[]);
    assert!(fired(&v).iter().any(|r| r == "R-REPLICAS"));
    assert_eq!(outcome(&v), "compose", "{v:#}");
    assert!(notes(&v).contains(&"swarm"));
}

#[test]
fn stateful_heavy_kubernetes_gets_the_managed_data_note() {
    let v = analyze("one-image-microservices.yaml", &["hosts=5"]);
    assert!(notes(&v).contains(&"stateful"));
}

#[test]
fn all_in_one_container_decomposes_only_with_drivers() {
    let v = analyze("all-in-one.yaml", &[]);
    assert_eq!(outcome(&v), "compose");
    assert_eq!(v["hints"][0]["kind"], "keep-monolith");
    let v = analyze("all-in-one.yaml", &["hosts=3", "zero-downtime=true"]);
    assert_eq!(outcome(&v), "kubernetes");
    assert!(notes(&v).contains(&"replicate-monolith"), "{v:#}");
    assert_eq!(v["recommendation"]["confidence"], "medium");
    let v = analyze(
        "all-in-one.yaml",
        &[
            "hosts=3",
            "zero-downtime=true",
            "load-variation=4",
            "teams=3",
        ],
    );
    assert_eq!(outcome(&v), "decompose-first");
    assert!(notes(&v).contains(&"monolith-first"));
    assert_eq!(v["hints"][0]["kind"], "decompose-candidates");
}

#[test]
fn contradiction_is_an_error_and_the_score_decides() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tricky");
    let out = common::stackfit()
        .current_dir(&root)
        .args(["analyze", "--format", "json", "all-in-one.yaml"])
        .args([
            "--assume",
            "single-host=true",
            "--assume",
            "hosts=3",
            "--assume",
            "zero-downtime=true",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(fired(&v).iter().any(|r| r == "R-CONTRADICTION"));
    assert!(notes(&v).contains(&"contradiction"));
    assert_eq!(v["recommendation"]["hard_requirement"], false);
}

#[test]
fn versions_of_one_service_count_once() {
    let v = analyze("service-versions.yaml", &[]);
    assert_eq!(
        v["facts"]["first-party-services"]["value"], 6.0,
        "{:#}",
        v["facts"]
    );
    assert_eq!(
        v["facts"]["deployable-units"]["value"], 4.0,
        "{:#}",
        v["facts"]
    );
}

#[test]
fn a_host_bound_vendor_appliance_is_compose_with_confidence() {
    let v = analyze("host-bound-appliance.yaml", &[]);
    assert_eq!(outcome(&v), "compose", "{:#}", v["recommendation"]);
    assert_ne!(
        v["recommendation"]["confidence"], "low",
        "{:#}",
        v["recommendation"]
    );
    let rules = v["recommendation"]["rules"].as_array().unwrap();
    let points = |id: &str| {
        rules
            .iter()
            .find(|r| r["id"] == id)
            .map(|r| r["points"].as_i64().unwrap())
    };
    // five host-bound settings weigh more than one docker.sock mount
    assert_eq!(points("R-HOSTCOUPLED"), Some(-3), "{rules:#?}");
    assert_eq!(points("R-APPLIANCE"), Some(-2), "{rules:#?}");
}
