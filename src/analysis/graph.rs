//! The service graph: petgraph nodes are services (inserted in name order), edges are typed
//! dependencies from the service that needs to the service it needs. Derives edges from the
//! model (depends_on, links, volumes_from, network_mode, env references, shared volumes); it
//! reads no files and makes no recommendation.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use petgraph::graph::{DiGraph, NodeIndex};

use crate::analysis::classify::{self, Class};
use crate::model::hosts::referenced_hosts;
use crate::model::{LinkKind, Model, MountKind};
use crate::source::{Pos, Str};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EdgeKind {
    DependsOn,
    Links,
    VolumesFrom,
    NetworkMode,
    EnvReference,
    SharedVolume,
    Ingress,
    Calls,
    Async,
    Api,
}

impl EdgeKind {
    pub fn as_str(&self) -> &'static str {
        match self {
            EdgeKind::DependsOn => "depends_on",
            EdgeKind::Links => "links",
            EdgeKind::VolumesFrom => "volumes_from",
            EdgeKind::NetworkMode => "network_mode",
            EdgeKind::EnvReference => "env_reference",
            EdgeKind::SharedVolume => "shared_volume",
            EdgeKind::Ingress => "ingress",
            EdgeKind::Calls => "calls",
            EdgeKind::Async => "async",
            EdgeKind::Api => "api",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Edge {
    pub kind: EdgeKind,
    /// Where the edge is written (the depends_on entry, the env variable…).
    pub pos: Pos,
    /// An env reference that only comes from an env file three or more services share: shared
    /// configuration, not evidence of a call (the hints' cycle search skips these).
    pub shared_config: bool,
}

#[derive(Debug, Clone)]
pub struct NodeInfo {
    /// Index into `Model::services`.
    pub service: usize,
    pub class: Class,
    pub role: &'static str,
}

pub struct ServiceGraph {
    pub graph: DiGraph<NodeInfo, Edge>,
    /// Each service's image repository ([`crate::model::image_repository`]), computed once.
    repos: Vec<Option<Str>>,
}

impl ServiceGraph {
    pub fn build(model: &Model) -> ServiceGraph {
        let mut graph: DiGraph<NodeInfo, Edge> =
            DiGraph::with_capacity(model.services.len(), model.services.len() * 2);
        // names to nodes, while the edges are found
        let mut by_name: HashMap<&str, NodeIndex> = HashMap::with_capacity(model.services.len());
        let repos: Vec<Option<Str>> = model.services.iter().map(|s| s.image_repo()).collect();
        for (i, s) in model.services.iter().enumerate() {
            let idx = graph.add_node(NodeInfo {
                service: i,
                class: classify::service_class(s, repos[i].as_deref(), &model.image_classes),
                role: classify::role(s),
            });
            by_name.insert(s.name.as_str(), idx);
        }
        // Every edge as written: (from, to, kind, order written, where, only from a shared env
        // file), in one list sorted once below (not a tree of small nodes: a large file has
        // one or more per service).
        type Written = (u32, u32, EdgeKind, u32, Pos, bool);
        let mut edges: Vec<Written> = Vec::with_capacity(model.services.len() * 2);
        let mut add = |from: usize, to: &str, kind: EdgeKind, pos: Pos, shared: bool| {
            if let Some(&t) = by_name.get(to) {
                let t = t.index();
                if t != from {
                    let order = edges.len() as u32;
                    edges.push((from as u32, t as u32, kind, order, pos, shared));
                }
            }
        };
        // Host names another service answers to: its name, container_name and hostname-like
        // network aliases are all resolvable; stackfit uses names and container names (a
        // service's name first).
        let mut container_names: HashMap<&str, &str> = HashMap::new();
        for s in &model.services {
            if let Some(c) = &s.extras().container_name {
                container_names
                    .entry(c.value.as_str())
                    .or_insert(s.name.as_str());
            }
        }
        let answers = |host: &'_ str| -> Option<&str> {
            match by_name.get_key_value(host) {
                Some((name, _)) => Some(*name),
                None => container_names.get(host).copied(),
            }
        };
        let mut volume_users: BTreeMap<&str, Vec<(usize, Pos)>> = BTreeMap::new();
        // An env file that three or more services read is shared configuration (every service
        // gets every address in it): its host names are not evidence that a service calls them.
        let mut env_file_users: BTreeMap<&std::path::Path, BTreeSet<usize>> = BTreeMap::new();
        for (i, s) in model.services.iter().enumerate() {
            for e in &s.environment {
                if let Some(f) = &e.env_file {
                    env_file_users.entry(&**f).or_default().insert(i);
                }
            }
        }
        let shared_file = |e: &crate::model::EnvVar| {
            e.env_file
                .as_deref()
                .is_some_and(|f| env_file_users.get(f).is_some_and(|u| u.len() >= 3))
        };
        for (i, s) in model.services.iter().enumerate() {
            for d in &s.depends_on {
                add(i, &d.service, EdgeKind::DependsOn, d.pos, false);
            }
            for l in &s.extras().links {
                add(i, &l.value, EdgeKind::Links, l.pos, false);
            }
            for v in &s.extras().volumes_from {
                add(i, &v.value, EdgeKind::VolumesFrom, v.pos, false);
            }
            if let Some(nm) = &s.extras().network_mode
                && let Some(t) = nm.value.strip_prefix("service:")
            {
                add(i, t, EdgeKind::NetworkMode, nm.pos, false);
            }
            for e in &s.environment {
                let Some(v) = &e.value else { continue };
                let shared = shared_file(e);
                for host in referenced_hosts(v) {
                    if let Some(target) = answers(host) {
                        add(i, target, EdgeKind::EnvReference, e.pos, shared);
                    }
                }
            }
            for l in &s.extras().links_to {
                let kind = match l.kind {
                    LinkKind::Ingress => EdgeKind::Ingress,
                    LinkKind::Calls => EdgeKind::Calls,
                    LinkKind::Async => EdgeKind::Async,
                    LinkKind::Api => EdgeKind::Api,
                    LinkKind::DependsOn => EdgeKind::DependsOn,
                    LinkKind::EnvReference => EdgeKind::EnvReference,
                };
                add(i, &l.to, kind, l.pos, false);
            }
            for m in &s.mounts {
                if m.kind == MountKind::Volume
                    && let Some(src) = &m.source
                    && model.volumes.contains_key(src.as_str())
                {
                    volume_users
                        .entry(src.as_str())
                        .or_default()
                        .push((i, m.pos));
                }
            }
        }
        // Traefik discovers its routes from labels: the proxy reaches every labelled service.
        let traefik: Vec<usize> = model
            .services
            .iter()
            .enumerate()
            .filter(|(i, _)| {
                repos[*i]
                    .as_deref()
                    .is_some_and(|r| r == "traefik" || r.ends_with("/traefik"))
            })
            .map(|(i, _)| i)
            .collect();
        for &t in &traefik {
            for s in &model.services {
                if let Some((_, label)) = s
                    .extras()
                    .labels
                    .iter()
                    .find(|(k, _)| k.starts_with("traefik.http.routers."))
                {
                    add(t, &s.name, EdgeKind::Ingress, label.pos, false);
                }
            }
        }
        // A named volume used by several services links each later user to the first one
        // (a star, so the edge count stays linear in the number of users).
        for users in volume_users.values() {
            let mut seen = BTreeSet::new();
            let users: Vec<&(usize, Pos)> = users.iter().filter(|(i, _)| seen.insert(*i)).collect();
            if let Some((first, _)) = users.first() {
                for (u, pos) in users.iter().skip(1) {
                    let name = &model.services[*first].name;
                    add(*u, name, EdgeKind::SharedVolume, *pos, false);
                }
            }
        }
        // Sorted and unique by (from, to, kind): the first written gives the position; shared
        // only if every one is.
        edges.sort_unstable_by_key(|e| (e.0, e.1, e.2, e.3));
        let mut edges = edges.into_iter().peekable();
        while let Some((from, to, kind, _, pos, mut shared_config)) = edges.next() {
            while let Some(next) = edges.next_if(|n| (n.0, n.1, n.2) == (from, to, kind)) {
                shared_config &= next.5;
            }
            graph.add_edge(
                NodeIndex::new(from as usize),
                NodeIndex::new(to as usize),
                Edge {
                    kind,
                    pos,
                    shared_config,
                },
            );
        }
        ServiceGraph { graph, repos }
    }

    pub fn node(&self, service: usize) -> &NodeInfo {
        &self.graph[NodeIndex::new(service)]
    }

    /// The image repository of a service (by index), if it has an image.
    pub fn repo(&self, service: usize) -> Option<&str> {
        self.repos.get(service).and_then(|r| r.as_deref())
    }

    /// Services that this one needs, with edge kinds (sorted, deduplicated by target).
    pub fn needs(&self, service: usize) -> Vec<(usize, EdgeKind)> {
        let mut v: Vec<(usize, EdgeKind)> = self
            .graph
            .edges(NodeIndex::new(service))
            .map(|e| {
                use petgraph::visit::EdgeRef;
                (e.target().index(), e.weight().kind)
            })
            .collect();
        v.sort();
        v
    }
}
