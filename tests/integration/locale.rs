//! Korean and English: the language is chosen by `--lang`, else `LC_ALL`, `LC_MESSAGES`,
//! `LANG`; every message id the code names exists in the English files (and, by the unit test
//! of `src/locale`, in Korean); snapshots of the table, Markdown and `explain` in Korean. The
//! other suites run with an empty environment, so in English.

use crate::common;

use std::path::Path;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn out(args: &[&str], env: &[(&str, &str)]) -> (Option<i32>, String, String) {
    let mut c = common::stackfit();
    c.current_dir(root()).env("COLUMNS", "80").args(args);
    for (k, v) in env {
        c.env(k, v);
    }
    let o = c.output().unwrap();
    (
        o.status.code(),
        String::from_utf8(o.stdout).unwrap(),
        String::from_utf8(o.stderr).unwrap(),
    )
}

fn has_hangul(s: &str) -> bool {
    s.chars().any(|c| ('\u{AC00}'..='\u{D7A3}').contains(&c))
}

#[test]
fn every_message_id_in_the_code_is_in_the_english_files() {
    let call = regex_lite::Regex::new(r#"tr!\(\s*"([a-z0-9-]+)""#).unwrap();
    let mut missing = Vec::new();
    let mut files = Vec::new();
    fn walk(d: &Path, out: &mut Vec<std::path::PathBuf>) {
        for e in std::fs::read_dir(d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(p);
            }
        }
    }
    walk(&root().join("src"), &mut files);
    let mut used = 0;
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        for c in call.captures_iter(&text) {
            used += 1;
            if !stackfit::locale::has(stackfit::locale::Lang::En, &c[1]) {
                missing.push(format!("{}: {}", f.display(), &c[1]));
            }
        }
    }
    assert!(used > 100, "found only {used} messages");
    assert!(
        missing.is_empty(),
        "ids without English text:\n{}",
        missing.join("\n")
    );
    // ids the code builds from enum values
    for c in stackfit::analysis::rules::Concern::ALL {
        for id in [
            format!("report-concern-{}", c.as_str()),
            format!("report-concern-{}-meaning", c.as_str()),
        ] {
            assert!(
                stackfit::locale::has(stackfit::locale::Lang::En, &id),
                "{id}"
            );
        }
    }
    for c in ["high", "medium", "low"] {
        assert!(stackfit::locale::has(
            stackfit::locale::Lang::En,
            &format!("report-confidence-{c}")
        ));
    }
}

#[test]
fn every_built_in_rule_and_source_has_korean() {
    for r in stackfit::analysis::rules::RuleSet::builtin().rules {
        let ko =
            r.ko.as_ref()
                .unwrap_or_else(|| panic!("{} has no [ko]", r.id));
        assert!(has_hangul(&ko.summary), "{}: summary", r.id);
        assert!(has_hangul(&ko.message), "{}: message", r.id);
        assert!(has_hangul(&ko.explanation), "{}: explanation", r.id);
        assert_eq!(ko.question.is_some(), r.question.is_some(), "{}", r.id);
        // the same numbered references
        let refs = |t: &str| {
            let mut v: Vec<String> = regex_lite::Regex::new(r"\[\d+\]")
                .unwrap()
                .find_iter(t)
                .map(|m| m.as_str().to_string())
                .collect();
            v.sort();
            v.dedup();
            v
        };
        assert_eq!(refs(&ko.explanation), refs(&r.explanation), "{}", r.id);
    }
    for s in stackfit::analysis::rules::sources::all() {
        let ko =
            s.ko.as_ref()
                .unwrap_or_else(|| panic!("{} has no ko", s.id));
        assert!(has_hangul(&ko.supports), "{}", s.id);
    }
}

#[test]
fn lang_flag_and_locale_variables_choose_the_language() {
    let args = ["analyze", "examples/small-app"];
    let (code, en, _) = out(&args, &[]);
    assert_eq!(code, Some(0));
    assert!(!has_hangul(&en), "{en}");
    let (_, ko, _) = out(&["--lang", "ko", "analyze", "examples/small-app"], &[]);
    assert!(ko.contains("점수") && ko.contains("신뢰도"), "{ko}");
    // after the subcommand too, and `--lang=ko`
    let (_, ko2, _) = out(&["analyze", "examples/small-app", "--lang=ko"], &[]);
    assert_eq!(ko, ko2);
    // LC_ALL wins over LANG; an empty LC_ALL is skipped; a locale stackfit lacks is English
    assert_eq!(out(&args, &[("LANG", "ko_KR.UTF-8")]).1, ko);
    assert_eq!(
        out(&args, &[("LC_ALL", "en_US.UTF-8"), ("LANG", "ko_KR.UTF-8")]).1,
        en
    );
    assert_eq!(
        out(&args, &[("LC_ALL", ""), ("LC_MESSAGES", "ko_KR.UTF-8")]).1,
        ko
    );
    assert_eq!(out(&args, &[("LANG", "de_DE.UTF-8")]).1, en);
    // --lang wins over the environment
    assert_eq!(
        out(
            &["--lang", "en", "analyze", "examples/small-app"],
            &[("LANG", "ko_KR.UTF-8")]
        )
        .1,
        en
    );
    // machine fields stay English
    let (_, json, _) = out(
        &[
            "analyze",
            "examples/small-app",
            "--format",
            "json",
            "--lang",
            "ko",
        ],
        &[],
    );
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["recommendation"]["outcome"], "compose");
    assert!(
        v["recommendation"]["rules"][0]["id"]
            .as_str()
            .unwrap()
            .starts_with("R-")
    );
}

#[test]
fn an_unknown_lang_is_a_usage_error() {
    let (code, stdout, stderr) = out(&["--lang", "fr", "analyze", "examples/small-app"], &[]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(stdout.is_empty());
    assert!(
        stderr.contains("--lang") && stderr.contains("fr"),
        "{stderr}"
    );
    let (code, _, _) = out(&["analyze", "--lang"], &[]);
    assert_eq!(code, Some(2));
}

#[test]
fn help_is_localised() {
    let (code, help, _) = out(&["--lang", "ko", "analyze", "--help"], &[]);
    assert_eq!(code, Some(0));
    assert!(help.contains("사용법:") && help.contains("옵션:"), "{help}");
    assert!(
        help.contains("한 시스템의 배포 전략을 추천합니다"),
        "{help}"
    );
    let (_, help, _) = out(&["--help"], &[("LANG", "ko_KR.UTF-8")]);
    assert!(help.contains("명령:"), "{help}");
}

#[test]
fn input_errors_are_localised() {
    let (code, _, stderr) = out(
        &["--lang", "ko", "analyze", "no/such/dir/compose.yaml"],
        &[],
    );
    assert_eq!(code, Some(3), "{stderr}");
    assert!(has_hangul(&stderr), "{stderr}");
}

#[test]
fn korean_tables_fit_80_display_columns() {
    for ex in [
        "small-app",
        "role-split-monolith",
        "microservices",
        "scaling-monolith",
    ] {
        let (_, t, _) = out(&["--lang", "ko", "analyze", &format!("examples/{ex}")], &[]);
        for l in t.lines() {
            assert!(
                stackfit::locale::width(l) <= 80,
                "{ex}: {} columns: {l}",
                stackfit::locale::width(l)
            );
        }
    }
    let (_, t, _) = out(&["--lang", "ko", "rules"], &[]);
    for l in t.lines() {
        assert!(stackfit::locale::width(l) <= 80, "rules: {l}");
    }
}

#[test]
fn korean_snapshots() {
    for ex in [
        "small-app",
        "role-split-monolith",
        "microservices",
        "scaling-monolith",
    ] {
        let path = format!("examples/{ex}");
        for fmt in ["table", "markdown"] {
            let (_, s, _) = out(&["--lang", "ko", "analyze", &path, "--format", fmt], &[]);
            insta::assert_snapshot!(format!("ko_{ex}_{fmt}"), s);
        }
    }
    for id in ["R-HOSTS", "R-SIZE", "R-ROLESPLIT"] {
        let (_, s, _) = out(&["--lang", "ko", "explain", id], &[]);
        insta::assert_snapshot!(format!("ko_explain_{id}"), s);
        let (_, s, _) = out(&["explain", id], &[]);
        insta::assert_snapshot!(format!("en_explain_{id}"), s);
    }
}

#[test]
fn every_declared_fact_has_its_init_comment_in_korean() {
    for (k, _, _) in stackfit::model::declared::KEYS {
        if *k == "expect" {
            continue;
        }
        let id = format!("cmd-init-fact-{k}");
        assert!(
            stackfit::locale::has(stackfit::locale::Lang::Ko, &id),
            "{id}"
        );
    }
}
