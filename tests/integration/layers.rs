//! The pipeline is the folder layout (docs/architecture.md): every `crate::` path in `src/`
//! points to the same stage or a lower one, so there is no import circle between stages and
//! no arrow from a lower stage to a higher one; only the commands know the command line.

use std::path::Path;

/// Stages from the bottom up; a module may use its own stage and those below it.
const STAGES: &[(&str, u8)] = &[
    ("source", 0),
    ("locale", 0),
    ("error", 1),
    ("model", 2),
    ("input", 3),
    ("decompose", 3),
    ("output", 3),
    ("analysis", 4),
    ("config", 5),
    ("report", 6),
    ("render", 7),
    ("cli", 7),
    ("cmd", 8),
    ("app", 9),
];

fn stage(module: &str) -> Option<u8> {
    STAGES.iter().find(|(m, _)| *m == module).map(|(_, s)| *s)
}

fn files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

#[test]
fn imports_point_down_the_pipeline() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut all = Vec::new();
    files(&src, &mut all);
    let mut problems = Vec::new();
    for f in all {
        let rel = f.strip_prefix(&src).unwrap();
        let top = rel
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_string_lossy()
            .trim_end_matches(".rs")
            .to_string();
        if matches!(top.as_str(), "lib" | "main") {
            continue;
        }
        let Some(mine) = stage(&top) else {
            problems.push(format!("{}: module `{top}` has no stage", rel.display()));
            continue;
        };
        let text = std::fs::read_to_string(&f).unwrap();
        // Unit tests at the end of a file may reach across stages; comments name modules.
        let code = text.split("#[cfg(test)]").next().unwrap_or("");
        for (n, line) in code.lines().enumerate() {
            if line.trim_start().starts_with("//") {
                continue;
            }
            for part in line.split("crate::").skip(1) {
                let target: String = part
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                if target == top || target.is_empty() {
                    continue;
                }
                let Some(theirs) = stage(&target) else {
                    continue;
                };
                let cli_outside = target == "cli" && !matches!(top.as_str(), "cmd" | "app");
                if theirs > mine || (theirs == mine && target != top) || cli_outside {
                    problems.push(format!(
                        "{}:{}: `{top}` (stage {mine}) uses `{target}` (stage {theirs})",
                        rel.display(),
                        n + 1
                    ));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
