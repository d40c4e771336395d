//! Fuzz target: the whole compose pipeline from text — load, merge, model, graph, facts,
//! rules, recommendation and the JSON report.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let req = stackfit::input::Request {
        paths: vec!["-".into()],
        stdin: Some(text.to_string()),
        cwd: std::env::temp_dir().join("stackfit-fuzz-empty"),
        ..Default::default()
    };
    let mut sm = stackfit::source::SourceMap::default();
    let Ok(model) = stackfit::input::load(&req, &mut sm) else { return };
    let mut declared = stackfit::model::declared::DeclaredFacts::default();
    if declared.add_from_file(&sm, &model.declared).is_err() {
        return;
    }
    let rules = stackfit::analysis::rules::RuleSet::builtin();
    let opts = stackfit::report::build::Options {
        inline_ignores: true,
        inputs: vec![],
        expect: None,
        config: None,
        report_scores: true,
        plan: true,
    };
    let report = stackfit::report::build::run(&model, &sm, &rules, &declared, &opts);
    let mut out = Vec::new();
    stackfit::render::json::render(&report, &mut out).unwrap();
});
