//! README.md is generated from README.md.in (and README.ko.md from README.ko.md.in, in Korean): each `{{example}}` placeholder becomes
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

/// README.ko.md, the Korean reader's README, from README.ko.md.in with the Korean outputs.
#[test]
fn korean_readme_shows_the_real_outputs() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut text = std::fs::read_to_string(root.join("README.ko.md.in")).unwrap();
    for ex in ["small-app", "microservices"] {
        let placeholder = format!("{{{{{ex}}}}}");
        assert!(
            text.contains(&placeholder),
            "README.ko.md.in lacks {placeholder}"
        );
        text = text.replace(
            &placeholder,
            &run(&[
                "--lang",
                "ko",
                "analyze",
                &format!("examples/{ex}"),
                "--format",
                "table",
            ]),
        );
    }
    assert!(
        !text.contains("{{"),
        "a placeholder is left in README.ko.md.in"
    );
    let path = root.join("README.ko.md");
    if std::env::var_os("STACKFIT_UPDATE_GENERATED").is_some() {
        std::fs::write(&path, &text).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == text,
        "README.ko.md is stale: run STACKFIT_UPDATE_GENERATED=1 cargo test --test integration readme"
    );
    assert!(committed.contains("README.md"), "links the English README");
}
