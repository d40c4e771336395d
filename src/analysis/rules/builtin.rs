//! The built-in rules: every rule file of `rules/`, listed by the build script (`build.rs`)
//! and compiled into the binary. Nothing here is written by hand.

include!(concat!(env!("OUT_DIR"), "/builtin_rules.rs"));
