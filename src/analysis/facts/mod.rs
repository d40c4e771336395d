//! Facts: a closed set of typed numbers and flags computed once from the model, the service
//! graph and the declared facts. Rules read facts by name; they never look at YAML or petgraph.
//! Each fact keeps the positions of its evidence so findings can point at the exact node (the
//! first [`EVIDENCE_KEPT`], which is all a finding shows).

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::analysis::classify::Class;
use crate::analysis::graph::ServiceGraph;
use crate::model::declared::{DeclaredFacts, Origin, Value};
use crate::model::{Mode, Model, MountKind, Service};
use crate::source::{Pos, Str};

mod name;
pub use name::FactName;
// the did-you-mean helper, for `name` (named from there as `super::suggest`)
use crate::source::suggest;

/// How many evidence positions a fact keeps: a finding's location and the further locations
/// it lists. A fact over 10,000 services would otherwise hold 10,000 positions nobody reads.
pub const EVIDENCE_KEPT: usize = 21;

#[derive(Debug, Clone)]
pub struct Fact {
    pub value: Value,
    /// Positions of the evidence in the files, sorted; the first [`EVIDENCE_KEPT`] of them;
    /// empty for aggregates.
    pub evidence: Vec<Pos>,
    /// Set for declared facts.
    pub origin: Option<Origin>,
}

#[derive(Debug, Clone, Default)]
pub struct Facts {
    pub map: BTreeMap<FactName, Fact>,
    /// Per-service derived data reused by hints.
    pub derived: Derived,
}

/// Intermediate results that hints and reports reuse.
#[derive(Debug, Clone, Default)]
pub struct Derived {
    pub running: Vec<usize>,
    /// One-shot services: an init/migration role, or awaited with
    /// `service_completed_successfully` (the plan makes them Jobs).
    pub one_shot: BTreeSet<usize>,
    pub first_party: Vec<usize>,
    /// datastore service → first-party users (sorted).
    pub datastore_users: BTreeMap<usize, Vec<usize>>,
    /// The first-party services built from one image that two or more of them share, a list per
    /// image (in image-key order).
    pub image_groups: Vec<Vec<usize>>,
}

impl Facts {
    pub fn get(&self, name: FactName) -> Option<&Fact> {
        self.map.get(&name)
    }
    pub fn number(&self, name: FactName) -> Option<f64> {
        self.get(name).and_then(|f| f.value.as_f64())
    }
    pub fn flag(&self, name: FactName) -> Option<bool> {
        self.get(name).and_then(|f| f.value.as_bool())
    }
    fn set(&mut self, name: FactName, value: Value, mut evidence: Vec<Pos>) {
        evidence.sort();
        evidence.dedup();
        evidence.truncate(EVIDENCE_KEPT);
        evidence.shrink_to_fit();
        self.map.insert(
            name,
            Fact {
                value,
                evidence,
                origin: None,
            },
        );
    }
    fn num(&mut self, name: FactName, n: usize, evidence: Vec<Pos>) {
        self.set(name, Value::Number(n as f64), evidence);
    }
    fn flag_set(&mut self, name: FactName, b: bool, evidence: Vec<Pos>) {
        self.set(name, Value::Bool(b), evidence);
    }

    /// Computes every fact once.
    pub fn compute(model: &Model, graph: &ServiceGraph, declared: &DeclaredFacts) -> Facts {
        let mut f = Facts::default();
        let svcs = &model.services;
        let class = |i: usize| graph.node(i).class;
        let role = |i: usize| graph.node(i).role;

        // one-shot services: init/migration names, or awaited with service_completed_successfully
        let awaited: BTreeSet<&str> = svcs
            .iter()
            .flat_map(|s| s.depends_on.iter())
            .filter(|d| d.condition == crate::model::Condition::ServiceCompletedSuccessfully)
            .map(|d| d.service.as_str())
            .collect();
        let one_shot: BTreeSet<usize> = (0..svcs.len())
            .filter(|&i| role(i) == "one-shot" || awaited.contains(svcs[i].name.as_str()))
            .collect();
        let running: Vec<usize> = (0..svcs.len())
            .filter(|&i| {
                !one_shot.contains(&i)
                    && !matches!(svcs[i].mode(), Mode::ReplicatedJob | Mode::GlobalJob)
                    && svcs[i].extras().schedule.is_none()
            })
            .collect();
        let first_party: Vec<usize> = running
            .iter()
            .copied()
            .filter(|&i| class(i) == Class::App)
            .collect();
        f.num(FactName::Services, svcs.len(), vec![]);
        f.num(FactName::RunningServices, running.len(), vec![]);
        f.num(FactName::FirstPartyServices, first_party.len(), vec![]);

        // datastore ownership: graph edges plus name affinity
        let datastores: Vec<usize> = running
            .iter()
            .copied()
            .filter(|&i| {
                matches!(
                    class(i),
                    Class::Database | Class::Search | Class::ObjectStorage
                )
            })
            .collect();
        let mut users: BTreeMap<usize, BTreeSet<usize>> =
            datastores.iter().map(|d| (*d, BTreeSet::new())).collect();
        for &a in &first_party {
            for (t, _) in graph.needs(a) {
                if let Some(u) = users.get_mut(&t) {
                    u.insert(a);
                }
            }
        }
        // Name affinity (`movie-id-mongodb` ↔ `movie-id-service`): first-party indices are in
        // name order, so the services starting with a stem are one contiguous range.
        let fp_names: Vec<Str> = first_party
            .iter()
            .map(|&a| {
                svcs[a]
                    .name
                    .chars()
                    .map(|c| c.to_ascii_lowercase())
                    .collect()
            })
            .collect();
        let mut fp_sorted: Vec<(usize, &str)> = first_party
            .iter()
            .copied()
            .zip(fp_names.iter().map(Str::as_str))
            .collect();
        fp_sorted.sort_by(|a, b| a.1.cmp(b.1));
        // The stem names one owner: the service called exactly the stem (or `stem-service`),
        // else the one service starting with it. A stem several services share
        // (`mythical-database` beside `mythical-server`, `mythical-recorder`, …) names none.
        for &d in &datastores {
            if let Some(stem) = datastore_stem(&svcs[d].name) {
                let start = fp_sorted.partition_point(|(_, n)| *n < stem.as_str());
                let matching: Vec<(usize, &str)> = fp_sorted[start..]
                    .iter()
                    .take_while(|(_, n)| n.starts_with(stem.as_str()))
                    .filter(|(_, n)| *n == stem || n[stem.len()..].starts_with(['-', '_']))
                    .copied()
                    .collect();
                let exact: Vec<usize> = matching
                    .iter()
                    .filter(|(_, n)| {
                        *n == stem
                            || matches!(&n[stem.len()..], "-service" | "_service" | "-svc" | "-api")
                    })
                    .map(|(a, _)| *a)
                    .collect();
                let owners = if !exact.is_empty() {
                    exact
                } else if matching.len() == 1 {
                    vec![matching[0].0]
                } else {
                    vec![]
                };
                users.get_mut(&d).expect("datastore").extend(owners);
            }
        }
        let private: Vec<usize> = users
            .iter()
            .filter(|(_, u)| u.len() == 1)
            .map(|(d, _)| *d)
            .collect();
        let shared: Vec<usize> = users
            .iter()
            .filter(|(_, u)| u.len() >= 3)
            .map(|(d, _)| *d)
            .collect();
        let max_users = users.values().map(BTreeSet::len).max().unwrap_or(0);
        f.num(
            FactName::PrivateDatastores,
            private.len(),
            private.iter().map(|&d| svcs[d].name_pos).collect(),
        );
        f.num(
            FactName::SharedDatastores,
            shared.len(),
            shared.iter().map(|&d| svcs[d].name_pos).collect(),
        );
        f.num(FactName::MaxDatastoreUsers, max_users, vec![]);
        let owners: BTreeSet<usize> = private
            .iter()
            .filter_map(|d| users[d].iter().next().copied())
            .collect();

        // deployable units and roles; each service's keys computed once
        let image_keys: Vec<Cow<str>> = svcs.iter().map(image_key).collect();
        let unit_keys: Vec<Cow<str>> = svcs
            .iter()
            .enumerate()
            .map(|(i, s)| unit_key(s, graph.repo(i)))
            .collect();
        // Groups of first-party services by a key, as runs of one sorted list (in key order,
        // each run in service order): one list, not a map of lists (a large file has one key
        // per service).
        fn runs<'k>(services: &[usize], key: impl Fn(usize) -> &'k str) -> Vec<usize> {
            let mut by_key = services.to_vec();
            by_key.sort_by(|&a, &b| key(a).cmp(key(b)));
            by_key
        }
        let by_image = runs(&first_party, |i| &image_keys[i]);
        let image_runs: Vec<&[usize]> = by_image
            .chunk_by(|&a, &b| image_keys[a] == image_keys[b])
            .collect();
        let groups: Vec<Vec<usize>> = image_runs
            .iter()
            .filter(|g| g.len() >= 2)
            .copied()
            .map(<[usize]>::to_vec)
            .collect();
        // Deployable units: versions of one service (`reviews-v1`, `reviews-v2`; tags of one
        // repository) are one unit; same-image services owning a datastore each count.
        let du: usize = runs(&first_party, |i| &unit_keys[i])
            .chunk_by(|&a, &b| unit_keys[a] == unit_keys[b])
            .map(|g| g.iter().filter(|i| owners.contains(i)).count().max(1))
            .sum();
        // roles: distinct (image, command) pairs, counted on the image runs
        let mut roles = 0;
        for g in image_runs {
            let mut cmds: Vec<String> = g
                .iter()
                .map(|&i| {
                    let s = &svcs[i];
                    s.extras()
                        .entrypoint
                        .iter()
                        .chain(s.command.as_deref())
                        .flat_map(|c| c.value.iter().map(Str::as_str))
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .collect();
            cmds.sort_unstable();
            cmds.dedup();
            roles += cmds.len();
        }
        f.num(FactName::DeployableUnits, du, vec![]);
        f.num(FactName::Roles, roles, vec![]);
        f.flag_set(
            FactName::SingleRoleMonolith,
            !first_party.is_empty() && du <= 1 && roles <= 1,
            vec![],
        );

        // fan-out: share of running services from the top-2 images (any class)
        let mut by_image: HashMap<&str, usize> = HashMap::new();
        for &i in &running {
            *by_image.entry(&image_keys[i]).or_default() += 1;
        }
        let mut counts: Vec<usize> = by_image.into_values().collect();
        counts.sort_unstable_by(|a, b| b.cmp(a));
        let top2: usize = counts.iter().take(2).sum();
        let fan = if running.is_empty() {
            0
        } else {
            top2 * 100 / running.len()
        };
        f.num(FactName::FanOutPercent, fan, vec![]);

        let stateful: Vec<usize> = running
            .iter()
            .copied()
            .filter(|&i| class(i).is_stateful())
            .collect();
        f.num(
            FactName::StatefulServices,
            stateful.len(),
            stateful.iter().map(|&i| svcs[i].name_pos).collect(),
        );
        // Brokers, plus Redis-like caches that worker or scheduler services need (Celery,
        // Sidekiq and RQ queue through Redis).
        let queue_caches: BTreeSet<usize> = first_party
            .iter()
            .filter(|&&i| matches!(role(i), "worker" | "scheduler"))
            .flat_map(|&i| graph.needs(i))
            .map(|(t, _)| t)
            .filter(|&t| class(t) == Class::Cache)
            .collect();
        let brokers: Vec<usize> = running
            .iter()
            .copied()
            .filter(|&i| class(i) == Class::Broker || queue_caches.contains(&i))
            .collect();
        f.num(
            FactName::Brokers,
            brokers.len(),
            brokers.iter().map(|&i| svcs[i].name_pos).collect(),
        );

        // replicas on first-party services
        let mut max_rep = 0u64;
        let mut rep_pos = Vec::new();
        for &i in &first_party {
            let s = &svcs[i];
            let r = s.replicas().unwrap_or(1);
            let pos = s.deploy().replicas.as_ref().map(|r| r.pos).or(s
                .extras()
                .scale
                .as_ref()
                .map(|x| x.pos));
            if r > max_rep {
                max_rep = r;
                rep_pos.clear();
            }
            if r == max_rep && r > 1 {
                rep_pos.extend(pos);
            }
        }
        f.num(
            FactName::MaxReplicas,
            max_rep.max(u64::from(!first_party.is_empty())) as usize,
            rep_pos,
        );

        // multi-node and rolling-update intent
        let mut multi = Vec::new();
        let mut rolling = Vec::new();
        for &i in &running {
            let s = &svcs[i];
            if let Some(m) = &s.deploy().mode
                && m.value == Mode::Global
            {
                multi.push(m.pos);
            }
            multi.extend(s.deploy().placement);
            multi.extend(
                s.ports
                    .iter()
                    .filter(|p| p.mode() == Some("ingress"))
                    .map(|p| p.pos),
            );
            rolling.extend(s.deploy().update_config);
            rolling.extend(s.deploy().rollback_config);
            rolling.extend(s.extras().pdb);
        }
        for n in model.networks.values() {
            if let Some(d) = &n.driver
                && d.value == "overlay"
            {
                multi.push(d.pos);
            }
        }
        f.num(FactName::MultiNodeSignals, multi.len(), multi);
        f.num(FactName::RollingUpdateSignals, rolling.len(), rolling);

        let mut autoheal = Vec::new();
        let mut probes = Vec::new();
        let mut hpas = Vec::new();
        for (i, s) in svcs.iter().enumerate() {
            if graph.repo(i) == Some("willfarrell/autoheal") {
                autoheal.push(s.name_pos);
            }
            autoheal.extend(
                s.extras()
                    .labels
                    .iter()
                    .filter(|(k, _)| k.as_str() == "autoheal" || k.starts_with("autoheal."))
                    .map(|(_, v)| v.pos),
            );
            probes.extend(
                s.extras()
                    .probes
                    .liveness
                    .iter()
                    .chain(s.extras().probes.readiness.iter())
                    .copied(),
            );
            hpas.extend(s.extras().hpa);
        }
        f.flag_set(FactName::Autoheal, !autoheal.is_empty(), autoheal);
        f.num(FactName::Probes, probes.len(), probes);
        f.num(FactName::Autoscalers, hpas.len(), hpas);

        let workers: Vec<usize> = first_party
            .iter()
            .copied()
            .filter(|&i| matches!(role(i), "worker" | "scheduler"))
            .collect();
        f.num(
            FactName::WorkerServices,
            workers.len(),
            workers.iter().map(|&i| svcs[i].name_pos).collect(),
        );
        let mut jobs: Vec<Pos> = svcs
            .iter()
            .filter_map(|s| match &s.deploy().mode {
                Some(m) if matches!(m.value, Mode::ReplicatedJob | Mode::GlobalJob) => Some(m.pos),
                _ => s.extras().schedule,
            })
            .collect();
        jobs.extend(model.jobs);
        f.num(FactName::JobServices, jobs.len(), jobs);

        let lb: Vec<Pos> = svcs
            .iter()
            .filter(|s| s.replicas().unwrap_or(2) > 1)
            .flat_map(|s| {
                s.extras()
                    .labels
                    .iter()
                    .filter(|(k, _)| {
                        k.starts_with("traefik.http.services")
                            || k.starts_with("traefik.http.routers")
                            || k.starts_with("traefik.enable")
                    })
                    .map(|(_, v)| v.pos)
            })
            .collect();
        f.flag_set(FactName::LbOverReplicas, !lb.is_empty(), lb);

        let named: Vec<Pos> = first_party
            .iter()
            .filter_map(|&i| svcs[i].extras().container_name.as_ref().map(|c| c.pos))
            .collect();
        let pct = if first_party.is_empty() {
            0
        } else {
            named.len() * 100 / first_party.len()
        };
        f.num(FactName::FixedNamePercent, pct, named);

        let mut coupling = Vec::new();
        let mut dev = Vec::new();
        for (i, s) in svcs.iter().enumerate() {
            // A monitoring agent reading the engine's socket is not the system controlling
            // its host: on a cluster it becomes a per-node agent (DaemonSet).
            let monitoring = class(i) == Class::Observability;
            for m in &s.mounts {
                if !monitoring
                    && m.kind == MountKind::Bind
                    && m.source
                        .as_deref()
                        .is_some_and(|p| p.ends_with("docker.sock"))
                {
                    coupling.push(m.pos);
                }
            }
            coupling.extend(s.extras().devices.iter().copied());
            if s.extras().privileged {
                coupling.push(s.name_pos);
            }
            if let Some(nm) = &s.extras().network_mode
                && nm.value == "host"
            {
                coupling.push(nm.pos);
            }
        }
        for &i in &first_party {
            let s = &svcs[i];
            if s.build.is_some() {
                for m in &s.mounts {
                    if m.kind == MountKind::Bind
                        && is_code_bind(m.source.as_deref().unwrap_or(""), &m.target)
                    {
                        dev.push(m.pos);
                    }
                }
            }
            if let Some(t) = s.build.as_ref().and_then(|b| b.target.as_ref()) {
                let t_l = t.value.to_ascii_lowercase();
                if t_l == "dev" || t_l.starts_with("develop") || t_l == "debug" {
                    dev.push(t.pos);
                }
            }
            dev.extend(s.extras().develop_watch);
        }
        f.num(FactName::HostCoupling, coupling.len(), coupling);

        // Links between first-party codebases: depends_on and links, addresses in settings,
        // declared calls and APIs — not the addresses of a shared env file.
        let fp_set: BTreeSet<usize> = first_party.iter().copied().collect();
        let mut calls: Vec<Pos> = Vec::new();
        for e in graph.graph.edge_references() {
            use petgraph::visit::EdgeRef;
            let (a, b) = (
                graph.graph[e.source()].service,
                graph.graph[e.target()].service,
            );
            let w = e.weight();
            if fp_set.contains(&a)
                && fp_set.contains(&b)
                && !w.shared_config
                && matches!(
                    w.kind,
                    crate::analysis::graph::EdgeKind::EnvReference
                        | crate::analysis::graph::EdgeKind::DependsOn
                        | crate::analysis::graph::EdgeKind::Links
                        | crate::analysis::graph::EdgeKind::Calls
                        | crate::analysis::graph::EdgeKind::Api
                        | crate::analysis::graph::EdgeKind::Async
                )
                && unit_keys[a] != unit_keys[b]
            {
                calls.push(w.pos);
            }
        }
        f.num(FactName::ServiceCalls, calls.len(), calls);

        // One vendor's prebuilt images: nothing is built here and every first-party image comes
        // from one registry namespace (`ghcr.io/acme/…`, `getsentry/…`).
        let built_here = running.iter().any(|&i| svcs[i].build.is_some());
        let namespaces: BTreeSet<&str> = first_party
            .iter()
            .filter_map(|&i| graph.repo(i))
            .map(|repo| repo.rsplit_once('/').map_or("", |(ns, _)| ns))
            .collect();
        let one_vendor = !built_here
            && first_party.len() >= 2
            && namespaces.len() == 1
            && namespaces
                .iter()
                .all(|&n| !n.is_empty() && n != "library" && n != "docker.io/library");
        // images the user classified `vendor` count too; first-party code beside them does not
        let declared_vendor: Vec<usize> = running
            .iter()
            .copied()
            .filter(|&i| {
                let s = &svcs[i];
                let declared = s
                    .extras()
                    .class_override
                    .as_ref()
                    .map(|o| o.value)
                    .or_else(|| {
                        graph
                            .repo(i)
                            .and_then(|r| model.image_classes.get(r))
                            .map(|o| o.value)
                    });
                declared == Some(crate::model::class::ClassOverride::Vendor)
            })
            .collect();
        let vendor: Vec<usize> = if one_vendor {
            first_party
                .iter()
                .chain(&declared_vendor)
                .copied()
                .collect()
        } else if first_party.is_empty() {
            declared_vendor
        } else {
            Vec::new()
        };
        f.num(
            FactName::VendorImages,
            vendor.len(),
            vendor
                .iter()
                .filter_map(|&i| svcs[i].image.as_ref().map(|x| x.pos))
                .collect(),
        );
        f.num(FactName::DevSignals, dev.len(), dev);

        let mut sharing: BTreeMap<&str, usize> = BTreeMap::new();
        for s in svcs {
            for c in s.extras().configs.iter().chain(s.extras().secrets.iter()) {
                *sharing.entry(c.as_str()).or_default() += 1;
            }
        }
        f.num(
            FactName::MaxConfigSharing,
            sharing.values().copied().max().unwrap_or(0),
            vec![],
        );
        f.flag_set(
            FactName::KubernetesInput,
            model.kinds.contains(&crate::model::InputKind::Kubernetes),
            vec![],
        );
        f.num(
            FactName::ClusterExtensions,
            model.cluster_extensions.len(),
            model.cluster_extensions.iter().map(|(_, p)| *p).collect(),
        );
        f.num(
            FactName::UnsetVariables,
            model.unset_variables.len(),
            vec![],
        );

        // declared facts
        for (key, d) in &declared.facts {
            if key == "expect" {
                continue;
            }
            if let Ok(name) = key.parse::<FactName>() {
                let evidence = match &d.origin {
                    Origin::File(p) => vec![*p],
                    _ => vec![],
                };
                f.map.insert(
                    name,
                    Fact {
                        value: d.value.clone(),
                        evidence,
                        origin: Some(d.origin.clone()),
                    },
                );
            }
        }
        if let (Some(av), Some(dpm)) = (
            declared.number("availability"),
            declared.number("deploys-per-month"),
        ) {
            let budget_s = (100.0 - av) / 100.0 * 30.0 * 24.0 * 3600.0;
            let pct = if budget_s <= 0.0 {
                100_000.0
            } else {
                (dpm * 60.0 / budget_s * 100.0).round()
            };
            let origin = declared.get("deploys-per-month").map(|d| d.origin.clone());
            f.map.insert(
                FactName::DeployBudgetPercent,
                Fact {
                    value: Value::Number(pct),
                    evidence: vec![],
                    origin,
                },
            );
        }
        // Caches join the datastores for the hints (a shared keyspace is a smell), after the
        // ownership facts, which count databases, search engines and object stores only.
        // (each first-party service's edges read once: many caches and many services stay linear)
        for &c in running.iter().filter(|&&i| class(i) == Class::Cache) {
            users.insert(c, BTreeSet::new());
        }
        for &a in &first_party {
            for (t, _) in graph.needs(a) {
                if class(t) == Class::Cache
                    && let Some(u) = users.get_mut(&t)
                {
                    u.insert(a);
                }
            }
        }
        f.derived = Derived {
            running,
            one_shot,
            first_party,
            datastore_users: users
                .into_iter()
                .map(|(d, u)| (d, u.into_iter().collect()))
                .collect(),
            image_groups: groups,
        };
        f
    }
}

/// The image a service runs, or its build context: services with equal keys are one codebase.
pub fn image_key(s: &Service) -> Cow<'_, str> {
    match (&s.image, &s.build) {
        (_, Some(b)) => Cow::Owned(format!(
            "build:{}:{}",
            b.context,
            b.dockerfile.as_deref().unwrap_or("Dockerfile")
        )),
        (Some(i), None) => Cow::Borrowed(&i.value),
        (None, None) => Cow::Owned(format!("service:{}", s.name)),
    }
}

/// The codebase a service deploys, across versions: the image repository without tag, with a
/// version suffix (`-v2`, `_v10`) of its last path component removed; a build context as in
/// `image_key`.
/// `repo` is the service's image repository, computed once by the caller.
pub fn unit_key<'a>(s: &'a Service, repo: Option<&'a str>) -> Cow<'a, str> {
    let Some(repo) = repo.filter(|_| s.build.is_none()) else {
        return image_key(s);
    };
    let (head, last) = match repo.rsplit_once('/') {
        Some((h, l)) => (Some(h), l),
        None => (None, repo),
    };
    let stem = last
        .rsplit_once(['-', '_'])
        .filter(|(_, v)| {
            v.len() >= 2 && v.starts_with('v') && v[1..].bytes().all(|b| b.is_ascii_digit())
        })
        .map_or(last, |(stem, _)| stem);
    match head {
        _ if stem.len() == last.len() => Cow::Borrowed(repo),
        Some(h) => Cow::Owned(format!("{h}/{stem}")),
        None => Cow::Borrowed(stem),
    }
}

/// `movie-id-mongodb` → `movie-id`, `carts-db` → `carts`, `catalogue_db` → `catalogue`.
fn datastore_stem(name: &str) -> Option<String> {
    let n = name.to_ascii_lowercase();
    for suffix in [
        "-mongodb",
        "-mongo",
        "-mysql",
        "-postgres",
        "-postgresql",
        "-db",
        "_db",
        "-database",
        "-redis",
        "-memcached",
        "-cassandra",
        "-es",
        "-elasticsearch",
        "db",
    ] {
        if let Some(stem) = n.strip_suffix(suffix) {
            let stem = stem.trim_end_matches(['-', '_']);
            if stem.len() >= 3 {
                return Some(stem.to_string());
            }
        }
    }
    None
}

/// A bind mount of project source into the container (`./src:/app`), not of a config file.
fn is_code_bind(source: &str, target: &str) -> bool {
    if source.starts_with('/') {
        return false;
    }
    let last = source
        .trim_end_matches('/')
        .rsplit('/')
        .next()
        .unwrap_or("");
    let looks_like_file = last.contains('.') && last != "." && last != "..";
    if looks_like_file {
        return false;
    }
    let code_targets = [
        "/app",
        "/usr/src",
        "/code",
        "/src",
        "/var/www",
        "/opt/app",
        "/workspace",
        "/home/node",
        "/project",
    ];
    code_targets
        .iter()
        .any(|t| target == *t || target.starts_with(&format!("{t}/")))
        || source == "."
        || source == "./"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fact_keeps_its_first_evidence_only() {
        let at = |i: u32| {
            Pos::new(crate::source::Span {
                file: 0,
                start: i,
                end: i + 1,
            })
        };
        let mut f = Facts::default();
        f.num(
            FactName::RunningServices,
            50,
            (0..50).rev().map(at).collect(),
        );
        let kept = &f.get(FactName::RunningServices).unwrap().evidence;
        assert_eq!(kept, &(0..EVIDENCE_KEPT as u32).map(at).collect::<Vec<_>>());
        assert_eq!(f.number(FactName::RunningServices), Some(50.0));
    }

    #[test]
    fn versions_of_one_service_are_one_unit() {
        let svc = |image: &str| Service {
            image: Some(crate::model::Located::new(image.into(), Pos::default())),
            ..Service::default()
        };
        let k = |i: &str| {
            let s = svc(i);
            unit_key(&s, s.image_repo().as_deref()).into_owned()
        };
        assert_eq!(
            k("docker.io/istio/examples-bookinfo-reviews-v1:1.17"),
            k("docker.io/istio/examples-bookinfo-reviews-v3:1.17")
        );
        assert_eq!(k("acme/app:web"), k("acme/app:worker"));
        assert_ne!(k("acme/api"), k("acme/web"));
        assert_ne!(k("acme/vault"), k("acme/va"));
    }

    #[test]
    fn stems_and_code_binds() {
        assert_eq!(
            datastore_stem("movie-id-mongodb").as_deref(),
            Some("movie-id")
        );
        assert_eq!(datastore_stem("carts-db").as_deref(), Some("carts"));
        assert_eq!(datastore_stem("db"), None);
        assert!(is_code_bind("./backend", "/app"));
        assert!(is_code_bind(".", "/usr/src/app"));
        assert!(!is_code_bind("./nginx.conf", "/etc/nginx/nginx.conf"));
        assert!(!is_code_bind(
            "/var/run/docker.sock",
            "/var/run/docker.sock"
        ));
    }
}
