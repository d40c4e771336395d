//! `stackfit rules` and `stackfit explain`: the rule set as a table, JSON or Markdown, and one
//! rule's explanation. Renders rule data only.

use std::io::Write;

use comfy_table::{ContentArrangement, Table, presets};

use crate::app::write_result;
use crate::cli::{ExplainArgs, RulesArgs, RulesFormat};
use crate::error::Error;
use crate::rules::{Rule, RuleKind, RuleSet};

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
        "| id | name | points | severity | seed | when | summary |\n|---|---|---|---|---|---|---|\n",
    );
    for r in &set.rules {
        s.push_str(&format!(
            "| {} | {} | {} | {} | {} | `{}` | {} |\n",
            r.id,
            r.name,
            points(r),
            r.severity.as_str(),
            r.seed.join(", "),
            r.when.describe().replace('|', "\\|"),
            r.summary
        ));
    }
    s
}

pub fn list(args: RulesArgs, out: &mut dyn Write) -> Result<u8, Error> {
    let set = RuleSet::load(args.rules.as_deref())?;
    let text = match args.format {
        RulesFormat::Json => {
            let mut v = serde_json::to_string_pretty(&serde_json::json!({
                "schema_version": 1,
                "rules": set.rules,
            }))
            .expect("rules serialise");
            v.push('\n');
            v
        }
        RulesFormat::Markdown => markdown(&set),
        RulesFormat::Table => {
            let mut t = Table::new();
            t.load_style(presets::ASCII_MARKDOWN);
            t.force_no_tty();
            t.set_content_arrangement(ContentArrangement::Dynamic);
            t.set_width(120);
            t.set_header(vec!["id", "name", "points", "severity", "seed", "summary"]);
            for r in &set.rules {
                t.add_row(vec![
                    r.id.clone(),
                    r.name.clone(),
                    points(r),
                    r.severity.as_str().to_string(),
                    r.seed.join(","),
                    r.summary.clone(),
                ]);
            }
            format!("{t}\n")
        }
    };
    write_result(out.write_all(text.as_bytes()))?;
    Ok(0)
}

pub fn explain(args: ExplainArgs, out: &mut dyn Write) -> Result<u8, Error> {
    let set = RuleSet::load(args.rules.as_deref())?;
    let Some(r) = set.find(&args.rule) else {
        let close: Vec<&str> = set
            .rules
            .iter()
            .filter(|r| {
                crate::declared::edit_distance(&args.rule.to_ascii_uppercase(), &r.id) <= 3
                    || crate::declared::edit_distance(&args.rule, &r.name) <= 3
            })
            .map(|r| r.id.as_str())
            .collect();
        let hint = if close.is_empty() {
            String::new()
        } else {
            format!(" (did you mean {}?)", close.join(", "))
        };
        return Err(Error::usage(format!(
            "unknown rule `{}`{hint}; `stackfit rules` lists them",
            args.rule
        )));
    };
    let mut s = format!("# {} {}\n\n{}\n\n", r.id, r.name, r.summary);
    s.push_str(&format!(
        "points: {} · severity: {} · seed: {} · source: {}\nfires when: {}\n\n",
        points(r),
        r.severity.as_str(),
        r.seed.join(", "),
        r.source.join(", "),
        r.when.describe()
    ));
    if let Some(q) = &r.question {
        s.push_str(&format!(
            "question: {} (answer with --assume {})\n\n",
            q.text, q.assume
        ));
    }
    s.push_str(r.explanation.trim());
    s.push('\n');
    write_result(out.write_all(s.as_bytes()))?;
    Ok(0)
}
