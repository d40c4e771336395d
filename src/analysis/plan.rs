//! The migration plan: what will bite on the way from Compose to Kubernetes (friction, each at
//! its line, from the catalogue in `rules/friction/`), what each service becomes, and in which
//! order to move them (waves that never place a service before one it depends on). For
//! Kubernetes input advised Compose, what is given up. It computes from the model and graph; it
//! never renders and never quotes values (healthcheck commands and environment entries appear
//! only as locations in the source).

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::analysis::classify::Class;
use crate::analysis::facts::Facts;
use crate::analysis::graph::{EdgeKind, ServiceGraph};
use crate::analysis::recommend::Outcome;
use crate::model::{Condition, InputKind, Mode, Model, MountKind};
use crate::source::{Location, Pos, SourceMap, Str};
use crate::tr;

/// What in a compose file resists the move: a closed set computed here; the catalogue says
/// what each means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Signal {
    HostNetwork,
    HostNamespace,
    ExtraHosts,
    Privileged,
    Devices,
    DockerSocket,
    HostPathMount,
    CodeBindMount,
    BuildOnly,
    ContainerName,
    Links,
    DependsOnCondition,
    VolumesFrom,
    HostIpPort,
    EnvFile,
    Secrets,
    Configs,
    Healthcheck,
    Restart,
    Resources,
    OneShot,
    Profiles,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Difficulty {
    /// No equivalent: the service must change before it can move.
    Blocker,
    /// An equivalent with another shape.
    Rework,
    /// A direct translation.
    Mechanical,
}

impl Difficulty {
    pub fn as_str(self) -> &'static str {
        match self {
            Difficulty::Blocker => "blocker",
            Difficulty::Rework => "rework",
            Difficulty::Mechanical => "mechanical",
        }
    }
}

/// One entry of the friction catalogue (`rules/friction/compose.toml`, baked by the build
/// script: `build_support/friction.rs`).
#[derive(Debug, Clone)]
pub struct Entry {
    pub id: &'static str,
    pub signal: Signal,
    pub construct: &'static str,
    pub difficulty: Difficulty,
    pub explanation: &'static str,
    /// The Korean texts (`[friction.ko]`): every entry has them (a test).
    pub ko: Option<EntryText>,
}

/// An entry's human-readable texts in another language.
#[derive(Debug, Clone)]
pub struct EntryText {
    pub construct: &'static str,
    pub explanation: &'static str,
}

impl Entry {
    /// The construct and explanation in the language of this process.
    pub fn texts(&self) -> (&'static str, &'static str) {
        match (&self.ko, crate::locale::lang()) {
            (Some(k), crate::locale::Lang::Ko) => (k.construct, k.explanation),
            _ => (self.construct, self.explanation),
        }
    }
}

include!(concat!(env!("OUT_DIR"), "/friction.rs"));

/// The built-in catalogue: compiled in, nothing parsed at run time.
pub fn catalogue() -> &'static [Entry] {
    ENTRIES
}

/// One place where the move will bite: a catalogue entry (its id, difficulty and texts are read
/// from it, not copied: a large file has one per service) at a service's line.
#[derive(Debug, Clone)]
pub struct Friction {
    entry: &'static Entry,
    pub service: Str,
    pub location: Option<Location>,
    /// The service's index in the model (none for a service switched off by profiles).
    index: Option<u32>,
}

impl Friction {
    /// The catalogue entry's id (`F-HOSTNET`).
    pub fn id(&self) -> &'static str {
        self.entry.id
    }

    pub fn difficulty(&self) -> Difficulty {
        self.entry.difficulty
    }

    /// The Kubernetes construct to use instead, in the language of this process.
    pub fn construct(&self) -> &'static str {
        self.entry.texts().0
    }

    /// Why, in the language of this process.
    pub fn explanation(&self) -> &'static str {
        self.entry.texts().1
    }
}

// A friction entry as written: the doc comment below is the schema's description.
/// One place where the move will bite.
#[derive(Serialize, schemars::JsonSchema)]
#[schemars(rename = "Friction")]
struct FrictionFields<'a> {
    /// The catalogue entry (`F-HOSTNET`).
    id: &'static str,
    service: &'a str,
    difficulty: Difficulty,
    /// The Kubernetes construct to use instead.
    construct: &'static str,
    explanation: &'static str,
    location: &'a Option<Location>,
}

impl Serialize for Friction {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (construct, explanation) = self.entry.texts();
        FrictionFields {
            id: self.entry.id,
            service: &self.service,
            difficulty: self.entry.difficulty,
            construct,
            explanation,
            location: &self.location,
        }
        .serialize(s)
    }
}

impl schemars::JsonSchema for Friction {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        FrictionFields::schema_name()
    }
    fn json_schema(g: &mut schemars::SchemaGenerator) -> schemars::Schema {
        FrictionFields::json_schema(g)
    }
}

/// What a service becomes in the cluster.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Workload {
    pub service: Str,
    /// `Deployment`, `StatefulSet`, `DaemonSet`, `Job` or `CronJob`.
    pub kind: &'static str,
    /// The objects the team writes and owns for it (the workload first).
    pub objects: Objects,
    /// Set for stateful services: keep them managed or outside the cluster, and why.
    pub keep_outside: Option<String>,
}

/// What a workload may need besides itself, listed in this order after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::IntoStaticStr, strum::EnumIter)]
pub enum Owned {
    Service,
    Ingress,
    HorizontalPodAutoscaler,
    PodDisruptionBudget,
    ConfigMap,
    Secret,
    PersistentVolumeClaim,
}

/// A workload's objects: its kind, then the [`Owned`] objects it needs, in their order. A set
/// of flags rather than a list per workload (a large file has one per service); written as the
/// list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Objects {
    kind: &'static str,
    owned: u8,
}

impl Objects {
    fn new(kind: &'static str) -> Objects {
        Objects { kind, owned: 0 }
    }

    fn add(&mut self, o: Owned) {
        self.owned |= 1 << o as u8;
    }

    pub fn iter(&self) -> impl Iterator<Item = &'static str> + '_ {
        use strum::IntoEnumIterator;
        let owned = Owned::iter()
            .filter(|o| self.owned & (1 << *o as u8) != 0)
            .map(<&'static str>::from);
        std::iter::once(self.kind).chain(owned)
    }

    pub fn len(&self) -> usize {
        1 + self.owned.count_ones() as usize
    }

    /// Never: a workload is always one of its objects.
    pub fn is_empty(&self) -> bool {
        false
    }
}

impl Serialize for Objects {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

crate::list_schema!(Objects, &'static str);

/// The objects as renderers list them: `Deployment, Service, Ingress`.
impl std::fmt::Display for Objects {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (i, o) in self.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            f.write_str(o)?;
        }
        Ok(())
    }
}

/// One step of the move.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Wave {
    /// 0: what stays outside the cluster; then in dependency order.
    pub number: usize,
    pub services: Vec<Str>,
    /// Friction ids its services must clear, as `F-ID service`.
    pub friction: Vec<Str>,
}

/// A Kubernetes feature the files use that Compose gives up.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct GivenUp {
    pub service: Str,
    pub feature: String,
    /// The Compose equivalent, or what is lost.
    pub compose: String,
    pub location: Option<Location>,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Plan {
    /// A migration to Kubernetes is advised (the outcome is kubernetes or leans that way).
    pub advised: bool,
    /// One sentence: the verdict on the move.
    pub summary: String,
    pub friction: Vec<Friction>,
    pub workloads: Vec<Workload>,
    pub waves: Vec<Wave>,
    /// Objects to write and own in the cluster (services kept outside not counted).
    pub objects: usize,
    /// For Kubernetes input advised `compose`: what the move back gives up.
    pub given_up: Vec<GivenUp>,
}

/// The signals of one service, with where each is written.
fn signals(s: &crate::model::Service, one_shot: bool) -> Vec<(Signal, Pos)> {
    let mut out = Vec::new();
    let at = s.name_pos;
    if let Some(nm) = s
        .extras()
        .network_mode
        .as_ref()
        .filter(|n| n.value == "host")
    {
        out.push((Signal::HostNetwork, nm.pos));
    }
    if let Some(p) = s.extras().host_namespaces.first() {
        out.push((Signal::HostNamespace, *p));
    }
    if let Some(p) = s.extras().extra_hosts {
        out.push((Signal::ExtraHosts, p));
    }
    if s.extras().privileged {
        out.push((Signal::Privileged, at));
    }
    if let Some(d) = s.extras().devices.first() {
        out.push((Signal::Devices, *d));
    }
    for m in &s.mounts {
        let src = m.source.as_deref().unwrap_or("");
        if src.contains("docker.sock") {
            out.push((Signal::DockerSocket, m.pos));
        } else if m.kind == MountKind::Bind && (src.starts_with('/') || src.starts_with('~')) {
            out.push((Signal::HostPathMount, m.pos));
        } else if m.kind == MountKind::Bind {
            out.push((Signal::CodeBindMount, m.pos));
        }
    }
    if let Some(b) = s.build.as_ref().filter(|_| s.image.is_none()) {
        out.push((Signal::BuildOnly, b.pos));
    }
    if let Some(c) = &s.extras().container_name {
        out.push((Signal::ContainerName, c.pos));
    }
    if let Some(l) = s.extras().links.first() {
        out.push((Signal::Links, l.pos));
    }
    if let Some(d) = s.depends_on.iter().find(|d| {
        matches!(
            d.condition,
            Condition::ServiceHealthy | Condition::ServiceCompletedSuccessfully
        )
    }) {
        out.push((Signal::DependsOnCondition, d.pos));
    }
    if let Some(v) = s.extras().volumes_from.first() {
        out.push((Signal::VolumesFrom, v.pos));
    }
    if let Some(p) = s.ports.iter().find(|p| p.host_ip().is_some()) {
        out.push((Signal::HostIpPort, p.pos));
    }
    if s.environment.iter().any(|e| e.env_file.is_some()) {
        out.push((Signal::EnvFile, at));
    }
    if !s.extras().secrets.is_empty() {
        out.push((Signal::Secrets, at));
    }
    if !s.extras().configs.is_empty() {
        out.push((Signal::Configs, at));
    }
    if let Some(h) = s.healthcheck.filter(|_| !s.healthcheck_disabled) {
        out.push((Signal::Healthcheck, h));
    }
    if let Some(r) = &s.restart {
        out.push((Signal::Restart, r.pos));
    }
    if let Some(r) = s.deploy().resources_limits {
        out.push((Signal::Resources, r));
    }
    if one_shot {
        out.push((Signal::OneShot, at));
    }
    if !s.extras().profiles.is_empty() {
        out.push((Signal::Profiles, at));
    }
    out
}

/// Edges that order a start: a service needs what it depends on to be running first.
fn orders(kind: EdgeKind) -> bool {
    matches!(
        kind,
        EdgeKind::DependsOn | EdgeKind::Links | EdgeKind::VolumesFrom | EdgeKind::NetworkMode
    )
}

pub fn plan(
    model: &Model,
    graph: &ServiceGraph,
    facts: &Facts,
    outcome: Outcome,
    lean: Option<Outcome>,
    sm: &SourceMap,
) -> Plan {
    let svcs = &model.services;
    let advised = outcome == Outcome::Kubernetes || lean == Some(Outcome::Kubernetes);
    let compose_input = model.kinds.contains(&InputKind::Compose);
    let by_signal: BTreeMap<Signal, &Entry> = catalogue().iter().map(|e| (e.signal, e)).collect();

    let one_shot = |i: usize| facts.derived.one_shot.contains(&i);
    let mut friction = Vec::new();
    if compose_input {
        for (i, s) in svcs.iter().enumerate() {
            for (sig, pos) in signals(s, one_shot(i)) {
                let Some(&entry) = by_signal.get(&sig) else {
                    continue;
                };
                friction.push(Friction {
                    entry,
                    service: s.name.clone(),
                    location: Some(sm.location(pos.primary())),
                    index: u32::try_from(i).ok(),
                });
            }
        }
    }
    // services switched off by profiles are what an overlay per environment would carry
    if compose_input && let Some(&entry) = by_signal.get(&Signal::Profiles) {
        for (name, at) in model.inactive.iter().zip(&model.inactive_at) {
            friction.push(Friction {
                entry,
                service: name.as_str().into(),
                location: Some(sm.location(at.primary())),
                index: None,
            });
        }
    }
    friction.sort_by(|a, b| {
        (a.difficulty(), &a.service, a.id()).cmp(&(b.difficulty(), &b.service, b.id()))
    });
    friction.shrink_to_fit();

    // what each service becomes
    let dependants = |i: usize| {
        graph
            .graph
            .neighbors_directed(
                petgraph::graph::NodeIndex::new(i),
                petgraph::Direction::Incoming,
            )
            .next()
            .is_some()
    };
    let mut workloads = Vec::with_capacity(svcs.len());
    let mut outside: BTreeSet<usize> = BTreeSet::new();
    for (i, s) in svcs.iter().enumerate() {
        let class = graph.node(i).class;
        let kind = if class.is_stateful() {
            "StatefulSet"
        } else if s.mode() == Mode::Global {
            "DaemonSet"
        } else if s.extras().schedule.is_some() {
            "CronJob"
        } else if one_shot(i) || matches!(s.mode(), Mode::ReplicatedJob | Mode::GlobalJob) {
            "Job"
        } else {
            "Deployment"
        };
        let mut objects = Objects::new(kind);
        if !s.ports.is_empty() || !s.extras().expose.is_empty() || dependants(i) {
            objects.add(Owned::Service);
        }
        let publishes_http = s
            .ports
            .iter()
            .any(|p| p.published.is_some() && p.protocol().is_none_or(|x| x == "tcp"));
        if publishes_http && matches!(class, Class::App | Class::Proxy) {
            objects.add(Owned::Ingress);
        }
        let replicas = s.replicas().unwrap_or(1);
        if replicas > 1 || s.extras().hpa.is_some() {
            objects.add(Owned::HorizontalPodAutoscaler);
            objects.add(Owned::PodDisruptionBudget);
        }
        if !s.extras().configs.is_empty() || s.environment.iter().any(|e| e.env_file.is_some()) {
            objects.add(Owned::ConfigMap);
        }
        if !s.extras().secrets.is_empty() {
            objects.add(Owned::Secret);
        }
        if s.mounts.iter().any(|m| {
            m.kind == MountKind::Volume
                || (m.kind == MountKind::Bind
                    && m.source.as_deref().is_some_and(|x| x.starts_with('/')))
        }) && !s.mounts.iter().all(|m| {
            m.source
                .as_deref()
                .is_some_and(|x| x.contains("docker.sock"))
        }) {
            objects.add(Owned::PersistentVolumeClaim);
        }
        let keep_outside = class
            .is_stateful()
            .then(|| tr!("plan-keep-outside", class = class.as_str()));
        if keep_outside.is_some() {
            outside.insert(i);
        }
        workloads.push(Workload {
            service: s.name.clone(),
            kind,
            objects,
            keep_outside,
        });
    }
    let objects: usize = workloads
        .iter()
        .filter(|w| w.keep_outside.is_none())
        .map(|w| w.objects.len())
        .sum();

    // waves: 0 is what stays outside; each service one wave after the latest it depends on.
    // The dependencies of all services in one list (`deps(i)` is service i's slice, sorted and
    // without repeats), not a list per service: a large file has one per service.
    let n = svcs.len();
    let mut dep_start: Vec<usize> = Vec::with_capacity(n + 1);
    let mut dep_list: Vec<u32> = Vec::with_capacity(graph.graph.edge_count());
    dep_start.push(0);
    let mut one: Vec<u32> = Vec::new();
    for i in 0..n {
        one.clear();
        one.extend(
            graph
                .graph
                .edges(petgraph::graph::NodeIndex::new(i))
                .filter(|e| orders(e.weight().kind))
                .map(|e| petgraph::visit::EdgeRef::target(&e).index())
                .filter(|&t| t != i)
                .map(|t| t as u32),
        );
        one.sort_unstable();
        one.dedup();
        dep_list.extend_from_slice(&one);
        dep_start.push(dep_list.len());
    }
    let deps = |i: usize| {
        dep_list[dep_start[i]..dep_start[i + 1]]
            .iter()
            .map(|&d| d as usize)
    };
    // Wave 0 holds the services kept outside whose own dependencies are outside too: one that
    // needs an in-cluster service (a tracing agent) is ordered after it like the others.
    let mut wave0 = outside.clone();
    loop {
        let keep: BTreeSet<usize> = wave0
            .iter()
            .copied()
            .filter(|&i| deps(i).all(|d| wave0.contains(&d)))
            .collect();
        if keep.len() == wave0.len() {
            break;
        }
        wave0 = keep;
    }
    // Each service one wave after the latest it depends on, in topological order (Kahn): every
    // service and dependency is visited once, whatever the depth of the chains. Compose refuses
    // dependency cycles; a cycle from another input kind leaves its members, and what waits on
    // them, in one last wave.
    const UNPLACED: usize = usize::MAX;
    let mut wave_of: Vec<usize> = vec![UNPLACED; n];
    for &i in &wave0 {
        wave_of[i] = 0;
    }
    // who waits on whom, as one list too: dependents of d at dependents[start[d]..start[d + 1]]
    let mut waiting = vec![0u32; n];
    let mut start = vec![0usize; n + 1];
    for i in (0..n).filter(|&i| wave_of[i] == UNPLACED) {
        for d in deps(i).filter(|&d| wave_of[d] == UNPLACED) {
            waiting[i] += 1;
            start[d + 1] += 1;
        }
    }
    for d in 0..n {
        start[d + 1] += start[d];
    }
    let mut filled = start.clone();
    let mut dependents = vec![0u32; start[n]];
    for i in (0..n).filter(|&i| wave_of[i] == UNPLACED) {
        for d in deps(i).filter(|&d| wave_of[d] == UNPLACED) {
            dependents[filled[d]] = i as u32;
            filled[d] += 1;
        }
    }
    drop(filled);
    let mut ready: Vec<usize> = (0..n)
        .filter(|&i| wave_of[i] == UNPLACED && waiting[i] == 0)
        .collect();
    while let Some(i) = ready.pop() {
        let w = 1 + deps(i)
            .map(|d| wave_of[d])
            .filter(|&w| w != UNPLACED && w > 0)
            .max()
            .unwrap_or(0);
        wave_of[i] = w;
        for &j in &dependents[start[i]..start[i + 1]] {
            let j = j as usize;
            waiting[j] -= 1;
            if waiting[j] == 0 {
                ready.push(j);
            }
        }
    }
    drop((dependents, start, waiting));
    let last = wave_of
        .iter()
        .filter(|&&w| w != UNPLACED)
        .max()
        .map_or(1, |m| m + 1);
    for w in wave_of.iter_mut().filter(|w| **w == UNPLACED) {
        *w = last;
    }
    // services by wave, then name
    let mut order: Vec<u32> = (0..n as u32).collect();
    let rank = crate::model::name_ranks(svcs);
    order.sort_unstable_by_key(|&i| (wave_of[i as usize], rank[i as usize]));
    // friction by wave in one pass, in the order of the friction list
    let mut friction_of: BTreeMap<usize, Vec<Str>> = BTreeMap::new();
    for f in &friction {
        if let Some(i) = f.index {
            friction_of
                .entry(wave_of[i as usize])
                .or_default()
                .push(compact_str::format_compact!("{} {}", f.id(), f.service));
        }
    }
    let mut waves: Vec<Wave> = Vec::new();
    for chunk in order.chunk_by(|&a, &b| wave_of[a as usize] == wave_of[b as usize]) {
        let number = wave_of[chunk[0] as usize];
        let mut services: Vec<Str> = Vec::with_capacity(chunk.len());
        for &i in chunk {
            let name = &svcs[i as usize].name;
            if services.last() != Some(name) {
                services.push(name.clone());
            }
        }
        waves.push(Wave {
            number,
            services,
            friction: friction_of.remove(&number).unwrap_or_default(),
        });
    }

    // the way back: what Kubernetes input gives up on Compose
    let mut given_up = Vec::new();
    if model.kinds.contains(&InputKind::Kubernetes) && outcome == Outcome::Compose {
        for s in svcs {
            let mut add = |feature: &str, compose: String, pos: Pos| {
                given_up.push(GivenUp {
                    service: s.name.clone(),
                    feature: feature.into(),
                    compose,
                    location: Some(sm.location(pos.primary())),
                });
            };
            if let Some(p) = s.extras().hpa {
                add("HorizontalPodAutoscaler", tr!("plan-given-up-hpa"), p);
            }
            if let Some(p) = s.extras().pdb {
                add("PodDisruptionBudget", tr!("plan-given-up-pdb"), p);
            }
            if let Some(p) = s.extras().probes.liveness {
                add("livenessProbe", tr!("plan-given-up-liveness"), p);
            }
            if let Some(p) = s.extras().probes.readiness {
                add("readinessProbe", tr!("plan-given-up-readiness"), p);
            }
        }
    }

    let blockers = friction
        .iter()
        .filter(|f| f.difficulty() == Difficulty::Blocker)
        .count();
    let movable = waves.iter().filter(|w| w.number > 0).count();
    let summary = if advised {
        tr!(
            "plan-summary-advised",
            waves = movable,
            objects = objects,
            friction = friction.len(),
            blockers = blockers
        )
    } else if !given_up.is_empty() {
        tr!("plan-summary-given-up", n = given_up.len())
    } else {
        tr!(
            "plan-summary-not-advised",
            outcome = outcome.as_str(),
            friction = friction.len(),
            blockers = blockers
        )
    };
    Plan {
        advised,
        summary,
        friction,
        workloads,
        waves,
        objects,
        given_up,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_catalogue_has_one_entry_per_signal_with_unique_ids() {
        let all = catalogue();
        let signals: BTreeSet<Signal> = all.iter().map(|e| e.signal).collect();
        assert_eq!(signals.len(), all.len(), "one entry per signal");
        assert_eq!(signals.len(), 22, "every signal has an entry");
        let ids: BTreeSet<&str> = all.iter().map(|e| e.id).collect();
        assert_eq!(ids.len(), all.len());
        assert!(all.iter().all(|e| e.id.starts_with("F-")));
    }

    #[test]
    fn every_friction_entry_has_korean() {
        for e in catalogue() {
            let ko =
                e.ko.as_ref()
                    .unwrap_or_else(|| panic!("{} has no [friction.ko]", e.id));
            assert!(
                !ko.construct.is_empty() && !ko.explanation.is_empty(),
                "{}",
                e.id
            );
        }
    }
}
