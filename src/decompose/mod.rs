//! `stackfit decompose`: module-level split of a monolith into candidate services. Owns the
//! evidence graph (calls, shared tables, use cases, name and package similarity, with the one
//! frozen default `Config`), the post-passes (constraints, singletons, naming, cut edges) and
//! the report. It must not parse input formats (`input`), do clustering arithmetic
//! (`community`) or format output (`render`).

pub mod community;
pub mod mojofm;

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::model::monolith::Access;
use crate::model::monolith::DecompInput;

/// Evidence weights and search settings. `Config::default()` is the one frozen configuration
/// behind every reported number (`tests/integration/decomp.rs`): class-graph weights (`call`, `name`,
/// `package`) were chosen on JPetStore and Spring PetClinic only, module+table weights
/// (`table_*`, `use_case`, `table_name`) on LdoD only.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Config {
    /// Multiplier of ln(1 + references) between two modules (both directions summed).
    pub call: f64,
    /// Multiplier of the Jaccard similarity of two module names' word tokens.
    pub name: f64,
    /// Added per pair of modules in the same package (packages above `MAX_GROUP` skipped).
    pub package: f64,
    /// Added per pair of modules with the same declared owner (no dataset has owners: this
    /// weight is a declared prior, not a tuned one).
    pub owner: f64,
    /// Module → table edge for a write (`w`, `rw`). No dataset here has module × table
    /// accesses (LdoD has use cases only), so `table_write`/`table_read` are declared priors.
    pub table_write: f64,
    /// Module → table edge for a read.
    pub table_read: f64,
    /// Use-case co-occurrence: each pair of a use case's k items gets weight/(k − 1).
    pub use_case: f64,
    /// Multiplier of the Jaccard similarity of two table names' word tokens.
    pub table_name: f64,
    /// Modularity resolution γ (higher → more, smaller candidates).
    pub resolution: f64,
    /// Louvain runs (seeds) aggregated by consensus.
    pub runs: usize,
    pub seed: u64,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            call: 1.0,
            name: 2.0,
            package: 0.0,
            owner: 0.5,
            table_write: 1.0,
            table_read: 0.5,
            use_case: 1.0,
            table_name: 0.0,
            resolution: 1.2,
            runs: 16,
            seed: 42,
        }
    }
}

/// Groups (packages, owners, name tokens) larger than this add no pairwise evidence: they
/// are not a signal, and their pairs would grow quadratically.
pub const MAX_GROUP: usize = 64;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum NodeKind {
    Module,
    Table,
}

/// The weighted undirected evidence graph over modules and tables.
struct Evidence {
    nodes: Vec<(NodeKind, String)>,
    edges: BTreeMap<(usize, usize), f64>,
}

impl Evidence {
    fn add(&mut self, a: usize, b: usize, w: f64) {
        if a != b && w > 0.0 && w.is_finite() {
            *self.edges.entry((a.min(b), a.max(b))).or_insert(0.0) += w;
        }
    }
}

/// Extensions stripped before a module id is split into package and short name.
const FILE_EXTENSIONS: &[&str] = &[
    ".java", ".kt", ".scala", ".py", ".js", ".jsx", ".mjs", ".cjs", ".ts", ".tsx", ".vue", ".go",
    ".rb", ".cs", ".php", ".rs", ".class",
];

/// `org.shop.order.OrderService` → (`org.shop.order`, `OrderService`);
/// `src/order/service.ts` → (`src/order`, `service`).
pub fn split_id(id: &str) -> (&str, &str) {
    let mut s = id;
    for ext in FILE_EXTENSIONS {
        if s.len() > ext.len() && s.to_ascii_lowercase().ends_with(ext) {
            s = &s[..s.len() - ext.len()];
            break;
        }
    }
    match s.rfind(['.', '/', '\\', ':']) {
        Some(i) => {
            let pkg = s[..i].trim_end_matches([':', '.', '/', '\\']);
            (pkg, &s[i + 1..])
        }
        None => ("", s),
    }
}

/// Lower-case word tokens of a name: CamelCase, snake_case, kebab-case, digits split.
pub fn name_tokens(name: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let chars: Vec<char> = name.chars().collect();
    let mut cur = String::new();
    for (i, &c) in chars.iter().enumerate() {
        if !c.is_alphanumeric() {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        let prev = i.checked_sub(1).map(|p| chars[p]);
        let next = chars.get(i + 1);
        let boundary = match prev {
            Some(p) if p.is_alphanumeric() => {
                (c.is_uppercase() && p.is_lowercase())
                    || (c.is_uppercase()
                        && p.is_uppercase()
                        && next.is_some_and(|n| n.is_lowercase()))
                    || (c.is_ascii_digit() != p.is_ascii_digit())
            }
            _ => false,
        };
        if boundary && !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
        cur.extend(c.to_lowercase());
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out.retain(|t| t.chars().count() >= 2 && !t.chars().all(|c| c.is_ascii_digit()));
    out.sort();
    out.dedup();
    out
}

/// Jaccard-weighted edges between nodes sharing name tokens (inverted index; tokens held by
/// more than `MAX_GROUP` nodes are skipped).
fn name_similarity(ev: &mut Evidence, members: &[usize], beta: f64) {
    if beta <= 0.0 || members.len() < 2 {
        return;
    }
    let tokens: Vec<Vec<String>> = members
        .iter()
        .map(|&i| name_tokens(split_id(&ev.nodes[i].1).1))
        .collect();
    let mut index: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (k, toks) in tokens.iter().enumerate() {
        for t in toks {
            index.entry(t.as_str()).or_default().push(k);
        }
    }
    let mut mark = vec![false; members.len()];
    let mut cand: Vec<usize> = Vec::new();
    for a in 0..members.len() {
        for t in &tokens[a] {
            let list = &index[t.as_str()];
            if list.len() > MAX_GROUP {
                continue;
            }
            for &b in list {
                if b > a && !mark[b] {
                    mark[b] = true;
                    cand.push(b);
                }
            }
        }
        cand.sort_unstable();
        for &b in &cand {
            mark[b] = false;
            let inter = tokens[a]
                .iter()
                .filter(|t| tokens[b].binary_search(t).is_ok())
                .count();
            let union = tokens[a].len() + tokens[b].len() - inter;
            if inter > 0 {
                ev.add(members[a], members[b], beta * inter as f64 / union as f64);
            }
        }
        cand.clear();
    }
}

/// `w` for every pair inside each group of at most `MAX_GROUP` members.
fn group_prior(ev: &mut Evidence, groups: &BTreeMap<String, Vec<usize>>, w: f64) {
    if w <= 0.0 {
        return;
    }
    for g in groups.values() {
        if g.len() < 2 || g.len() > MAX_GROUP {
            continue;
        }
        for (x, &a) in g.iter().enumerate() {
            for &b in &g[x + 1..] {
                ev.add(a, b, w);
            }
        }
    }
}

fn build_evidence(
    d: &DecompInput,
    cfg: &Config,
) -> (Evidence, BTreeMap<String, usize>, BTreeMap<String, usize>) {
    let mut ev = Evidence {
        nodes: Vec::new(),
        edges: BTreeMap::new(),
    };
    let mut module_ix = BTreeMap::new();
    for m in d.modules.keys() {
        module_ix.insert(m.clone(), ev.nodes.len());
        ev.nodes.push((NodeKind::Module, m.clone()));
    }
    let mut table_ix = BTreeMap::new();
    for t in d.tables() {
        table_ix.insert(t.clone(), ev.nodes.len());
        ev.nodes.push((NodeKind::Table, t));
    }
    // calls / references, both directions summed, log-scaled
    let mut pair_w: BTreeMap<(usize, usize), f64> = BTreeMap::new();
    for ((a, b), w) in &d.deps {
        let (a, b) = (module_ix[a], module_ix[b]);
        *pair_w.entry((a.min(b), a.max(b))).or_insert(0.0) += w;
    }
    for ((a, b), w) in pair_w {
        ev.add(a, b, cfg.call * w.ln_1p());
    }
    for ((m, t), acc) in &d.accesses {
        let w = if acc.writes() {
            cfg.table_write
        } else {
            cfg.table_read
        };
        ev.add(module_ix[m], table_ix[t], w);
    }
    for u in &d.use_cases {
        let items: BTreeSet<usize> = u
            .modules
            .iter()
            .map(|m| module_ix[m])
            .chain(u.reads.iter().chain(u.writes.iter()).map(|t| table_ix[t]))
            .collect();
        if items.len() < 2 {
            continue;
        }
        let items: Vec<usize> = items.into_iter().collect();
        let w = cfg.use_case * u.weight / (items.len() - 1) as f64;
        for (x, &a) in items.iter().enumerate() {
            for &b in &items[x + 1..] {
                ev.add(a, b, w);
            }
        }
    }
    let modules: Vec<usize> = module_ix.values().copied().collect();
    name_similarity(&mut ev, &modules, cfg.name);
    let tables: Vec<usize> = table_ix.values().copied().collect();
    name_similarity(&mut ev, &tables, cfg.table_name);
    let mut packages: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    let mut owners: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (name, info) in &d.modules {
        let pkg = info
            .package
            .clone()
            .unwrap_or_else(|| split_id(name).0.to_string());
        if !pkg.is_empty() {
            packages.entry(pkg).or_default().push(module_ix[name]);
        }
        if let Some(o) = &info.owner {
            owners.entry(o.clone()).or_default().push(module_ix[name]);
        }
    }
    group_prior(&mut ev, &packages, cfg.package);
    group_prior(&mut ev, &owners, cfg.owner);
    (ev, module_ix, table_ix)
}

/// Union-find over node indices (keep-together contraction).
fn find(parent: &mut [usize], x: usize) -> usize {
    let mut r = x;
    while parent[r] != r {
        r = parent[r];
    }
    let mut y = x;
    while parent[y] != r {
        let next = parent[y];
        parent[y] = r;
        y = next;
    }
    r
}

/// One clustering of the contracted evidence graph.
struct Clustering {
    /// Label per evidence node (usize::MAX = unassigned: no evidence at all).
    labels: Vec<usize>,
    /// Contracted node of each evidence node.
    group: Vec<usize>,
    runs: Vec<Vec<usize>>,
    rounds: usize,
    resolution: f64,
    modularity: f64,
}

fn cluster(
    ev: &Evidence,
    d: &DecompInput,
    module_ix: &BTreeMap<String, usize>,
    cfg: &Config,
    gamma: f64,
) -> Clustering {
    let n = ev.nodes.len();
    let mut parent: Vec<usize> = (0..n).collect();
    for g in &d.keep_together {
        let first = module_ix[&g[0]];
        for m in &g[1..] {
            let (a, b) = (find(&mut parent, first), find(&mut parent, module_ix[m]));
            let (lo, hi) = (a.min(b), a.max(b));
            parent[hi] = lo;
        }
    }
    // contracted ids in node order
    let mut ids: BTreeMap<usize, usize> = BTreeMap::new();
    let group: Vec<usize> = (0..n)
        .map(|i| {
            let r = find(&mut parent, i);
            let next = ids.len();
            *ids.entry(r).or_insert(next)
        })
        .collect();
    let k = ids.len();
    let mut degree = vec![0.0f64; k];
    let g = community::graph(
        k,
        ev.edges.iter().filter_map(|(&(a, b), &w)| {
            let (ga, gb) = (group[a], group[b]);
            (ga != gb).then(|| {
                degree[ga] += w;
                degree[gb] += w;
                (ga, gb, w)
            })
        }),
    );
    let c = community::consensus(&g, gamma, cfg.seed, cfg.runs);
    let mut glabels = c.labels.clone();
    // singletons join the neighbour community they are most attached to
    let mut nbr: Vec<Vec<(usize, f64)>> = vec![Vec::new(); k];
    for e in petgraph::visit::IntoEdgeReferences::edge_references(&g) {
        use petgraph::visit::EdgeRef;
        let (a, b, w) = (e.source().index(), e.target().index(), *e.weight());
        nbr[a].push((b, w));
        nbr[b].push((a, w));
    }
    let mut sizes: BTreeMap<usize, usize> = BTreeMap::new();
    for &l in &glabels {
        *sizes.entry(l).or_insert(0) += 1;
    }
    for i in 0..k {
        if sizes[&glabels[i]] != 1 || nbr[i].is_empty() {
            continue;
        }
        let mut to: BTreeMap<usize, f64> = BTreeMap::new();
        for &(j, w) in &nbr[i] {
            *to.entry(glabels[j]).or_insert(0.0) += w;
        }
        let best = to
            .iter()
            .fold((usize::MAX, f64::NEG_INFINITY), |acc, (&l, &w)| {
                if w > acc.1 { (l, w) } else { acc }
            })
            .0;
        *sizes.get_mut(&glabels[i]).unwrap_or(&mut 0) -= 1;
        glabels[i] = best;
        *sizes.entry(best).or_insert(0) += 1;
    }
    // keep-apart: later members of a violated group move to their best other community
    for grp in &d.keep_apart {
        let mut used: BTreeSet<usize> = BTreeSet::new();
        for m in grp {
            let gi = group[module_ix[m]];
            if used.insert(glabels[gi]) {
                continue;
            }
            let mut to: BTreeMap<usize, f64> = BTreeMap::new();
            for &(j, w) in &nbr[gi] {
                if !used.contains(&glabels[j]) {
                    *to.entry(glabels[j]).or_insert(0.0) += w;
                }
            }
            let fresh = glabels.iter().copied().max().unwrap_or(0) + 1;
            let best = to
                .iter()
                .fold(
                    (fresh, 0.0),
                    |acc, (&l, &w)| if w > acc.1 { (l, w) } else { acc },
                )
                .0;
            glabels[gi] = best;
            used.insert(best);
        }
    }
    let modularity = community::modularity(&g, &glabels, 1.0);
    let labels = (0..n)
        .map(|i| {
            let gi = group[i];
            if degree[gi] > 0.0 {
                glabels[gi]
            } else {
                usize::MAX
            }
        })
        .collect();
    Clustering {
        labels,
        group,
        runs: c.runs,
        rounds: c.rounds,
        resolution: gamma,
        modularity,
    }
}

fn candidate_count(labels: &[usize]) -> usize {
    labels
        .iter()
        .filter(|l| **l != usize::MAX)
        .collect::<BTreeSet<_>>()
        .len()
}

/// Clusters at the configured resolution; with `target-services`, searches the resolution
/// (bisection on log γ) for a candidate count inside the range.
fn cluster_with_target(
    ev: &Evidence,
    d: &DecompInput,
    module_ix: &BTreeMap<String, usize>,
    cfg: &Config,
) -> Clustering {
    let first = cluster(ev, d, module_ix, cfg, cfg.resolution);
    let Some((lo, hi)) = d.target else {
        return first;
    };
    let k = candidate_count(&first.labels);
    if (lo..=hi).contains(&k) {
        return first;
    }
    let (mut a, mut b) = if k < lo {
        (cfg.resolution.ln(), 20f64.ln())
    } else {
        (0.01f64.ln(), cfg.resolution.ln())
    };
    let mut best = first;
    let dist = |k: usize| if k < lo { lo - k } else { k.saturating_sub(hi) };
    for _ in 0..14 {
        let mid = (a + b) / 2.0;
        let c = cluster(ev, d, module_ix, cfg, mid.exp());
        let kc = candidate_count(&c.labels);
        let better = dist(kc) < dist(candidate_count(&best.labels));
        if kc < lo {
            a = mid;
        } else if kc > hi {
            b = mid;
        }
        if better || dist(kc) == 0 {
            best = c;
        }
        if dist(kc) == 0 {
            break;
        }
    }
    best
}

/// Rounds for output: 4 decimals keep reports byte-identical across platforms' libm.
fn r4(x: f64) -> f64 {
    if x.is_finite() {
        (x * 1e4).round() / 1e4
    } else {
        0.0
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Candidate {
    pub name: String,
    /// Module ids exactly as in the input, sorted.
    pub members: Vec<String>,
    /// Tables this candidate owns (placed with it), sorted.
    pub tables: Vec<String>,
    /// Share of the members' evidence weight that stays inside (0…1).
    pub cohesion: f64,
    /// Number of cut edges (dependencies and table accesses) touching this candidate.
    pub coupling: usize,
    /// Stability: mean best Jaccard overlap with a community of each seed's run (0…1).
    pub confidence: f64,
    /// Strongest internal dependency, for the rationale.
    pub strongest_link: Option<CutEdge>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CutEdge {
    pub from: String,
    pub to: String,
    /// `depends_on`, `reads`, `writes` or `reads_writes`.
    pub kind: &'static str,
    pub weight: f64,
    pub from_candidate: String,
    pub to_candidate: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SharedTable {
    pub table: String,
    /// The candidate the table was placed with.
    pub owner: String,
    /// Other candidates whose modules write it (future shared persistence).
    pub written_by: Vec<String>,
    pub read_by: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Metrics {
    pub modules: usize,
    pub tables: usize,
    pub dependencies: usize,
    pub use_cases: usize,
    pub evidence_edges: usize,
    pub candidates: usize,
    pub unassigned: usize,
    pub modularity: f64,
    /// Share of the input's dependency weight that crosses candidates.
    pub cut_weight_share: f64,
    pub resolution: f64,
    pub seed: u64,
    pub runs: usize,
    pub consensus_rounds: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Decomposition {
    pub schema_version: u32,
    pub input: InputInfo,
    pub candidates: Vec<Candidate>,
    /// Modules and tables with no evidence linking them to anything.
    pub unassigned: Vec<String>,
    pub cut_edges: Vec<CutEdge>,
    pub shared_tables: Vec<SharedTable>,
    pub metrics: Metrics,
    pub config: Config,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InputInfo {
    pub file: String,
    pub format: &'static str,
}

fn access_kind(a: Access) -> &'static str {
    match a {
        Access::Read => "reads",
        Access::Write => "writes",
        Access::ReadWrite => "reads_writes",
    }
}

/// Decomposes an input with a configuration: the whole computation behind the command.
pub fn decompose(d: &DecompInput, cfg: &Config, file: &str) -> Decomposition {
    let (ev, module_ix, table_ix) = build_evidence(d, cfg);
    let cl = cluster_with_target(&ev, d, &module_ix, cfg);
    let n = ev.nodes.len();
    // communities → node lists, ordered by (size desc, first node)
    let mut comms: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    let mut unassigned = Vec::new();
    for i in 0..n {
        if cl.labels[i] == usize::MAX {
            unassigned.push(ev.nodes[i].1.clone());
        } else {
            comms.entry(cl.labels[i]).or_default().push(i);
        }
    }
    let mut order: Vec<Vec<usize>> = comms.into_values().collect();
    order.sort_by(|a, b| b.len().cmp(&a.len()).then(a[0].cmp(&b[0])));
    let mut cand_of = vec![usize::MAX; n];
    for (c, nodes) in order.iter().enumerate() {
        for &i in nodes {
            cand_of[i] = c;
        }
    }
    // evidence weight inside / crossing per candidate, and internal degree per node
    let mut w_in = vec![0.0; order.len()];
    let mut w_out = vec![0.0; order.len()];
    let mut inner_deg = vec![0.0; n];
    for (&(a, b), &w) in &ev.edges {
        let (ca, cb) = (cand_of[a], cand_of[b]);
        if ca == usize::MAX || cb == usize::MAX {
            continue;
        }
        if ca == cb {
            w_in[ca] += w;
            inner_deg[a] += w;
            inner_deg[b] += w;
        } else {
            w_out[ca] += w;
            w_out[cb] += w;
        }
    }
    let names = name_candidates(&order, &ev, &inner_deg);
    let cname = |i: usize| names[cand_of[i]].clone();
    // cut edges and strongest internal links
    let mut cut_edges = Vec::new();
    let mut coupling = vec![0usize; order.len()];
    let mut strongest: Vec<Option<CutEdge>> = vec![None; order.len()];
    let (mut total_dep, mut cut_dep) = (0.0, 0.0);
    let mut edge =
        |from: usize, to: usize, kind: &'static str, weight: f64, from_s: &str, to_s: &str| {
            let (ca, cb) = (cand_of[from], cand_of[to]);
            if ca == usize::MAX || cb == usize::MAX {
                return;
            }
            let e = CutEdge {
                from: from_s.to_string(),
                to: to_s.to_string(),
                kind,
                weight: r4(weight),
                from_candidate: names[ca].clone(),
                to_candidate: names[cb].clone(),
            };
            if ca != cb {
                coupling[ca] += 1;
                coupling[cb] += 1;
                cut_edges.push(e);
            } else if strongest[ca].as_ref().is_none_or(|s| weight > s.weight) {
                strongest[ca] = Some(e);
            }
        };
    for ((a, b), &w) in &d.deps {
        let (ia, ib) = (module_ix[a], module_ix[b]);
        total_dep += w;
        if cand_of[ia] != cand_of[ib] {
            cut_dep += w;
        }
        edge(ia, ib, "depends_on", w, a, b);
    }
    for ((m, t), &acc) in &d.accesses {
        edge(module_ix[m], table_ix[t], access_kind(acc), 1.0, m, t);
    }
    cut_edges.sort_by(|x, y| (&x.from, &x.to, x.kind).cmp(&(&y.from, &y.to, y.kind)));
    // tables touched by modules of other candidates
    let mut shared_tables = Vec::new();
    for (t, &ti) in &table_ix {
        if cand_of[ti] == usize::MAX {
            continue;
        }
        let (mut wr, mut rd) = (BTreeSet::new(), BTreeSet::new());
        for ((m, tt), &acc) in &d.accesses {
            let c = cand_of[module_ix[m]];
            if tt != t || c == usize::MAX || c == cand_of[ti] {
                continue;
            }
            if acc.writes() {
                wr.insert(names[c].clone());
            } else {
                rd.insert(names[c].clone());
            }
        }
        if !wr.is_empty() || !rd.is_empty() {
            shared_tables.push(SharedTable {
                table: t.clone(),
                owner: cname(ti),
                written_by: wr.into_iter().collect(),
                read_by: rd.into_iter().collect(),
            });
        }
    }
    let sizes = community::run_sizes(&cl.runs);
    let candidates: Vec<Candidate> = order
        .iter()
        .enumerate()
        .map(|(c, nodes)| {
            let mut members = Vec::new();
            let mut tables = Vec::new();
            for &i in nodes {
                match ev.nodes[i].0 {
                    NodeKind::Module => members.push(ev.nodes[i].1.clone()),
                    NodeKind::Table => tables.push(ev.nodes[i].1.clone()),
                }
            }
            let groups: BTreeSet<usize> = nodes.iter().map(|&i| cl.group[i]).collect();
            let groups: Vec<usize> = groups.into_iter().collect();
            let total = w_in[c] + w_out[c];
            Candidate {
                name: names[c].clone(),
                members,
                tables,
                cohesion: r4(if total > 0.0 { w_in[c] / total } else { 0.0 }),
                coupling: coupling[c],
                confidence: r4(community::stability(&groups, &cl.runs, &sizes)),
                strongest_link: strongest[c].take(),
            }
        })
        .collect();
    Decomposition {
        schema_version: crate::model::SCHEMA_VERSION,
        input: InputInfo {
            file: file.to_string(),
            format: d.format,
        },
        metrics: Metrics {
            modules: d.modules.len(),
            tables: table_ix.len(),
            dependencies: d.deps.len(),
            use_cases: d.use_cases.len(),
            evidence_edges: ev.edges.len(),
            candidates: candidates.len(),
            unassigned: unassigned.len(),
            modularity: r4(cl.modularity),
            cut_weight_share: r4(if total_dep > 0.0 {
                cut_dep / total_dep
            } else {
                0.0
            }),
            resolution: r4(cl.resolution),
            seed: cfg.seed,
            runs: cfg.runs,
            consensus_rounds: cl.rounds,
        },
        candidates,
        unassigned,
        cut_edges,
        shared_tables,
        config: *cfg,
    }
}

/// Each candidate is named after its most distinctive word: the token of its members' (else
/// its tables') short names with the highest count × IDF over all nodes of that kind, ties
/// going to the dominant member's words, then alphabetical; repeats get `-2`, `-3` ….
fn name_candidates(order: &[Vec<usize>], ev: &Evidence, inner_deg: &[f64]) -> Vec<String> {
    let tokens_of = |i: usize| name_tokens(split_id(&ev.nodes[i].1).1);
    let mut df: BTreeMap<(NodeKind, String), usize> = BTreeMap::new();
    let mut kind_count: BTreeMap<NodeKind, usize> = BTreeMap::new();
    for (i, (kind, _)) in ev.nodes.iter().enumerate() {
        *kind_count.entry(*kind).or_insert(0) += 1;
        for t in tokens_of(i) {
            *df.entry((*kind, t)).or_insert(0) += 1;
        }
    }
    let mut used: BTreeMap<String, usize> = BTreeMap::new();
    order
        .iter()
        .map(|nodes| {
            let modules: Vec<usize> = nodes
                .iter()
                .copied()
                .filter(|&i| ev.nodes[i].0 == NodeKind::Module)
                .collect();
            let pool = if modules.is_empty() {
                nodes.clone()
            } else {
                modules
            };
            let kind = ev.nodes[pool[0]].0;
            let dominant = pool.iter().copied().fold(pool[0], |best, i| {
                if inner_deg[i] > inner_deg[best] {
                    i
                } else {
                    best
                }
            });
            let dom_tokens = tokens_of(dominant);
            let mut counts: BTreeMap<String, usize> = BTreeMap::new();
            for &i in &pool {
                for t in tokens_of(i) {
                    *counts.entry(t).or_insert(0) += 1;
                }
            }
            let total = kind_count[&kind] as f64;
            let score = |t: &str, c: usize| {
                let d = df.get(&(kind, t.to_string())).copied().unwrap_or(1) as f64;
                c as f64 * (1.0 + (total / d).ln())
            };
            let base = counts
                .iter()
                .max_by(|a, b| {
                    score(a.0, *a.1)
                        .total_cmp(&score(b.0, *b.1))
                        .then(dom_tokens.contains(a.0).cmp(&dom_tokens.contains(b.0)))
                        .then(b.0.cmp(a.0))
                })
                .map(|(t, _)| t.clone())
                .unwrap_or_else(|| split_id(&ev.nodes[dominant].1).1.to_ascii_lowercase());
            let n = used.entry(base.clone()).or_insert(0);
            *n += 1;
            if *n == 1 { base } else { format!("{base}-{n}") }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_and_tokens() {
        assert_eq!(
            split_id("org.shop.order.OrderService"),
            ("org.shop.order", "OrderService")
        );
        assert_eq!(split_id("src/order/service.ts"), ("src/order", "service"));
        assert_eq!(split_id("orders"), ("", "orders"));
        assert_eq!(split_id("a::b::C"), ("a::b", "C"));
        assert_eq!(name_tokens("OrderActionBean"), ["action", "bean", "order"]);
        assert_eq!(name_tokens("HTTPServer2_util"), ["http", "server", "util"]);
        assert_eq!(name_tokens("line-item"), ["item", "line"]);
    }

    fn input(deps: &[(&str, &str, f64)]) -> DecompInput {
        let mut d = DecompInput {
            format: "csv",
            ..DecompInput::default()
        };
        for (a, b, w) in deps {
            d.modules.entry(a.to_string()).or_default();
            d.modules.entry(b.to_string()).or_default();
            d.deps.insert((a.to_string(), b.to_string()), *w);
        }
        d
    }

    #[test]
    fn two_groups_with_names_cut_edges_and_constraints() {
        let mut d = input(&[
            ("order.OrderService", "order.OrderRepo", 5.0),
            ("order.OrderController", "order.OrderService", 4.0),
            ("order.OrderRepo", "order.Order", 3.0),
            ("user.UserService", "user.UserRepo", 5.0),
            ("user.UserController", "user.UserService", 4.0),
            ("user.UserRepo", "user.User", 3.0),
            ("order.OrderService", "user.UserService", 1.0),
        ]);
        d.modules.insert("misc.Lonely".into(), Default::default());
        let r = decompose(&d, &Config::default(), "x.csv");
        assert_eq!(r.candidates.len(), 2);
        let names: Vec<&str> = r.candidates.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["order", "user"]);
        assert_eq!(r.candidates[0].members.len(), 4);
        assert!(r.candidates[0].members.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(r.unassigned, ["misc.Lonely"]);
        assert_eq!(r.cut_edges.len(), 1);
        assert_eq!(r.cut_edges[0].from, "order.OrderService");
        assert_eq!(r.candidates[0].confidence, 1.0);
        // deterministic
        assert_eq!(r, decompose(&d, &Config::default(), "x.csv"));
        // keep-together merges across the seam; keep-apart splits a group
        d.keep_together = vec![vec!["order.Order".into(), "user.User".into()]];
        let t = decompose(&d, &Config::default(), "x.csv");
        let c = t
            .candidates
            .iter()
            .find(|c| c.members.contains(&"order.Order".to_string()))
            .unwrap();
        assert!(c.members.contains(&"user.User".to_string()));
        d.keep_together.clear();
        d.keep_apart = vec![vec!["order.OrderService".into(), "order.OrderRepo".into()]];
        let a = decompose(&d, &Config::default(), "x.csv");
        let c = a
            .candidates
            .iter()
            .find(|c| c.members.contains(&"order.OrderService".to_string()))
            .unwrap();
        assert!(!c.members.contains(&"order.OrderRepo".to_string()));
        d.keep_apart.clear();
        d.target = Some((1, 1));
        let one = decompose(&d, &Config::default(), "x.csv");
        assert_eq!(one.candidates.len(), 1);
    }

    #[test]
    fn tables_are_placed_and_shared_ones_flagged() {
        let mut d = input(&[("a1", "a2", 3.0), ("b1", "b2", 3.0)]);
        for (m, t, acc) in [
            ("a1", "orders", Access::ReadWrite),
            ("a2", "orders", Access::ReadWrite),
            ("b1", "users", Access::ReadWrite),
            ("b2", "users", Access::Write),
            ("b1", "orders", Access::Write),
        ] {
            d.accesses.insert((m.into(), t.into()), acc);
        }
        let r = decompose(&d, &Config::default(), "x");
        assert_eq!(r.candidates.len(), 2);
        let owner = r
            .candidates
            .iter()
            .find(|c| c.tables == ["orders"])
            .unwrap();
        assert!(owner.members.contains(&"a1".to_string()));
        assert_eq!(r.shared_tables.len(), 1);
        assert_eq!(r.shared_tables[0].table, "orders");
        assert_eq!(r.shared_tables[0].written_by.len(), 1);
    }
}
