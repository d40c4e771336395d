//! stackfit: Docker Compose or Kubernetes — or decompose the monolith first?
//!
//! The pipeline is the architecture:
//! `read → parse (spans) → Model → ServiceGraph → Facts → Rules → Recommendation + Hints →
//! Report → render`, one module per arrow.

pub mod app;
pub mod classify;
pub mod cli;
pub mod error;
pub mod graph;
pub mod input;
pub mod model;
pub mod render;
pub mod report;
pub mod source;
