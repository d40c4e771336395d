//! Thin binary: parse arguments, run, print the error once, map it to an exit code.

use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = match <stackfit::cli::Cli as clap::Parser>::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            // clap: help and version are successes; everything else is a usage error (2).
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut err = std::io::stderr();
    ExitCode::from(stackfit::app::run(cli, &mut out, &mut err))
}
