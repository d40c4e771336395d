//! Mermaid flowchart of the service graph, for Markdown reports and `graph --format mermaid`:
//! the picture (roles of one image as one node, merged edges styled by kind, nodes coloured by
//! class) and a legend.

use std::io::Write;

use crate::report::picture::{Line, Picture, colour};
use crate::tr;

/// Text inside a quoted Mermaid label: quotes and angle brackets as entity codes (so no
/// markup or `"` can end the label), line breaks as `<br>` (so nothing can start a line of
/// the enclosing Markdown and close its code block).
pub fn label(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in crate::source::escape::visible(s).chars() {
        match c {
            '"' => out.push_str("#quot;"),
            '<' => out.push_str("#lt;"),
            '>' => out.push_str("#gt;"),
            '`' => out.push_str("#96;"),
            '\n' => out.push_str("<br>"),
            '\t' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

fn arrow(l: Line) -> &'static str {
    match l {
        Line::Solid => "-->",
        Line::Dashed => "-.->",
        Line::Thick => "==>",
    }
}

fn shape(class: &str) -> (&'static str, &'static str) {
    match class {
        "database" | "cache" | "search" | "object-storage" => ("[(", ")]"),
        "broker" => ("[/", "/]"),
        "proxy" => ("{{", "}}"),
        _ => ("[", "]"),
    }
}

/// A class name Mermaid accepts (`object-storage` → `object_storage`).
fn class_id(c: &str) -> String {
    format!("c_{}", c.replace('-', "_"))
}

pub fn render(p: &Picture, w: &mut dyn Write) -> std::io::Result<()> {
    writeln!(w, "flowchart LR")?;
    for (i, n) in p.nodes.iter().enumerate() {
        let text = match &n.replicas {
            Some(r) => format!("{} {r}", n.label),
            None => n.label.clone(),
        };
        let (open, close) = shape(&n.class);
        writeln!(w, "  n{i}{open}\"{}\"{close}", label(&text))?;
    }
    for e in &p.edges {
        writeln!(w, "  n{} {} n{}", e.from, arrow(e.line), e.to)?;
    }
    if p.nodes.is_empty() {
        return Ok(());
    }
    writeln!(
        w,
        "  subgraph legend[\"{}\"]",
        label(&tr!("report-graph-legend"))
    )?;
    writeln!(w, "    direction LR")?;
    for (i, (line, kinds)) in p.legend.iter().enumerate() {
        writeln!(
            w,
            "    legend_l{i}a[\" \"] {} legend_l{i}b[\"{}\"]",
            arrow(*line),
            label(&format!("{}: {}", line.meaning(), kinds.join(", ")))
        )?;
    }
    for (i, c) in p.classes().iter().enumerate() {
        let (open, close) = shape(c);
        writeln!(w, "    legend_c{i}{open}\"{}\"{close}", label(c))?;
    }
    writeln!(w, "  end")?;
    let classes = p.classes();
    for c in &classes {
        writeln!(
            w,
            "  classDef {} fill:{},stroke:#555,color:#111",
            class_id(c),
            colour(c)
        )?;
    }
    for (ci, c) in classes.iter().enumerate() {
        let mut members: Vec<String> = p
            .nodes
            .iter()
            .enumerate()
            .filter(|(_, n)| n.class == *c)
            .map(|(i, _)| format!("n{i}"))
            .collect();
        members.push(format!("legend_c{ci}"));
        writeln!(w, "  class {} {}", members.join(","), class_id(c))?;
    }
    Ok(())
}
