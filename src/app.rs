//! Runs a parsed command line: builds the load request from flags and environment, drives the
//! pipeline, renders, and decides the exit code. Printing errors happens here, once.

use std::collections::BTreeMap;
use std::io::Write;

use crate::cli::{Cli, Command, GraphArgs, GraphFormat, InputArgs};
use crate::error::Error;
use crate::graph::ServiceGraph;
use crate::input::{self, ReadLimits, Request};
use crate::report::GraphReport;
use crate::source::SourceMap;

/// Runs the command and returns the process exit code.
pub fn run(cli: Cli, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let result = match cli.command {
        Command::Graph(args) => graph(args, out),
        _ => Err(Error::usage("not available")),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            let _ = writeln!(err, "error: {e}");
            e.exit_code()
        }
    }
}

pub fn request(args: &InputArgs) -> Result<Request, Error> {
    let environ: BTreeMap<String, String> = std::env::vars_os()
        .filter_map(|(k, v)| Some((k.into_string().ok()?, v.into_string().ok()?)))
        .collect();
    let cwd = std::env::current_dir().map_err(|e| {
        Error::input(
            "unreadable-file",
            format!("cannot read the current directory: {e}"),
        )
    })?;
    let mut limits = ReadLimits::default();
    if let Some(v) = environ.get("STACKFIT_MAX_FILE_BYTES") {
        limits.max_file_bytes = v.parse().map_err(|_| {
            Error::usage(format!(
                "STACKFIT_MAX_FILE_BYTES must be a number of bytes, got `{v}`"
            ))
        })?;
    }
    let uses_stdin = args
        .paths
        .iter()
        .chain(args.files.iter())
        .any(|p| p.as_os_str() == "-");
    let stdin = if uses_stdin {
        let mut buf = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut buf).map_err(|e| {
            Error::input(
                "unreadable-file",
                format!("-: cannot read standard input: {e}"),
            )
        })?;
        Some(input::decode("-", buf, "compose file")?)
    } else {
        None
    };
    Ok(Request {
        paths: args.paths.clone(),
        files: args.files.clone(),
        env_files: args.env_files.clone(),
        profiles: args.profiles.clone(),
        project_name: args.project_name.clone(),
        environ,
        cwd,
        stdin,
        limits,
    })
}

fn graph(args: GraphArgs, out: &mut dyn Write) -> Result<u8, Error> {
    let req = request(&args.input)?;
    let mut sm = SourceMap::default();
    let model = input::load(&req, &mut sm)?;
    let graph = ServiceGraph::build(&model);
    let report = GraphReport::build(&model, &graph);
    let res = match args.format {
        GraphFormat::Json => crate::render::graph_json(&report, out),
        GraphFormat::Dot => crate::render::dot::render(&report, out),
        GraphFormat::Mermaid => crate::render::mermaid::render(&report, out),
    };
    write_result(res)?;
    Ok(0)
}

/// A closed pipe (`stackfit … | head`) is not an error.
pub fn write_result(r: std::io::Result<()>) -> Result<(), Error> {
    match r {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Error::usage(format!("cannot write output: {e}"))),
    }
}
