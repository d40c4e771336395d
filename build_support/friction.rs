//! Bakes the friction catalogue (`rules/friction/compose.toml`) at build time into
//! `$OUT_DIR/friction.rs`: a static table of `Entry` values with `&'static str` texts, so a plan
//! parses nothing at run time and shares its texts instead of copying them per finding. Every
//! key is checked here; a signal or difficulty the program does not define fails to compile.

use std::fmt::Write;

/// The generated Rust source: `static ENTRIES: &[Entry]`, in file order.
pub fn bake(text: &str) -> String {
    let doc: toml::Table =
        toml::from_str(text).unwrap_or_else(|e| panic!("rules/friction/compose.toml: {e}"));
    let at = |what: &str| format!("rules/friction/compose.toml: {what}");
    for k in doc.keys() {
        assert!(k == "friction", "{}", at(&format!("unknown key `{k}`")));
    }
    let entries = doc
        .get("friction")
        .and_then(toml::Value::as_array)
        .unwrap_or_else(|| panic!("{}", at("no [[friction]] entries")));
    let mut out = String::from(
        "/// The friction catalogue, baked by the build script, in file order.\nstatic ENTRIES: &[Entry] = &[\n",
    );
    for e in entries {
        let t = e
            .as_table()
            .unwrap_or_else(|| panic!("{}", at("an entry is not a table")));
        // a string key as written, and as a Rust literal
        let raw = |t: &'_ toml::Table, k: &str, id: &str| -> String {
            t.get(k)
                .and_then(toml::Value::as_str)
                .unwrap_or_else(|| panic!("{}", at(&format!("{id}: `{k}` must be a string"))))
                .to_string()
        };
        let text = |t: &toml::Table, k: &str, id: &str| format!("{:?}", raw(t, k, id));
        let id = t
            .get("id")
            .and_then(toml::Value::as_str)
            .unwrap_or_else(|| panic!("{}", at("an entry without `id`")));
        for k in t.keys() {
            let known = [
                "id",
                "signal",
                "construct",
                "difficulty",
                "explanation",
                "ko",
            ];
            assert!(
                known.contains(&k.as_str()),
                "{}",
                at(&format!("{id}: unknown key `{k}`"))
            );
        }
        // `host-network` → `HostNetwork`
        let variant = |k: &str| -> String {
            raw(t, k, id)
                .split('-')
                .map(|w| {
                    let mut c = w.chars();
                    c.next().map_or(String::new(), |f| {
                        f.to_ascii_uppercase().to_string() + c.as_str()
                    })
                })
                .collect()
        };
        let ko = match t.get("ko") {
            None => "None".to_string(),
            Some(k) => {
                let k = k.as_table().unwrap_or_else(|| {
                    panic!("{}", at(&format!("{id}: [friction.ko] must be a table")))
                });
                for key in k.keys() {
                    assert!(
                        key == "construct" || key == "explanation",
                        "{}",
                        at(&format!("{id}: unknown key `ko.{key}`"))
                    );
                }
                format!(
                    "Some(EntryText {{ construct: {}, explanation: {} }})",
                    text(k, "construct", id),
                    text(k, "explanation", id)
                )
            }
        };
        writeln!(
            out,
            "    Entry {{ id: {id:?}, signal: Signal::{}, construct: {}, difficulty: Difficulty::{}, explanation: {}, ko: {ko} }},",
            variant("signal"),
            text(t, "construct", id),
            variant("difficulty"),
            text(t, "explanation", id),
        )
        .unwrap();
    }
    out.push_str("];\n");
    out
}
