//! `--format markdown`: the architecture-review report — decision, score table, flip questions,
//! findings at file:line:col, suppressions, notes, the decomposition hint and a Mermaid service
//! graph — ready for a PR comment, a design doc or `$GITHUB_STEP_SUMMARY`. Owns Markdown
//! escaping; it must not compute anything the report does not hold.

use std::io::Write;

use super::signed;
use crate::report::analysis::Report;
use crate::tr;

/// Makes text safe inline: `<` and `>` would start HTML (text from compose
/// files, such as suppression reasons, must not hide itself), and line breaks become `<br>`.
pub fn inline(s: &str) -> String {
    let s = s.replace("\r\n", "\n");
    let s = crate::source::escape::visible(&s);
    let mut out = String::with_capacity(s.len());
    // `<` and `>` are escaped inside code spans too: a backtick in the input could otherwise
    // open or close a span and let markup through.
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\n' | '\r' => out.push_str("<br>"),
            c => out.push(c),
        }
    }
    out
}

/// Makes text safe inside a table cell: as [`inline`], and `|` would end the cell.
pub fn cell(s: &str) -> String {
    inline(s).replace('|', "\\|")
}

/// Services above which the Mermaid graph sits in a collapsed `<details>` block.
const LARGE_GRAPH: usize = 12;

/// The review document, in reading order: the decision and how to read it, the score, the
/// questions, findings, declared facts and where each came from, suppressions, notes, the
/// decomposition hint, the migration plan, the service graph, references, then the version and
/// inputs.
pub fn render(r: &Report, w: &mut dyn Write) -> std::io::Result<()> {
    let system = r
        .system
        .as_ref()
        .map(|s| format!(" — {}", cell(s)))
        .unwrap_or_default();
    match &r.recommendation {
        Some(rec) => {
            writeln!(w, "# stackfit: `{}`{system}", rec.outcome.as_str())?;
            writeln!(w)?;
            writeln!(
                w,
                "| {} | {} | {} | {} |",
                tr!("report-col-outcome"),
                tr!("report-col-lean"),
                tr!("report-col-score"),
                tr!("report-col-confidence")
            )?;
            writeln!(w, "|---|---|--:|---|")?;
            writeln!(
                w,
                "| **{}** | {} | {} | {} |",
                rec.outcome.as_str(),
                rec.lean.map(|l| l.as_str()).unwrap_or("–"),
                signed(rec.score),
                super::confidence_label(rec.confidence.as_str())
            )?;
            writeln!(w)?;
            writeln!(w, "{}", super::how_to_read())?;
            writeln!(w)?;
            writeln!(w, "{}", super::counts(r, "?"))?;
            if rec.hard_requirement {
                writeln!(w)?;
                writeln!(w, "{}", tr!("report-hard-requirement"))?;
            }
        }
        None => {
            writeln!(w, "# stackfit: {}{system}", tr!("report-no-recommendation"))?;
            writeln!(w)?;
            writeln!(w, "{}", tr!("report-stopped", inputs = inputs(r)))?;
        }
    }
    if let Some(e) = &r.expect {
        writeln!(w)?;
        let verdict = if e.matched {
            tr!("report-expect-matched")
        } else {
            tr!("report-expect-different-exit")
        };
        writeln!(
            w,
            "{}",
            tr!(
                "report-expected-md",
                expected = e.expected.as_str(),
                verdict = verdict
            )
        )?;
    }

    if let Some(rec) = &r.recommendation {
        if !rec.rules.is_empty() {
            heading(w, &tr!("report-score-heading"))?;
            writeln!(
                w,
                "| {} | {} | {} | {} |",
                tr!("report-col-points"),
                tr!("report-col-rule"),
                tr!("report-col-why"),
                tr!("report-col-concern")
            )?;
            writeln!(w, "|--:|---|---|---|")?;
            for l in &rec.rules {
                writeln!(
                    w,
                    "| {} | {} {} | {} | {} |",
                    signed(l.points),
                    cell(&l.id),
                    cell(&l.name),
                    cell(&l.message),
                    cell(&crate::render::concerns(&l.concerns)),
                )?;
            }
            writeln!(
                w,
                "| **{}** | **{}** | → {} | |",
                signed(rec.score),
                tr!("report-col-score"),
                super::outcome_label(rec)
            )?;
        }
        if !rec.questions.is_empty() {
            heading(w, &tr!("report-questions-heading"))?;
            writeln!(w, "{}", tr!("report-questions-how"))?;
            writeln!(w)?;
            writeln!(
                w,
                "| {} | {} | {} |",
                tr!("report-col-points"),
                tr!("report-col-question"),
                tr!("report-col-answer")
            )?;
            writeln!(w, "|--:|---|---|")?;
            for q in &rec.questions {
                writeln!(
                    w,
                    "| {} | {} | `--assume {}` |",
                    signed(q.points),
                    cell(&q.question),
                    cell(&q.assume)
                )?;
            }
        }
    }

    if !r.findings.is_empty() {
        heading(w, &tr!("report-findings-heading"))?;
        writeln!(
            w,
            "| {} | {} | {} | {} |",
            tr!("report-col-severity"),
            tr!("report-col-rule"),
            tr!("report-col-location"),
            tr!("report-col-message")
        )?;
        writeln!(w, "|---|---|---|---|")?;
        for f in &r.findings {
            let at = match &f.location {
                Some(l) => cell(&l.to_string()),
                None => cell(f.declared.as_deref().unwrap_or("–")),
            };
            writeln!(
                w,
                "| {} | {} | {at} | {} |",
                f.severity.as_str(),
                cell(&f.rule),
                cell(&f.message)
            )?;
        }
    }

    let declared: Vec<_> = r.facts.iter().filter(|(_, f)| f.source != "file").collect();
    if !declared.is_empty() {
        heading(w, &tr!("report-declared-heading"))?;
        writeln!(
            w,
            "| {} | {} | {} |",
            tr!("report-col-fact"),
            tr!("report-col-value"),
            tr!("report-col-from")
        )?;
        writeln!(w, "|---|---|---|")?;
        for (k, f) in declared {
            writeln!(
                w,
                "| `{}` | {} | {} |",
                cell(k),
                cell(&f.value.to_string()),
                declared_from(f.source, r.config.as_deref())
            )?;
        }
    }

    if !r.suppressed.is_empty() {
        heading(w, &tr!("report-suppressed-heading"))?;
        writeln!(
            w,
            "| {} | {} | {} |",
            tr!("report-col-rule"),
            tr!("report-col-location"),
            tr!("report-col-reason")
        )?;
        writeln!(w, "|---|---|---|")?;
        for s in &r.suppressed {
            let at = s
                .location
                .as_ref()
                .map(|l| cell(&l.to_string()))
                .unwrap_or_else(|| "–".into());
            writeln!(w, "| {} | {at} | {} |", cell(&s.rule), cell(&s.reason))?;
        }
    }

    if let Some(rec) = &r.recommendation
        && !rec.notes.is_empty()
    {
        heading(w, &tr!("report-notes-heading"))?;
        for n in &rec.notes {
            writeln!(w, "- {}", inline(&n.text))?;
        }
    }

    if !r.hints.is_empty() {
        heading(w, &tr!("report-hint-heading"))?;
        for h in &r.hints {
            writeln!(w, "- **{}**: {}", inline(&h.title), inline(&h.advice))?;
            writeln!(
                w,
                "  - {}",
                tr!(
                    "report-hint-evidence",
                    confidence = super::confidence_label(h.confidence.as_str()),
                    evidence = inline(&h.evidence)
                )
            )?;
            if !h.services.is_empty() {
                // at most eight names a hint, as in the sentences; JSON keeps them all
                let mut shown = h
                    .services
                    .iter()
                    .take(8)
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(", ");
                if h.services.len() > 8 {
                    shown.push_str(&tr!("report-and-more", n = h.services.len() - 8));
                }
                writeln!(
                    w,
                    "  - {}",
                    tr!("report-hint-services", services = inline(&shown))
                )?;
            }
            if !h.locations.is_empty() {
                let at: Vec<String> = h.locations.iter().map(|l| l.to_string()).collect();
                writeln!(
                    w,
                    "  - {}",
                    tr!("report-hint-at", at = inline(&at.join(", ")))
                )?;
            }
        }
    }

    if let Some(p) = &r.plan {
        heading(w, &tr!("report-plan-heading"))?;
        super::plan::markdown_sections(p, "###", w)?;
    }
    if !r.services.is_empty() {
        heading(w, &tr!("report-graph-heading"))?;
        let large = r.services.len() > LARGE_GRAPH;
        if large {
            writeln!(
                w,
                "<details><summary>{}</summary>\n",
                tr!("report-graph-summary", services = r.services.len())
            )?;
        }
        writeln!(w, "```mermaid")?;
        // the default view: at most DEFAULT_MAX_NODES nodes, never a `--focus` (no such name)
        let picture = crate::report::picture::Picture::build(
            &r.graph(),
            &crate::report::picture::View::default(),
        )
        .unwrap_or_else(|_| unreachable!("no focus, no error"));
        super::mermaid::render(&picture, w)?;
        writeln!(w, "```")?;
        if large {
            writeln!(w, "\n</details>")?;
        }
    }
    // The sources of the rules this report cites, numbered once across rules.
    let mut cited: Vec<&crate::analysis::rules::sources::Source> = Vec::new();
    for d in &r.rule_docs {
        for s in &d.references {
            if !cited.iter().any(|c| c.id == s.id) {
                cited.push(s);
            }
        }
    }
    if !cited.is_empty() {
        heading(w, &tr!("report-references"))?;
        for (i, s) in cited.iter().enumerate() {
            writeln!(w, "{}. {}", i + 1, cite(s))?;
        }
    }
    writeln!(w)?;
    writeln!(w, "---")?;
    writeln!(
        w,
        "{}",
        tr!(
            "report-made-by",
            version = r.tool.version,
            inputs = inputs(r)
        )
    )?;
    Ok(())
}

fn heading(w: &mut dyn Write, title: &str) -> std::io::Result<()> {
    writeln!(w)?;
    writeln!(w, "## {title}")?;
    writeln!(w)
}

/// Where a declared fact came from, in words.
fn declared_from(source: &str, config: Option<&str>) -> String {
    match source {
        "declared-in-file" => tr!("report-from-file"),
        "config" => tr!(
            "report-from-config",
            config = cell(config.unwrap_or("stackfit.toml"))
        ),
        "assume" => tr!("report-from-assume"),
        other => cell(other),
    }
}

/// A source as one Markdown reference: title, publisher, date, then the link or the issue.
pub fn cite(s: &crate::analysis::rules::sources::Source) -> String {
    let mut out = format!("*{}* — {}", inline(&s.title), inline(&s.publisher));
    if let Some(d) = &s.date {
        out.push_str(&format!(" ({})", inline(d)));
    }
    if let Some(h) = s.href() {
        out.push_str(&format!(". <{h}>"));
    } else if let Some(r) = &s.reference {
        out.push_str(&format!(". {}", inline(r)));
    }
    out
}

fn inputs(r: &Report) -> String {
    if r.inputs.is_empty() {
        tr!("report-inputs-cwd")
    } else {
        r.inputs
            .iter()
            .map(|i| format!("`{}`", i.replace('`', "'")))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::testing::{finding, report};
    use crate::report::Severity;

    #[test]
    fn pipes_and_line_breaks_cannot_break_a_table_row() {
        assert_eq!(cell("a|b\nc\r\nd"), "a\\|b<br>c<br>d");
    }

    #[test]
    fn angle_brackets_are_escaped_everywhere() {
        // Inside a code span too: an input backtick must not let markup through.
        assert_eq!(
            inline("moves to <managed> `a<b>` x>y ``<script>"),
            "moves to &lt;managed&gt; `a&lt;b&gt;` x&gt;y ``&lt;script&gt;"
        );
    }

    #[test]
    fn a_finding_row_stays_one_row_with_its_location() {
        let f = finding("R-X", Severity::Warning, "uses a | pipe\nand a break");
        let mut buf = Vec::new();
        render(&report(vec![f]), &mut buf).unwrap();
        let md = String::from_utf8(buf).unwrap();
        assert!(
            md.contains("| warning | R-X | compose.yaml:3:5 | uses a \\| pipe<br>and a break |\n"),
            "{md}"
        );
        assert!(md.starts_with("# stackfit: `kubernetes` — demo\n"), "{md}");
    }
}
