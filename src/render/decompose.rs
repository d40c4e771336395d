//! Output of `stackfit decompose` as JSON, a plain table, Markdown or Mermaid. Renderers see
//! only the `Decomposition` report; they must not compute, re-cluster or read input.

use std::collections::BTreeMap;
use std::io::Write;

use comfy_table::{ContentArrangement, Table, presets};

use crate::decompose::Decomposition;
use crate::tr;

pub fn json(r: &Decomposition, w: &mut dyn Write) -> std::io::Result<()> {
    crate::source::escape::json_pretty(&mut *w, r)?;
    writeln!(w)
}

fn pct(x: f64) -> String {
    format!("{:.0}%", x * 100.0)
}

/// The column headers of the candidate table, after `#`.
fn columns() -> [String; 6] {
    [
        tr!("plan-decompose-col-candidate"),
        tr!("plan-decompose-col-members"),
        tr!("plan-decompose-col-tables"),
        tr!("plan-decompose-col-cohesion"),
        tr!("plan-decompose-col-cut-edges"),
        tr!("plan-decompose-col-confidence"),
    ]
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
    let mut header = vec!["#".to_string()];
    header.extend(columns());
    t.set_header(header);
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
        "{}",
        tr!(
            "plan-decompose-summary",
            candidates = m.candidates,
            modules = m.modules,
            tables = m.tables,
            modularity = format!("{:.2}", m.modularity),
            cut = r.cut_edges.len(),
            share = pct(m.cut_weight_share),
            seeds = m.runs,
            rounds = m.consensus_rounds,
            resolution = m.resolution.to_string()
        )
    )?;
    if !r.unassigned.is_empty() {
        writeln!(
            w,
            "{}",
            tr!("plan-decompose-unassigned", items = list(&r.unassigned, 12))
        )?;
    }
    for s in &r.shared_tables {
        if !s.written_by.is_empty() {
            writeln!(
                w,
                "{}",
                tr!(
                    "plan-decompose-shared-table",
                    table = s.table.as_str(),
                    owner = s.owner.as_str(),
                    writers = s.written_by.join(", ")
                )
            )?;
        }
    }
    Ok(())
}

pub fn markdown(r: &Decomposition, w: &mut dyn Write) -> std::io::Result<()> {
    let m = &r.metrics;
    writeln!(
        w,
        "## {}\n",
        tr!("plan-decompose-heading", file = r.input.file.as_str())
    )?;
    writeln!(
        w,
        "{}\n",
        tr!(
            "plan-decompose-summary-md",
            candidates = m.candidates,
            modules = m.modules,
            tables = m.tables,
            modularity = format!("{:.2}", m.modularity),
            seeds = m.runs,
            resolution = m.resolution.to_string()
        )
    )?;
    writeln!(w, "| # | {} |", columns().join(" | "))?;
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
            "- **{}**: {}",
            c.name,
            tr!("plan-decompose-cohesion", cohesion = pct(c.cohesion))
        );
        if let Some(s) = &c.strongest_link {
            why.push_str(&tr!(
                "plan-decompose-strongest-link",
                from = s.from.as_str(),
                to = s.to.as_str(),
                weight = s.weight.to_string()
            ));
        }
        let out: Vec<String> = r
            .cut_edges
            .iter()
            .filter(|e| e.from_candidate == c.name && e.kind == "depends_on")
            .map(|e| format!("{} → {} ({})", e.from, e.to, e.weight))
            .collect();
        if !out.is_empty() {
            why.push_str(&tr!(
                "plan-decompose-calls-after-split",
                calls = list(&out, 4)
            ));
        }
        writeln!(w, "{why}.")?;
    }
    if !r.unassigned.is_empty() {
        writeln!(
            w,
            "- {}.",
            tr!("plan-decompose-unassigned", items = list(&r.unassigned, 20))
        )?;
    }
    for s in &r.shared_tables {
        if !s.written_by.is_empty() {
            writeln!(
                w,
                "- {}",
                tr!(
                    "plan-decompose-shared-table-md",
                    table = s.table.as_str(),
                    owner = s.owner.as_str(),
                    writers = s.written_by.join(", ")
                )
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
            "  c{a} -->|\"{}\"| c{b}",
            tr!(
                "plan-decompose-mermaid-edge",
                n = n,
                weight = ((wt * 100.0).round() / 100.0).to_string()
            )
        )?;
    }
    Ok(())
}
