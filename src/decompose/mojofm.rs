//! Agreement between two partitions: MoJoFM (Wen & Tzerpos, "An effectiveness measure for software
//! clustering algorithms", 2004), pairwise precision/recall/F, and the RSF reader. It owns these formulas
//! only: it must not cluster, read files or know about stackfit's inputs.

use std::collections::{BTreeMap, BTreeSet};

use crate::tr;

/// A partition as object → cluster name.
pub type Partition = BTreeMap<String, String>;

/// Reads RSF (`contain <cluster> <object>` per line). An object on several lines keeps its
/// **last** line (the ASE'24 study's convention). Blank lines are skipped.
pub fn read_rsf(text: &str) -> Result<Partition, String> {
    let mut p = Partition::new();
    for (i, line) in text.lines().enumerate() {
        let parts: Vec<&str> = line.split_whitespace().collect();
        match parts.as_slice() {
            [] => {}
            ["contain", cluster, object] => {
                p.insert((*object).to_string(), (*cluster).to_string());
            }
            _ => {
                return Err(tr!("plan-rsf-bad-line", line = i + 1, text = line));
            }
        }
    }
    Ok(p)
}

/// Maximum bipartite matching (augmenting paths); `adj[a]` lists the right vertices of `a`.
fn max_matching(adj: &[Vec<usize>], right: usize) -> usize {
    fn augment(
        a: usize,
        adj: &[Vec<usize>],
        seen: &mut [bool],
        owner: &mut [Option<usize>],
    ) -> bool {
        for &b in &adj[a] {
            if seen[b] {
                continue;
            }
            seen[b] = true;
            if owner[b].is_none_or(|o| augment(o, adj, seen, owner)) {
                owner[b] = Some(a);
                return true;
            }
        }
        false
    }
    let mut owner = vec![None; right];
    let mut g = 0;
    for a in 0..adj.len() {
        let mut seen = vec![false; right];
        if augment(a, adj, &mut seen, &mut owner) {
            g += 1;
        }
    }
    g
}

/// `max mno(B)`: n − g*, g* counted over B's cluster sizes in ascending order (§2.1 step 7).
fn max_mno(truth_sizes: &[usize]) -> usize {
    let mut sizes = truth_sizes.to_vec();
    sizes.sort_unstable();
    let mut g = 0;
    for s in &sizes {
        if *s > g {
            g += 1;
        }
    }
    sizes.iter().sum::<usize>() - g
}

/// Name of the extra cluster that collects ground-truth objects missing from the candidate.
const UNOBSERVED: &str = "\u{0}unobserved";

/// MoJoFM(A, B) in percent: 100 means A equals the ground truth B.
pub fn mojofm(candidate: &Partition, truth: &Partition) -> f64 {
    // Align: B's objects only; missing ones go to one extra cluster of A.
    let mut a_clusters: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for obj in truth.keys() {
        let c = candidate.get(obj).map_or(UNOBSERVED, String::as_str);
        a_clusters.entry(c).or_default().push(obj);
    }
    let b_names: BTreeSet<&str> = truth.values().map(String::as_str).collect();
    let b_index: BTreeMap<&str, usize> = b_names.iter().enumerate().map(|(i, b)| (*b, i)).collect();
    let mut b_sizes = vec![0usize; b_index.len()];
    for c in truth.values() {
        b_sizes[b_index[c.as_str()]] += 1;
    }
    let mut moves = 0usize;
    let mut adj: Vec<Vec<usize>> = Vec::with_capacity(a_clusters.len());
    for objs in a_clusters.values() {
        let mut v = vec![0usize; b_index.len()];
        for o in objs {
            v[b_index[truth[*o].as_str()]] += 1;
        }
        let max = v.iter().copied().max().unwrap_or(0);
        moves += objs.len() - max;
        adj.push((0..v.len()).filter(|&j| v[j] == max).collect());
    }
    let g = max_matching(&adj, b_index.len());
    let joins = a_clusters.len() - g;
    let mno = moves + joins;
    let max = max_mno(&b_sizes);
    if max == 0 {
        return if mno == 0 { 100.0 } else { 0.0 };
    }
    (1.0 - mno as f64 / max as f64) * 100.0
}

/// Pairwise precision, recall and F over the ground truth's objects (a pair is positive when
/// both objects share a cluster; objects missing from the candidate are singletons there).
pub fn pairwise(candidate: &Partition, truth: &Partition) -> (f64, f64, f64) {
    let objs: Vec<&String> = truth.keys().collect();
    let (mut both, mut in_a, mut in_b) = (0u64, 0u64, 0u64);
    for i in 0..objs.len() {
        for j in i + 1..objs.len() {
            let a = match (candidate.get(objs[i]), candidate.get(objs[j])) {
                (Some(x), Some(y)) => x == y,
                _ => false,
            };
            let b = truth[objs[i]] == truth[objs[j]];
            both += u64::from(a && b);
            in_a += u64::from(a);
            in_b += u64::from(b);
        }
    }
    let p = if in_a == 0 {
        0.0
    } else {
        both as f64 / in_a as f64
    };
    let r = if in_b == 0 {
        0.0
    } else {
        both as f64 / in_b as f64
    };
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p, r, f)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn part(pairs: &[(&str, &str)]) -> Partition {
        pairs
            .iter()
            .map(|(o, c)| (o.to_string(), c.to_string()))
            .collect()
    }

    #[test]
    fn worked_check_from_the_definition() {
        // LdoD, everything in one cluster: sizes 37/11/11/4/4 → 51.61.
        let mut truth = Partition::new();
        let mut one = Partition::new();
        for (c, n) in [("T", 37), ("V", 11), ("W", 11), ("U", 4), ("G", 4)] {
            for i in 0..n {
                truth.insert(format!("{c}{i}"), c.to_string());
                one.insert(format!("{c}{i}"), "all".to_string());
            }
        }
        assert_eq!(max_mno(&[37, 11, 11, 4, 4]), 62);
        assert!((mojofm(&one, &truth) - 51.612_903).abs() < 1e-4);
        assert_eq!(mojofm(&truth, &truth), 100.0);
    }

    #[test]
    fn missing_objects_form_one_extra_cluster_and_extra_objects_are_ignored() {
        let truth = part(&[("a", "x"), ("b", "x"), ("c", "y"), ("d", "y")]);
        let cand = part(&[("a", "1"), ("b", "1"), ("z", "9")]);
        // A = {a,b}, unobserved {c,d}: moves 0, joins 0 → 100.
        assert_eq!(mojofm(&cand, &truth), 100.0);
        let split = part(&[("a", "1"), ("b", "2"), ("c", "3"), ("d", "3")]);
        // moves 0; rows 1,2 both max at x → g = 2, joins 1; max mno = 4 − 2 → 50.
        assert_eq!(mojofm(&split, &truth), 50.0);
    }

    #[test]
    fn rsf_keeps_the_last_line_and_rejects_garbage() {
        let p = read_rsf("contain a X\ncontain b X\n\ncontain c X\n").unwrap();
        assert_eq!(p["X"], "c");
        assert!(read_rsf("contain a\n").is_err());
    }

    #[test]
    fn pairwise_scores() {
        let truth = part(&[("a", "x"), ("b", "x"), ("c", "y")]);
        let (p, r, f) = pairwise(&truth, &truth);
        assert_eq!((p, r, f), (1.0, 1.0, 1.0));
        let one = part(&[("a", "1"), ("b", "1"), ("c", "1")]);
        let (p, r, _) = pairwise(&one, &truth);
        assert!((p - 1.0 / 3.0).abs() < 1e-12);
        assert_eq!(r, 1.0);
    }
}
