//! The dispatcher: one subcommand, one handler in `cmd/`; prints a stopping error once, as one
//! line, and returns the exit code.

use std::io::Write;

use crate::cli::{Cli, Command};

/// Runs the command and returns the process exit code.
pub fn run(cli: Cli, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let result = match cli.command {
        Command::Analyze(args) => crate::cmd::analyze::run(args, out, err),
        Command::Graph(args) => crate::cmd::graph::run(args, out),
        Command::Rules(args) => crate::cmd::rules::list(args, out),
        Command::Explain(args) => crate::cmd::rules::explain(args, out),
        Command::Sources(args) => crate::cmd::rules::sources(args, out),
        Command::Init(args) => crate::cmd::extras::init(args, out),
        Command::Completions { shell } => crate::cmd::extras::completions(shell, out),
        Command::Man => crate::cmd::extras::man(out),
        Command::Decompose(args) => crate::cmd::decompose::run(&args, out),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            // Input text in the message (names, paths) is made visible: no control character,
            // and no line break that could start a workflow command in a CI log.
            let _ = writeln!(
                err,
                "error: {}",
                crate::source::escape::line(&e.to_string())
            );
            e.exit_code()
        }
    }
}
