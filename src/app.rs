//! The dispatcher: one subcommand, one handler in `cmd/`; prints a stopping error once, as one
//! line (with the offending line under it when the table is the output), and returns the exit
//! code.

use std::io::Write;

use crate::cli::{Cli, Command};

/// Runs the command and returns the process exit code.
pub fn run(cli: Cli, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let snippets = matches!(&cli.command, Command::Analyze(a) | Command::Plan(a) if crate::cmd::analyze::table_to_stdout(a));
    let result = match cli.command {
        Command::Analyze(args) => crate::cmd::analyze::run(args, out, err),
        Command::Plan(args) => crate::cmd::analyze::plan(args, out, err),
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
            if snippets && let Some(x) = &e.excerpt {
                let _ = write!(err, "{}", snippet(x));
            }
            e.exit_code()
        }
    }
}

/// The offending line under an input error, drawn by `annotate-snippets`: no header (the
/// message is the line above), no context lines, plain text (it goes to logs too).
fn snippet(x: &crate::source::excerpt::Excerpt) -> String {
    use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
    let report = &[Group::with_level(Level::ERROR).element(
        Snippet::source(x.text.as_str())
            .line_start(x.line)
            .path(x.file.as_str())
            .fold(false)
            .annotation(AnnotationKind::Primary.span(x.span.clone())),
    )];
    let mut s = Renderer::plain().render(report);
    s.push('\n');
    s
}
