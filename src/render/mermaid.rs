//! Mermaid flowchart of the service graph, for Markdown reports and `graph --format mermaid`.

use std::collections::HashMap;
use std::io::Write;

use crate::report::GraphReport;

fn label(s: &str) -> String {
    s.replace('"', "#quot;")
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
