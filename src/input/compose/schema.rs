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
//! (measured with `/usr/bin/time -v`), where the analysis itself takes milliseconds. It
//! evaluates the schema document directly, so start-up compiles only its few patterns.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde_json::{Map, Value};

use crate::error::{Error, Result};
use crate::input::yaml::{Kind, Node};
use crate::source::{Pos, SourceMap};
use crate::tr;

const SCHEMA: &str = include_str!("compose-spec.json");

fn schema() -> &'static Value {
    static SCHEMA_VALUE: OnceLock<Value> = OnceLock::new();
    SCHEMA_VALUE.get_or_init(|| serde_json::from_str(SCHEMA).expect("compose-spec.json is JSON"))
}

/// Checks one file's tree (interpolated, before merging) against the specification.
pub(super) fn check(sm: &SourceMap, root: &Node) -> Result<()> {
    // names first, in our words (the schema would call a bad name an "additional property")
    for section in ["services", "networks", "volumes", "configs", "secrets"] {
        for e in root.get(section).and_then(Node::as_map).unwrap_or_default() {
            super::validate::check_name(sm, section, &e.key, e.key_pos)?;
        }
    }
    let mut json = to_json(root);
    drop_repeats(&mut json);
    let mut path = Vec::new();
    let Err(f) = eval(schema(), &json, &mut path) else {
        return Ok(());
    };
    let (node, key) = lookup(root, &f.path);
    let (message, at) = describe(&f, &dotted(&f.path), node, key);
    Err(Error::input("invalid-compose", message).at_pos(sm, at))
}

/// YAML as Compose types it (YAML 1.2 core schema): plain scalars that read as numbers,
/// booleans or null are those; quoted, block and interpolated scalars are strings. Nodes tagged
/// `!reset` are left out (they remove what they name when merged).
fn to_json(n: &Node) -> Value {
    match &n.kind {
        Kind::Scalar { text, plain } => {
            if !*plain || n.tag.as_deref().is_some_and(|t| t == "!!str") {
                return Value::String(text.clone());
            }
            if n.is_null() {
                return Value::Null;
            }
            if let Some(b) = n.as_bool() {
                return Value::Bool(b);
            }
            if let Some(v) = number(text) {
                return v;
            }
            Value::String(text.clone())
        }
        Kind::Seq(items) => Value::Array(
            items
                .iter()
                .filter(|i| !i.has_tag("!reset"))
                .map(to_json)
                .collect(),
        ),
        Kind::Map(entries) => {
            let mut m = Map::new();
            for e in entries.iter().filter(|e| !e.value.has_tag("!reset")) {
                m.insert(e.key.clone(), to_json(&e.value));
            }
            Value::Object(m)
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

fn drop_repeats(json: &mut Value) {
    fn dedup(v: &mut Value) {
        if let Value::Array(items) = v {
            let mut kept: Vec<Value> = Vec::with_capacity(items.len());
            for i in items.drain(..) {
                if !kept.contains(&i) {
                    kept.push(i);
                }
            }
            *items = kept;
        }
    }
    let Some(services) = json.get_mut("services").and_then(Value::as_object_mut) else {
        return;
    };
    for svc in services.values_mut().filter_map(Value::as_object_mut) {
        for key in DEDUPLICATED {
            if let Some(v) = svc.get_mut(*key) {
                dedup(v);
            }
        }
        if let Some(build) = svc.get_mut("build").and_then(Value::as_object_mut) {
            for key in ["args", "labels"] {
                if let Some(v) = build.get_mut(key) {
                    dedup(v);
                }
            }
        }
    }
}

/// A YAML 1.2 core-schema number: decimal, `0o` octal, `0x` hex integers, and floats with
/// `.inf`/`.nan`; anything else is a string.
fn number(t: &str) -> Option<Value> {
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
        return Some(Value::from(if neg { -i } else { i }));
    }
    let looks_float = !body.is_empty()
        && body
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E' | b'-' | b'+'))
        && body.bytes().any(|b| b.is_ascii_digit());
    if looks_float && let Ok(f) = t.parse::<f64>() {
        return serde_json::Number::from_f64(f).map(Value::Number);
    }
    // infinities and NaN are numbers in YAML, but not in JSON: the schema sees a number-like
    // value it cannot name, so keep them as the largest float
    if matches!(body, ".inf" | ".Inf" | ".INF") {
        return serde_json::Number::from_f64(if neg { f64::MIN } else { f64::MAX })
            .map(Value::Number);
    }
    None
}

/// Why a value fails the schema, at which path.
#[derive(Debug)]
struct Failure {
    path: Vec<String>,
    kind: Fail,
}

#[derive(Debug)]
enum Fail {
    /// The JSON types the place takes.
    Type(Vec<String>),
    /// A key the place does not define, with the keys it does.
    Additional(String, Vec<String>),
    Required(String),
    Enum(Vec<String>),
    Pattern(String),
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

/// The schema's patterns, compiled once (the specification has seven).
fn pattern(p: &str) -> Option<&'static regex_lite::Regex> {
    static PATTERNS: OnceLock<HashMap<String, regex_lite::Regex>> = OnceLock::new();
    PATTERNS
        .get_or_init(|| {
            let mut m = HashMap::new();
            collect_patterns(schema(), &mut m);
            m
        })
        .get(p)
}

fn collect_patterns(v: &Value, out: &mut HashMap<String, regex_lite::Regex>) {
    match v {
        Value::Object(o) => {
            if let Some(p) = o.get("pattern").and_then(Value::as_str) {
                add_pattern(p, out);
            }
            if let Some(pp) = o.get("patternProperties").and_then(Value::as_object) {
                for k in pp.keys() {
                    add_pattern(k, out);
                }
            }
            for x in o.values() {
                collect_patterns(x, out);
            }
        }
        Value::Array(a) => a.iter().for_each(|x| collect_patterns(x, out)),
        _ => {}
    }
}

fn add_pattern(p: &str, out: &mut HashMap<String, regex_lite::Regex>) {
    if !out.contains_key(p) {
        let re = regex_lite::Regex::new(p).expect("compose-spec.json patterns compile");
        out.insert(p.to_string(), re);
    }
}

fn type_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

fn has_type(v: &Value, t: &str) -> bool {
    match t {
        "integer" => v.as_f64().is_some_and(|n| n.fract() == 0.0),
        "number" => v.is_number(),
        other => type_of(v) == other,
    }
}

/// Evaluates `schema` on `v`; `path` is where `v` sits (restored on return).
fn eval(schema: &Value, v: &Value, path: &mut Vec<String>) -> std::result::Result<(), Failure> {
    let fail = |path: &[String], kind| {
        Err(Failure {
            path: path.to_vec(),
            kind,
        })
    };
    let Some(s) = schema.as_object() else {
        return Ok(());
    };
    if let Some(r) = s.get("$ref").and_then(Value::as_str) {
        let target = r
            .strip_prefix('#')
            .and_then(|p| self::schema().pointer(p))
            .expect("compose-spec.json references resolve");
        eval(target, v, path)?;
    }
    if let Some(t) = s.get("type") {
        let types: Vec<&str> = match t {
            Value::String(one) => vec![one.as_str()],
            Value::Array(many) => many.iter().filter_map(Value::as_str).collect(),
            _ => Vec::new(),
        };
        if !types.iter().any(|t| has_type(v, t)) {
            return fail(
                path,
                Fail::Type(types.iter().map(|t| t.to_string()).collect()),
            );
        }
    }
    if let Some(options) = s.get("enum").and_then(Value::as_array)
        && !options.contains(v)
    {
        let shown = options
            .iter()
            .map(|o| o.as_str().map_or_else(|| o.to_string(), str::to_string))
            .collect();
        return fail(path, Fail::Enum(shown));
    }
    if let (Some(p), Some(text)) = (s.get("pattern").and_then(Value::as_str), v.as_str())
        && !matches(p, text)
    {
        return fail(path, Fail::Pattern(p.to_string()));
    }
    if let Some(n) = v.as_f64() {
        if let Some(min) = s.get("minimum").and_then(Value::as_f64)
            && n < min
        {
            return fail(path, Fail::Minimum(min));
        }
        if let Some(max) = s.get("maximum").and_then(Value::as_f64)
            && n > max
        {
            return fail(path, Fail::Maximum(max));
        }
    }
    if let Some(obj) = v.as_object() {
        let props = s.get("properties").and_then(Value::as_object);
        let patterns = s.get("patternProperties").and_then(Value::as_object);
        let closed = s.get("additionalProperties") == Some(&Value::Bool(false));
        for (k, item) in obj {
            let mut matched = false;
            if let Some(sub) = props.and_then(|p| p.get(k)) {
                matched = true;
                path.push(k.clone());
                let r = eval(sub, item, path);
                path.pop();
                r?;
            }
            for (p, sub) in patterns.into_iter().flatten() {
                if matches(p, k) {
                    matched = true;
                    path.push(k.clone());
                    let r = eval(sub, item, path);
                    path.pop();
                    r?;
                }
            }
            if !matched && closed {
                let known = props
                    .map(|p| p.keys().cloned().collect())
                    .unwrap_or_default();
                return fail(path, Fail::Additional(k.clone(), known));
            }
        }
        for r in s
            .get("required")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            if let Some(r) = r.as_str()
                && !obj.contains_key(r)
            {
                return fail(path, Fail::Required(r.to_string()));
            }
        }
    }
    if let Some(items) = v.as_array() {
        if let Some(sub) = s.get("items") {
            for (i, item) in items.iter().enumerate() {
                path.push(i.to_string());
                let r = eval(sub, item, path);
                path.pop();
                r?;
            }
        }
        if s.get("uniqueItems") == Some(&Value::Bool(true)) {
            for (j, item) in items.iter().enumerate() {
                if let Some(i) = items[..j].iter().position(|x| x == item) {
                    return fail(path, Fail::Repeated(i, j));
                }
            }
        }
    }
    if let Some(alternatives) = s.get("oneOf").and_then(Value::as_array) {
        let mut failures = Vec::new();
        let mut valid = 0;
        for alt in alternatives {
            match eval(alt, v, path) {
                Ok(()) => valid += 1,
                Err(f) => failures.push(f),
            }
        }
        if valid > 1 {
            return fail(path, Fail::Ambiguous);
        }
        if valid == 0 {
            // the alternative that took the value's type says what is wrong inside it; when
            // none did, the types they take
            let here = path.len();
            if let Some(inner) = failures
                .iter()
                .position(|f| !(f.path.len() == here && matches!(f.kind, Fail::Type(_))))
            {
                return Err(failures.swap_remove(inner));
            }
            let mut types: Vec<String> = Vec::new();
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
fn dotted(segments: &[String]) -> String {
    segments
        .iter()
        .map(|s| crate::source::escape::short(s))
        .collect::<Vec<_>>()
        .join(".")
}

/// The node at a path, with the position of its key when it is a mapping value.
fn lookup<'a>(root: &'a Node, segments: &[String]) -> (&'a Node, Option<Pos>) {
    let mut node = root;
    let mut key = None;
    for s in segments {
        let next = match &node.kind {
            Kind::Map(entries) => entries
                .iter()
                .rev()
                .find(|e| e.key == *s)
                .map(|e| (&e.value, Some(e.key_pos))),
            Kind::Seq(items) => s
                .parse::<usize>()
                .ok()
                .and_then(|i| items.iter().filter(|n| !n.has_tag("!reset")).nth(i))
                .map(|n| (n, None)),
            Kind::Scalar { .. } => None,
        };
        let Some((n, k)) = next else { break };
        node = n;
        key = k;
    }
    (node, key)
}

fn name_types(names: &[String]) -> String {
    let names: Vec<String> = names
        .iter()
        .map(|n| match n.as_str() {
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
            let hint = crate::source::suggest::did_you_mean(name, known.iter().map(String::as_str));
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
            tr!(
                "compose-missing-property",
                place = place,
                property = p.as_str()
            ),
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
            tr!("compose-pattern", place = place, pattern = p.as_str()),
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
