//! Runs a parsed command line: builds the load request from flags and environment, drives the
//! pipeline, renders, and decides the exit code. Printing errors happens here, once.

use std::collections::BTreeMap;
use std::io::Write;

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use crate::cli::{
    AnalyzeArgs, AnalyzeFormat, Cli, Command, Expect, FailOn, GraphArgs, GraphFormat, InputArgs,
};
use crate::config::Config;
use crate::declared::DeclaredFacts;
use crate::error::{Error, ErrorKind};
use crate::graph::ServiceGraph;
use crate::input::{self, Request};
use crate::report::GraphReport;
use crate::report::analysis::Report;
use crate::rules::{RuleSet, Severity};
use crate::source::SourceMap;

/// Runs the command and returns the process exit code.
pub fn run(cli: Cli, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let result = match cli.command {
        Command::Analyze(args) => analyze(args, out, err),
        Command::Graph(args) => graph(args, out),
        Command::Rules(args) => crate::render::rules::list(args, out),
        Command::Explain(args) => crate::render::rules::explain(args, out),
        Command::Init(args) => crate::extras::init(args, out),
        Command::Completions { shell } => crate::extras::completions(shell, out),
        Command::Man => crate::extras::man(out),
        Command::Decompose(args) => crate::decompose::run(&args, out),
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
            "standard input",
            &limits,
        )?;
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

fn graph(args: GraphArgs, out: &mut dyn Write) -> Result<u8, Error> {
    let req = request(&args.input)?;
    let mut sm = SourceMap::default();
    let model = input::load(&req, &mut sm)?;
    let graph = ServiceGraph::build(&model);
    let report = GraphReport::build(&model, &graph);
    let mut buf = Vec::new();
    let res = match args.format {
        GraphFormat::Json => crate::render::graph_json(&report, &mut buf),
        GraphFormat::Dot => crate::render::dot::render(&report, &mut buf),
        GraphFormat::Mermaid => crate::render::mermaid::render(&report, &mut buf),
    };
    res.map_err(|e| Error::usage(format!("cannot render the graph: {e}")))?;
    write_result(out.write_all(&printable(buf)))?;
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

fn expect_str(e: Expect) -> &'static str {
    match e {
        Expect::Compose => "compose",
        Expect::Kubernetes => "kubernetes",
        Expect::DecomposeFirst => "decompose-first",
    }
}

fn render_report(report: &Report, format: AnalyzeFormat, tty: bool) -> Result<Vec<u8>, Error> {
    let mut buf = Vec::new();
    let res = match format {
        AnalyzeFormat::Table => {
            crate::render::table::render(report, &mut buf, tty, terminal_width(tty))
        }
        AnalyzeFormat::Json => crate::render::json::render(report, &mut buf),
        AnalyzeFormat::Sarif => crate::render::sarif::render(report, &mut buf),
        AnalyzeFormat::Github => crate::render::github::render(report, &mut buf),
        AnalyzeFormat::Gitlab => crate::render::gitlab::render(report, &mut buf),
        AnalyzeFormat::Junit => crate::render::junit::render(report, &mut buf),
        AnalyzeFormat::Markdown => crate::render::markdown::render(report, &mut buf),
    };
    res.map_err(|e| Error::usage(format!("cannot render the report: {e}")))?;
    if format == AnalyzeFormat::Github {
        github_step_summary(report)?;
    }
    Ok(printable(buf))
}

/// The last guard of every text output: a hidden character that reached it from the input
/// (through any field a renderer printed) is made visible. Our own text never holds one.
fn printable(buf: Vec<u8>) -> Vec<u8> {
    match String::from_utf8(buf) {
        Ok(s) => match crate::source::escape::visible(&s) {
            std::borrow::Cow::Borrowed(_) => s.into_bytes(),
            std::borrow::Cow::Owned(o) => o.into_bytes(),
        },
        Err(e) => e.into_bytes(),
    }
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
        .map_err(|e| Error::usage(format!("cannot render the step summary: {e}")))?;
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

fn analyze(args: AnalyzeArgs, out: &mut dyn Write, err: &mut dyn Write) -> Result<u8, Error> {
    let stdout_tty = args.output.is_none() && std::io::stdout().is_terminal();
    let format = args.format.unwrap_or(if stdout_tty {
        AnalyzeFormat::Table
    } else {
        AnalyzeFormat::Json
    });
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
    let (model, mut declared) = match loaded {
        Ok(x) => x,
        Err(e) => {
            if e.kind == ErrorKind::Input && format != AnalyzeFormat::Table {
                let report = Report::input_error(inputs, &e);
                emit(
                    &render_report(&report, format, false)?,
                    args.output.as_ref(),
                    &named_inputs(&args),
                    out,
                )?;
            }
            return Err(e);
        }
    };
    // Declared facts: file < config < --assume.
    if let Some(c) = &config {
        c.add_facts(&mut declared)?;
    }
    for (k, v) in assumed.facts {
        declared.facts.insert(k, v);
    }
    let expect = match args.expect {
        Some(e) => Some(expect_str(e).to_string()),
        None => declared.get("expect").map(|d| d.value.to_string()),
    };
    let opts = crate::analyze::Options {
        inline_ignores: !args.no_inline_ignores,
        inputs: if inputs.is_empty() {
            model.inputs.clone()
        } else {
            inputs
        },
        expect: expect.as_deref(),
        config: config.as_ref().map(|c| c.name.clone()),
    };
    let report = crate::analyze::run(&model, &sm, &rules, &declared, &opts);
    emit(
        &render_report(&report, format, stdout_tty)?,
        args.output.as_ref(),
        &named_inputs(&args),
        out,
    )?;

    let fail_on = match args.fail_on {
        Some(f) => f,
        None => match config.as_ref().and_then(|c| c.file.fail_on.as_deref()) {
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
        let _ = writeln!(
            err,
            "stackfit: expected {}, got {}{}",
            report
                .expect
                .as_ref()
                .map(|e| e.expected.as_str())
                .unwrap_or(""),
            rec.outcome.as_str(),
            rec.lean
                .map(|l| format!(" (leans {})", l.as_str()))
                .unwrap_or_default()
        );
    }
    Ok(u8::from(failing || mismatch))
}
