//! `--format table`: the decision, the score line by line, flip questions, findings, notes
//! and the decomposition hint, as terminal tables (plain ASCII when not on a terminal).

use std::io::Write;

use crate::locale::width as width_of;
use crate::source::escape::line;
use crate::tr;

use comfy_table::{Cell, CellAlignment, ContentArrangement, Table, presets};

use crate::report::analysis::Report;

/// How the table is written: on a terminal (box drawing), its width (`None`: the terminal's),
/// with colour, or only the verdict line (`--quiet`).
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    pub tty: bool,
    pub width: Option<u16>,
    pub colour: bool,
    pub quiet: bool,
}

/// `s` in `style` when colour is on.
fn paint(s: &str, style: anstyle::Style, colour: bool) -> String {
    if colour {
        format!("{}{s}{}", style.render(), style.render_reset())
    } else {
        s.to_string()
    }
}

fn verdict_style(outcome: &str) -> anstyle::Style {
    use anstyle::{AnsiColor, Style};
    let c = match outcome {
        "compose" => AnsiColor::Green,
        "kubernetes" => AnsiColor::Blue,
        "decompose-first" => AnsiColor::Magenta,
        _ => AnsiColor::Yellow,
    };
    Style::new().bold().fg_color(Some(c.into()))
}

fn severity_style(s: &str) -> anstyle::Style {
    use anstyle::{AnsiColor, Style};
    match s {
        "error" => Style::new().bold().fg_color(Some(AnsiColor::Red.into())),
        "warning" => Style::new().fg_color(Some(AnsiColor::Yellow.into())),
        _ => Style::new().fg_color(Some(AnsiColor::Cyan.into())),
    }
}

/// Words of `text` in lines of at most `width` display columns (our own prose; a word longer
/// than the width stands alone; Hangul counts two columns).
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut cur = String::new();
    for word in text.split_whitespace() {
        if !cur.is_empty() && width_of(&cur) + 1 + width_of(word) > width {
            lines.push(std::mem::take(&mut cur));
        }
        if !cur.is_empty() {
            cur.push(' ');
        }
        cur.push_str(word);
    }
    if !cur.is_empty() {
        lines.push(cur);
    }
    lines
}

/// One list item, wrapped to `width` with a hanging indent under its first word.
fn item(w: &mut dyn Write, prefix: &str, text: &str, width: usize) -> std::io::Result<()> {
    let indent = " ".repeat(width_of(prefix));
    let lines = wrap(text, width.saturating_sub(indent.len()).max(20));
    for (i, l) in lines.iter().enumerate() {
        writeln!(w, "{}{l}", if i == 0 { prefix } else { &indent })?;
    }
    Ok(())
}

/// `width: None` lets the table crate use the terminal's width.
fn table(tty: bool, width: Option<u16>) -> Table {
    let mut t = Table::new();
    if tty {
        t.load_style(presets::UTF8_FULL_CONDENSED);
    } else {
        t.load_style(presets::ASCII_MARKDOWN);
        t.force_no_tty();
    }
    t.set_content_arrangement(ContentArrangement::Dynamic);
    if let Some(w) = width {
        t.set_width(w);
    }
    t
}

fn signed(p: i64) -> String {
    if p > 0 {
        format!("+{p}")
    } else {
        p.to_string()
    }
}

pub fn render(r: &Report, w: &mut dyn Write, o: Options) -> std::io::Result<()> {
    let (tty, width, colour) = (o.tty, o.width, o.colour);
    let sev = |s: &str| paint(s, severity_style(s), colour);
    let Some(rec) = &r.recommendation else {
        for f in &r.findings {
            match &f.location {
                Some(l) => writeln!(
                    w,
                    "{}: {}: {}",
                    line(&l.to_string()),
                    sev(f.severity.as_str()),
                    line(&f.message)
                )?,
                None => writeln!(w, "{}: {}", sev(f.severity.as_str()), line(&f.message))?,
            }
        }
        return Ok(());
    };
    let outcome = paint(
        &super::outcome_label(rec),
        verdict_style(rec.outcome.as_str()),
        colour,
    );
    writeln!(
        w,
        "{}{}",
        tr!(
            "report-headline",
            outcome = outcome.as_str(),
            score = signed(rec.score),
            confidence = super::confidence_label(rec.confidence.as_str())
        ),
        r.system
            .as_ref()
            .map(|s| format!(" — {}", line(s)))
            .unwrap_or_default()
    )?;
    if o.quiet {
        return Ok(());
    }
    let cols = usize::from(o.width.unwrap_or(80)).clamp(40, 200);
    for l in wrap(&super::how_to_read(), cols) {
        writeln!(w, "{l}")?;
    }
    writeln!(w, "{}", super::counts(r, ""))?;
    writeln!(w)?;
    if !rec.rules.is_empty() {
        let mut t = table(tty, width);
        t.set_header(vec![
            tr!("report-col-points"),
            tr!("report-col-rule"),
            tr!("report-col-why"),
            tr!("report-col-concern"),
        ]);
        for l in &rec.rules {
            t.add_row(vec![
                Cell::new(signed(l.points)).set_alignment(CellAlignment::Right),
                Cell::new(&l.id),
                Cell::new(line(&l.message)),
                Cell::new(super::concerns(&l.concerns)),
            ]);
        }
        t.add_row(vec![
            Cell::new(signed(rec.score)).set_alignment(CellAlignment::Right),
            Cell::new(tr!("report-col-score")),
            // plain: escape codes inside a cell would count as width and misalign the table
            Cell::new(format!("→ {}", super::outcome_label(rec))),
            Cell::new(""),
        ]);
        writeln!(w, "{t}")?;
        writeln!(w)?;
    }
    if !rec.questions.is_empty() {
        writeln!(w, "{}", tr!("report-questions"))?;
        let mut t = table(tty, width);
        t.set_header(vec![
            tr!("report-col-points"),
            tr!("report-col-question"),
            tr!("report-col-answer"),
        ]);
        for q in &rec.questions {
            t.add_row(vec![
                Cell::new(signed(q.points)).set_alignment(CellAlignment::Right),
                Cell::new(&q.question),
                Cell::new(format!("--assume {}", q.assume)),
            ]);
        }
        writeln!(w, "{t}")?;
        writeln!(w)?;
    }
    if let Some(c) = &r.config {
        writeln!(w, "{}", tr!("report-config", path = line(c)))?;
    }
    let problems: Vec<_> = r
        .findings
        .iter()
        .filter(|f| f.kind != crate::report::analysis::FindingKind::Score)
        .collect();
    if !problems.is_empty() {
        writeln!(w, "{}", tr!("report-findings"))?;
        for f in problems {
            let at = f
                .location
                .as_ref()
                .map(|l| format!("{}: ", line(&l.to_string())))
                .unwrap_or_default();
            item(
                w,
                "  ",
                &format!(
                    "{at}{} [{}] {}",
                    sev(f.severity.as_str()),
                    f.rule,
                    line(&f.message)
                ),
                cols,
            )?;
        }
        writeln!(w)?;
    }
    if !rec.notes.is_empty() {
        writeln!(w, "{}", tr!("report-notes"))?;
        for n in &rec.notes {
            item(w, "  - ", &line(&n.text), cols)?;
        }
        writeln!(w)?;
    }
    writeln!(w, "{}", tr!("report-hint"))?;
    for h in &r.hints {
        item(
            w,
            "  - ",
            &tr!(
                "report-hint-item",
                title = line(&h.title),
                advice = line(&h.advice),
                confidence = super::confidence_label(h.confidence.as_str()),
                evidence = line(&h.evidence)
            ),
            cols,
        )?;
    }
    if let Some(e) = &r.expect {
        writeln!(w)?;
        let verdict = if e.matched {
            tr!("report-expect-matched")
        } else {
            tr!("report-expect-different")
        };
        writeln!(
            w,
            "{}",
            tr!(
                "report-expected",
                expected = e.expected.as_str(),
                verdict = verdict
            )
        )?;
    }
    Ok(())
}
