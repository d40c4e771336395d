//! The loader against the reference implementation: every file of
//! `../shared/corpus/reference/INDEX.tsv` is loaded with the same `-f`, `--env-file` and
//! `--profile` arguments and working directory as `docker compose config` was, in an
//! environment of only PATH and HOME=/nonexistent. Accepted files must give the same service
//! names, images, effective replicas and depends_on edges; `negative` rejections must be
//! rejected too (exit 3).

use crate::common;

use serde_json::Value;

use crate::common::{reference_shape, stackfit_shape};

#[test]
#[ignore = "needs the shared corpus: set STACKFIT_CORPUS"]
fn corpus_matches_docker_compose_config() {
    let corpus = common::corpus();
    let rows = common::index_rows();
    assert!(rows.len() > 100, "INDEX.tsv has only {} rows", rows.len());
    let mut failures = Vec::new();
    let (mut ok, mut rejected) = (0, 0);
    for row in &rows {
        let cwd = row.repo_dir.join(&row.dir);
        let out = common::stackfit()
            .current_dir(&cwd)
            .arg("graph")
            .args(&row.args)
            .args(["--format", "json"])
            .timeout(std::time::Duration::from_secs(20))
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            !stderr.contains("panicked"),
            "{}: panic: {stderr}",
            row.input
        );
        match row.status.as_str() {
            "ok" | "ok-after-fixups" => {
                if out.status.code() != Some(0) {
                    failures.push(format!("{}: rejected: {}", row.input, stderr.trim()));
                    continue;
                }
                let ours: Value = serde_json::from_slice(&out.stdout).unwrap();
                let reference: Value = serde_json::from_str(
                    &std::fs::read_to_string(corpus.join("reference").join(&row.reference))
                        .unwrap(),
                )
                .unwrap();
                let (a, b) = (stackfit_shape(&ours), reference_shape(&reference));
                if a != b {
                    failures.push(format!(
                        "{}: differs\n  stackfit:  {a:?}\n  reference: {b:?}",
                        row.input
                    ));
                } else {
                    ok += 1;
                }
            }
            "rejected" if row.reject_kind == "negative" => {
                if out.status.code() != Some(3) {
                    failures.push(format!(
                        "{}: must be rejected with exit 3, got {:?}",
                        row.input,
                        out.status.code()
                    ));
                } else {
                    rejected += 1;
                }
            }
            _ => {}
        }
    }
    println!("corpus: {ok} accepted files match the reference, {rejected} negative files rejected");
    assert!(
        failures.is_empty(),
        "{} corpus mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
