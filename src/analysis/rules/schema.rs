//! The rule and source file formats: their types, their checks and their parsing from TOML
//! with the span of every problem. What a rule *does* (evaluation, messages) lives in
//! `rules`; this file only says what a well-formed rule is. It is also compiled into the build
//! script (`build.rs`), which parses and checks the built-in files, so a bad built-in rule fails
//! the build; therefore it names nothing of the crate but `super::FactName` and `super::keys`.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use super::FactName;
use super::keys;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(stackfit_lib, derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(&self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(stackfit_lib, derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum RuleKind {
    /// Adds points to the score (+ toward Kubernetes, − toward Compose).
    #[default]
    Score,
    /// A problem in the input (dev-only file, contradicting facts): no points.
    Problem,
    /// Decides the outcome's shape (monolith, role split): no points.
    Qualifier,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(stackfit_lib, derive(schemars::JsonSchema))]
pub enum Op {
    #[serde(rename = ">=")]
    Ge,
    #[serde(rename = ">")]
    Gt,
    #[serde(rename = "<=")]
    Le,
    #[serde(rename = "<")]
    Lt,
    #[serde(rename = "==")]
    Eq,
    #[serde(rename = "!=")]
    Ne,
}

impl Op {
    pub fn as_str(&self) -> &'static str {
        match self {
            Op::Ge => ">=",
            Op::Gt => ">",
            Op::Le => "<=",
            Op::Lt => "<",
            Op::Eq => "==",
            Op::Ne => "!=",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(stackfit_lib, derive(schemars::JsonSchema))]
#[serde(untagged)]
pub enum Literal {
    Bool(bool),
    Number(f64),
}

/// A condition: exactly one of `all`, `any`, `not`, or a comparison `{fact, op, value}`.
/// A comparison on a fact that is unknown (not declared) is false.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(stackfit_lib, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Condition {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub all: Option<Vec<Condition>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub any: Option<Vec<Condition>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not: Option<Box<Condition>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fact: Option<FactName>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub op: Option<Op>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Literal>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(stackfit_lib, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Tier {
    pub when: Condition,
    pub points: i64,
}

/// A flip question: asked when the answer is unknown and the outcome is uncertain.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(stackfit_lib, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub text: String,
    /// The `--assume` that answers it, e.g. `hosts=3`.
    pub assume: String,
}

/// What a rule weighs, in words a reader knows: the concerns of the rule set's starting point
/// (README, "How it decides").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(stackfit_lib, derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Concern {
    /// A monolith not split into tiers: plan its decomposition before an orchestrator.
    MonolithFirst,
    /// How many deployable units there are: a few containers are what Compose is for.
    SystemSize,
    /// A simple architecture with no scaling need.
    Simplicity,
    /// Microservices that must scale.
    Scaling,
    /// High availability and zero-downtime deploys.
    Availability,
    /// Self-healing, batch execution, configuration management, load balancing.
    Operations,
    /// What running the platform costs, on premises, hybrid or managed.
    OperatingCost,
}

impl Concern {
    pub const ALL: [Concern; 7] = [
        Concern::MonolithFirst,
        Concern::SystemSize,
        Concern::Simplicity,
        Concern::Scaling,
        Concern::Availability,
        Concern::Operations,
        Concern::OperatingCost,
    ];

    /// The id, as rule files and JSON write it.
    pub fn as_str(self) -> &'static str {
        match self {
            Concern::MonolithFirst => "monolith-first",
            Concern::SystemSize => "system-size",
            Concern::Simplicity => "simplicity",
            Concern::Scaling => "scaling",
            Concern::Availability => "availability",
            Concern::Operations => "operations",
            Concern::OperatingCost => "operating-cost",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(stackfit_lib, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Rule {
    /// Stable id, e.g. `R-HOSTS`.
    pub id: String,
    /// Kebab-case name, e.g. `multi-host`.
    pub name: String,
    /// One-line summary.
    pub summary: String,
    /// The concerns it weighs (README.md, "How it decides").
    pub concerns: Vec<Concern>,
    /// Source ids (README.md, "How it decides").
    pub source: Vec<String>,
    #[serde(default)]
    pub kind: RuleKind,
    #[serde(default = "default_severity")]
    pub severity: Severity,
    #[serde(default)]
    pub points: i64,
    /// Point tiers: the first tier whose condition holds gives the points.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tiers: Vec<Tier>,
    pub when: Condition,
    /// Message with `{fact}` placeholders.
    pub message: String,
    /// The fact whose evidence positions locate the finding.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<FactName>,
    /// A borderline outcome leans to Kubernetes when this rule fired.
    #[serde(default)]
    pub lean_kubernetes: bool,
    /// A file signal that corroborates a declared hard requirement (confidence high).
    #[serde(default)]
    pub file_signal: bool,
    /// What the rule does to the decision beyond its points (declared here, so the decision
    /// never names rule ids).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub effects: Vec<Effect>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub question: Option<Question>,
    /// Long help: What it does / Why it matters / Example / How to act / Suppress.
    pub explanation: String,
    /// The Korean texts (`[ko]`): built-in rules have them (a test); a `--rules` file may not.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ko: Option<RuleText>,
}

/// A rule's human-readable texts in another language: the same placeholders as the English.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(stackfit_lib, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RuleText {
    pub summary: String,
    pub message: String,
    /// The flip question, when the rule has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub question: Option<String>,
    pub explanation: String,
}

/// A rule's effect on the decision and its notes (README, "How it decides").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(stackfit_lib, derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Effect {
    /// A single-role monolith: with drivers, `decompose-first`; with availability only,
    /// "replicate the monolith".
    Monolith,
    /// A role-split monolith: never `decompose-first`, and its roles are the first cuts.
    RoleSplit,
    /// Over-engineered Kubernetes input: the advice is `compose`.
    Overkill,
    /// Keys that only Swarm honours (replicas, rolling updates, multi-node): the Swarm note on
    /// compose input that stays on one host.
    SwarmSemantics,
    /// Stateful services in the system: the "keep them managed" note with a Kubernetes outcome.
    StatefulNote,
    /// A development file: the note to analyse the production file.
    DevFileNote,
}

fn default_severity() -> Severity {
    Severity::Info
}

/// A source the rules cite (`rules/sources.toml`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(stackfit_lib, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    pub title: String,
    pub publisher: String,
    /// As the project's source list gives it (scheme-less); none where it gives none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// An issue or page named without a link (`docker/compose#1035`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// What the rules take from it, in our own words.
    pub supports: String,
    /// The Korean texts (`[source.ko]`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ko: Option<SourceText>,
}

/// A source's human-readable text in another language.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(stackfit_lib, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SourceText {
    pub supports: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SourcesFile {
    source: Vec<Source>,
}

/// The points one rule may add or take (README, "Rules"): a single rule never outweighs the
/// whole decision, and sums stay far from overflow.
pub const POINTS_RANGE: std::ops::RangeInclusive<i64> = -10..=10;

/// What is wrong with a rule or sources file, and where: a byte range of its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub span: Range<usize>,
    pub message: String,
}

impl Problem {
    fn at(text: &str, path: &str, message: String) -> Problem {
        Problem {
            span: span_of(text, path).unwrap_or(0..0),
            message,
        }
    }
}

fn from_toml(e: toml::de::Error) -> Problem {
    Problem {
        span: e.span().unwrap_or(0..0),
        message: e.message().trim().to_string(),
    }
}

/// The span of the value at a dotted key path (`tiers[1].when.fact`), or of the nearest
/// enclosing value that exists: problems point at the exact key even though serde does not
/// keep spans in the types.
pub fn span_of(text: &str, path: &str) -> Option<Range<usize>> {
    let doc = toml::de::DeTable::parse(text).ok()?;
    let mut span = None;
    let mut table = Some(doc.get_ref());
    for part in path.split('.') {
        let (key, index) = match part.split_once('[') {
            Some((k, i)) => (k, i.trim_end_matches(']').parse::<usize>().ok()),
            None => (part, None),
        };
        let Some(t) = table else { break };
        let Some((_, v)) = t.iter().find(|(k, _)| k.get_ref().as_ref() == key) else {
            break;
        };
        let mut value = v;
        span = Some(v.span());
        if let Some(i) = index {
            match v.get_ref().as_array().and_then(|a| a.get(i)) {
                Some(item) => {
                    value = item;
                    span = Some(item.span());
                }
                None => break,
            }
        }
        table = value.get_ref().as_table();
    }
    span
}

impl Condition {
    /// Checks the shape of a condition; `at` is its key path, for the error's span.
    fn check(&self, at: &str) -> Result<(), (String, String)> {
        let forms = usize::from(self.all.is_some())
            + usize::from(self.any.is_some())
            + usize::from(self.not.is_some())
            + usize::from(self.fact.is_some());
        if forms != 1 {
            return Err((
                at.to_string(),
                format!("{at}: a condition needs exactly one of `all`, `any`, `not` or `fact`"),
            ));
        }
        if self.fact.is_some() {
            if self.op.is_none() || self.value.is_none() {
                return Err((
                    at.to_string(),
                    format!("{at}: a comparison needs `fact`, `op` and `value`"),
                ));
            }
        } else if self.op.is_some() || self.value.is_some() {
            return Err((
                at.to_string(),
                format!("{at}: `op` and `value` belong to a `fact` comparison"),
            ));
        }
        for (key, list) in [("all", &self.all), ("any", &self.any)] {
            for (i, c) in list.iter().flatten().enumerate() {
                c.check(&format!("{at}.{key}[{i}]"))?;
            }
        }
        if let Some(n) = &self.not {
            n.check(&format!("{at}.not"))?;
        }
        Ok(())
    }
}

/// The `{fact}` and `{fact|one|many}` placeholders of a message, as written.
pub fn placeholders(msg: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = msg;
    while let Some(i) = rest.find('{') {
        let after = &rest[i + 1..];
        let Some(j) = after.find('}') else { break };
        out.push(&after[..j]);
        rest = &after[j + 1..];
    }
    out
}

impl Rule {
    /// Checks what serde cannot: id and name forms, concerns, condition shapes, points, questions
    /// and message placeholders. The error carries the key path it concerns.
    fn check(&self, known_source: &dyn Fn(&str) -> bool) -> Result<(), (String, String)> {
        let fail = |path: &str, msg: String| Err((path.to_string(), msg));
        let id_ok = self.id.starts_with("R-")
            && self.id.len() > 2
            && self.id[2..]
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'-');
        if !id_ok {
            return fail(
                "id",
                format!("rule id `{}` must look like R-NAME (upper case)", self.id),
            );
        }
        if self.name.is_empty()
            || !self
                .name
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        {
            return fail(
                "name",
                format!("rule name `{}` must be kebab-case", self.name),
            );
        }
        if self.concerns.is_empty() {
            return fail(
                "concerns",
                "a rule names the concern it weighs (`concerns = [\"scaling\"]`)".into(),
            );
        }
        for (i, id) in self.source.iter().enumerate() {
            if !known_source(id) {
                return fail(
                    &format!("source[{i}]"),
                    format!(
                        "source `{id}` is not in rules/sources.toml (`stackfit sources` lists them)"
                    ),
                );
            }
        }
        self.when.check("when")?;
        for (i, t) in self.tiers.iter().enumerate() {
            t.when.check(&format!("tiers[{i}].when"))?;
        }
        let points = std::iter::once(("points".to_string(), self.points)).chain(
            self.tiers
                .iter()
                .enumerate()
                .map(|(i, t)| (format!("tiers[{i}].points"), t.points)),
        );
        for (path, p) in points {
            if !POINTS_RANGE.contains(&p) {
                return fail(
                    &path,
                    format!(
                        "points {p} outside the allowed range {}..={}",
                        POINTS_RANGE.start(),
                        POINTS_RANGE.end()
                    ),
                );
            }
        }
        if self.kind != RuleKind::Score && (self.points != 0 || !self.tiers.is_empty()) {
            return fail("points", "only score rules have points".into());
        }
        if let Some(q) = &self.question {
            let Some((k, v)) = q.assume.split_once('=') else {
                return fail(
                    "question.assume",
                    format!("question.assume `{}` must be KEY=VALUE", q.assume),
                );
            };
            if let Err(e) = keys::parse(k, v) {
                return fail("question.assume", format!("question.assume: {e}"));
            }
        }
        for p in placeholders(&self.message) {
            let p = p.split('|').next().unwrap_or(p);
            if p.parse::<FactName>().is_err() {
                return fail("message", format!("message: unknown fact `{{{p}}}`"));
            }
        }
        if let Some(ko) = &self.ko {
            let facts = |m: &str| {
                let mut v: Vec<String> = placeholders(m)
                    .into_iter()
                    .map(|p| p.split('|').next().unwrap_or(p).to_string())
                    .collect();
                v.sort();
                v.dedup();
                v
            };
            if facts(&ko.message) != facts(&self.message) {
                return fail(
                    "ko.message",
                    format!(
                        "ko.message must use the facts of message: {{{}}}",
                        facts(&self.message).join("}, {")
                    ),
                );
            }
            if ko.question.is_some() != self.question.is_some() {
                return fail(
                    "ko",
                    "ko.question must be given exactly when the rule has a [question]".into(),
                );
            }
        }
        Ok(())
    }
}

/// Parses and checks one rule file. `known_source` says which source ids exist.
pub fn parse_rule(text: &str, known_source: &dyn Fn(&str) -> bool) -> Result<Rule, Problem> {
    let rule: Rule = toml::from_str(text).map_err(from_toml)?;
    rule.check(known_source)
        .map_err(|(path, message)| Problem::at(text, &path, message))?;
    Ok(rule)
}

/// Parses and checks the sources file: ids unique, each source with something to cite.
pub fn parse_sources(text: &str) -> Result<Vec<Source>, Problem> {
    let file: SourcesFile = toml::from_str(text).map_err(from_toml)?;
    for (i, s) in file.source.iter().enumerate() {
        if file.source[..i].iter().any(|o| o.id == s.id) {
            return Err(Problem::at(
                text,
                &format!("source[{i}].id"),
                format!("source id `{}` appears twice", s.id),
            ));
        }
    }
    Ok(file.source)
}
