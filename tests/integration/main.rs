//! The integration tests, one binary (so a test run links once): each module is one suite.
//! Suites that need `../shared`, an installed tool or the network are `#[ignore = "needs …"]`
//! and read the environment variable their reason names (README, "Tests").

mod architecture_schema;
mod bad_input;
mod catalog;
mod classify;
mod cli;
mod common;
mod compose_syntax;
mod corpus_graph;
mod decomp;
mod decompose_cli;
mod differential;
mod extras;
mod fidelity;
mod formats;
mod hint_rows;
mod hints;
mod hostile;
mod integrations;
mod kubernetes;
mod labels;
mod layers;
mod locale;
mod locations;
mod pictures;
mod plan;
mod properties;
mod readme;
mod rules;
mod terminal;
mod tricky;
