//! The pictures of the service graph (DOT, Mermaid, the Markdown report): roles of one image
//! collapsed, parallel edges merged with a legend, `--focus` and `--max-nodes`; rendered with
//! Graphviz and mermaid-cli where those are installed. `graph --format json` stays the contract.

use crate::common;

use std::path::Path;
use std::process::Command;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn graph(path: &str, extra: &[&str]) -> (Option<i32>, String, String) {
    let o = common::stackfit()
        .current_dir(root())
        .args(["graph", path])
        .args(extra)
        .output()
        .unwrap();
    (
        o.status.code(),
        String::from_utf8(o.stdout).unwrap(),
        String::from_utf8(o.stderr).unwrap(),
    )
}

/// Nodes of a DOT picture (the legend's own nodes aside).
fn dot_nodes(dot: &str) -> Vec<String> {
    dot.lines()
        .filter(|l| l.starts_with("  n") && l.contains("[label="))
        .map(|l| {
            l.split("label=\"")
                .nth(1)
                .unwrap()
                .split('"')
                .next()
                .unwrap()
                .to_string()
        })
        .collect()
}

#[test]
fn roles_of_one_image_are_one_node_and_edges_carry_no_labels() {
    let (_, dot, _) = graph("examples/role-split-monolith", &["--format", "dot"]);
    let nodes = dot_nodes(&dot);
    assert!(
        nodes
            .iter()
            .any(|n| n.contains("× ") && n.contains("roles")),
        "{dot}"
    );
    for l in dot
        .lines()
        .filter(|l| l.starts_with("  n") && l.contains(" -> "))
    {
        assert!(!l.contains("label"), "edge with a label: {l}");
    }
    assert!(dot.contains("subgraph cluster_legend"), "{dot}");
    // the contract keeps every service
    let (_, json, _) = graph("examples/role-split-monolith", &["--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert!(v["services"].as_array().unwrap().len() > nodes.len());
}

#[test]
fn focus_draws_one_service_and_its_neighbours() {
    let (code, dot, err) = graph(
        "examples/microservices",
        &["--format", "dot", "--focus", "orders"],
    );
    assert_eq!(code, Some(0), "{err}");
    let mut nodes = dot_nodes(&dot);
    nodes.sort();
    assert!(nodes.iter().any(|n| n.starts_with("orders")), "{nodes:?}");
    assert!(nodes.iter().any(|n| n == "orders-db"), "{nodes:?}");
    assert!(!nodes.iter().any(|n| n == "users-db"), "{nodes:?}");
    let (code, _, err) = graph(
        "examples/microservices",
        &["--format", "dot", "--focus", "order"],
    );
    assert_eq!(code, Some(2));
    assert!(err.contains("did you mean `orders`"), "{err}");
}

#[test]
fn max_nodes_keeps_the_busiest_and_summarises_the_rest() {
    let (_, dot, _) = graph(
        "examples/microservices",
        &["--format", "dot", "--max-nodes", "5"],
    );
    let nodes = dot_nodes(&dot);
    assert_eq!(nodes.len(), 5, "{nodes:?}");
    assert!(
        nodes.iter().any(|n| n.ends_with("more services")),
        "{nodes:?}"
    );
    let (_, mermaid, _) = graph(
        "examples/microservices",
        &["--format", "mermaid", "--max-nodes", "5"],
    );
    assert!(mermaid.contains("more services"), "{mermaid}");
    assert!(mermaid.contains("subgraph legend"), "{mermaid}");
    assert!(mermaid.contains("classDef c_app"), "{mermaid}");
    assert!(mermaid.contains("classDef c_more"), "{mermaid}");
}

#[test]
#[ignore = "needs the shared corpus: set STACKFIT_CORPUS to shared/corpus"]
fn sentrys_picture_has_at_most_twenty_nodes() {
    let file = common::corpus().join("compose/getsentry__self-hosted/docker-compose.yml");
    let file = file.to_str().unwrap();
    let (code, dot, err) = graph(file, &["--format", "dot"]);
    assert_eq!(code, Some(0), "{err}");
    let nodes = dot_nodes(&dot);
    assert!(nodes.len() <= 20, "{} nodes: {nodes:?}", nodes.len());
    assert!(
        nodes.iter().any(|n| n.starts_with("sentry × ")),
        "{nodes:?}"
    );
    let (_, mermaid, _) = graph(file, &["--format", "mermaid"]);
    let drawn = mermaid
        .lines()
        .filter(|l| {
            l.starts_with("  n") && !l.contains("-->") && !l.contains("-.->") && !l.contains("==>")
        })
        .count();
    assert!(drawn <= 20, "{drawn} Mermaid nodes");
}

fn pictures() -> Vec<(String, Vec<String>)> {
    let mut all: Vec<(String, Vec<String>)> = [
        "small-app",
        "role-split-monolith",
        "microservices",
        "scaling-monolith",
        "backstage",
    ]
    .iter()
    .map(|e| (e.to_string(), vec![format!("examples/{e}")]))
    .collect();
    if std::env::var_os(common::CORPUS_VAR).is_some() {
        let f = common::corpus().join("compose/getsentry__self-hosted/docker-compose.yml");
        all.push(("sentry".into(), vec![f.to_string_lossy().into_owned()]));
    }
    all
}

#[test]
#[ignore = "needs Graphviz: set STACKFIT_DOT to the `dot` program"]
fn dot_pictures_render_with_graphviz() {
    let dot = common::tool("STACKFIT_DOT", "-V");
    let tmp = tempfile::tempdir().unwrap();
    for (name, args) in pictures() {
        let (_, text, _) = graph(&args[0], &["--format", "dot"]);
        let src = tmp.path().join(format!("{name}.dot"));
        std::fs::write(&src, text).unwrap();
        let png = tmp.path().join(format!("{name}.png"));
        let o = Command::new(&dot)
            .arg("-Tpng")
            .arg("-o")
            .arg(&png)
            .arg(&src)
            .output()
            .unwrap();
        assert!(
            o.status.success(),
            "{name}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        assert_eq!(&std::fs::read(&png).unwrap()[..8], b"\x89PNG\r\n\x1a\n");
    }
}

#[test]
#[ignore = "needs mermaid-cli: set STACKFIT_MMDC to `mmdc` (and PUPPETEER_EXECUTABLE_PATH to a Chromium)"]
fn mermaid_pictures_render_with_mermaid_cli() {
    let mmdc = common::tool("STACKFIT_MMDC", "--version");
    let tmp = tempfile::tempdir().unwrap();
    // Chromium in a container runs without its sandbox
    let conf = tmp.path().join("puppeteer.json");
    std::fs::write(&conf, r#"{"args": ["--no-sandbox", "--disable-gpu"]}"#).unwrap();
    for (name, args) in pictures() {
        let (_, text, _) = graph(&args[0], &["--format", "mermaid"]);
        let src = tmp.path().join(format!("{name}.mmd"));
        std::fs::write(&src, text).unwrap();
        let svg = tmp.path().join(format!("{name}.svg"));
        let o = Command::new(&mmdc)
            .arg("-i")
            .arg(&src)
            .arg("-o")
            .arg(&svg)
            .arg("-p")
            .arg(&conf)
            .output()
            .unwrap();
        assert!(
            o.status.success(),
            "{name}: {}{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        );
        let out = std::fs::read_to_string(&svg).unwrap();
        assert!(out.contains("<svg"), "{name}: no SVG");
        assert!(
            !out.contains("Syntax error"),
            "{name}: Mermaid reports a syntax error"
        );
    }
}
