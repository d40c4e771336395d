//! Property tests for the parsers and the loader: random input never panics, interpolation
//! keeps `$$` and plain text intact, loading is deterministic (byte-identical output), and the
//! order of services in a file does not change the recommendation.

use std::collections::BTreeMap;

use proptest::prelude::*;
use stackfit::analysis::rules::RuleSet;
use stackfit::input::compose::interpolate;
use stackfit::input::{self, Request};
use stackfit::model::declared::DeclaredFacts;
use stackfit::source::SourceMap;

fn request(text: &str) -> Request {
    Request {
        paths: vec!["-".into()],
        stdin: Some(text.to_string()),
        cwd: std::env::temp_dir(),
        environ: BTreeMap::from([("TAG".to_string(), "1.2".to_string())]),
        ..Request::default()
    }
}

/// Loads and analyses `text`; the JSON report, or the error message.
fn analyse(text: &str) -> Result<String, String> {
    let mut sm = SourceMap::default();
    let model = input::load(&request(text), &mut sm).map_err(|e| e.to_string())?;
    let mut declared = DeclaredFacts::default();
    declared
        .add_from_file(&sm, &model.declared)
        .map_err(|e| e.to_string())?;
    let rules = RuleSet::builtin();
    let opts = stackfit::report::build::Options {
        inline_ignores: true,
        inputs: vec!["-".into()],
        expect: None,
        config: None,
        report_scores: false,
        plan: false,
    };
    let report = stackfit::report::build::run(&model, &sm, &rules, &declared, &opts);
    let mut buf = Vec::new();
    stackfit::render::json::render(&report, &mut buf).unwrap();
    Ok(String::from_utf8(buf).unwrap())
}

fn env(name: &str) -> Option<String> {
    (name == "SET").then(|| "value".to_string())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, .. ProptestConfig::default() })]

    #[test]
    fn interpolation_never_panics(s in ".{0,200}") {
        let _ = interpolate::interpolate(&s, &env, &mut interpolate::Usage::default());
    }

    #[test]
    fn interpolation_keeps_text_without_dollars(s in "[^$]{0,100}") {
        prop_assert_eq!(interpolate::interpolate(&s, &env, &mut interpolate::Usage::default()).unwrap(), s);
    }

    #[test]
    fn double_dollar_is_a_literal_dollar(s in "[a-zA-Z0-9_{}:-]{0,40}") {
        let text = format!("$${s}");
        prop_assert_eq!(interpolate::interpolate(&text, &env, &mut interpolate::Usage::default()).unwrap(), format!("${s}"));
    }

    #[test]
    fn defaults_apply_to_unset_variables(name in "[A-Z][A-Z0-9_]{0,10}", d in "[a-z0-9.]{0,10}") {
        prop_assume!(name != "SET");
        let text = format!("${{{name}:-{d}}}");
        prop_assert_eq!(interpolate::interpolate(&text, &env, &mut interpolate::Usage::default()).unwrap(), d);
    }

    #[test]
    fn yaml_parser_never_panics(s in "(?s).{0,300}") {
        let _ = input::yaml::parse(&s, 0, input::yaml::Budget::for_len(s.len()));
    }

    #[test]
    fn yaml_like_text_never_panics(s in "([a-z]{1,5}|:|-|\\[|\\]|\\{|\\}|&a|\\*a|<<|!reset|\n|  |,|'|\"|\\$\\{X\\}|#){0,60}") {
        let _ = input::yaml::parse(&s, 0, input::yaml::Budget::for_len(s.len()));
        let _ = analyse(&s);
    }

    #[test]
    fn envfile_never_panics(s in "(?s).{0,200}") {
        let _ = input::compose::envfile::parse(&s, &env);
    }
}

#[derive(Debug, Clone)]
struct Svc {
    image: u8,
    replicas: u8,
    command: u8,
    depends: Vec<u8>,
    container_name: bool,
}

fn svc() -> impl Strategy<Value = Svc> {
    (
        0u8..6,
        1u8..4,
        0u8..3,
        proptest::collection::vec(0u8..8, 0..3),
        any::<bool>(),
    )
        .prop_map(|(image, replicas, command, depends, container_name)| Svc {
            image,
            replicas,
            command,
            depends,
            container_name,
        })
}

fn render(services: &[(usize, Svc)], n: usize) -> String {
    let images = [
        "postgres:16",
        "redis:7",
        "ghcr.io/acme/api:1",
        "ghcr.io/acme/web:1",
        "ghcr.io/acme/worker:1",
        "rabbitmq:3",
    ];
    let mut s = String::from("services:\n");
    for (i, v) in services {
        s.push_str(&format!(
            "  s{i}:\n    image: {}\n",
            images[v.image as usize]
        ));
        if v.replicas > 1 {
            s.push_str(&format!("    deploy:\n      replicas: {}\n", v.replicas));
        }
        if v.command > 0 {
            s.push_str(&format!("    command: [run, role{}]\n", v.command));
        }
        // Compose refuses a container name on a service with several replicas.
        if v.container_name && v.replicas <= 1 {
            s.push_str(&format!("    container_name: c{i}\n"));
        }
        // only depend on later services: no cycles; each once (Compose refuses repeats)
        let mut deps: Vec<String> = v
            .depends
            .iter()
            .map(|d| *d as usize)
            .filter(|d| *d > *i && *d < n)
            .map(|d| format!("s{d}"))
            .collect();
        deps.sort();
        deps.dedup();
        if !deps.is_empty() {
            s.push_str(&format!("    depends_on: [{}]\n", deps.join(", ")));
        }
    }
    s
}

fn decision(json: &str) -> (String, i64, String) {
    let v: serde_json::Value = serde_json::from_str(json).unwrap();
    let r = &v["recommendation"];
    (
        r["outcome"].as_str().unwrap().into(),
        r["score"].as_i64().unwrap(),
        r["confidence"].as_str().unwrap().into(),
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, .. ProptestConfig::default() })]

    #[test]
    fn service_order_does_not_change_the_recommendation(list in proptest::collection::vec(svc(), 1..8), seed in any::<u64>()) {
        let n = list.len();
        let indexed: Vec<(usize, Svc)> = list.into_iter().enumerate().collect();
        let mut shuffled = indexed.clone();
        // deterministic shuffle from the seed
        let mut x = seed | 1;
        for i in (1..shuffled.len()).rev() {
            x ^= x << 13; x ^= x >> 7; x ^= x << 17;
            shuffled.swap(i, (x % (i as u64 + 1)) as usize);
        }
        let a = analyse(&render(&indexed, n)).unwrap();
        let b = analyse(&render(&shuffled, n)).unwrap();
        prop_assert_eq!(decision(&a), decision(&b));
    }

    #[test]
    fn loading_is_deterministic(list in proptest::collection::vec(svc(), 1..8)) {
        let n = list.len();
        let text = render(&list.into_iter().enumerate().collect::<Vec<_>>(), n);
        prop_assert_eq!(analyse(&text).unwrap(), analyse(&text).unwrap());
    }

    #[test]
    fn merging_a_file_with_itself_changes_nothing(list in proptest::collection::vec(svc(), 1..6)) {
        use stackfit::input::compose::{Level, merge};
        let n = list.len();
        let text = render(&list.into_iter().enumerate().collect::<Vec<_>>(), n);
        let tree = input::yaml::parse(&text, 0, input::yaml::Budget::for_len(text.len())).unwrap().remove(0);
        let merged = merge(tree.clone(), tree.clone(), Level::Root);
        let names = |t: &input::yaml::Node| -> Vec<String> {
            t.get("services").unwrap().as_map().unwrap().iter().map(|e| e.key.to_string()).collect()
        };
        prop_assert_eq!(names(&merged), names(&tree));
        for e in tree.get("services").unwrap().as_map().unwrap() {
            let m = merged.get("services").unwrap().get(&e.key).unwrap();
            prop_assert_eq!(m.get("image").and_then(|x| x.as_str()), e.value.get("image").and_then(|x| x.as_str()));
        }
    }
}
