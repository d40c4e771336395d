//! The analysis report: the JSON contract of `stackfit analyze` (`schema_version` 2) and the
//! single input of every analyze renderer. Built from the pipeline's results; holds resolved
//! locations (file:line:col), never spans or parser types.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{GraphReport, SCHEMA_VERSION};
use crate::analysis::hints::Hint;
use crate::analysis::recommend::Recommendation;
use crate::analysis::rules::Severity;
use crate::model::declared::Origin;
use crate::source::Location;

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Tool {
    pub name: &'static str,
    pub version: &'static str,
}

pub const TOOL: Tool = Tool {
    name: "stackfit",
    version: env!("CARGO_PKG_VERSION"),
};

/// What a finding is: a scoring contribution, a problem in the input, a qualifier of the
/// decision, an input error that stopped the run, or an unused suppression.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum FindingKind {
    Score,
    Problem,
    Qualifier,
    InputError,
    Suppression,
}

impl FindingKind {
    pub fn as_str(self) -> &'static str {
        match self {
            FindingKind::Score => "score",
            FindingKind::Problem => "problem",
            FindingKind::Qualifier => "qualifier",
            FindingKind::InputError => "input-error",
            FindingKind::Suppression => "suppression",
        }
    }
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Finding {
    /// Rule id (`R-REPLICAS`), or an input-error code (`invalid-yaml`).
    pub rule: String,
    pub name: String,
    pub severity: Severity,
    pub kind: FindingKind,
    pub points: i64,
    pub message: String,
    pub location: Option<Location>,
    /// The YAML path of the node (`services.web.deploy.replicas`) when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// Anchor definitions and further evidence.
    pub related: Vec<Location>,
    pub concerns: Vec<crate::analysis::rules::Concern>,
    pub source: Vec<String>,
    /// Where a declared fact behind the finding came from (`--assume`, config, file).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub declared: Option<String>,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct FactOut {
    pub value: crate::model::declared::Value,
    /// `file`, `declared-in-file`, `config`, `assume`.
    pub source: &'static str,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Suppressed {
    pub rule: String,
    pub reason: String,
    pub location: Option<Location>,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Report<'m> {
    pub schema_version: u32,
    pub tool: Tool,
    pub system: Option<String>,
    pub inputs: Vec<String>,
    /// The `stackfit.toml` the run used (given with `--config` or discovered), when any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub config: Option<String>,
    /// Null when an input error stopped the analysis.
    pub recommendation: Option<Recommendation>,
    pub findings: Vec<Finding>,
    pub facts: BTreeMap<String, FactOut>,
    pub services: super::GraphServices<'m>,
    pub edges: super::GraphEdges<'m>,
    pub hints: Vec<Hint>,
    /// The migration plan: present when the outcome is kubernetes or leans that way, and with
    /// `stackfit plan`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plan: Option<crate::analysis::plan::Plan>,
    pub suppressed: Vec<Suppressed>,
    /// Documentation of every rule in the rule set (for SARIF `tool.driver.rules`, help links).
    pub rule_docs: Vec<RuleDoc>,
    /// Outcome requested with `--expect`, and whether it matched.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expect: Option<ExpectResult>,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct RuleDoc {
    pub id: String,
    pub name: String,
    pub summary: String,
    /// Markdown: What it does / Why it matters / Example / How to act / Suppress.
    pub explanation: String,
    pub severity: Severity,
    pub concerns: Vec<crate::analysis::rules::Concern>,
    pub source: Vec<String>,
    /// The cited sources, resolved: title, publisher, link where known.
    pub references: Vec<crate::analysis::rules::sources::Source>,
}

impl RuleDoc {
    pub fn from_rule(r: &crate::analysis::rules::Rule) -> RuleDoc {
        RuleDoc {
            id: r.id.clone(),
            name: r.name.clone(),
            summary: r.summary_text().to_string(),
            explanation: r.explanation_text().trim().to_string(),
            severity: r.severity,
            concerns: r.concerns.clone(),
            source: r.source.clone(),
            references: r
                .source
                .iter()
                .filter_map(|id| crate::analysis::rules::sources::find(id))
                // the report is in the language of the run: one text, no translations
                .map(|s| crate::analysis::rules::sources::Source {
                    supports: s.supports_text().to_string(),
                    ko: None,
                    ..s.clone()
                })
                .collect(),
        }
    }
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct ExpectResult {
    pub expected: String,
    pub matched: bool,
}

pub fn origin_source(o: &Option<Origin>) -> &'static str {
    match o {
        None => "file",
        Some(Origin::File(_)) => "declared-in-file",
        Some(Origin::Config { .. }) => "config",
        Some(Origin::Assume) => "assume",
    }
}

impl<'m> Report<'m> {
    pub fn graph(&self) -> GraphReport<'m> {
        GraphReport {
            schema_version: SCHEMA_VERSION,
            services: self.services.clone(),
            edges: self.edges.clone(),
        }
    }

    /// A report for a run stopped by an input error: no recommendation, one finding.
    /// A report with no analysis in it: the base of `input_error` and of test reports.
    pub fn empty(inputs: Vec<String>) -> Report<'static> {
        Report {
            schema_version: SCHEMA_VERSION,
            tool: TOOL,
            system: None,
            inputs,
            config: None,
            recommendation: None,
            findings: vec![],
            facts: BTreeMap::new(),
            services: super::GraphServices::none(),
            edges: super::GraphEdges::none(),
            hints: vec![],
            plan: None,
            suppressed: vec![],
            rule_docs: vec![],
            expect: None,
        }
    }

    /// A report for a run stopped by an input error: no recommendation, one finding.
    pub fn input_error(inputs: Vec<String>, err: &crate::error::Error) -> Report<'static> {
        Report {
            findings: vec![Finding {
                rule: err.code.to_string(),
                name: err.code.to_string(),
                severity: Severity::Error,
                kind: FindingKind::InputError,
                points: 0,
                message: err.message.clone(),
                location: err.location.clone(),
                path: None,
                related: err.related.iter().cloned().collect(),
                concerns: vec![],
                source: vec![],
                declared: None,
            }],
            ..Report::empty(inputs)
        }
    }
}

/// The plan's JSON: `{"schema_version", "system", "outcome", "lean", "plan"}`.
#[derive(serde::Serialize, schemars::JsonSchema)]
pub struct PlanReport<'a> {
    pub schema_version: u32,
    pub system: Option<&'a str>,
    pub outcome: Option<&'a str>,
    pub lean: Option<&'a str>,
    pub plan: Option<&'a crate::analysis::plan::Plan>,
}

impl Report<'_> {
    /// The report as `stackfit plan --format json` writes it.
    pub fn plan_report(&self) -> PlanReport<'_> {
        let r = self;
        PlanReport {
            schema_version: crate::report::SCHEMA_VERSION,
            system: r.system.as_deref(),
            outcome: r.recommendation.as_ref().map(|x| x.outcome.as_str()),
            lean: r
                .recommendation
                .as_ref()
                .and_then(|x| x.lean)
                .map(|l| l.as_str()),
            plan: r.plan.as_ref(),
        }
    }
}
