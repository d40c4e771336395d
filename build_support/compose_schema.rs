//! Compiles the Compose Specification's JSON Schema (`src/input/compose/compose-spec.json`) at
//! build time into a flat table of schema nodes, written as Rust statics to
//! `$OUT_DIR/compose_schema.rs`: the program checks files against that table and never parses
//! the 77 KB schema at start-up. Only the keywords the checker evaluates are kept (type, enum,
//! pattern, minimum, maximum, properties, patternProperties, additionalProperties: false,
//! required, items, uniqueItems, oneOf, local `$ref`); a keyword outside that set, or one of
//! those of an unexpected shape, fails the build, so a newer schema cannot be checked halfway.

use std::collections::HashMap;
use std::fmt::Write;

use serde_json::Value;

/// Keywords that carry no constraint the checker evaluates.
const IGNORED: &[&str] = &[
    "$id",
    "$schema",
    "$comment",
    "title",
    "description",
    "default",
    "deprecated",
    "examples",
    "$defs",
    "definitions",
];

struct Compiler<'a> {
    root: &'a Value,
    /// JSON pointer of each compiled schema object → its index.
    index: HashMap<String, usize>,
    /// The compiled nodes as Rust expressions, by index.
    nodes: Vec<String>,
}

/// The generated Rust source: `static NODES: [SNode; N]`, the root at index 0.
pub fn compile(text: &str) -> String {
    let root: Value = serde_json::from_str(text).expect("compose-spec.json is JSON");
    let mut c = Compiler {
        root: &root,
        index: HashMap::new(),
        nodes: Vec::new(),
    };
    c.node("", &root);
    let mut out = format!(
        "/// The Compose Specification's schema, compiled by the build script; index 0 is the root.\n\
         static NODES: [SNode; {}] = [\n",
        c.nodes.len()
    );
    for (i, n) in c.nodes.iter().enumerate() {
        writeln!(out, "    // {i}\n    {n},").unwrap();
    }
    out.push_str("];\n");
    out
}

impl<'a> Compiler<'a> {
    /// The index of the schema object at `pointer`, compiling it (and what it contains) once.
    fn node(&mut self, pointer: &str, v: &'a Value) -> usize {
        if let Some(&i) = self.index.get(pointer) {
            return i;
        }
        let i = self.nodes.len();
        self.index.insert(pointer.to_string(), i);
        self.nodes.push(String::new());
        let Some(o) = v.as_object() else {
            panic!("compose-spec.json{pointer}: a schema must be an object");
        };
        let mut reference = "None".to_string();
        let mut types = Vec::new();
        let mut enumeration = Vec::new();
        let mut pattern = "None".to_string();
        let (mut minimum, mut maximum) = ("None".to_string(), "None".to_string());
        let mut properties: Vec<(String, usize)> = Vec::new();
        let mut pattern_properties: Vec<(String, usize)> = Vec::new();
        let mut closed = false;
        let mut required = Vec::new();
        let mut items = "None".to_string();
        let mut unique = false;
        let mut one_of = Vec::new();
        for (k, x) in o {
            let at = format!("{pointer}/{k}");
            match k.as_str() {
                "$ref" => {
                    let target = x
                        .as_str()
                        .and_then(|r| r.strip_prefix('#'))
                        .unwrap_or_else(|| bad(&at, x));
                    let t = self
                        .root
                        .pointer(target)
                        .unwrap_or_else(|| panic!("compose-spec.json{at}: `{target}` not found"));
                    reference = format!("Some({})", self.node(target, t));
                }
                "type" => match x {
                    Value::String(s) => types.push(s.clone()),
                    Value::Array(a) => {
                        for t in a {
                            types.push(t.as_str().unwrap_or_else(|| bad(&at, x)).to_string());
                        }
                    }
                    _ => bad(&at, x),
                },
                "enum" => {
                    for e in x.as_array().unwrap_or_else(|| bad(&at, x)) {
                        // every enumeration of the specification lists strings
                        enumeration.push(e.as_str().unwrap_or_else(|| bad(&at, x)).to_string());
                    }
                }
                "pattern" => {
                    pattern = format!("Some({:?})", x.as_str().unwrap_or_else(|| bad(&at, x)))
                }
                "minimum" => {
                    minimum = format!("Some({:?})", x.as_f64().unwrap_or_else(|| bad(&at, x)))
                }
                "maximum" => {
                    maximum = format!("Some({:?})", x.as_f64().unwrap_or_else(|| bad(&at, x)))
                }
                "properties" | "patternProperties" => {
                    let mut list = Vec::new();
                    for (name, sub) in x.as_object().unwrap_or_else(|| bad(&at, x)) {
                        let p = format!("{at}/{}", escape_pointer(name));
                        list.push((name.clone(), self.node(&p, sub)));
                    }
                    // sorted by name: properties are found by binary search, and the names
                    // offered in "did you mean" come in one order
                    list.sort();
                    if k == "properties" {
                        properties = list;
                    } else {
                        pattern_properties = list;
                    }
                }
                "additionalProperties" => match x {
                    Value::Bool(b) => closed = !b,
                    // a schema for the other properties: not used by the specification
                    _ => bad(&at, x),
                },
                "required" => {
                    for r in x.as_array().unwrap_or_else(|| bad(&at, x)) {
                        required.push(r.as_str().unwrap_or_else(|| bad(&at, x)).to_string());
                    }
                }
                "items" => items = format!("Some({})", self.node(&at, x)),
                "uniqueItems" => unique = x.as_bool().unwrap_or_else(|| bad(&at, x)),
                "oneOf" => {
                    for (j, alt) in x
                        .as_array()
                        .unwrap_or_else(|| bad(&at, x))
                        .iter()
                        .enumerate()
                    {
                        one_of.push(self.node(&format!("{at}/{j}"), alt));
                    }
                }
                other if IGNORED.contains(&other) => {}
                other => panic!("compose-spec.json{pointer}: keyword `{other}` is not checked"),
            }
        }
        let list = |v: &[String]| {
            let items: Vec<String> = v.iter().map(|s| format!("{s:?}")).collect();
            format!("&[{}]", items.join(", "))
        };
        let pairs = |v: &[(String, usize)]| {
            let items: Vec<String> = v.iter().map(|(s, i)| format!("({s:?}, {i})")).collect();
            format!("&[{}]", items.join(", "))
        };
        self.nodes[i] = format!(
            "SNode {{ reference: {reference}, types: {}, enumeration: {}, pattern: {pattern}, \
             minimum: {minimum}, maximum: {maximum}, properties: {}, pattern_properties: {}, \
             closed: {closed}, required: {}, items: {items}, unique: {unique}, one_of: &{:?} }}",
            list(&types),
            list(&enumeration),
            pairs(&properties),
            pairs(&pattern_properties),
            list(&required),
            one_of
        );
        i
    }
}

/// Stops the build: a keyword of a shape the checker does not evaluate.
fn bad<T>(at: &str, x: &Value) -> T {
    panic!("compose-spec.json{at}: unexpected shape {x}")
}

/// A JSON pointer segment (RFC 6901): `~` and `/` escaped.
fn escape_pointer(s: &str) -> String {
    s.replace('~', "~0").replace('/', "~1")
}
