//! `schemas/architecture.schema.json` stays in sync with the architecture reader: every key
//! list and enum of `input::architecture` (and the declared-fact keys) appears in the schema
//! and nothing else does; the examples validate against the schema and load with the reader;
//! a document with an unknown key is refused by both.

use std::collections::BTreeSet;
use std::path::PathBuf;

use serde_json::{Value, json};
use stackfit::input::architecture as arch;
use stackfit::input::yaml::{self, Budget, Kind, Node};
use stackfit::source::SourceMap;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn schema() -> Value {
    let text = std::fs::read_to_string(root().join("schemas/architecture.schema.json"))
        .expect("schemas/architecture.schema.json");
    serde_json::from_str(&text).expect("valid JSON")
}

fn keys(v: &Value) -> BTreeSet<String> {
    v["properties"]
        .as_object()
        .unwrap_or_else(|| panic!("no properties in {v}"))
        .keys()
        .cloned()
        .collect()
}

fn set(list: &[&str]) -> BTreeSet<String> {
    list.iter().map(|s| s.to_string()).collect()
}

fn enum_of(v: &Value) -> BTreeSet<String> {
    v["enum"]
        .as_array()
        .unwrap_or_else(|| panic!("no enum in {v}"))
        .iter()
        .map(|x| x.as_str().expect("string").to_string())
        .collect()
}

#[test]
fn schema_lists_exactly_the_readers_keys() {
    let s = schema();
    let d = &s["$defs"];
    assert_eq!(keys(&s), set(arch::ROOT_KEYS), "root");
    assert_eq!(keys(&d["service"]), set(arch::SERVICE_KEYS), "service");
    assert_eq!(keys(&d["job"]), set(arch::JOB_KEYS), "job");
    assert_eq!(
        keys(&d["dataStore"]),
        set(arch::DATA_STORE_KEYS),
        "data store"
    );
    assert_eq!(keys(&d["monolith"]), set(arch::MONOLITH_KEYS), "monolith");
    assert_eq!(keys(&d["module"]), set(arch::MODULE_KEYS), "module");
    assert_eq!(keys(&d["useCase"]), set(arch::USE_CASE_KEYS), "use case");
    assert_eq!(
        keys(&d["constraints"]),
        set(arch::CONSTRAINT_KEYS),
        "constraints"
    );
    assert_eq!(keys(&d["call"]), set(arch::CALL_KEYS), "call");
    assert_eq!(
        keys(&d["replicas"]["oneOf"][1]),
        set(arch::REPLICAS_KEYS),
        "replicas"
    );
    assert_eq!(
        keys(&d["constraints"]["properties"]["target-services"]["oneOf"][1]),
        set(arch::TARGET_KEYS),
        "target-services"
    );
    let facts: Vec<&str> = stackfit::model::declared::KEYS
        .iter()
        .map(|k| k.0)
        .collect();
    assert_eq!(keys(&d["facts"]), set(&facts), "facts");
    assert_eq!(
        enum_of(&d["service"]["properties"]["tier"]),
        set(arch::TIERS)
    );
    assert_eq!(enum_of(&d["access"]), set(arch::ACCESS));
    assert_eq!(
        enum_of(&d["call"]["properties"]["mode"]),
        set(arch::CALL_MODES)
    );
    assert_eq!(s["properties"]["kind"]["const"], json!(arch::KIND));
}

/// YAML tree → JSON value with YAML 1.2 core typing of plain scalars.
fn to_json(n: &Node) -> Value {
    match &n.kind {
        Kind::Scalar { text, plain } => {
            if !*plain {
                return Value::String(text.to_string());
            }
            if n.is_null() {
                Value::Null
            } else if let Some(b) = n.as_bool() {
                Value::Bool(b)
            } else if let Some(i) = yaml::parse_int(text) {
                json!(i)
            } else if let Ok(f) = text.parse::<f64>() {
                json!(f)
            } else {
                Value::String(text.to_string())
            }
        }
        Kind::Seq(items) => Value::Array(items.iter().map(to_json).collect()),
        Kind::Map(entries) => Value::Object(
            entries
                .iter()
                .map(|e| (e.key.to_string(), to_json(&e.value)))
                .collect(),
        ),
    }
}

fn load(name: &str, text: &str) -> (Value, Result<arch::Architecture, stackfit::error::Error>) {
    let mut sm = SourceMap::default();
    let id = sm.add(name.into(), name.into(), text.into());
    let docs = yaml::parse(text, id, Budget::for_len(text.len())).expect("valid YAML");
    let r = arch::parse(&sm, id, &docs[0]);
    (to_json(&docs[0]), r)
}

#[test]
fn examples_validate_and_load() {
    let validator = jsonschema::validator_for(&schema()).expect("a valid JSON Schema");
    for ex in ["shop.yaml", "monolith.yaml"] {
        let path = root().join("examples/architecture").join(ex);
        let text = std::fs::read_to_string(&path).expect("example");
        let (value, parsed) = load(ex, &text);
        let errors: Vec<String> = validator
            .iter_errors(&value)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{ex}: {errors:?}");
        let a = parsed.unwrap_or_else(|e| panic!("{ex}: {e}"));
        let model = arch::to_model(&a);
        assert!(!model.services.is_empty(), "{ex}");
    }
}

#[test]
fn unknown_keys_are_refused_by_schema_and_reader() {
    let validator = jsonschema::validator_for(&schema()).expect("a valid JSON Schema");
    for text in [
        "kind: stackfit/architecture\nversion: 1\nservices:\n  web: {replica: 2}\n",
        "kind: stackfit/architecture\nversion: 1\nmonolith:\n  name: m\n  modules:\n    a: {tabels: [t]}\n",
        "kind: stackfit/architecture\nversion: 1\nfacts:\n  host: 3\n",
        "kind: stackfit/architecture\nversion: 1\nextra: true\n",
    ] {
        let (value, parsed) = load("bad.yaml", text);
        assert!(!validator.is_valid(&value), "schema accepted {text}");
        let e = parsed.expect_err(text);
        assert!(e.to_string().starts_with("bad.yaml:"), "{e}");
    }
}
