//! The commands around the analysis: shell completions, the man page, `init` (a commented
//! `stackfit.toml` with the questions the files cannot answer) and the JSON Schemas of
//! stackfit's own formats. None of them changes how a system is analysed.

use std::io::Write;

use super::write_result;
use crate::cli::{InitArgs, Shell};
use crate::error::Error;
use crate::tr;

pub fn completions(shell: Shell, out: &mut dyn Write) -> Result<u8, Error> {
    let mut cmd = crate::cli::command(crate::locale::lang());
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
/// where to read more. Written by hand: clap knows none of them. The roff requests and the
/// terms stay here; the explaining lines come from the message files.
fn man_sections() -> String {
    let items = |items: &[(&str, String)]| -> String {
        items
            .iter()
            .map(|(term, text)| format!(".TP\n{term}\n{text}\n"))
            .collect()
    };
    let mut s = String::from(".SH \"EXIT STATUS\"\n");
    s.push_str(&items(&[
        (r"\fB0\fR", tr!("cmd-man-exit-0")),
        (r"\fB1\fR", tr!("cmd-man-exit-1")),
        (r"\fB2\fR", tr!("cmd-man-exit-2")),
        (r"\fB3\fR", tr!("cmd-man-exit-3")),
    ]));
    s.push_str(".SH ENVIRONMENT\n");
    s.push_str(&items(&[
        (
            r"\fBCOMPOSE_FILE\fR, \fBCOMPOSE_PROFILES\fR, \fBCOMPOSE_PROJECT_NAME\fR",
            tr!("cmd-man-env-compose"),
        ),
        (
            r"\fBSTACKFIT_MAX_FILE_BYTES\fR, \fBSTACKFIT_MAX_TOTAL_BYTES\fR, \fBSTACKFIT_MAX_LOADS\fR, \fBSTACKFIT_MAX_SERVICES\fR, \fBSTACKFIT_MAX_MODULES\fR, \fBSTACKFIT_MAX_EDGES\fR",
            tr!("cmd-man-env-limits"),
        ),
        (
            r"\fBSTACKFIT_ALLOW_OUTSIDE_ROOT=1\fR",
            tr!("cmd-man-env-outside-root"),
        ),
        (r"\fBNO_COLOR\fR, \fBCLICOLOR_FORCE\fR", tr!("cmd-man-env-colour")),
        (r"\fBGITHUB_STEP_SUMMARY\fR", tr!("cmd-man-env-step-summary")),
    ]));
    s.push_str(".SH EXAMPLES\n");
    s.push_str(&items(&[
        (r"\fBstackfit analyze\fR", tr!("cmd-man-example-analyze")),
        (
            r"\fBstackfit analyze --format sarif=stackfit.sarif --format github --expect compose\fR",
            tr!("cmd-man-example-ci"),
        ),
        (
            r"\fBstackfit analyze --assume hosts=3 --assume availability=99.9\fR",
            tr!("cmd-man-example-assume"),
        ),
        (
            r"\fBstackfit plan --format markdown\fR",
            tr!("cmd-man-example-plan"),
        ),
        (r"\fBstackfit explain R-SIZE\fR", tr!("cmd-man-example-explain")),
    ]));
    s.push_str(".SH \"SEE ALSO\"\n");
    s.push_str(&tr!("cmd-man-see-also"));
    s.push('\n');
    s
}

pub fn man(out: &mut dyn Write) -> Result<u8, Error> {
    let mut buf = Vec::new();
    let man = clap_mangen::Man::new(crate::cli::command(crate::locale::lang()));
    let rendered = (|| -> std::io::Result<()> {
        man.render_title(&mut buf)?;
        man.render_name_section(&mut buf)?;
        man.render_synopsis_section(&mut buf)?;
        man.render_description_section(&mut buf)?;
        man.render_options_section(&mut buf)?;
        man.render_subcommands_section(&mut buf)?;
        buf.extend_from_slice(man_sections().as_bytes());
        man.render_version_section(&mut buf)
    })();
    rendered.map_err(|e| Error::usage(tr!("cmd-cannot-render-man", why = e.to_string())))?;
    write_result(out.write_all(&buf))?;
    Ok(0)
}

/// Writes a commented `stackfit.toml` for the system in the current directory (or PATH).
pub fn init(args: InitArgs, out: &mut dyn Write) -> Result<u8, Error> {
    let req = super::request(&args.input)?;
    let target = req.cwd.join(crate::config::FILE_NAME);
    if std::fs::symlink_metadata(&target).is_ok() {
        return Err(Error::usage(tr!(
            "cmd-init-exists",
            file = crate::input::display_name(&target)
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
    // The comments are for the reader of the file, in the language of the run; the keys and
    // values stay as the config file spells them.
    let mut t = String::new();
    t.push_str(&comment(&match &report.system {
        Some(s) => tr!("cmd-init-title-for", system = s.as_str()),
        None => tr!("cmd-init-title"),
    }));
    let outcome = match rec.lean {
        Some(l) => tr!(
            "cmd-init-leaning",
            outcome = rec.outcome.as_str(),
            lean = l.as_str()
        ),
        None => rec.outcome.as_str().to_string(),
    };
    t.push_str(&comment(&tr!(
        "cmd-init-summary",
        services = fact("running-services"),
        units = fact("deployable-units"),
        outcome = outcome,
        score = format!("{:+}", rec.score),
        confidence = crate::render::confidence_label(rec.confidence.as_str())
    )));
    t.push_str(&comment(&tr!("cmd-init-declare")));
    t.push('\n');
    t.push_str(&comment(&tr!("cmd-init-expect")));
    t.push_str(&format!(
        "# expect = \"{}\"\n\n",
        rec.lean.unwrap_or(rec.outcome).as_str()
    ));
    t.push_str(&comment(&tr!("cmd-init-fail-on")));
    t.push_str("# fail-on = \"error\"\n\n[facts]\n");
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
        t.push_str(&comment(&tr!(
            "cmd-init-question",
            question = r.question_text().unwrap_or(&q.text),
            points = format!("{:+}", r.question_points()),
            rule = r.id.as_str()
        )));
        t.push_str(&format!("# {k} = {value}\n\n"));
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
        t.push_str(&comment(&fact_meaning(k, meaning)));
        t.push_str(&format!("# {k} = {example}\n\n"));
    }
    t.push_str("[rules]\n");
    t.push_str(&comment(&tr!("cmd-init-disable")));
    t.push_str("disable = []\n");
    // Validate what we wrote before it lands: it must load as a config file.
    toml::from_str::<crate::config::ConfigFile>(&t)
        .map_err(|e| Error::usage(tr!("cmd-init-internal", why = e.to_string())))?;
    crate::output::write(&target, t.as_bytes(), &[], crate::output::Replace::Never)?;
    write_result(writeln!(
        out,
        "{}",
        tr!("cmd-init-wrote", file = crate::input::display_name(&target))
    ))?;
    Ok(0)
}

/// A text as TOML comment lines: `# ` before every line, each line ended.
fn comment(text: &str) -> String {
    text.lines().map(|l| format!("# {l}\n")).collect()
}

/// What a declared-fact key means, for its comment in `stackfit.toml`: the English of
/// `declared::KEYS`, translated by `cmd-init-fact-<key>` where the language has it.
fn fact_meaning(key: &str, meaning: &str) -> String {
    let lang = crate::locale::lang();
    let id = format!("cmd-init-fact-{key}");
    if lang != crate::locale::Lang::En && crate::locale::has(lang, &id) {
        crate::locale::message_in(lang, &id, &[])
    } else {
        meaning.to_string()
    }
}
