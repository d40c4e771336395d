//! Helpers shared by the integration tests: where `../shared` is, and a command builder.
#![allow(dead_code)]

use std::collections::BTreeSet;
use std::path::PathBuf;

use serde_json::Value;

/// The reason of every test that needs the shared corpus (`#[ignore = CORPUS]` takes a literal,
/// so the tests repeat it; this names it once for messages).
pub const CORPUS_VAR: &str = "STACKFIT_CORPUS";

/// A directory named by an environment variable: the corpus tests are ignored by default and,
/// when run (`cargo test -- --include-ignored`), read it. Unset or wrong, they fail loudly.
fn dir_from(var: &str, probe: &str, what: &str) -> PathBuf {
    let Some(v) = std::env::var_os(var) else {
        panic!(
            "{var} is not set: this test needs {what}; set {var} to its directory \
             (.ci/run sets {var}=../shared/…)"
        );
    };
    let p = PathBuf::from(v);
    assert!(
        p.join(probe).exists(),
        "{var}={} does not hold {probe}: it must name {what}",
        p.display()
    );
    // tests run commands in other directories: a relative value must not change meaning there
    std::fs::canonicalize(&p).unwrap_or(p)
}

/// The shared corpus (`shared/corpus`: compose files, manifests, references, labels), named
/// by `STACKFIT_CORPUS`.
pub fn corpus() -> PathBuf {
    dir_from(
        CORPUS_VAR,
        "reference/INDEX.tsv",
        "the shared corpus (shared/corpus)",
    )
}

/// The decomposition datasets (`shared/decomp-data`), named by `STACKFIT_DECOMP_DATA`.
pub fn decomp_data() -> PathBuf {
    dir_from(
        "STACKFIT_DECOMP_DATA",
        "README.md",
        "the decomposition datasets (shared/decomp-data)",
    )
}

/// An external tool named by an environment variable (`STACKFIT_DOT=dot`): the path or name
/// to run. Unset, the test that needs it fails with the variable's name; set to a program that
/// does not run, it fails too.
pub fn tool(var: &str, version_flag: &str) -> String {
    let Some(v) = std::env::var(var).ok().filter(|v| !v.is_empty()) else {
        panic!(
            "{var} is not set: this test needs the tool it names (.ci/run installs and sets it)"
        );
    };
    let ok = std::process::Command::new(&v)
        .arg(version_flag)
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(ok, "{var}={v} does not run (`{v} {version_flag}` failed)");
    v
}

/// Runs stackfit in `dir` with `args`, requires exit 0 and returns its JSON output.
pub fn json_in(dir: &std::path::Path, args: &[&str]) -> Value {
    let out = stackfit().current_dir(dir).args(args).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{} {args:?}: {}",
        dir.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
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
    let corpus = corpus();
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

/// What a report says about rules, in one list: the findings (problems in the input) and the
/// score lines of the recommendation (each with its evidence location), score lines given a
/// `rule` key like findings.
pub fn rule_entries(v: &serde_json::Value) -> Vec<serde_json::Value> {
    let mut out: Vec<serde_json::Value> = v["findings"].as_array().cloned().unwrap_or_default();
    for l in v["recommendation"]["rules"]
        .as_array()
        .into_iter()
        .flatten()
    {
        let mut l = l.clone();
        l["rule"] = l["id"].clone();
        out.push(l);
    }
    out
}

/// What the graph comparisons with Docker Compose compare: services with their image and
/// effective replicas, and the depends_on edges.
#[derive(Debug, PartialEq)]
pub struct Shape {
    pub services: Vec<(String, Option<String>, Option<u64>)>,
    pub depends_on: BTreeSet<(String, String)>,
}

pub fn reference_shape(v: &Value) -> Shape {
    let mut services = Vec::new();
    let mut depends_on = BTreeSet::new();
    if let Some(m) = v["services"].as_object() {
        for (name, s) in m {
            let replicas = if s["deploy"]["mode"].as_str() == Some("global") {
                None
            } else {
                Some(
                    s["deploy"]["replicas"]
                        .as_u64()
                        .or(s["scale"].as_u64())
                        .unwrap_or(1),
                )
            };
            services.push((
                name.clone(),
                s["image"].as_str().map(str::to_string),
                replicas,
            ));
            if let Some(d) = s["depends_on"].as_object() {
                for dep in d.keys() {
                    depends_on.insert((name.clone(), dep.clone()));
                }
            }
        }
    }
    services.sort();
    Shape {
        services,
        depends_on,
    }
}

pub fn stackfit_shape(v: &Value) -> Shape {
    let mut services = Vec::new();
    for s in v["services"].as_array().unwrap() {
        services.push((
            s["name"].as_str().unwrap().to_string(),
            s["image"].as_str().map(str::to_string),
            s["replicas"].as_u64(),
        ));
    }
    let depends_on = v["edges"]
        .as_array()
        .unwrap()
        .iter()
        // Compose turns links, volumes_from and network_mode/ipc `service:` into depends_on.
        .filter(|e| {
            ["depends_on", "links", "volumes_from", "network_mode"]
                .contains(&e["kind"].as_str().unwrap())
        })
        .map(|e| {
            (
                e["from"].as_str().unwrap().to_string(),
                e["to"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    Shape {
        services,
        depends_on,
    }
}
