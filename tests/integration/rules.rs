//! Every rule fires on its fixture and stays quiet on another: `tests/fixtures/rules/<ID>/`
//! holds `fires.yaml` and `quiet.yaml` for each rule file in `rules/`.

use crate::common;

use std::path::Path;

use serde_json::Value;

fn fired_rules(file: &Path) -> Vec<String> {
    fired_entries(file)
        .into_iter()
        .map(|(rule, _)| rule)
        .collect()
}

/// Each fired rule with how it reads: `R-X +3 at 2:10: message`.
fn fired_entries(file: &Path) -> Vec<(String, String)> {
    let out = common::stackfit()
        .current_dir(file.parent().unwrap())
        .args(["analyze", "--format", "json", "--fail-on", "never", "-f"])
        .arg(file)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}: {}",
        file.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut out: Vec<(String, String)> = crate::common::rule_entries(&v)
        .into_iter()
        .map(|f| {
            let rule = f["rule"].as_str().unwrap().to_string();
            let points = f["points"]
                .as_i64()
                .map(|p| format!(" {p:+}"))
                .unwrap_or_default();
            let at = match (
                f["location"]["line"].as_u64(),
                f["location"]["column"].as_u64(),
            ) {
                (Some(l), Some(c)) => format!(" at {l}:{c}"),
                _ => String::new(),
            };
            let text = format!(
                "{rule}{points}{at}: {}",
                f["message"].as_str().unwrap_or("")
            );
            (rule, text)
        })
        .collect();
    out.sort();
    out
}

#[test]
fn every_rule_fires_on_its_fixture_and_stays_quiet_on_another() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut ids: Vec<String> = std::fs::read_dir(root.join("rules"))
        .unwrap()
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            e.file_name()
                .to_string_lossy()
                .strip_suffix(".toml")
                .map(str::to_string)
        })
        // rules/*.toml are rules; sources.toml is data of its own kind
        .filter(|id| id.starts_with("R-"))
        .collect();
    ids.sort();
    assert!(
        ids.len() >= 25,
        "expected the full rule set, found {}",
        ids.len()
    );
    let mut problems = Vec::new();
    // what every fixture makes fire, as it reads: one snapshot to review when a rule changes
    let mut transcript = String::new();
    for id in &ids {
        let dir = root.join("tests/fixtures/rules").join(id);
        let fires = dir.join("fires.yaml");
        let quiet = dir.join("quiet.yaml");
        if !fires.is_file() || !quiet.is_file() {
            problems.push(format!("{id}: missing fixtures in {}", dir.display()));
            continue;
        }
        let fired = fired_entries(&fires);
        transcript.push_str(&format!("## {id}/fires.yaml\n"));
        for (_, text) in &fired {
            transcript.push_str(&format!("{text}\n"));
        }
        transcript.push('\n');
        if !fired.iter().any(|(r, _)| r == id) {
            problems.push(format!("{id}: does not fire on {}", fires.display()));
        }
        if fired_rules(&quiet).contains(id) {
            problems.push(format!("{id}: fires on {}", quiet.display()));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    insta::assert_snapshot!("rule_fixtures", transcript);
}

/// Every reason is checkable: no human-readable output of the examples and no `explain` page
/// shows a bare source id (`S5`, `I7`, `A2`) or a seed letter; references are numbered and listed.
#[test]
fn human_outputs_carry_no_unresolved_codes() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let is_code = |w: &str| {
        let mut c = w.chars();
        matches!(c.next(), Some('S' | 'I' | 'A')) && w.len() >= 2 && c.all(|d| d.is_ascii_digit())
    };
    let mut texts: Vec<(String, String)> = Vec::new();
    for ex in [
        "small-app",
        "microservices",
        "role-split-monolith",
        "scaling-monolith",
    ] {
        for fmt in ["table", "markdown"] {
            let out = common::stackfit()
                .current_dir(root)
                .args([
                    "analyze",
                    &format!("examples/{ex}"),
                    "--format",
                    fmt,
                    "--fail-on",
                    "never",
                ])
                .output()
                .unwrap();
            texts.push((
                format!("{ex} {fmt}"),
                String::from_utf8_lossy(&out.stdout).into_owned(),
            ));
        }
    }
    let list = common::stackfit()
        .args(["rules", "--format", "json"])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&list.stdout).unwrap();
    for r in v["rules"].as_array().unwrap() {
        let id = r["id"].as_str().unwrap();
        let out = common::stackfit().args(["explain", id]).output().unwrap();
        texts.push((
            format!("explain {id}"),
            String::from_utf8_lossy(&out.stdout).into_owned(),
        ));
    }
    let mut problems = Vec::new();
    for (what, text) in &texts {
        for w in text.split(|c: char| !c.is_ascii_alphanumeric() && c != '-') {
            if is_code(w) || w.eq_ignore_ascii_case("seed") {
                problems.push(format!("{what}: `{w}`"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
