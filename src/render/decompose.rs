//! Output of `stackfit decompose` as JSON, a plain table, Markdown or Mermaid. Renderers see
//! only the `Decomposition` report; they must not compute, re-cluster or read input.

use std::collections::BTreeMap;
use std::io::Write;

use comfy_table::{ContentArrangement, Table, presets};

use crate::decompose::Decomposition;

pub fn json(r: &Decomposition, w: &mut dyn Write) -> std::io::Result<()> {
    crate::source::escape::json_pretty(&mut *w, r)?;
    writeln!(w)
}

fn pct(x: f64) -> String {
    format!("{:.0}%", x * 100.0)
}

fn list(v: &[String], max: usize) -> String {
    if v.len() <= max {
        v.join(", ")
    } else {
        format!("{} … (+{})", v[..max].join(", "), v.len() - max)
    }
}

pub fn table(r: &Decomposition, w: &mut dyn Write) -> std::io::Result<()> {
    let mut t = Table::new();
    t.load_style(presets::ASCII_MARKDOWN);
    t.force_no_tty();
    t.set_content_arrangement(ContentArrangement::Dynamic);
    t.set_width(120);
    t.set_header(vec![
        "#",
        "candidate",
        "members",
        "tables",
        "cohesion",
        "cut edges",
        "confidence",
    ]);
    for (i, c) in r.candidates.iter().enumerate() {
        t.add_row(vec![
            (i + 1).to_string(),
            c.name.clone(),
            format!("{} ({})", list(&c.members, 8), c.members.len()),
            list(&c.tables, 6),
            pct(c.cohesion),
            c.coupling.to_string(),
            format!("{:.2}", c.confidence),
        ]);
    }
    writeln!(w, "{t}")?;
    let m = &r.metrics;
    writeln!(
        w,
        "{} candidates from {} modules and {} tables; modularity {:.2}; {} cut edges ({} of the dependency weight); {} seeds, {} consensus rounds, resolution {}",
        m.candidates,
        m.modules,
        m.tables,
        m.modularity,
        r.cut_edges.len(),
        pct(m.cut_weight_share),
        m.runs,
        m.consensus_rounds,
        m.resolution
    )?;
    if !r.unassigned.is_empty() {
        writeln!(w, "unassigned (no evidence): {}", list(&r.unassigned, 12))?;
    }
    for s in &r.shared_tables {
        if !s.written_by.is_empty() {
            writeln!(
                w,
                "shared table {}: placed with {}, also written by {}",
                s.table,
                s.owner,
                s.written_by.join(", ")
            )?;
        }
    }
    Ok(())
}

pub fn markdown(r: &Decomposition, w: &mut dyn Write) -> std::io::Result<()> {
    let m = &r.metrics;
    writeln!(w, "## Decomposition of `{}`\n", r.input.file)?;
    writeln!(
        w,
        "{} candidate services from {} modules and {} tables (modularity {:.2}, {} seeds aggregated by consensus, resolution {}).\n",
        m.candidates, m.modules, m.tables, m.modularity, m.runs, m.resolution
    )?;
    writeln!(
        w,
        "| # | candidate | members | tables | cohesion | cut edges | confidence |"
    )?;
    writeln!(w, "|---|---|---|---|---|---|---|")?;
    for (i, c) in r.candidates.iter().enumerate() {
        writeln!(
            w,
            "| {} | **{}** | {} | {} | {} | {} | {:.2} |",
            i + 1,
            c.name,
            list(&c.members, 10).replace('|', "\\|"),
            list(&c.tables, 8).replace('|', "\\|"),
            pct(c.cohesion),
            c.coupling,
            c.confidence
        )?;
    }
    writeln!(w)?;
    for c in &r.candidates {
        let mut why = format!(
            "- **{}**: {} of its evidence weight stays inside",
            c.name,
            pct(c.cohesion)
        );
        if let Some(s) = &c.strongest_link {
            why.push_str(&format!(
                "; strongest internal link {} → {} ({})",
                s.from, s.to, s.weight
            ));
        }
        let out: Vec<String> = r
            .cut_edges
            .iter()
            .filter(|e| e.from_candidate == c.name && e.kind == "depends_on")
            .map(|e| format!("{} → {} ({})", e.from, e.to, e.weight))
            .collect();
        if !out.is_empty() {
            why.push_str(&format!("; calls after the split: {}", list(&out, 4)));
        }
        writeln!(w, "{why}.")?;
    }
    if !r.unassigned.is_empty() {
        writeln!(
            w,
            "- unassigned (no evidence): {}.",
            list(&r.unassigned, 20)
        )?;
    }
    for s in &r.shared_tables {
        if !s.written_by.is_empty() {
            writeln!(
                w,
                "- shared table `{}`: placed with {}, also written by {} — split the schema before the code.",
                s.table,
                s.owner,
                s.written_by.join(", ")
            )?;
        }
    }
    writeln!(w, "\n```mermaid")?;
    mermaid(r, w)?;
    writeln!(w, "```")
}

use crate::render::mermaid::label;

/// Candidates as subgraphs with their members and tables; cut dependencies aggregated per
/// pair of candidates.
pub fn mermaid(r: &Decomposition, w: &mut dyn Write) -> std::io::Result<()> {
    writeln!(w, "flowchart LR")?;
    let mut idx: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, c) in r.candidates.iter().enumerate() {
        idx.insert(c.name.as_str(), i);
        writeln!(
            w,
            "  subgraph c{i}[\"{} ({:.2})\"]",
            label(&c.name),
            c.confidence
        )?;
        for (j, m) in c.members.iter().enumerate() {
            writeln!(w, "    c{i}m{j}[\"{}\"]", label(m))?;
        }
        for (j, t) in c.tables.iter().enumerate() {
            writeln!(w, "    c{i}t{j}[(\"{}\")]", label(t))?;
        }
        writeln!(w, "  end")?;
    }
    let mut pairs: BTreeMap<(usize, usize), (usize, f64)> = BTreeMap::new();
    for e in &r.cut_edges {
        if let (Some(&a), Some(&b)) = (
            idx.get(e.from_candidate.as_str()),
            idx.get(e.to_candidate.as_str()),
        ) {
            let p = pairs.entry((a, b)).or_insert((0, 0.0));
            p.0 += 1;
            p.1 += e.weight;
        }
    }
    for ((a, b), (n, wt)) in pairs {
        writeln!(
            w,
            "  c{a} -->|\"{n} edges, weight {}\"| c{b}",
            (wt * 100.0).round() / 100.0
        )?;
    }
    Ok(())
}
