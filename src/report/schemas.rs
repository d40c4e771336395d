//! The committed JSON Schemas (`schemas/`), generated from the types of each contract: the
//! analyze report, the graph, the config file and the rule file.

/// JSON Schemas of stackfit's formats: (file name under `schemas/`, pretty JSON).
pub fn schemas() -> Vec<(&'static str, String)> {
    fn pretty(v: schemars::Schema) -> String {
        let mut s = serde_json::to_string_pretty(&v).expect("schema serialises");
        s.push('\n');
        s
    }
    vec![
        (
            "analyze.schema.json",
            pretty(schemars::schema_for!(crate::report::analysis::Report)),
        ),
        (
            "plan.schema.json",
            pretty(schemars::schema_for!(
                crate::report::analysis::PlanReport<'static>
            )),
        ),
        (
            "graph.schema.json",
            pretty(schemars::schema_for!(crate::report::GraphReport)),
        ),
        (
            "config.schema.json",
            pretty(schemars::schema_for!(crate::config::ConfigFile)),
        ),
        (
            "rule.schema.json",
            pretty(schemars::schema_for!(crate::analysis::rules::Rule)),
        ),
    ]
}
