//! stackfit: Docker Compose or Kubernetes — or decompose the monolith first?
//!
//! The pipeline is the architecture:
//! `read → parse (spans) → Model → ServiceGraph → Facts → Rules → Recommendation + Hints →
//! Report → render`, one module per arrow.

pub mod analysis;
pub mod app;
pub mod cli;
pub mod cmd;
pub mod config;
pub mod decompose;
pub mod error;
pub mod input;
pub mod locale;
pub mod model;
pub mod output;
pub mod render;
pub mod report;
pub mod source;
