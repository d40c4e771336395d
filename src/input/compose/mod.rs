//! Docker Compose input, as `docker compose config` reads it: the project (name, files,
//! environment) and the path from files to the typed `Model`. Each step is a file of this
//! folder: `files` (reading, `include`, `extends`), `interpolate` and `envfile` (variables),
//! `merge` (override rules), `service` (the model, key by key), `short_syntax` (ports, volumes,
//! commands) and `validate` (names, cycles, the key lists). It does not parse YAML itself.

pub mod envfile;
mod files;
pub mod interpolate;
mod merge;
mod schema;
mod service;
pub mod short_syntax;
mod validate;

pub use files::{Environment, Loader, TOP_LEVEL_KEYS, is_remote, normalize};
pub use merge::{Level, list_to_map, merge};
pub use validate::{SERVICE_KEYS, is_service_key};

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::Request;
use crate::error::{Error, Result};
use crate::input::yaml::Node;
use crate::model::*;
use crate::source::{Pos, SourceMap};
use crate::tr;
use service::Builder;

/// A directory name as Compose makes a project name of it: lowercase, only `a-z0-9_-`.
fn normalize_project_name(dir: &Path) -> String {
    dir.file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default()
        .chars()
        .filter(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '_' || *c == '-')
        .collect::<String>()
        .trim_start_matches(['_', '-'])
        .to_string()
}

/// The last literal top-level `name:` among the files (a later `-f` file wins); one written
/// with a variable is left to interpolation. Files are read through the one reader.
fn literal_name(files: &[PathBuf], req: &Request) -> Option<String> {
    let mut found = None;
    for f in files {
        let text = if f.as_os_str() == "-" {
            req.stdin.clone().unwrap_or_default()
        } else {
            let bytes = crate::source::read::read_head(f, 64 * 1024)?;
            String::from_utf8_lossy(&bytes).into_owned()
        };
        for line in text.lines() {
            if let Some(v) = line.strip_prefix("name:") {
                let v = v
                    .split(" #")
                    .next()
                    .unwrap_or("")
                    .trim()
                    .trim_matches(['"', '\'']);
                if !v.is_empty() && !v.contains('$') {
                    found = Some(v.to_string());
                }
            }
        }
    }
    found
}

/// Loads the compose files of one project and builds its model.
pub fn load_project(req: &Request, files: &[PathBuf], sm: &mut SourceMap) -> Result<Model> {
    let first = files
        .first()
        .ok_or_else(|| Error::input("nothing-found", tr!("compose-no-input-files")))?;
    let project_dir = if first.as_os_str() == "-" {
        req.cwd.clone()
    } else {
        first
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_else(|| req.cwd.clone())
    };
    let mut loader = Loader::new(sm, req.limits);
    loader.root = req.project_root.clone();
    let mut env = Environment {
        process: req.environ.clone(),
        files: BTreeMap::new(),
    };
    // `${COMPOSE_PROJECT_NAME}` interpolates to the project name: `-p`, else the variable
    // itself, else the files' top-level `name:` (a literal one), else the directory's name.
    let project = match &req.project_name {
        Some(p) => Some(p.clone()),
        None if req.environ.contains_key("COMPOSE_PROJECT_NAME") => None,
        None => {
            Some(literal_name(files, req).unwrap_or_else(|| normalize_project_name(&project_dir)))
        }
    };
    // It comes from the command line or the project, not from a secret: an identifier to
    // print, so it sits with the project files' values (`-p` wins over the variable).
    if let Some(p) = project {
        env.process.remove("COMPOSE_PROJECT_NAME");
        env.files.insert("COMPOSE_PROJECT_NAME".into(), p);
    }
    let env_paths: Vec<PathBuf> = if req.env_files.is_empty() {
        let dotenv = project_dir.join(".env");
        if dotenv.is_file() {
            vec![dotenv]
        } else {
            vec![]
        }
    } else {
        req.env_files
            .iter()
            .map(|p| {
                if p.is_absolute() {
                    p.clone()
                } else {
                    req.cwd.join(p)
                }
            })
            .collect()
    };
    for p in &env_paths {
        // `--env-file` is named on the command line; the project's `.env` must stay inside.
        if req.env_files.is_empty() && !loader.env_file_allowed(p, None) {
            continue;
        }
        let snapshot = env.clone();
        let vars = loader.read_env_file(p, &|n| snapshot.get(n))?;
        env.files.extend(vars);
    }
    if let Some(p) = &req.project_name {
        env.files.insert("COMPOSE_PROJECT_NAME".into(), p.clone());
    }
    let mut merged: Option<Node> = None;
    let mut stdin_used = false;
    let mut names: Vec<(String, Pos)> = Vec::new();
    for f in files {
        let stdin = if f.as_os_str() == "-" {
            if stdin_used {
                return Err(Error::usage(tr!("compose-stdin-once")));
            }
            stdin_used = true;
            Some(req.stdin.as_deref().unwrap_or(""))
        } else {
            None
        };
        let tree = loader.load_file(f, &project_dir, &env, stdin)?;
        if let Some(n) = tree.get("name").filter(|n| n.is_scalar() && !n.is_null())
            && let Some(text) = n.as_str()
            && !names.iter().any(|(m, _)| m == text)
        {
            names.push((text.to_string(), n.pos));
        }
        merged = Some(match merged {
            None => tree,
            Some(prev) => merge(prev, tree, Level::Root),
        });
    }
    // Files that may not belong together are merged as Compose would, and said so.
    let mut mixed: Vec<(String, Option<Pos>)> = Vec::new();
    if let [(first, _), rest @ ..] = names.as_slice()
        && let Some((other, at)) = rest.first()
    {
        mixed.push((
            tr!(
                "compose-mixed-projects",
                first = crate::source::escape::short(first),
                second = crate::source::escape::short(other)
            ),
            Some(*at),
        ));
    }
    let dirs: std::collections::BTreeSet<PathBuf> = files
        .iter()
        .filter(|f| f.as_os_str() != "-")
        .filter_map(|f| f.parent().map(super::compose::normalize))
        .collect();
    if dirs.len() > 1 {
        let shown: Vec<String> = dirs
            .iter()
            .take(3)
            .map(|d| super::display_name(d))
            .collect();
        mixed.push((
            tr!(
                "compose-mixed-dirs",
                n = dirs.len(),
                dirs = shown.join(", "),
                project_dir = super::display_name(&project_dir)
            ),
            None,
        ));
    }
    let mut root = merged.expect("at least one file");
    if root.as_map().is_some_and(|m| m.is_empty()) {
        return Err(Error::input("empty-file", tr!("compose-empty-file")).at(
            loader.sm,
            crate::source::Span {
                file: root.pos.at.file,
                start: 0,
                end: 0,
            },
        ));
    }
    let profiles: Vec<String> = if !req.profiles.is_empty() {
        req.profiles.clone()
    } else {
        env.get("COMPOSE_PROFILES")
            .map(|s| {
                s.split(',')
                    .map(|p| p.trim().to_string())
                    .filter(|p| !p.is_empty())
                    .collect()
            })
            .unwrap_or_default()
    };
    let mut b = Builder {
        loader: &mut loader,
        env: &env,
        project_dir: super::compose::normalize(&project_dir),
        expanded_ports: std::cell::Cell::new(0),
    };
    let mut model = b.build(&mut root, &profiles)?;
    model.unset_variables = loader.usage.unset.iter().cloned().collect();
    model.skipped_files = loader
        .outside
        .iter()
        .map(|(p, at)| {
            (
                crate::input::display_name(p),
                tr!("compose-env-outside-root"),
                *at,
            )
        })
        .collect();
    if let Some(n) = &req.project_name {
        model.name = Some(n.clone());
    }
    if model.name.is_none() {
        model.name = project_dir
            .file_name()
            .map(|n| n.to_string_lossy().to_string());
    }
    model.kinds = vec![InputKind::Compose];
    model.mixed_inputs = mixed;
    Ok(model)
}
