//! The built-in rules and sources: every rule file of `rules/` and `rules/sources.toml`,
//! parsed and checked by the build script (`build.rs`) and compiled in as constructors, so
//! start-up parses nothing and a bad built-in rule fails the build. Nothing here is written by
//! hand.

#[allow(unused_imports)]
use super::schema::{
    Concern, Condition, Effect, Literal, Op, Question, Rule, RuleKind, RuleText, Severity, Source,
    SourceText, Tier,
};
use crate::analysis::facts::FactName;

include!(concat!(env!("OUT_DIR"), "/builtin_rules.rs"));
