//! The config file `stackfit.toml`: declared facts, `expect`, `fail-on`, rule selection,
//! severities and points. Found in the nearest ancestor directory of the first input (stopping
//! at the repository root) unless `--config` names one. Strict: unknown keys and wrong types
//! are configuration errors (exit 2) at `file:line:col`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use crate::analysis::rules::{POINTS_RANGE, RuleKind, RuleSet, Severity};
use crate::error::{Error, Result};
use crate::model::declared::{DeclaredFacts, Origin};
use crate::source::{SourceMap, Span};
use crate::tr;

pub const FILE_NAME: &str = "stackfit.toml";

#[derive(Debug, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ConfigFile {
    /// Outcome to expect (compose, kubernetes, decompose-first).
    #[schemars(with = "Option<String>")]
    pub expect: Option<Spanned<String>>,
    /// Minimum severity that fails the run (error, warning, info, never).
    #[schemars(with = "Option<String>")]
    pub fail_on: Option<Spanned<String>>,
    /// Declared facts (README.md, "Declared facts"), e.g. `hosts = 3`.
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, serde_json::Value>")]
    pub facts: BTreeMap<String, toml::Spanned<toml::Value>>,
    #[serde(default)]
    pub rules: RulesConfig,
    /// Classifications of services and images, over what the files show and over `x-stackfit`.
    #[serde(default)]
    pub classify: ClassifyConfig,
}

#[derive(Debug, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ClassifyConfig {
    /// Service name → `first-party`, `third-party`, `vendor` or a class (`helper`, `database`…).
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, String>")]
    pub services: BTreeMap<Spanned<String>, Spanned<String>>,
    /// Image repository (`ghcr.io/acme/api`, no tag) → the same words.
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, String>")]
    pub images: BTreeMap<Spanned<String>, Spanned<String>>,
}

#[derive(Debug, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RulesConfig {
    /// Rule ids or names to turn off.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub disable: Vec<Spanned<String>>,
    /// Severity overrides by rule id or name.
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, Severity>")]
    pub severity: BTreeMap<Spanned<String>, Severity>,
    /// Point overrides by rule id or name (score rules only).
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, i64>")]
    pub points: BTreeMap<Spanned<String>, Spanned<i64>>,
}

#[derive(Debug)]
pub struct Config {
    pub path: Option<PathBuf>,
    pub name: String,
    /// The config file's text, so every problem is a located error like those of the inputs.
    sources: SourceMap,
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
        let text = crate::input::read_text(path, &tr!("config-what-file"))
            .map_err(|e| e.with_kind(crate::error::ErrorKind::Usage))?;
        let mut sources = SourceMap::default();
        sources.add(name.clone(), path.to_path_buf(), text);
        let parsed = toml::from_str::<ConfigFile>(&sources.file(0).text);
        let file = match parsed {
            Ok(f) => f,
            Err(e) => {
                let span = e.span().unwrap_or(0..0);
                return Err(Error::usage(e.message().trim()).at(&sources, to_span(span)));
            }
        };
        let cfg = Config {
            path: Some(path.to_path_buf()),
            name,
            sources,
            file,
        };
        cfg.validate()?;
        Ok(cfg)
    }

    /// A configuration error (exit 2) at a span of the file.
    fn error(&self, span: std::ops::Range<usize>, message: impl Into<String>) -> Error {
        Error::usage(message).at(&self.sources, to_span(span))
    }

    fn line(&self, span: std::ops::Range<usize>) -> usize {
        self.sources.line_col(0, span.start as u32).0
    }

    /// The minimum severity that fails the run, when the file sets one.
    pub fn fail_on(&self) -> Option<&str> {
        self.file.fail_on.as_ref().map(|f| f.get_ref().as_str())
    }

    fn validate(&self) -> Result<()> {
        if let Some(e) = &self.file.expect {
            crate::model::declared::parse("expect", e.get_ref())
                .map_err(|m| self.error(e.span(), m))?;
        }
        if let Some(f) = &self.file.fail_on
            && !matches!(f.get_ref().as_str(), "error" | "warning" | "info" | "never")
        {
            return Err(self.error(
                f.span(),
                tr!("config-fail-on", value = f.get_ref().as_str()),
            ));
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
                    return Err(self.error(
                        v.span(),
                        tr!(
                            "config-fact-not-single",
                            key = k.as_str(),
                            found = other.type_str()
                        ),
                    ));
                }
            };
            let value =
                crate::model::declared::parse(k, &raw).map_err(|m| self.error(v.span(), m))?;
            declared.set(
                k,
                value,
                Origin::Config {
                    file: self.name.clone(),
                    line: self.line(v.span()),
                },
            );
        }
        if let Some(e) = &self.file.expect
            && let Ok(v) = crate::model::declared::parse("expect", e.get_ref())
        {
            declared.set(
                "expect",
                v,
                Origin::Config {
                    file: self.name.clone(),
                    line: self.line(e.span()),
                },
            );
        }
        Ok(())
    }

    /// Applies `[classify]` to the model: over what the files show and over `x-stackfit`.
    pub fn apply_classes(&self, model: &mut crate::model::Model) -> Result<()> {
        use crate::model::Located;
        use crate::model::class::ClassOverride;
        let word = |w: &Spanned<String>, what: &str| -> Result<ClassOverride> {
            ClassOverride::parse(w.get_ref())
                .map_err(|m| self.error(w.span(), format!("{what}: {m}")))
        };
        // a config position is no input position: the override keeps the service's own place
        for (name, w) in &self.file.classify.services {
            let o = word(w, &format!("classify.services.{}", name.get_ref()))?;
            let Some(s) = model
                .services
                .iter_mut()
                .find(|s| s.name == *name.get_ref())
            else {
                let names = model.services.iter().map(|s| s.name.as_str());
                return Err(self.error(
                    name.span(),
                    tr!(
                        "config-classify-no-service",
                        service = crate::source::escape::short(name.get_ref()),
                        suggestion = crate::source::suggest::did_you_mean(name.get_ref(), names)
                    ),
                ));
            };
            s.extras_mut().class_override = Some(Located::new(o, s.name_pos));
        }
        for (image, w) in &self.file.classify.images {
            let o = word(w, &format!("classify.images.{}", image.get_ref()))?;
            let repo = crate::model::image_repository(image.get_ref());
            let at = model
                .anchor
                .map(crate::source::Pos::new)
                .unwrap_or_default();
            model.image_classes.insert(repo.into(), Located::new(o, at));
        }
        Ok(())
    }

    /// Applies rule selection, severities and points to a rule set.
    pub fn apply_rules(&self, rules: &mut RuleSet) -> Result<()> {
        let rc = &self.file.rules;
        let resolve = |key: &Spanned<String>, section: &str| -> Result<String> {
            rules
                .find(key.get_ref())
                .map(|r| r.id.clone())
                .ok_or_else(|| {
                    self.error(
                        key.span(),
                        tr!(
                            "config-unknown-rule",
                            section = section,
                            rule = key.get_ref().as_str()
                        ),
                    )
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
        let pts: Vec<(String, &Spanned<i64>)> = rc
            .points
            .iter()
            .map(|(k, v)| Ok((resolve(k, "points")?, v)))
            .collect::<Result<_>>()?;
        rules.rules.retain(|r| !disabled.contains(&r.id));
        for r in &mut rules.rules {
            if let Some((_, s)) = sev.iter().find(|(id, _)| *id == r.id) {
                r.severity = *s;
            }
            if let Some((_, p)) = pts.iter().find(|(id, _)| *id == r.id) {
                let points = *p.get_ref();
                if !POINTS_RANGE.contains(&points) {
                    return Err(self.error(
                        p.span(),
                        tr!(
                            "config-points-range",
                            points = points.to_string(),
                            rule = r.id.as_str(),
                            min = POINTS_RANGE.start().to_string(),
                            max = POINTS_RANGE.end().to_string()
                        ),
                    ));
                }
                if r.kind != RuleKind::Score {
                    return Err(self.error(
                        p.span(),
                        tr!("config-points-not-score", rule = r.id.as_str()),
                    ));
                }
                r.points = points;
                r.tiers.clear();
            }
        }
        Ok(())
    }
}

fn to_span(r: std::ops::Range<usize>) -> Span {
    Span {
        file: 0,
        start: r.start as u32,
        end: r.end as u32,
    }
}
