//! Helpers shared by the integration tests: where `../shared` is, and a command builder.
#![allow(dead_code)]

use std::path::PathBuf;

/// `../shared` beside the checkout. Tests that need it fail loudly when it is missing.
pub fn shared() -> PathBuf {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared");
    assert!(
        p.join("corpus/reference/INDEX.tsv").is_file(),
        "../shared (the corpus beside the checkout) is missing at {}; these tests need it",
        p.display()
    );
    p
}

pub fn stackfit() -> assert_cmd::Command {
    let mut c = assert_cmd::Command::new(env!("CARGO_BIN_EXE_stackfit"));
    c.env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("HOME", "/nonexistent");
    c
}

/// One row of `corpus/reference/INDEX.tsv`.
#[derive(Debug, Clone)]
pub struct IndexRow {
    pub input: String,
    pub reference: String,
    pub status: String,
    pub reject_kind: String,
    /// Working directory relative to `corpus/compose/<owner>__<repo>/`.
    pub dir: String,
    pub repo_dir: PathBuf,
    /// Arguments for stackfit: `--env-file`, `-f`, `--profile`, in order.
    pub args: Vec<String>,
}

pub fn index_rows() -> Vec<IndexRow> {
    let corpus = shared().join("corpus");
    let text = std::fs::read_to_string(corpus.join("reference/INDEX.tsv")).unwrap();
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap().split('\t').collect();
    let col = |name: &str| header.iter().position(|h| *h == name).unwrap();
    let (ci, cr, cs, ck, cc) = (
        col("input"),
        col("reference"),
        col("status"),
        col("reject_kind"),
        col("command"),
    );
    let mut rows = Vec::new();
    for line in lines {
        let f: Vec<&str> = line.split('\t').collect();
        let input = f[ci].to_string();
        let owner_repo = input.split('/').nth(1).unwrap().to_string();
        let command = f[cc];
        // `[cp a b; ](cd DIR && docker compose ARGS config --format json)`
        let inner = &command[command.find("(cd ").unwrap() + 4..command.rfind(')').unwrap()];
        let (dir, rest) = inner.split_once(" && ").unwrap();
        let rest = rest.strip_prefix("docker compose ").unwrap();
        let rest = rest.strip_suffix(" config --format json").unwrap();
        let mut args = Vec::new();
        let words: Vec<&str> = rest.split(' ').collect();
        let mut i = 0;
        while i < words.len() {
            let w = words[i];
            let v = words[i + 1].trim_matches('\'').to_string();
            match w {
                "-f" | "--env-file" | "--profile" | "--project-name" => {
                    args.extend([w.to_string(), v])
                }
                other => panic!("unexpected word {other} in {command}"),
            }
            i += 2;
        }
        rows.push(IndexRow {
            input,
            reference: f[cr].to_string(),
            status: f[cs].to_string(),
            reject_kind: f[ck].to_string(),
            dir: dir.to_string(),
            repo_dir: corpus.join("compose").join(&owner_repo),
            args,
        });
    }
    rows
}
