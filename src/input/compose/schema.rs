//! The Compose Specification's JSON Schema, checked on each file after interpolation and before
//! `include`, `extends` and merging, as Docker Compose does: a bad value in an earlier `-f` file
//! is refused even when a later file replaces it, and every key the specification defines is
//! checked for its type and allowed values. The schema is `compose-spec.json` beside this file,
//! the copy compose-go ships (Apache-2.0), compiled in. Errors point at the offending node and
//! never quote its value (it may hold an interpolated secret). It builds nothing.
//!
//! The evaluator is written here, not taken from a JSON Schema crate: the schema uses a small
//! subset (type, enum, pattern, minimum/maximum, properties, patternProperties,
//! additionalProperties, required, items, uniqueItems, oneOf, local `$ref`), and compiling
//! the whole specification with `jsonschema` cost about 200 ms and 300 MB on every run
//! (measured with `/usr/bin/time -v`), where the analysis itself takes milliseconds. The build
//! script compiles the schema into a table of nodes (`build_support/compose_schema.rs`), and
//! the checker walks the YAML tree itself against it: no JSON copy of the file, no schema
//! parsed at start-up, nothing allocated for a value that passes.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::error::{Error, Result};
use crate::input::yaml::{Entry, Kind, Node};
use crate::source::{Pos, SourceMap};
use crate::tr;

/// One schema object of the specification, as the build script compiled it.
struct SNode {
    /// `$ref`: the node evaluated first, before this one's own keywords.
    reference: Option<usize>,
    /// `type`, in the schema's order (empty: any type).
    types: &'static [&'static str],
    /// `enum` (the specification's enumerations are all strings).
    enumeration: &'static [&'static str],
    pattern: Option<&'static str>,
    minimum: Option<f64>,
    maximum: Option<f64>,
    /// Sorted by name.
    properties: &'static [(&'static str, usize)],
    pattern_properties: &'static [(&'static str, usize)],
    /// `additionalProperties: false`.
    closed: bool,
    required: &'static [&'static str],
    items: Option<usize>,
    unique: bool,
    one_of: &'static [usize],
}

include!(concat!(env!("OUT_DIR"), "/compose_schema.rs"));

/// Checks one file's tree (interpolated, before merging) against the specification.
pub(super) fn check(sm: &SourceMap, root: &Node) -> Result<()> {
    // names first, in our words (the schema would call a bad name an "additional property")
    for section in ["services", "networks", "volumes", "configs", "secrets"] {
        for e in root.get(section).and_then(Node::as_map).unwrap_or_default() {
            super::validate::check_name(sm, section, &e.key, e.key_pos)?;
        }
    }
    let mut path = Vec::new();
    let Err(f) = eval(0, root, &mut path) else {
        return Ok(());
    };
    let (node, key) = lookup(root, &f.path);
    let (message, at) = describe(&f, &dotted(&f.path), node, key);
    Err(Error::input("invalid-compose", message).at_pos(sm, at))
}

/// A YAML value as Compose types it (YAML 1.2 core schema): plain scalars that read as
/// numbers, booleans or null are those; quoted, block and interpolated scalars are strings.
/// Items and entries tagged `!reset` are left out (they remove what they name when merged).
#[derive(Clone, Copy)]
enum Typed<'a> {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(&'a str),
    Seq(&'a [Node]),
    Map(&'a [Entry]),
}

fn typed(n: &Node) -> Typed<'_> {
    match &n.kind {
        Kind::Scalar { text, plain } => {
            if !*plain || n.tag.as_deref().is_some_and(|t| t == "!!str") {
                Typed::Str(text)
            } else if n.is_null() {
                Typed::Null
            } else if let Some(b) = n.as_bool() {
                Typed::Bool(b)
            } else {
                number(text).unwrap_or(Typed::Str(text))
            }
        }
        Kind::Seq(items) => Typed::Seq(items),
        Kind::Map(entries) => Typed::Map(entries),
    }
}

fn kept(items: &[Node]) -> impl DoubleEndedIterator<Item = &Node> {
    items.iter().filter(|i| !i.has_tag("!reset"))
}

fn kept_entries(entries: &[Entry]) -> impl DoubleEndedIterator<Item = &Entry> {
    entries.iter().filter(|e| !e.value.has_tag("!reset"))
}

/// Whether two values are equal as JSON values (objects regardless of key order; an integer
/// never equals a float, as in the JSON the schema was written for).
fn same(a: &Node, b: &Node) -> bool {
    match (typed(a), typed(b)) {
        (Typed::Null, Typed::Null) => true,
        (Typed::Bool(x), Typed::Bool(y)) => x == y,
        (Typed::Int(x), Typed::Int(y)) => x == y,
        (Typed::Float(x), Typed::Float(y)) => x == y,
        (Typed::Str(x), Typed::Str(y)) => x == y,
        (Typed::Seq(x), Typed::Seq(y)) => {
            kept(x).count() == kept(y).count() && kept(x).zip(kept(y)).all(|(p, q)| same(p, q))
        }
        (Typed::Map(x), Typed::Map(y)) => {
            kept_entries(x).count() == kept_entries(y).count()
                && kept_entries(x).all(|e| {
                    kept_entries(y)
                        .rev()
                        .find(|f| f.key == e.key)
                        .is_some_and(|f| same(&e.value, &f.value))
                })
        }
        _ => false,
    }
}

/// The first item equal to an earlier one, as (earlier, later) indices. Short lists are
/// scanned; longer ones go by a hash of each item's JSON value, so a list of 100,000 items is
/// checked in linear time (comparing every pair took minutes: a hostile file must not hang).
fn first_repeat(list: &[&Node]) -> Option<(usize, usize)> {
    use std::hash::BuildHasher;
    if list.len() <= 16 {
        return list
            .iter()
            .enumerate()
            .find_map(|(j, item)| list[..j].iter().position(|x| same(x, item)).map(|i| (i, j)));
    }
    let keys = std::collections::hash_map::RandomState::new();
    let mut seen: HashMap<u64, Vec<usize>> = HashMap::with_capacity(list.len());
    for (j, item) in list.iter().enumerate() {
        let mut h = keys.build_hasher();
        hash_value(item, &keys, &mut h);
        let bucket = seen.entry(std::hash::Hasher::finish(&h)).or_default();
        if let Some(&i) = bucket.iter().find(|&&i| same(list[i], item)) {
            return Some((i, j));
        }
        bucket.push(j);
    }
    None
}

/// Feeds a value's JSON reading to `h` so that values [`same`] calls equal hash alike: mapping
/// entries are combined regardless of order, `-0.0` hashes as `0.0`.
fn hash_value(n: &Node, keys: &impl std::hash::BuildHasher, h: &mut impl std::hash::Hasher) {
    use std::hash::Hash;
    match typed(n) {
        Typed::Null => 0u8.hash(h),
        Typed::Bool(b) => (1u8, b).hash(h),
        Typed::Int(i) => (2u8, i).hash(h),
        Typed::Float(f) => (3u8, if f == 0.0 { 0 } else { f.to_bits() }).hash(h),
        Typed::Str(t) => (4u8, t).hash(h),
        Typed::Seq(items) => {
            5u8.hash(h);
            for i in kept(items) {
                hash_value(i, keys, h);
            }
        }
        Typed::Map(entries) => {
            // the sum of per-entry hashes does not depend on the order of the entries
            let mut sum = 0u64;
            for e in kept_entries(entries) {
                let mut eh = keys.build_hasher();
                e.key.hash(&mut eh);
                hash_value(&e.value, keys, &mut eh);
                sum = sum.wrapping_add(std::hash::Hasher::finish(&eh));
            }
            (6u8, sum).hash(h);
        }
    }
}

/// Lists that Compose deduplicates while loading, before it validates (so `"80:80"` twice is
/// one port, not a schema error), by service key; other `uniqueItems` lists stay as written.
const DEDUPLICATED: &[&str] = &[
    "annotations",
    "cap_add",
    "cap_drop",
    "dns_opt",
    "environment",
    "expose",
    "labels",
    "links",
    "ports",
    "volumes",
];

/// Whether the list at `path` is one Compose deduplicates before validating: a service's
/// key of [`DEDUPLICATED`], or its build's `args` and `labels`.
fn deduplicated(path: &[Seg]) -> bool {
    match path {
        [Seg::Key("services"), _, Seg::Key(k)] => DEDUPLICATED.contains(k),
        [Seg::Key("services"), _, Seg::Key("build"), Seg::Key(k)] => {
            matches!(*k, "args" | "labels")
        }
        _ => false,
    }
}

/// A YAML 1.2 core-schema number: decimal, `0o` octal, `0x` hex integers, and floats with
/// `.inf`; anything else (NaN too: JSON has no such number) is a string.
fn number(t: &str) -> Option<Typed<'static>> {
    let body = t.strip_prefix(['-', '+']).unwrap_or(t);
    let neg = t.starts_with('-');
    let int = if let Some(h) = body.strip_prefix("0x") {
        i64::from_str_radix(h, 16).ok()
    } else if let Some(o) = body.strip_prefix("0o") {
        i64::from_str_radix(o, 8).ok()
    } else if !body.is_empty() && body.bytes().all(|b| b.is_ascii_digit()) {
        body.parse::<i64>().ok()
    } else {
        None
    };
    if let Some(i) = int {
        return Some(Typed::Int(if neg { -i } else { i }));
    }
    let looks_float = !body.is_empty()
        && body
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E' | b'-' | b'+'))
        && body.bytes().any(|b| b.is_ascii_digit());
    if looks_float && let Ok(f) = t.parse::<f64>() {
        return f.is_finite().then_some(Typed::Float(f));
    }
    // infinities are numbers in YAML, but not in JSON: the schema sees a number-like value
    // it cannot name, so keep them as the largest float
    if matches!(body, ".inf" | ".Inf" | ".INF") {
        return Some(Typed::Float(if neg { f64::MIN } else { f64::MAX }));
    }
    None
}

/// One step of the path to a value: a mapping key or a list index (among the kept items).
#[derive(Debug, Clone, Copy, PartialEq)]
enum Seg<'a> {
    Key(&'a str),
    Index(usize),
}

/// Why a value fails the schema, at which path.
#[derive(Debug)]
struct Failure<'a> {
    path: Vec<Seg<'a>>,
    kind: Fail,
}

#[derive(Debug)]
enum Fail {
    /// The JSON types the place takes.
    Type(Vec<&'static str>),
    /// A key the place does not define, with the keys it does.
    Additional(String, Vec<&'static str>),
    Required(&'static str),
    Enum(&'static [&'static str]),
    Pattern(&'static str),
    Minimum(f64),
    Maximum(f64),
    Repeated(usize, usize),
    /// Several alternatives of a `oneOf` take the value.
    Ambiguous,
}

/// Whether `text` matches a schema pattern. The specification's frequent key patterns are
/// tested directly (each service key meets several); the others go to the compiled regex.
fn matches(p: &str, text: &str) -> bool {
    match p {
        "^x-" => text.starts_with("x-"),
        "^[a-zA-Z0-9._-]+$" => {
            !text.is_empty()
                && text
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'))
        }
        ".+" => text.chars().any(|c| c != '\n'),
        "^.+$" => !text.is_empty() && !text.contains('\n'),
        _ => pattern(p).is_some_and(|re| re.is_match(text)),
    }
}

/// The schema's patterns, compiled on first use (the specification has seven).
fn pattern(p: &str) -> Option<&'static regex_lite::Regex> {
    static PATTERNS: OnceLock<HashMap<&'static str, regex_lite::Regex>> = OnceLock::new();
    PATTERNS
        .get_or_init(|| {
            let mut m = HashMap::new();
            for n in &NODES {
                let keys = n.pattern_properties.iter().map(|(k, _)| *k);
                for p in n.pattern.into_iter().chain(keys) {
                    m.entry(p).or_insert_with(|| {
                        regex_lite::Regex::new(p).expect("compose-spec.json patterns compile")
                    });
                }
            }
            m
        })
        .get(p)
}

fn has_type(v: Typed, t: &str) -> bool {
    match (t, v) {
        ("integer", Typed::Int(_)) => true,
        ("integer", Typed::Float(f)) => f.fract() == 0.0,
        ("number", Typed::Int(_) | Typed::Float(_)) => true,
        ("null", Typed::Null) => true,
        ("boolean", Typed::Bool(_)) => true,
        ("string", Typed::Str(_)) => true,
        ("array", Typed::Seq(_)) => true,
        ("object", Typed::Map(_)) => true,
        _ => false,
    }
}

/// Whether schema node `at` (or a node it refers to) fails a value of this type at its type
/// check: what [`eval`] would refuse first, found without building the failure.
fn rejects_type(at: usize, v: Typed) -> bool {
    let s = &NODES[at];
    s.reference.is_some_and(|r| rejects_type(r, v)) || !takes_type(s, v)
}

/// Whether a schema node's `type` admits the value (a node without one takes any).
fn takes_type(s: &SNode, v: Typed) -> bool {
    s.types.is_empty() || s.types.iter().any(|t| has_type(v, t))
}

/// Evaluates schema node `at` on `n`; `path` is where `n` sits (restored on return). Nothing
/// is allocated unless the value fails.
fn eval<'a>(
    at: usize,
    n: &'a Node,
    path: &mut Vec<Seg<'a>>,
) -> std::result::Result<(), Failure<'a>> {
    let fail = |path: &[Seg<'a>], kind| {
        Err(Failure {
            path: path.to_vec(),
            kind,
        })
    };
    let s = &NODES[at];
    if let Some(r) = s.reference {
        eval(r, n, path)?;
    }
    let v = typed(n);
    if !takes_type(s, v) {
        return fail(path, Fail::Type(s.types.to_vec()));
    }
    if !s.enumeration.is_empty() && !matches!(v, Typed::Str(t) if s.enumeration.contains(&t)) {
        return fail(path, Fail::Enum(s.enumeration));
    }
    if let (Some(p), Typed::Str(text)) = (s.pattern, v)
        && !matches(p, text)
    {
        return fail(path, Fail::Pattern(p));
    }
    let num = match v {
        Typed::Int(i) => Some(i as f64),
        Typed::Float(f) => Some(f),
        _ => None,
    };
    if let Some(x) = num {
        if let Some(min) = s.minimum
            && x < min
        {
            return fail(path, Fail::Minimum(min));
        }
        if let Some(max) = s.maximum
            && x > max
        {
            return fail(path, Fail::Maximum(max));
        }
    }
    if let Typed::Map(entries) = v {
        for e in kept_entries(entries) {
            let k = e.key.as_str();
            let mut matched = false;
            if let Ok(i) = s.properties.binary_search_by(|(name, _)| (*name).cmp(k)) {
                matched = true;
                path.push(Seg::Key(k));
                let r = eval(s.properties[i].1, &e.value, path);
                path.pop();
                r?;
            }
            for &(p, sub) in s.pattern_properties {
                if matches(p, k) {
                    matched = true;
                    path.push(Seg::Key(k));
                    let r = eval(sub, &e.value, path);
                    path.pop();
                    r?;
                }
            }
            if !matched && s.closed {
                let known = s.properties.iter().map(|(k, _)| *k).collect();
                return fail(path, Fail::Additional(k.to_string(), known));
            }
        }
        for r in s.required {
            if !kept_entries(entries).any(|e| e.key == *r) {
                return fail(path, Fail::Required(r));
            }
        }
    }
    if let Typed::Seq(items) = v {
        if let Some(sub) = s.items {
            for (i, item) in kept(items).enumerate() {
                path.push(Seg::Index(i));
                let r = eval(sub, item, path);
                path.pop();
                r?;
            }
        }
        // a list Compose deduplicates has no repeats by the time it is validated
        if s.unique
            && !deduplicated(path)
            && let Some((i, j)) = first_repeat(&kept(items).collect::<Vec<_>>())
        {
            return fail(path, Fail::Repeated(i, j));
        }
    }
    if !s.one_of.is_empty() {
        // Alternatives that do not take the value's type are skipped without building their
        // failure (most `oneOf`s of the specification tell a string from a mapping); the
        // failures are gathered only when no alternative takes the value.
        let valid = s
            .one_of
            .iter()
            .filter(|&&alt| !rejects_type(alt, v) && eval(alt, n, path).is_ok())
            .count();
        if valid > 1 {
            return fail(path, Fail::Ambiguous);
        }
        if valid == 0 {
            let mut failures: Vec<Failure<'a>> = s
                .one_of
                .iter()
                .filter_map(|&alt| eval(alt, n, path).err())
                .collect();
            // the alternative that took the value's type says what is wrong inside it; when
            // none did, the types they take
            let here = path.len();
            if let Some(inner) = failures
                .iter()
                .position(|f| !(f.path.len() == here && matches!(f.kind, Fail::Type(_))))
            {
                return Err(failures.swap_remove(inner));
            }
            let mut types: Vec<&'static str> = Vec::new();
            for f in failures {
                if let Fail::Type(ts) = f.kind {
                    for t in ts {
                        if !types.contains(&t) {
                            types.push(t);
                        }
                    }
                }
            }
            return fail(path, Fail::Type(types));
        }
    }
    Ok(())
}

/// `services.web.ports.0`, as Compose names a place.
fn dotted(segments: &[Seg]) -> String {
    segments
        .iter()
        .map(|s| match s {
            Seg::Key(k) => crate::source::escape::short(k),
            Seg::Index(i) => i.to_string(),
        })
        .collect::<Vec<_>>()
        .join(".")
}

/// The node at a path, with the position of its key when it is a mapping value.
fn lookup<'a>(root: &'a Node, segments: &[Seg]) -> (&'a Node, Option<Pos>) {
    let mut node = root;
    let mut key = None;
    for s in segments {
        let next = match (&node.kind, s) {
            (Kind::Map(entries), Seg::Key(k)) => kept_entries(entries)
                .find(|e| e.key == *k)
                .map(|e| (&e.value, Some(e.key_pos))),
            (Kind::Seq(items), Seg::Index(i)) => kept(items).nth(*i).map(|n| (n, None)),
            _ => None,
        };
        let Some((n, k)) = next else { break };
        node = n;
        key = k;
    }
    (node, key)
}

fn name_types(names: &[&str]) -> String {
    let names: Vec<String> = names
        .iter()
        .map(|n| match *n {
            "object" => tr!("compose-expect-mapping"),
            "array" => tr!("compose-expect-list"),
            "integer" => tr!("compose-expect-integer"),
            "string" => tr!("compose-expect-string"),
            "number" => tr!("compose-expect-number"),
            "boolean" => tr!("compose-expect-boolean"),
            "null" => tr!("compose-expect-null"),
            other => tr!("compose-expect-other", name = other),
        })
        .collect();
    match names.as_slice() {
        [] => tr!("compose-expect-another-type"),
        [one] => one.clone(),
        [init @ .., last] => tr!(
            "compose-expect-either",
            first = init.join(", "),
            last = last.as_str()
        ),
    }
}

/// The message and where it points, in Compose's words where it has them.
fn describe(f: &Failure, path: &str, node: &Node, key: Option<Pos>) -> (String, Pos) {
    let place = if path.is_empty() {
        tr!("compose-place-file")
    } else {
        path.to_string()
    };
    let place = place.as_str();
    let at_value = if node.is_null() {
        key.unwrap_or(node.pos)
    } else {
        node.pos
    };
    match &f.kind {
        Fail::Type(types) => (
            tr!(
                "compose-type-error",
                what = place,
                expected = name_types(types),
                found = node.type_label()
            ),
            at_value,
        ),
        Fail::Additional(name, known) => {
            let at = node
                .as_map()
                .and_then(|m| m.iter().find(|e| e.key == *name))
                .map_or(node.pos, |e| e.key_pos);
            let hint = crate::source::suggest::did_you_mean(name, known.iter().copied());
            let place = if path.is_empty() {
                tr!("compose-place-top-level")
            } else {
                path.to_string()
            };
            (
                tr!(
                    "compose-additional-property",
                    place = place,
                    name = crate::source::escape::short(name),
                    hint = hint
                ),
                at,
            )
        }
        Fail::Required(p) => (
            tr!("compose-missing-property", place = place, property = *p),
            key.unwrap_or(node.pos),
        ),
        Fail::Enum(options) => (
            tr!(
                "compose-must-be-one-of",
                place = place,
                options = options.join(", ")
            ),
            at_value,
        ),
        Fail::Pattern(p) => (
            tr!("compose-pattern", place = place, pattern = *p),
            at_value,
        ),
        Fail::Minimum(m) => (
            tr!("compose-minimum", place = place, limit = m.to_string()),
            at_value,
        ),
        Fail::Maximum(m) => (
            tr!("compose-maximum", place = place, limit = m.to_string()),
            at_value,
        ),
        Fail::Repeated(i, j) => (
            tr!(
                "compose-repeated-items",
                place = place,
                first = *i,
                second = *j
            ),
            match &node.kind {
                Kind::Seq(items) => items.get(*j).map_or(node.pos, |n| n.pos),
                _ => node.pos,
            },
        ),
        Fail::Ambiguous => (tr!("compose-ambiguous", place = place), at_value),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::yaml::{Budget, parse};

    fn errors(text: &str) -> Option<String> {
        let mut sm = SourceMap::default();
        let id = sm.add("c.yaml".into(), "c.yaml".into(), text.into());
        let root = parse(text, id, Budget::for_len(text.len()))
            .unwrap()
            .remove(0);
        check(&sm, &root)
            .err()
            .map(|e| format!("{}: {}", e.location.unwrap(), e.message))
    }

    #[test]
    fn repeated_items_are_found_in_long_lists_in_linear_time() {
        // 20,000 distinct `dns` entries, then a repeat of the 2nd: found, with both indices
        let mut text = String::from("services:\n  a:\n    image: x\n    dns:\n");
        for i in 0..20_000 {
            text.push_str(&format!("      - 10.0.{}.{}\n", i / 250, i % 250));
        }
        assert_eq!(errors(&text), None);
        text.push_str("      - 10.0.0.1\n");
        let e = errors(&text).unwrap();
        assert!(
            e.contains("services.a.dns: items at 1 and 20000 are equal"),
            "{e}"
        );
        // equal as JSON, whatever the quoting; a number is not the string of its digits
        let groups: String = (0..20).map(|i| format!("g{i}, ")).collect();
        let t = format!("services:\n  a:\n    image: x\n    group_add: [{groups}\"1000\", 1000]\n");
        assert_eq!(errors(&t), None);
        let t = format!(
            "services:\n  a:\n    image: x\n    group_add: [{groups}\"1000\", 1000, 'g3']\n"
        );
        let e = errors(&t).unwrap();
        assert!(
            e.contains("services.a.group_add: items at 3 and 22 are equal"),
            "{e}"
        );
    }

    #[test]
    fn direct_pattern_tests_agree_with_the_regexes() {
        for p in ["^x-", "^[a-zA-Z0-9._-]+$", ".+", "^.+$"] {
            let re = regex_lite::Regex::new(p).unwrap();
            for t in [
                "", "x-a", "ax-", "web", "we b", "a\nb", "\n", "é", "a.b_c-d",
            ] {
                assert_eq!(matches(p, t), re.is_match(t), "{p} on {t:?}");
            }
        }
    }

    #[test]
    fn values_are_checked_where_compose_checks_them() {
        assert_eq!(errors("services:\n  a:\n    image: x\n"), None);
        assert_eq!(
            errors("services:\n  a:\n    image: 1.5\n").as_deref(),
            Some("c.yaml:3:12: services.a.image must be a string, found a number")
        );
        let e = errors("services:\n  a:\n    image: x\n    pull_policy: bogus\n").unwrap();
        assert!(
            e.starts_with("c.yaml:4:18: services.a.pull_policy does not match"),
            "{e}"
        );
        let e =
            errors("services:\n  a:\n    image: x\n    depends_on: {b: {}}\n  b:\n    image: y\n")
                .unwrap();
        assert!(
            e.contains("services.a.depends_on.b: missing property `condition`"),
            "{e}"
        );
        let e =
            errors("services:\n  a:\n    image: x\n    ports: [{target: 80, extra: 1}]\n").unwrap();
        assert!(
            e.starts_with("c.yaml:4:26: services.a.ports.0: additional property `extra`"),
            "{e}"
        );
        let e = errors("services:\n  a:\n    imge: x\n").unwrap();
        assert!(e.contains("(did you mean `image`?)"), "{e}");
        // strings where Compose interpolates later, and YAML 1.2 typing: `yes` is a string
        assert_eq!(
            errors("services:\n  a:\n    image: x\n    privileged: \"true\"\n    scale: \"2\"\n"),
            None
        );
        assert_eq!(errors("services:\n  a:\n    image: yes\n"), None);
    }
}
