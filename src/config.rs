//! The config file `stackfit.toml`: declared facts, `expect`, `fail-on`, rule selection,
//! severities and points. Found in the nearest ancestor directory of the first input (stopping
//! at the repository root) unless `--config` names one. Strict: unknown keys and wrong types
//! are configuration errors (exit 2) at `file:line:col`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::analysis::rules::{RuleSet, Severity, line_col};
use crate::error::{Error, Result};
use crate::model::declared::{DeclaredFacts, Origin};

pub const FILE_NAME: &str = "stackfit.toml";

#[derive(Debug, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ConfigFile {
    /// Outcome to expect (compose, kubernetes, decompose-first).
    pub expect: Option<String>,
    /// Minimum severity that fails the run (error, warning, info, never).
    pub fail_on: Option<String>,
    /// Declared facts (README.md, "Declared facts"), e.g. `hosts = 3`.
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, serde_json::Value>")]
    pub facts: BTreeMap<String, toml::Spanned<toml::Value>>,
    #[serde(default)]
    pub rules: RulesConfig,
}

#[derive(Debug, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RulesConfig {
    /// Rule ids or names to turn off.
    #[serde(default)]
    pub disable: Vec<String>,
    /// Severity overrides by rule id or name.
    #[serde(default)]
    pub severity: BTreeMap<String, Severity>,
    /// Point overrides by rule id or name (score rules only).
    #[serde(default)]
    pub points: BTreeMap<String, i64>,
}

#[derive(Debug)]
pub struct Config {
    pub path: Option<PathBuf>,
    pub name: String,
    pub text: String,
    pub file: ConfigFile,
}

/// The nearest `stackfit.toml` from `start` upwards, never above the project root (`root`;
/// when the user allowed files outside it, the enclosing git work tree or `start` itself), so
/// a parent directory's config cannot change the outcome unannounced.
pub fn discover(start: &Path, root: Option<&Path>) -> Option<PathBuf> {
    let start = std::fs::canonicalize(start).ok()?;
    let mut dir = Some(start.as_path());
    while let Some(d) = dir {
        let p = d.join(FILE_NAME);
        if p.is_file() {
            return Some(p);
        }
        if d.join(".git").exists() || root.is_none_or(|r| d == r || !d.starts_with(r)) {
            return None;
        }
        dir = d.parent();
    }
    None
}

impl Config {
    pub fn load(path: &Path) -> Result<Config> {
        let name = crate::input::display_name(path);
        let text = crate::input::read_text(path, "config file")
            .map_err(|e| e.with_kind(crate::error::ErrorKind::Usage))?;
        let file: ConfigFile = toml::from_str(&text).map_err(|e| {
            let (l, c) = e.span().map(|s| line_col(&text, s.start)).unwrap_or((1, 1));
            Error::usage(format!("{name}:{l}:{c}: {}", e.message().trim()))
        })?;
        let cfg = Config {
            path: Some(path.to_path_buf()),
            name,
            text,
            file,
        };
        cfg.validate()?;
        Ok(cfg)
    }

    fn at(&self, span: std::ops::Range<usize>) -> String {
        let (l, c) = line_col(&self.text, span.start);
        format!("{}:{l}:{c}", self.name)
    }

    fn line_of(&self, needle: &str) -> usize {
        self.text
            .lines()
            .position(|l| l.contains(needle))
            .map_or(1, |i| i + 1)
    }

    fn validate(&self) -> Result<()> {
        if let Some(e) = &self.file.expect {
            crate::model::declared::parse("expect", e).map_err(|m| {
                Error::usage(format!("{}:{}:1: {m}", self.name, self.line_of("expect")))
            })?;
        }
        if let Some(f) = &self.file.fail_on
            && !matches!(f.as_str(), "error" | "warning" | "info" | "never")
        {
            return Err(Error::usage(format!(
                "{}:{}:1: fail-on must be error, warning, info or never, got `{f}`",
                self.name,
                self.line_of("fail-on")
            )));
        }
        Ok(())
    }

    /// Adds the `[facts]` table to the declared facts (over file facts, under `--assume`).
    pub fn add_facts(&self, declared: &mut DeclaredFacts) -> Result<()> {
        for (k, v) in &self.file.facts {
            let raw = match v.get_ref() {
                toml::Value::String(s) => s.clone(),
                toml::Value::Integer(i) => i.to_string(),
                toml::Value::Float(f) => f.to_string(),
                toml::Value::Boolean(b) => b.to_string(),
                other => {
                    return Err(Error::usage(format!(
                        "{}: facts.{k} must be a single value, found {}",
                        self.at(v.span()),
                        other.type_str()
                    )));
                }
            };
            let value = crate::model::declared::parse(k, &raw)
                .map_err(|m| Error::usage(format!("{}: {m}", self.at(v.span()))))?;
            let (line, _) = line_col(&self.text, v.span().start);
            declared.set(
                k,
                value,
                Origin::Config {
                    file: self.name.clone(),
                    line,
                },
            );
        }
        if let Some(e) = &self.file.expect
            && let Ok(v) = crate::model::declared::parse("expect", e)
        {
            declared.set(
                "expect",
                v,
                Origin::Config {
                    file: self.name.clone(),
                    line: self.line_of("expect"),
                },
            );
        }
        Ok(())
    }

    /// Applies rule selection, severities and points to a rule set.
    pub fn apply_rules(&self, rules: &mut RuleSet) -> Result<()> {
        let rc = &self.file.rules;
        let resolve = |key: &str, section: &str| -> Result<String> {
            rules.find(key).map(|r| r.id.clone()).ok_or_else(|| {
                Error::usage(format!(
                    "{}:{}:1: rules.{section}: unknown rule `{key}` (see `stackfit rules`)",
                    self.name,
                    self.line_of(key)
                ))
            })
        };
        let disabled: Vec<String> = rc
            .disable
            .iter()
            .map(|k| resolve(k, "disable"))
            .collect::<Result<_>>()?;
        let sev: Vec<(String, Severity)> = rc
            .severity
            .iter()
            .map(|(k, v)| Ok((resolve(k, "severity")?, *v)))
            .collect::<Result<_>>()?;
        let pts: Vec<(String, i64)> = rc
            .points
            .iter()
            .map(|(k, v)| Ok((resolve(k, "points")?, *v)))
            .collect::<Result<_>>()?;
        rules.rules.retain(|r| !disabled.contains(&r.id));
        for r in &mut rules.rules {
            if let Some((_, s)) = sev.iter().find(|(id, _)| *id == r.id) {
                r.severity = *s;
            }
            if let Some((_, p)) = pts.iter().find(|(id, _)| *id == r.id) {
                if !crate::analysis::rules::POINTS_RANGE.contains(p) {
                    return Err(Error::usage(format!(
                        "{}:{}:1: rules.points: {p} for {} is outside the allowed range {}..={}",
                        self.name,
                        self.line_of(&r.id),
                        r.id,
                        crate::analysis::rules::POINTS_RANGE.start(),
                        crate::analysis::rules::POINTS_RANGE.end()
                    )));
                }
                if r.kind != crate::analysis::rules::RuleKind::Score {
                    return Err(Error::usage(format!(
                        "{}:{}:1: rules.points: {} is not a scoring rule",
                        self.name,
                        self.line_of(&r.id),
                        r.id
                    )));
                }
                r.points = *p;
                r.tiers.clear();
            }
        }
        Ok(())
    }
}
