//! `../shared/corpus/labels.tsv` as an integration test: every non-debatable row must give its
//! expected outcome, and no row may be confidently wrong (compose vs kubernetes with medium or
//! high confidence). Prints the agreement table.

use crate::common;

use serde_json::Value;

#[test]
#[ignore = "needs the shared corpus: set STACKFIT_CORPUS"]
fn labeled_systems_get_their_expected_outcome() {
    let corpus = common::corpus();
    let text = std::fs::read_to_string(corpus.join("labels.tsv")).unwrap();
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap().split('\t').collect();
    let col = |n: &str| header.iter().position(|h| *h == n).unwrap();
    let (ci, ca, ce, cd, cs) = (
        col("input"),
        col("assume"),
        col("expected"),
        col("debatable"),
        col("system"),
    );
    let mut failures = Vec::new();
    let mut table = Vec::new();
    let (mut agree, mut total) = (0, 0);
    for line in lines {
        let f: Vec<&str> = line.split('\t').collect();
        let files: Vec<std::path::PathBuf> = f[ci].split('+').map(|p| corpus.join(p)).collect();
        let cwd = files[0].parent().unwrap().to_path_buf();
        let mut cmd = common::stackfit();
        cmd.current_dir(&cwd).args(["analyze", "--format", "json"]);
        for file in &files {
            cmd.arg("-f").arg(file);
        }
        for a in f[ca].split_whitespace() {
            cmd.arg("--assume").arg(a);
        }
        let out = cmd
            .timeout(std::time::Duration::from_secs(20))
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            out.status.code() == Some(0) || out.status.code() == Some(1),
            "{}: exit {:?}: {stderr}",
            f[cs],
            out.status.code()
        );
        let report: Value = serde_json::from_slice(&out.stdout).unwrap();
        let rec = &report["recommendation"];
        let outcome = rec["outcome"].as_str().unwrap().to_string();
        let lean = rec["lean"].as_str().unwrap_or("").to_string();
        let confidence = rec["confidence"].as_str().unwrap().to_string();
        let score = rec["score"].as_i64().unwrap();
        let expected = f[ce];
        let debatable = f[cd] == "yes";
        let ok = outcome == expected;
        total += 1;
        if ok {
            agree += 1;
        }
        table.push(format!(
            "{:<4} {:<15} {:<28} {:>3} {:<7} {:<6} {} {}",
            if ok {
                "ok"
            } else if debatable {
                "~"
            } else {
                "FAIL"
            },
            expected,
            if lean.is_empty() {
                outcome.clone()
            } else {
                format!("{outcome} ({lean})")
            },
            score,
            confidence,
            if debatable { "debat" } else { "" },
            f[cs],
            f[ca]
        ));
        if !debatable && !ok {
            failures.push(format!(
                "{} [{}]: expected {expected}, got {outcome} (score {score}, {confidence})",
                f[cs], f[ca]
            ));
        }
        let opposite = (expected == "compose" && outcome == "kubernetes")
            || (expected == "kubernetes" && outcome == "compose");
        if opposite && confidence != "low" {
            failures.push(format!(
                "{} [{}]: confidently wrong: expected {expected}, got {outcome} with {confidence} confidence",
                f[cs], f[ca]
            ));
        }
    }
    println!("labels: {agree}/{total} agree\n{}", table.join("\n"));
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
