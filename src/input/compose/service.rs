//! From the merged compose tree to the typed `Model`, key by key in both short and long
//! syntax, with Compose's type checks as located errors. Profiles, names and cycles are
//! `validate`'s; parsing short strings, `short_syntax`'s.

use std::collections::HashMap;
use std::fmt::Display;

use compact_str::ToCompactString;
use std::path::{Path, PathBuf};

use super::files::{Environment, Loader, type_error};
use super::short_syntax::{parse_short_port, shell_split, split_volume};
use super::validate::{
    References, SERVICE_KEYS, check_cycles, check_definitions, check_name, check_references, err,
    is_service_key,
};
use crate::error::{Error, Result};
use crate::input::yaml::{Kind, Node};
use crate::model::class::ClassOverride;
use crate::model::*;
use crate::source::{Pos, SourceMap, Str};
use crate::tr;

pub(super) struct Builder<'l, 'a> {
    pub(super) loader: &'l mut Loader<'a>,
    pub(super) env: &'l Environment,
    pub(super) project_dir: PathBuf,
    /// Ports produced by expanding short-syntax ranges so far (a budget: `1-65535` is legal).
    pub(super) expanded_ports: std::cell::Cell<u64>,
}

/// The most ports a project's short-syntax ranges may expand to (a budget, like the others in
/// `source::read`): Compose expands them all.
const MAX_RANGE_PORTS: u64 = 100_000;

/// The place of a service key in messages (`services.web.image`), formatted only when a message
/// is written: the helpers below take their place as `&dyn Display`, so a valid value costs no
/// string.
struct Dotted<'a>(&'a str, &'a str);

impl Display for Dotted<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "services.{}.{}", self.0, self.1)
    }
}

impl Builder<'_, '_> {
    fn sm(&self) -> &SourceMap {
        self.loader.sm
    }

    fn str_of(&self, what: &dyn Display, n: &Node) -> Result<Str> {
        match &n.kind {
            Kind::Scalar { text, .. } if !n.is_null() => Ok(text.clone()),
            _ => Err(type_error(
                self.sm(),
                &what.to_string(),
                &tr!("compose-expect-string"),
                n,
            )),
        }
    }

    fn uint_of(&self, what: &dyn Display, n: &Node) -> Result<u64> {
        match n.as_i64() {
            Some(i) if i >= 0 => Ok(i as u64),
            Some(_) => Err(err(
                self.sm(),
                n.pos,
                tr!("compose-negative", what = what.to_string()),
            )),
            None => Err(err(
                self.sm(),
                n.pos,
                tr!(
                    "compose-not-integer",
                    what = what.to_string(),
                    found = describe(n)
                ),
            )),
        }
    }

    fn bool_of(&self, what: &dyn Display, n: &Node) -> Result<bool> {
        n.as_bool().ok_or_else(|| {
            err(
                self.sm(),
                n.pos,
                tr!(
                    "compose-not-boolean",
                    what = what.to_string(),
                    found = describe(n)
                ),
            )
        })
    }

    fn map_of<'n>(
        &self,
        what: &dyn Display,
        n: &'n Node,
    ) -> Result<&'n [crate::input::yaml::Entry]> {
        n.as_map().ok_or_else(|| {
            type_error(
                self.sm(),
                &what.to_string(),
                &tr!("compose-expect-mapping"),
                n,
            )
        })
    }

    fn seq_of<'n>(&self, what: &dyn Display, n: &'n Node) -> Result<&'n [Node]> {
        n.as_seq()
            .ok_or_else(|| type_error(self.sm(), &what.to_string(), &tr!("compose-expect-list"), n))
    }

    /// The model of a merged tree. Each service's subtree is taken out of `root` and freed as
    /// soon as its service is built (with the names it refers to kept for the checks at the
    /// end), so the tree and the model never both hold every service.
    pub(super) fn build(&mut self, root: &mut Node, profiles: &[String]) -> Result<Model> {
        let mut model = Model {
            name: root.get("name").and_then(Node::as_str).map(str::to_string),
            ..Model::default()
        };
        if let Some(v) = root.get("version")
            && !v.is_scalar()
        {
            return Err(type_error(
                self.sm(),
                "version",
                &tr!("compose-expect-string"),
                v,
            ));
        }
        model.anchor = root.entry("services").map(|e| e.key_pos.primary());
        for (section, target) in [
            ("volumes", &mut model.volumes),
            ("configs", &mut model.configs),
            ("secrets", &mut model.secrets),
        ] {
            if let Some(sec) = root.get(section).filter(|n| !n.is_null()) {
                for e in self.map_of(&section, sec)? {
                    check_name(self.sm(), section, &e.key, e.key_pos)?;
                    if let Some(ext) = e.value.get("external").filter(|x| x.as_map().is_none()) {
                        self.bool_of(&format!("{section}.{}.external", e.key), ext)?;
                    }
                    target.insert(e.key.to_string(), e.key_pos);
                }
            }
        }
        if let Some(nets) = root.get("networks").filter(|n| !n.is_null()) {
            for e in self.map_of(&"networks", nets)? {
                check_name(self.sm(), "networks", &e.key, e.key_pos)?;
                let mut net = Network {
                    pos: e.key_pos,
                    ..Network::default()
                };
                if !e.value.is_null() {
                    self.map_of(&format!("networks.{}", e.key), &e.value)?;
                    if let Some(d) = e.value.get("driver") {
                        net.driver = Some(Located::new(
                            self.str_of(&format!("networks.{}.driver", e.key), d)?
                                .into(),
                            d.pos,
                        ));
                    }
                    if let Some(x) = e.value.get("external") {
                        // `external: {name: x}` is the legacy form, still accepted by Compose.
                        net.external = x.as_map().is_some()
                            || self.bool_of(&format!("networks.{}.external", e.key), x)?;
                    }
                }
                model.networks.insert(e.key.to_string(), net);
            }
        }
        let mut classify_services: Vec<(String, Pos, Located<ClassOverride>)> = Vec::new();
        if let Some(x) = root.entry("x-stackfit") {
            self.read_x_stackfit(&x.value, &mut model.declared, &mut model.ignores, true)?;
            if let Some(c) = x.value.get("classify") {
                for e in self.map_of(&"x-stackfit.classify", c)? {
                    let what = format!("x-stackfit.classify.{}", e.key);
                    let by_name = self.map_of(&what, &e.value)?;
                    match e.key.as_str() {
                        "services" => {
                            for n in by_name {
                                let o = self.class_of(&format!("{what}.{}", n.key), &n.value)?;
                                classify_services.push((n.key.to_string(), n.key_pos, o));
                            }
                        }
                        "images" => {
                            for n in by_name {
                                let o = self.class_of(&format!("{what}.{}", n.key), &n.value)?;
                                model
                                    .image_classes
                                    .insert(image_repository(&n.key).into(), o);
                            }
                        }
                        other => {
                            return Err(err(
                                self.sm(),
                                e.key_pos,
                                tr!(
                                    "compose-classify-unknown-key",
                                    key = crate::source::escape::short(other)
                                ),
                            ));
                        }
                    }
                }
            }
        }
        let mut all: Vec<Service> = Vec::new();
        let mut refs: HashMap<Str, References> = HashMap::new();
        let services = root
            .as_map_mut()
            .and_then(|m| m.iter_mut().find(|e| e.key == "services"))
            .map(|e| &mut e.value)
            .filter(|n| !n.is_null());
        if let Some(svcs) = services {
            let n = self.map_of(&"services", svcs)?.len();
            let max = self.loader.limits.max_services;
            if n as u64 > max {
                return Err(err(
                    self.sm(),
                    svcs.pos,
                    tr!("compose-service-limit", n = n, limit = max),
                ));
            }
            all.reserve(n);
            let Kind::Map(entries) = &mut svcs.kind else {
                unreachable!("checked to be a mapping")
            };
            for e in std::mem::take(entries) {
                check_name(self.sm(), "services", &e.key, e.key_pos)?;
                if e.value.as_map().is_none() {
                    return Err(err(
                        self.sm(),
                        if e.value.is_null() {
                            e.key_pos
                        } else {
                            e.value.pos
                        },
                        tr!("compose-service-not-mapping", service = e.key.as_str()),
                    ));
                }
                let service = self.service(&e.key, e.key_pos, &e.value)?;
                let r = References::of(&e.value);
                if !r.is_empty() {
                    refs.insert(e.key, r);
                }
                all.push(service);
            }
        }
        sort_services(&mut all);
        for (name, at, o) in classify_services {
            match all.iter_mut().find(|s| s.name == name) {
                Some(s) => {
                    s.extras_mut().class_override.get_or_insert(o);
                }
                None => {
                    let names = all.iter().map(|s| s.name.as_str());
                    return Err(err(
                        self.sm(),
                        at,
                        tr!(
                            "compose-classify-no-service",
                            service = crate::source::escape::short(&name),
                            hint = crate::source::suggest::did_you_mean(&name, names)
                        ),
                    ));
                }
            }
        }
        let index: HashMap<&str, usize> = all
            .iter()
            .enumerate()
            .map(|(i, s)| (s.name.as_str(), i))
            .collect();
        let active: Vec<bool> = all
            .iter()
            .map(|s| {
                s.extras().profiles.is_empty()
                    || s.extras()
                        .profiles
                        .iter()
                        .any(|p| profiles.iter().any(|q| q == p || q == "*"))
            })
            .collect();
        // Compose validates the services its profiles enable: cycles and conflicts among
        // disabled services do not stop it.
        check_cycles(self.sm(), &all, &index, &active)?;
        for s in all.iter().zip(&active).filter(|(_, a)| **a).map(|(s, _)| s) {
            if let (Some(sc), Some(r)) = (&s.extras().scale, &s.deploy().replicas)
                && sc.value != r.value
            {
                return Err(err(
                    self.sm(),
                    sc.pos,
                    tr!(
                        "compose-scale-conflict",
                        service = s.name.as_str(),
                        scale = sc.value,
                        replicas = r.value
                    ),
                ));
            }
        }
        // Container names: one per container, so never with several replicas, and never the
        // same for two services (Compose refuses both).
        let mut names_in_use: HashMap<&str, &str> = HashMap::new();
        for (i, s) in all.iter().enumerate() {
            let Some(c) = s.extras().container_name.as_ref().filter(|_| active[i]) else {
                continue;
            };
            let replicas = s
                .extras()
                .scale
                .as_ref()
                .or(s.deploy().replicas.as_ref())
                .map_or(1, |r| r.value);
            if replicas > 1 {
                return Err(err(
                    self.sm(),
                    c.pos,
                    tr!(
                        "compose-container-name-replicas",
                        service = s.name.as_str(),
                        replicas = replicas
                    ),
                ));
            }
            if let Some(other) = names_in_use.insert(c.value.as_str(), s.name.as_str()) {
                return Err(err(
                    self.sm(),
                    c.pos,
                    tr!(
                        "compose-container-name-taken",
                        service = s.name.as_str(),
                        name = crate::source::escape::short(&c.value),
                        other = other
                    ),
                ));
            }
        }
        for (i, s) in all.iter().enumerate() {
            if !active[i] {
                continue;
            }
            let deps = s
                .depends_on
                .iter()
                .filter(|d| d.required)
                .map(|d| (&d.service, d.pos))
                .chain(s.extras().links.iter().map(|l| (&l.value, l.pos)))
                .chain(s.extras().volumes_from.iter().map(|v| (&v.value, v.pos)));
            for (dep, pos) in deps {
                match index.get(dep.as_str()) {
                    None => {
                        return Err(err(
                            self.sm(),
                            pos,
                            tr!(
                                "compose-depends-undefined",
                                service = s.name.as_str(),
                                dependency = dep.as_str()
                            ),
                        ));
                    }
                    Some(&j) if !active[j] => {
                        return Err(err(
                            self.sm(),
                            pos,
                            tr!(
                                "compose-depends-disabled",
                                service = s.name.as_str(),
                                dependency = dep.as_str(),
                                profiles = all[j].extras().profiles.join(", ")
                            ),
                        ));
                    }
                    _ => {}
                }
            }
            // A service disabled by its profiles is as undefined as a missing one here (Compose).
            if let Some(nm) = &s.extras().network_mode
                && let Some(dep) = nm.value.strip_prefix("service:")
                && index.get(dep).is_none_or(|&j| !active[j])
            {
                return Err(err(
                    self.sm(),
                    nm.pos,
                    tr!(
                        "compose-network-mode-undefined",
                        service = s.name.as_str(),
                        dependency = dep
                    ),
                ));
            }
            if s.image.is_none() && s.build.is_none() && s.kind.as_deref() != Some("provider") {
                return Err(err(
                    self.sm(),
                    s.name_pos,
                    tr!("compose-no-image", service = s.name.as_str()),
                ));
            }
        }
        check_definitions(self.sm(), root)?;
        let enabled: Vec<&Service> = all
            .iter()
            .zip(&active)
            .filter(|(_, a)| **a)
            .map(|(s, _)| s)
            .collect();
        check_references(self.sm(), root, &enabled, &refs)?;
        // the inactive ones leave by name; the others stay where they are, in order
        for (s, _) in all.iter_mut().zip(&active).filter(|(_, a)| !**a) {
            model.inactive_at.push(s.name_pos);
            model.inactive.push(std::mem::take(&mut s.name).into());
        }
        let mut keep = active.iter();
        all.retain(|_| keep.next().copied().unwrap_or(false));
        model.services = all;
        if let Some(jobs) = root.entry("jobs") {
            model.jobs = Some(jobs.key_pos);
        }
        Ok(model)
    }

    /// A required key of a long-syntax entry (`path` of an env_file, `source` of a secret).
    fn required<'n>(&self, what: &dyn Display, i: &'n Node, key: &str) -> Result<&'n Node> {
        i.get(key).ok_or_else(|| {
            err(
                self.sm(),
                i.pos,
                tr!("compose-key-required", what = what.to_string(), key = key),
            )
        })
    }

    /// A required string key of a long-syntax entry (`target` of a port or mount).
    fn required_str(&self, what: &dyn Display, i: &Node, key: &str) -> Result<Str> {
        self.str_of(&format!("{what}.{key}"), self.required(what, i, key)?)
    }

    /// A classification word (`first-party`, `vendor`, `helper`…) at its node.
    fn class_of(&self, what: &dyn Display, n: &Node) -> Result<Located<ClassOverride>> {
        let word = self.str_of(what, n)?;
        ClassOverride::parse(&word)
            .map(|o| Located::new(o, n.pos))
            .map_err(|m| {
                err(
                    self.sm(),
                    n.pos,
                    tr!("compose-key-reason", what = what.to_string(), reason = m),
                )
            })
    }

    fn read_x_stackfit(
        &self,
        node: &Node,
        declared: &mut Vec<DeclaredEntry>,
        ignores: &mut Vec<Ignore>,
        top: bool,
    ) -> Result<()> {
        if node.is_null() {
            return Ok(());
        }
        let entries = node.as_map().ok_or_else(|| {
            Error::input(
                "invalid-declared-fact",
                tr!("compose-x-stackfit-not-mapping"),
            )
            .at_pos(self.sm(), node.pos)
        })?;
        for e in entries {
            // classifications are read by `classify_of` (top level) and `class_of` (service)
            if (top && e.key == "classify") || (!top && e.key == "class") {
                continue;
            }
            if e.key == "ignore" {
                let Some(m) = e.value.as_map() else {
                    return Err(Error::input(
                        "invalid-declared-fact",
                        tr!("compose-x-stackfit-ignore-mapping"),
                    )
                    .at_pos(self.sm(), e.value.pos));
                };
                for r in m {
                    ignores.push(Ignore {
                        rule: r.key.to_string(),
                        reason: r.value.as_str().unwrap_or("").to_string(),
                        pos: r.key_pos,
                    });
                }
                continue;
            }
            if !top {
                return Err(Error::input(
                    "invalid-declared-fact",
                    tr!("compose-x-stackfit-service-key", key = e.key.as_str()),
                )
                .at_pos(self.sm(), e.key_pos));
            }
            let Kind::Scalar { text, .. } = &e.value.kind else {
                return Err(Error::input(
                    "invalid-declared-fact",
                    tr!(
                        "compose-x-stackfit-not-scalar",
                        key = e.key.as_str(),
                        found = e.value.type_label()
                    ),
                )
                .at_pos(self.sm(), e.value.pos));
            };
            declared.push(DeclaredEntry {
                key: e.key.to_string(),
                key_pos: e.key_pos,
                value: Located::new(text.to_string(), e.value.pos),
            });
        }
        Ok(())
    }

    fn service(&mut self, name: &str, name_pos: Pos, node: &Node) -> Result<Service> {
        let mut s = Service {
            name: name.into(),
            name_pos,
            body: node.pos.at,
            ..Service::default()
        };
        let p = |k| Dotted(name, k);
        let mut env_files: Vec<(PathBuf, bool, Pos)> = Vec::new();
        for e in node.as_map().unwrap_or_default() {
            let v = &e.value;
            let key = e.key.as_str();
            if !is_service_key(key) && !key.starts_with("x-") {
                let near = crate::source::suggest::closest(key, SERVICE_KEYS.iter().copied(), 2);
                return Err(err(
                    self.sm(),
                    e.key_pos,
                    tr!(
                        "compose-additional-property",
                        place = format!("services.{name}"),
                        name = crate::source::escape::short(key),
                        hint = near
                            .map(|k| tr!("compose-did-you-mean", candidate = k))
                            .unwrap_or_default()
                    ),
                ));
            }
            match key {
                "image" => s.image = Some(Located::new(self.str_of(&p(key), v)?, v.pos)),
                "build" => s.build = Some(Box::new(self.build_of(name, v)?)),
                "command" => s.command = self.command_of(&p(key), v)?.map(Box::new),
                "entrypoint" => s.extras_mut().entrypoint = self.command_of(&p(key), v)?,
                "profiles" => {
                    for i in self.seq_of(&p(key), v)? {
                        s.extras_mut().profiles.push(self.str_of(&p(key), i)?);
                    }
                }
                "depends_on" => s.depends_on = self.depends_on(name, v)?,
                "links" => {
                    for i in self.seq_of(&p(key), v)? {
                        let t = self.str_of(&p(key), i)?;
                        let svc = t.split(':').next().unwrap_or("").into();
                        s.extras_mut().links.push(Located::new(svc, i.pos));
                    }
                }
                "volumes_from" => {
                    for i in self.seq_of(&p(key), v)? {
                        let t = self.str_of(&p(key), i)?;
                        if t.starts_with("container:") {
                            continue;
                        }
                        let svc = t.split(':').next().unwrap_or("").into();
                        s.extras_mut().volumes_from.push(Located::new(svc, i.pos));
                    }
                }
                "network_mode" => {
                    s.extras_mut().network_mode =
                        Some(Located::new(self.str_of(&p(key), v)?, v.pos))
                }
                "environment" => s.environment = self.environment(name, v)?,
                "env_file" => {
                    let items: Vec<&Node> = match &v.kind {
                        Kind::Seq(items) => items.iter().collect(),
                        _ => vec![v],
                    };
                    for i in items {
                        let (path, required, pos) = match &i.kind {
                            Kind::Map(_) => {
                                let path = self.required(&p(key), i, "path")?;
                                let req = match i.get("required") {
                                    Some(r) => self.bool_of(&p("env_file.required"), r)?,
                                    None => true,
                                };
                                (self.str_of(&p(key), path)?, req, path.pos)
                            }
                            _ => (self.str_of(&p(key), i)?, true, i.pos),
                        };
                        env_files.push((self.loader.resolve(pos.at.file, &path), required, pos));
                    }
                }
                "ports" => {
                    // Compose keeps one of identical entries (also after merges); a set keeps
                    // that linear.
                    let mut all = Vec::new();
                    for i in self.seq_of(&p(key), v)? {
                        all.extend(self.ports_of(name, i)?);
                    }
                    let kept = if all.len() <= 16 {
                        // a few entries: compared in place, no set
                        let mut w = 0;
                        for r in 0..all.len() {
                            if !all[..w].iter().any(|k| k.identity() == all[r].identity()) {
                                all.swap(w, r);
                                w += 1;
                            }
                        }
                        all.truncate(w);
                        all
                    } else {
                        let mut seen = std::collections::HashSet::new();
                        let first: Vec<bool> =
                            all.iter().map(|x| seen.insert(x.identity())).collect();
                        drop(seen);
                        let kept = all
                            .into_iter()
                            .zip(first)
                            .filter_map(|(x, f)| f.then_some(x));
                        kept.collect()
                    };
                    s.ports.extend(kept);
                }
                "expose" => {
                    for i in self.seq_of(&p(key), v)? {
                        s.extras_mut().expose.push(self.str_of(&p(key), i)?);
                    }
                }
                "volumes" => {
                    for i in self.seq_of(&p(key), v)? {
                        s.mounts.push(self.mount(name, i)?);
                    }
                }
                "networks" => match &v.kind {
                    Kind::Seq(items) => {
                        for i in items {
                            s.networks.push(self.str_of(&p(key), i)?);
                        }
                    }
                    Kind::Map(m) => s.networks.extend(m.iter().map(|e| e.key.clone())),
                    _ => {
                        return Err(type_error(
                            self.sm(),
                            &p(key).to_string(),
                            &tr!("compose-expect-list-or-mapping"),
                            v,
                        ));
                    }
                },
                "healthcheck" => {
                    let m = self.map_of(&p(key), v)?;
                    s.healthcheck = Some(e.key_pos);
                    // `test: ["NONE"]` disables the check whatever `disable` says.
                    let mut disable = false;
                    let mut none = false;
                    for h in m {
                        match h.key.as_str() {
                            "disable" => {
                                disable = self.bool_of(&p("healthcheck.disable"), &h.value)?
                            }
                            "test" => {
                                let first = match &h.value.kind {
                                    Kind::Seq(items) => items.first().and_then(Node::as_str),
                                    _ => h.value.as_str(),
                                };
                                none = first == Some("NONE");
                            }
                            "retries" => {
                                self.uint_of(&p("healthcheck.retries"), &h.value)?;
                            }
                            _ => {}
                        }
                    }
                    s.healthcheck_disabled = disable || none;
                }
                "restart" => s.restart = Some(Located::new(self.str_of(&p(key), v)?, v.pos)),
                "working_dir" => s.extras_mut().working_dir = Some(self.str_of(&p(key), v)?),
                "container_name" => {
                    s.extras_mut().container_name =
                        Some(Located::new(self.str_of(&p(key), v)?, v.pos))
                }
                "labels" => {
                    let m = super::list_to_map(v.clone());
                    for l in self.map_of(&p(key), &m)? {
                        let val = match &l.value.kind {
                            Kind::Scalar { text, .. } => text.clone(),
                            _ => {
                                return Err(type_error(
                                    self.sm(),
                                    &p(&format!("labels.{}", l.key)).to_string(),
                                    &tr!("compose-expect-string"),
                                    &l.value,
                                ));
                            }
                        };
                        s.extras_mut()
                            .labels
                            .insert(l.key.clone(), Located::new(val, l.key_pos));
                    }
                }
                "deploy" if !v.is_null() => {
                    s.deploy = Some(Box::new(self.deploy(name, v)?));
                }
                "scale" => {
                    s.extras_mut().scale = Some(Located::new(self.uint_of(&p(key), v)?, v.pos))
                }
                "secrets" | "configs" => {
                    let mut names = Vec::new();
                    for i in self.seq_of(&p(key), v)? {
                        let n = match &i.kind {
                            Kind::Map(_) => {
                                let src = self.required(&p(key), i, "source")?;
                                self.str_of(&p(key), src)?
                            }
                            _ => self.str_of(&p(key), i)?,
                        };
                        names.push(n);
                    }
                    if key == "secrets" {
                        s.extras_mut().secrets = names
                    } else {
                        s.extras_mut().configs = names
                    }
                }
                "develop" => {
                    if let Some(w) = v.get("watch") {
                        s.extras_mut().develop_watch = Some(w.pos);
                    }
                }
                "privileged" => s.extras_mut().privileged = self.bool_of(&p(key), v)?,
                "extra_hosts" if !v.is_null() => s.extras_mut().extra_hosts = Some(e.key_pos),
                "devices" => {
                    for i in self.seq_of(&p(key), v)? {
                        s.extras_mut().devices.push(i.pos);
                    }
                }
                "provider" => s.kind = Some("provider".into()),
                "ipc" | "pid" => {
                    let t = self.str_of(&p(key), v)?;
                    if t == "host" {
                        s.extras_mut().host_namespaces.push(v.pos);
                    }
                    if let Some(dep) = t.strip_prefix("service:") {
                        // Compose turns a shared namespace into an implicit dependency.
                        s.depends_on.push(Dependency {
                            service: dep.into(),
                            condition: Condition::ServiceStarted,
                            required: true,
                            pos: v.pos,
                        });
                    }
                }
                "x-stackfit" => {
                    let mut declared = Vec::new();
                    self.read_x_stackfit(v, &mut declared, &mut s.extras_mut().ignores, false)?;
                    if let Some(c) = v.get("class") {
                        s.extras_mut().class_override =
                            Some(self.class_of(&format!("services.{name}.x-stackfit.class"), c)?);
                    }
                }
                _ => {}
            }
        }
        if !env_files.is_empty() {
            // Later env files replace earlier values (moving them to the end), linearly.
            let mut from_files: Vec<Option<EnvVar>> = Vec::new();
            let mut at: HashMap<String, usize> = HashMap::new();
            for (path, required, pos) in env_files {
                if !path.exists() && !required {
                    continue;
                }
                if !self.loader.env_file_allowed(&path, Some(pos)) {
                    continue;
                }
                let env = self.env;
                let vars = self
                    .loader
                    .read_env_file(&path, &|n| env.get(n))
                    .map_err(|e| {
                        if e.code == "missing-file" {
                            Error::input(
                                "missing-file",
                                tr!(
                                    "compose-env-file-not-found",
                                    path = crate::input::display_name(&path)
                                ),
                            )
                            .at_pos(self.loader.sm, pos)
                        } else {
                            e
                        }
                    })?;
                for (k, v) in vars {
                    if let Some(old) = at.insert(k.clone(), from_files.len()) {
                        from_files[old] = None;
                    }
                    from_files.push(Some(EnvVar {
                        name: k.into(),
                        value: Some(v.into()),
                        pos,
                        env_file: Some(path.as_path().into()),
                    }));
                }
            }
            // `environment` wins over `env_file`.
            let own: std::collections::HashSet<Str> =
                s.environment.iter().map(|e| e.name.clone()).collect();
            for f in from_files.into_iter().flatten() {
                if !own.contains(&f.name) {
                    s.environment.push(f);
                }
            }
        }
        s.shrink_to_fit();
        Ok(s)
    }

    fn build_of(&self, name: &str, v: &Node) -> Result<Build> {
        let base = |ctx: &str, at: Pos| -> String {
            if super::is_remote(ctx) || ctx.starts_with("github.com/") {
                return ctx.to_string();
            }
            let abs = self.loader.resolve(at.at.file, ctx);
            relative_to_project(&abs, &self.project_dir)
        };
        match &v.kind {
            Kind::Scalar { .. } => {
                let ctx = self.str_of(&format!("services.{name}.build"), v)?;
                Ok(Build {
                    context: base(&ctx, v.pos).into(),
                    pos: v.pos,
                    ..Build::default()
                })
            }
            Kind::Map(_) => {
                let ctx = match v.get("context") {
                    Some(c) => self.str_of(&format!("services.{name}.build.context"), c)?,
                    None => ".".into(),
                };
                let target = match v.get("target") {
                    Some(t) => Some(Located::new(
                        self.str_of(&format!("services.{name}.build.target"), t)?,
                        t.pos,
                    )),
                    None => None,
                };
                let dockerfile = v.get("dockerfile").and_then(Node::as_str).map(Str::from);
                Ok(Build {
                    context: base(&ctx, v.pos).into(),
                    target,
                    dockerfile,
                    pos: v.pos,
                })
            }
            _ => Err(type_error(
                self.sm(),
                &format!("services.{name}.build"),
                &tr!("compose-expect-string-or-mapping"),
                v,
            )),
        }
    }

    fn command_of(&self, what: &dyn Display, v: &Node) -> Result<Option<Located<Vec<Str>>>> {
        match &v.kind {
            _ if v.is_null() => Ok(None),
            Kind::Scalar { text, .. } => Ok(Some(Located::new(shell_split(text), v.pos))),
            Kind::Seq(items) => {
                let mut out = Vec::new();
                for i in items {
                    out.push(self.str_of(what, i)?);
                }
                Ok(Some(Located::new(out, v.pos)))
            }
            Kind::Map(_) => Err(type_error(
                self.sm(),
                &what.to_string(),
                &tr!("compose-expect-string-or-list"),
                v,
            )),
        }
    }

    fn depends_on(&self, name: &str, v: &Node) -> Result<Vec<Dependency>> {
        let what = Dotted(name, "depends_on");
        let mut out = Vec::new();
        match &v.kind {
            Kind::Seq(items) => {
                for i in items {
                    out.push(Dependency {
                        service: self.str_of(&what, i)?,
                        condition: Condition::ServiceStarted,
                        required: true,
                        pos: i.pos,
                    });
                }
            }
            Kind::Map(entries) => {
                for e in entries {
                    let mut d = Dependency {
                        service: e.key.clone(),
                        condition: Condition::ServiceStarted,
                        required: true,
                        pos: e.key_pos,
                    };
                    if !e.value.is_null() {
                        for f in self.map_of(&format!("{what}.{}", e.key), &e.value)? {
                            match f.key.as_str() {
                                "condition" => {
                                    let c = self
                                        .str_of(&format!("{what}.{}.condition", e.key), &f.value)?;
                                    let Ok(c) = c.parse::<Condition>() else {
                                        return Err(err(
                                            self.sm(),
                                            f.value.pos,
                                            tr!(
                                                "compose-must-be-one-of",
                                                place = format!("{what}.{}.condition", e.key),
                                                options = "service_started, service_healthy, service_completed_successfully"
                                            ),
                                        ));
                                    };
                                    d.condition = c;
                                }
                                "required" => {
                                    d.required = self
                                        .bool_of(&format!("{what}.{}.required", e.key), &f.value)?
                                }
                                "restart" => {
                                    self.bool_of(&format!("{what}.{}.restart", e.key), &f.value)?;
                                }
                                // extensions are allowed in a long `depends_on` entry
                                other if other.starts_with("x-") => {}
                                other => {
                                    return Err(err(
                                        self.sm(),
                                        f.key_pos,
                                        tr!(
                                            "compose-additional-property",
                                            place = format!("{what}.{}", e.key),
                                            name = crate::source::escape::short(other),
                                            hint = ""
                                        ),
                                    ));
                                }
                            }
                        }
                    }
                    out.push(d);
                }
            }
            _ => {
                return Err(type_error(
                    self.sm(),
                    &what.to_string(),
                    &tr!("compose-expect-list-or-mapping"),
                    v,
                ));
            }
        }
        Ok(out)
    }

    fn environment(&self, name: &str, v: &Node) -> Result<Vec<EnvVar>> {
        let what = Dotted(name, "environment");
        // A later entry of the same name replaces the earlier one and moves to the end, as
        // Compose does; tombstones and an index keep it linear.
        let mut slots: Vec<Option<EnvVar>> = Vec::new();
        let mut at: HashMap<Str, usize> = HashMap::new();
        let mut push = |ev: EnvVar| {
            if let Some(old) = at.insert(ev.name.clone(), slots.len()) {
                slots[old] = None;
            }
            slots.push(Some(ev));
        };
        match &v.kind {
            Kind::Seq(items) => {
                for i in items {
                    let t = self.str_of(&what, i)?;
                    match t.split_once('=') {
                        Some((k, val)) => push(EnvVar {
                            name: k.into(),
                            value: Some(val.into()),
                            pos: i.pos,
                            env_file: None,
                        }),
                        None => push(EnvVar {
                            value: self.env.get(&t).map(Str::from),
                            name: t,
                            pos: i.pos,
                            env_file: None,
                        }),
                    }
                }
            }
            Kind::Map(entries) => {
                for e in entries {
                    let value = match &e.value.kind {
                        _ if e.value.is_null() => self.env.get(&e.key).map(Str::from),
                        Kind::Scalar { text, .. } => Some(text.clone()),
                        _ => {
                            return Err(type_error(
                                self.sm(),
                                &format!("{what}.{}", e.key),
                                &tr!("compose-expect-scalar-or-null"),
                                &e.value,
                            ));
                        }
                    };
                    push(EnvVar {
                        name: e.key.clone(),
                        value,
                        pos: e.key_pos,
                        env_file: None,
                    });
                }
            }
            _ if v.is_null() => {}
            _ => {
                return Err(type_error(
                    self.sm(),
                    &what.to_string(),
                    &tr!("compose-expect-list-or-mapping"),
                    v,
                ));
            }
        }
        Ok(slots.into_iter().flatten().collect())
    }

    /// One entry of `ports`: a short-syntax range (`9000-9001:9000-9001`) is one port per
    /// number, as Compose expands it; a project expands at most `MAX_RANGE_PORTS` in all.
    fn ports_of(&self, name: &str, i: &Node) -> Result<Vec<Port>> {
        let port = self.port(name, i)?;
        let span = |t: &str| -> Option<(u32, u32)> {
            let (a, b) = t.split_once('-')?;
            let (a, b) = (a.parse::<u32>().ok()?, b.parse::<u32>().ok()?);
            (a <= b).then_some((a, b))
        };
        let Some((t0, t1)) = span(&port.target) else {
            return Ok(vec![port]);
        };
        let count = u64::from(t1 - t0) + 1;
        let total = self.expanded_ports.get() + count;
        if total > MAX_RANGE_PORTS {
            return Err(err(
                self.sm(),
                i.pos,
                tr!(
                    "compose-port-range-limit",
                    service = name,
                    limit = MAX_RANGE_PORTS
                ),
            ));
        }
        self.expanded_ports.set(total);
        let published = port.published.as_deref().and_then(span);
        Ok((t0..=t1)
            .map(|t| {
                let mut one = port.clone();
                one.target = t.to_compact_string();
                if let Some((p0, p1)) = published
                    && p1 - p0 == t1 - t0
                {
                    one.published = Some((p0 + (t - t0)).to_compact_string());
                }
                one
            })
            .collect())
    }

    fn port(&self, name: &str, i: &Node) -> Result<Port> {
        let what = Dotted(name, "ports");
        match &i.kind {
            Kind::Scalar { text, .. } => parse_short_port(text)
                .ok_or_else(|| {
                    err(
                        self.sm(),
                        i.pos,
                        tr!(
                            "compose-invalid-port",
                            what = what.to_string(),
                            port = text.as_str()
                        ),
                    )
                })
                .map(|(target, published, host_ip, protocol)| {
                    Port::new(target, published, host_ip, protocol, None, i.pos)
                }),
            Kind::Map(_) => {
                let target = self.required_str(&what, i, "target")?;
                let opt = |k: &str| -> Result<Option<Str>> {
                    match i.get(k) {
                        Some(n) if !n.is_null() => {
                            Ok(Some(self.str_of(&format!("{what}.{k}"), n)?))
                        }
                        _ => Ok(None),
                    }
                };
                let mode = opt("mode")?;
                if let Some(m) = &mode
                    && m != "host"
                    && m != "ingress"
                {
                    return Err(err(
                        self.sm(),
                        i.get("mode").map_or(i.pos, |n| n.pos),
                        tr!("compose-port-mode", what = what.to_string()),
                    ));
                }
                Ok(Port::new(
                    target,
                    opt("published")?,
                    opt("host_ip")?,
                    opt("protocol")?,
                    mode,
                    i.pos,
                ))
            }
            _ => Err(type_error(
                self.sm(),
                &what.to_string(),
                &tr!("compose-expect-port"),
                i,
            )),
        }
    }

    fn mount(&self, name: &str, i: &Node) -> Result<Mount> {
        let what = Dotted(name, "volumes");
        match &i.kind {
            Kind::Scalar { text, .. } => {
                let parts = split_volume(text);
                let (source, target, mode) = match parts.len() {
                    1 => (None, parts[0].clone(), None),
                    2 => (Some(parts[0].clone()), parts[1].clone(), None),
                    3 => (
                        Some(parts[0].clone()),
                        parts[1].clone(),
                        Some(parts[2].clone()),
                    ),
                    _ => {
                        return Err(err(
                            self.sm(),
                            i.pos,
                            tr!(
                                "compose-invalid-volume",
                                what = what.to_string(),
                                volume = text.as_str()
                            ),
                        ));
                    }
                };
                if target.is_empty() {
                    return Err(err(
                        self.sm(),
                        i.pos,
                        tr!(
                            "compose-invalid-volume-empty-target",
                            what = what.to_string(),
                            volume = text.as_str()
                        ),
                    ));
                }
                let kind = match &source {
                    Some(s) if is_path(s) => MountKind::Bind,
                    _ => MountKind::Volume,
                };
                let read_only = mode
                    .as_deref()
                    .is_some_and(|m| m.split(',').any(|x| x == "ro"));
                Ok(Mount {
                    kind,
                    source,
                    target,
                    read_only,
                    pos: i.pos,
                })
            }
            Kind::Map(_) => {
                let ty = match i.get("type") {
                    Some(t) => self.str_of(&format!("{what}.type"), t)?,
                    None => "volume".into(),
                };
                let kind = match ty.as_str() {
                    "volume" => MountKind::Volume,
                    "bind" => MountKind::Bind,
                    "tmpfs" => MountKind::Tmpfs,
                    "npipe" => MountKind::Npipe,
                    "image" => MountKind::Image,
                    "cluster" => MountKind::Cluster,
                    _ => {
                        return Err(err(
                            self.sm(),
                            i.get("type").map_or(i.pos, |n| n.pos),
                            tr!(
                                "compose-mount-type",
                                what = what.to_string(),
                                mount_type = ty.as_str()
                            ),
                        ));
                    }
                };
                let target = self.required_str(&what, i, "target")?;
                let source = match i.get("source") {
                    Some(s) if !s.is_null() => Some(self.str_of(&format!("{what}.source"), s)?),
                    _ => None,
                };
                let read_only = match i.get("read_only") {
                    Some(r) => self.bool_of(&format!("{what}.read_only"), r)?,
                    None => false,
                };
                Ok(Mount {
                    kind,
                    source,
                    target,
                    read_only,
                    pos: i.pos,
                })
            }
            _ => Err(type_error(
                self.sm(),
                &what.to_string(),
                &tr!("compose-expect-string-or-mapping"),
                i,
            )),
        }
    }

    fn deploy(&self, name: &str, v: &Node) -> Result<Deploy> {
        let what = Dotted(name, "deploy");
        let mut d = Deploy::default();
        for e in self.map_of(&what, v)? {
            let k = format!("{what}.{}", e.key);
            match e.key.as_str() {
                "replicas" => {
                    d.replicas = Some(Located::new(self.uint_of(&k, &e.value)?, e.value.pos))
                }
                "mode" => {
                    let m = self.str_of(&k, &e.value)?;
                    let mode = Mode::parse(&m).ok_or_else(|| {
                        err(
                            self.sm(),
                            e.value.pos,
                            tr!("compose-deploy-mode", what = k.as_str(), value = m.as_str()),
                        )
                    })?;
                    d.mode = Some(Located::new(mode, e.value.pos));
                }
                "placement" => d.placement = Some(e.key_pos),
                "update_config" | "rollback_config" => {
                    let m = self.map_of(&k, &e.value)?;
                    for f in m {
                        match f.key.as_str() {
                            "parallelism" => {
                                self.uint_of(&format!("{k}.parallelism"), &f.value)?;
                            }
                            "max_failure_ratio" if f.value.as_f64().is_none() => {
                                return Err(err(
                                    self.sm(),
                                    f.value.pos,
                                    tr!(
                                        "compose-must-be-number",
                                        what = format!("{k}.max_failure_ratio")
                                    ),
                                ));
                            }
                            _ => {}
                        }
                    }
                    if e.key == "update_config" {
                        d.update_config = Some(e.key_pos)
                    } else {
                        d.rollback_config = Some(e.key_pos)
                    }
                }
                "restart_policy" => {
                    self.map_of(&k, &e.value)?;
                    if let Some(ma) = e.value.get("max_attempts") {
                        self.uint_of(&format!("{k}.max_attempts"), ma)?;
                    }
                    d.restart_policy = Some(e.key_pos);
                }
                "resources" => {
                    if let Some(l) = e.value.entry("limits") {
                        d.resources_limits = Some(l.key_pos);
                    }
                }
                "endpoint_mode" => {
                    d.endpoint_mode = Some(Located::new(self.str_of(&k, &e.value)?, e.value.pos))
                }
                "labels" | "x-" => {}
                other if other.starts_with("x-") => {}
                other => {
                    return Err(err(
                        self.sm(),
                        e.key_pos,
                        tr!(
                            "compose-additional-property",
                            place = what.to_string(),
                            name = crate::source::escape::short(other),
                            hint = ""
                        ),
                    ));
                }
            }
        }
        Ok(d)
    }
}

fn describe(n: &Node) -> String {
    match &n.kind {
        Kind::Scalar { text, .. } if text.is_empty() => tr!("compose-found-empty"),
        Kind::Scalar { text, .. } => format!("`{}`", text.chars().take(40).collect::<String>()),
        _ => tr!("compose-found-a", found = n.type_label()),
    }
}

fn relative_to_project(abs: &Path, project: &Path) -> String {
    match abs.strip_prefix(project) {
        Ok(r) if r.as_os_str().is_empty() => ".".into(),
        Ok(r) => r.to_string_lossy().to_string(),
        Err(_) => abs.to_string_lossy().to_string(),
    }
}

fn is_path(s: &str) -> bool {
    s.starts_with('/')
        || s.starts_with('.')
        || s.starts_with('~')
        || s.contains('/')
        || s.contains('\\')
}
