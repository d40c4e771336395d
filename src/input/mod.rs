//! Input: finds the files to read (Compose's default discovery, `-f`, directories, stdin),
//! reads them within limits, detects each file's format and dispatches to the format's loader.
//! Produces one `Model` per invocation: all inputs describe one system.

pub mod architecture;
pub mod backstage;
pub mod compose;
pub mod compose_model;
pub mod envfile;
pub mod interpolate;
pub mod kubernetes;
pub mod yaml;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::model::Model;
use crate::source::SourceMap;

/// Resource limits on what is read.
#[derive(Debug, Clone, Copy)]
pub struct ReadLimits {
    /// Largest file read, in bytes (default 16 MiB).
    pub max_file_bytes: u64,
}

impl Default for ReadLimits {
    fn default() -> Self {
        ReadLimits {
            max_file_bytes: 16 * 1024 * 1024,
        }
    }
}

impl ReadLimits {
    pub fn check_text(&self, name: &str, len: usize) -> Result<()> {
        if len as u64 > self.max_file_bytes {
            return Err(Error::input(
                "input-limit",
                format!(
                    "{name}: file is larger than the limit of {} bytes (STACKFIT_MAX_FILE_BYTES)",
                    self.max_file_bytes
                ),
            ));
        }
        Ok(())
    }
}

/// Name shown for a path: relative to the working directory when it is inside it.
pub fn display_name(path: &Path) -> String {
    if let Ok(cwd) = std::env::current_dir()
        && let Ok(rel) = path.strip_prefix(&cwd)
    {
        let s = rel.to_string_lossy().to_string();
        if !s.is_empty() {
            return s;
        }
    }
    path.to_string_lossy().to_string()
}

/// Reads a text file into the source map: refuses directories, binary data, invalid UTF-8
/// and files over the size limit, each with a clear error.
pub fn read_source(
    sm: &mut SourceMap,
    path: &Path,
    limits: &ReadLimits,
    what: &str,
) -> Result<(u32, usize)> {
    let name = display_name(path);
    let meta = std::fs::metadata(path).map_err(|e| {
        Error::input(
            "missing-file",
            format!("{name}: cannot read {what}: {}", compose::io_reason(&e)),
        )
    })?;
    if meta.is_dir() {
        return Err(Error::input(
            "not-a-file",
            format!("{name}: is a directory, expected a {what}"),
        ));
    }
    if meta.len() > limits.max_file_bytes {
        return Err(Error::input(
            "input-limit",
            format!(
                "{name}: {what} is {} bytes, larger than the limit of {} bytes (set STACKFIT_MAX_FILE_BYTES to raise it)",
                meta.len(),
                limits.max_file_bytes
            ),
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| {
        Error::input(
            "unreadable-file",
            format!("{name}: cannot read {what}: {}", compose::io_reason(&e)),
        )
    })?;
    let text = decode(&name, bytes, what)?;
    let len = text.len();
    Ok((sm.add(name, path.to_path_buf(), text), len))
}

/// UTF-8 text without NUL bytes; a leading BOM is dropped.
pub fn decode(name: &str, bytes: Vec<u8>, what: &str) -> Result<String> {
    if let Some(i) = bytes.iter().position(|b| *b == 0) {
        let line = bytes[..i].iter().filter(|b| **b == b'\n').count() + 1;
        return Err(Error::input(
            "binary-file",
            format!("{name}:{line}: {what} contains a NUL byte: binary data, not text"),
        ));
    }
    match String::from_utf8(bytes) {
        Ok(mut s) => {
            if s.starts_with('\u{feff}') {
                s.drain(..3);
            }
            Ok(s)
        }
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            let before = &bytes[..valid];
            let line = before.iter().filter(|b| **b == b'\n').count() + 1;
            let line_start = before
                .iter()
                .rposition(|b| *b == b'\n')
                .map_or(0, |i| i + 1);
            let col = String::from_utf8_lossy(&before[line_start..])
                .chars()
                .count()
                + 1;
            Err(Error::input(
                "invalid-utf8",
                format!("{name}:{line}:{col}: {what} is not valid UTF-8"),
            ))
        }
    }
}

/// The file names `docker compose` looks for, in order.
pub const COMPOSE_FILE_NAMES: &[&str] = &[
    "compose.yaml",
    "compose.yml",
    "docker-compose.yaml",
    "docker-compose.yml",
];
pub const OVERRIDE_FILE_NAMES: &[&str] = &[
    "compose.override.yaml",
    "compose.override.yml",
    "docker-compose.override.yaml",
    "docker-compose.override.yml",
];

/// Compose's default discovery in one directory: the first compose file plus its override.
pub fn discover_in(dir: &Path) -> Option<Vec<PathBuf>> {
    let main = COMPOSE_FILE_NAMES
        .iter()
        .map(|n| dir.join(n))
        .find(|p| p.is_file())?;
    let mut files = vec![main];
    if let Some(o) = OVERRIDE_FILE_NAMES
        .iter()
        .map(|n| dir.join(n))
        .find(|p| p.is_file())
    {
        files.push(o);
    }
    Some(files)
}

/// What to load: the command line's view of inputs.
#[derive(Debug, Clone, Default)]
pub struct Request {
    /// Positional PATHs: files, directories (discover inside) or `-` (stdin).
    pub paths: Vec<PathBuf>,
    /// `-f FILE` (repeatable), merged in order; `-` is stdin.
    pub files: Vec<PathBuf>,
    pub env_files: Vec<PathBuf>,
    pub profiles: Vec<String>,
    pub project_name: Option<String>,
    /// The process environment (tests pass a fixed map).
    pub environ: BTreeMap<String, String>,
    pub cwd: PathBuf,
    pub stdin: Option<String>,
    pub limits: ReadLimits,
    /// `--input-format`: treat every input as this format instead of detecting it.
    pub force: Option<Format>,
}

/// Input formats stackfit reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Format {
    Compose,
    Kubernetes,
    Backstage,
    Architecture,
}

/// Detects a file's format from its content: Kubernetes objects have `apiVersion` and `kind`
/// at the top level of a document; anything else is read as Compose.
pub fn detect(text: &str) -> Format {
    let mut api = false;
    let mut kind = false;
    for line in text.lines() {
        if let Some(v) = line.strip_prefix("apiVersion:") {
            if v.trim()
                .trim_matches(['"', '\''])
                .starts_with("backstage.io/")
            {
                return Format::Backstage;
            }
            api |= !v.trim().is_empty();
        } else if let Some(v) = line.strip_prefix("kind:") {
            if v.trim().trim_matches(['"', '\'']) == "stackfit/architecture" {
                return Format::Architecture;
            }
            kind |= !v.trim().is_empty();
        }
        if api && kind {
            return Format::Kubernetes;
        }
    }
    Format::Compose
}

fn is_yaml(p: &Path) -> bool {
    p.extension().is_some_and(|e| e == "yaml" || e == "yml")
}

/// YAML files below `dir` (sorted; hidden directories and node_modules skipped).
fn yaml_files(dir: &Path, out: &mut Vec<PathBuf>, depth: usize) {
    if depth > 16 {
        return;
    }
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for p in entries {
        let name = p
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        if name.starts_with('.') || name == "node_modules" || name == "target" {
            continue;
        }
        if p.is_dir() {
            yaml_files(&p, out, depth + 1);
        } else if is_yaml(&p) {
            out.push(p);
        }
    }
}

/// The inputs of one run, by format.
#[derive(Debug, Default)]
pub struct Inputs {
    pub compose: Vec<PathBuf>,
    pub kubernetes: Vec<PathBuf>,
    pub backstage: Vec<PathBuf>,
    pub architecture: Vec<PathBuf>,
}

fn sniff(path: &Path, req: &Request) -> Result<Format> {
    if let Some(f) = req.force {
        return Ok(f);
    }
    if path.as_os_str() == "-" {
        return Ok(detect(req.stdin.as_deref().unwrap_or("")));
    }
    // The first 64 KiB decide (every format declares itself near the top); unreadable files
    // are reported by the loader with context.
    use std::io::Read;
    let mut head = Vec::with_capacity(64 * 1024);
    match std::fs::File::open(path).and_then(|f| f.take(64 * 1024).read_to_end(&mut head)) {
        Ok(_) => Ok(detect(&String::from_utf8_lossy(&head))),
        Err(_) => Ok(Format::Compose),
    }
}

/// Resolves what to read, as `docker compose` would for compose files; directories without a
/// compose file are searched for manifests.
pub fn resolve_inputs(req: &Request) -> Result<Inputs> {
    let mut inputs = Inputs::default();
    let abs = |p: &Path| -> PathBuf {
        if p.as_os_str() == "-" {
            p.to_path_buf()
        } else {
            compose::normalize(&req.cwd.join(p))
        }
    };
    let push = |p: PathBuf, f: Format, inputs: &mut Inputs| match f {
        Format::Compose => inputs.compose.push(p),
        Format::Kubernetes => inputs.kubernetes.push(p),
        Format::Backstage => inputs.backstage.push(p),
        Format::Architecture => inputs.architecture.push(p),
    };
    let given = !req.paths.is_empty() || !req.files.is_empty();
    for p in req.paths.iter().chain(req.files.iter()) {
        let a = abs(p);
        if a.as_os_str() != "-" && a.is_dir() {
            if req.force.is_none_or(|f| f == Format::Compose)
                && let Some(found) = discover_in(&a)
            {
                inputs.compose.extend(found);
                continue;
            }
            let mut files = Vec::new();
            yaml_files(&a, &mut files, 0);
            let mut any = false;
            for f in files {
                let fmt = sniff(&f, req)?;
                if fmt != Format::Compose {
                    push(f, fmt, &mut inputs);
                    any = true;
                }
            }
            if !any {
                return Err(Error::input(
                    "nothing-found",
                    format!(
                        "{}: no compose file ({}) or Kubernetes manifests found in this directory",
                        display_name(&a),
                        COMPOSE_FILE_NAMES.join(", ")
                    ),
                ));
            }
        } else {
            let fmt = sniff(&a, req)?;
            push(a, fmt, &mut inputs);
        }
    }
    if !given {
        if let Some(list) = req.environ.get("COMPOSE_FILE").filter(|s| !s.is_empty()) {
            let sep = req
                .environ
                .get("COMPOSE_PATH_SEPARATOR")
                .cloned()
                .unwrap_or_else(|| ":".into());
            for f in list.split(sep.as_str()).filter(|s| !s.is_empty()) {
                inputs.compose.push(abs(Path::new(f)));
            }
            return Ok(inputs);
        }
        // Like docker compose: the current directory, then its parents.
        let mut dir = Some(req.cwd.as_path());
        while let Some(d) = dir {
            if let Some(found) = discover_in(d) {
                inputs.compose = found;
                return Ok(inputs);
            }
            dir = d.parent();
        }
        return Err(Error::input(
            "nothing-found",
            format!(
                "no compose file found in {} or its parents (looked for {}); name files with -f or a PATH",
                display_name(&req.cwd),
                COMPOSE_FILE_NAMES.join(", ")
            ),
        ));
    }
    Ok(inputs)
}

/// Adds another input's model to the system's model: services with the same name are one
/// service (the first description wins; links and missing fields are added).
pub fn merge_models(base: &mut Model, other: Model) {
    for s in other.services {
        match base.services.iter_mut().find(|x| x.name == s.name) {
            Some(existing) => {
                existing.links_to.extend(s.links_to);
                if existing.image.is_none() {
                    existing.image = s.image;
                }
            }
            None => base.services.push(s),
        }
    }
    crate::model::sort_services(&mut base.services);
    base.inactive.extend(other.inactive);
    base.networks.extend(other.networks);
    base.volumes.extend(other.volumes);
    base.configs.extend(other.configs);
    base.secrets.extend(other.secrets);
    base.jobs = base.jobs.or(other.jobs);
    base.declared.extend(other.declared);
    base.ignores.extend(other.ignores);
    base.anchor = base.anchor.or(other.anchor);
    base.unset_variables.extend(other.unset_variables);
    base.name = base.name.take().or(other.name);
    if base.modules.is_none() {
        base.modules = other.modules;
    }
    for k in other.kinds {
        if !base.kinds.contains(&k) {
            base.kinds.push(k);
        }
    }
}

/// Reads and parses YAML documents of non-Compose inputs.
fn parse_documents(
    req: &Request,
    files: &[PathBuf],
    sm: &mut SourceMap,
    what: &str,
) -> Result<Vec<(u32, Vec<yaml::Node>)>> {
    let mut parsed = Vec::new();
    for f in files {
        let id = if f.as_os_str() == "-" {
            let text = req.stdin.clone().unwrap_or_default();
            req.limits.check_text("-", text.len())?;
            sm.add("-".into(), PathBuf::from("-"), text)
        } else {
            read_source(sm, f, &req.limits, what)?.0
        };
        let text = &sm.file(id).text;
        let docs = yaml::parse(text, id, yaml::Budget::for_len(text.len())).map_err(|e| {
            let code = if e.message.starts_with("invalid YAML") {
                "invalid-yaml"
            } else {
                "input-limit"
            };
            Error::input(code, e.message).at(sm, e.span)
        })?;
        parsed.push((id, docs));
    }
    Ok(parsed)
}

fn load_manifests(req: &Request, files: &[PathBuf], sm: &mut SourceMap) -> Result<Model> {
    let parsed = parse_documents(req, files, sm, "manifest")?;
    let model = kubernetes::load(sm, &parsed)?;
    if model.services.is_empty() {
        return Err(Error::input(
            "nothing-found",
            format!(
                "{}: no workloads (Deployment, StatefulSet, DaemonSet, Pod, Job, CronJob…) in the manifests",
                files.first().map(|f| display_name(f)).unwrap_or_default()
            ),
        ));
    }
    Ok(model)
}

/// Loads everything the request names into one model.
pub fn load(req: &Request, sm: &mut SourceMap) -> Result<Model> {
    let inputs = resolve_inputs(req)?;
    let mut model: Option<Model> = None;
    if !inputs.compose.is_empty() {
        model = Some(compose_model::load_project(req, &inputs.compose, sm)?);
    }
    if !inputs.kubernetes.is_empty() {
        let m = load_manifests(req, &inputs.kubernetes, sm)?;
        match &mut model {
            Some(base) => merge_models(base, m),
            None => model = Some(m),
        }
    }
    if !inputs.backstage.is_empty() {
        let parsed = parse_documents(req, &inputs.backstage, sm, "catalog")?;
        let m = backstage::load(sm, &parsed)?;
        match &mut model {
            Some(base) => merge_models(base, m),
            None => model = Some(m),
        }
    }
    if !inputs.architecture.is_empty() {
        let parsed = parse_documents(req, &inputs.architecture, sm, "architecture description")?;
        for (id, docs) in &parsed {
            for doc in docs.iter().filter(|d| !d.is_null()) {
                if !architecture::is_architecture(doc) {
                    return Err(Error::input(
                        "invalid-architecture",
                        "an architecture description needs `kind: stackfit/architecture`",
                    )
                    .at_pos(sm, doc.pos));
                }
                let arch = architecture::parse(sm, *id, doc)?;
                let mut m = architecture::to_model(&arch);
                if let Some(mono) = arch.monolith.as_ref().filter(|m| !m.modules.is_empty()) {
                    let text = sm.file(*id).text.clone();
                    let modules = crate::decompose::input::from_architecture(sm, *id, &text)?;
                    m.modules = Some((modules, mono.name.pos));
                }
                match &mut model {
                    Some(base) => merge_models(base, m),
                    None => model = Some(m),
                }
            }
        }
    }
    let mut model = model.ok_or_else(|| Error::input("nothing-found", "nothing to analyse"))?;
    model.inputs = [
        &inputs.compose,
        &inputs.kubernetes,
        &inputs.backstage,
        &inputs.architecture,
    ]
    .into_iter()
    .flatten()
    .map(|p| display_name(p))
    .collect();
    if model.services.is_empty() {
        return Err(Error::input(
            "nothing-found",
            "the inputs describe no services to analyse",
        ));
    }
    Ok(model)
}
