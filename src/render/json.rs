//! `--format json`: the report as versioned JSON (schema_version 2).

use std::io::Write;

use crate::report::analysis::Report;

pub fn render(r: &Report, w: &mut dyn Write) -> std::io::Result<()> {
    crate::source::escape::json_pretty(&mut *w, r)?;
    writeln!(w)
}
