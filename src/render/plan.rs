//! `stackfit plan` (and the migration section of the Markdown report): the plan of a report as
//! text, Markdown or versioned JSON. Renders report data only; input text is escaped like
//! everywhere else.

use std::io::{self, Write};

use crate::report::Plan;
use crate::report::analysis::Report;
use crate::source::escape::line;
use crate::tr;

pub fn json(r: &Report, w: &mut dyn Write) -> io::Result<()> {
    crate::source::escape::json_pretty(w, &r.plan_report())?;
    writeln!(w)
}

/// `wave 0 (keep managed or outside the cluster)`, `wave 2`.
fn wave_label(number: usize) -> String {
    if number == 0 {
        tr!("plan-wave-outside")
    } else {
        tr!("plan-wave", n = number)
    }
}

fn at(l: &Option<crate::source::Location>) -> String {
    l.as_ref()
        .map(|l| line(&l.to_string()))
        .unwrap_or_else(|| "-".into())
}

pub fn table(r: &Report, w: &mut dyn Write) -> io::Result<()> {
    let Some(p) = &r.plan else {
        return writeln!(w, "{}", tr!("plan-none"));
    };
    writeln!(w, "stackfit plan: {}", line(&p.summary))?;
    if !p.waves.is_empty() {
        writeln!(w)?;
        writeln!(w, "{}:", tr!("plan-heading-waves"))?;
        for wave in &p.waves {
            let label = wave_label(wave.number);
            writeln!(w, "  {label}: {}", line(&wave.services.join(", ")))?;
        }
    }
    if !p.friction.is_empty() {
        writeln!(w)?;
        writeln!(w, "{}:", tr!("plan-heading-friction"))?;
        for f in &p.friction {
            writeln!(
                w,
                "  - {} {} [{}] {}: {} → {}",
                at(&f.location),
                f.id(),
                f.difficulty().as_str(),
                line(&f.service),
                line(f.explanation()),
                line(f.construct())
            )?;
        }
    }
    if !p.workloads.is_empty() {
        writeln!(w)?;
        writeln!(w, "{}:", tr!("plan-heading-workloads-owned", n = p.objects))?;
        for x in &p.workloads {
            let outside = x
                .keep_outside
                .as_deref()
                .map(|k| format!(" — {}", line(k)))
                .unwrap_or_default();
            writeln!(w, "  - {}: {}{outside}", line(&x.service), x.objects)?;
        }
    }
    if !p.given_up.is_empty() {
        writeln!(w)?;
        writeln!(w, "{}:", tr!("plan-heading-given-up"))?;
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
        writeln!(w, "{heading} {}", tr!("plan-heading-waves"))?;
        writeln!(w)?;
        for wave in &p.waves {
            let label = wave_label(wave.number);
            writeln!(w, "- **{label}**: {}", inline(&wave.services.join(", ")))?;
        }
    }
    if !p.friction.is_empty() {
        writeln!(w)?;
        writeln!(w, "{heading} {}", tr!("plan-heading-friction"))?;
        writeln!(w)?;
        writeln!(
            w,
            "| {} | {} | {} | {} | {} |",
            tr!("plan-col-where"),
            tr!("plan-col-id"),
            tr!("plan-col-difficulty"),
            tr!("plan-col-service"),
            tr!("plan-col-instead")
        )?;
        writeln!(w, "|---|---|---|---|---|")?;
        for f in &p.friction {
            writeln!(
                w,
                "| {} | {} | {} | {} | {} |",
                inline(&at(&f.location)),
                f.id(),
                f.difficulty().as_str(),
                inline(&f.service),
                inline(f.construct()).replace('|', "\\|")
            )?;
        }
    }
    if !p.workloads.is_empty() {
        writeln!(w)?;
        writeln!(w, "{heading} {}", tr!("plan-heading-workloads"))?;
        writeln!(w)?;
        writeln!(w, "{}", tr!("plan-objects-to-own", n = p.objects))?;
        writeln!(w)?;
        for x in &p.workloads {
            let outside = x
                .keep_outside
                .as_deref()
                .map(|k| format!(" — {}", inline(k)))
                .unwrap_or_default();
            writeln!(w, "- **{}**: {}{outside}", inline(&x.service), x.objects)?;
        }
    }
    if !p.given_up.is_empty() {
        writeln!(w)?;
        writeln!(w, "{heading} {}", tr!("plan-heading-given-up"))?;
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
        None => writeln!(w, "{}", tr!("plan-none-md")),
    }
}
