//! Graphviz DOT for `stackfit graph --format dot`: services as nodes (datastores as
//! cylinders), typed edges as labels.

use std::io::Write;

use crate::report::GraphReport;

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

pub fn render(r: &GraphReport, w: &mut dyn Write) -> std::io::Result<()> {
    writeln!(w, "digraph services {{")?;
    writeln!(w, "  rankdir=LR;")?;
    writeln!(
        w,
        "  node [shape=box, style=rounded, fontname=\"Helvetica\"];"
    )?;
    writeln!(w, "  edge [fontname=\"Helvetica\", fontsize=10];")?;
    for s in &r.services {
        let shape = match s.class.as_str() {
            "database" | "cache" | "search" | "object-storage" => "cylinder",
            "broker" => "cds",
            "proxy" => "hexagon",
            _ => "box",
        };
        let mut label = s.name.clone();
        if let Some(img) = &s.image {
            label.push('\n');
            label.push_str(img);
        }
        match s.replicas {
            Some(n) if n > 1 => label.push_str(&format!("\n×{n}")),
            None => label.push_str("\nglobal"),
            _ => {}
        }
        writeln!(
            w,
            "  {} [label={}, shape={shape}];",
            quote(&s.name),
            quote(&label)
        )?;
    }
    for e in &r.edges {
        let style = match e.kind.as_str() {
            "env_reference" | "shared_volume" => ", style=dashed",
            _ => "",
        };
        writeln!(
            w,
            "  {} -> {} [label={}{style}];",
            quote(&e.from),
            quote(&e.to),
            quote(&e.kind)
        )?;
    }
    writeln!(w, "}}")
}
