//! `stackfit rules` and `stackfit explain`: the rule set as a table, JSON or Markdown, and one
//! rule's explanation. Renders rule data only.

use comfy_table::{ContentArrangement, Table, presets};

use crate::analysis::rules::{FactName, Rule, RuleKind, RuleSet};
use crate::tr;

fn points(r: &Rule) -> String {
    match r.kind {
        RuleKind::Score if !r.tiers.is_empty() => r
            .tiers
            .iter()
            .map(|t| format!("{:+}", t.points))
            .collect::<Vec<_>>()
            .join("/"),
        RuleKind::Score => format!("{:+}", r.points),
        RuleKind::Problem => "problem".into(),
        RuleKind::Qualifier => "qualifier".into(),
    }
}

/// The Markdown table of all rules (also the generated docs/rules.md).
pub fn markdown(set: &RuleSet) -> String {
    let mut s = String::from(
        "| id | name | points | severity | concern | when | summary |\n|---|---|---|---|---|---|---|\n",
    );
    for r in &set.rules {
        s.push_str(&format!(
            "| {} | {} | {} | {} | {} | `{}` | {} |\n",
            r.id,
            r.name,
            points(r),
            r.severity.as_str(),
            crate::render::concerns(&r.concerns),
            r.when.describe().replace('|', "\\|"),
            r.summary
        ));
    }
    s.push_str("\n## Facts rules may name\n\n| fact | meaning |\n|---|---|\n");
    for f in FactName::all() {
        s.push_str(&format!("| `{f}` | {} |\n", f.meaning()));
    }
    s
}

/// `stackfit rules --format json`.
pub fn json(set: &RuleSet) -> String {
    let mut v = serde_json::to_string_pretty(&serde_json::json!({
        "schema_version": 1,
        "rules": set.rules,
    }))
    .expect("rules serialise");
    v.push('\n');
    v
}

/// `stackfit rules --format table`.
pub fn table(set: &RuleSet) -> String {
    let mut t = Table::new();
    t.load_style(presets::ASCII_MARKDOWN);
    t.force_no_tty();
    t.set_content_arrangement(ContentArrangement::Dynamic);
    // 80 columns: the name, concerns and sources are on `stackfit explain RULE`.
    t.set_width(80);
    t.set_header(vec![
        "id".to_string(),
        tr!("report-col-points"),
        tr!("report-col-severity"),
        tr!("report-col-summary"),
    ]);
    for r in &set.rules {
        t.add_row(vec![
            r.id.clone(),
            points(r),
            r.severity.as_str().to_string(),
            r.summary_text().to_string(),
        ]);
    }
    format!("{t}\n")
}

/// The `stackfit explain RULE` page.
pub fn explain(r: &Rule) -> String {
    let mut s = format!("# {} {}\n\n{}\n\n", r.id, r.name, r.summary_text());
    s.push_str(&tr!(
        "report-explain-facts",
        points = points(r),
        severity = r.severity.as_str(),
        concerns = r
            .concerns
            .iter()
            .map(|c| crate::render::concern_meaning(*c))
            .collect::<Vec<_>>()
            .join("; "),
        when = r.when.describe()
    ));
    s.push_str("\n\n");
    if let (Some(q), Some(text)) = (&r.question, r.question_text()) {
        s.push_str(&tr!(
            "report-explain-question",
            question = text,
            assume = q.assume.as_str()
        ));
        s.push_str("\n\n");
    }
    s.push_str(r.explanation_text().trim());
    s.push('\n');
    let refs: Vec<_> = r
        .source
        .iter()
        .filter_map(|id| crate::analysis::rules::sources::find(id))
        .collect();
    if !refs.is_empty() {
        s.push_str(&format!("\n## {}\n", tr!("report-references")));
        for (i, src) in refs.iter().enumerate() {
            s.push_str(&format!("[{}] {}\n", i + 1, src.cite()));
        }
    }
    s
}

/// `stackfit sources`: every source the rules may cite, with the rules citing it.
pub fn sources(set: &RuleSet) -> String {
    let mut out = String::new();
    for src in crate::analysis::rules::sources::all() {
        let by: Vec<&str> = set
            .rules
            .iter()
            .filter(|r| r.source.contains(&src.id))
            .map(|r| r.id.as_str())
            .collect();
        out.push_str(&format!("{}  {}\n", src.id, src.cite()));
        out.push_str(&format!("      {}\n", src.supports_text()));
        if !by.is_empty() {
            out.push_str(&format!(
                "      {}\n",
                tr!("report-cited-by", rules = by.join(", "))
            ));
        }
    }
    out
}
