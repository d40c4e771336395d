//! `stackfit decompose`: read INPUT, decompose it with the frozen defaults, render.

use std::io::Write;

use super::write_result;
use crate::cli::{DecomposeArgs, DecomposeFormat};
use crate::decompose::Config;
use crate::error::Error;
use crate::source::SourceMap;
use crate::tr;

/// The command: read INPUT, decompose with the frozen defaults (seed and resolution from the
/// flags), render.
pub fn run(args: &DecomposeArgs, out: &mut dyn Write) -> Result<u8, Error> {
    let mut cfg = Config::default();
    if let Some(s) = args.seed {
        cfg.seed = s;
    }
    if let Some(r) = args.resolution {
        if !(r.is_finite() && r > 0.0) {
            return Err(Error::usage(tr!("cmd-resolution", value = r.to_string())));
        }
        cfg.resolution = r;
    }
    let mut sm = SourceMap::default();
    let environ: std::collections::BTreeMap<String, String> = std::env::vars().collect();
    let d =
        crate::input::monolith::load(&args.input, &mut sm, &crate::input::read_limits(&environ)?)?;
    let file = sm.file(0).name.clone();
    let report = crate::decompose::decompose(&d, &cfg, &file);
    let res = match args.format {
        DecomposeFormat::Json => crate::render::decompose::json(&report, out),
        DecomposeFormat::Table => crate::render::decompose::table(&report, out),
        DecomposeFormat::Markdown => crate::render::decompose::markdown(&report, out),
        DecomposeFormat::Mermaid => crate::render::decompose::mermaid(&report, out),
    };
    write_result(res)?;
    Ok(0)
}
