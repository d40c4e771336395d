//! Embeds the built-in rule files: every `rules/*.toml` (one rule each) becomes an entry of
//! `FILES` in `$OUT_DIR/builtin_rules.rs`, so adding a rule is adding its file. Data files of
//! other kinds under `rules/` (`sources.toml`, `friction/`) are not rules and are left out.

use std::fmt::Write;
use std::path::Path;

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
    println!("cargo:rerun-if-changed=rules");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("rules/ exists")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("R-") && n.ends_with(".toml"))
        .collect();
    names.sort();
    let mut out = String::from(
        "/// The built-in rules: every rule file of `rules/`, compiled into the binary.\npub const FILES: &[(&str, &str)] = &[\n",
    );
    for n in &names {
        println!("cargo:rerun-if-changed=rules/{n}");
        writeln!(
            out,
            "    (\"rules/{n}\", include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/rules/{n}\"))),"
        )
        .unwrap();
    }
    out.push_str("];\n");
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("builtin_rules.rs");
    std::fs::write(dest, out).unwrap();
}
