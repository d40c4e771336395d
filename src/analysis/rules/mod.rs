//! Rules: policy kept as data. Each file in `rules/` (compiled into the binary, overridable
//! with `--rules DIR`) names facts in a small condition language — all/any/not and comparisons,
//! no general expressions — with points, severity, the concerns it weighs and sources. This module
//! evaluates them and loads `--rules DIR`; the built-in rules were parsed and checked by the
//! build script (`schema` is the format both use). It never computes facts.

pub mod builtin;
pub mod schema;
pub mod sources;

use std::collections::BTreeMap;
use std::path::Path;

pub use schema::{
    Concern, Condition, Effect, Literal, Op, POINTS_RANGE, Question, Rule, RuleKind, Severity, Tier,
};

// what `schema` names as `super::FactName` and `super::keys` (it is shared with build.rs)
pub use crate::analysis::facts::FactName;
use crate::analysis::facts::Facts;
use crate::error::{Error, Result};
use crate::model::declared::{Value, keys};
use crate::source::{SourceMap, Span};
use crate::tr;

impl Condition {
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
        let Some(fact) = facts.get(*name) else {
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
    pub fn facts(&self) -> Vec<FactName> {
        let mut out = Vec::new();
        if let Some(f) = &self.fact {
            out.push(*f);
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

/// A rule that fired.
#[derive(Debug, Clone)]
pub struct Fired<'r> {
    pub rule: &'r Rule,
    pub points: i64,
    pub message: String,
}

/// A rule's human-readable texts in the language of this process (English where a `--rules`
/// file gives no translation).
impl Rule {
    fn translated(&self) -> Option<&schema::RuleText> {
        match crate::locale::lang() {
            crate::locale::Lang::Ko => self.ko.as_ref(),
            crate::locale::Lang::En => None,
        }
    }
    pub fn summary_text(&self) -> &str {
        self.translated().map_or(&self.summary, |t| &t.summary)
    }
    pub fn message_text(&self) -> &str {
        self.translated().map_or(&self.message, |t| &t.message)
    }
    pub fn question_text(&self) -> Option<&str> {
        let q = self.question.as_ref()?;
        Some(
            self.translated()
                .and_then(|t| t.question.as_deref())
                .unwrap_or(&q.text),
        )
    }
    pub fn explanation_text(&self) -> &str {
        self.translated()
            .map_or(&self.explanation, |t| &t.explanation)
    }
}

impl Rule {
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
            message: render_message(self.message_text(), facts),
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

/// Fills `{fact}` with the fact's value, and `{fact|one|many}` with the value and the word that
/// fits it (`1 workload`, `3 workloads`), so messages read well for any count.
fn render_message(msg: &str, facts: &Facts) -> String {
    let mut out = msg.to_string();
    for p in schema::placeholders(msg) {
        let mut parts = p.split('|');
        let fact = parts.next().unwrap_or(p);
        let v = fact
            .parse::<FactName>()
            .ok()
            .and_then(|f| facts.get(f))
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

/// Parses one rule file (`--rules DIR`), added to `sm` so a problem is a located error.
pub fn parse_rule(sm: &mut SourceMap, path: &Path, text: String) -> Result<Rule> {
    let name = crate::source::display_name(path);
    let file = sm.add(name, path.to_path_buf(), text);
    schema::parse_rule(&sm.file(file).text, &|id| sources::find(id).is_some()).map_err(|p| {
        let span = Span {
            file,
            start: p.span.start as u32,
            end: p.span.end as u32,
        };
        Error::usage(p.message).at(sm, span)
    })
}

impl RuleSet {
    /// The built-in rules, parsed and checked when the program was built.
    pub fn builtin() -> RuleSet {
        let mut set = RuleSet {
            rules: builtin::rules(),
        };
        set.rules.sort_by(|a, b| a.id.cmp(&b.id));
        set
    }

    /// The built-in rules, with files in `dir` replacing rules of the same id and adding new ones.
    pub fn load(dir: Option<&Path>) -> Result<RuleSet> {
        let mut set = RuleSet::builtin();
        let Some(dir) = dir else { return Ok(set) };
        let entries = std::fs::read_dir(dir).map_err(|e| {
            Error::usage(tr!(
                "cmd-rules-cannot-read-dir",
                dir = dir.display().to_string(),
                why = e.to_string()
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
            return Err(Error::usage(tr!(
                "cmd-rules-no-files",
                dir = dir.display().to_string()
            )));
        }
        let mut by_id: BTreeMap<String, Rule> =
            set.rules.drain(..).map(|r| (r.id.clone(), r)).collect();
        let mut from_dir: BTreeMap<String, String> = BTreeMap::new();
        let mut sm = SourceMap::default();
        for f in files {
            let name = crate::input::display_name(&f);
            let text = crate::input::read_text(&f, &tr!("cmd-what-rule-file"))
                .map_err(|e| e.with_kind(crate::error::ErrorKind::Usage))?;
            let rule = parse_rule(&mut sm, &f, text)?;
            if let Some(other) = from_dir.insert(rule.id.clone(), name.clone()) {
                return Err(Error::usage(tr!(
                    "cmd-rules-duplicate-id",
                    file = name.as_str(),
                    rule = rule.id.as_str(),
                    other = other
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
                return Err(Error::usage(tr!(
                    "cmd-rules-shared-name",
                    other = other,
                    rule = r.id.as_str(),
                    name = r.name.as_str()
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
    fn built_in_rules_are_the_rule_files_as_parsed_at_run_time() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with("R-") && n.ends_with(".toml"))
            })
            .collect();
        files.sort();
        let builtin = RuleSet::builtin().rules;
        assert_eq!(
            files.len(),
            builtin.len(),
            "rules/ and the built-in rules disagree"
        );
        for (path, baked) in files.iter().zip(&builtin) {
            let mut sm = SourceMap::default();
            let text = std::fs::read_to_string(path).unwrap();
            let parsed = parse_rule(&mut sm, path, text).unwrap();
            assert_eq!(&parsed, baked, "{}", path.display());
        }
        let text = std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("rules/sources.toml"),
        )
        .unwrap();
        assert_eq!(schema::parse_sources(&text).unwrap(), builtin::sources());
    }

    #[test]
    fn counts_take_the_word_that_fits() {
        let mut f = Facts::default();
        f.map.insert(
            FactName::Autoscalers,
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
        let parse = |text: &str| {
            let mut sm = SourceMap::default();
            let e = parse_rule(&mut sm, Path::new("x.toml"), text.to_string()).unwrap_err();
            (e.location.map(|l| l.to_string()), e.message)
        };
        let (at, _) = parse("id = \"R-X\"\nname = 3\n");
        assert_eq!(at.as_deref(), Some("x.toml:2:8"));
        let head = "id = \"R-X\"\nname = \"x\"\nsummary = \"s\"\nconcerns = [\"scaling\"]\nsource = []\nmessage = \"m\"\nexplanation = \"e\"\n";
        let (at, msg) = parse(&format!(
            "{head}when = {{ fact = \"deployable-unit\", op = \">=\", value = 1 }}\n"
        ));
        assert!(
            msg.contains("unknown fact `deployable-unit` (did you mean `deployable-units`?)"),
            "{msg}"
        );
        assert!(at.is_some_and(|a| a.starts_with("x.toml:8:")));
        // checks that serde cannot make point at their key
        let (at, msg) = parse(&format!(
            "{head}points = 11\nwhen = {{ fact = \"roles\", op = \">=\", value = 1 }}\n"
        ));
        assert_eq!(at.as_deref(), Some("x.toml:8:10"), "{msg}");
        let (at, msg) = parse(&format!(
            "{head}when = {{ all = [{{ fact = \"roles\", op = \">=\", value = 1 }}, {{ fact = \"roles\" }}] }}\n"
        ));
        assert!(msg.contains("when.all[1]: a comparison needs"), "{msg}");
        assert_eq!(at.as_deref(), Some("x.toml:8:59"), "{msg}");
    }
}
