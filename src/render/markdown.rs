//! `--format markdown`: the architecture-review report — decision, score table, flip questions,
//! findings at file:line:col, suppressions, notes, the decomposition hint and a Mermaid service
//! graph — ready for a PR comment, a design doc or `$GITHUB_STEP_SUMMARY`. Owns Markdown
//! escaping; it must not compute anything the report does not hold.

use std::io::Write;

use super::signed;
use crate::report::analysis::Report;

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
            writeln!(w, "| outcome | lean | score | confidence |")?;
            writeln!(w, "|---|---|--:|---|")?;
            writeln!(
                w,
                "| **{}** | {} | {} | {} |",
                rec.outcome.as_str(),
                rec.lean.map(|l| l.as_str()).unwrap_or("–"),
                signed(rec.score),
                rec.confidence.as_str()
            )?;
            writeln!(w)?;
            writeln!(w, "{}", super::HOW_TO_READ)?;
            writeln!(w)?;
            let fact = |k: &str| {
                r.facts
                    .get(k)
                    .map(|f| f.value.to_string())
                    .unwrap_or_else(|| "?".into())
            };
            writeln!(
                w,
                "services: {} · deployable units: {} · running: {} · inputs: {}",
                r.services.len(),
                fact("deployable-units"),
                fact("running-services"),
                inputs(r)
            )?;
            if rec.hard_requirement {
                writeln!(w)?;
                writeln!(
                    w,
                    "The declared hard requirement decided it: 3 or more hosts with an \
                     availability of 99.9 % or zero-downtime deploys need an orchestrator."
                )?;
            }
        }
        None => {
            writeln!(w, "# stackfit: no recommendation{system}")?;
            writeln!(w)?;
            writeln!(
                w,
                "An input error stopped the analysis before a recommendation; inputs: {}. \
                 The error and its location are under Findings.",
                inputs(r)
            )?;
        }
    }
    if let Some(e) = &r.expect {
        writeln!(w)?;
        writeln!(
            w,
            "Expected `{}`: {}.",
            e.expected,
            if e.matched {
                "matched"
            } else {
                "**different** (exit 1)"
            }
        )?;
    }

    if let Some(rec) = &r.recommendation {
        if !rec.rules.is_empty() {
            writeln!(w)?;
            writeln!(w, "## Score")?;
            writeln!(w)?;
            writeln!(w, "| points | rule | why | concern |")?;
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
                "| **{}** | **score** | → {} | |",
                signed(rec.score),
                super::outcome_label(rec)
            )?;
        }
        if !rec.questions.is_empty() {
            writeln!(w)?;
            writeln!(w, "## Questions that would decide it")?;
            writeln!(w)?;
            writeln!(
                w,
                "Answer them with `--assume` (or in `x-stackfit:` / `stackfit.toml`); \
                 positive points lean toward Kubernetes, negative toward Compose."
            )?;
            writeln!(w)?;
            writeln!(w, "| points | question | answer with |")?;
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
        writeln!(w)?;
        writeln!(w, "## Findings")?;
        writeln!(w)?;
        writeln!(w, "| severity | rule | location | message |")?;
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

    if !r.suppressed.is_empty() {
        writeln!(w)?;
        writeln!(w, "## Suppressed")?;
        writeln!(w)?;
        writeln!(w, "| rule | location | reason |")?;
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
        writeln!(w)?;
        writeln!(w, "## Notes")?;
        writeln!(w)?;
        for n in &rec.notes {
            writeln!(w, "- {}", inline(&n.text))?;
        }
    }

    if !r.hints.is_empty() {
        writeln!(w)?;
        writeln!(w, "## Decomposition hint")?;
        writeln!(w)?;
        for h in &r.hints {
            writeln!(w, "- **{}**: {}", inline(&h.title), inline(&h.advice))?;
            writeln!(
                w,
                "  - evidence ({} confidence): {}",
                h.confidence.as_str(),
                inline(&h.evidence)
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
                    shown.push_str(&format!(" and {} more", h.services.len() - 8));
                }
                writeln!(w, "  - services: {}", inline(&shown))?;
            }
            if !h.locations.is_empty() {
                let at: Vec<String> = h.locations.iter().map(|l| l.to_string()).collect();
                writeln!(w, "  - at: {}", inline(&at.join(", ")))?;
            }
        }
    }

    if let Some(p) = &r.plan {
        writeln!(w)?;
        writeln!(w, "## Migration plan")?;
        writeln!(w)?;
        super::plan::markdown_sections(p, "###", w)?;
    }
    if !r.services.is_empty() {
        writeln!(w)?;
        writeln!(w, "## Service graph")?;
        writeln!(w)?;
        writeln!(w, "```mermaid")?;
        super::mermaid::render(&r.graph(), w)?;
        writeln!(w, "```")?;
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
        writeln!(w)?;
        writeln!(w, "## References")?;
        writeln!(w)?;
        for (i, s) in cited.iter().enumerate() {
            writeln!(w, "{}. {}", i + 1, cite(s))?;
        }
    }
    Ok(())
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
        "the compose file of the working directory".into()
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
