//! Reports: the serialisable structures every renderer works from — the JSON contracts of
//! `stackfit graph` and `stackfit analyze` (`schema_version` 2). Building a report is the last
//! step that sees the model and graph; renderers see only these types.

pub mod analysis;
pub mod build;
pub mod picture;
pub mod schemas;

// The report's vocabulary, as renderers name it: they import from here, never from the stages
// that compute these values.
pub use crate::analysis::plan::Plan;
pub use crate::analysis::recommend::{Confidence, Outcome, Recommendation};
pub use crate::analysis::rules::{Concern, Severity};

use serde::Serialize;

use crate::analysis::graph::ServiceGraph;
use crate::model::Model;
use crate::source::Str;

/// The version of the JSON contracts of `graph`, `analyze` and `decompose` (one for all three).
pub use crate::model::SCHEMA_VERSION;

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct GraphReport {
    pub schema_version: u32,
    pub services: Vec<GraphService>,
    pub edges: Vec<GraphEdge>,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct GraphService {
    pub name: Str,
    pub image: Option<Str>,
    /// Build context path, relative to the project directory.
    pub build: Option<Str>,
    /// Effective replicas (`deploy.replicas`, else `scale`, else 1); null in global mode.
    pub replicas: Option<u64>,
    pub mode: &'static str,
    pub profiles: Vec<Str>,
    pub class: &'static str,
    pub roles: Vec<&'static str>,
    pub ports: Vec<GraphPort>,
    pub container_name: Option<Str>,
    pub healthcheck: bool,
    pub restart: Option<Str>,
}

/// A port as Docker Compose's `config` shows it: the container port, the host side if published,
/// and how (`tcp`/`udp`/`sctp`; `ingress` or `host` mode; the host IP it binds, when bound).
#[derive(Debug, Clone, Serialize, PartialEq, Eq, schemars::JsonSchema)]
pub struct GraphPort {
    /// The container port (or range, as written, when it is not a number).
    pub target: Str,
    /// The host port or range; null when Docker picks one.
    pub published: Option<Str>,
    pub protocol: Str,
    /// The host address the port binds to; null for every address (public on the host).
    pub host_ip: Option<Str>,
    pub mode: Str,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq, PartialOrd, Ord, schemars::JsonSchema)]
pub struct GraphEdge {
    pub from: Str,
    pub to: Str,
    pub kind: &'static str,
}

impl GraphReport {
    pub fn build(model: &Model, graph: &ServiceGraph) -> GraphReport {
        use crate::source::secrets::redact_identifier as shown;
        let services = model
            .services
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let info = graph.node(i);
                GraphService {
                    name: s.name.clone(),
                    image: s.image.as_ref().map(|x| shown(&x.value)),
                    build: s.build.as_ref().map(|b| shown(&b.context)),
                    replicas: s.replicas(),
                    mode: s.mode().as_str(),
                    profiles: s.extras().profiles.iter().map(shown).collect(),
                    class: info.class.as_str(),
                    roles: vec![info.role],
                    ports: s
                        .ports
                        .iter()
                        .map(|p| GraphPort {
                            target: p.target.clone(),
                            published: p.published.clone(),
                            protocol: p.protocol.clone().unwrap_or(Str::const_new("tcp")),
                            host_ip: p.host_ip.clone(),
                            mode: p.mode.clone().unwrap_or(Str::const_new("ingress")),
                        })
                        .collect(),
                    container_name: s.extras().container_name.as_ref().map(|c| shown(&c.value)),
                    healthcheck: s.healthcheck.is_some() && !s.healthcheck_disabled,
                    restart: s.restart.as_ref().map(|r| shown(&r.value)),
                }
            })
            .collect();
        let mut edges: Vec<GraphEdge> = graph
            .graph
            .edge_indices()
            .map(|e| {
                let (a, b) = graph.graph.edge_endpoints(e).expect("edge exists");
                GraphEdge {
                    from: model.services[graph.graph[a].service].name.clone(),
                    to: model.services[graph.graph[b].service].name.clone(),
                    kind: graph.graph[e].kind.as_str(),
                }
            })
            .collect();
        edges.sort_unstable();
        edges.dedup();
        GraphReport {
            schema_version: SCHEMA_VERSION,
            services,
            edges,
        }
    }
}
