//! The checks Docker Compose makes beyond types: the service key list, the name pattern of
//! services, networks, volumes, configs and secrets, and dependency cycles among active
//! services. Located errors only; it builds nothing.

use std::collections::{HashMap, HashSet};

use crate::error::{Error, Result};
use crate::input::yaml::{Kind, Node};
use crate::model::*;
use crate::source::{Pos, SourceMap, Str};
use crate::tr;

/// A compose error (exit 3) at a position.
pub(super) fn err(sm: &SourceMap, pos: Pos, msg: String) -> Error {
    Error::input("invalid-compose", msg).at_pos(sm, pos)
}

/// The keys a service may have, sorted (looked up by binary search: [`is_service_key`]).
pub const SERVICE_KEYS: &[&str] = &[
    "annotations",
    "attach",
    "blkio_config",
    "build",
    "cap_add",
    "cap_drop",
    "cgroup",
    "cgroup_parent",
    "command",
    "configs",
    "container_name",
    "cpu_count",
    "cpu_percent",
    "cpu_period",
    "cpu_quota",
    "cpu_rt_period",
    "cpu_rt_runtime",
    "cpu_shares",
    "cpus",
    "cpuset",
    "credential_spec",
    "depends_on",
    "deploy",
    "develop",
    "device_cgroup_rules",
    "devices",
    "dns",
    "dns_opt",
    "dns_search",
    "domainname",
    "entrypoint",
    "env_file",
    "environment",
    "expose",
    "extends",
    "external_links",
    "extra_hosts",
    "gpus",
    "group_add",
    "healthcheck",
    "hostname",
    "image",
    "init",
    "ipc",
    "isolation",
    "label_file",
    "labels",
    "links",
    "logging",
    "mac_address",
    "mem_limit",
    "mem_reservation",
    "mem_swappiness",
    "memswap_limit",
    "models",
    "network_mode",
    "networks",
    "oom_kill_disable",
    "oom_score_adj",
    "pid",
    "pids_limit",
    "platform",
    "ports",
    "post_start",
    "pre_start",
    "pre_stop",
    "privileged",
    "profiles",
    "provider",
    "pull_policy",
    "pull_refresh_after",
    "read_only",
    "restart",
    "runtime",
    "scale",
    "secrets",
    "security_opt",
    "shm_size",
    "stdin_open",
    "stop_grace_period",
    "stop_signal",
    "storage_opt",
    "sysctls",
    "tmpfs",
    "tty",
    "ulimits",
    "use_api_socket",
    "user",
    "userns_mode",
    "uts",
    "volumes",
    "volumes_from",
    "working_dir",
];

/// Whether `key` is a service key of the specification.
pub fn is_service_key(key: &str) -> bool {
    SERVICE_KEYS.binary_search(&key).is_ok()
}

/// The Compose Specification names services, networks, volumes, configs and secrets with
/// `^[a-zA-Z0-9._-]+$`; anything else is refused at the key (shown escaped).
pub(super) fn check_name(sm: &SourceMap, section: &str, name: &str, at: Pos) -> Result<()> {
    // A plain `123` or `1.5` key is a number in YAML, not a name (Compose: "non-string key").
    let written = &sm.file(at.at.file).text;
    let first = written.as_bytes().get(at.at.start as usize).copied();
    let quoted = matches!(first, Some(b'"' | b'\''));
    let numeric = name
        .bytes()
        .all(|b| b.is_ascii_digit() || b"+-.eE".contains(&b))
        && name.bytes().any(|b| b.is_ascii_digit())
        && name.parse::<f64>().is_ok();
    if !quoted && at.via().is_none() && numeric {
        return Err(err(
            sm,
            at,
            tr!("compose-non-string-key", section = section, name = name),
        ));
    }
    if !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'))
    {
        return Ok(());
    }
    let shown: String = name.chars().take(64).collect();
    Err(err(
        sm,
        at,
        tr!(
            "compose-invalid-name",
            section = section,
            name = crate::source::escape::line(&shown)
        ),
    ))
}

/// Compose refuses dependency cycles (depends_on, links, volumes_from, network_mode service:).
pub(super) fn check_cycles(
    sm: &SourceMap,
    all: &[Service],
    index: &HashMap<&str, usize>,
    active: &[bool],
) -> Result<()> {
    let edges: Vec<Vec<(usize, Pos)>> =
        all.iter()
            .enumerate()
            .map(|(i, s)| {
                if !active[i] {
                    return Vec::new();
                }
                let mut v: Vec<(usize, Pos)> =
                    s.depends_on
                        .iter()
                        .map(|d| (d.service.as_str(), d.pos))
                        .chain(s.extras().links.iter().map(|l| (l.value.as_str(), l.pos)))
                        .chain(
                            s.extras()
                                .volumes_from
                                .iter()
                                .map(|l| (l.value.as_str(), l.pos)),
                        )
                        .chain(
                            s.extras().network_mode.iter().filter_map(|n| {
                                n.value.strip_prefix("service:").map(|x| (x, n.pos))
                            }),
                        )
                        .filter_map(|(n, p)| index.get(n).map(|i| (*i, p)))
                        .filter(|(j, _)| active[*j])
                        .collect();
                v.sort_by_key(|x| x.0);
                v
            })
            .collect();
    // iterative DFS with colours: 0 white, 1 grey, 2 black
    let mut colour = vec![0u8; all.len()];
    for start in 0..all.len() {
        if colour[start] != 0 {
            continue;
        }
        let mut stack: Vec<(usize, usize)> = vec![(start, 0)];
        colour[start] = 1;
        while let Some(&mut (node, ref mut next)) = stack.last_mut() {
            if *next < edges[node].len() {
                let (to, pos) = edges[node][*next];
                *next += 1;
                match colour[to] {
                    0 => {
                        colour[to] = 1;
                        stack.push((to, 0));
                    }
                    1 => {
                        let from = stack.iter().position(|(n, _)| *n == to).unwrap_or(0);
                        let mut names: Vec<&str> = stack[from..]
                            .iter()
                            .map(|(n, _)| all[*n].name.as_str())
                            .collect();
                        names.push(all[to].name.as_str());
                        return Err(Error::input(
                            "dependency-cycle",
                            tr!("compose-dependency-cycle", cycle = names.join(" -> ")),
                        )
                        .at_pos(sm, pos));
                    }
                    _ => {}
                }
            } else {
                colour[node] = 2;
                stack.pop();
            }
        }
    }
    Ok(())
}
/// Secrets and configs defined at the top level must say where their content comes from,
/// unless they are external (Compose: "one of file|environment must be set").
pub(super) fn check_definitions(sm: &SourceMap, root: &Node) -> Result<()> {
    for (section, sources) in [
        ("secrets", &["file", "environment"][..]),
        ("configs", &["file", "environment", "content"][..]),
    ] {
        let Some(defs) = root.get(section).and_then(Node::as_map) else {
            continue;
        };
        for e in defs {
            let external = e
                .value
                .get("external")
                .is_some_and(|x| x.as_map().is_some() || x.as_str() == Some("true"));
            if external || sources.iter().any(|k| e.value.get(k).is_some()) {
                continue;
            }
            return Err(err(
                sm,
                e.key_pos,
                tr!(
                    "compose-definition-source",
                    section = section,
                    name = crate::source::escape::short(&e.key),
                    keys = sources.join("|")
                ),
            ));
        }
    }
    Ok(())
}

/// The names a service refers to, with where: items of a list (`[a, b]`, or `{source: a}`
/// items) or keys of a mapping.
fn referenced(node: Option<&Node>) -> Vec<(Str, Pos)> {
    let Some(node) = node else { return Vec::new() };
    match &node.kind {
        Kind::Seq(items) => items
            .iter()
            .filter_map(|i| match &i.kind {
                Kind::Map(_) => i
                    .get("source")
                    .and_then(Node::as_str)
                    .map(|s| (Str::from(s), i.pos)),
                _ => i.as_str().map(|s| (Str::from(s), i.pos)),
            })
            .collect(),
        Kind::Map(entries) => entries.iter().map(|e| (e.key.clone(), e.key_pos)).collect(),
        Kind::Scalar { .. } => Vec::new(),
    }
}

/// The top-level names a service's definition refers to, taken from its tree when the service
/// is built, so that the tree can be freed before the references are checked.
#[derive(Debug, Default)]
pub(super) struct References {
    networks: Vec<(Str, Pos)>,
    build_secrets: Vec<(Str, Pos)>,
    configs: Vec<(Str, Pos)>,
    models: Vec<(Str, Pos)>,
    secrets: Vec<(Str, Pos)>,
}

impl References {
    pub(super) fn is_empty(&self) -> bool {
        self.networks.is_empty()
            && self.build_secrets.is_empty()
            && self.configs.is_empty()
            && self.models.is_empty()
            && self.secrets.is_empty()
    }

    pub(super) fn of(node: &Node) -> References {
        References {
            networks: referenced(node.get("networks")),
            build_secrets: referenced(node.get("build").and_then(|b| b.get("secrets"))),
            configs: referenced(node.get("configs")),
            models: referenced(node.get("models")),
            secrets: referenced(node.get("secrets")),
        }
    }
}

/// What the active services refer to must be defined at the top level: networks (besides
/// `default`), named volumes, secrets (also of builds), configs and models; and a service
/// uses either `network_mode` or `networks`. Compose checks the services its profiles enable.
/// `refs` holds the [`References`] of the services that have any, by name.
pub(super) fn check_references(
    sm: &SourceMap,
    root: &Node,
    services: &[&Service],
    refs: &HashMap<Str, References>,
) -> Result<()> {
    // sets: a file with thousands of named volumes is checked in linear time
    let defined = |section: &str| -> HashSet<&str> {
        root.get(section)
            .and_then(Node::as_map)
            .map(|m| m.iter().map(|e| e.key.as_str()).collect())
            .unwrap_or_default()
    };
    let networks = defined("networks");
    let volumes = defined("volumes");
    let secrets = defined("secrets");
    let configs = defined("configs");
    let models = defined("models");
    let none = References::default();
    for s in services {
        let r = refs.get(s.name.as_str()).unwrap_or(&none);
        // quoted only when a message is written
        let name = || crate::source::escape::short(&s.name);
        let undefined = |what: &str, r: &str, at: Pos| {
            let what = match what {
                "network" => tr!("compose-ref-network"),
                "volume" => tr!("compose-ref-volume"),
                "build secret" => tr!("compose-ref-build-secret"),
                "config" => tr!("compose-ref-config"),
                "model" => tr!("compose-ref-model"),
                "secret" => tr!("compose-ref-secret"),
                other => other.to_string(),
            };
            Err(err(
                sm,
                at,
                tr!(
                    "compose-undefined-ref",
                    service = name(),
                    what = what,
                    name = crate::source::escape::short(r)
                ),
            ))
        };
        let nets = &r.networks;
        if let Some(nm) = &s.extras().network_mode
            && !nets.is_empty()
        {
            return Err(err(
                sm,
                nm.pos,
                tr!("compose-network-mode-exclusive", service = name()),
            ));
        }
        for (n, at) in nets {
            if n != "default" && !networks.contains(&n.as_str()) {
                return undefined("network", n, *at);
            }
        }
        for m in &s.mounts {
            if m.kind == MountKind::Volume
                && let Some(src) = m.source.as_deref().filter(|v| !v.is_empty())
                && !volumes.contains(&src)
            {
                return undefined("volume", src, m.pos);
            }
        }
        for (what, names, known) in [
            ("build secret", &r.build_secrets, &secrets),
            ("config", &r.configs, &configs),
            ("model", &r.models, &models),
            ("secret", &r.secrets, &secrets),
        ] {
            for (name, at) in names {
                if !known.contains(&name.as_str()) {
                    return undefined(what, name, *at);
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn service_keys_are_sorted_for_the_binary_search() {
        let keys = super::SERVICE_KEYS;
        assert!(
            keys.windows(2).all(|w| w[0] < w[1]),
            "SERVICE_KEYS must stay sorted"
        );
        assert!(super::is_service_key("image") && !super::is_service_key("imag"));
    }
}
