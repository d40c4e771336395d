//! stackfit: Docker Compose or Kubernetes — or decompose the monolith first?
//!
//! The pipeline is the architecture:
//! `read → parse (spans) → Model → ServiceGraph → Facts → Rules → Recommendation + Hints →
//! Report → render`, one module per arrow.

pub mod analyze;
pub mod app;
pub mod classify;
pub mod cli;
pub mod config;
pub mod declared;
pub mod decompose;
pub mod error;
pub mod extras;
pub mod facts;
pub mod graph;
pub mod hints;
pub mod input;
pub mod model;
pub mod output;
pub mod recommend;
pub mod render;
pub mod report;
pub mod rules;
pub mod source;
