//! Thin binary: choose the language, parse arguments, run, print the error once, map it to an
//! exit code.

use std::process::ExitCode;

use stackfit::locale::{self, Lang};

/// `--lang X` or `--lang=X` anywhere on the command line, read before the rest so that `--help`
/// is in that language too. `Err` carries an unknown value.
fn lang_flag(args: &[std::ffi::OsString]) -> Result<Option<Lang>, String> {
    let mut it = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(a) = it.next() {
        if a == "--" {
            break;
        }
        let value = if a == "--lang" {
            it.next().map(|v| v.into_owned())
        } else if let Some(v) = a.strip_prefix("--lang=") {
            Some(v.to_string())
        } else {
            continue;
        };
        let v = value.unwrap_or_default();
        return match Lang::parse(&v) {
            Some(l) if v == l.code() => Ok(Some(l)),
            _ => Err(v),
        };
    }
    Ok(None)
}

fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let lang = match lang_flag(&args) {
        Ok(Some(l)) => l,
        Ok(None) => Lang::from_env(|k| std::env::var(k).ok()),
        Err(v) => {
            let v = stackfit::source::escape::line(&v);
            eprintln!(
                "{}",
                locale::message_in(
                    Lang::from_env(|k| std::env::var(k).ok()),
                    "error-unknown-lang",
                    &[("value", v.as_str().into())]
                )
            );
            return ExitCode::from(2);
        }
    };
    locale::set(lang);
    let matches = match stackfit::cli::command(lang).try_get_matches_from(&args) {
        Ok(m) => m,
        Err(e) => {
            let _ = e.print();
            // clap: help and version are successes; everything else is a usage error (2).
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    let cli = match <stackfit::cli::Cli as clap::FromArgMatches>::from_arg_matches(&matches) {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(2);
        }
    };
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut err = std::io::stderr();
    ExitCode::from(stackfit::app::run(cli, &mut out, &mut err))
}
