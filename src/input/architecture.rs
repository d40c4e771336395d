//! stackfit's own architecture description (`kind: stackfit/architecture`, `version: 1`):
//! typed, strict reading of the YAML tree into `Architecture`, and its mapping onto the plain
//! `Model`. It owns the format's keys and their checks; it must not read files, score, or
//! cluster (module-level decomposition lives in `crate::decompose`).

use std::collections::{BTreeMap, BTreeSet};

use crate::error::{Error, Result};
use crate::input::yaml::{Entry, Kind, Node};
use crate::model::declared;
pub use crate::model::monolith::Access;
use crate::model::{
    Build, DeclaredEntry, Deploy, Extras, InputKind, Link, LinkKind, Located, Mode, Model, Service,
};
use crate::source::{Pos, SourceMap, Str};
use crate::tr;

/// The value of the root `kind:` key that marks an architecture description.
pub const KIND: &str = "stackfit/architecture";

/// Allowed keys per mapping, in the order the JSON Schema lists them. The schema test checks
/// `schemas/architecture.schema.json` against these lists.
pub const ROOT_KEYS: &[&str] = &[
    "kind",
    "version",
    "system",
    "facts",
    "services",
    "jobs",
    "data-stores",
    "monolith",
];
pub const SERVICE_KEYS: &[&str] = &[
    "description",
    "tier",
    "image",
    "replicas",
    "calls",
    "publishes",
    "subscribes",
    "data",
    "owner",
];
pub const REPLICAS_KEYS: &[&str] = &["min", "max"];
pub const CALL_KEYS: &[&str] = &["weight", "mode"];
pub const JOB_KEYS: &[&str] = &["description", "image", "schedule", "calls", "data", "owner"];
pub const DATA_STORE_KEYS: &[&str] = &["description", "kind", "image", "owner"];
pub const MONOLITH_KEYS: &[&str] = &[
    "name",
    "image",
    "replicas",
    "modules",
    "use-cases",
    "constraints",
];
pub const MODULE_KEYS: &[&str] = &["description", "depends-on", "tables", "owner", "package"];
pub const USE_CASE_KEYS: &[&str] = &["description", "modules", "reads", "writes", "weight"];
pub const CONSTRAINT_KEYS: &[&str] = &["keep-together", "keep-apart", "target-services"];
pub const TARGET_KEYS: &[&str] = &["min", "max"];
pub const TIERS: &[&str] = &["frontend", "gateway", "backend", "worker", "data", "infra"];
pub const ACCESS: &[&str] = &["r", "w", "rw"];
pub const CALL_MODES: &[&str] = &["sync", "async"];

/// A parsed architecture description. Collections keep file order; names are unique.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Architecture {
    pub system: Option<Located<Str>>,
    /// Declared facts (`facts:`), already checked against `declared::KEYS`.
    pub facts: Vec<DeclaredEntry>,
    pub services: Vec<ArchService>,
    pub jobs: Vec<Job>,
    pub data_stores: Vec<DataStore>,
    pub monolith: Option<Monolith>,
    /// The root `kind:` key: where aggregate findings point.
    pub anchor: Pos,
}

/// A dependency on another named element, with a weight (calls/references, default 1).
#[derive(Debug, Clone, PartialEq)]
pub struct Dep {
    pub to: Str,
    pub weight: f64,
    pub asynchronous: bool,
    pub pos: Pos,
}

/// Access of a service/job to a data store, or of a module to a table.
#[derive(Debug, Clone, PartialEq)]
pub struct DataAccess {
    pub name: Str,
    pub access: Access,
    pub pos: Pos,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Replicas {
    pub min: u64,
    pub max: u64,
    pub pos: Pos,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct ArchService {
    pub name: Str,
    pub name_pos: Pos,
    pub tier: Option<Located<Str>>,
    pub image: Option<Located<Str>>,
    pub replicas: Option<Replicas>,
    pub calls: Vec<Dep>,
    pub publishes: Vec<Located<Str>>,
    pub subscribes: Vec<Located<Str>>,
    pub data: Vec<DataAccess>,
    pub owner: Option<Located<Str>>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Job {
    pub name: Str,
    pub name_pos: Pos,
    pub image: Option<Located<Str>>,
    /// Cron schedule; `None` for on-demand jobs.
    pub schedule: Option<Located<Str>>,
    pub calls: Vec<Dep>,
    pub data: Vec<DataAccess>,
    pub owner: Option<Located<Str>>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DataStore {
    pub name: Str,
    pub name_pos: Pos,
    /// The engine (`postgres`, `redis`, `kafka` …); the model's image unless `image` is given.
    pub kind: Located<Str>,
    pub image: Option<Located<Str>>,
    /// The service allowed to write the schema.
    pub owner: Option<Located<Str>>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Monolith {
    pub name: Located<Str>,
    pub image: Option<Located<Str>>,
    pub replicas: Option<Replicas>,
    pub modules: Vec<Module>,
    pub use_cases: Vec<UseCase>,
    pub constraints: Constraints,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Module {
    pub name: Str,
    pub name_pos: Pos,
    pub depends_on: Vec<Dep>,
    pub tables: Vec<DataAccess>,
    pub owner: Option<Located<Str>>,
    /// Package or folder (`com.shop.order`, `src/order`); defaults to the name's prefix.
    pub package: Option<Located<Str>>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct UseCase {
    pub name: Str,
    pub name_pos: Pos,
    pub modules: Vec<Located<Str>>,
    pub reads: Vec<Located<Str>>,
    pub writes: Vec<Located<Str>>,
    /// Relative frequency or importance (default 1).
    pub weight: f64,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Constraints {
    pub keep_together: Vec<Vec<Located<Str>>>,
    pub keep_apart: Vec<Vec<Located<Str>>>,
    pub target_services: Option<Replicas>,
}

/// True when a YAML document is an architecture description (root `kind: stackfit/architecture`).
pub fn is_architecture(root: &Node) -> bool {
    root.get("kind").and_then(Node::as_str) == Some(KIND)
}

/// Reads one architecture document strictly: unknown keys, wrong types, bad references and
/// duplicate names are input errors located at the offending node.
pub fn parse(sm: &SourceMap, _file_id: u32, root: &Node) -> Result<Architecture> {
    let r = Reader { sm };
    r.root(root)
}

struct Reader<'a> {
    sm: &'a SourceMap,
}

fn closest<'k>(key: &str, allowed: &[&'k str]) -> Option<&'k str> {
    crate::source::suggest::closest(key, allowed.iter().copied(), 2)
}

impl Reader<'_> {
    fn err(&self, pos: Pos, msg: impl Into<String>) -> Error {
        Error::input("invalid-architecture", msg).at_pos(self.sm, pos)
    }

    fn map<'n>(&self, node: &'n Node, what: &str) -> Result<&'n [Entry]> {
        if node.is_null() {
            return Ok(&[]);
        }
        node.as_map().ok_or_else(|| {
            self.err(
                node.pos,
                tr!(
                    "input-arch-not-mapping",
                    what = what,
                    found = node.type_label()
                ),
            )
        })
    }

    /// Checks every key of `entries` against `allowed`.
    fn keys(&self, entries: &[Entry], allowed: &[&str], what: &str) -> Result<()> {
        for e in entries {
            if !allowed.contains(&e.key.as_str()) {
                let hint = match closest(&e.key, allowed) {
                    Some(k) => tr!("input-arch-did-you-mean", key = k),
                    None => tr!("input-arch-allowed-keys", keys = allowed.join(", ")),
                };
                return Err(self.err(
                    e.key_pos,
                    tr!(
                        "input-arch-unknown-key",
                        key = e.key.as_str(),
                        what = what,
                        hint = hint
                    ),
                ));
            }
        }
        Ok(())
    }

    fn string(&self, node: &Node, what: &str) -> Result<Located<Str>> {
        match &node.kind {
            Kind::Scalar { text, .. } if !node.is_null() && !text.is_empty() => {
                Ok(Located::new(text.clone(), node.pos))
            }
            _ => Err(self.err(
                node.pos,
                tr!(
                    "input-arch-not-string",
                    what = what,
                    found = node.type_label()
                ),
            )),
        }
    }

    fn plain_scalar<'n>(&self, node: &'n Node) -> Option<&'n str> {
        match &node.kind {
            Kind::Scalar { text, plain: true } if node.tag.is_none() => Some(text),
            _ => None,
        }
    }

    fn count(&self, node: &Node, what: &str) -> Result<u64> {
        self.plain_scalar(node)
            .and_then(|_| node.as_i64())
            .and_then(|v| u64::try_from(v).ok())
            .ok_or_else(|| {
                self.err(
                    node.pos,
                    tr!(
                        "input-arch-not-count",
                        what = what,
                        found = node.type_label()
                    ),
                )
            })
    }

    fn weight(&self, node: &Node, what: &str) -> Result<f64> {
        self.plain_scalar(node)
            .and_then(|_| node.as_f64())
            .filter(|w| w.is_finite() && *w > 0.0)
            .ok_or_else(|| {
                self.err(
                    node.pos,
                    tr!(
                        "input-arch-not-weight",
                        what = what,
                        found = scalar_text(node)
                    ),
                )
            })
    }

    fn one_of(&self, node: &Node, allowed: &[&str], what: &str) -> Result<Located<Str>> {
        let s = self.string(node, what)?;
        if !allowed.contains(&s.value.as_str()) {
            return Err(self.err(
                node.pos,
                tr!(
                    "input-arch-not-one-of",
                    what = what,
                    allowed = allowed.join(", "),
                    found = s.value.as_str()
                ),
            ));
        }
        Ok(s)
    }

    /// A list of names: a sequence of strings, no duplicates.
    fn names(&self, node: &Node, what: &str) -> Result<Vec<Located<Str>>> {
        if node.is_null() {
            return Ok(vec![]);
        }
        let items = node.as_seq().ok_or_else(|| {
            self.err(
                node.pos,
                tr!(
                    "input-arch-not-list",
                    what = what,
                    found = node.type_label()
                ),
            )
        })?;
        let mut seen = BTreeSet::new();
        let mut out = Vec::with_capacity(items.len());
        for it in items {
            let s = self.string(it, &tr!("input-arch-entry-of", what = what))?;
            if !seen.insert(s.value.clone()) {
                return Err(self.err(
                    it.pos,
                    tr!(
                        "input-arch-listed-twice",
                        name = s.value.as_str(),
                        what = what
                    ),
                ));
            }
            out.push(s);
        }
        Ok(out)
    }

    fn replicas(&self, node: &Node, what: &str) -> Result<Replicas> {
        if node.as_map().is_none() {
            let n = self.count(node, what)?;
            return Ok(Replicas {
                min: n,
                max: n,
                pos: node.pos,
            });
        }
        let entries = self.map(node, what)?;
        self.keys(entries, REPLICAS_KEYS, what)?;
        let min = match node.get("min") {
            Some(n) => self.count(n, &format!("{what}.min"))?,
            None => 1,
        };
        let max = match node.get("max") {
            Some(n) => self.count(n, &format!("{what}.max"))?,
            None => min,
        };
        if max < min {
            return Err(self.err(
                node.pos,
                tr!(
                    "input-arch-max-below-min",
                    what = what,
                    max = max.to_string(),
                    min = min.to_string()
                ),
            ));
        }
        Ok(Replicas {
            min,
            max,
            pos: node.pos,
        })
    }

    /// `[a, b]`, `{a: 3, b: 1}` or `{a: {weight: 3, mode: async}}`.
    fn deps(&self, node: &Node, what: &str, allow_mode: bool) -> Result<Vec<Dep>> {
        if node.is_null() {
            return Ok(vec![]);
        }
        if node.as_seq().is_some() {
            return Ok(self
                .names(node, what)?
                .into_iter()
                .map(|n| Dep {
                    to: n.value,
                    weight: 1.0,
                    asynchronous: false,
                    pos: n.pos,
                })
                .collect());
        }
        let entries = node.as_map().ok_or_else(|| {
            self.err(
                node.pos,
                tr!(
                    "input-arch-not-deps",
                    what = what,
                    found = node.type_label()
                ),
            )
        })?;
        let mut out = Vec::with_capacity(entries.len());
        for e in entries {
            let inner = format!("{what}.{}", e.key);
            let mut dep = Dep {
                to: e.key.clone(),
                weight: 1.0,
                asynchronous: false,
                pos: e.key_pos,
            };
            if e.value.as_map().is_some() && allow_mode {
                let m = self.map(&e.value, &inner)?;
                self.keys(m, CALL_KEYS, &inner)?;
                if let Some(w) = e.value.get("weight") {
                    dep.weight = self.weight(w, &format!("{inner}.weight"))?;
                }
                if let Some(m) = e.value.get("mode") {
                    dep.asynchronous =
                        self.one_of(m, CALL_MODES, &format!("{inner}.mode"))?.value == "async";
                }
            } else if !e.value.is_null() {
                dep.weight = self.weight(&e.value, &inner)?;
            }
            out.push(dep);
        }
        Ok(out)
    }

    /// `{name: r|w|rw}` or a list of names (read-write).
    fn accesses(&self, node: &Node, what: &str) -> Result<Vec<DataAccess>> {
        if node.is_null() {
            return Ok(vec![]);
        }
        if node.as_seq().is_some() {
            return Ok(self
                .names(node, what)?
                .into_iter()
                .map(|n| DataAccess {
                    name: n.value,
                    access: Access::ReadWrite,
                    pos: n.pos,
                })
                .collect());
        }
        let entries = node.as_map().ok_or_else(|| {
            self.err(
                node.pos,
                tr!(
                    "input-arch-not-accesses",
                    what = what,
                    found = node.type_label()
                ),
            )
        })?;
        entries
            .iter()
            .map(|e| {
                let a = self.one_of(&e.value, ACCESS, &format!("{what}.{}", e.key))?;
                Ok(DataAccess {
                    name: e.key.clone(),
                    access: match a.value.as_str() {
                        "r" => Access::Read,
                        "w" => Access::Write,
                        _ => Access::ReadWrite,
                    },
                    pos: e.key_pos,
                })
            })
            .collect()
    }

    fn root(&self, root: &Node) -> Result<Architecture> {
        let entries = self.map(root, &tr!("input-arch-a-description"))?;
        self.keys(entries, ROOT_KEYS, &tr!("input-arch-the-description"))?;
        let kind = root
            .entry("kind")
            .ok_or_else(|| self.err(root.pos, tr!("input-arch-missing-kind", kind = KIND)))?;
        if kind.value.as_str() != Some(KIND) {
            return Err(self.err(
                kind.value.pos,
                tr!(
                    "input-arch-wrong-kind",
                    kind = KIND,
                    found = scalar_text(&kind.value)
                ),
            ));
        }
        let version = root
            .get("version")
            .ok_or_else(|| self.err(kind.key_pos, tr!("input-arch-missing-version")))?;
        if self.plain_scalar(version).and_then(|_| version.as_i64()) != Some(1) {
            return Err(self.err(
                version.pos,
                tr!(
                    "input-arch-unsupported-version",
                    found = scalar_text(version)
                ),
            ));
        }
        let mut arch = Architecture {
            anchor: kind.key_pos,
            ..Architecture::default()
        };
        if let Some(s) = root.get("system") {
            arch.system = Some(self.string(s, "system")?);
        }
        if let Some(f) = root.get("facts") {
            arch.facts = self.facts(f)?;
        }
        if let Some(n) = root.get("services") {
            for e in self.map(n, "services")? {
                arch.services.push(self.service(e)?);
            }
        }
        if let Some(n) = root.get("jobs") {
            for e in self.map(n, "jobs")? {
                arch.jobs.push(self.job(e)?);
            }
        }
        if let Some(n) = root.get("data-stores") {
            for e in self.map(n, "data-stores")? {
                arch.data_stores.push(self.data_store(e)?);
            }
        }
        if let Some(n) = root.get("monolith") {
            arch.monolith = Some(self.monolith(n)?);
        }
        self.check_references(&arch)?;
        Ok(arch)
    }

    fn facts(&self, node: &Node) -> Result<Vec<DeclaredEntry>> {
        let mut out = Vec::new();
        for e in self.map(node, "facts")? {
            let Kind::Scalar { text, .. } = &e.value.kind else {
                return Err(self.err(
                    e.value.pos,
                    tr!(
                        "input-arch-fact-not-scalar",
                        key = e.key.as_str(),
                        found = e.value.type_label()
                    ),
                ));
            };
            if let Err(m) = declared::parse(&e.key, text) {
                let known = declared::KEYS.iter().any(|k| k.0 == e.key);
                let pos = if known { e.value.pos } else { e.key_pos };
                return Err(Error::input("invalid-declared-fact", m).at_pos(self.sm, pos));
            }
            out.push(DeclaredEntry {
                key: e.key.to_string(),
                key_pos: e.key_pos,
                value: Located::new(text.to_string(), e.value.pos),
            });
        }
        Ok(out)
    }

    fn service(&self, e: &Entry) -> Result<ArchService> {
        let what = tr!("input-arch-service", name = e.key.as_str());
        let m = self.map(&e.value, &what)?;
        self.keys(m, SERVICE_KEYS, &what)?;
        let v = &e.value;
        let mut s = ArchService {
            name: e.key.clone(),
            name_pos: e.key_pos,
            ..ArchService::default()
        };
        if let Some(n) = v.get("description") {
            self.string(n, &format!("{what}.description"))?;
        }
        if let Some(n) = v.get("tier") {
            s.tier = Some(self.one_of(n, TIERS, &format!("{what}.tier"))?);
        }
        if let Some(n) = v.get("image") {
            s.image = Some(self.string(n, &format!("{what}.image"))?);
        }
        if let Some(n) = v.get("replicas") {
            s.replicas = Some(self.replicas(n, &format!("{what}.replicas"))?);
        }
        if let Some(n) = v.get("calls") {
            s.calls = self.deps(n, &format!("{what}.calls"), true)?;
        }
        if let Some(n) = v.get("publishes") {
            s.publishes = self.names(n, &format!("{what}.publishes"))?;
        }
        if let Some(n) = v.get("subscribes") {
            s.subscribes = self.names(n, &format!("{what}.subscribes"))?;
        }
        if let Some(n) = v.get("data") {
            s.data = self.accesses(n, &format!("{what}.data"))?;
        }
        if let Some(n) = v.get("owner") {
            s.owner = Some(self.string(n, &format!("{what}.owner"))?);
        }
        Ok(s)
    }

    fn job(&self, e: &Entry) -> Result<Job> {
        let what = tr!("input-arch-job", name = e.key.as_str());
        let m = self.map(&e.value, &what)?;
        self.keys(m, JOB_KEYS, &what)?;
        let v = &e.value;
        let mut j = Job {
            name: e.key.clone(),
            name_pos: e.key_pos,
            ..Job::default()
        };
        if let Some(n) = v.get("description") {
            self.string(n, &format!("{what}.description"))?;
        }
        if let Some(n) = v.get("image") {
            j.image = Some(self.string(n, &format!("{what}.image"))?);
        }
        if let Some(n) = v.get("schedule") {
            let s = self.string(n, &format!("{what}.schedule"))?;
            let fields = s.value.split_whitespace().count();
            if !(5..=6).contains(&fields) && !s.value.starts_with('@') {
                return Err(self.err(
                    n.pos,
                    tr!(
                        "input-arch-bad-schedule",
                        what = what.as_str(),
                        found = s.value.as_str()
                    ),
                ));
            }
            j.schedule = Some(s);
        }
        if let Some(n) = v.get("calls") {
            j.calls = self.deps(n, &format!("{what}.calls"), true)?;
        }
        if let Some(n) = v.get("data") {
            j.data = self.accesses(n, &format!("{what}.data"))?;
        }
        if let Some(n) = v.get("owner") {
            j.owner = Some(self.string(n, &format!("{what}.owner"))?);
        }
        Ok(j)
    }

    fn data_store(&self, e: &Entry) -> Result<DataStore> {
        let what = tr!("input-arch-data-store", name = e.key.as_str());
        let m = self.map(&e.value, &what)?;
        self.keys(m, DATA_STORE_KEYS, &what)?;
        let v = &e.value;
        if let Some(n) = v.get("description") {
            self.string(n, &format!("{what}.description"))?;
        }
        let kind = v
            .get("kind")
            .ok_or_else(|| {
                self.err(
                    e.key_pos,
                    tr!("input-arch-store-needs-kind", what = what.as_str()),
                )
            })
            .and_then(|n| self.string(n, &format!("{what}.kind")))?;
        let image = v
            .get("image")
            .map(|n| self.string(n, &format!("{what}.image")))
            .transpose()?;
        let owner = v
            .get("owner")
            .map(|n| self.string(n, &format!("{what}.owner")))
            .transpose()?;
        Ok(DataStore {
            name: e.key.clone(),
            name_pos: e.key_pos,
            kind,
            image,
            owner,
        })
    }

    fn monolith(&self, node: &Node) -> Result<Monolith> {
        let m = self.map(node, "monolith")?;
        self.keys(m, MONOLITH_KEYS, "monolith")?;
        let name = node
            .get("name")
            .ok_or_else(|| self.err(node.pos, tr!("input-arch-monolith-needs-name")))
            .and_then(|n| self.string(n, "monolith.name"))?;
        let mut mono = Monolith {
            name,
            image: None,
            replicas: None,
            modules: vec![],
            use_cases: vec![],
            constraints: Constraints::default(),
        };
        if let Some(n) = node.get("image") {
            mono.image = Some(self.string(n, "monolith.image")?);
        }
        if let Some(n) = node.get("replicas") {
            mono.replicas = Some(self.replicas(n, "monolith.replicas")?);
        }
        if let Some(n) = node.get("modules") {
            for e in self.map(n, "monolith.modules")? {
                mono.modules.push(self.module(e)?);
            }
        }
        if let Some(n) = node.get("use-cases") {
            for e in self.map(n, "monolith.use-cases")? {
                mono.use_cases.push(self.use_case(e)?);
            }
        }
        if let Some(n) = node.get("constraints") {
            mono.constraints = self.constraints(n)?;
        }
        Ok(mono)
    }

    fn module(&self, e: &Entry) -> Result<Module> {
        let what = tr!("input-arch-module", name = e.key.as_str());
        let m = self.map(&e.value, &what)?;
        self.keys(m, MODULE_KEYS, &what)?;
        let v = &e.value;
        let mut md = Module {
            name: e.key.clone(),
            name_pos: e.key_pos,
            ..Module::default()
        };
        if let Some(n) = v.get("description") {
            self.string(n, &format!("{what}.description"))?;
        }
        if let Some(n) = v.get("depends-on") {
            md.depends_on = self.deps(n, &format!("{what}.depends-on"), false)?;
        }
        if let Some(n) = v.get("tables") {
            md.tables = self.accesses(n, &format!("{what}.tables"))?;
        }
        if let Some(n) = v.get("owner") {
            md.owner = Some(self.string(n, &format!("{what}.owner"))?);
        }
        if let Some(n) = v.get("package") {
            md.package = Some(self.string(n, &format!("{what}.package"))?);
        }
        Ok(md)
    }

    fn use_case(&self, e: &Entry) -> Result<UseCase> {
        let what = tr!("input-arch-use-case", name = e.key.as_str());
        let m = self.map(&e.value, &what)?;
        self.keys(m, USE_CASE_KEYS, &what)?;
        let v = &e.value;
        let mut u = UseCase {
            name: e.key.clone(),
            name_pos: e.key_pos,
            weight: 1.0,
            ..UseCase::default()
        };
        if let Some(n) = v.get("description") {
            self.string(n, &format!("{what}.description"))?;
        }
        if let Some(n) = v.get("modules") {
            u.modules = self.names(n, &format!("{what}.modules"))?;
        }
        if let Some(n) = v.get("reads") {
            u.reads = self.names(n, &format!("{what}.reads"))?;
        }
        if let Some(n) = v.get("writes") {
            u.writes = self.names(n, &format!("{what}.writes"))?;
        }
        if let Some(n) = v.get("weight") {
            u.weight = self.weight(n, &format!("{what}.weight"))?;
        }
        Ok(u)
    }

    fn constraints(&self, node: &Node) -> Result<Constraints> {
        let m = self.map(node, "monolith.constraints")?;
        self.keys(m, CONSTRAINT_KEYS, "monolith.constraints")?;
        let mut c = Constraints::default();
        let groups = |key: &str| -> Result<Vec<Vec<Located<Str>>>> {
            let what = format!("monolith.constraints.{key}");
            let Some(n) = node.get(key) else {
                return Ok(vec![]);
            };
            let items = n.as_seq().ok_or_else(|| {
                self.err(
                    n.pos,
                    tr!(
                        "input-arch-not-groups",
                        what = what.as_str(),
                        found = n.type_label()
                    ),
                )
            })?;
            items
                .iter()
                .map(|g| {
                    let group = tr!("input-arch-group-of", what = what.as_str());
                    let names = self.names(g, &group)?;
                    if names.len() < 2 {
                        return Err(
                            self.err(g.pos, tr!("input-arch-group-too-small", what = group))
                        );
                    }
                    Ok(names)
                })
                .collect()
        };
        c.keep_together = groups("keep-together")?;
        c.keep_apart = groups("keep-apart")?;
        if let Some(n) = node.get("target-services") {
            let what = "monolith.constraints.target-services";
            let t = self.replicas(n, what)?;
            if t.min == 0 {
                return Err(self.err(n.pos, tr!("input-arch-target-min", what = what)));
            }
            c.target_services = Some(t);
        }
        Ok(c)
    }

    /// Names must be unique across services, jobs and data stores (they share one graph), and
    /// every reference must name something declared.
    fn check_references(&self, a: &Architecture) -> Result<()> {
        let mut units: BTreeMap<&str, &str> = BTreeMap::new();
        let decls = a
            .services
            .iter()
            .map(|s| (s.name.as_str(), s.name_pos, "service"))
            .chain(a.jobs.iter().map(|j| (j.name.as_str(), j.name_pos, "job")))
            .chain(
                a.data_stores
                    .iter()
                    .map(|d| (d.name.as_str(), d.name_pos, "data store")),
            );
        for (name, pos, what) in decls {
            if let Some(prev) = units.insert(name, what) {
                return Err(self.err(
                    pos,
                    tr!(
                        "input-arch-declared-twice",
                        name = name,
                        prev = unit_label(prev),
                        what = unit_label(what)
                    ),
                ));
            }
        }
        let stores: BTreeSet<&str> = a.data_stores.iter().map(|d| d.name.as_str()).collect();
        let callable = |name: &str| {
            units
                .get(name)
                .is_some_and(|w| *w == "service" || *w == "data store")
        };
        let all_calls = a
            .services
            .iter()
            .map(|s| (&s.name, &s.calls, &s.data))
            .chain(a.jobs.iter().map(|j| (&j.name, &j.calls, &j.data)));
        for (from, calls, data) in all_calls {
            for c in calls {
                if !callable(&c.to) {
                    return Err(self.err(
                        c.pos,
                        tr!(
                            "input-arch-calls-undeclared",
                            from = from.as_str(),
                            to = c.to.as_str()
                        ),
                    ));
                }
                if c.to == *from {
                    return Err(
                        self.err(c.pos, tr!("input-arch-calls-itself", from = from.as_str()))
                    );
                }
            }
            for d in data {
                if !stores.contains(d.name.as_str()) {
                    return Err(self.err(
                        d.pos,
                        tr!(
                            "input-arch-uses-undeclared",
                            from = from.as_str(),
                            store = d.name.as_str()
                        ),
                    ));
                }
            }
        }
        for d in &a.data_stores {
            if let Some(o) = &d.owner
                && units.get(o.value.as_str()) != Some(&"service")
                && units.get(o.value.as_str()) != Some(&"job")
            {
                return Err(self.err(
                    o.pos,
                    tr!(
                        "input-arch-owner-undeclared",
                        store = d.name.as_str(),
                        owner = o.value.as_str()
                    ),
                ));
            }
        }
        if let Some(m) = &a.monolith {
            self.check_monolith(m)?;
        }
        Ok(())
    }

    fn check_monolith(&self, m: &Monolith) -> Result<()> {
        let modules: BTreeSet<&str> = m.modules.iter().map(|x| x.name.as_str()).collect();
        let known = |n: &Located<Str>, ctx: &str| -> Result<()> {
            if modules.contains(n.value.as_str()) {
                Ok(())
            } else {
                Err(self.err(
                    n.pos,
                    tr!(
                        "input-arch-not-a-module",
                        ctx = ctx,
                        name = n.value.as_str()
                    ),
                ))
            }
        };
        for md in &m.modules {
            for d in &md.depends_on {
                if d.to == md.name {
                    return Err(self.err(
                        d.pos,
                        tr!("input-arch-depends-on-itself", name = md.name.as_str()),
                    ));
                }
                known(
                    &Located::new(d.to.clone(), d.pos),
                    &tr!("input-arch-module", name = md.name.as_str()),
                )?;
            }
        }
        for u in &m.use_cases {
            for n in &u.modules {
                known(n, &tr!("input-arch-use-case", name = u.name.as_str()))?;
            }
            if u.modules.is_empty() && u.reads.is_empty() && u.writes.is_empty() {
                return Err(self.err(
                    u.name_pos,
                    tr!("input-arch-empty-use-case", name = u.name.as_str()),
                ));
            }
        }
        for g in m
            .constraints
            .keep_together
            .iter()
            .chain(m.constraints.keep_apart.iter())
        {
            for n in g {
                known(n, "monolith.constraints")?;
            }
        }
        Ok(())
    }
}

fn scalar_text(node: &Node) -> String {
    match &node.kind {
        Kind::Scalar { text, .. } => text.to_string(),
        _ => tr!("input-arch-a-type", type_name = node.type_label()),
    }
}

/// The words for a kind of declared unit (`service`, `job`, `data store`) in messages.
fn unit_label(kind: &str) -> String {
    match kind {
        "service" => tr!("input-arch-unit-service"),
        "job" => tr!("input-arch-unit-job"),
        _ => tr!("input-arch-unit-data-store"),
    }
}

fn deploy_for(r: &Option<Replicas>) -> (Deploy, Option<Pos>) {
    let mut d = Deploy::default();
    let mut hpa = None;
    if let Some(r) = r {
        d.replicas = Some(Located::new(r.min.max(1), r.pos));
        if r.max > r.min {
            hpa = Some(r.pos);
        }
    }
    (d, hpa)
}

fn data_links(data: &[DataAccess]) -> impl Iterator<Item = Link> + '_ {
    data.iter().map(|d| Link {
        to: d.name.clone(),
        kind: LinkKind::DependsOn,
        pos: d.pos,
    })
}

fn call_links(calls: &[Dep]) -> impl Iterator<Item = Link> + '_ {
    calls.iter().map(|c| Link {
        to: c.to.clone(),
        kind: if c.asynchronous {
            LinkKind::Async
        } else {
            LinkKind::Calls
        },
        pos: c.pos,
    })
}

/// Maps an architecture description onto the plain model: services, jobs (scheduled or
/// on-demand), data stores (image = engine, so classification sees a database), the monolith
/// as one service, calls/data use/topics as `links_to`, and `facts:` as declared entries.
pub fn to_model(arch: &Architecture) -> Model {
    let mut services: Vec<Service> = Vec::new();
    // topic → publishers, for subscriber → publisher async links
    let mut publishers: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for s in &arch.services {
        for t in &s.publishes {
            publishers
                .entry(t.value.as_str())
                .or_default()
                .push(&s.name);
        }
    }
    for s in &arch.services {
        let (deploy, hpa) = deploy_for(&s.replicas);
        let mut links: Vec<Link> = call_links(&s.calls).chain(data_links(&s.data)).collect();
        for t in &s.subscribes {
            for p in publishers.get(t.value.as_str()).into_iter().flatten() {
                if *p != s.name {
                    links.push(Link {
                        to: (*p).into(),
                        kind: LinkKind::Async,
                        pos: t.pos,
                    });
                }
            }
        }
        services.push(Service {
            name: s.name.clone(),
            name_pos: s.name_pos,
            body: s.name_pos.primary(),
            image: s.image.clone(),
            deploy: Some(Box::new(deploy)),
            extras: Some(Box::new(Extras {
                hpa,
                links_to: links,
                ..Extras::default()
            })),
            kind: s.tier.as_ref().map(|t| t.value.clone()),
            ..Service::default()
        });
    }
    for j in &arch.jobs {
        let mut deploy = Deploy::default();
        if j.schedule.is_none() {
            deploy.mode = Some(Located::new(Mode::ReplicatedJob, j.name_pos));
        }
        services.push(Service {
            name: j.name.clone(),
            name_pos: j.name_pos,
            body: j.name_pos.primary(),
            image: j.image.clone(),
            deploy: Some(Box::new(deploy)),
            extras: Some(Box::new(Extras {
                links_to: call_links(&j.calls).chain(data_links(&j.data)).collect(),
                schedule: j.schedule.as_ref().map(|s| s.pos),
                ..Extras::default()
            })),
            kind: Some(
                if j.schedule.is_some() {
                    "CronJob"
                } else {
                    "Job"
                }
                .into(),
            ),
            ..Service::default()
        });
    }
    for d in &arch.data_stores {
        services.push(Service {
            name: d.name.clone(),
            name_pos: d.name_pos,
            body: d.name_pos.primary(),
            image: Some(d.image.clone().unwrap_or_else(|| d.kind.clone())),
            kind: Some("data".into()),
            ..Service::default()
        });
    }
    if let Some(m) = &arch.monolith
        && !services.iter().any(|s| s.name == m.name.value)
    {
        let (deploy, hpa) = deploy_for(&m.replicas);
        services.push(Service {
            name: m.name.value.clone(),
            name_pos: m.name.pos,
            body: m.name.pos.primary(),
            image: m.image.clone(),
            build: m.image.is_none().then(|| {
                Box::new(Build {
                    context: ".".into(),
                    pos: m.name.pos,
                    ..Build::default()
                })
            }),
            deploy: Some(Box::new(deploy)),
            extras: hpa.map(|hpa| {
                Box::new(Extras {
                    hpa: Some(hpa),
                    ..Extras::default()
                })
            }),
            kind: Some("monolith".into()),
            ..Service::default()
        });
    }
    crate::model::sort_services(&mut services);
    Model {
        name: arch.system.as_ref().map(|s| s.value.to_string()),
        services,
        declared: arch.facts.clone(),
        anchor: Some(arch.anchor.primary()),
        kinds: vec![InputKind::Architecture],
        ..Model::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::yaml::{self, Budget};

    fn load(text: &str) -> (SourceMap, Result<Architecture>) {
        let mut sm = SourceMap::default();
        let id = sm.add("arch.yaml".into(), "arch.yaml".into(), text.to_string());
        let docs = yaml::parse(text, id, Budget::for_len(text.len())).expect("valid yaml");
        let r = parse(&sm, id, &docs[0]);
        (sm, r)
    }

    fn err(text: &str) -> String {
        let (_, r) = load(text);
        let e = r.expect_err("should fail");
        assert_eq!(e.exit_code(), 3);
        e.to_string()
    }

    const SHOP: &str = "kind: stackfit/architecture
version: 1
system: shop
facts:
  hosts: 3
  zero-downtime: true
services:
  web:
    tier: frontend
    replicas: {min: 2, max: 10}
    calls: [orders]
  orders:
    tier: backend
    calls: {payments: {weight: 3, mode: async}}
    data: {orders-db: rw}
    publishes: [order-placed]
  payments:
    subscribes: [order-placed]
    data: [orders-db]
jobs:
  report:
    schedule: \"0 3 * * *\"
    data: {orders-db: r}
data-stores:
  orders-db: {kind: postgres, owner: orders}
";

    #[test]
    fn parses_and_maps_a_service_level_system() {
        let (_, r) = load(SHOP);
        let a = r.unwrap();
        assert_eq!(a.services.len(), 3);
        assert_eq!(a.facts.len(), 2);
        let m = to_model(&a);
        let names: Vec<&str> = m.services.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["orders", "orders-db", "payments", "report", "web"]);
        let db = &m.services[1];
        assert_eq!(db.image.as_ref().unwrap().value, "postgres");
        assert_eq!(
            crate::analysis::classify::detected_class(db),
            crate::analysis::classify::Class::Database
        );
        let web = &m.services[4];
        assert_eq!(web.replicas(), Some(2));
        assert!(web.extras().hpa.is_some());
        let orders = &m.services[0];
        assert!(
            orders
                .extras()
                .links_to
                .iter()
                .any(|l| l.to == "payments" && l.kind == LinkKind::Async)
        );
        assert!(
            orders
                .extras()
                .links_to
                .iter()
                .any(|l| l.to == "orders-db" && l.kind == LinkKind::DependsOn)
        );
        let payments = &m.services[2];
        assert!(
            payments
                .extras()
                .links_to
                .iter()
                .any(|l| l.to == "orders" && l.kind == LinkKind::Async)
        );
        assert!(m.services[3].extras().schedule.is_some());
        assert_eq!(m.kinds, vec![InputKind::Architecture]);
        let g = crate::analysis::graph::ServiceGraph::build(&m);
        assert!(g.graph.edge_count() >= 6);
    }

    #[test]
    fn unknown_keys_and_wrong_types_are_located() {
        let e = err(
            "kind: stackfit/architecture\nversion: 1\nservices:\n  web:\n    tiers: frontend\n",
        );
        assert!(e.starts_with("arch.yaml:5:5: unknown key `tiers`"), "{e}");
        assert!(e.contains("did you mean `tier`"), "{e}");
        let e =
            err("kind: stackfit/architecture\nversion: 1\nservices:\n  web:\n    replicas: many\n");
        assert!(
            e.starts_with("arch.yaml:5:15: service `web`.replicas must be a non-negative integer"),
            "{e}"
        );
        let e = err("kind: stackfit/architecture\nversion: 2\n");
        assert!(e.starts_with("arch.yaml:2:10: unsupported version"), "{e}");
        let e = err("kind: stackfit/architecture\nversion: 1\nfacts:\n  hostz: 3\n");
        assert!(e.starts_with("arch.yaml:4:3:"), "{e}");
        let e = err("kind: stackfit/architecture\nversion: 1\nfacts:\n  hosts: many\n");
        assert!(e.starts_with("arch.yaml:4:10:"), "{e}");
        let e = err("kind: stackfit/architecture\nversion: 1\nservices:\n  web: {calls: [api]}\n");
        assert!(e.starts_with("arch.yaml:4:17: `web` calls `api`"), "{e}");
        let e = err(
            "kind: stackfit/architecture\nversion: 1\nmonolith:\n  name: m\n  modules:\n    a: {tables: {t: x}}\n",
        );
        assert!(e.starts_with("arch.yaml:6:21:"), "{e}");
        let e = err(
            "kind: stackfit/architecture\nversion: 1\nmonolith:\n  name: m\n  modules:\n    a: {depends-on: {b: -1}}\n",
        );
        assert!(e.contains("must be a positive number"), "{e}");
        let e = err(
            "kind: stackfit/architecture\nversion: 1\nservices:\n  a: {}\ndata-stores:\n  a: {kind: redis}\n",
        );
        assert!(e.starts_with("arch.yaml:6:3:"), "{e}");
        let e = err("kind: stackfit/architecture\nversion: '1'\n");
        assert!(e.contains("unsupported version"), "{e}");
    }

    #[test]
    fn monolith_modules_use_cases_and_constraints() {
        let text = "kind: stackfit/architecture
version: 1
monolith:
  name: legacy
  replicas: 2
  modules:
    account: {depends-on: {catalog: 3}, tables: {account: rw}, owner: team-a}
    catalog: {tables: [product]}
    order: {depends-on: [catalog, account], tables: {orders: rw, product: r}}
  use-cases:
    checkout: {modules: [order], reads: [product], writes: [orders], weight: 2}
  constraints:
    keep-together: [[order, account]]
    target-services: {min: 2, max: 3}
";
        let (_, r) = load(text);
        let a = r.unwrap();
        let m = a.monolith.as_ref().unwrap();
        assert_eq!(m.modules.len(), 3);
        assert_eq!(m.modules[0].depends_on[0].weight, 3.0);
        assert_eq!(m.modules[2].tables[1].access, Access::Read);
        assert_eq!(m.use_cases[0].weight, 2.0);
        assert_eq!(m.constraints.keep_together.len(), 1);
        assert_eq!(m.constraints.target_services.unwrap().max, 3);
        let model = to_model(&a);
        assert_eq!(model.services.len(), 1);
        assert_eq!(model.services[0].name, "legacy");
        assert_eq!(model.services[0].replicas(), Some(2));
        let e = err(
            "kind: stackfit/architecture\nversion: 1\nmonolith:\n  name: m\n  modules:\n    a: {depends-on: [b]}\n",
        );
        assert!(e.starts_with("arch.yaml:6:22: module `a` names `b`"), "{e}");
    }

    #[test]
    fn detection() {
        let mut sm = SourceMap::default();
        let t = "kind: stackfit/architecture\nversion: 1\n";
        let id = sm.add("a".into(), "a".into(), t.into());
        let d = yaml::parse(t, id, Budget::for_len(t.len())).unwrap();
        assert!(is_architecture(&d[0]));
        let t2 = "services: {}\n";
        let d2 = yaml::parse(t2, id, Budget::for_len(t2.len())).unwrap();
        assert!(!is_architecture(&d2[0]));
    }
}
