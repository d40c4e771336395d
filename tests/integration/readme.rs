//! README.md is generated from README.md.in: each `{{example}}` placeholder becomes
//! `stackfit analyze examples/<example> --format table`, `{{mermaid-microservices}}` the Mermaid
//! graph. This test keeps the README's example outputs true
//! (`STACKFIT_UPDATE_GENERATED=1 cargo test --test integration readme` rewrites it).

use crate::common;

use std::path::Path;

fn run(args: &[&str]) -> String {
    let out = common::stackfit()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("COLUMNS", "100")
        .args(args)
        .output()
        .unwrap();
    String::from_utf8(out.stdout)
        .unwrap()
        .trim_end()
        .to_string()
}

#[test]
fn readme_shows_the_real_outputs() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut text = std::fs::read_to_string(root.join("README.md.in")).unwrap();
    for ex in [
        "small-app",
        "role-split-monolith",
        "microservices",
        "scaling-monolith",
    ] {
        let placeholder = format!("{{{{{ex}}}}}");
        assert!(
            text.contains(&placeholder),
            "README.md.in lacks {placeholder}"
        );
        text = text.replace(
            &placeholder,
            &run(&["analyze", &format!("examples/{ex}"), "--format", "table"]),
        );
    }
    text = text.replace(
        "{{mermaid-microservices}}",
        &run(&["graph", "examples/microservices", "--format", "mermaid"]),
    );
    let path = root.join("README.md");
    if std::env::var_os("STACKFIT_UPDATE_GENERATED").is_some() {
        std::fs::write(&path, &text).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap();
    assert!(
        committed == text,
        "README.md is stale: run STACKFIT_UPDATE_GENERATED=1 cargo test --test integration readme"
    );
    assert!(committed.starts_with("# stackfit"));
}
