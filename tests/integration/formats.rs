//! Every `examples/*` system in every `analyze` format, through the built binary: insta
//! snapshots of stdout, byte-identical output across runs, SARIF validated against the 2.1.0
//! schema in `tests/data/`, stable fingerprints on a real file whose lines move, and the
//! input-error path of the machine formats.

use crate::common;

use std::path::{Path, PathBuf};

use serde_json::Value;

const FORMATS: [&str; 7] = [
    "table", "json", "sarif", "github", "gitlab", "junit", "markdown",
];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn examples() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(root().join("examples"))
        .expect("examples/ exists")
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    names.sort();
    assert!(
        names.len() >= 4,
        "expected the bundled examples, got {names:?}"
    );
    names
}

/// Runs `stackfit analyze ARGS` in `dir` with a clean environment; returns (exit code, stdout).
fn analyze(dir: &Path, args: &[&str]) -> (i32, String) {
    let out = common::stackfit()
        .current_dir(dir)
        .arg("analyze")
        .args(args)
        .timeout(std::time::Duration::from_secs(20))
        .output()
        .unwrap();
    (
        out.status.code().expect("exited"),
        String::from_utf8(out.stdout).expect("UTF-8 output"),
    )
}

/// The tool version is not part of a snapshot: it changes with every release.
fn without_version(s: &str) -> String {
    let v = env!("CARGO_PKG_VERSION");
    s.replace(
        &format!("\"version\": \"{v}\""),
        "\"version\": \"[VERSION]\"",
    )
    .replace(
        &format!("\"semanticVersion\": \"{v}\""),
        "\"semanticVersion\": \"[VERSION]\"",
    )
    .replace(&format!("stackfit {v}\""), "stackfit [VERSION]\"")
}

fn snapshot_format(format: &str) {
    for ex in examples() {
        let path = format!("examples/{ex}");
        let (code, first) = analyze(&root(), &[&path, "--format", format]);
        // 1 is an analysis with an error-severity finding: still a complete report. 2 and 3
        // (usage, input) would mean the example itself is broken.
        assert!(
            code == 0 || code == 1,
            "{ex} --format {format}: exit {code}\n{first}"
        );
        assert!(
            !first.trim().is_empty(),
            "{ex} --format {format}: no output"
        );
        let (_, second) = analyze(&root(), &[&path, "--format", format]);
        assert_eq!(
            first, second,
            "{ex} --format {format}: output differs between runs"
        );
        insta::assert_snapshot!(format!("{ex}__{format}"), without_version(&first));
    }
}

#[test]
fn table_snapshots() {
    snapshot_format("table");
}

#[test]
fn json_snapshots() {
    snapshot_format("json");
}

#[test]
fn sarif_snapshots() {
    snapshot_format("sarif");
}

#[test]
fn github_snapshots() {
    snapshot_format("github");
}

#[test]
fn gitlab_snapshots() {
    snapshot_format("gitlab");
}

#[test]
fn junit_snapshots() {
    snapshot_format("junit");
}

#[test]
fn markdown_snapshots() {
    snapshot_format("markdown");
}

#[test]
fn every_format_is_tested() {
    // A new format must join FORMATS (and get snapshots); an unknown one is a usage error.
    let out = common::stackfit()
        .args(["analyze", "--format", "nope"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    let list = stderr
        .split("[possible values: ")
        .nth(1)
        .and_then(|s| s.split(']').next())
        .unwrap_or_else(|| panic!("no list of formats in: {stderr}"));
    let listed: Vec<&str> = list.split(", ").collect();
    assert_eq!(listed, FORMATS, "{stderr}");
}

fn sarif_validator() -> jsonschema::Validator {
    // The OASIS SARIF 2.1.0 schema (errata01), vendored from oasis-tcs/sarif-spec.
    let path = root().join("tests/data/sarif-schema-2.1.0.json");
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    jsonschema::draft4::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the SARIF schema compiles offline")
}

fn assert_valid_sarif(v: &jsonschema::Validator, what: &str, text: &str) -> Value {
    let sarif: Value = serde_json::from_str(text).unwrap_or_else(|e| panic!("{what}: {e}"));
    let errors: Vec<String> = v
        .iter_errors(&sarif)
        .map(|e| format!("{} at {}", e, e.instance_path))
        .collect();
    assert!(
        errors.is_empty(),
        "{what}: invalid SARIF:\n{}",
        errors.join("\n")
    );
    // What the schema cannot check: GitHub's requirements and internal consistency.
    assert_eq!(sarif["version"], "2.1.0");
    assert!(sarif["$schema"].as_str().unwrap().starts_with("https://"));
    let run = &sarif["runs"][0];
    assert_eq!(run["tool"]["driver"]["name"], "stackfit");
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    for rule in rules {
        for key in ["shortDescription", "fullDescription"] {
            let t = rule[key]["text"].as_str().unwrap();
            assert!(!t.is_empty() && t.chars().count() <= 1024, "{what}: {key}");
        }
        assert!(!rule["help"]["text"].as_str().unwrap().is_empty());
        assert!(!rule["help"]["markdown"].as_str().unwrap().is_empty());
    }
    let mut fingerprints = Vec::new();
    for res in run["results"].as_array().unwrap() {
        let i = res["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[i]["id"], res["ruleId"], "{what}: ruleIndex");
        assert!(!res["message"]["text"].as_str().unwrap().is_empty());
        if let Some(locs) = res["locations"].as_array() {
            let uri = locs[0]["physicalLocation"]["artifactLocation"]["uri"]
                .as_str()
                .unwrap();
            assert!(!uri.is_empty() && !uri.contains('\\'), "{what}: uri {uri}");
        }
        fingerprints.push(
            res["partialFingerprints"]["primaryLocationLineHash"]
                .as_str()
                .unwrap()
                .to_string(),
        );
    }
    let n = fingerprints.len();
    fingerprints.sort();
    fingerprints.dedup();
    assert_eq!(fingerprints.len(), n, "{what}: duplicate fingerprints");
    sarif
}

#[test]
fn sarif_of_every_example_is_valid_against_the_schema() {
    let v = sarif_validator();
    for ex in examples() {
        let path = format!("examples/{ex}");
        let (code, out) = analyze(&root(), &[&path, "--format", "sarif"]);
        assert_eq!(code, 0, "{ex}");
        let sarif = assert_valid_sarif(&v, &ex, &out);
        let props = &sarif["runs"][0]["properties"];
        assert!(props["outcome"].is_string(), "{ex}: {props}");
        assert!(props["score"].is_i64(), "{ex}: {props}");
        assert!(props["confidence"].is_string(), "{ex}: {props}");
    }
}

#[test]
fn the_validator_rejects_broken_sarif() {
    // The validation above could not fail if the schema accepted anything.
    let v = sarif_validator();
    let bad = serde_json::json!({
        "version": "2.1.0",
        "runs": [{"tool": {"driver": {"name": "stackfit"}},
                  "results": [{"message": {"text": "x"}, "level": "fatal"}]}]
    });
    assert!(!v.is_valid(&bad));
    let wrong_version = serde_json::json!({"version": "2.0.0", "runs": []});
    assert!(!v.is_valid(&wrong_version));
}

#[test]
fn assumed_facts_have_no_location_and_say_where_they_came_from() {
    let v = sarif_validator();
    let (code, out) = analyze(
        &root(),
        &[
            "examples/small-app",
            "--format",
            "sarif",
            "--assume",
            "hosts=3",
            "--report-scores",
        ],
    );
    assert_eq!(code, 0);
    let sarif = assert_valid_sarif(&v, "assume", &out);
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    let hosts = results
        .iter()
        .find(|r| r["ruleId"] == "R-HOSTS")
        .expect("R-HOSTS fires on hosts=3");
    assert!(hosts.get("locations").is_none(), "{hosts}");
    assert!(
        hosts["message"]["text"]
            .as_str()
            .unwrap()
            .contains("--assume"),
        "{hosts}"
    );
    // GitLab still needs a path: the first input file, line 1.
    let (_, gl) = analyze(
        &root(),
        &[
            "examples/small-app",
            "--format",
            "gitlab",
            "--assume",
            "hosts=3",
            "--report-scores",
        ],
    );
    let issues: Value = serde_json::from_str(&gl).unwrap();
    let issue = issues
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["check_name"] == "R-HOSTS")
        .unwrap();
    assert_eq!(issue["location"]["path"], "examples/small-app/compose.yaml");
    assert_eq!(issue["location"]["lines"]["begin"], 1);
}

fn fingerprints(sarif: &Value) -> Vec<(String, String, u64)> {
    sarif["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["ruleId"].as_str().unwrap().to_string(),
                r["partialFingerprints"]["primaryLocationLineHash"]
                    .as_str()
                    .unwrap()
                    .to_string(),
                r["locations"][0]["physicalLocation"]["region"]["startLine"]
                    .as_u64()
                    .unwrap(),
            )
        })
        .collect()
}

#[test]
fn fingerprints_survive_lines_moving() {
    let dir = tempfile::tempdir().unwrap();
    let original =
        std::fs::read_to_string(root().join("examples/microservices/compose.yaml")).unwrap();
    std::fs::write(dir.path().join("compose.yaml"), &original).unwrap();
    let (_, before) = analyze(dir.path(), &["--format", "sarif", "--report-scores"]);
    std::fs::write(
        dir.path().join("compose.yaml"),
        format!("# a comment\n# and another\n{original}"),
    )
    .unwrap();
    let (_, after) = analyze(dir.path(), &["--format", "sarif", "--report-scores"]);
    let before = fingerprints(&serde_json::from_str(&before).unwrap());
    let after = fingerprints(&serde_json::from_str(&after).unwrap());
    assert!(before.len() >= 5, "{before:?}");
    assert_eq!(before.len(), after.len());
    for (b, a) in before.iter().zip(&after) {
        assert_eq!(
            (&b.0, &b.1),
            (&a.0, &a.1),
            "fingerprint moved with the line"
        );
        assert_eq!(b.2 + 2, a.2, "{}: the location itself must move", b.0);
    }
    // The GitLab fingerprints are just as stable.
    std::fs::write(dir.path().join("compose.yaml"), &original).unwrap();
    let (_, gl_before) = analyze(dir.path(), &["--format", "gitlab"]);
    std::fs::write(
        dir.path().join("compose.yaml"),
        format!("# moved\n{original}"),
    )
    .unwrap();
    let (_, gl_after) = analyze(dir.path(), &["--format", "gitlab"]);
    let fp = |t: &str| -> Vec<String> {
        let v: Value = serde_json::from_str(t).unwrap();
        v.as_array()
            .unwrap()
            .iter()
            .map(|i| i["fingerprint"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(fp(&gl_before), fp(&gl_after));
    let mut unique = fp(&gl_before);
    unique.sort();
    unique.dedup();
    assert_eq!(
        unique.len(),
        fp(&gl_before).len(),
        "GitLab fingerprints must be unique"
    );
}

/// A broken compose file: exit 3, and every machine format still writes a complete report
/// that carries the error at its line.
#[test]
fn an_input_error_is_still_a_complete_report() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("compose.yaml"),
        "name: broken\n\nservices: [\n  web\n",
    )
    .unwrap();

    let (code, out) = analyze(dir.path(), &["--format", "sarif"]);
    assert_eq!(code, 3, "{out}");
    let sarif = assert_valid_sarif(&sarif_validator(), "input error", &out);
    let run = &sarif["runs"][0];
    assert_eq!(run["invocations"][0]["executionSuccessful"], false);
    assert!(run["properties"]["outcome"].is_null());
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), 1, "{out}");
    assert_eq!(results[0]["ruleId"], "invalid-yaml");
    assert_eq!(results[0]["level"], "error");
    let loc = &results[0]["locations"][0]["physicalLocation"];
    assert_eq!(loc["artifactLocation"]["uri"], "compose.yaml");
    let line = loc["region"]["startLine"].as_u64().unwrap();
    assert!((3..=5).contains(&line), "error at line {line}: {out}");

    let (code, out) = analyze(dir.path(), &["--format", "github"]);
    assert_eq!(code, 3);
    assert!(
        out.starts_with(&format!("::error file=compose.yaml,line={line},")),
        "{out}"
    );

    let (code, out) = analyze(dir.path(), &["--format", "gitlab"]);
    assert_eq!(code, 3);
    let issues: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(issues[0]["severity"], "critical");
    assert_eq!(issues[0]["location"]["lines"]["begin"], line);

    let (code, out) = analyze(dir.path(), &["--format", "junit"]);
    assert_eq!(code, 3);
    assert!(out.contains("errors=\"2\""), "{out}");
    assert!(out.contains(&format!("compose.yaml:{line}:")), "{out}");

    let (code, out) = analyze(dir.path(), &["--format", "markdown"]);
    assert_eq!(code, 3);
    assert!(out.starts_with("# stackfit: no recommendation"), "{out}");
}

#[test]
fn github_format_appends_the_step_summary() {
    let dir = tempfile::tempdir().unwrap();
    let summary = dir.path().join("step-summary.md");
    std::fs::write(&summary, "earlier step\n").unwrap();
    let out = common::stackfit()
        .current_dir(root())
        .env("GITHUB_STEP_SUMMARY", &summary)
        .args(["analyze", "examples/microservices", "--format", "github"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let text = std::fs::read_to_string(&summary).unwrap();
    assert!(
        text.starts_with("earlier step\n# stackfit: `kubernetes`"),
        "{text}"
    );
    assert!(text.contains("```mermaid\nflowchart LR\n"), "{text}");
    // The annotations on stdout are unchanged and never name the summary file.
    let (_, plain) = analyze(&root(), &["examples/microservices", "--format", "github"]);
    assert_eq!(stdout, plain);
    assert!(!stdout.contains(&summary.display().to_string()));
}

/// A suppression with a reason and one that suppresses nothing (a warning) reach every CI
/// format: SARIF marks the suppressed result, the others show the warning at its line.
#[test]
fn suppressions_and_warnings_reach_every_ci_format() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("compose.yaml"),
        "name: demo\nservices:\n  web:\n    image: ghcr.io/acme/web:1.0\n    \
         # stackfit: ignore[R-REPLICAS] nothing to ignore here\n    ports: [\"8080:8080\"]\n  \
         # stackfit: ignore[R-STATEFUL] the db | moves to a <managed> service\n  db:\n    \
         image: postgres:16\n",
    )
    .unwrap();

    let (code, out) = analyze(dir.path(), &["--format", "sarif"]);
    assert_eq!(code, 0, "warnings do not fail by default: {out}");
    let sarif = assert_valid_sarif(&sarif_validator(), "suppressions", &out);
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    let suppressed = results
        .iter()
        .find(|r| r["ruleId"] == "R-STATEFUL")
        .expect("the suppressed result is kept");
    assert_eq!(suppressed["suppressions"][0]["kind"], "inSource");
    assert_eq!(
        suppressed["suppressions"][0]["justification"],
        "the db | moves to a <managed> service"
    );
    let unused = results
        .iter()
        .find(|r| r["ruleId"] == "unused-suppression")
        .expect("the unused suppression is reported");
    assert_eq!(unused["level"], "warning");
    assert_eq!(
        unused["locations"][0]["physicalLocation"]["region"]["startLine"],
        5
    );

    let (_, gh) = analyze(dir.path(), &["--format", "github"]);
    assert!(
        gh.lines()
            .next()
            .unwrap()
            .starts_with("::warning file=compose.yaml,line=5,col=5,"),
        "warnings come first: {gh}"
    );

    let (_, gl) = analyze(dir.path(), &["--format", "gitlab"]);
    let issues: Value = serde_json::from_str(&gl).unwrap();
    let issue = issues
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["check_name"] == "unused-suppression")
        .unwrap();
    assert_eq!(issue["severity"], "minor");
    assert_eq!(issue["location"]["lines"]["begin"], 5);

    let (_, junit) = analyze(dir.path(), &["--format", "junit"]);
    assert!(junit.contains("failures=\"1\" errors=\"0\""), "{junit}");
    assert!(
        junit.contains("compose.yaml:8:3: suppressed: the db | moves to a &lt;managed&gt; service"),
        "{junit}"
    );

    let (_, md) = analyze(dir.path(), &["--format", "markdown"]);
    assert!(
        md.contains(
            "| R-STATEFUL | compose.yaml:8:3 | the db \\| moves to a &lt;managed&gt; service |"
        ),
        "{md}"
    );
}

#[test]
fn ci_formats_hold_no_score_lines_by_default() {
    for ex in examples() {
        let path = format!("examples/{ex}");
        let (_, sarif) = analyze(&root(), &[&path, "--format", "sarif"]);
        let sarif: Value = serde_json::from_str(&sarif).unwrap();
        assert_eq!(
            sarif["runs"][0]["results"].as_array().unwrap().len(),
            0,
            "{ex}: {sarif:#}"
        );
        let (_, gl) = analyze(&root(), &[&path, "--format", "gitlab"]);
        let gl: Value = serde_json::from_str(&gl).unwrap();
        assert!(gl.as_array().unwrap().is_empty(), "{ex}: {gl:#}");
        let (_, gh) = analyze(&root(), &[&path, "--format", "github"]);
        assert_eq!(
            gh.lines().filter(|l| l.starts_with("::")).count(),
            1,
            "{ex}: only the recommendation\n{gh}"
        );
        let (_, junit) = analyze(&root(), &[&path, "--format", "junit"]);
        assert_eq!(junit.matches("<testcase").count(), 1, "{ex}: {junit}");
        // Asked for, the score lines are results.
        let (_, sarif) = analyze(&root(), &[&path, "--format", "sarif", "--report-scores"]);
        let sarif: Value = serde_json::from_str(&sarif).unwrap();
        assert!(
            !sarif["runs"][0]["results"].as_array().unwrap().is_empty(),
            "{ex}"
        );
    }
}
