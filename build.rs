//! Parses and checks the built-in rules at build time: every `rules/R-*.toml` (one rule each)
//! and `rules/sources.toml` are read with the same format code the program uses for
//! `--rules DIR` (`src/analysis/rules/schema.rs`, compiled in here too), so a bad built-in rule
//! fails the build with `file:line:col`, and the program starts with the rules as constructors
//! in `$OUT_DIR/builtin_rules.rs`: start-up parses nothing. Data files of other kinds under
//! `rules/` (`friction/`) are not rules: the friction catalogue is baked on its own
//! (`build_support/friction.rs`). The Compose Specification's JSON
//! Schema is compiled here too, into a table (`build_support/compose_schema.rs`).
//!
//! The constructors are written by hand below (`Bake`): the types are few and plain, and a
//! code-generation crate would need derives on the shared types that the program does not use.

use std::fmt::Write;
use std::path::Path;

#[allow(dead_code)]
#[path = "src/source/suggest.rs"]
mod suggest;

#[allow(dead_code)]
#[path = "src/model/declared/keys.rs"]
mod keys;

#[allow(dead_code)]
#[path = "src/analysis/facts/name.rs"]
mod name;
use name::FactName;

#[allow(dead_code)]
#[path = "src/analysis/rules/schema.rs"]
mod schema;

#[path = "build_support/compose_schema.rs"]
mod compose_schema;

#[path = "build_support/friction.rs"]
mod friction;
use schema::{
    Concern, Condition, Effect, Literal, Op, Question, Rule, RuleKind, RuleText, Severity, Source,
    SourceText, Tier,
};

fn main() {
    // The program compiles the shared files with their JSON Schema derives; this script does not.
    println!("cargo::rustc-cfg=stackfit_lib");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = root.join("rules");
    println!("cargo::rerun-if-changed=rules");
    for f in [
        "src/source/suggest.rs",
        "src/model/declared/keys.rs",
        "src/analysis/facts/name.rs",
        "src/analysis/rules/schema.rs",
    ] {
        println!("cargo::rerun-if-changed={f}");
    }

    let sources_text = read(&dir.join("sources.toml"));
    let sources = schema::parse_sources(&sources_text)
        .unwrap_or_else(|p| fail("rules/sources.toml", &sources_text, &p));

    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("rules/ exists")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("R-") && n.ends_with(".toml"))
        .collect();
    names.sort();
    let mut rules = Vec::new();
    for n in &names {
        println!("cargo::rerun-if-changed=rules/{n}");
        let text = read(&dir.join(n));
        let known = |id: &str| sources.iter().any(|s| s.id == id);
        let rule = schema::parse_rule(&text, &known)
            .unwrap_or_else(|p| fail(&format!("rules/{n}"), &text, &p));
        let expected = format!("{}.toml", rule.id);
        if *n != expected {
            panic!(
                "rules/{n}: the file of rule {} must be named {expected}",
                rule.id
            );
        }
        if let Some(other) = rules.iter().find(|r: &&Rule| r.name == rule.name) {
            panic!(
                "rules/{n}: rules {} and {} share the name `{}`",
                other.id, rule.id, rule.name
            );
        }
        rules.push(rule);
    }

    let mut out = String::from(
        "/// The built-in rules, sorted by id.\npub fn rules() -> Vec<Rule> {\n    vec![\n",
    );
    for r in &rules {
        out.push_str("        ");
        r.bake(&mut out);
        out.push_str(",\n");
    }
    out.push_str("    ]\n}\n\n/// The sources, in file order.\npub fn sources() -> Vec<Source> {\n    vec![\n");
    for s in &sources {
        out.push_str("        ");
        s.bake(&mut out);
        out.push_str(",\n");
    }
    out.push_str("    ]\n}\n");
    let out_dir = std::env::var("OUT_DIR").unwrap();
    std::fs::write(Path::new(&out_dir).join("builtin_rules.rs"), out).unwrap();

    // The Compose Specification's schema, compiled to a table (src/input/compose/schema.rs).
    let spec = "src/input/compose/compose-spec.json";
    println!("cargo::rerun-if-changed={spec}");
    println!("cargo::rerun-if-changed=build_support/compose_schema.rs");
    let table = compose_schema::compile(&read(&root.join(spec)));
    std::fs::write(Path::new(&out_dir).join("compose_schema.rs"), table).unwrap();

    // The friction catalogue of `plan`, baked to a static table (src/analysis/plan.rs).
    let catalogue = "rules/friction/compose.toml";
    println!("cargo::rerun-if-changed=build_support/friction.rs");
    let baked = friction::bake(&read(&root.join(catalogue)));
    std::fs::write(Path::new(&out_dir).join("friction.rs"), baked).unwrap();
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Stops the build at the problem's `file:line:col`.
fn fail(name: &str, text: &str, p: &schema::Problem) -> ! {
    let before = &text[..p.span.start.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    panic!("{name}:{line}:{col}: {}", p.message)
}

/// Writes a value as the Rust expression that constructs it.
trait Bake {
    fn bake(&self, out: &mut String);
}

impl Bake for String {
    fn bake(&self, out: &mut String) {
        // `{:?}` of a str is a valid Rust string literal (escapes included)
        write!(out, "String::from({self:?})").unwrap();
    }
}

impl Bake for bool {
    fn bake(&self, out: &mut String) {
        write!(out, "{self}").unwrap();
    }
}

impl Bake for i64 {
    fn bake(&self, out: &mut String) {
        write!(out, "{self}i64").unwrap();
    }
}

impl<T: Bake> Bake for Vec<T> {
    fn bake(&self, out: &mut String) {
        out.push_str("vec![");
        for (i, v) in self.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            v.bake(out);
        }
        out.push(']');
    }
}

impl<T: Bake> Bake for Option<T> {
    fn bake(&self, out: &mut String) {
        match self {
            None => out.push_str("None"),
            Some(v) => {
                out.push_str("Some(");
                v.bake(out);
                out.push(')');
            }
        }
    }
}

impl<T: Bake> Bake for Box<T> {
    fn bake(&self, out: &mut String) {
        out.push_str("Box::new(");
        (**self).bake(out);
        out.push(')');
    }
}

/// Unit enums: their variant name after the type's.
macro_rules! bake_variant {
    ($($t:ident),*) => {$(
        impl Bake for $t {
            fn bake(&self, out: &mut String) {
                write!(out, "{}::{:?}", stringify!($t), self).unwrap();
            }
        }
    )*};
}
bake_variant!(Severity, RuleKind, Op, Effect, FactName, Concern);

impl Bake for Literal {
    fn bake(&self, out: &mut String) {
        match self {
            Literal::Bool(b) => write!(out, "Literal::Bool({b})").unwrap(),
            // `{:?}` of an f64 keeps a decimal point and every digit
            Literal::Number(n) => write!(out, "Literal::Number({n:?})").unwrap(),
        }
    }
}

/// Structs: `Type { field: value, … }`, the fields listed once per type.
macro_rules! bake_struct {
    ($t:ident { $($f:ident),* }) => {
        impl Bake for $t {
            fn bake(&self, out: &mut String) {
                out.push_str(concat!(stringify!($t), " { "));
                $(
                    out.push_str(concat!(stringify!($f), ": "));
                    self.$f.bake(out);
                    out.push_str(", ");
                )*
                out.push('}');
            }
        }
    };
}
bake_struct!(Condition {
    all,
    any,
    not,
    fact,
    op,
    value
});
bake_struct!(Tier { when, points });
bake_struct!(Question { text, assume });
bake_struct!(Rule {
    id,
    name,
    summary,
    concerns,
    source,
    kind,
    severity,
    points,
    tiers,
    when,
    message,
    evidence,
    lean_kubernetes,
    file_signal,
    effects,
    question,
    explanation,
    ko
});
bake_struct!(RuleText {
    summary,
    message,
    question,
    explanation
});
bake_struct!(SourceText { supports });
bake_struct!(Source {
    id,
    publisher,
    title,
    url,
    reference,
    date,
    supports,
    ko
});
