//! `shared/corpus/hints.tsv` as an integration test: for each real system, a smell expected
//! `present` is reported naming that service (`*`: any), one expected `absent` is not.

use serde_json::Value;

use crate::common;

#[test]
#[ignore = "needs the shared corpus: set STACKFIT_CORPUS"]
fn hint_expectations_of_real_systems_hold() {
    let corpus = common::corpus();
    let text = std::fs::read_to_string(corpus.join("hints.tsv")).unwrap();
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap().split('\t').collect();
    let col = |n: &str| header.iter().position(|h| *h == n).unwrap();
    let (ci, ck, cs, ce, cw) = (
        col("input"),
        col("kind"),
        col("service"),
        col("expect"),
        col("why"),
    );
    let mut reports: std::collections::BTreeMap<String, Value> = Default::default();
    let mut failures = Vec::new();
    let mut total = 0;
    for line in lines.filter(|l| !l.trim().is_empty()) {
        let f: Vec<&str> = line.split('\t').collect();
        total += 1;
        let report = reports.entry(f[ci].to_string()).or_insert_with(|| {
            let files: Vec<std::path::PathBuf> = f[ci].split('+').map(|p| corpus.join(p)).collect();
            let cwd = if files[0].is_dir() {
                files[0].clone()
            } else {
                files[0].parent().unwrap().to_path_buf()
            };
            let mut cmd = common::stackfit();
            cmd.current_dir(&cwd)
                .args(["analyze", "--format", "json", "--fail-on", "never"]);
            for file in &files {
                if file.is_dir() {
                    cmd.arg(file);
                } else {
                    cmd.arg("-f").arg(file);
                }
            }
            let out = cmd
                .timeout(std::time::Duration::from_secs(30))
                .output()
                .unwrap();
            serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
                panic!("{}: {e}: {}", f[ci], String::from_utf8_lossy(&out.stderr))
            })
        });
        let hints = report["hints"].as_array().unwrap();
        let names = |h: &Value| -> Vec<String> {
            h["services"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|s| s.as_str().map(str::to_string))
                .collect()
        };
        let matching = hints
            .iter()
            .any(|h| h["kind"] == f[ck] && (f[cs] == "*" || names(h).iter().any(|n| n == f[cs])));
        let want = f[ce] == "present";
        if matching != want {
            failures.push(format!(
                "{} {} {} {}: {} ({})",
                f[ci].split('/').nth(1).unwrap_or(f[ci]),
                f[ck],
                f[cs],
                f[ce],
                if want { "not reported" } else { "reported" },
                f[cw]
            ));
        }
    }
    println!("hints: {}/{total} rows hold", total - failures.len());
    assert!(
        failures.is_empty(),
        "{} of {total} rows fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
