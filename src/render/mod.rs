//! Renderers: one file per output format. Each sees only a report and writes to a
//! `&mut dyn Write`; none of them looks at the model, the graph or the source files.

pub mod dot;
pub mod json;
pub mod mermaid;
pub mod rules;
pub mod table;

use std::io::Write;

use crate::report::GraphReport;

pub fn graph_json(r: &GraphReport, w: &mut dyn Write) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *w, r)?;
    writeln!(w)
}
