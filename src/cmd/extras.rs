//! The commands around the analysis: shell completions, the man page, `init` (a commented
//! `stackfit.toml` with the questions the files cannot answer) and the JSON Schemas of
//! stackfit's own formats. None of them changes how a system is analysed.

use std::io::Write;

use clap::CommandFactory;

use super::write_result;
use crate::cli::{Cli, InitArgs, Shell};
use crate::error::Error;

pub fn completions(shell: Shell, out: &mut dyn Write) -> Result<u8, Error> {
    let mut cmd = Cli::command();
    let mut buf = Vec::new();
    let sh = match shell {
        Shell::Bash => clap_complete::Shell::Bash,
        Shell::Zsh => clap_complete::Shell::Zsh,
        Shell::Fish => clap_complete::Shell::Fish,
        Shell::Powershell => clap_complete::Shell::PowerShell,
        Shell::Elvish => clap_complete::Shell::Elvish,
    };
    clap_complete::generate(sh, &mut cmd, "stackfit", &mut buf);
    write_result(out.write_all(&buf))?;
    Ok(0)
}

/// The man page's sections beyond the options (roff): exit status, environment, examples and
/// where to read more. Written by hand: clap knows none of them.
const MAN_SECTIONS: &str = r#".SH "EXIT STATUS"
.TP
\fB0\fR
analysed; nothing at or above \fB--fail-on\fR; \fB--expect\fR (if given) matched
.TP
\fB1\fR
findings at or above \fB--fail-on\fR, or the recommendation differs from \fB--expect\fR
.TP
\fB2\fR
usage or configuration error: unknown flag, format, rule id, \fB--assume\fR key, bad stackfit.toml or rules directory
.TP
\fB3\fR
input error: a file is missing, unreadable, not valid YAML, not a valid compose file, or nothing was found to analyse
.SH ENVIRONMENT
.TP
\fBCOMPOSE_FILE\fR, \fBCOMPOSE_PROFILES\fR, \fBCOMPOSE_PROJECT_NAME\fR
as Docker Compose reads them
.TP
\fBSTACKFIT_MAX_FILE_BYTES\fR, \fBSTACKFIT_MAX_TOTAL_BYTES\fR, \fBSTACKFIT_MAX_LOADS\fR, \fBSTACKFIT_MAX_SERVICES\fR, \fBSTACKFIT_MAX_MODULES\fR, \fBSTACKFIT_MAX_EDGES\fR
raise the input budgets (bytes of one file and of a run, files loaded, services, decomposition modules and dependencies)
.TP
\fBSTACKFIT_ALLOW_OUTSIDE_ROOT=1\fR
read files outside the project root (as \fB--allow-outside-root\fR)
.TP
\fBNO_COLOR\fR, \fBCLICOLOR_FORCE\fR
turn the table's colours off or on
.TP
\fBGITHUB_STEP_SUMMARY\fR
with \fB--format github\fR, the Markdown report is appended to this file
.SH EXAMPLES
.TP
\fBstackfit analyze\fR
the compose file of the current directory, as a table
.TP
\fBstackfit analyze --format sarif=stackfit.sarif --format github --expect compose\fR
a CI step: SARIF for code scanning, annotations, exit 1 when the answer changes
.TP
\fBstackfit analyze --assume hosts=3 --assume availability=99.9\fR
what the files cannot say, declared
.TP
\fBstackfit plan --format markdown\fR
the migration plan for an architecture review
.TP
\fBstackfit explain R-SIZE\fR
one rule: what it does, why, and its references
.SH "SEE ALSO"
\fBdocker-compose\fR(1); the README of the project for the decision rules, the CI recipes and the formats
"#;

pub fn man(out: &mut dyn Write) -> Result<u8, Error> {
    let mut buf = Vec::new();
    let man = clap_mangen::Man::new(Cli::command());
    let rendered = (|| -> std::io::Result<()> {
        man.render_title(&mut buf)?;
        man.render_name_section(&mut buf)?;
        man.render_synopsis_section(&mut buf)?;
        man.render_description_section(&mut buf)?;
        man.render_options_section(&mut buf)?;
        man.render_subcommands_section(&mut buf)?;
        buf.extend_from_slice(MAN_SECTIONS.as_bytes());
        man.render_version_section(&mut buf)
    })();
    rendered.map_err(|e| Error::usage(format!("cannot render the man page: {e}")))?;
    write_result(out.write_all(&buf))?;
    Ok(0)
}

/// Writes a commented `stackfit.toml` for the system in the current directory (or PATH).
pub fn init(args: InitArgs, out: &mut dyn Write) -> Result<u8, Error> {
    let req = super::request(&args.input)?;
    let target = req.cwd.join(crate::config::FILE_NAME);
    if std::fs::symlink_metadata(&target).is_ok() {
        return Err(Error::usage(format!(
            "{} already exists; stackfit init never overwrites it",
            crate::input::display_name(&target)
        )));
    }
    let mut sm = crate::source::SourceMap::default();
    let model = crate::input::load(&req, &mut sm)?;
    let mut declared = crate::model::declared::DeclaredFacts::default();
    declared.add_from_file(&sm, &model.declared)?;
    let rules = crate::analysis::rules::RuleSet::builtin();
    let opts = crate::report::build::Options {
        inline_ignores: true,
        inputs: vec![],
        expect: None,
        config: None,
        report_scores: false,
        plan: false,
    };
    let report = crate::report::build::run(&model, &sm, &rules, &declared, &opts);
    let rec = report.recommendation.as_ref().expect("analysed");
    let fact = |k: &str| {
        report
            .facts
            .get(k)
            .map(|f| f.value.to_string())
            .unwrap_or_default()
    };
    let mut t = String::new();
    t.push_str(&format!(
        "# stackfit configuration{} — written by `stackfit init`.\n",
        report
            .system
            .as_ref()
            .map(|s| format!(" for {s}"))
            .unwrap_or_default()
    ));
    t.push_str(&format!(
        "# The files show {} running services and {} deployable units; from the files alone stackfit says\n# {}{} (score {:+}, confidence {}).\n",
        fact("running-services"),
        fact("deployable-units"),
        rec.outcome.as_str(),
        rec.lean.map(|l| format!(", leaning {}", l.as_str())).unwrap_or_default(),
        rec.score,
        rec.confidence.as_str()
    ));
    t.push_str("# Declare what the files cannot show: uncomment a fact and set its value. Each answer moves the\n# score by the points shown. `--assume KEY=VALUE` on the command line overrides these.\n\n");
    t.push_str(&format!(
        "# Fail CI when the recommendation changes:\n# expect = \"{}\"\n\n",
        rec.lean.unwrap_or(rec.outcome).as_str()
    ));
    t.push_str("# Exit 1 on findings at or above this severity: error, warning, info, never.\n# fail-on = \"error\"\n\n[facts]\n");
    let mut asked = std::collections::BTreeSet::new();
    for r in &rules.rules {
        let Some(q) = &r.question else { continue };
        let key = q.assume.split('=').next().unwrap_or_default();
        if declared.get(key).is_some() || !asked.insert(key.to_string()) {
            continue;
        }
        let (k, v) = q.assume.split_once('=').unwrap_or((key, ""));
        let value = match v {
            "true" | "false" => v.to_string(),
            _ if v.parse::<f64>().is_ok() => v.to_string(),
            _ => format!("\"{v}\""),
        };
        t.push_str(&format!(
            "# {} ({:+} via {})\n# {k} = {value}\n\n",
            q.text,
            r.question_points(),
            r.id
        ));
    }
    for (k, ty, meaning) in crate::model::declared::KEYS {
        if asked.contains(*k) || *k == "expect" || declared.get(k).is_some() {
            continue;
        }
        let example = match ty {
            crate::model::declared::FactType::Bool => "true".to_string(),
            crate::model::declared::FactType::Percent => "99.9".to_string(),
            _ => "1".to_string(),
        };
        t.push_str(&format!("# {meaning}\n# {k} = {example}\n\n"));
    }
    t.push_str("[rules]\n# Rule ids or names to turn off, e.g. [\"R-FIXEDNAME\"].\ndisable = []\n");
    // Validate what we wrote before it lands: it must load as a config file.
    toml::from_str::<crate::config::ConfigFile>(&t).map_err(|e| {
        Error::usage(format!(
            "internal error: generated config does not parse: {e}"
        ))
    })?;
    crate::output::write(&target, t.as_bytes(), &[], crate::output::Replace::Never)?;
    write_result(writeln!(
        out,
        "wrote {}",
        crate::input::display_name(&target)
    ))?;
    Ok(0)
}
