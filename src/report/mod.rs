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

use std::borrow::Cow;

use serde::Serialize;

use crate::analysis::graph::{EdgeKind, ServiceGraph};
use crate::model::{Model, Port, Service};

/// The version of the JSON contracts of `graph`, `analyze` and `decompose` (one for all three).
pub use crate::model::SCHEMA_VERSION;

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct GraphReport<'m> {
    pub schema_version: u32,
    pub services: GraphServices<'m>,
    pub edges: GraphEdges<'m>,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct GraphService<'m> {
    pub name: &'m str,
    pub image: Option<Cow<'m, str>>,
    /// Build context path, relative to the project directory.
    pub build: Option<Cow<'m, str>>,
    /// Effective replicas (`deploy.replicas`, else `scale`, else 1); null in global mode.
    pub replicas: Option<u64>,
    pub mode: &'static str,
    pub profiles: Vec<Cow<'m, str>>,
    pub class: &'static str,
    #[schemars(with = "Vec<&'static str>")]
    pub roles: [&'static str; 1],
    pub ports: Ports<'m>,
    pub container_name: Option<Cow<'m, str>>,
    pub healthcheck: bool,
    pub restart: Option<Cow<'m, str>>,
}

/// A port as Docker Compose's `config` shows it: the container port, the host side if published,
/// and how (`tcp`/`udp`/`sctp`; `ingress` or `host` mode; the host IP it binds, when bound).
#[derive(Debug, Clone, Serialize, PartialEq, Eq, schemars::JsonSchema)]
pub struct GraphPort<'m> {
    /// The container port (or range, as written, when it is not a number).
    pub target: &'m str,
    /// The host port or range; null when Docker picks one.
    pub published: Option<&'m str>,
    pub protocol: &'m str,
    /// The host address the port binds to; null for every address (public on the host).
    pub host_ip: Option<&'m str>,
    pub mode: &'m str,
}

impl<'m> GraphPort<'m> {
    /// A model port as Compose shows it (`tcp` and `ingress` when unset).
    pub fn of(p: &'m Port) -> GraphPort<'m> {
        GraphPort {
            target: &p.target,
            published: p.published.as_deref(),
            protocol: p.protocol().unwrap_or("tcp"),
            host_ip: p.host_ip(),
            mode: p.mode().unwrap_or("ingress"),
        }
    }
}

/// A service's ports, read from the model when the report is written (each as a
/// [`GraphPort`]) rather than copied into the report: a large file has one per service.
#[derive(Debug, Clone, Copy)]
pub struct Ports<'m>(pub &'m [Port]);

impl Ports<'_> {
    pub fn iter(&self) -> impl Iterator<Item = GraphPort<'_>> {
        self.0.iter().map(GraphPort::of)
    }
}

impl Serialize for Ports<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

crate::list_schema!(Ports<'_>, GraphPort<'static>);

#[derive(Debug, Clone, Serialize, PartialEq, Eq, PartialOrd, Ord, schemars::JsonSchema)]
pub struct GraphEdge<'m> {
    pub from: &'m str,
    pub to: &'m str,
    pub kind: &'static str,
}

/// The edges of a graph report, sorted by the names at their ends and their kind: service
/// indices and kinds, their names read from the model as each is written (a large file has one
/// or more per service).
#[derive(Debug, Clone)]
pub struct GraphEdges<'m> {
    services: &'m [Service],
    edges: Vec<(u32, u32, EdgeKind)>,
}

impl<'m> GraphEdges<'m> {
    /// None (a report stopped before the analysis).
    pub fn none() -> GraphEdges<'static> {
        GraphEdges {
            services: &[],
            edges: Vec::new(),
        }
    }

    fn new(services: &'m [Service], mut edges: Vec<(u32, u32, EdgeKind)>) -> GraphEdges<'m> {
        // by the names at the ends (services are sorted by name), then the kind's name
        let rank = crate::model::name_ranks(services);
        let key = |e: &(u32, u32, EdgeKind)| (rank[e.0 as usize], rank[e.1 as usize], e.2.as_str());
        edges.sort_unstable_by(|a, b| key(a).cmp(&key(b)));
        edges.dedup_by(|a, b| key(a) == key(b));
        GraphEdges { services, edges }
    }

    pub fn len(&self) -> usize {
        self.edges.len()
    }

    pub fn is_empty(&self) -> bool {
        self.edges.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = GraphEdge<'m>> + '_ {
        self.edges.iter().map(|&(a, b, kind)| GraphEdge {
            from: &self.services[a as usize].name,
            to: &self.services[b as usize].name,
            kind: kind.as_str(),
        })
    }
}

impl Serialize for GraphEdges<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

crate::list_schema!(GraphEdges<'_>, GraphEdge<'static>);

/// The services of a graph report, read from the model as each is written (with the class and
/// role the graph gave it) rather than copied into the report: a large file has one per service.
#[derive(Debug, Clone)]
pub struct GraphServices<'m> {
    services: &'m [Service],
    /// Class and role of each service, in the model's order.
    info: Vec<(&'static str, &'static str)>,
}

impl<'m> GraphServices<'m> {
    /// None (a report stopped before the analysis).
    pub fn none() -> GraphServices<'static> {
        GraphServices {
            services: &[],
            info: Vec::new(),
        }
    }

    pub fn len(&self) -> usize {
        self.info.len()
    }

    pub fn is_empty(&self) -> bool {
        self.info.is_empty()
    }

    /// The name of service `i`, without building the rest.
    pub fn name(&self, i: usize) -> &'m str {
        &self.services[i].name
    }

    /// Service `i` as the report shows it.
    pub fn get(&self, i: usize) -> GraphService<'m> {
        use crate::source::secrets::redact_identifier as shown;
        let s: &'m Service = &self.services[i];
        let (class, role) = self.info[i];
        GraphService {
            name: &s.name,
            image: s.image.as_ref().map(|x| shown(&x.value)),
            build: s.build.as_ref().map(|b| shown(&b.context)),
            replicas: s.replicas(),
            mode: s.mode().as_str(),
            profiles: s.extras().profiles.iter().map(|p| shown(p)).collect(),
            class,
            roles: [role],
            ports: Ports(&s.ports),
            container_name: s.extras().container_name.as_ref().map(|c| shown(&c.value)),
            healthcheck: s.healthcheck.is_some() && !s.healthcheck_disabled,
            restart: s.restart.as_ref().map(|r| shown(&r.value)),
        }
    }

    pub fn iter(&self) -> impl Iterator<Item = GraphService<'m>> + '_ {
        (0..self.len()).map(|i| self.get(i))
    }
}

impl Serialize for GraphServices<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

crate::list_schema!(GraphServices<'_>, GraphService<'static>);

impl<'m> GraphReport<'m> {
    pub fn build(model: &'m Model, graph: &ServiceGraph) -> GraphReport<'m> {
        let services = GraphServices {
            services: &model.services,
            info: (0..model.services.len())
                .map(|i| (graph.node(i).class.as_str(), graph.node(i).role))
                .collect(),
        };
        let edges = graph
            .graph
            .edge_indices()
            .map(|e| {
                let (a, b) = graph.graph.edge_endpoints(e).expect("edge exists");
                let at = |n: petgraph::graph::NodeIndex| graph.graph[n].service as u32;
                (at(a), at(b), graph.graph[e].kind)
            })
            .collect();
        let edges = GraphEdges::new(&model.services, edges);
        GraphReport {
            schema_version: SCHEMA_VERSION,
            services,
            edges,
        }
    }
}
