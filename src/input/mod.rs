//! Input: finds the files to read (Compose's default discovery, `-f`, directories, stdin),
//! reads them within limits, detects each file's format and dispatches to the format's loader.
//! Produces one `Model` per invocation: all inputs describe one system.

pub mod architecture;
pub mod compose;
pub mod compose_model;
pub mod envfile;
pub mod interpolate;
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
}

/// Resolves the list of compose files to read, as `docker compose` would.
pub fn resolve_files(req: &Request) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let abs = |p: &Path| -> PathBuf {
        if p.as_os_str() == "-" || p.is_absolute() {
            p.to_path_buf()
        } else {
            req.cwd.join(p)
        }
    };
    for p in req.paths.iter().chain(req.files.iter()) {
        let a = abs(p);
        if a.as_os_str() != "-" && a.is_dir() {
            match discover_in(&a) {
                Some(found) => out.extend(found),
                None => {
                    return Err(Error::input(
                        "nothing-found",
                        format!(
                            "{}: no compose file found in this directory (looked for {})",
                            display_name(&a),
                            COMPOSE_FILE_NAMES.join(", ")
                        ),
                    ));
                }
            }
        } else {
            out.push(a);
        }
    }
    if out.is_empty() {
        if let Some(list) = req.environ.get("COMPOSE_FILE").filter(|s| !s.is_empty()) {
            let sep = req
                .environ
                .get("COMPOSE_PATH_SEPARATOR")
                .cloned()
                .unwrap_or_else(|| ":".into());
            for f in list.split(sep.as_str()).filter(|s| !s.is_empty()) {
                out.push(abs(Path::new(f)));
            }
            return Ok(out);
        }
        // Like docker compose: the current directory, then its parents.
        let mut dir = Some(req.cwd.as_path());
        while let Some(d) = dir {
            if let Some(found) = discover_in(d) {
                return Ok(found);
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
    Ok(out)
}

/// Loads everything the request names into one model.
pub fn load(req: &Request, sm: &mut SourceMap) -> Result<Model> {
    let files = resolve_files(req)?;
    compose_model::load_project(req, &files, sm)
}
