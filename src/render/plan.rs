//! `stackfit plan` (and the migration section of the Markdown report): the plan of a report as
//! text, Markdown or versioned JSON. Renders report data only; input text is escaped like
//! everywhere else.

use std::io::{self, Write};

use crate::report::Plan;
use crate::report::analysis::Report;
use crate::source::escape::line;

pub fn json(r: &Report, w: &mut dyn Write) -> io::Result<()> {
    crate::source::escape::json_pretty(w, &r.plan_report())?;
    writeln!(w)
}

fn at(l: &Option<crate::source::Location>) -> String {
    l.as_ref()
        .map(|l| line(&l.to_string()))
        .unwrap_or_else(|| "-".into())
}

pub fn table(r: &Report, w: &mut dyn Write) -> io::Result<()> {
    let Some(p) = &r.plan else {
        return writeln!(w, "no plan: the inputs were not analysed");
    };
    writeln!(w, "stackfit plan: {}", line(&p.summary))?;
    if !p.waves.is_empty() {
        writeln!(w)?;
        writeln!(w, "Waves:")?;
        for wave in &p.waves {
            let label = if wave.number == 0 {
                "wave 0 (keep managed or outside the cluster)".to_string()
            } else {
                format!("wave {}", wave.number)
            };
            writeln!(w, "  {label}: {}", line(&wave.services.join(", ")))?;
        }
    }
    if !p.friction.is_empty() {
        writeln!(w)?;
        writeln!(w, "Friction:")?;
        for f in &p.friction {
            writeln!(
                w,
                "  - {} {} [{}] {}: {} → {}",
                at(&f.location),
                f.id,
                f.difficulty.as_str(),
                line(&f.service),
                line(&f.explanation),
                line(&f.construct)
            )?;
        }
    }
    if !p.workloads.is_empty() {
        writeln!(w)?;
        writeln!(
            w,
            "What each service becomes ({} object{} to own):",
            p.objects,
            if p.objects == 1 { "" } else { "s" }
        )?;
        for x in &p.workloads {
            let outside = x
                .keep_outside
                .as_deref()
                .map(|k| format!(" — {}", line(k)))
                .unwrap_or_default();
            writeln!(
                w,
                "  - {}: {}{outside}",
                line(&x.service),
                x.objects.join(", ")
            )?;
        }
    }
    if !p.given_up.is_empty() {
        writeln!(w)?;
        writeln!(w, "Given up on Compose:")?;
        for g in &p.given_up {
            writeln!(
                w,
                "  - {} {} {}: {}",
                at(&g.location),
                line(&g.service),
                g.feature,
                line(&g.compose)
            )?;
        }
    }
    Ok(())
}

/// The plan as Markdown sections (`heading` levels: `##` for `stackfit plan`, `###` inside
/// the analysis report).
pub fn markdown_sections(p: &Plan, heading: &str, w: &mut dyn Write) -> io::Result<()> {
    use super::markdown::inline;
    writeln!(w, "{}", inline(&p.summary))?;
    if !p.waves.is_empty() {
        writeln!(w)?;
        writeln!(w, "{heading} Waves")?;
        writeln!(w)?;
        for wave in &p.waves {
            let label = if wave.number == 0 {
                "wave 0 (keep managed or outside the cluster)".to_string()
            } else {
                format!("wave {}", wave.number)
            };
            writeln!(w, "- **{label}**: {}", inline(&wave.services.join(", ")))?;
        }
    }
    if !p.friction.is_empty() {
        writeln!(w)?;
        writeln!(w, "{heading} Friction")?;
        writeln!(w)?;
        writeln!(w, "| where | id | difficulty | service | instead |")?;
        writeln!(w, "|---|---|---|---|---|")?;
        for f in &p.friction {
            writeln!(
                w,
                "| {} | {} | {} | {} | {} |",
                inline(&at(&f.location)),
                f.id,
                f.difficulty.as_str(),
                inline(&f.service),
                inline(&f.construct).replace('|', "\\|")
            )?;
        }
    }
    if !p.workloads.is_empty() {
        writeln!(w)?;
        writeln!(w, "{heading} What each service becomes")?;
        writeln!(w)?;
        writeln!(
            w,
            "{} object{} to write and own.",
            p.objects,
            if p.objects == 1 { "" } else { "s" }
        )?;
        writeln!(w)?;
        for x in &p.workloads {
            let outside = x
                .keep_outside
                .as_deref()
                .map(|k| format!(" — {}", inline(k)))
                .unwrap_or_default();
            writeln!(
                w,
                "- **{}**: {}{outside}",
                inline(&x.service),
                x.objects.join(", ")
            )?;
        }
    }
    if !p.given_up.is_empty() {
        writeln!(w)?;
        writeln!(w, "{heading} Given up on Compose")?;
        writeln!(w)?;
        for g in &p.given_up {
            writeln!(
                w,
                "- {} `{}` {}: {}",
                inline(&at(&g.location)),
                inline(&g.service),
                g.feature,
                inline(&g.compose)
            )?;
        }
    }
    Ok(())
}

pub fn markdown(r: &Report, w: &mut dyn Write) -> io::Result<()> {
    use super::markdown::inline;
    writeln!(
        w,
        "# stackfit plan{}",
        r.system
            .as_deref()
            .map(|s| format!(": {}", inline(s)))
            .unwrap_or_default()
    )?;
    writeln!(w)?;
    match &r.plan {
        Some(p) => markdown_sections(p, "##", w),
        None => writeln!(w, "No plan: the inputs were not analysed."),
    }
}
