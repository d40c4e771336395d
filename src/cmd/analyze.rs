//! `stackfit analyze`: load the inputs, the config and the rules, run the analysis, write the
//! report in the asked format (and the GitHub step summary), and map the result to an exit code.

use std::io::IsTerminal;
use std::io::Write;
use std::path::{Path, PathBuf};

use super::{printable, request, write_result};
use crate::analysis::rules::{RuleSet, Severity};
use crate::cli::{AnalyzeArgs, AnalyzeFormat, ColorChoice, Expect, FailOn};
use crate::config::Config;
use crate::error::{Error, ErrorKind};
use crate::input;
use crate::model::declared::DeclaredFacts;
use crate::report::analysis::Report;
use crate::source::SourceMap;
use crate::tr;

fn expect_str(e: Expect) -> &'static str {
    match e {
        Expect::Compose => "compose",
        Expect::Kubernetes => "kubernetes",
        Expect::DecomposeFirst => "decompose-first",
    }
}

/// Colour for the table: `--color`, else a terminal without `NO_COLOR`, or `CLICOLOR_FORCE`.
fn colour(choice: ColorChoice, tty: bool) -> bool {
    let set = |v: &str| std::env::var_os(v).is_some_and(|x| !x.is_empty() && x != "0");
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => set("CLICOLOR_FORCE") || (tty && !set("NO_COLOR")),
    }
}

fn format_name(f: AnalyzeFormat) -> &'static str {
    match f {
        AnalyzeFormat::Table => "table",
        AnalyzeFormat::Json => "json",
        AnalyzeFormat::Sarif => "sarif",
        AnalyzeFormat::Github => "github",
        AnalyzeFormat::Gitlab => "gitlab",
        AnalyzeFormat::Junit => "junit",
        AnalyzeFormat::Markdown => "markdown",
    }
}

/// The plan in `format`, as its renderer writes it (no last guard).
fn write_plan(report: &Report, format: AnalyzeFormat, w: &mut dyn Write) -> std::io::Result<()> {
    match format {
        AnalyzeFormat::Json => crate::render::plan::json(report, w),
        AnalyzeFormat::Markdown => crate::render::plan::markdown(report, w),
        _ => crate::render::plan::table(report, w),
    }
}

fn render_plan(report: &Report, format: AnalyzeFormat) -> Result<Vec<u8>, Error> {
    let mut buf = Vec::new();
    write_plan(report, format, &mut buf)
        .map_err(|e| Error::usage(tr!("cmd-cannot-render-plan", why = e.to_string())))?;
    Ok(printable(buf))
}

/// The report in `format`, as its renderer writes it (no last guard, no step summary).
fn write_report(
    report: &Report,
    format: AnalyzeFormat,
    table: crate::render::table::Options,
    w: &mut dyn Write,
) -> std::io::Result<()> {
    match format {
        AnalyzeFormat::Table => crate::render::table::render(report, w, table),
        AnalyzeFormat::Json => crate::render::json::render(report, w),
        AnalyzeFormat::Sarif => crate::render::sarif::render(report, w),
        AnalyzeFormat::Github => crate::render::github::render(report, w),
        AnalyzeFormat::Gitlab => crate::render::gitlab::render(report, w),
        AnalyzeFormat::Junit => crate::render::junit::render(report, w),
        AnalyzeFormat::Markdown => crate::render::markdown::render(report, w),
    }
}

fn render_report(
    report: &Report,
    format: AnalyzeFormat,
    table: crate::render::table::Options,
) -> Result<Vec<u8>, Error> {
    let mut buf = Vec::new();
    write_report(report, format, table, &mut buf)
        .map_err(|e| Error::usage(tr!("cmd-cannot-render-report", why = e.to_string())))?;
    // The table escapes input text field by field; with colour on, the last guard would
    // escape the colour codes themselves.
    if format == AnalyzeFormat::Table && table.colour {
        return Ok(buf);
    }
    if format == AnalyzeFormat::Github {
        github_step_summary(report)?;
    }
    Ok(printable(buf))
}

/// Formats written to standard output as they are rendered: their renderers escape every
/// input text themselves (JSON strings go through `escape::json_pretty`, which writes hidden
/// characters as `\u` escapes), so they need neither the last guard nor a buffer holding the
/// whole output (16 MB of JSON for 10,000 services). Files still get whole outputs, renamed
/// into place.
fn streamed(format: AnalyzeFormat) -> bool {
    matches!(
        format,
        AnalyzeFormat::Json | AnalyzeFormat::Sarif | AnalyzeFormat::Gitlab
    )
}

/// Renders straight to standard output through a buffer of its own.
fn stream(
    out: &mut dyn Write,
    render: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), Error> {
    let mut w = std::io::BufWriter::with_capacity(1 << 16, out);
    write_result(render(&mut w).and_then(|()| w.flush()))
}

/// With `--format github` inside GitHub Actions, appends the Markdown report to the file named
/// by `GITHUB_STEP_SUMMARY` (the annotations are capped; the summary holds every finding). The
/// variable's value is a path and is never printed.
fn github_step_summary(report: &Report) -> Result<(), Error> {
    let Some(path) = std::env::var_os("GITHUB_STEP_SUMMARY").filter(|p| !p.is_empty()) else {
        return Ok(());
    };
    let mut md = Vec::new();
    crate::render::github::summary(report, &mut md)
        .map_err(|e| Error::usage(tr!("cmd-cannot-render-summary", why = e.to_string())))?;
    crate::output::append_step_summary(Path::new(&path), &printable(md))
}

/// Table width: `COLUMNS` when set; on a terminal, its width (read by the table crate);
/// otherwise 120 columns, so that piped output is stable.
fn terminal_width(tty: bool) -> Option<u16> {
    match std::env::var("COLUMNS").ok().and_then(|c| c.parse().ok()) {
        Some(w) => Some(w),
        None if tty => None,
        None => Some(120),
    }
}

/// The formats to write and where: `FMT=FILE` to its file, a plain `FMT` to `--output` or
/// standard output. At most one goes to standard output, and no file gets two formats.
/// Whether the run writes the table to standard output (where an input error shows its line).
pub fn table_to_stdout(args: &AnalyzeArgs) -> bool {
    !args.quiet
        && args.output.is_none()
        && (args.format.is_empty()
            || args
                .format
                .iter()
                .any(|t| t.format == AnalyzeFormat::Table && t.file.is_none()))
}

fn format_targets(args: &AnalyzeArgs) -> Result<Vec<(AnalyzeFormat, Option<PathBuf>)>, Error> {
    let mut out: Vec<(AnalyzeFormat, Option<PathBuf>)> = if args.format.is_empty() {
        vec![(AnalyzeFormat::Table, args.output.clone())]
    } else {
        args.format
            .iter()
            .map(|t| (t.format, t.file.clone().or_else(|| args.output.clone())))
            .collect()
    };
    let to_stdout = out.iter().filter(|(_, f)| f.is_none()).count();
    if to_stdout > 1 {
        return Err(Error::usage(tr!("cmd-one-stdout-format")));
    }
    let mut files: Vec<&PathBuf> = out.iter().filter_map(|(_, f)| f.as_ref()).collect();
    files.sort();
    if let Some(w) = files.windows(2).find(|w| w[0] == w[1]) {
        return Err(Error::usage(tr!(
            "cmd-same-file",
            file = crate::source::display_name(w[0])
        )));
    }
    out.sort_by_key(|(_, f)| f.is_none()); // files first, standard output last
    Ok(out)
}

/// The files named on the command line: `--output` must never replace one of them.
fn named_inputs(args: &AnalyzeArgs) -> Vec<PathBuf> {
    let i = &args.input;
    let mut named: Vec<PathBuf> = i
        .paths
        .iter()
        .chain(&i.files)
        .chain(&i.env_files)
        .chain(&args.config)
        .cloned()
        .collect();
    // With no path, the files discovery finds are inputs too.
    if i.paths.is_empty() && i.files.is_empty() {
        let cwd = std::env::current_dir().unwrap_or_default();
        named.extend(input::discover_in(&cwd).unwrap_or_default());
    }
    named
}

fn emit(
    bytes: &[u8],
    output: Option<&PathBuf>,
    inputs: &[PathBuf],
    out: &mut dyn Write,
) -> Result<(), Error> {
    match output {
        Some(p) => crate::output::write(p, bytes, inputs, crate::output::Replace::RegularFile),
        None => write_result(out.write_all(bytes).and_then(|()| out.flush())),
    }
}

pub fn run(args: AnalyzeArgs, out: &mut dyn Write, err: &mut dyn Write) -> Result<u8, Error> {
    run_as(args, out, err, false)
}

/// `stackfit plan`: the analysis with its migration plan, rendered as the plan (table, JSON
/// or Markdown); the same inputs, flags and exit codes as `analyze`.
pub fn plan(args: AnalyzeArgs, out: &mut dyn Write, err: &mut dyn Write) -> Result<u8, Error> {
    run_as(args, out, err, true)
}

fn run_as(
    args: AnalyzeArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
    plan: bool,
) -> Result<u8, Error> {
    if plan
        && let Some(t) = args.format.iter().find(|t| {
            !matches!(
                t.format,
                AnalyzeFormat::Table | AnalyzeFormat::Json | AnalyzeFormat::Markdown
            )
        })
    {
        return Err(Error::usage(tr!(
            "cmd-plan-formats",
            format = format_name(t.format)
        )));
    }
    let stdout_tty = args.output.is_none() && std::io::stdout().is_terminal();
    // The human format is the default, piped or not (`--format json` asks for JSON).
    let targets = format_targets(&args)?;
    let table = crate::render::table::Options {
        tty: stdout_tty,
        width: terminal_width(stdout_tty),
        colour: colour(args.color, stdout_tty),
        quiet: args.quiet,
    };
    let req = request(&args.input)?;
    // Configuration first: a bad config or rules directory is exit 2 before any input is read.
    let config_path = match &args.config {
        Some(p) => Some(p.clone()),
        None => {
            let first = args
                .input
                .paths
                .iter()
                .chain(args.input.files.iter())
                .find(|p| p.as_os_str() != "-");
            let start = match first {
                Some(p) => {
                    let abs = if p.is_absolute() {
                        p.clone()
                    } else {
                        req.cwd.join(p)
                    };
                    if abs.is_dir() {
                        abs
                    } else {
                        abs.parent()
                            .map(Path::to_path_buf)
                            .unwrap_or(req.cwd.clone())
                    }
                }
                None => req.cwd.clone(),
            };
            crate::config::discover(&start, req.project_root.as_deref())
        }
    };
    let config = config_path.as_deref().map(Config::load).transpose()?;
    let mut rules = RuleSet::load(args.rules.as_deref())?;
    if let Some(c) = &config {
        c.apply_rules(&mut rules)?;
    }
    let mut assumed = DeclaredFacts::default();
    assumed.add_assumptions(&args.assume)?;

    let mut sm = SourceMap::default();
    let inputs: Vec<String> = args
        .input
        .paths
        .iter()
        .chain(args.input.files.iter())
        .map(|p| p.display().to_string())
        .collect();
    // Loading and the file's declared facts: an input error still gives machine formats a
    // complete report carrying the error at its location.
    let loaded = input::load(&req, &mut sm).and_then(|model| {
        let mut declared = DeclaredFacts::default();
        declared.add_from_file(&sm, &model.declared)?;
        Ok((model, declared))
    });
    let (mut model, mut declared) = match loaded {
        Ok(x) => x,
        Err(e) => {
            if e.kind == ErrorKind::Input {
                let report = Report::input_error(inputs, &e);
                for (format, file) in targets.iter().filter(|(f, _)| *f != AnalyzeFormat::Table) {
                    emit(
                        &render_report(&report, *format, crate::render::table::Options::default())?,
                        file.as_ref(),
                        &named_inputs(&args),
                        out,
                    )?;
                }
            }
            return Err(e);
        }
    };
    // Declared facts and classifications: file < config < --assume.
    if let Some(c) = &config {
        c.add_facts(&mut declared)?;
        c.apply_classes(&mut model)?;
    }
    for (k, v) in assumed.facts {
        declared.facts.insert(k, v);
    }
    let expect = match args.expect {
        Some(e) => Some(expect_str(e).to_string()),
        None => declared.get("expect").map(|d| d.value.to_string()),
    };
    let opts = crate::report::build::Options {
        inline_ignores: !args.no_inline_ignores,
        inputs: if inputs.is_empty() {
            model.inputs.clone()
        } else {
            inputs
        },
        expect: expect.as_deref(),
        config: config.as_ref().map(|c| c.name.clone()),
        report_scores: args.report_scores,
        plan,
    };
    let report = crate::report::build::run(&model, &sm, &rules, &declared, &opts);
    // One report, every asked format.
    for (format, file) in &targets {
        if file.is_none() && streamed(*format) {
            if plan {
                stream(out, |w| write_plan(&report, *format, w))?;
            } else {
                stream(out, |w| write_report(&report, *format, table, w))?;
            }
            continue;
        }
        let bytes = if plan {
            render_plan(&report, *format)?
        } else {
            render_report(&report, *format, table)?
        };
        emit(&bytes, file.as_ref(), &named_inputs(&args), out)?;
    }

    let fail_on = match args.fail_on {
        Some(f) => f,
        None => match config.as_ref().and_then(|c| c.fail_on()) {
            Some("warning") => FailOn::Warning,
            Some("info") => FailOn::Info,
            Some("never") => FailOn::Never,
            _ => FailOn::Error,
        },
    };
    let threshold = match fail_on {
        FailOn::Error => Some(Severity::Error),
        FailOn::Warning => Some(Severity::Warning),
        FailOn::Info => Some(Severity::Info),
        FailOn::Never => None,
    };
    let failing = threshold.is_some_and(|t| report.findings.iter().any(|f| f.severity >= t));
    let mismatch = report.expect.as_ref().is_some_and(|e| !e.matched);
    if mismatch {
        let rec = report.recommendation.as_ref().expect("analysed");
        let got = rec.outcome_label();
        let expected = report
            .expect
            .as_ref()
            .map(|e| e.expected.as_str())
            .unwrap_or("");
        let _ = writeln!(
            err,
            "{}",
            tr!("cmd-expected-got", expected = expected, got = got)
        );
    }
    // Every output is written, renamed into place and flushed by now, and the process ends
    // right after: freeing the model, the source texts and the report is work nobody waits for.
    std::mem::forget(report);
    std::mem::forget((model, sm));
    Ok(u8::from(failing || mismatch))
}
