//! Deterministic community detection on a weighted undirected petgraph: multi-level Louvain
//! (modularity with resolution γ) with a seeded visit order, a split of disconnected
//! communities (Leiden's guarantee), and a consensus over several seeds with per-community
//! stability. It owns the clustering arithmetic only: no evidence weighting, no naming, no I/O.
//! Same input and seed → the same partition on every platform (fixed summation order, index
//! tie-breaks, SplitMix64, no hash maps).

use petgraph::graph::{NodeIndex, UnGraph};
use petgraph::visit::EdgeRef;

/// SplitMix64: tiny, portable, seedable.
#[derive(Debug, Clone)]
pub struct SplitMix64(u64);

impl SplitMix64 {
    pub fn new(seed: u64) -> Self {
        SplitMix64(seed)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in `0..n` (n > 0), by rejection (no modulo bias).
    pub fn below(&mut self, n: usize) -> usize {
        let n = n as u64;
        let zone = u64::MAX - u64::MAX % n;
        loop {
            let v = self.next_u64();
            if v < zone {
                return (v % n) as usize;
            }
        }
    }
    pub fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = self.below(i + 1);
            v.swap(i, j);
        }
    }
}

/// Compressed adjacency: neighbours sorted by index, self-loops kept apart.
#[derive(Debug, Clone)]
struct Csr {
    start: Vec<usize>,
    nbr: Vec<(usize, f64)>,
    self_w: Vec<f64>,
}

impl Csr {
    fn n(&self) -> usize {
        self.self_w.len()
    }
    fn neighbours(&self, i: usize) -> &[(usize, f64)] {
        &self.nbr[self.start[i]..self.start[i + 1]]
    }
    /// Weighted degree: Σ incident weights, a self-loop counting twice.
    fn degree(&self, i: usize) -> f64 {
        self.neighbours(i).iter().map(|(_, w)| w).sum::<f64>() + 2.0 * self.self_w[i]
    }

    fn from_graph(g: &UnGraph<(), f64>) -> Csr {
        let n = g.node_count();
        let mut lists: Vec<Vec<(usize, f64)>> = vec![Vec::new(); n];
        let mut self_w = vec![0.0; n];
        for e in g.edge_references() {
            let (a, b, w) = (e.source().index(), e.target().index(), *e.weight());
            if !(w.is_finite() && w > 0.0) {
                continue;
            }
            if a == b {
                self_w[a] += w;
            } else {
                lists[a].push((b, w));
                lists[b].push((a, w));
            }
        }
        Csr::from_lists(lists, self_w)
    }

    /// Sorts and merges parallel entries (summing in index order, so sums are reproducible).
    fn from_lists(mut lists: Vec<Vec<(usize, f64)>>, self_w: Vec<f64>) -> Csr {
        let mut start = Vec::with_capacity(lists.len() + 1);
        let mut nbr = Vec::new();
        start.push(0);
        for l in &mut lists {
            l.sort_by(|x, y| x.0.cmp(&y.0).then(x.1.total_cmp(&y.1)));
            let mut last: Option<usize> = None;
            for &(j, w) in l.iter() {
                if last == Some(j) {
                    if let Some(x) = nbr.last_mut() {
                        let x: &mut (usize, f64) = x;
                        x.1 += w;
                    }
                } else {
                    nbr.push((j, w));
                    last = Some(j);
                }
            }
            start.push(nbr.len());
        }
        Csr { start, nbr, self_w }
    }

    /// The graph of communities: node c = community c, weights summed.
    fn aggregate(&self, comm: &[usize], k: usize) -> Csr {
        let mut lists: Vec<Vec<(usize, f64)>> = vec![Vec::new(); k];
        let mut self_w = vec![0.0; k];
        for i in 0..self.n() {
            let ci = comm[i];
            self_w[ci] += self.self_w[i];
            for &(j, w) in self.neighbours(i) {
                let cj = comm[j];
                if ci == cj {
                    // each internal edge is seen from both ends
                    if i < j {
                        self_w[ci] += w;
                    }
                } else {
                    lists[ci].push((cj, w));
                }
            }
        }
        Csr::from_lists(lists, self_w)
    }
}

/// Renumbers labels 0..k in order of first appearance by node index; returns k.
fn renumber(labels: &mut [usize]) -> usize {
    let mut map = vec![usize::MAX; labels.len().max(1)];
    let mut next = 0;
    for l in labels.iter_mut() {
        if map[*l] == usize::MAX {
            map[*l] = next;
            next += 1;
        }
        *l = map[*l];
    }
    next
}

const EPS: f64 = 1e-12;

/// One level of local moving. Returns the community of each node (renumbered) and whether
/// any node moved.
fn local_moving(g: &Csr, gamma: f64, rng: &mut SplitMix64) -> (Vec<usize>, bool) {
    let n = g.n();
    let k: Vec<f64> = (0..n).map(|i| g.degree(i)).collect();
    let m2: f64 = k.iter().sum();
    let mut comm: Vec<usize> = (0..n).collect();
    if m2 <= 0.0 {
        return (comm, false);
    }
    let mut tot = k.clone();
    let mut order: Vec<usize> = (0..n).collect();
    rng.shuffle(&mut order);
    let mut w_to = vec![0.0f64; n];
    let mut mark = vec![false; n];
    let mut touched: Vec<usize> = Vec::new();
    let mut moved_any = false;
    for _pass in 0..64 {
        let mut moved = 0usize;
        for &i in &order {
            let ci = comm[i];
            for &(j, w) in g.neighbours(i) {
                let cj = comm[j];
                if !mark[cj] {
                    mark[cj] = true;
                    touched.push(cj);
                }
                w_to[cj] += w;
            }
            tot[ci] -= k[i];
            let scale = gamma * k[i] / m2;
            let mut best = ci;
            let mut best_gain = w_to[ci] - scale * tot[ci];
            for &c in &touched {
                let gain = w_to[c] - scale * tot[c];
                if gain > best_gain + EPS || ((gain - best_gain).abs() <= EPS && c < best) {
                    best = c;
                    best_gain = gain;
                }
            }
            tot[best] += k[i];
            if best != ci {
                comm[i] = best;
                moved += 1;
            }
            for &c in &touched {
                w_to[c] = 0.0;
                mark[c] = false;
            }
            touched.clear();
        }
        if moved == 0 {
            break;
        }
        moved_any = true;
    }
    renumber(&mut comm);
    (comm, moved_any)
}

/// Louvain: local moving then aggregation until nothing moves. Returns a label per node,
/// numbered by first appearance.
fn louvain(base: &Csr, gamma: f64, seed: u64) -> Vec<usize> {
    let mut rng = SplitMix64::new(seed);
    let mut labels: Vec<usize> = (0..base.n()).collect();
    let mut g = base.clone();
    for _level in 0..32 {
        let (comm, moved) = local_moving(&g, gamma, &mut rng);
        if !moved {
            break;
        }
        for l in labels.iter_mut() {
            *l = comm[*l];
        }
        let k = comm.iter().copied().max().map_or(0, |m| m + 1);
        g = g.aggregate(&comm, k);
    }
    split_disconnected(base, &mut labels);
    labels
}

/// Splits every community into its connected components (inside the community).
fn split_disconnected(g: &Csr, labels: &mut [usize]) {
    let n = g.n();
    let mut comp = vec![usize::MAX; n];
    let mut next = 0;
    let mut stack = Vec::new();
    for s in 0..n {
        if comp[s] != usize::MAX {
            continue;
        }
        comp[s] = next;
        stack.push(s);
        while let Some(i) = stack.pop() {
            for &(j, _) in g.neighbours(i) {
                if comp[j] == usize::MAX && labels[j] == labels[s] {
                    comp[j] = next;
                    stack.push(j);
                }
            }
        }
        next += 1;
    }
    labels.copy_from_slice(&comp);
    renumber(labels);
}

/// Newman modularity with resolution γ.
fn modularity_csr(g: &Csr, labels: &[usize], gamma: f64) -> f64 {
    let n = g.n();
    let k: Vec<f64> = (0..n).map(|i| g.degree(i)).collect();
    let m2: f64 = k.iter().sum();
    if m2 <= 0.0 {
        return 0.0;
    }
    let kc = labels.iter().copied().max().map_or(0, |m| m + 1);
    let mut inside = vec![0.0; kc];
    let mut tot = vec![0.0; kc];
    for i in 0..n {
        tot[labels[i]] += k[i];
        inside[labels[i]] += 2.0 * g.self_w[i];
        for &(j, w) in g.neighbours(i) {
            if labels[j] == labels[i] {
                inside[labels[i]] += w;
            }
        }
    }
    (0..kc)
        .map(|c| inside[c] / m2 - gamma * (tot[c] / m2).powi(2))
        .sum()
}

/// Modularity of a labelling of `g` (γ = resolution).
pub fn modularity(g: &UnGraph<(), f64>, labels: &[usize], gamma: f64) -> f64 {
    modularity_csr(&Csr::from_graph(g), labels, gamma)
}

/// What a consensus run found.
#[derive(Debug, Clone)]
pub struct Consensus {
    /// Community label per node, numbered by first appearance.
    pub labels: Vec<usize>,
    /// The first-round partitions (one per seed), for stability.
    pub runs: Vec<Vec<usize>>,
    /// Consensus rounds needed until every run agreed (0: the seeds agreed at once).
    pub rounds: usize,
}

/// Seed of run `r` derived from the base seed.
fn run_seed(base: u64, r: usize) -> u64 {
    SplitMix64::new(base ^ (r as u64).wrapping_mul(0xA24B_AED4_963E_E407)).next_u64()
}

/// Consensus clustering (Lancichinetti & Fortunato, restricted to the graph's edges): run
/// Louvain with `runs` seeds; while the runs disagree, re-cluster the graph whose edge
/// weights are the share of runs that put both ends together (shares below ½ dropped).
/// The agreement graph is re-clustered at γ = 1: its weights are shares, not evidence, and
/// the requested γ already shaped the first round. When rounds run out, the
/// highest-modularity partition (at γ) of the last round wins.
pub fn consensus(g: &UnGraph<(), f64>, gamma: f64, seed: u64, runs: usize) -> Consensus {
    let base = Csr::from_graph(g);
    let runs = runs.max(1);
    let first: Vec<Vec<usize>> = (0..runs)
        .map(|r| louvain(&base, gamma, run_seed(seed, r)))
        .collect();
    let mut current = first.clone();
    let mut rounds = 0;
    const MAX_ROUNDS: usize = 8;
    while rounds < MAX_ROUNDS && current.iter().any(|p| p != &current[0]) {
        rounds += 1;
        let n = base.n();
        let mut lists: Vec<Vec<(usize, f64)>> = vec![Vec::new(); n];
        for i in 0..n {
            for &(j, _) in base.neighbours(i) {
                let together = current.iter().filter(|p| p[i] == p[j]).count();
                let share = together as f64 / current.len() as f64;
                if share >= 0.5 {
                    lists[i].push((j, share));
                }
            }
        }
        let d = Csr::from_lists(lists, vec![0.0; n]);
        current = (0..runs)
            .map(|r| {
                let mut l = louvain(&d, 1.0, run_seed(seed, r + rounds * runs));
                // a consensus community must stay connected in the evidence graph
                split_disconnected(&base, &mut l);
                l
            })
            .collect();
    }
    let best = current
        .iter()
        .enumerate()
        .map(|(i, p)| (i, modularity_csr(&base, p, gamma)))
        .fold((0usize, f64::NEG_INFINITY), |acc, (i, q)| {
            if q > acc.1 + EPS { (i, q) } else { acc }
        })
        .0;
    Consensus {
        labels: current.swap_remove(best),
        runs: first,
        rounds,
    }
}

/// Community sizes of each run (labels are dense, numbered from 0).
pub fn run_sizes(runs: &[Vec<usize>]) -> Vec<Vec<usize>> {
    runs.iter()
        .map(|run| {
            let mut sizes = vec![0usize; run.iter().max().map_or(0, |m| m + 1)];
            for &l in run {
                sizes[l] += 1;
            }
            sizes
        })
        .collect()
}

/// Share of runs that found `members` as one community: per run, the best Jaccard overlap of
/// `members` with one of that run's communities, averaged over the runs. `sizes` comes from
/// [`run_sizes`].
pub fn stability(members: &[usize], runs: &[Vec<usize>], sizes: &[Vec<usize>]) -> f64 {
    if runs.is_empty() || members.is_empty() {
        return 0.0;
    }
    let mut total = 0.0;
    for (run, run_sizes) in runs.iter().zip(sizes) {
        // count members per label of this run
        let mut counts: Vec<(usize, usize)> = Vec::new();
        for &m in members {
            match counts.iter_mut().find(|(l, _)| *l == run[m]) {
                Some(c) => c.1 += 1,
                None => counts.push((run[m], 1)),
            }
        }
        let mut best = 0.0f64;
        for (label, inter) in counts {
            let size = run_sizes[label];
            let union = members.len() + size - inter;
            best = best.max(inter as f64 / union as f64);
        }
        total += best;
    }
    total / runs.len() as f64
}

/// Builds an undirected graph with `n` nodes and the given weighted edges.
pub fn graph(n: usize, edges: impl IntoIterator<Item = (usize, usize, f64)>) -> UnGraph<(), f64> {
    let mut g = UnGraph::with_capacity(n, 0);
    for _ in 0..n {
        g.add_node(());
    }
    for (a, b, w) in edges {
        g.add_edge(NodeIndex::new(a), NodeIndex::new(b), w);
    }
    g
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two 5-cliques joined by one light edge, plus an isolated node.
    fn two_cliques() -> UnGraph<(), f64> {
        let mut e = Vec::new();
        for base in [0, 5] {
            for i in 0..5 {
                for j in i + 1..5 {
                    e.push((base + i, base + j, 1.0));
                }
            }
        }
        e.push((4, 5, 0.1));
        graph(11, e)
    }

    #[test]
    fn finds_the_two_cliques_for_every_seed() {
        let g = two_cliques();
        for seed in 0..20 {
            let c = consensus(&g, 1.0, seed, 4);
            assert_eq!(c.labels[..10], [0, 0, 0, 0, 0, 1, 1, 1, 1, 1]);
            assert_eq!(c.labels[10], 2, "isolated node stays alone");
            assert_eq!(
                stability(&[0, 1, 2, 3, 4], &c.runs, &run_sizes(&c.runs)),
                1.0
            );
        }
        let q = modularity(&g, &consensus(&g, 1.0, 1, 4).labels, 1.0);
        assert!(q > 0.4, "{q}");
    }

    #[test]
    fn deterministic_and_connected_on_a_random_graph() {
        let mut rng = SplitMix64::new(7);
        let n = 300;
        let edges: Vec<(usize, usize, f64)> = (0..1500)
            .map(|_| {
                let a = rng.below(n);
                // mostly local edges: planted blocks of 30
                let b = if rng.below(10) < 8 {
                    (a / 30) * 30 + rng.below(30)
                } else {
                    rng.below(n)
                };
                (a, b, 1.0 + rng.below(3) as f64)
            })
            .collect();
        let g = graph(n, edges.clone());
        let a = consensus(&g, 1.0, 42, 6);
        let b = consensus(&graph(n, edges), 1.0, 42, 6);
        assert_eq!(a.labels, b.labels);
        // every community is connected
        let mut check = a.labels.clone();
        split_disconnected(&Csr::from_graph(&g), &mut check);
        assert_eq!(check, a.labels);
        let k = a.labels.iter().max().unwrap() + 1;
        assert!((5..=20).contains(&k), "k = {k}");
    }

    #[test]
    fn resolution_changes_granularity() {
        let g = two_cliques();
        let coarse = consensus(&g, 0.001, 1, 4);
        assert_eq!(coarse.labels[..10], [0; 10]);
    }

    #[test]
    fn splitmix_is_portable() {
        let mut r = SplitMix64::new(0);
        assert_eq!(r.next_u64(), 0xE220_A839_7B1D_CDAF);
    }
}
