//! Declared facts: what the files cannot show (hosts, availability, teams…), typed and
//! validated, with the precedence of README.md ("Declared facts"): architecture description < `x-stackfit:` in
//! the compose file < config file < `--assume`. Unknown keys and wrong types are located
//! errors; where a fact came from is kept for messages and finding locations.

use std::collections::BTreeMap;

use crate::error::{Error, ErrorKind, Result};
use crate::source::{Pos, SourceMap};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FactType {
    Integer,
    Percent,
    Number,
    Bool,
    Expect,
}

/// The declared-fact keys (README.md, "Declared facts"), their types and meaning.
pub const KEYS: &[(&str, FactType, &str)] = &[
    (
        "hosts",
        FactType::Integer,
        "machines the system must run on",
    ),
    (
        "availability",
        FactType::Percent,
        "uptime target in percent, e.g. 99.95",
    ),
    (
        "zero-downtime",
        FactType::Bool,
        "deploys must not interrupt service",
    ),
    ("deploys-per-month", FactType::Integer, "how often it ships"),
    (
        "load-variation",
        FactType::Number,
        "peak-to-base traffic ratio",
    ),
    (
        "teams",
        FactType::Integer,
        "teams that deploy independently",
    ),
    (
        "batch",
        FactType::Bool,
        "batch/cron work that needs capacity beyond one host",
    ),
    (
        "single-host",
        FactType::Bool,
        "runs on one machine by design",
    ),
    (
        "ops-engineers",
        FactType::Integer,
        "people who would operate the platform",
    ),
    (
        "kubernetes-experience",
        FactType::Bool,
        "the team already runs Kubernetes",
    ),
    (
        "managed-kubernetes",
        FactType::Bool,
        "a managed control plane (EKS, GKE, AKS) is available",
    ),
    (
        "on-premises",
        FactType::Bool,
        "runs on own machines or hybrid",
    ),
    (
        "expect",
        FactType::Expect,
        "for CI: exit 1 when the recommendation differs",
    ),
];

#[derive(Debug, Clone, PartialEq, serde::Serialize, schemars::JsonSchema)]
#[serde(untagged)]
pub enum Value {
    Number(f64),
    Bool(bool),
    Text(String),
}

impl Value {
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Number(n) => Some(*n),
            _ => None,
        }
    }
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }
}

impl std::fmt::Display for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Value::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => write!(f, "{}", *n as i64),
            Value::Number(n) => write!(f, "{n}"),
            Value::Bool(b) => write!(f, "{b}"),
            Value::Text(t) => write!(f, "{t}"),
        }
    }
}

/// Where a declared fact came from.
#[derive(Debug, Clone, PartialEq)]
pub enum Origin {
    /// `x-stackfit:` in a compose file or the `facts:` of an architecture description.
    File(Pos),
    /// The config file (`stackfit.toml`), with its display name and line.
    Config { file: String, line: usize },
    /// `--assume KEY=VALUE` on the command line.
    Assume,
}

impl Origin {
    pub fn describe(&self) -> String {
        match self {
            Origin::File(_) => "declared in the input file".into(),
            Origin::Config { file, line } => format!("declared in {file}:{line}"),
            Origin::Assume => "declared with --assume".into(),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Declared {
    pub value: Value,
    pub origin: Origin,
}

#[derive(Debug, Clone, Default)]
pub struct DeclaredFacts {
    pub facts: BTreeMap<String, Declared>,
}

fn closest(key: &str) -> Option<&'static str> {
    KEYS.iter()
        .map(|(k, _, _)| (*k, edit_distance(key, k)))
        .filter(|(_, d)| *d <= 3)
        .min_by_key(|(_, d)| *d)
        .map(|(k, _)| k)
}

pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur.push((prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
    }
    prev[b.len()]
}

/// Parses one declared fact. The error message has no location; callers add it.
pub fn parse(key: &str, raw: &str) -> std::result::Result<Value, String> {
    let Some((_, ty, _)) = KEYS.iter().find(|(k, _, _)| *k == key) else {
        let hint = closest(key)
            .map(|k| format!(" (did you mean `{k}`?)"))
            .unwrap_or_default();
        let all: Vec<&str> = KEYS.iter().map(|k| k.0).collect();
        return Err(format!(
            "unknown declared fact `{key}`{hint}; known keys: {}",
            all.join(", ")
        ));
    };
    let raw = raw.trim();
    match ty {
        FactType::Integer => raw
            .parse::<u64>()
            .map(|n| Value::Number(n as f64))
            .map_err(|_| format!("`{key}` must be a whole number ≥ 0, got `{raw}`")),
        FactType::Number => match raw.parse::<f64>() {
            Ok(n) if n.is_finite() && n >= 0.0 => Ok(Value::Number(n)),
            _ => Err(format!("`{key}` must be a number ≥ 0, got `{raw}`")),
        },
        FactType::Percent => match raw.trim_end_matches('%').parse::<f64>() {
            Ok(n) if (0.0..=100.0).contains(&n) => Ok(Value::Number(n)),
            _ => Err(format!(
                "`{key}` must be a percentage between 0 and 100 (e.g. 99.9), got `{raw}`"
            )),
        },
        FactType::Bool => match raw {
            "true" => Ok(Value::Bool(true)),
            "false" => Ok(Value::Bool(false)),
            _ => Err(format!("`{key}` must be true or false, got `{raw}`")),
        },
        FactType::Expect => match raw {
            "compose" | "kubernetes" | "decompose-first" => Ok(Value::Text(raw.to_string())),
            _ => Err(format!(
                "`{key}` must be compose, kubernetes or decompose-first, got `{raw}`"
            )),
        },
    }
}

impl DeclaredFacts {
    pub fn get(&self, key: &str) -> Option<&Declared> {
        self.facts.get(key)
    }

    pub fn set(&mut self, key: &str, value: Value, origin: Origin) {
        self.facts
            .insert(key.to_string(), Declared { value, origin });
    }

    /// Adds facts from an input file (`x-stackfit:`): errors are input errors (exit 3).
    pub fn add_from_file(
        &mut self,
        sm: &SourceMap,
        entries: &[crate::model::DeclaredEntry],
    ) -> Result<()> {
        for e in entries {
            let value = parse(&e.key, &e.value.value).map_err(|m| {
                let pos = if KEYS.iter().any(|k| k.0 == e.key) {
                    e.value.pos
                } else {
                    e.key_pos
                };
                Error::input("invalid-declared-fact", m).at_pos(sm, pos)
            })?;
            self.set(&e.key, value, Origin::File(e.value.pos));
        }
        Ok(())
    }

    /// Adds `--assume KEY=VALUE` facts: errors are usage errors (exit 2).
    pub fn add_assumptions(&mut self, assume: &[String]) -> Result<()> {
        for a in assume {
            let Some((k, v)) = a.split_once('=') else {
                return Err(Error::usage(format!(
                    "--assume expects KEY=VALUE, got `{a}`"
                )));
            };
            let value =
                parse(k.trim(), v).map_err(|m| Error::usage(format!("--assume {a}: {m}")))?;
            self.set(k.trim(), value, Origin::Assume);
        }
        Ok(())
    }

    pub fn number(&self, key: &str) -> Option<f64> {
        self.get(key).and_then(|d| d.value.as_f64())
    }
    pub fn flag(&self, key: &str) -> Option<bool> {
        self.get(key).and_then(|d| d.value.as_bool())
    }
}

/// Marks an error as a configuration error (exit 2) — used for the config file.
pub fn as_config_error(e: Error) -> Error {
    e.with_kind(ErrorKind::Usage)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_values_and_suggestions() {
        assert_eq!(parse("hosts", "3"), Ok(Value::Number(3.0)));
        assert_eq!(parse("availability", "99.95"), Ok(Value::Number(99.95)));
        assert!(parse("availability", "120").is_err());
        assert!(parse("hosts", "three").is_err());
        assert!(parse("zero-downtime", "yes").is_err());
        let e = parse("host", "3").unwrap_err();
        assert!(e.contains("did you mean `hosts`"), "{e}");
    }

    #[test]
    fn assume_precedence_and_errors() {
        let mut d = DeclaredFacts::default();
        d.set(
            "hosts",
            Value::Number(1.0),
            Origin::Config {
                file: "x".into(),
                line: 1,
            },
        );
        d.add_assumptions(&["hosts=5".into()]).unwrap();
        assert_eq!(d.number("hosts"), Some(5.0));
        assert!(d.add_assumptions(&["nope".into()]).is_err());
        assert!(d.add_assumptions(&["colour=3".into()]).is_err());
    }
}
