//! The decomposition hint that comes with every answer: keep the monolith and its first
//! seams, the roles of a role-split monolith to scale first, or the service-level smells of a
//! set of services (shared datastores, dependency cycles, hubs, missing gateway). Reads the
//! model, graph and facts; renders nothing.

use std::collections::{BTreeMap, BTreeSet};

use petgraph::graph::NodeIndex;
use serde::Serialize;

use crate::analysis::classify::Class;
use crate::analysis::facts::{FactName, Facts, image_key};
use crate::analysis::graph::{EdgeKind, ServiceGraph};
use crate::analysis::recommend::Outcome;
use crate::model::Model;
use crate::source::{Location, Pos, SourceMap};
use crate::tr;

/// Names for a sentence: at most 8, then "and N more" (the hint's `services` keeps them all).
fn list<S: AsRef<str>>(names: &[S]) -> String {
    const SHOWN: usize = 8;
    let mut out = names
        .iter()
        .take(SHOWN)
        .map(|n| n.as_ref())
        .collect::<Vec<_>>()
        .join(", ");
    if names.len() > SHOWN {
        out.push_str(&tr!("hint-list-more", n = names.len() - SHOWN));
    }
    out
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Hint {
    /// `keep-monolith`, `role-split`, `shared-datastore`, `dependency-cycle`, `hub-service`,
    /// `no-gateway`, `decompose-candidates`, `no-smells`.
    pub kind: String,
    pub title: String,
    /// What to do first.
    pub advice: String,
    /// What in the files shows it, in one sentence.
    pub evidence: String,
    /// How sure the hint is: `high` (the files say it outright), `medium` (a strong pattern),
    /// `low` (worth a look; the files may not show everything).
    pub confidence: HintConfidence,
    pub services: Vec<String>,
    pub locations: Vec<Location>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum HintConfidence {
    High,
    Medium,
    Low,
}

impl HintConfidence {
    pub fn as_str(self) -> &'static str {
        match self {
            HintConfidence::High => "high",
            HintConfidence::Medium => "medium",
            HintConfidence::Low => "low",
        }
    }
}

/// The database a service uses on `store`: the path of a connection URL naming the store
/// (`postgres://u@db:5432/orders` → `orders`), or a `*_DB`/`*_DATABASE` variable.
fn database_name(s: &crate::model::Service, store: &str) -> Option<String> {
    for e in &s.environment {
        let Some(v) = &e.value else { continue };
        if let Some(rest) = v.split("://").nth(1) {
            let authority_end = rest.find('/').unwrap_or(rest.len());
            let authority = &rest[..authority_end];
            let host = authority
                .rsplit('@')
                .next()
                .unwrap_or("")
                .split(':')
                .next()
                .unwrap_or("");
            if host == store {
                let db = rest[authority_end..]
                    .trim_start_matches('/')
                    .split(['?', '/'])
                    .next()
                    .unwrap_or("");
                if !db.is_empty() {
                    return Some(db.to_string());
                }
            }
        }
    }
    // ADO.NET / JDBC-style key=value connection strings: `Server=sqldata;Database=CatalogDb`.
    for e in &s.environment {
        let Some(v) = &e.value else { continue };
        let pairs: Vec<(String, &str)> = v
            .split(';')
            .filter_map(|p| p.split_once('='))
            .map(|(k, val)| (k.trim().to_ascii_lowercase(), val.trim()))
            .collect();
        let names_store = pairs.iter().any(|(k, val)| {
            matches!(k.as_str(), "server" | "data source" | "host" | "address")
                && val
                    .split([',', ':'])
                    .next()
                    .is_some_and(|h| h.trim_start_matches("tcp:") == store)
        });
        if names_store
            && let Some((_, db)) = pairs
                .iter()
                .find(|(k, _)| k == "database" || k == "initial catalog")
        {
            return Some(db.to_string());
        }
    }
    s.environment
        .iter()
        .filter(|e| {
            let n = e.name.to_ascii_uppercase();
            n.ends_with("_DB")
                || n.ends_with("_DATABASE")
                || n.ends_with("_DB_NAME")
                || n == "DATABASE_NAME"
        })
        .find_map(|e| {
            e.value
                .as_deref()
                .filter(|v| !v.is_empty())
                .map(str::to_string)
        })
}

fn locs(sm: &SourceMap, pos: impl IntoIterator<Item = Pos>) -> Vec<Location> {
    let mut v: Vec<Location> = pos.into_iter().map(|p| sm.location(p.primary())).collect();
    v.sort_unstable();
    v.dedup();
    v
}

pub fn hints(
    model: &Model,
    graph: &ServiceGraph,
    facts: &Facts,
    outcome: Outcome,
    role_split: bool,
    sm: &SourceMap,
) -> Vec<Hint> {
    let svcs = &model.services;
    let d = &facts.derived;
    let mut out = Vec::new();
    let name = |i: usize| svcs[i].name.to_string();
    let du = facts.number(FactName::DeployableUnits).unwrap_or(0.0) as usize;
    let roles = facts.number(FactName::Roles).unwrap_or(0.0) as usize;

    // Datastores, brokers and workers around the first-party code: the first seams.
    let seams: Vec<usize> = d
        .running
        .iter()
        .copied()
        .filter(|&i| {
            matches!(
                graph.node(i).class,
                Class::Database
                    | Class::Broker
                    | Class::Search
                    | Class::ObjectStorage
                    | Class::Cache
            )
        })
        .collect();

    // Services that own a private datastore are microservices sharing an image (DeathStarBench),
    // not roles of one codebase.
    let owners: BTreeSet<usize> = d
        .datastore_users
        .values()
        .filter_map(|u| {
            if let [only] = u.as_slice() {
                Some(*only)
            } else {
                None
            }
        })
        .collect();
    let role_groups: Vec<&Vec<usize>> = d
        .image_groups
        .iter()
        .filter(|m| m.len() >= 2 && m.iter().filter(|i| owners.contains(i)).count() < 2)
        .collect();
    // a seam of broker edges needs a broker in the file (the fact counts Redis-like queues too)
    let has_broker = facts.number(FactName::Brokers).unwrap_or(0.0) > 0.0;
    if role_split || !role_groups.is_empty() {
        // Group first-party services by image: each group's roles are the first cuts.
        for members in role_groups {
            let mut by_role: BTreeMap<&str, Vec<String>> = BTreeMap::new();
            for &i in members {
                by_role.entry(graph.node(i).role).or_default().push(name(i));
            }
            let roles_text: Vec<String> = by_role
                .iter()
                .map(|(r, s)| format!("{r}: {}", list(s)))
                .collect();
            let worker_first = by_role.contains_key("worker") || by_role.contains_key("scheduler");
            out.push(Hint {
                kind: "role-split".into(),
                title: tr!(
                    "hint-role-split-title",
                    image = image_key(&svcs[members[0]]).trim_start_matches("build:"),
                    n = members.len()
                ),
                advice: tr!(
                    "hint-role-split-advice",
                    roles = roles_text.join("; "),
                    next = if worker_first && has_broker {
                        tr!("hint-role-split-next-queue")
                    } else if worker_first {
                        tr!("hint-role-split-next-workers")
                    } else {
                        tr!("hint-role-split-next-edges")
                    }
                ),
                evidence: tr!(
                    "hint-role-split-evidence",
                    n = members.len(),
                    source = if svcs[members[0]].build.is_some() {
                        "build"
                    } else {
                        "image"
                    }
                ),
                confidence: HintConfidence::High,
                services: members.iter().map(|&i| name(i)).collect(),
                locations: locs(sm, members.iter().map(|&i| svcs[i].name_pos)),
            });
        }
    } else if du <= 1 && roles <= 1 && !d.first_party.is_empty() {
        let app = d.first_party[0];
        let seam_names: Vec<String> = seams.iter().map(|&i| name(i)).collect();
        let (kind, title, advice) = if outcome == Outcome::DecomposeFirst {
            (
                "decompose-candidates",
                tr!("hint-decompose-title", service = name(app)),
                tr!(
                    "hint-decompose-advice",
                    seams = if seam_names.is_empty() {
                        tr!("hint-decompose-no-seams")
                    } else {
                        list(&seam_names)
                    }
                ),
            )
        } else {
            (
                "keep-monolith",
                tr!("hint-keep-monolith-title", service = name(app)),
                tr!(
                    "hint-keep-monolith-advice",
                    seams = if seam_names.is_empty() {
                        tr!("hint-keep-monolith-seams-modules")
                    } else {
                        tr!(
                            "hint-keep-monolith-seams-stores",
                            stores = list(&seam_names)
                        )
                    }
                ),
            )
        };
        out.push(Hint {
            kind: kind.into(),
            title,
            advice,
            evidence: tr!(
                "hint-monolith-evidence",
                service = name(app),
                n = seams.len()
            ),
            confidence: HintConfidence::Medium,
            services: vec![name(app)],
            locations: locs(sm, [svcs[app].name_pos]),
        });
    }

    // Module-level split of a described monolith: the candidate services.
    if let Some((modules, at)) = &model.modules {
        let file = sm.name(at.at.file).to_string();
        let d = crate::decompose::decompose(modules, &crate::decompose::Config::default(), &file);
        if !d.candidates.is_empty() {
            let list: Vec<String> = d
                .candidates
                .iter()
                .map(|c| {
                    if c.tables.is_empty() {
                        tr!(
                            "hint-module-candidate",
                            name = c.name.as_str(),
                            n = c.members.len()
                        )
                    } else {
                        tr!(
                            "hint-module-candidate-tables",
                            name = c.name.as_str(),
                            n = c.members.len(),
                            tables = list(&c.tables)
                        )
                    }
                })
                .collect();
            let decompose = outcome == Outcome::DecomposeFirst;
            out.push(Hint {
                kind: "module-candidates".into(),
                title: tr!(
                    "hint-module-title",
                    candidates = d.candidates.len(),
                    modules = modules.modules.len()
                ),
                advice: tr!(
                    "hint-module-advice",
                    lead = if decompose {
                        tr!("hint-module-advice-extract")
                    } else {
                        tr!("hint-module-advice-seams")
                    },
                    candidates = list.join("; "),
                    cut = d.cut_edges.len(),
                    file = file.as_str()
                ),
                evidence: tr!(
                    "hint-module-evidence",
                    modules = modules.modules.len(),
                    cut = d.cut_edges.len()
                ),
                confidence: HintConfidence::Medium,
                services: d.candidates.iter().map(|c| c.name.clone()).collect(),
                locations: locs(sm, [*at]),
            });
        }
    }

    // Shared datastores: first-party users from several codebases (roles of one image
    // sharing their store is the role-split case, not a smell). A codebase is an image or build
    // context, and the code directory it runs when one development image serves several.
    let codebases = |users: &[usize]| {
        users
            .iter()
            .map(|&u| (image_key(&svcs[u]), svcs[u].extras().working_dir.clone()))
            .collect::<BTreeSet<_>>()
            .len()
    };
    for (&store, users) in &d.datastore_users {
        // A database or search server usually hosts a database per service, so it takes three
        // codebases to call it shared; a cache's one keyspace is shared by two.
        let needed = if graph.node(store).class == Class::Cache {
            2
        } else {
            3
        };
        if users.len() >= 2 && codebases(users) >= needed {
            // One server with a database per user is not shared persistence.
            // Users whose connection names a database are grouped by it; users that only
            // depend on the server (no database named) are not evidence of a shared schema.
            let mut by_db: BTreeMap<String, usize> = BTreeMap::new();
            for &u in users {
                if let Some(db) = database_name(&svcs[u], &svcs[store].name) {
                    *by_db.entry(db).or_default() += 1;
                }
            }
            if !by_db.is_empty() && by_db.values().all(|&n| n < needed) {
                continue;
            }
            out.push(Hint {
                kind: "shared-datastore".into(),
                title: tr!(
                    "hint-shared-store-title",
                    store = name(store),
                    n = users.len()
                ),
                advice: if graph.node(store).class == Class::Cache {
                    tr!(
                        "hint-shared-cache-advice",
                        services = list(&users.iter().map(|&u| name(u)).collect::<Vec<_>>())
                    )
                } else {
                    tr!(
                        "hint-shared-store-advice",
                        services = list(&users.iter().map(|&u| name(u)).collect::<Vec<_>>())
                    )
                },
                evidence: if by_db.is_empty() {
                    tr!(
                        "hint-shared-store-evidence",
                        n = users.len(),
                        codebases = codebases(users),
                        store = name(store)
                    )
                } else {
                    tr!(
                        "hint-shared-database-evidence",
                        n = by_db.values().max().copied().unwrap_or(0),
                        store = name(store)
                    )
                },
                confidence: if by_db.is_empty() {
                    HintConfidence::Medium
                } else {
                    HintConfidence::High
                },
                services: std::iter::once(name(store))
                    .chain(users.iter().map(|&u| name(u)))
                    .collect(),
                locations: locs(sm, [svcs[store].name_pos]),
            });
        }
    }

    // Dependency cycles among first-party services (env references and depends_on).
    let fp: BTreeSet<usize> = d.first_party.iter().copied().collect();
    let sub = graph.graph.filter_map(
        |idx, n| fp.contains(&idx.index()).then_some(n.service),
        |_, e| {
            (matches!(
                e.kind,
                EdgeKind::DependsOn | EdgeKind::EnvReference | EdgeKind::Links
            ) && !e.shared_config)
                .then_some((e.pos, e.kind))
        },
    );
    for scc in petgraph::algo::tarjan_scc(&sub) {
        if scc.len() < 2 {
            continue;
        }
        let mut members: Vec<usize> = scc.iter().map(|n| sub[*n]).collect();
        members.sort_unstable();
        // Roles of one codebase naming each other (web ↔ worker) are not a distributed monolith.
        if members
            .iter()
            .map(|&i| image_key(&svcs[i]))
            .collect::<BTreeSet<_>>()
            .len()
            < 2
        {
            continue;
        }
        let in_cycle: BTreeSet<_> = scc.iter().copied().collect();
        let edges: Vec<(String, String, Pos, EdgeKind)> = scc
            .iter()
            .flat_map(|n| {
                sub.edges(*n)
                    .filter(|e| in_cycle.contains(&petgraph::visit::EdgeRef::target(e)))
                    .map(|e| {
                        let (pos, kind) = *e.weight();
                        (
                            name(sub[*n]),
                            name(sub[petgraph::visit::EdgeRef::target(&e)]),
                            pos,
                            kind,
                        )
                    })
                    .collect::<Vec<_>>()
            })
            .collect();
        let edge_pos: Vec<Pos> = edges.iter().map(|e| e.2).collect();
        let all_declared = edges.iter().all(|e| e.3 != EdgeKind::EnvReference);
        let shown: Vec<String> = edges
            .iter()
            .map(|(a, b, _, k)| format!("{a} → {b} ({})", k.as_str()))
            .collect();
        out.push(Hint {
            kind: "dependency-cycle".into(),
            title: tr!(
                "hint-cycle-title",
                services = list(&members.iter().map(|&i| name(i)).collect::<Vec<_>>())
            ),
            advice: tr!("hint-cycle-advice"),
            evidence: tr!("hint-cycle-evidence", calls = list(&shown)),
            confidence: if all_declared {
                HintConfidence::High
            } else {
                HintConfidence::Medium
            },
            services: members.iter().map(|&i| name(i)).collect(),
            locations: locs(sm, edge_pos),
        });
    }

    // Hubs: first-party services many other first-party services need.
    if fp.len() >= 4 {
        let indeg: BTreeMap<usize, usize> = fp
            .iter()
            .map(|&i| {
                // callers from other codebases only: roles of one image are not a hub's callers
                let own = image_key(&svcs[i]);
                let n = graph
                    .graph
                    .neighbors_directed(NodeIndex::new(i), petgraph::Direction::Incoming)
                    .filter(|s| fp.contains(&s.index()))
                    .map(|s| image_key(&svcs[s.index()]))
                    .filter(|k| *k != own)
                    .collect::<BTreeSet<_>>()
                    .len();
                (i, n)
            })
            .collect();
        let n = indeg.len() as f64;
        let mean = indeg.values().sum::<usize>() as f64 / n;
        let sd = (indeg
            .values()
            .map(|&v| (v as f64 - mean).powi(2))
            .sum::<f64>()
            / n)
            .sqrt();
        let threshold = (mean + 2.0 * sd).max(3.0);
        for (&i, &deg) in &indeg {
            if deg as f64 >= threshold {
                out.push(Hint {
                    kind: "hub-service".into(),
                    title: tr!("hint-hub-title", service = name(i), n = deg),
                    advice: tr!("hint-hub-advice"),
                    evidence: tr!(
                        "hint-hub-evidence",
                        n = deg,
                        mean = format!("{mean:.1}"),
                        threshold = format!("{threshold:.1}")
                    ),
                    confidence: HintConfidence::Medium,
                    services: vec![name(i)],
                    locations: locs(sm, [svcs[i].name_pos]),
                });
            }
        }
    }

    // Mega service: one first-party service holding two or more datastores and most edges.
    let mut private_stores: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (&store, u) in &d.datastore_users {
        if let [only] = u.as_slice() {
            private_stores.entry(*only).or_default().push(store);
        }
    }
    for &i in &d.first_party {
        let stores = private_stores.get(&i).cloned().unwrap_or_default();
        let degree = graph.needs(i).len()
            + graph
                .graph
                .neighbors_directed(NodeIndex::new(i), petgraph::Direction::Incoming)
                .count();
        let total: usize = graph.graph.edge_count();
        if stores.len() >= 2 && fp.len() >= 3 && total > 0 && degree * 2 > total {
            out.push(Hint {
                kind: "mega-service".into(),
                title: tr!("hint-mega-title", service = name(i), n = stores.len()),
                advice: tr!(
                    "hint-mega-advice",
                    stores = list(&stores.iter().map(|&s| name(s)).collect::<Vec<_>>())
                ),
                evidence: tr!(
                    "hint-mega-evidence",
                    n = stores.len(),
                    degree = degree,
                    total = total
                ),
                confidence: HintConfidence::Medium,
                services: vec![name(i)],
                locations: locs(sm, [svcs[i].name_pos]),
            });
        }
    }
    // Nano services: first-party services with no ports, no dependants and no dependencies — so
    // no datastore of their own either (owning one is a dependency on it).
    if fp.len() >= 5 {
        let isolated: Vec<usize> = fp
            .iter()
            .copied()
            .filter(|&i| {
                svcs[i].ports.is_empty()
                    && svcs[i].extras().expose.is_empty()
                    && graph.needs(i).is_empty()
                    && graph
                        .graph
                        .neighbors_directed(NodeIndex::new(i), petgraph::Direction::Incoming)
                        .next()
                        .is_none()
                    && !matches!(graph.node(i).role, "worker" | "scheduler")
            })
            .collect();
        if isolated.len() >= 2 {
            out.push(Hint {
                kind: "nano-services".into(),
                title: tr!("hint-nano-title", n = isolated.len()),
                advice: tr!("hint-nano-advice"),
                evidence: tr!("hint-nano-evidence"),
                confidence: HintConfidence::Low,
                services: isolated.iter().map(|&i| name(i)).collect(),
                locations: locs(sm, isolated.iter().map(|&i| svcs[i].name_pos)),
            });
        }
    }

    // Missing gateway: several first-party services publish ports and no proxy is present.
    let publishing: Vec<usize> = d
        .first_party
        .iter()
        .copied()
        // HTTP needs a gateway; a UDP media or DNS port does not
        .filter(|&i| {
            svcs[i]
                .ports
                .iter()
                .any(|p| p.published.is_some() && p.protocol().is_none_or(|x| x == "tcp"))
        })
        .collect();
    // A front door: a proxy, or a first-party service named as a gateway or reverse proxy
    // (`api-gateway`, `nginx-thrift`, `ts-ui-dashboard`) that the system builds itself.
    let front_door = |i: usize| {
        graph.node(i).class == Class::Proxy
            || svcs[i]
                .name
                .to_ascii_lowercase()
                .split(['-', '_'])
                .any(|t| {
                    matches!(
                        t,
                        "gateway"
                            | "gw"
                            | "apigw"
                            | "proxy"
                            | "nginx"
                            | "openresty"
                            | "haproxy"
                            | "envoy"
                            | "traefik"
                            | "ingress"
                            | "edge"
                            | "zuul"
                            | "bff"
                            | "dashboard"
                    )
                })
    };
    let has_proxy = d.running.iter().any(|&i| front_door(i));
    if publishing.len() >= 3 && !has_proxy {
        out.push(Hint {
            kind: "no-gateway".into(),
            title: tr!("hint-gateway-title", n = publishing.len()),
            advice: tr!("hint-gateway-advice"),
            evidence: tr!("hint-gateway-evidence", n = publishing.len()),
            confidence: HintConfidence::Medium,
            services: publishing.iter().map(|&i| name(i)).collect(),
            locations: locs(
                sm,
                publishing
                    .iter()
                    .filter_map(|&i| svcs[i].ports.first().map(|p| p.pos)),
            ),
        });
    }

    if out.is_empty() {
        out.push(Hint {
            kind: "no-smells".into(),
            title: tr!("hint-no-smells-title"),
            advice: if d.first_party.is_empty() {
                tr!("hint-no-smells-advice-no-code")
            } else {
                tr!("hint-no-smells-advice")
            },
            evidence: tr!("hint-no-smells-evidence"),
            confidence: HintConfidence::Medium,
            services: vec![],
            locations: vec![],
        });
    }
    out
}
