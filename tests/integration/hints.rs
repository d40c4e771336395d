//! Service-level decomposition hints: each smell appears on a fixture that has it, with its
//! evidence located, and stays away from one that does not.

use crate::common;

use serde_json::Value;

fn hints(compose: &str) -> Vec<Value> {
    hints_with(compose, &[])
}

fn kinds(h: &[Value]) -> Vec<&str> {
    h.iter().map(|x| x["kind"].as_str().unwrap()).collect()
}

fn users_of_db(db: &str, names: &[(&str, &str)]) -> String {
    let mut s = String::from("services:\n");
    for (svc, dbname) in names {
        s.push_str(&format!(
            "  {svc}:\n    image: ghcr.io/acme/{svc}:1\n    environment:\n      DATABASE_URL: postgres://app@{db}:5432/{dbname}\n"
        ));
    }
    s.push_str(&format!("  {db}:\n    image: postgres:16\n"));
    s
}

#[test]
fn shared_schema_is_a_smell_but_a_shared_server_is_not() {
    let h = hints(&users_of_db(
        "pg",
        &[("orders", "shop"), ("billing", "shop"), ("users", "shop")],
    ));
    let shared: Vec<&Value> = h
        .iter()
        .filter(|x| x["kind"] == "shared-datastore")
        .collect();
    assert_eq!(shared.len(), 1, "{h:#?}");
    assert!(
        shared[0]["advice"]
            .as_str()
            .unwrap()
            .contains("split the schema before splitting the code")
    );
    assert_eq!(shared[0]["locations"][0]["line"], 14);
    let h = hints(&users_of_db(
        "pg",
        &[
            ("orders", "orders"),
            ("billing", "billing"),
            ("users", "users"),
        ],
    ));
    assert!(!kinds(&h).contains(&"shared-datastore"), "{h:#?}");
}

#[test]
fn env_reference_cycle_is_a_distributed_monolith() {
    let h = hints(
        "services:\n  a: {image: x/a, environment: {B_URL: 'http://b:80'}}\n  b: {image: x/b, environment: {A_URL: 'http://a:80'}}\n",
    );
    let c = h
        .iter()
        .find(|x| x["kind"] == "dependency-cycle")
        .expect("cycle hint");
    assert_eq!(c["services"], serde_json::json!(["a", "b"]));
    assert!(!c["locations"].as_array().unwrap().is_empty());
}

#[test]
fn hubs_missing_gateway_and_nano_services() {
    let mut s = String::from("services:\n  core:\n    image: x/core\n");
    for (i, n) in ["a", "b", "c", "d"].iter().enumerate() {
        s.push_str(&format!(
            "  {n}:\n    image: x/{n}\n    ports: ['800{i}:80']\n    environment: {{CORE: 'http://core:80'}}\n"
        ));
    }
    let h = hints(&s);
    assert!(kinds(&h).contains(&"hub-service"), "{h:#?}");
    assert!(kinds(&h).contains(&"no-gateway"), "{h:#?}");
    let nano = "services:\n  a: {image: x/a}\n  b: {image: x/b}\n  c: {image: x/c}\n  d: {image: x/d}\n  e: {image: x/e}\n";
    assert!(kinds(&hints(nano)).contains(&"nano-services"));
}

#[test]
fn mega_service_holds_several_datastores() {
    let h = hints(
        "services:\n  big:\n    image: x/big\n    depends_on: [big-db, search, a, b]\n  big-db: {image: postgres:16}\n  search: {image: elasticsearch:8.15.0, depends_on: []}\n  a: {image: x/a, ports: ['1:1']}\n  b: {image: x/b, ports: ['2:2']}\n  c: {image: x/c, ports: ['3:3'], depends_on: [big]}\n",
    );
    assert!(kinds(&h).contains(&"mega-service"), "{h:#?}");
}

#[test]
fn described_monolith_gets_module_candidates() {
    let out = common::stackfit()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args([
            "analyze",
            "--format",
            "json",
            "examples/architecture/monolith.yaml",
        ])
        .args(["--assume", "hosts=3", "--assume", "zero-downtime=true"])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["recommendation"]["outcome"], "decompose-first");
    let h = v["hints"].as_array().unwrap();
    let m = h
        .iter()
        .find(|x| x["kind"] == "module-candidates")
        .expect("module candidates");
    assert!(m["services"].as_array().unwrap().len() >= 2);
    assert!(
        m["advice"]
            .as_str()
            .unwrap()
            .contains("extract these candidates")
    );
}

#[test]
fn clean_services_say_so() {
    let h = hints(
        "services:\n  web:\n    image: x/web\n    ports: ['80:80']\n    depends_on: [api]\n  api: {image: x/api, depends_on: [db]}\n  db: {image: postgres:16}\n",
    );
    assert!(!kinds(&h).contains(&"shared-datastore"));
    assert!(!h.is_empty());
}

/// The hints for a compose file, with extra files beside it (env files).
fn hints_with(compose: &str, files: &[(&str, &str)]) -> Vec<Value> {
    let dir = tempfile::tempdir().unwrap();
    for (n, t) in files {
        std::fs::write(dir.path().join(n), t).unwrap();
    }
    std::fs::write(dir.path().join("compose.yaml"), compose).unwrap();
    let out = common::stackfit()
        .current_dir(dir.path())
        .args(["analyze", "--format", "json", "--fail-on", "never"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    v["hints"].as_array().unwrap().clone()
}

#[test]
fn addresses_in_a_shared_env_file_are_not_calls() {
    // Every service reads the same .env with every address: no distributed-monolith cycle.
    let mut c = String::from("services:\n");
    for s in ["orders", "payments", "users"] {
        c.push_str(&format!(
            "  {s}:\n    build: ./{s}\n    env_file: shared.env\n"
        ));
    }
    let env = "ORDERS_ADDR=orders:3000\nPAYMENTS_ADDR=payments:3000\nUSERS_ADDR=users:3000\n";
    let h = hints_with(&c, &[("shared.env", env)]);
    assert!(!kinds(&h).contains(&"dependency-cycle"), "{h:#?}");
    // The same addresses written per service are calls, and the cycle is real.
    let c = "services:\n  orders:\n    build: ./orders\n    environment: {PAY: payments:3000}\n  payments:\n    build: ./payments\n    environment: {ORD: orders:3000}\n";
    assert!(kinds(&hints(c)).contains(&"dependency-cycle"));
}

#[test]
fn a_gateway_the_project_builds_itself_is_a_front_door() {
    let mut c = String::from(
        "services:\n  api-gateway:\n    build: ./gateway\n    ports: [\"8080:8080\"]\n",
    );
    for (i, s) in ["orders", "payments", "users"].iter().enumerate() {
        c.push_str(&format!(
            "  {s}:\n    build: ./{s}\n    ports: [\"{}:80\"]\n",
            9000 + i
        ));
    }
    assert!(!kinds(&hints(&c)).contains(&"no-gateway"));
    let c = c.replace("api-gateway", "reporting");
    assert!(kinds(&hints(&c)).contains(&"no-gateway"));
}

#[test]
fn two_services_sharing_one_cache_keyspace_is_a_smell_but_not_one_database_server() {
    let c = "services:\n  cart:\n    build: ./cart\n    depends_on: [redis, mysql]\n  user:\n    build: ./user\n    depends_on: [redis, mysql]\n  redis:\n    image: redis:7\n  mysql:\n    image: acme/mysql-8\n";
    let h = hints(c);
    let shared: Vec<&Value> = h
        .iter()
        .filter(|x| x["kind"] == "shared-datastore")
        .collect();
    assert_eq!(shared.len(), 1, "{h:#?}");
    assert_eq!(
        shared[0]["services"][0], "redis",
        "a vendor `mysql-8` is a database server: {h:#?}"
    );
}

#[test]
fn a_cloud_datastore_emulator_built_locally_is_a_database() {
    let c = "services:\n  firestore:\n    build: ./emulator\n  trainer:\n    build: ./app\n    working_dir: /internal/trainer\n    depends_on: [firestore]\n  trainings:\n    build: ./app\n    working_dir: /internal/trainings\n    depends_on: [firestore]\n  users:\n    build: ./app\n    working_dir: /internal/users\n    depends_on: [firestore]\n";
    let h = hints(c);
    let shared = h
        .iter()
        .find(|x| x["kind"] == "shared-datastore")
        .expect("shared firestore");
    assert_eq!(shared["services"][0], "firestore");
}

#[test]
fn hint_sentences_name_at_most_eight_services_and_json_keeps_them_all() {
    let mut c = String::from("services:\n  db:\n    image: postgres:16\n");
    for i in 0..12 {
        c.push_str(&format!(
            "  svc{i:02}:\n    build: ./svc{i:02}\n    environment: {{DATABASE_URL: \"postgres://app@db:5432/shop\"}}\n"
        ));
    }
    let h = hints(&c);
    let shared = h
        .iter()
        .find(|x| x["kind"] == "shared-datastore")
        .expect("shared db");
    assert!(
        shared["advice"].as_str().unwrap().contains("and 4 more"),
        "{shared:#}"
    );
    assert_eq!(shared["services"].as_array().unwrap().len(), 13);
}

#[test]
fn every_hint_names_its_evidence_and_how_sure_it_is() {
    let h = hints(&users_of_db(
        "pg",
        &[("a", "app"), ("b", "app"), ("c", "app")],
    ));
    let shared = h
        .iter()
        .find(|x| x["kind"] == "shared-datastore")
        .expect("shared");
    assert_eq!(shared["confidence"], "high", "{shared:#}");
    assert!(
        shared["evidence"]
            .as_str()
            .unwrap()
            .contains("name the same database on `pg`"),
        "{shared:#}"
    );
    for x in &h {
        assert!(!x["evidence"].as_str().unwrap().is_empty(), "{x:#}");
        assert!(["high", "medium", "low"].contains(&x["confidence"].as_str().unwrap()));
    }
}

#[test]
fn udp_ports_need_no_gateway_and_services_owning_data_are_not_nano() {
    // three services publishing UDP media ports: no "add a gateway"
    let mut s = String::from("services:\n");
    for (i, n) in ["a", "b", "c"].iter().enumerate() {
        s.push_str(&format!(
            "  {n}:\n    image: x/{n}\n    ports: ['1000{i}:1000{i}/udp']\n"
        ));
    }
    assert!(!kinds(&hints(&s)).contains(&"no-gateway"), "{s}");
    // five isolated services, each owning its database: real services, not nano services
    let mut s = String::from("services:\n");
    for n in ["a", "b", "c", "d", "e"] {
        s.push_str(&format!(
            "  {n}:\n    image: x/{n}\n    depends_on: [{n}-db]\n  {n}-db:\n    image: postgres:16\n"
        ));
    }
    assert!(!kinds(&hints(&s)).contains(&"nano-services"), "{s}");
}

#[test]
fn broker_edges_are_named_only_where_a_broker_runs() {
    let no_broker = "services:\n  web:\n    image: ghcr.io/acme/app:1\n    command: [serve]\n  worker:\n    image: ghcr.io/acme/app:1\n    command: [worker]\n  db:\n    image: postgres:16\n";
    let h = hints(no_broker);
    let split = h
        .iter()
        .find(|x| x["kind"] == "role-split")
        .expect("role split");
    assert!(
        !split["advice"].as_str().unwrap().contains("broker"),
        "{split:#}"
    );
    let with_broker = format!("{no_broker}  queue:\n    image: rabbitmq:3\n");
    let h = hints(&with_broker);
    let split = h
        .iter()
        .find(|x| x["kind"] == "role-split")
        .expect("role split");
    assert!(
        split["advice"].as_str().unwrap().contains("broker edges"),
        "{split:#}"
    );
}
