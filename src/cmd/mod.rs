//! The command handlers, one module per subcommand, and what they share: turning input
//! arguments into a `Request`, and writing results. Below `cmd/` nothing knows clap's argument
//! structs or this module; renderers take data, and the library takes requests.

pub mod analyze;
pub mod decompose;
pub mod extras;
pub mod graph;
pub mod rules;

use std::collections::BTreeMap;
use std::path::PathBuf;

use crate::cli::InputArgs;
use crate::error::Error;
use crate::input::{self, Request};
use crate::tr;

/// The library's request for the inputs named on the command line.
pub fn request(args: &InputArgs) -> Result<Request, Error> {
    let environ: BTreeMap<String, String> = std::env::vars_os()
        .filter_map(|(k, v)| Some((k.into_string().ok()?, v.into_string().ok()?)))
        .collect();
    let cwd = std::env::current_dir().map_err(|e| {
        Error::input(
            "unreadable-file",
            tr!("cmd-cannot-read-cwd", why = e.to_string()),
        )
    })?;
    let limits = input::read_limits(&environ)?;
    let uses_stdin = args
        .paths
        .iter()
        .chain(args.files.iter())
        .any(|p| p.as_os_str() == "-");
    let stdin = if uses_stdin {
        // Bounded like every file: at most the limit plus one byte is read.
        let buf = crate::source::read::read_limited(
            std::io::stdin().lock(),
            "-",
            &tr!("cmd-what-stdin"),
            &limits,
        )?;
        Some(input::decode("-", buf, &tr!("cmd-what-compose-file"))?)
    } else {
        None
    };
    Ok(Request {
        paths: args.paths.clone(),
        files: args.files.clone(),
        env_files: args.env_files.clone(),
        profiles: args.profiles.clone(),
        project_name: args.project_name.clone(),
        project_root: if args.allow_outside_root
            || environ
                .get("STACKFIT_ALLOW_OUTSIDE_ROOT")
                .is_some_and(|v| v == "1" || v == "true")
        {
            None
        } else {
            Some(input::project_root(
                args.project_directory.as_deref(),
                args.paths
                    .iter()
                    .chain(&args.files)
                    .next()
                    .map(PathBuf::as_path),
                &cwd,
            )?)
        },
        environ,
        cwd,
        stdin,
        limits,
        force: args.input_format.map(|f| match f {
            crate::cli::InputFormat::Compose => input::Format::Compose,
            crate::cli::InputFormat::Kubernetes => input::Format::Kubernetes,
            crate::cli::InputFormat::Backstage => input::Format::Backstage,
            crate::cli::InputFormat::Architecture => input::Format::Architecture,
        }),
    })
}

/// A closed pipe (`stackfit … | head`) is not an error.
pub fn write_result(r: std::io::Result<()>) -> Result<(), Error> {
    match r {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Error::usage(tr!(
            "cmd-cannot-write-output",
            why = e.to_string()
        ))),
    }
}

/// The last guard of every text output: a hidden character that reached it from the input
/// (through any field a renderer printed) is made visible. Our own text never holds one.
pub fn printable(buf: Vec<u8>) -> Vec<u8> {
    match String::from_utf8(buf) {
        Ok(s) => match crate::source::escape::visible(&s) {
            std::borrow::Cow::Borrowed(_) => s.into_bytes(),
            std::borrow::Cow::Owned(o) => o.into_bytes(),
        },
        Err(e) => e.into_bytes(),
    }
}
