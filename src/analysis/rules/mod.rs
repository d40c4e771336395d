//! Rules: policy kept as data. Each file in `rules/` (compiled into the binary, overridable
//! with `--rules DIR`) names facts in a small condition language — all/any/not and comparisons,
//! no general expressions — with points, severity, seed reference and source. This module
//! loads, validates and evaluates them; it never computes facts.

pub mod builtin;
pub mod sources;

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::analysis::facts::{self, Facts};
use crate::error::{Error, Result};
use crate::model::declared::Value;

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, schemars::JsonSchema,
)]
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

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default, schemars::JsonSchema,
)]
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
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
    fn as_str(&self) -> &'static str {
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

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(untagged)]
pub enum Literal {
    Bool(bool),
    Number(f64),
}

/// A condition: exactly one of `all`, `any`, `not`, or a comparison `{fact, op, value}`.
/// A comparison on a fact that is unknown (not declared) is false.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub all: Option<Vec<Condition>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub any: Option<Vec<Condition>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not: Option<Box<Condition>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fact: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub op: Option<Op>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Literal>,
}

impl Condition {
    fn validate(&self, at: &str) -> std::result::Result<(), String> {
        let forms = usize::from(self.all.is_some())
            + usize::from(self.any.is_some())
            + usize::from(self.not.is_some())
            + usize::from(self.fact.is_some());
        if forms != 1 {
            return Err(format!(
                "{at}: a condition needs exactly one of `all`, `any`, `not` or `fact`"
            ));
        }
        if let Some(f) = &self.fact {
            if !facts::known(f) {
                return Err(format!("{at}: unknown fact `{f}`"));
            }
            if self.op.is_none() || self.value.is_none() {
                return Err(format!("{at}: a comparison needs `fact`, `op` and `value`"));
            }
        } else if self.op.is_some() || self.value.is_some() {
            return Err(format!(
                "{at}: `op` and `value` belong to a `fact` comparison"
            ));
        }
        for c in self.all.iter().chain(self.any.iter()).flatten() {
            c.validate(at)?;
        }
        if let Some(n) = &self.not {
            n.validate(at)?;
        }
        Ok(())
    }

    pub fn eval(&self, facts: &Facts) -> bool {
        if let Some(all) = &self.all {
            return all.iter().all(|c| c.eval(facts));
        }
        if let Some(any) = &self.any {
            return any.iter().any(|c| c.eval(facts));
        }
        if let Some(n) = &self.not {
            return !n.eval(facts);
        }
        let (Some(name), Some(op), Some(lit)) = (&self.fact, self.op, &self.value) else {
            return false;
        };
        let Some(fact) = facts.get(name) else {
            return false;
        };
        match (&fact.value, lit) {
            (Value::Number(a), Literal::Number(b)) => match op {
                Op::Ge => *a >= *b,
                Op::Gt => *a > *b,
                Op::Le => *a <= *b,
                Op::Lt => *a < *b,
                Op::Eq => a == b,
                Op::Ne => a != b,
            },
            (Value::Bool(a), Literal::Bool(b)) => match op {
                Op::Eq => a == b,
                Op::Ne => a != b,
                _ => false,
            },
            _ => false,
        }
    }

    /// Facts the condition names, in order of appearance.
    pub fn facts(&self) -> Vec<&str> {
        let mut out = Vec::new();
        if let Some(f) = &self.fact {
            out.push(f.as_str());
        }
        for c in self.all.iter().chain(self.any.iter()).flatten() {
            out.extend(c.facts());
        }
        if let Some(n) = &self.not {
            out.extend(n.facts());
        }
        out
    }

    /// A one-line rendering: `deployable-units >= 20 and roles <= 2`.
    pub fn describe(&self) -> String {
        if let Some(all) = &self.all {
            return all
                .iter()
                .map(|c| c.describe_inner())
                .collect::<Vec<_>>()
                .join(" and ");
        }
        if let Some(any) = &self.any {
            return any
                .iter()
                .map(|c| c.describe_inner())
                .collect::<Vec<_>>()
                .join(" or ");
        }
        if let Some(n) = &self.not {
            return format!("not ({})", n.describe());
        }
        match (&self.fact, self.op, &self.value) {
            (Some(f), Some(op), Some(v)) => format!(
                "{f} {} {}",
                op.as_str(),
                match v {
                    Literal::Bool(b) => b.to_string(),
                    Literal::Number(n) => Value::Number(*n).to_string(),
                }
            ),
            _ => String::new(),
        }
    }
    fn describe_inner(&self) -> String {
        if self.fact.is_some() {
            self.describe()
        } else {
            format!("({})", self.describe())
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Tier {
    pub when: Condition,
    pub points: i64,
}

/// A flip question: asked when the answer is unknown and the outcome is uncertain.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub text: String,
    /// The `--assume` that answers it, e.g. `hosts=3`.
    pub assume: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Rule {
    /// Stable id, e.g. `R-HOSTS`.
    pub id: String,
    /// Kebab-case name, e.g. `multi-host`.
    pub name: String,
    /// One-line summary.
    pub summary: String,
    /// Seed rules it serves: `a`–`f` or `cost` (README.md, "How it decides").
    pub seed: Vec<String>,
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
    pub evidence: Option<String>,
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
}

/// A rule's effect on the decision and its notes (README, "How it decides").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, schemars::JsonSchema)]
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

/// A rule that fired.
#[derive(Debug, Clone)]
pub struct Fired<'r> {
    pub rule: &'r Rule,
    pub points: i64,
    pub message: String,
}

impl Rule {
    fn validate(&self) -> std::result::Result<(), String> {
        let id_ok = self.id.starts_with("R-")
            && self.id.len() > 2
            && self.id[2..]
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'-');
        if !id_ok {
            return Err(format!(
                "rule id `{}` must look like R-NAME (upper case)",
                self.id
            ));
        }
        if self.name.is_empty()
            || !self
                .name
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        {
            return Err(format!("rule name `{}` must be kebab-case", self.name));
        }
        for s in &self.seed {
            if !matches!(s.as_str(), "a" | "b" | "c" | "d" | "e" | "f" | "cost") {
                return Err(format!("seed `{s}` must be one of a, b, c, d, e, f, cost"));
            }
        }
        self.when.validate("when")?;
        for (i, t) in self.tiers.iter().enumerate() {
            t.when.validate(&format!("tiers[{i}].when"))?;
        }
        if self.kind != RuleKind::Score && (self.points != 0 || !self.tiers.is_empty()) {
            return Err("only score rules have points".into());
        }
        if let Some(e) = &self.evidence
            && !facts::known(e)
        {
            return Err(format!("evidence: unknown fact `{e}`"));
        }
        if let Some(q) = &self.question {
            let (k, v) = q
                .assume
                .split_once('=')
                .ok_or_else(|| format!("question.assume `{}` must be KEY=VALUE", q.assume))?;
            crate::model::declared::parse(k, v).map_err(|e| format!("question.assume: {e}"))?;
        }
        for p in placeholders(&self.message) {
            let p = p.split('|').next().unwrap_or(p);
            if !facts::known(p) {
                return Err(format!("message: unknown fact `{{{p}}}`"));
            }
        }
        Ok(())
    }

    /// Evaluates the rule; `None` when it does not fire.
    pub fn eval(&self, facts: &Facts) -> Option<Fired<'_>> {
        if !self.when.eval(facts) {
            return None;
        }
        let points = if self.tiers.is_empty() {
            self.points
        } else {
            self.tiers.iter().find(|t| t.when.eval(facts))?.points
        };
        Some(Fired {
            rule: self,
            points,
            message: render_message(&self.message, facts),
        })
    }

    /// The points the rule would add if its question were answered as suggested.
    pub fn question_points(&self) -> i64 {
        if self.tiers.is_empty() {
            self.points
        } else {
            self.tiers.iter().map(|t| t.points).max().unwrap_or(0)
        }
    }
}

fn placeholders(msg: &str) -> Vec<&str> {
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

/// Fills `{fact}` with the fact's value, and `{fact|one|many}` with the value and the word that
/// fits it (`1 workload`, `3 workloads`), so messages read well for any count.
fn render_message(msg: &str, facts: &Facts) -> String {
    let mut out = msg.to_string();
    for p in placeholders(msg) {
        let mut parts = p.split('|');
        let fact = parts.next().unwrap_or(p);
        let v = facts
            .get(fact)
            .map(|f| f.value.to_string())
            .unwrap_or_else(|| "unknown".into());
        let text = match (parts.next(), parts.next()) {
            (Some(one), Some(many)) => format!("{v} {}", if v == "1" { one } else { many }),
            _ => v,
        };
        out = out.replace(&format!("{{{p}}}"), &text);
    }
    out
}

/// The loaded rule set, sorted by id.
#[derive(Debug, Clone)]
pub struct RuleSet {
    pub rules: Vec<Rule>,
}

/// The points one rule may add or take (README, "Rules"): a single rule never outweighs the
/// whole decision, and sums stay far from overflow.
pub const POINTS_RANGE: std::ops::RangeInclusive<i64> = -10..=10;

/// Parses one rule file; errors carry `file:line:col`.
pub fn parse_rule(name: &str, text: &str) -> std::result::Result<Rule, String> {
    let rule: Rule = toml::from_str(text).map_err(|e| {
        let (line, col) = e.span().map(|s| line_col(text, s.start)).unwrap_or((1, 1));
        format!("{name}:{line}:{col}: {}", e.message())
    })?;
    for (i, p) in std::iter::once(rule.points)
        .chain(rule.tiers.iter().map(|t| t.points))
        .enumerate()
    {
        if !POINTS_RANGE.contains(&p) {
            let key = if i == 0 { "points =" } else { "points = " };
            let line = text
                .lines()
                .position(|l| l.trim_start().starts_with(key) && l.contains(&p.to_string()))
                .map_or(1, |i| i + 1);
            return Err(format!(
                "{name}:{line}:1: points {p} outside the allowed range {}..={}",
                POINTS_RANGE.start(),
                POINTS_RANGE.end()
            ));
        }
    }
    if let Some(unknown) = rule.source.iter().find(|id| sources::find(id).is_none()) {
        let line = text
            .lines()
            .position(|l| l.starts_with("source"))
            .map_or(1, |i| i + 1);
        return Err(format!(
            "{name}:{line}:1: source `{unknown}` is not in rules/sources.toml (`stackfit sources` lists them)"
        ));
    }
    rule.validate().map_err(|e| {
        let line = text
            .lines()
            .position(|l| l.starts_with("when") || l.starts_with("[when"))
            .map_or(1, |i| i + 1);
        format!("{name}:{line}:1: {e}")
    })?;
    Ok(rule)
}

pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    (line, col)
}

impl RuleSet {
    pub fn builtin() -> RuleSet {
        let rules = builtin::FILES
            .iter()
            .map(|(name, text)| {
                parse_rule(name, text).unwrap_or_else(|e| panic!("built-in rule {e}"))
            })
            .collect();
        let mut set = RuleSet { rules };
        set.rules.sort_by(|a, b| a.id.cmp(&b.id));
        set
    }

    /// The built-in rules, with files in `dir` replacing rules of the same id and adding new ones.
    pub fn load(dir: Option<&Path>) -> Result<RuleSet> {
        let mut set = RuleSet::builtin();
        let Some(dir) = dir else { return Ok(set) };
        let entries = std::fs::read_dir(dir).map_err(|e| {
            Error::usage(format!(
                "--rules {}: cannot read directory: {e}",
                dir.display()
            ))
        })?;
        let mut files: Vec<_> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "toml"))
            // data of other kinds that may sit beside rule files (rules/sources.toml)
            .filter(|p| p.file_name().is_none_or(|n| n != "sources.toml"))
            .collect();
        files.sort();
        if files.is_empty() {
            return Err(Error::usage(format!(
                "--rules {}: no rule files (*.toml) found",
                dir.display()
            )));
        }
        let mut by_id: BTreeMap<String, Rule> =
            set.rules.drain(..).map(|r| (r.id.clone(), r)).collect();
        let mut from_dir: BTreeMap<String, String> = BTreeMap::new();
        for f in files {
            let name = crate::input::display_name(&f);
            let text = crate::input::read_text(&f, "rule file")
                .map_err(|e| e.with_kind(crate::error::ErrorKind::Usage))?;
            let rule = parse_rule(&name, &text).map_err(Error::usage)?;
            if let Some(other) = from_dir.insert(rule.id.clone(), name.clone()) {
                return Err(Error::usage(format!(
                    "{name}:1:1: rule id {} is already defined in {other}",
                    rule.id
                )));
            }
            by_id.insert(rule.id.clone(), rule);
        }
        set.rules = by_id.into_values().collect();
        set.check_unique()?;
        Ok(set)
    }

    fn check_unique(&self) -> Result<()> {
        let mut names = BTreeMap::new();
        for r in &self.rules {
            if let Some(other) = names.insert(r.name.clone(), r.id.clone()) {
                return Err(Error::usage(format!(
                    "rules {other} and {} share the name `{}`",
                    r.id, r.name
                )));
            }
        }
        Ok(())
    }

    /// Finds a rule by id or name (case-insensitive id).
    pub fn find(&self, key: &str) -> Option<&Rule> {
        self.rules
            .iter()
            .find(|r| r.id.eq_ignore_ascii_case(key) || r.name == key)
    }

    pub fn evaluate(&self, facts: &Facts) -> Vec<Fired<'_>> {
        self.rules.iter().filter_map(|r| r.eval(facts)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_rules_load_and_ids_are_unique() {
        let set = RuleSet::builtin();
        assert!(set.rules.len() >= 20);
        let mut ids: Vec<_> = set.rules.iter().map(|r| &r.id).collect();
        ids.dedup();
        assert_eq!(ids.len(), set.rules.len());
        set.check_unique().unwrap();
    }

    #[test]
    fn every_rule_file_is_embedded() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
        let mut on_disk: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().to_string())
            .filter(|n| n.starts_with("R-") && n.ends_with(".toml"))
            .collect();
        on_disk.sort();
        let mut embedded: Vec<String> = builtin::FILES
            .iter()
            .map(|(n, _)| n.trim_start_matches("rules/").to_string())
            .collect();
        embedded.sort();
        assert_eq!(
            on_disk, embedded,
            "rules/ and src/rules/builtin.rs disagree"
        );
    }

    #[test]
    fn counts_take_the_word_that_fits() {
        let mut f = Facts::default();
        f.map.insert(
            "autoscalers",
            crate::analysis::facts::Fact {
                value: crate::model::declared::Value::Number(1.0),
                evidence: vec![],
                origin: None,
            },
        );
        assert_eq!(
            render_message("{autoscalers|unit|units} here", &f),
            "1 unit here"
        );
    }

    #[test]
    fn bad_rule_files_are_located_errors() {
        let e = parse_rule("x.toml", "id = \"R-X\"\nname = 3\n").unwrap_err();
        assert!(e.starts_with("x.toml:2:"), "{e}");
        let text = "id = \"R-X\"\nname = \"x\"\nsummary = \"s\"\nseed = [\"a\"]\nsource = []\nmessage = \"m\"\nexplanation = \"e\"\nwhen = { fact = \"nope\", op = \">=\", value = 1 }\n";
        let e = parse_rule("x.toml", text).unwrap_err();
        assert!(e.contains("unknown fact `nope`"), "{e}");
    }
}
