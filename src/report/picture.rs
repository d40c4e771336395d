//! The service graph as a picture for people (DOT, Mermaid, the Markdown report): the roles of
//! one image collapsed into one node (`sentry × 19 roles`), parallel edges merged into one line
//! styled by kind, nodes coloured by class, and optionally only one service with its
//! neighbours (`--focus`) or the N busiest nodes (`--max-nodes`). It must never feed
//! `graph --format json`: that is the contract and keeps every service and edge.

use std::collections::{BTreeMap, BTreeSet};

use super::{GraphReport, GraphService};

/// What to draw: every node, or one service and its direct neighbours; at most `max_nodes`.
#[derive(Debug, Clone)]
pub struct View {
    pub focus: Option<String>,
    pub max_nodes: usize,
}

/// The default of `--max-nodes`: a picture people can still read.
pub const DEFAULT_MAX_NODES: usize = 20;

impl Default for View {
    fn default() -> View {
        View {
            focus: None,
            max_nodes: DEFAULT_MAX_NODES,
        }
    }
}

/// How an edge is drawn; the legend names the kinds behind each style.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Line {
    /// Start order and hard wiring: depends_on, links, network_mode, volumes_from.
    Solid,
    /// Calls: a service names another in its settings, API or ingress routes.
    Dashed,
    /// Data: messages through a broker, volumes shared.
    Thick,
}

impl Line {
    /// What the legend calls this line.
    pub fn meaning(self) -> String {
        match self {
            Line::Solid => crate::tr!("report-graph-line-solid"),
            Line::Dashed => crate::tr!("report-graph-line-dashed"),
            Line::Thick => crate::tr!("report-graph-line-thick"),
        }
    }

    pub fn of(kind: &str) -> Line {
        match kind {
            "depends_on" | "links" | "network_mode" | "volumes_from" => Line::Solid,
            "env_reference" | "calls" | "api" | "ingress" => Line::Dashed,
            _ => Line::Thick,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Node {
    /// The name people read: the service, `sentry × 19 roles`, or `12 more services`.
    pub label: String,
    /// The class of its services (`app`, `database`, `broker` …); `more` for the summary node.
    pub class: String,
    /// The services it stands for.
    pub members: Vec<String>,
    /// Replicas when one service runs more than one (`×3`), or `global`.
    pub replicas: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Edge {
    pub from: usize,
    pub to: usize,
    /// The edge kinds merged into this line, sorted.
    pub kinds: Vec<String>,
    pub line: Line,
}

/// The fill colour of a class (light tones, so labels stay readable in print).
pub fn colour(class: &str) -> &'static str {
    match class {
        "app" => "#dbeafe",
        "database" => "#fde68a",
        "cache" => "#fed7aa",
        "search" => "#e9d5ff",
        "broker" => "#bbf7d0",
        "proxy" => "#e5e7eb",
        "observability" => "#ccfbf1",
        "object-storage" => "#fbcfe8",
        "platform" => "#ddd6fe",
        "helper" => "#f3f4f6",
        _ => "#ffffff",
    }
}

#[derive(Debug, Clone)]
pub struct Picture {
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
    /// The line styles drawn, with the kinds behind each, for the legend.
    pub legend: Vec<(Line, Vec<String>)>,
}

impl Picture {
    /// The classes drawn, sorted, for the legend.
    pub fn classes(&self) -> Vec<&str> {
        let set: BTreeSet<&str> = self.nodes.iter().map(|n| n.class.as_str()).collect();
        set.into_iter().collect()
    }
}

/// Classes whose services stay apart even with one image: two databases are two stores.
fn keeps_apart(class: &str) -> bool {
    matches!(
        class,
        "database" | "cache" | "search" | "object-storage" | "broker"
    )
}

/// The image repository without registry, tag or digest, or the build context: what "one
/// image" means.
fn image_key(s: &GraphService) -> Option<String> {
    match (&s.build, &s.image) {
        (Some(b), _) => Some(format!("build:{b}")),
        (None, Some(img)) => Some(crate::model::image_repository(img).into()),
        (None, None) => None,
    }
}

/// `getsentry/sentry` → `sentry`; `build:./api` → `api`.
fn short(key: &str) -> String {
    let k = key.strip_prefix("build:").unwrap_or(key);
    let k = k.trim_end_matches('/');
    let last = k.rsplit('/').next().unwrap_or(k);
    if last.is_empty() || last == "." {
        key.to_string()
    } else {
        last.to_string()
    }
}

impl Picture {
    /// The picture of `g` under `view`; `Err` names a `--focus` service that does not exist.
    pub fn build(g: &GraphReport, view: &View) -> Result<Picture, String> {
        // 1. one node per service, or per image whose services are roles of one codebase
        let mut groups: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (i, s) in g.services.iter().enumerate() {
            if let Some(k) = image_key(&s).filter(|_| !keeps_apart(s.class)) {
                groups.entry(k).or_default().push(i);
            }
        }
        let mut node_of = vec![usize::MAX; g.services.len()];
        let mut nodes: Vec<Node> = Vec::new();
        for (i, s) in g.services.iter().enumerate() {
            if node_of[i] != usize::MAX {
                continue;
            }
            let members: Vec<usize> = image_key(&s)
                .and_then(|k| groups.get(&k))
                .filter(|m| m.len() > 1)
                .cloned()
                .unwrap_or_else(|| vec![i]);
            let label = if members.len() > 1 {
                crate::tr!(
                    "report-graph-roles",
                    name = short(&image_key(&s).unwrap_or_default()),
                    n = members.len()
                )
            } else {
                s.name.to_string()
            };
            let replicas = match (members.len(), s.replicas) {
                (1, Some(n)) if n > 1 => Some(format!("×{n}")),
                (1, None) => Some("global".to_string()),
                _ => None,
            };
            for &m in &members {
                node_of[m] = nodes.len();
            }
            nodes.push(Node {
                label,
                class: s.class.to_string(),
                members: members
                    .iter()
                    .map(|&m| g.services.name(m).to_string())
                    .collect(),
                replicas,
            });
        }
        // 2. parallel edges merged, edges inside one node dropped
        let by_name: BTreeMap<&str, usize> = (0..g.services.len())
            .map(|i| (g.services.name(i), i))
            .collect();
        let mut merged: BTreeMap<(usize, usize), BTreeSet<String>> = BTreeMap::new();
        for e in g.edges.iter() {
            let (Some(&a), Some(&b)) = (by_name.get(e.from), by_name.get(e.to)) else {
                continue;
            };
            let (a, b) = (node_of[a], node_of[b]);
            if a != b {
                merged.entry((a, b)).or_default().insert(e.kind.to_string());
            }
        }
        // 3. the view: one service and its neighbours, then at most max_nodes (the busiest;
        // the rest stays in the picture as one node, so no service silently disappears)
        let in_view: Vec<usize> = match &view.focus {
            None => (0..nodes.len()).collect(),
            Some(f) => {
                let Some(&i) = by_name.get(f.as_str()) else {
                    return Err(crate::tr!(
                        "report-graph-no-focus",
                        service = crate::source::escape::short(f),
                        suggestion = crate::source::suggest::did_you_mean(
                            f,
                            (0..g.services.len()).map(|i| g.services.name(i))
                        )
                    ));
                };
                let c = node_of[i];
                (0..nodes.len())
                    .filter(|&n| {
                        n == c || merged.contains_key(&(c, n)) || merged.contains_key(&(n, c))
                    })
                    .collect()
            }
        };
        let max = view.max_nodes.max(2);
        let (shown, rest): (Vec<usize>, Vec<usize>) = if in_view.len() > max {
            let mut degree = vec![0usize; nodes.len()];
            for &(a, b) in merged.keys() {
                degree[a] += 1;
                degree[b] += 1;
            }
            let mut order = in_view.clone();
            order.sort_by(|&a, &b| {
                degree[b]
                    .cmp(&degree[a])
                    .then_with(|| nodes[a].label.cmp(&nodes[b].label))
            });
            let rest = order.split_off(max - 1);
            order.sort();
            (order, rest)
        } else {
            (in_view, Vec::new())
        };
        // 4. renumber what is shown; the rest becomes one summary node
        let mut place = vec![None; nodes.len()];
        let mut out_nodes = Vec::new();
        for &n in &shown {
            place[n] = Some(out_nodes.len());
            out_nodes.push(nodes[n].clone());
        }
        if !rest.is_empty() {
            let members: Vec<String> = rest
                .iter()
                .flat_map(|&n| nodes[n].members.iter().cloned())
                .collect();
            for &n in &rest {
                place[n] = Some(out_nodes.len());
            }
            out_nodes.push(Node {
                label: crate::tr!("report-graph-more", n = members.len()),
                class: "more".into(),
                members,
                replicas: None,
            });
        }
        let mut edges_by: BTreeMap<(usize, usize), BTreeSet<String>> = BTreeMap::new();
        for ((a, b), kinds) in &merged {
            if let (Some(a), Some(b)) = (place[*a], place[*b])
                && a != b
            {
                edges_by
                    .entry((a, b))
                    .or_default()
                    .extend(kinds.iter().cloned());
            }
        }
        let edges: Vec<Edge> = edges_by
            .into_iter()
            .map(|((from, to), kinds)| {
                let line = kinds
                    .iter()
                    .map(|k| Line::of(k))
                    .min()
                    .unwrap_or(Line::Solid);
                Edge {
                    from,
                    to,
                    kinds: kinds.into_iter().collect(),
                    line,
                }
            })
            .collect();
        let mut legend: BTreeMap<Line, BTreeSet<String>> = BTreeMap::new();
        for e in &edges {
            for k in &e.kinds {
                legend.entry(Line::of(k)).or_default().insert(k.clone());
            }
        }
        Ok(Picture {
            nodes: out_nodes,
            edges,
            legend: legend
                .into_iter()
                .map(|(l, k)| (l, k.into_iter().collect()))
                .collect(),
        })
    }
}
