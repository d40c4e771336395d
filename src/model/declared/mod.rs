//! Declared facts: what the files cannot show (hosts, availability, teams…), typed and
//! validated, with the precedence of README.md ("Declared facts"): architecture description < `x-stackfit:` in
//! the compose file < config file < `--assume`. Unknown keys and wrong types are located
//! errors; where a fact came from is kept for messages and finding locations.

use crate::tr;
use std::collections::BTreeMap;

use crate::error::{Error, ErrorKind, Result};
use crate::source::{Pos, SourceMap};
// the did-you-mean helper, for `keys` (named from there as `super::suggest`)
use crate::source::suggest;

pub mod keys;
pub use keys::{FactType, KEYS, Value, parse};

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
            Origin::File(_) => tr!("error-declared-in-file"),
            Origin::Config { file, line } => tr!(
                "error-declared-in-config",
                file = file.as_str(),
                line = line.to_string()
            ),
            Origin::Assume => tr!("error-declared-assume"),
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
                return Err(Error::usage(tr!("error-assume-form", given = a.as_str())));
            };
            let value = parse(k.trim(), v)
                .map_err(|m| Error::usage(tr!("error-assume-bad", given = a.as_str(), why = m)))?;
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
