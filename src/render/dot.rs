//! Graphviz DOT for `stackfit graph --format dot`: the picture of the service graph (roles of
//! one image as one node, merged edges styled by kind, nodes coloured by class, a legend).

use std::io::Write;

use crate::report::picture::{Line, Picture, colour};
use crate::tr;

fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in crate::source::escape::visible(s).chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn style(l: Line) -> &'static str {
    match l {
        Line::Solid => "solid",
        Line::Dashed => "dashed",
        Line::Thick => "bold",
    }
}

fn shape(class: &str) -> &'static str {
    match class {
        "database" | "cache" | "search" | "object-storage" => "cylinder",
        "broker" => "cds",
        "proxy" => "hexagon",
        "more" => "note",
        _ => "box",
    }
}

pub fn render(p: &Picture, w: &mut dyn Write) -> std::io::Result<()> {
    writeln!(w, "digraph services {{")?;
    writeln!(w, "  rankdir=LR;")?;
    writeln!(
        w,
        "  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\"];"
    )?;
    writeln!(w, "  edge [fontname=\"Helvetica\", fontsize=10];")?;
    for (i, n) in p.nodes.iter().enumerate() {
        let mut label = n.label.clone();
        if let Some(r) = &n.replicas {
            label.push('\n');
            label.push_str(r);
        }
        writeln!(
            w,
            "  n{i} [label={}, shape={}, fillcolor=\"{}\"];",
            quote(&label),
            shape(&n.class),
            colour(&n.class)
        )?;
    }
    for e in &p.edges {
        writeln!(w, "  n{} -> n{} [style={}];", e.from, e.to, style(e.line))?;
    }
    if !p.nodes.is_empty() {
        writeln!(w, "  subgraph cluster_legend {{")?;
        writeln!(
            w,
            "    label={}; style=dashed; fontname=\"Helvetica\"; fontsize=10;",
            quote(&tr!("report-graph-legend"))
        )?;
        for (i, (line, kinds)) in p.legend.iter().enumerate() {
            writeln!(
                w,
                "    legend_l{i}a [label=\"\", shape=point, width=0.05];\n    legend_l{i}b [label={}, shape=plaintext, style=\"\"];\n    legend_l{i}a -> legend_l{i}b [style={}];",
                quote(&format!("{}: {}", line.meaning(), kinds.join(", "))),
                style(*line)
            )?;
        }
        for (i, c) in p.classes().iter().enumerate() {
            writeln!(
                w,
                "    legend_c{i} [label={}, shape={}, fillcolor=\"{}\", fontsize=10];",
                quote(c),
                shape(c),
                colour(c)
            )?;
        }
        writeln!(w, "  }}")?;
    }
    writeln!(w, "}}")
}
