//! Input: finds the files to read (Compose's default discovery, `-f`, directories, stdin),
//! reads them within limits, detects each file's format and dispatches to the format's loader.
//! Produces one `Model` per invocation: all inputs describe one system.

pub mod architecture;
pub mod backstage;
pub mod compose;
pub mod kubernetes;
pub mod monolith;
pub mod yaml;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::model::Model;
use crate::source::SourceMap;
use crate::tr;

/// Resource limits on what is read: the per-file, per-run and load-count budgets of the one
/// reader (`source::read`).
pub type ReadLimits = crate::source::read::Budget;

pub use crate::source::display_name;

/// The reader's budgets, each overridable by an environment variable (README, "Limits").
pub fn read_limits(environ: &BTreeMap<String, String>) -> Result<ReadLimits> {
    let mut limits = ReadLimits::default();
    for (var, field) in [
        ("STACKFIT_MAX_FILE_BYTES", &mut limits.max_file_bytes),
        ("STACKFIT_MAX_TOTAL_BYTES", &mut limits.max_total_bytes),
        ("STACKFIT_MAX_LOADS", &mut limits.max_loads),
        ("STACKFIT_MAX_SERVICES", &mut limits.max_services),
        ("STACKFIT_MAX_MODULES", &mut limits.max_modules),
        ("STACKFIT_MAX_EDGES", &mut limits.max_edges),
    ] {
        if let Some(v) = environ.get(var) {
            *field = v.parse().map_err(|_| {
                Error::usage(tr!("input-env-not-number", var = var, value = v.as_str()))
            })?;
        }
    }
    Ok(limits)
}

impl From<crate::source::read::ReadError> for Error {
    fn from(e: crate::source::read::ReadError) -> Error {
        Error::input(e.code, e.message)
    }
}

/// Reads a text file into the source map through the one reader: regular files only, within
/// the budgets; binary data and invalid UTF-8 are refused, each with a clear error.
pub fn read_source(
    sm: &mut SourceMap,
    path: &Path,
    limits: &ReadLimits,
    what: &str,
) -> Result<(u32, usize)> {
    let name = display_name(path);
    let bytes = crate::source::read::read_file(path, &name, what, limits)?;
    let text = decode(&name, bytes, what)?;
    let len = text.len();
    Ok((sm.add(name, path.to_path_buf(), text), len))
}

/// Reads a text file that is not an input of the system (config, rule file) through the one
/// reader, with the default budgets.
pub fn read_text(path: &Path, what: &str) -> Result<String> {
    let name = display_name(path);
    let bytes = crate::source::read::read_file(path, &name, what, &ReadLimits::default())?;
    decode(&name, bytes, what)
}

/// UTF-8 text without NUL bytes; a leading BOM is dropped.
pub fn decode(name: &str, bytes: Vec<u8>, what: &str) -> Result<String> {
    if let Some(i) = bytes.iter().position(|b| *b == 0) {
        let line = bytes[..i].iter().filter(|b| **b == b'\n').count() + 1;
        return Err(Error::input(
            "binary-file",
            tr!("input-binary-file", name = name, line = line, what = what),
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
                tr!(
                    "input-invalid-utf8",
                    name = name,
                    line = line,
                    col = col,
                    what = what
                ),
            ))
        }
    }
}

/// The project root: `--project-directory`, else the git work tree enclosing the first input,
/// else that input's directory (standard input: the working directory). Canonical, so that
/// symlinks cannot lead out of it unnoticed.
pub fn project_root(explicit: Option<&Path>, first: Option<&Path>, cwd: &Path) -> Result<PathBuf> {
    let canon = |p: &Path| {
        std::fs::canonicalize(p).map_err(|e| {
            Error::input(
                "missing-file",
                tr!(
                    "input-cannot-resolve-project",
                    name = display_name(p),
                    why = crate::source::io_reason(&e)
                ),
            )
        })
    };
    if let Some(dir) = explicit {
        return canon(&cwd.join(dir));
    }
    let start = match first {
        Some(p) if p.as_os_str() != "-" => {
            let p = cwd.join(p);
            if p.is_dir() {
                p
            } else {
                p.parent()
                    .map(Path::to_path_buf)
                    .unwrap_or_else(|| cwd.to_path_buf())
            }
        }
        _ => cwd.to_path_buf(),
    };
    let start = match canon(&start) {
        Ok(s) => s,
        // A missing input is reported by the loader with its own message.
        Err(_) => return Ok(start),
    };
    let mut dir = Some(start.as_path());
    while let Some(d) = dir {
        if d.join(".git").exists() {
            return Ok(d.to_path_buf());
        }
        dir = d.parent();
    }
    Ok(start)
}

/// True when `path` resolves (after symlinks) inside `root`, or when there is no root.
pub fn inside_root(root: Option<&Path>, path: &Path) -> bool {
    let Some(root) = root else { return true };
    match std::fs::canonicalize(path) {
        Ok(c) => c.starts_with(root),
        // Not there (yet): judge the path as written, normalised.
        Err(_) => compose::normalize(path).starts_with(root),
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
    /// Files that inputs name must resolve inside this directory (canonical); `None` when the
    /// user allowed files outside it.
    pub project_root: Option<PathBuf>,
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

/// The format of a file by its parsed structure: any document (YAML in block or flow style,
/// or JSON) that is a mapping with `apiVersion` and `kind` is a manifest (a Backstage entity
/// or stackfit's architecture by their values), one with `services` is compose. `None` when
/// it is none of them or does not parse.
pub fn detect_structure(text: &str) -> Option<Format> {
    let docs = yaml::parse(text, 0, yaml::Budget::for_len(text.len())).ok()?;
    let mut compose = false;
    for d in &docs {
        let api = d.get("apiVersion").and_then(yaml::Node::as_str);
        let kind = d.get("kind").and_then(yaml::Node::as_str);
        if kind == Some("stackfit/architecture") {
            return Some(Format::Architecture);
        }
        if let (Some(api), Some(_)) = (api, kind) {
            return Some(if api.starts_with("backstage.io/") {
                Format::Backstage
            } else {
                Format::Kubernetes
            });
        }
        compose |= d.get("services").is_some() || d.get("include").is_some();
    }
    compose.then_some(Format::Compose)
}

fn is_yaml(p: &Path) -> bool {
    p.extension().is_some_and(|e| e == "yaml" || e == "yml")
}

/// YAML and JSON files below `dir`, sorted; hidden directories, node_modules and target
/// skipped. Symlinks are followed only while they stay inside the project root, each directory
/// is visited once (symlink loops end), and an unreadable directory is an input error.
fn yaml_files(dir: &Path, root: Option<&Path>, out: &mut Vec<PathBuf>) -> Result<()> {
    let mut seen: std::collections::BTreeSet<PathBuf> = std::collections::BTreeSet::new();
    // An explicit stack: the depth of a walk is the input's to choose, never the call stack's.
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let canon = std::fs::canonicalize(&d).unwrap_or_else(|_| d.clone());
        if !seen.insert(canon) {
            continue;
        }
        let rd = std::fs::read_dir(&d).map_err(|e| {
            Error::input(
                "unreadable-file",
                tr!(
                    "input-cannot-read-directory",
                    name = display_name(&d),
                    why = crate::source::io_reason(&e)
                ),
            )
        })?;
        let mut entries: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
        entries.sort();
        let mut subdirs = Vec::new();
        for p in entries {
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy().to_string())
                .unwrap_or_default();
            if name.starts_with('.') || name == "node_modules" || name == "target" {
                continue;
            }
            let is_link = std::fs::symlink_metadata(&p).is_ok_and(|m| m.file_type().is_symlink());
            if is_link && !inside_root(root.or(Some(dir)), &p) {
                continue; // never follow a link out of the project
            }
            if p.is_dir() {
                subdirs.push(p);
            } else if is_yaml(&p) || p.extension().is_some_and(|e| e == "json") {
                out.push(p);
            }
        }
        // Depth-first in sorted order.
        stack.extend(subdirs.into_iter().rev());
    }
    out.sort();
    Ok(())
}

/// The inputs of one run, by format.
#[derive(Debug, Default)]
pub struct Inputs {
    /// YAML files of a walked directory that are none of the formats (warned about).
    pub unrecognised: Vec<String>,
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
    // Unreadable files are reported by the loader, with the context of their role.
    match sniff_file(path, req) {
        Ok(f) => Ok(f.unwrap_or(Format::Compose)),
        Err(_) => Ok(Format::Compose),
    }
}

/// The format of a file from its first 64 KiB (every format declares itself near the top),
/// else by its parsed structure (JSON and flow-style manifests): the head when it is the whole
/// file, the whole file (read within the budgets) only when it is larger. `None`: none of the
/// formats. A file that is not a regular file is an error.
fn sniff_file(path: &Path, req: &Request) -> Result<Option<Format>> {
    const HEAD: u64 = 64 * 1024;
    let name = display_name(path);
    let mut head = Vec::new();
    {
        use std::io::Read;
        crate::source::read::open_regular(path, &name, &tr!("input-what-file"))?
            .take(HEAD + 1)
            .read_to_end(&mut head)
            .map_err(|e| {
                Error::input(
                    "unreadable-file",
                    tr!(
                        "input-cannot-read-file",
                        name = name.as_str(),
                        why = crate::source::io_reason(&e)
                    ),
                )
            })?;
    }
    let text = String::from_utf8_lossy(&head);
    let by_text = detect(&text);
    if by_text != Format::Compose || text.lines().any(|l| l.starts_with("services:")) {
        return Ok(Some(by_text));
    }
    if head.len() as u64 <= HEAD {
        return Ok(detect_structure(&text));
    }
    let bytes = crate::source::read::read_file(path, &name, &tr!("input-what-file"), &req.limits)?;
    Ok(detect_structure(&String::from_utf8_lossy(&bytes)))
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
            yaml_files(&a, req.project_root.as_deref(), &mut files)?;
            let mut any = false;
            let mut unrecognised = Vec::new();
            for f in files {
                // Every file of the walk is opened through the one reader: an unreadable or
                // special file is an input error, never skipped. Only recognised files are
                // loaded (and charged to the run's budgets) afterwards.
                let name = display_name(&f);
                let fmt = match req.force {
                    Some(f) => Some(f),
                    None => sniff_file(&f, req)?,
                };
                match fmt {
                    Some(fmt) if fmt != Format::Compose => {
                        push(f, fmt, &mut inputs);
                        any = true;
                    }
                    _ => {
                        if is_yaml(&f) {
                            unrecognised.push(name);
                        }
                    }
                }
            }
            inputs.unrecognised.extend(unrecognised);
            if !any {
                return Err(Error::input(
                    "nothing-found",
                    tr!(
                        "input-nothing-in-directory",
                        name = display_name(&a),
                        files = COMPOSE_FILE_NAMES.join(", ")
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
        // No compose file: the working directory's manifests, catalog or architecture
        // description, found as for a directory PATH (an error names what was looked for).
        let mut here = req.clone();
        here.paths = vec![req.cwd.clone()];
        return resolve_inputs(&here);
    }
    Ok(inputs)
}

/// Adds another input's model to the system's model: services with the same name are one
/// service (the first description wins; links and missing fields are added).
pub fn merge_models(base: &mut Model, other: Model) {
    for s in other.services {
        match base.services.iter_mut().find(|x| x.name == s.name) {
            Some(existing) => {
                existing
                    .extras_mut()
                    .links_to
                    .extend(s.extras().links_to.iter().cloned());
                if existing.image.is_none() {
                    existing.image = s.image;
                }
            }
            None => base.services.push(s),
        }
    }
    crate::model::sort_services(&mut base.services);
    base.inactive.extend(other.inactive);
    base.inactive_at.extend(other.inactive_at);
    base.networks.extend(other.networks);
    base.volumes.extend(other.volumes);
    base.configs.extend(other.configs);
    base.secrets.extend(other.secrets);
    base.jobs = base.jobs.or(other.jobs);
    base.declared.extend(other.declared);
    base.ignores.extend(other.ignores);
    base.skipped_files.extend(other.skipped_files);
    base.mixed_inputs.extend(other.mixed_inputs);
    base.cluster_extensions.extend(other.cluster_extensions);
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
            sm.add("-".into(), PathBuf::from("-"), text)
        } else {
            read_source(sm, f, &req.limits, what)?.0
        };
        let text = &sm.file(id).text;
        let docs = yaml::parse(text, id, yaml::Budget::for_len(text.len()))
            .map_err(|e| e.into_error(sm))?;
        parsed.push((id, docs));
    }
    Ok(parsed)
}

fn load_manifests(req: &Request, files: &[PathBuf], sm: &mut SourceMap) -> Result<Model> {
    let parsed = parse_documents(req, files, sm, &tr!("input-what-manifest"))?;
    let model = kubernetes::load(sm, &parsed)?;
    if model.services.is_empty() {
        return Err(Error::input(
            "nothing-found",
            tr!(
                "input-no-workloads",
                name = files.first().map(|f| display_name(f)).unwrap_or_default()
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
        model = Some(compose::load_project(req, &inputs.compose, sm)?);
    }
    if !inputs.kubernetes.is_empty() {
        let m = load_manifests(req, &inputs.kubernetes, sm)?;
        match &mut model {
            Some(base) => merge_models(base, m),
            None => model = Some(m),
        }
    }
    if !inputs.backstage.is_empty() {
        let parsed = parse_documents(req, &inputs.backstage, sm, &tr!("input-what-catalog"))?;
        let m = backstage::load(sm, &parsed)?;
        match &mut model {
            Some(base) => merge_models(base, m),
            None => model = Some(m),
        }
    }
    if !inputs.architecture.is_empty() {
        let parsed = parse_documents(
            req,
            &inputs.architecture,
            sm,
            &tr!("input-what-architecture"),
        )?;
        for (id, docs) in &parsed {
            for doc in docs.iter().filter(|d| !d.is_null()) {
                if !architecture::is_architecture(doc) {
                    return Err(Error::input(
                        "invalid-architecture",
                        tr!("input-architecture-needs-kind"),
                    )
                    .at_pos(sm, doc.pos));
                }
                let arch = architecture::parse(sm, *id, doc)?;
                let mut m = architecture::to_model(&arch);
                if let Some(mono) = arch.monolith.as_ref().filter(|m| !m.modules.is_empty()) {
                    let modules = crate::input::monolith::from_description(sm, &arch)?;
                    m.modules = Some((modules, mono.name.pos));
                }
                match &mut model {
                    Some(base) => merge_models(base, m),
                    None => model = Some(m),
                }
            }
        }
    }
    let mut model =
        model.ok_or_else(|| Error::input("nothing-found", tr!("input-nothing-to-analyse")))?;
    model.skipped_files.extend(
        inputs
            .unrecognised
            .iter()
            .map(|name| (name.clone(), tr!("input-not-analysed"), None)),
    );
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
        return Err(Error::input("nothing-found", tr!("input-no-services")));
    }
    Ok(model)
}
