//! Reading a compose project's files up to one tree per `-f` file: parse with positions,
//! interpolate from the project environment, apply `include` and `extends` (each file once,
//! confined to the project root). Merging the trees is `merge`'s job; the model, `service`'s.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use super::envfile;
use super::interpolate::{Usage, interpolate};
use super::merge::{Level, insert_in_section, merge, remove_key, same_content, service_index};
use crate::error::{Error, Result};
use crate::input::yaml::{Kind, Node};
use crate::input::{ReadLimits, read_source};
use crate::source::{Pos, SourceMap, Span, Str};
use crate::tr;

/// The environment used for interpolation: process environment over `.env`/`--env-file`.
#[derive(Debug, Clone, Default)]
pub struct Environment {
    pub process: BTreeMap<String, String>,
    pub files: BTreeMap<String, String>,
}

impl Environment {
    /// The value of a variable for interpolation: the process environment first, then the
    /// project's env files. Every value handed out is noted, so that no output prints it.
    pub fn get(&self, name: &str) -> Option<String> {
        if let Some(v) = self.process.get(name) {
            crate::source::secrets::note(name, v, true);
            return Some(v.clone());
        }
        let v = self.files.get(name)?;
        crate::source::secrets::note(name, v, false);
        Some(v.clone())
    }
}

pub struct Loader<'a> {
    pub sm: &'a mut SourceMap,
    pub limits: ReadLimits,
    /// Directory that relative paths of each file resolve against (by file id).
    pub base_dirs: HashMap<u32, PathBuf>,
    pub usage: Usage,
    /// Bytes produced by interpolation so far, against a budget scaled to the input size.
    interpolated: usize,
    /// Trees of files read for `extends: file:`, by canonical path.
    extends_cache: HashMap<PathBuf, Node>,
    /// Trees of included files, by canonical path, project directory and environment: an
    /// include diamond loads each file once.
    include_cache: HashMap<(PathBuf, PathBuf, u64), Node>,
    include_stack: Vec<PathBuf>,
    /// Files named by the inputs must resolve inside this directory (`None`: allowed anywhere).
    pub root: Option<PathBuf>,
    /// Env files not read because they resolve outside the project root, with where they are
    /// named (reported as warnings).
    pub outside: Vec<(PathBuf, Option<Pos>)>,
}

/// Top-level keys of the Compose Specification, plus the experimental `jobs:`.
pub const TOP_LEVEL_KEYS: &[&str] = &[
    "configs", "include", "jobs", "models", "name", "networks", "secrets", "services", "version",
    "volumes",
];

impl<'a> Loader<'a> {
    pub fn new(sm: &'a mut SourceMap, limits: ReadLimits) -> Self {
        Loader {
            sm,
            limits,
            base_dirs: HashMap::new(),
            // One scalar may expand to at most 1 MiB (certificates in env values are far smaller).
            usage: Usage::limited(1 << 20),
            interpolated: 0,
            extends_cache: HashMap::new(),
            include_cache: HashMap::new(),
            include_stack: Vec::new(),
            root: None,
            outside: Vec::new(),
        }
    }

    /// Reads a `.env`-style file into variables; values never leave the loader.
    pub fn read_env_file(
        &mut self,
        path: &Path,
        outer: &dyn Fn(&str) -> Option<String>,
    ) -> Result<Vec<(String, String)>> {
        let (id, _) = read_source(self.sm, path, &self.limits, &tr!("compose-what-env-file"))?;
        let text = self.sm.file(id).text.clone();
        envfile::parse(&text, outer).map_err(|e| {
            Error::input("invalid-env-file", e.message).at(
                self.sm,
                Span {
                    file: id,
                    start: e.offset as u32,
                    end: e.offset as u32,
                },
            )
        })
    }

    /// Loads one compose file with its includes and extends applied. `base_dir` is where its
    /// relative paths resolve (the project directory for `-f` files).
    pub fn load_file(
        &mut self,
        path: &Path,
        base_dir: &Path,
        env: &Environment,
        stdin: Option<&str>,
    ) -> Result<Node> {
        let id = match stdin {
            Some(text) => self
                .sm
                .add("-".into(), PathBuf::from("-"), text.to_string()),
            None => {
                read_source(
                    self.sm,
                    path,
                    &self.limits,
                    &tr!("compose-what-compose-file"),
                )?
                .0
            }
        };
        self.base_dirs.insert(id, base_dir.to_path_buf());
        let mut root = self.parse_compose_tree(id)?;
        self.interpolate(&mut root, id, env)?;
        // Compose checks each file against the specification before it merges anything
        super::schema::check(self.sm, &root)?;
        self.apply_includes(&mut root, id, env)?;
        self.apply_extends(&mut root, id, env)?;
        Ok(root)
    }

    /// Parses a compose file's YAML (documents merged in order) and checks its root.
    fn parse_compose_tree(&mut self, id: u32) -> Result<Node> {
        let text = &self.sm.file(id).text;
        let budget = crate::input::yaml::Budget::for_len(text.len());
        let docs =
            crate::input::yaml::parse(text, id, budget).map_err(|e| e.into_error(self.sm))?;
        let mut root: Option<Node> = None;
        for doc in docs {
            if doc.is_null() {
                continue;
            }
            if doc.as_map().is_none() {
                return Err(Error::input(
                    "invalid-compose",
                    tr!("compose-root-not-mapping", found = doc.type_label()),
                )
                .at_pos(self.sm, doc.pos));
            }
            root = Some(match root {
                None => doc,
                Some(prev) => merge(prev, doc, Level::Root),
            });
        }
        // An empty file is an empty project; it is an error only when nothing else is loaded.
        let root = root.unwrap_or_else(|| Node {
            kind: Kind::Map(Vec::new()),
            pos: Pos::new(Span {
                file: id,
                start: 0,
                end: 0,
            }),
            tag: None,
        });
        for e in root.as_map().unwrap_or_default() {
            if !TOP_LEVEL_KEYS.contains(&e.key.as_str()) && !e.key.starts_with("x-") {
                return Err(Error::input(
                    "invalid-compose",
                    tr!(
                        "compose-top-level-unknown",
                        key = crate::source::escape::short(&e.key)
                    ),
                )
                .at_pos(self.sm, e.key_pos));
            }
        }
        Ok(root)
    }

    /// Interpolates the tree of file `id`. Only a `$` starts an interpolation, and only a
    /// double-quoted escape (`"\x24"`) writes one that the file's text does not show: a file
    /// with neither has nothing to interpolate, and its tree is not walked.
    fn interpolate(&mut self, root: &mut Node, id: u32, env: &Environment) -> Result<()> {
        if self.sm.file(id).text.contains(['$', '\\']) {
            self.interpolate_tree(root, env)?;
        }
        Ok(())
    }

    fn interpolate_tree(&mut self, node: &mut Node, env: &Environment) -> Result<()> {
        match &mut node.kind {
            Kind::Scalar { text, plain } => {
                if text.contains('$') {
                    let lookup = |n: &str| env.get(n);
                    match interpolate(text, &lookup, &mut self.usage) {
                        Ok(v) => {
                            self.interpolated = self.interpolated.saturating_add(v.len());
                            let input: usize = self.sm.files.iter().map(|f| f.text.len()).sum();
                            let budget = input.saturating_mul(16).max(16 << 20);
                            if self.interpolated > budget {
                                return Err(Error::input(
                                    "input-limit",
                                    tr!("compose-expansion-total-limit", limit = budget),
                                )
                                .at_pos(self.sm, node.pos));
                            }
                            *text = v.into();
                            *plain = false;
                        }
                        Err(e) => {
                            let mut span = node.pos.at;
                            // Point into the scalar when it is written on one line as read.
                            let src = &self.sm.file(span.file).text;
                            let raw = src
                                .get(span.start as usize..span.end as usize)
                                .unwrap_or("");
                            if let Some(i) = raw.find('$') {
                                let guess = span.start as usize + i + e.offset;
                                if raw.len() == text.len() || raw.len() == text.len() + 2 {
                                    let shift = if raw.len() == text.len() { 0 } else { 1 };
                                    span.start = (span.start as usize + shift + e.offset) as u32;
                                } else {
                                    span.start = guess.min(span.end as usize) as u32;
                                }
                            }
                            let pos = Pos::new(span).with_via_of(node.pos);
                            return Err(
                                Error::input("interpolation", e.message).at_pos(self.sm, pos)
                            );
                        }
                    }
                }
            }
            Kind::Seq(items) => {
                for n in items {
                    self.interpolate_tree(n, env)?;
                }
            }
            Kind::Map(entries) => {
                for e in entries {
                    self.interpolate_tree(&mut e.value, env)?;
                }
            }
        }
        Ok(())
    }

    fn base_dir(&self, file: u32) -> PathBuf {
        self.base_dirs
            .get(&file)
            .cloned()
            .or_else(|| self.sm.file(file).path.parent().map(Path::to_path_buf))
            .unwrap_or_else(|| PathBuf::from("."))
    }

    /// Resolves a relative path written in `file` against that file's base directory.
    /// Refuses a file named by an input (`include`, `extends`) that resolves outside the
    /// project root, at the naming node.
    pub fn confine(&self, path: &Path, what: &str, at: Pos) -> Result<()> {
        if crate::input::inside_root(self.root.as_deref(), path) {
            return Ok(());
        }
        Err(Error::input(
            "outside-root",
            tr!(
                "compose-outside-root",
                what = what,
                path = crate::input::display_name(path),
                root = self
                    .root
                    .as_deref()
                    .map(crate::input::display_name)
                    .unwrap_or_default()
            ),
        )
        .at_pos(self.sm, at))
    }

    /// For env files: false (and recorded for a warning) when `path` resolves outside the root.
    pub fn env_file_allowed(&mut self, path: &Path, at: Option<Pos>) -> bool {
        if crate::input::inside_root(self.root.as_deref(), path) {
            return true;
        }
        self.outside.push((path.to_path_buf(), at));
        false
    }

    pub fn resolve(&self, file: u32, rel: &str) -> PathBuf {
        let rel = expand_home(rel);
        let p = Path::new(&rel);
        if p.is_absolute() {
            p.to_path_buf()
        } else {
            normalize(&self.base_dir(file).join(p))
        }
    }

    fn apply_includes(&mut self, root: &mut Node, id: u32, env: &Environment) -> Result<()> {
        let Some(includes) = root.get("include").cloned() else {
            return Ok(());
        };
        remove_key(root, "include");
        let Some(items) = includes.as_seq() else {
            return Err(type_error(
                self.sm,
                "include",
                &tr!("compose-expect-list"),
                &includes,
            ));
        };
        if self.include_stack.len() > 32 {
            return Err(Error::input("include-depth", tr!("compose-include-depth"))
                .at_pos(self.sm, includes.pos));
        }
        for item in items {
            let (paths, project_dir, env_files): (Vec<Node>, Option<Node>, Vec<Node>) = match &item
                .kind
            {
                Kind::Scalar { .. } => (vec![item.clone()], None, vec![]),
                Kind::Map(_) => {
                    for e in item.as_map().unwrap_or_default() {
                        if !["path", "project_directory", "env_file"].contains(&e.key.as_str()) {
                            return Err(Error::input(
                                "invalid-compose",
                                tr!(
                                    "compose-additional-property",
                                    place = "include",
                                    name = crate::source::escape::short(&e.key),
                                    hint = ""
                                ),
                            )
                            .at_pos(self.sm, e.key_pos));
                        }
                    }
                    let path = item.get("path").ok_or_else(|| {
                        Error::input(
                            "invalid-compose",
                            tr!("compose-key-required", what = "include", key = "path"),
                        )
                        .at_pos(self.sm, item.pos)
                    })?;
                    (
                        string_or_list(self.sm, "include.path", path)?,
                        item.get("project_directory").cloned(),
                        match item.get("env_file") {
                            Some(n) => string_or_list(self.sm, "include.env_file", n)?,
                            None => vec![],
                        },
                    )
                }
                _ => {
                    return Err(type_error(
                        self.sm,
                        "include",
                        &tr!("compose-expect-path-or-mapping"),
                        item,
                    ));
                }
            };
            let mut merged: Option<Node> = None;
            for p in &paths {
                let Some(rel) = p.as_str() else {
                    return Err(type_error(
                        self.sm,
                        "include.path",
                        &tr!("compose-expect-string"),
                        p,
                    ));
                };
                if is_remote(rel) {
                    return Err(Error::input(
                        "remote-resource",
                        tr!("compose-include-remote", resource = rel),
                    )
                    .at_pos(self.sm, p.pos));
                }
                let path = self.resolve(id, rel);
                self.confine(&path, &tr!("compose-what-included-file"), p.pos)?;
                let canon = std::fs::canonicalize(&path).unwrap_or(path.clone());
                if self.include_stack.contains(&canon)
                    || self.sm.file(id).path.canonicalize().ok().as_ref() == Some(&canon)
                {
                    return Err(Error::input(
                        "include-cycle",
                        tr!("compose-include-cycle", file = rel),
                    )
                    .at_pos(self.sm, p.pos));
                }
                let dir = match &project_dir {
                    Some(d) => match d.as_str() {
                        Some(d) => self.resolve(id, d),
                        None => {
                            return Err(type_error(
                                self.sm,
                                "include.project_directory",
                                &tr!("compose-expect-string"),
                                d,
                            ));
                        }
                    },
                    None => path.parent().map(Path::to_path_buf).unwrap_or_default(),
                };
                // The included project's environment: its env files (or its .env), then ours.
                let mut sub_env = Environment {
                    process: env.process.clone(),
                    files: BTreeMap::new(),
                };
                let env_paths: Vec<PathBuf> = if env_files.is_empty() {
                    let dotenv = dir.join(".env");
                    if dotenv.is_file() {
                        vec![dotenv]
                    } else {
                        vec![]
                    }
                } else {
                    let mut v = Vec::new();
                    for n in &env_files {
                        let Some(s) = n.as_str() else {
                            return Err(type_error(
                                self.sm,
                                "include.env_file",
                                &tr!("compose-expect-string"),
                                n,
                            ));
                        };
                        v.push(self.resolve(id, s));
                    }
                    v
                };
                for ep in env_paths {
                    if !self.env_file_allowed(&ep, Some(p.pos)) {
                        continue;
                    }
                    let snapshot = sub_env.clone();
                    let vars = self.read_env_file(&ep, &|n| snapshot.get(n))?;
                    sub_env.files.extend(vars);
                }
                for (k, v) in &env.files {
                    sub_env.files.entry(k.clone()).or_insert_with(|| v.clone());
                }
                let env_key = {
                    use std::hash::{Hash, Hasher};
                    let mut h = std::collections::hash_map::DefaultHasher::new();
                    sub_env.files.hash(&mut h);
                    h.finish()
                };
                let key = (canon.clone(), dir.clone(), env_key);
                let loaded = if let Some(n) = self.include_cache.get(&key) {
                    n.clone()
                } else {
                    self.include_stack
                        .push(self.sm.file(id).path.canonicalize().unwrap_or_default());
                    self.include_stack.push(canon);
                    let loaded = self.load_file(&path, &dir, &sub_env, None);
                    self.include_stack.pop();
                    self.include_stack.pop();
                    let loaded = loaded.map_err(|e| {
                        if e.location.is_none() {
                            Error { ..e }.at_pos(self.sm, p.pos)
                        } else {
                            e
                        }
                    })?;
                    self.include_cache.insert(key, loaded.clone());
                    loaded
                };
                merged = Some(match merged {
                    None => loaded,
                    Some(prev) => merge(prev, loaded, Level::Root),
                });
            }
            let Some(included) = merged else { continue };
            // Imported resources may not conflict with the including file's own.
            for section in ["services", "networks", "volumes", "configs", "secrets"] {
                let Some(imported) = included.get(section).and_then(Node::as_map) else {
                    continue;
                };
                for e in imported {
                    if let Some(existing) = root.get(section).and_then(|s| s.entry(&e.key)) {
                        if !same_content(&existing.value, &e.value) {
                            return Err(Error::input(
                                "invalid-compose",
                                tr!(
                                    "compose-include-conflict",
                                    section = section,
                                    name = e.key.as_str()
                                ),
                            )
                            .at_pos(self.sm, existing.key_pos));
                        }
                        continue;
                    }
                    insert_in_section(root, section, e.clone(), included.pos);
                }
            }
        }
        Ok(())
    }

    /// Loads a file named by `extends: file:` (interpolated, cached; its own extends resolved
    /// on demand).
    fn extends_tree(&mut self, path: &Path, at: Pos, env: &Environment) -> Result<(u32, Node)> {
        let canon = std::fs::canonicalize(path).map_err(|e| {
            Error::input(
                "missing-file",
                tr!(
                    "compose-extends-unreadable",
                    path = path.display().to_string(),
                    why = crate::source::io_reason(&e)
                ),
            )
            .at_pos(self.sm, at)
        })?;
        if let Some(n) = self.extends_cache.get(&canon) {
            return Ok((n.pos.at.file, n.clone()));
        }
        let (id, _) = read_source(
            self.sm,
            path,
            &self.limits,
            &tr!("compose-what-compose-file"),
        )?;
        let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
        self.base_dirs.insert(id, dir);
        let mut root = self.parse_compose_tree(id)?;
        self.interpolate(&mut root, id, env)?;
        self.extends_cache.insert(canon, root.clone());
        Ok((id, root))
    }

    fn apply_extends(&mut self, root: &mut Node, id: u32, env: &Environment) -> Result<()> {
        let Some(services) = root.get("services").and_then(Node::as_map) else {
            return Ok(());
        };
        if !services.iter().any(|e| e.value.get("extends").is_some()) {
            return Ok(());
        }
        let this = self.sm.file(id).path.canonicalize().unwrap_or_default();
        // Resolve every extending service against the file as written, then write back.
        let index = service_index(root);
        let mut resolved: HashMap<Str, Node> = HashMap::new();
        for e in services.iter().filter(|e| e.value.get("extends").is_some()) {
            let mut stack = Vec::new();
            let node = self.resolve_service(&index, &this, &e.key, env, &mut stack, None)?;
            resolved.insert(e.key.clone(), node);
        }
        if let Kind::Map(top) = &mut root.kind
            && let Some(services) = top.iter_mut().find(|e| e.key == "services")
            && let Kind::Map(entries) = &mut services.value.kind
        {
            for e in entries.iter_mut() {
                if let Some(n) = resolved.remove(&e.key) {
                    e.value = n;
                }
            }
        }
        Ok(())
    }

    fn resolve_service(
        &mut self,
        services: &HashMap<Str, Node>,
        file: &Path,
        name: &str,
        env: &Environment,
        stack: &mut Vec<(PathBuf, String)>,
        from: Option<Pos>,
    ) -> Result<Node> {
        let Some(svc) = services.get(name).cloned() else {
            let msg = tr!(
                "compose-extends-no-service",
                service = name,
                file = file.display().to_string()
            );
            let e = Error::input("invalid-compose", msg);
            return Err(match from {
                Some(p) => e.at_pos(self.sm, p),
                None => e,
            });
        };
        let Some(ext) = svc.get("extends").cloned() else {
            return Ok(svc);
        };
        let (base_name, base_file) = match &ext.kind {
            Kind::Scalar { text, .. } => (text.clone(), None),
            Kind::Map(_) => {
                let Some(s) = ext.get("service").and_then(Node::as_str) else {
                    return Err(Error::input(
                        "invalid-compose",
                        tr!("compose-extends-service-required"),
                    )
                    .at_pos(self.sm, ext.pos));
                };
                let f = match ext.get("file") {
                    Some(f) => Some(
                        f.as_str()
                            .ok_or_else(|| {
                                type_error(
                                    self.sm,
                                    "extends.file",
                                    &tr!("compose-expect-string"),
                                    f,
                                )
                            })?
                            .to_string(),
                    ),
                    None => None,
                };
                (Str::from(s), f)
            }
            _ => {
                return Err(type_error(
                    self.sm,
                    "extends",
                    &tr!("compose-expect-string-or-mapping"),
                    &ext,
                ));
            }
        };
        let key = (file.to_path_buf(), name.to_string());
        if stack.contains(&key) {
            return Err(Error::input(
                "extends-cycle",
                tr!("compose-extends-cycle", service = name),
            )
            .at_pos(self.sm, ext.pos));
        }
        if stack.len() > 32 {
            return Err(Error::input("extends-depth", tr!("compose-extends-depth"))
                .at_pos(self.sm, ext.pos));
        }
        stack.push(key);
        let base = match base_file {
            None => self.resolve_service(services, file, &base_name, env, stack, Some(ext.pos))?,
            Some(rel) => {
                if is_remote(&rel) {
                    return Err(Error::input(
                        "remote-resource",
                        tr!("compose-extends-remote", resource = rel.as_str()),
                    )
                    .at_pos(self.sm, ext.pos));
                }
                let path = self.resolve(ext.pos.at.file, &rel);
                self.confine(&path, &tr!("compose-what-extended-file"), ext.pos)?;
                let (_, other) = self.extends_tree(&path, ext.pos, env)?;
                let canon = std::fs::canonicalize(&path).unwrap_or(path);
                let other_index = service_index(&other);
                self.resolve_service(&other_index, &canon, &base_name, env, stack, Some(ext.pos))?
            }
        };
        stack.pop();
        let mut own = svc;
        remove_key(&mut own, "extends");
        Ok(merge(base, own, Level::Service))
    }
}

pub(super) fn expand_home(p: &str) -> String {
    if let Some(rest) = p.strip_prefix("~/")
        && let Ok(home) = std::env::var("HOME")
    {
        return format!("{home}/{rest}");
    }
    p.to_string()
}

/// Lexical normalisation (`a/./b/../c` → `a/c`); never touches the file system.
pub fn normalize(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                if !out.pop() {
                    out.push("..");
                }
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}

pub fn is_remote(s: &str) -> bool {
    s.contains("://") || s.starts_with("git@") || s.starts_with("oci:") || s.starts_with("remote:")
}

pub fn type_error(sm: &SourceMap, what: &str, expected: &str, node: &Node) -> Error {
    Error::input(
        "invalid-compose",
        tr!(
            "compose-type-error",
            what = what,
            expected = expected,
            found = node.type_label()
        ),
    )
    .at_pos(sm, node.pos)
}

pub(super) fn string_or_list(sm: &SourceMap, what: &str, n: &Node) -> Result<Vec<Node>> {
    match &n.kind {
        Kind::Scalar { .. } => Ok(vec![n.clone()]),
        Kind::Seq(items) => Ok(items.clone()),
        Kind::Map(_) => Err(type_error(
            sm,
            what,
            &tr!("compose-expect-string-or-list"),
            n,
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_paths() {
        assert_eq!(normalize(Path::new("a/./b/../c")), PathBuf::from("a/c"));
        assert_eq!(normalize(Path::new("../x")), PathBuf::from("../x"));
    }
}
