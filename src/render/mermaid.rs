//! Mermaid flowchart of the service graph, for Markdown reports and `graph --format mermaid`.

use std::collections::HashMap;
use std::io::Write;

use crate::report::GraphReport;

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

pub fn render(r: &GraphReport, w: &mut dyn Write) -> std::io::Result<()> {
    writeln!(w, "flowchart LR")?;
    let ids: HashMap<&str, String> = r
        .services
        .iter()
        .enumerate()
        .map(|(i, s)| (s.name.as_str(), format!("s{i}")))
        .collect();
    for (i, s) in r.services.iter().enumerate() {
        let text = match s.replicas {
            Some(n) if n > 1 => format!("{} ×{n}", s.name),
            _ => s.name.clone(),
        };
        let shape = match s.class.as_str() {
            "database" | "cache" | "search" | "object-storage" => ("[(", ")]"),
            "broker" => ("[/", "/]"),
            "proxy" => ("{{", "}}"),
            _ => ("[", "]"),
        };
        writeln!(w, "  s{i}{}\"{}\"{}", shape.0, label(&text), shape.1)?;
    }
    for e in &r.edges {
        let arrow = match e.kind.as_str() {
            "env_reference" | "shared_volume" => "-.->",
            _ => "-->",
        };
        writeln!(
            w,
            "  {} {arrow}|{}| {}",
            ids[e.from.as_str()],
            e.kind,
            ids[e.to.as_str()]
        )?;
    }
    Ok(())
}
