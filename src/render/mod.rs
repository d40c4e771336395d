//! Renderers: one file per output format. Each sees only a report and writes to a
//! `&mut dyn Write`; none of them looks at the model, the graph or the source files.

pub mod decompose;
pub mod dot;
pub mod fingerprint;
pub mod github;
pub mod gitlab;
pub mod json;
pub mod junit;
pub mod markdown;
pub mod mermaid;
pub mod plan;
pub mod rules;
pub mod sarif;
pub mod table;

use std::io::Write;

use crate::tr;

use crate::report::GraphReport;
use crate::report::Recommendation;
use crate::report::analysis::Finding;

/// Points as shown to people: `+2`, `-1`, `0` (+ toward Kubernetes, − toward Compose).
pub(crate) fn signed(p: i64) -> String {
    if p > 0 {
        format!("+{p}")
    } else {
        p.to_string()
    }
}

/// How to read the answer, in one line: what the score sums, which ranges give which outcome,
/// and what the confidence means (the decision in `analysis/recommend.rs`).
pub fn how_to_read() -> String {
    tr!("report-how-to-read")
}

/// A confidence (`high`, `medium`, `low`) in words.
pub(crate) fn confidence_label(c: &str) -> String {
    crate::locale::message(&format!("report-confidence-{c}"), &[])
}

/// ` (+2 points)` after the message of a scoring finding; empty for other findings.
pub(crate) fn points_note(f: &Finding) -> String {
    match (f.kind.as_str(), f.points) {
        (_, 0) => String::new(),
        ("score", p) => tr!("report-points-note", points = signed(p), n = p.abs()),
        _ => String::new(),
    }
}

/// The outcome as shown to people: `kubernetes`, or `borderline (leans compose)`.
pub(crate) fn outcome_label(rec: &Recommendation) -> String {
    rec.outcome_label()
}

/// `services: 13 · deployable units: 6 · running: 13`; `missing` stands for an unknown count.
pub(crate) fn counts(r: &crate::report::analysis::Report, missing: &str) -> String {
    let fact = |k: &str| {
        r.facts
            .get(k)
            .map(|f| f.value.to_string())
            .unwrap_or_else(|| missing.to_string())
    };
    tr!(
        "report-counts",
        services = r.services.len(),
        units = fact("deployable-units"),
        running = fact("running-services")
    )
}

/// One finding on one line of text: `file:line:col: severity [RULE] message (+2 points)`.
pub(crate) fn finding_line(f: &Finding) -> String {
    let at = f
        .location
        .as_ref()
        .map(|l| format!("{l}: "))
        .unwrap_or_default();
    format!(
        "{at}{} [{}] {}{}",
        f.severity.as_str(),
        f.rule,
        f.message,
        points_note(f)
    )
}

pub fn graph_json(r: &GraphReport, w: &mut dyn Write) -> std::io::Result<()> {
    crate::source::escape::json_pretty(&mut *w, r)?;
    writeln!(w)
}

/// A rule's concerns as table words: `scaling, availability`.
pub fn concerns(c: &[crate::report::Concern]) -> String {
    c.iter()
        .map(|c| concern_label(*c))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The short words a table shows for a concern (`report-concern-ID`).
pub fn concern_label(c: crate::report::Concern) -> String {
    crate::locale::message(&format!("report-concern-{}", c.as_str()), &[])
}

/// What a concern is, for `explain` and the Markdown report (`report-concern-ID-meaning`).
pub fn concern_meaning(c: crate::report::Concern) -> String {
    crate::locale::message(&format!("report-concern-{}-meaning", c.as_str()), &[])
}

/// Small reports for the renderers' unit tests.
#[cfg(test)]
pub(crate) mod testing {
    use crate::report::Severity;
    use crate::report::analysis::{Finding, Report, RuleDoc};
    use crate::report::{Confidence, Outcome, Recommendation};
    use crate::source::Location;

    /// A finding at `compose.yaml:3:5-3:9`, named `rule-x`.
    pub(crate) fn finding(rule: &str, severity: Severity, message: &str) -> Finding {
        Finding {
            rule: rule.into(),
            name: "rule-x".into(),
            severity,
            kind: crate::report::analysis::FindingKind::Problem,
            points: 0,
            message: message.into(),
            location: Some(Location {
                file: "compose.yaml".into(),
                line: 3,
                column: 5,
                end_line: 3,
                end_column: 9,
            }),
            path: Some("services.web:image".into()),
            related: vec![],
            concerns: vec![],
            source: vec![],
            declared: None,
        }
    }

    pub(crate) fn rule_doc(id: &str) -> RuleDoc {
        RuleDoc {
            id: id.into(),
            name: "rule-x".into(),
            summary: format!("summary of {id}"),
            explanation: "## What it does\nFires.".into(),
            severity: Severity::Info,
            concerns: vec![crate::report::Concern::SystemSize],
            source: vec!["S1".into()],
            references: vec![],
        }
    }

    /// A `kubernetes` report (score +7, confidence high) for system `demo`.
    pub(crate) fn report(findings: Vec<Finding>) -> Report<'static> {
        Report {
            system: Some("demo".into()),
            recommendation: Some(Recommendation {
                outcome: Outcome::Kubernetes,
                lean: None,
                score: 7,
                confidence: Confidence::High,
                hard_requirement: false,
                rules: vec![],
                questions: vec![],
                notes: vec![],
            }),
            findings,
            ..Report::empty(vec!["compose.yaml".into()])
        }
    }
}
