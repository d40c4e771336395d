//! The analysis stages after loading: Model → ServiceGraph (`graph`, `classify`) → Facts →
//! Rules → Recommendation (`recommend`) + Hints. No I/O, no rendering; the report is
//! assembled from these by `report::build`.

pub mod classify;
pub mod facts;
pub mod graph;
pub mod hints;
pub mod plan;
pub mod recommend;
pub mod rules;
