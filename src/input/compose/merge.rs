//! Compose's override rules for `-f` files, `include` and `extends`: maps merge, scalars
//! replace, mapping lists (`environment`, `labels`…) merge by key, mounts by target, ports and
//! other lists append; `!reset` removes and `!override` replaces. Pure tree arithmetic.

use std::collections::HashMap;

use crate::input::yaml::{Entry, Kind, Node};
use crate::source::{Pos, Str};

pub(super) fn same_content(a: &Node, b: &Node) -> bool {
    match (&a.kind, &b.kind) {
        (Kind::Scalar { text: x, .. }, Kind::Scalar { text: y, .. }) => x == y,
        (Kind::Seq(x), Kind::Seq(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| same_content(p, q))
        }
        (Kind::Map(x), Kind::Map(y)) => {
            x.len() == y.len()
                && x.iter().all(|e| {
                    y.iter()
                        .any(|f| f.key == e.key && same_content(&e.value, &f.value))
                })
        }
        _ => false,
    }
}

pub(super) fn remove_key(node: &mut Node, key: &str) {
    if let Kind::Map(entries) = &mut node.kind {
        entries.retain(|e| e.key != key);
    }
}

/// The services of a compose tree by name (one lookup each, whatever the file's size).
pub(super) fn service_index(root: &Node) -> HashMap<Str, Node> {
    root.get("services")
        .and_then(Node::as_map)
        .map(|m| m.iter().map(|e| (e.key.clone(), e.value.clone())).collect())
        .unwrap_or_default()
}

pub(super) fn insert_in_section(root: &mut Node, section: &str, entry: Entry, pos: Pos) {
    let Kind::Map(entries) = &mut root.kind else {
        return;
    };
    if !entries.iter().any(|e| e.key == section) {
        entries.push(Entry {
            key: section.into(),
            key_pos: pos,
            value: Node {
                kind: Kind::Map(Vec::new()),
                pos,
                tag: None,
            },
        });
    }
    let sec = entries
        .iter_mut()
        .find(|e| e.key == section)
        .expect("inserted above");
    if sec.value.is_null() {
        sec.value.kind = Kind::Map(Vec::new());
    }
    if let Kind::Map(m) = &mut sec.value.kind {
        m.push(entry);
    }
}

/// Where in a compose tree a merge happens: decides how sequences merge.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// The whole file.
    Root,
    /// A top-level section (`services`, `networks`…).
    Section,
    /// One service's body.
    Service,
    /// The value of one key of a service (`ports`, `environment`…).
    ServiceKey,
    Inner,
}

/// Keys whose list form (`K=V`, `name`) is a mapping in disguise.
const MAPPING_LISTS: &[&str] = &[
    "environment",
    "labels",
    "annotations",
    "extra_hosts",
    "sysctls",
    "depends_on",
    "networks",
    "args",
];

/// Merges `over` onto `base` with Compose's override rules.
pub fn merge(base: Node, over: Node, level: Level) -> Node {
    merge_at(base, over, level, "")
}

pub(super) fn merge_at(base: Node, over: Node, level: Level, key: &str) -> Node {
    if over.has_tag("!override") {
        let mut o = over;
        o.tag = None;
        return o;
    }
    let over_is_map = matches!(over.kind, Kind::Map(_));
    let base_is_map = matches!(base.kind, Kind::Map(_));
    let mapping_list = level == Level::ServiceKey && MAPPING_LISTS.contains(&key)
        || (level == Level::Inner && key == "args");
    if mapping_list && (over_is_map != base_is_map) {
        return merge_at(list_to_map(base), list_to_map(over), level, key);
    }
    let reset = over.has_tag("!reset");
    match (base.kind, over.kind) {
        (Kind::Map(mut a), Kind::Map(b)) => {
            let child = match level {
                Level::Root => Level::Section,
                Level::Section if key == "services" => Level::Service,
                Level::Service => Level::ServiceKey,
                _ => Level::Inner,
            };
            // Keys found through an index, not a scan per key: two files of 50,000 services
            // merge in linear time. A key `!reset` removes is marked and dropped at the end.
            let mut index: HashMap<Str, usize> = HashMap::with_capacity(a.len());
            if a.len().saturating_mul(b.len()) > 64 {
                index.extend(a.iter().enumerate().map(|(i, x)| (x.key.clone(), i)));
            }
            let find = |a: &[Entry], index: &HashMap<Str, usize>, key: &str| {
                if index.is_empty() {
                    a.iter().position(|x| x.key == key)
                } else {
                    index.get(key).copied()
                }
            };
            let mut gone = vec![false; a.len()];
            for e in b {
                let at = find(&a, &index, &e.key).filter(|&i| !gone[i]);
                if e.value.has_tag("!reset") {
                    if let Some(i) = at {
                        gone[i] = true;
                    }
                    continue;
                }
                match at {
                    Some(i) => {
                        let old =
                            std::mem::replace(&mut a[i].value, Node::scalar("", Pos::default()));
                        a[i].value = merge_at(old, e.value, child, &e.key);
                    }
                    None => {
                        if !index.is_empty() {
                            index.insert(e.key.clone(), a.len());
                        }
                        a.push(e);
                        gone.push(false);
                    }
                }
            }
            if gone.iter().any(|g| *g) {
                let mut gone = gone.into_iter();
                a.retain(|_| !gone.next().unwrap_or(false));
            }
            Node {
                kind: Kind::Map(a),
                pos: over.pos,
                tag: None,
            }
        }
        (Kind::Seq(mut a), Kind::Seq(b)) => {
            let replace = matches!(key, "command" | "entrypoint" | "test")
                && matches!(level, Level::ServiceKey | Level::Inner);
            if replace {
                return Node {
                    kind: Kind::Seq(b),
                    pos: over.pos,
                    tag: None,
                };
            }
            let keyed: Option<fn(&Node) -> Option<Str>> = if level == Level::ServiceKey {
                match key {
                    "volumes" | "devices" | "tmpfs" => Some(mount_target),
                    "secrets" | "configs" => Some(source_key),
                    _ => None,
                }
            } else {
                None
            };
            match keyed {
                Some(f) => {
                    for item in b {
                        let k = f(&item);
                        if let Some(i) = k
                            .as_ref()
                            .and_then(|k| a.iter().position(|x| f(x).as_ref() == Some(k)))
                        {
                            a[i] = item;
                        } else {
                            a.push(item);
                        }
                    }
                }
                None => {
                    for item in b {
                        if item.is_scalar() && a.iter().any(|x| same_content(x, &item)) {
                            continue;
                        }
                        a.push(item);
                    }
                }
            }
            Node {
                kind: Kind::Seq(a),
                pos: over.pos,
                tag: None,
            }
        }
        (_, kind) => Node {
            kind,
            pos: over.pos,
            tag: if reset { None } else { over.tag },
        },
    }
}

pub(super) fn mount_target(n: &Node) -> Option<Str> {
    match &n.kind {
        Kind::Scalar { text, .. } => {
            let parts: Vec<&str> = text.split(':').collect();
            Some(match parts.len() {
                1 => parts[0].into(),
                _ => parts[1].into(),
            })
        }
        Kind::Map(_) => n.get("target").and_then(Node::as_str).map(Str::from),
        _ => None,
    }
}

pub(super) fn source_key(n: &Node) -> Option<Str> {
    match &n.kind {
        Kind::Scalar { text, .. } => Some(text.clone()),
        Kind::Map(_) => n.get("source").and_then(Node::as_str).map(Str::from),
        _ => None,
    }
}

/// `["A=1", "B"]` → `{A: "1", B: null}`; `["svc"]` → `{svc: null}`; mappings unchanged.
pub fn list_to_map(n: Node) -> Node {
    match n.kind {
        Kind::Seq(items) => {
            let mut entries: Vec<Entry> = Vec::new();
            for item in items {
                let Kind::Scalar { text, .. } = &item.kind else {
                    continue;
                };
                let (k, v) = match text.split_once('=') {
                    Some((k, v)) => (Str::from(k), Some(Str::from(v))),
                    None => match text.split_once(':') {
                        // extra_hosts "host:ip" form
                        Some((k, v))
                            if !v.is_empty() && !k.is_empty() && text.matches(':').count() == 1 =>
                        {
                            (Str::from(k), Some(Str::from(v)))
                        }
                        _ => (text.clone(), None),
                    },
                };
                let value = match v {
                    Some(v) => Node::scalar(v, item.pos),
                    None => Node {
                        kind: Kind::Scalar {
                            text: Str::default(),
                            plain: true,
                        },
                        pos: item.pos,
                        tag: None,
                    },
                };
                entries.push(Entry {
                    key: k,
                    key_pos: item.pos,
                    value,
                });
            }
            // A key given twice keeps its last value, at the place of its last occurrence:
            // found by one map of last positions (a scan per item was quadratic).
            let mut last: HashMap<&str, usize> = HashMap::with_capacity(entries.len());
            for (i, e) in entries.iter().enumerate() {
                last.insert(e.key.as_str(), i);
            }
            let keep: Vec<bool> = entries
                .iter()
                .enumerate()
                .map(|(i, e)| last[e.key.as_str()] == i)
                .collect();
            let mut keep = keep.into_iter();
            entries.retain(|_| keep.next().unwrap_or(false));
            Node {
                kind: Kind::Map(entries),
                pos: n.pos,
                tag: n.tag,
            }
        }
        kind => Node {
            kind,
            pos: n.pos,
            tag: n.tag,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::yaml::{Budget, parse};

    fn tree(t: &str) -> Node {
        parse(t, 0, Budget::for_len(t.len())).unwrap().remove(0)
    }

    #[test]
    fn override_merges_maps_and_replaces_scalars() {
        let a = tree(
            "services:\n  web:\n    image: a\n    environment: [A=1, B=2]\n    ports: ['80:80']\n",
        );
        let b = tree(
            "services:\n  web:\n    image: b\n    environment:\n      B: 3\n    ports: ['443:443']\n",
        );
        let m = merge(a, b, Level::Root);
        let web = m.get("services").unwrap().get("web").unwrap();
        assert_eq!(web.get("image").unwrap().as_str(), Some("b"));
        let env = web.get("environment").unwrap();
        assert_eq!(env.get("A").unwrap().as_str(), Some("1"));
        assert_eq!(env.get("B").unwrap().as_str(), Some("3"));
        assert_eq!(web.get("ports").unwrap().as_seq().unwrap().len(), 2);
    }

    #[test]
    fn large_mappings_merge_by_index_with_the_same_result() {
        // 40 services in each file: the indexed path; the result keeps the base's order, then
        // the new keys in the override's order, with `!reset` keys removed
        let base: String = (0..40)
            .map(|i| format!("  s{i}:\n    image: a{i}\n"))
            .collect();
        let mut over = String::new();
        for i in (20..60).rev() {
            if i == 25 {
                over.push_str("  s25: !reset {}\n");
            } else {
                over.push_str(&format!("  s{i}:\n    restart: always\n"));
            }
        }
        let m = merge(
            tree(&format!("services:\n{base}")),
            tree(&format!("services:\n{over}")),
            Level::Root,
        );
        let services = m.get("services").unwrap().as_map().unwrap();
        let names: Vec<&str> = services.iter().map(|e| e.key.as_str()).collect();
        let mut want: Vec<String> = (0..40)
            .filter(|&i| i != 25)
            .map(|i| format!("s{i}"))
            .collect();
        want.extend((40..60).rev().map(|i| format!("s{i}")));
        assert_eq!(names, want);
        let s30 = m.get("services").unwrap().get("s30").unwrap();
        assert_eq!(s30.get("image").unwrap().as_str(), Some("a30"));
        assert_eq!(s30.get("restart").unwrap().as_str(), Some("always"));
        assert!(
            m.get("services")
                .unwrap()
                .get("s10")
                .unwrap()
                .get("restart")
                .is_none()
        );
    }

    #[test]
    fn a_list_given_twice_keeps_the_last_value_at_its_last_place() {
        let n = tree("[A=1, B=2, A=3, C, B=4]");
        let m = list_to_map(n);
        let got: Vec<(&str, &str)> = m
            .as_map()
            .unwrap()
            .iter()
            .map(|e| (e.key.as_str(), e.value.as_str().unwrap_or("")))
            .collect();
        assert_eq!(got, [("A", "3"), ("C", ""), ("B", "4")]);
    }

    #[test]
    fn reset_and_override_tags() {
        let a =
            tree("services:\n  web:\n    image: a\n    ports: ['80:80']\n    command: [x, y]\n");
        let b = tree("services:\n  web:\n    ports: !reset []\n    command: [z]\n");
        let m = merge(a, b, Level::Root);
        let web = m.get("services").unwrap().get("web").unwrap();
        assert!(web.get("ports").is_none());
        assert_eq!(web.get("command").unwrap().as_seq().unwrap().len(), 1);
        let a = tree("services:\n  web:\n    environment: {A: 1, B: 2}\n");
        let b = tree("services:\n  web:\n    environment: !override {C: 3}\n");
        let m = merge(a, b, Level::Root);
        let env = m
            .get("services")
            .unwrap()
            .get("web")
            .unwrap()
            .get("environment")
            .unwrap();
        assert_eq!(env.as_map().unwrap().len(), 1);
    }

    #[test]
    fn volumes_merge_by_target() {
        let a = tree("services:\n  s:\n    volumes: ['a:/data', 'b:/logs']\n");
        let b = tree("services:\n  s:\n    volumes: ['c:/data']\n");
        let m = merge(a, b, Level::Root);
        let v = m
            .get("services")
            .unwrap()
            .get("s")
            .unwrap()
            .get("volumes")
            .unwrap();
        let texts: Vec<_> = v
            .as_seq()
            .unwrap()
            .iter()
            .filter_map(Node::as_str)
            .collect();
        assert_eq!(texts, vec!["c:/data", "b:/logs"]);
    }
}
