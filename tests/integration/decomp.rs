//! Evaluation harness of `stackfit decompose` on the expert decompositions of
//! `../shared/decomp-data` (decomposition.md §3–§4): MoJoFM reference vectors, then the one
//! frozen default configuration scored on every dataset and printed beside the published
//! tools. Run with `STACKFIT_DECOMP_DATA=../shared/decomp-data cargo test --test integration decomp -- --include-ignored --nocapture` to see the table.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use stackfit::decompose::mojofm::{self, Partition};
use stackfit::decompose::{Config, Decomposition, decompose};
use stackfit::input::ReadLimits;
use stackfit::input::monolith as input;
use stackfit::source::SourceMap;

fn data() -> PathBuf {
    crate::common::decomp_data()
}

fn read(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn short(fqn: &str) -> &str {
    fqn.rsplit('.').next().unwrap_or(fqn)
}

const APPS: &[&str] = &["jpetstore", "spring-petclinic"];

fn app_dir(app: &str) -> PathBuf {
    data().join("wyw121__artifact").join(app)
}

fn truth(app: &str) -> Partition {
    mojofm::read_rsf(&read(&app_dir(app).join("ground_truth.rsf"))).expect("valid RSF")
}

fn class_nodes(app: &str) -> Vec<String> {
    read(&app_dir(app).join("class_nodes.csv"))
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect()
}

/// `(ClassA, ClassB, ReferenceCount)` rows of `class_structural_static.csv`.
fn class_edges(app: &str) -> Vec<(String, String, f64)> {
    read(&app_dir(app).join("class_structural_static.csv"))
        .lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split(',').collect();
            assert_eq!(f.len(), 4, "unexpected row {l}");
            (
                f[1].to_string(),
                f[2].to_string(),
                f[3].trim().parse().expect("count"),
            )
        })
        .collect()
}

/// The ASE'24 class graph as stackfit's architecture format (§6: `monolith.modules` with
/// `depends-on` weights, no tables).
fn class_graph_yaml(app: &str) -> String {
    let mut deps: BTreeMap<String, Vec<(String, f64)>> = BTreeMap::new();
    for (a, b, w) in class_edges(app) {
        deps.entry(a).or_default().push((b, w));
    }
    let mut y =
        format!("kind: stackfit/architecture\nversion: 1\nmonolith:\n  name: {app}\n  modules:\n");
    for c in class_nodes(app) {
        match deps.get(&c) {
            Some(d) => {
                y.push_str(&format!("    \"{c}\":\n      depends-on:\n"));
                for (to, w) in d {
                    y.push_str(&format!("        \"{to}\": {w}\n"));
                }
            }
            None => y.push_str(&format!("    \"{c}\": {{}}\n")),
        }
    }
    y
}

/// The same class graph as a DOT digraph, as jdeps would write it.
fn class_graph_dot(app: &str) -> String {
    let mut s = format!("digraph \"{app}\" {{\n  // classes\n");
    for c in class_nodes(app) {
        s.push_str(&format!("  \"{c}\";\n"));
    }
    for (a, b, w) in class_edges(app) {
        s.push_str(&format!("  \"{a}\" -> \"{b}\" [weight={w}];\n"));
    }
    s.push_str("}\n");
    s
}

/// LdoD's functionality × entity accesses as use cases with reads/writes (§6).
fn ldod_yaml() -> String {
    let p = data().join("socialsoftware__mono2micro/ldod/functionality_entity_accesses.json");
    let acc: BTreeMap<String, Vec<(String, String)>> =
        serde_json::from_str(&read(&p)).expect("valid JSON");
    let mut y = String::from(
        "kind: stackfit/architecture\nversion: 1\nmonolith:\n  name: ldod\n  use-cases:\n",
    );
    for (f, list) in &acc {
        let writes: BTreeSet<&str> = list
            .iter()
            .filter(|(_, m)| m == "W")
            .map(|(e, _)| e.as_str())
            .collect();
        let reads: BTreeSet<&str> = list
            .iter()
            .map(|(e, _)| e.as_str())
            .filter(|e| !writes.contains(e))
            .collect();
        let fmt = |s: &BTreeSet<&str>| s.iter().copied().collect::<Vec<_>>().join(", ");
        y.push_str(&format!(
            "    \"{f}\": {{reads: [{}], writes: [{}]}}\n",
            fmt(&reads),
            fmt(&writes)
        ));
    }
    y
}

fn ldod_truth() -> Partition {
    let p = data().join("socialsoftware__mono2micro/ldod/expert_decomposition.json");
    let v: serde_json::Value = serde_json::from_str(&read(&p)).expect("valid JSON");
    let mut t = Partition::new();
    for (c, list) in v["clusters"].as_object().expect("clusters") {
        for e in list.as_array().expect("list") {
            t.insert(e.as_str().expect("name").to_string(), c.clone());
        }
    }
    t
}

fn run_text(name: &str, text: &str, cfg: &Config) -> Decomposition {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join(name);
    std::fs::write(&path, text).expect("write");
    let mut sm = SourceMap::default();
    let d = input::load(&path, &mut sm, &ReadLimits::default())
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    decompose(&d, cfg, name)
}

/// Candidate partition on short class names (members) or on tables.
fn partition(r: &Decomposition, tables: bool) -> Partition {
    let mut p = Partition::new();
    for c in &r.candidates {
        let objs = if tables { &c.tables } else { &c.members };
        for o in objs {
            p.insert(short(o).to_string(), c.name.clone());
        }
    }
    p
}

fn class_score(app: &str, cfg: &Config) -> (f64, usize) {
    let r = run_text(&format!("{app}.yaml"), &class_graph_yaml(app), cfg);
    (
        mojofm::mojofm(&partition(&r, false), &truth(app)),
        r.candidates.len(),
    )
}

fn ldod_score(cfg: &Config) -> (f64, f64, usize) {
    let r = run_text("ldod.yaml", &ldod_yaml(), cfg);
    let p = partition(&r, true);
    let t = ldod_truth();
    (
        mojofm::mojofm(&p, &t),
        mojofm::pairwise(&p, &t).2,
        r.candidates.len(),
    )
}

#[test]
#[ignore = "needs the decomposition datasets: set STACKFIT_DECOMP_DATA"]
fn mojofm_reproduces_the_reference_vectors() {
    // decomposition.md §2.1: candidate file → (JPetStore, PetClinic)
    let vectors: &[(&str, f64, f64)] = &[
        ("datacentric_n_partitions.rsf", 76.19, 57.89),
        ("hydec_n_partitions.rsf", 57.14, 36.84),
        ("log2ms_n_partitions.rsf", 100.00, 52.63),
        ("mem_4_3600_100_10_LC_final.rsf", 38.10, 31.58),
        ("mem_4_3600_100_10_TS_final.rsf", 33.33, 31.58),
        ("mono2micro_3_partitions_business.rsf", 57.14, 36.84),
        ("mono2micro_3_partitions_natural.rsf", 33.33, 36.84),
    ];
    for (i, app) in APPS.iter().enumerate() {
        let t = truth(app);
        for (file, a, b) in vectors {
            let cand =
                mojofm::read_rsf(&read(&app_dir(app).join("tool_decompositions").join(file)))
                    .expect("valid RSF");
            let want = if i == 0 { *a } else { *b };
            let got = mojofm::mojofm(&cand, &t);
            assert!(
                (got - want).abs() < 0.005,
                "{app} {file}: {got:.2} ≠ {want}"
            );
        }
        let one: Partition = t.keys().map(|k| (k.clone(), "all".to_string())).collect();
        let by_pkg = package_baseline(app);
        let (one_want, pkg_want) = if i == 0 {
            (33.33, 38.10)
        } else {
            (26.32, 68.42)
        };
        assert!((mojofm::mojofm(&one, &t) - one_want).abs() < 0.005);
        assert!((mojofm::mojofm(&by_pkg, &t) - pkg_want).abs() < 0.005);
        assert_eq!(mojofm::mojofm(&t, &t), 100.0);
    }
    let t = ldod_truth();
    let one: Partition = t.keys().map(|k| (k.clone(), "all".to_string())).collect();
    assert!((mojofm::mojofm(&one, &t) - 51.61).abs() < 0.005);
    assert!((mojofm::pairwise(&one, &t).2 - 0.53).abs() < 0.005);
}

fn package_baseline(app: &str) -> Partition {
    class_nodes(app)
        .iter()
        .map(|c| {
            let pkg = c.rsplit_once('.').map_or("", |x| x.0);
            (short(c).to_string(), pkg.to_string())
        })
        .collect()
}

#[test]
#[ignore = "needs the decomposition datasets: set STACKFIT_DECOMP_DATA"]
fn dot_and_architecture_inputs_give_the_same_split() {
    let cfg = Config::default();
    for app in APPS {
        let a = run_text("g.yaml", &class_graph_yaml(app), &cfg);
        let d = run_text("g.dot", &class_graph_dot(app), &cfg);
        assert_eq!(a.candidates, d.candidates, "{app}");
        assert_eq!(a.cut_edges, d.cut_edges, "{app}");
    }
}

#[test]
#[ignore = "needs the decomposition datasets: set STACKFIT_DECOMP_DATA"]
fn frozen_default_configuration_on_every_dataset() {
    let cfg = Config::default();
    let published: BTreeMap<&str, [&str; 5]> = BTreeMap::from([
        ("jpetstore", ["76.19", "57.14", "57.14", "38.10", "100.0"]),
        (
            "spring-petclinic",
            ["57.89", "36.84", "47.37", "31.58", "52.63"],
        ),
    ]);
    println!(
        "\nMoJoFM, frozen default configuration ({} seeds, base seed {}, γ {}):",
        cfg.runs, cfg.seed, cfg.resolution
    );
    println!(
        "| dataset | stackfit | k | one cluster | by package | Data-Centric | HyDec | Mono2Micro | MEM | Log2MS |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|");
    let mut scores = BTreeMap::new();
    for app in APPS {
        let t = truth(app);
        let (score, k) = class_score(app, &cfg);
        let one: Partition = t.keys().map(|x| (x.clone(), "all".to_string())).collect();
        let p = published[app];
        println!(
            "| {app} (in-sample) | **{score:.2}** | {k} | {:.2} | {:.2} | {} | {} | {} | {} | {} |",
            mojofm::mojofm(&one, &t),
            mojofm::mojofm(&package_baseline(app), &t),
            p[0],
            p[1],
            p[2],
            p[3],
            p[4]
        );
        scores.insert(*app, score);
    }
    let (ldod, f, k) = ldod_score(&cfg);
    println!(
        "| ldod entities (in-sample) | **{ldod:.2}** (F {f:.2}) | {k} | 51.61 (F 0.53) | — | — | — | — | — | — |"
    );
    // PetClinic's entity-level expert cut, read off the class-level split
    let pc = run_text("pc.yaml", &class_graph_yaml("spring-petclinic"), &cfg);
    let ents: Partition = {
        let p =
            data().join("socialsoftware__mono2micro/petclinic/expert_decomposition_entities.json");
        let v: serde_json::Value = serde_json::from_str(&read(&p)).expect("valid JSON");
        let mut t = Partition::new();
        for (c, list) in v["clusters"].as_object().expect("clusters") {
            for e in list.as_array().expect("list") {
                t.insert(e.as_str().expect("name").to_string(), c.clone());
            }
        }
        t
    };
    let pc_ents = mojofm::mojofm(&partition(&pc, false), &ents);
    println!(
        "| petclinic entities (from the class split) | **{pc_ents:.2}** | — | — | — | — | — | — | — | — |"
    );
    println!(
        "Reference: Louvain baselines of decomposition.md §1.1 (JPetStore 57.1–81.0, PetClinic 47.4–57.9); LdoD naive Louvain 83.9 / F 0.83."
    );

    // D1 and D2 of decomposition.md §4, asserted at what the frozen defaults reach.
    for (app, s) in &scores {
        assert!(*s >= 50.0, "{app}: MoJoFM {s:.2} < 50");
    }
    assert!(ldod >= 80.0, "LdoD MoJoFM {ldod:.2} < 80");
    assert!(f >= 0.80, "LdoD pairwise F {f:.2} < 0.80");
}

/// The seed only permutes the visit order; the consensus answer should barely move.
#[test]
#[ignore = "needs the decomposition datasets: set STACKFIT_DECOMP_DATA"]
fn consensus_is_stable_across_base_seeds() {
    let mut cfg = Config::default();
    let mut seen = Vec::new();
    for seed in [1, 2, 3, 4, 5] {
        cfg.seed = seed;
        seen.push(ldod_score(&cfg).0);
    }
    let min = seen.iter().copied().fold(f64::INFINITY, f64::min);
    let max = seen.iter().copied().fold(0.0, f64::max);
    println!("LdoD MoJoFM over base seeds 1–5: {seen:.2?}");
    assert!(
        max - min <= 10.0,
        "consensus unstable across seeds: {seen:?}"
    );
}
