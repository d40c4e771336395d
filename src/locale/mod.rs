//! The language of every human-readable text (English, Korean) and its lookup through Fluent;
//! owns the locale files under `locales/` and the choice of language (`--lang`, else `LC_ALL`,
//! `LC_MESSAGES`, `LANG`). It must not know what the texts are used for: machine fields (ids,
//! enum values, JSON keys) never pass through here.
//!
//! Messages are grouped by the first word of their id (`error-…` in `error.ftl`, `report-…` in
//! `report.ftl`), and only the file of a message that is asked for is parsed, only for the one
//! language in use: a run that prints a table never parses the error or help texts.

use std::sync::{Mutex, OnceLock};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

/// The languages stackfit speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    En,
    Ko,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Ko];

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ko => "ko",
        }
    }

    /// `en`, `ko`, `ko-KR`, `ko_KR.UTF-8`: the language part decides; `None` for anything else.
    pub fn parse(tag: &str) -> Option<Lang> {
        let lang = tag
            .split(['_', '-', '.', '@'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match lang.as_str() {
            "en" => Some(Lang::En),
            "ko" => Some(Lang::Ko),
            _ => None,
        }
    }

    /// The language of the environment: the first of `LC_ALL`, `LC_MESSAGES`, `LANG` that is set
    /// and not empty; a locale stackfit does not speak (`C`, `de_DE`) gives English.
    pub fn from_env(var: impl Fn(&str) -> Option<String>) -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|k| var(k).filter(|v| !v.is_empty()))
            .next()
            .and_then(|v| Lang::parse(&v))
            .unwrap_or_default()
    }

    fn index(self) -> usize {
        self as usize
    }
}

static CURRENT: OnceLock<Lang> = OnceLock::new();

/// Sets the language of this process once, before anything is printed; later calls are ignored
/// (the language of one run never changes half-way).
pub fn set(lang: Lang) {
    let _ = CURRENT.set(lang);
}

/// The language of this process (English until [`set`] is called).
pub fn lang() -> Lang {
    CURRENT.get().copied().unwrap_or_default()
}

/// The message files: (area, English, Korean). An id's first word names its area.
const FILES: &[(&str, &str, &str)] = &[
    (
        "error",
        include_str!("../../locales/en/error.ftl"),
        include_str!("../../locales/ko/error.ftl"),
    ),
    (
        "compose",
        include_str!("../../locales/en/compose.ftl"),
        include_str!("../../locales/ko/compose.ftl"),
    ),
    (
        "input",
        include_str!("../../locales/en/input.ftl"),
        include_str!("../../locales/ko/input.ftl"),
    ),
    (
        "config",
        include_str!("../../locales/en/config.ftl"),
        include_str!("../../locales/ko/config.ftl"),
    ),
    (
        "cmd",
        include_str!("../../locales/en/cmd.ftl"),
        include_str!("../../locales/ko/cmd.ftl"),
    ),
    (
        "report",
        include_str!("../../locales/en/report.ftl"),
        include_str!("../../locales/ko/report.ftl"),
    ),
    (
        "hint",
        include_str!("../../locales/en/hint.ftl"),
        include_str!("../../locales/ko/hint.ftl"),
    ),
    (
        "plan",
        include_str!("../../locales/en/plan.ftl"),
        include_str!("../../locales/ko/plan.ftl"),
    ),
    (
        "help",
        include_str!("../../locales/en/help.ftl"),
        include_str!("../../locales/ko/help.ftl"),
    ),
];

type Bundle = FluentBundle<FluentResource>;

const SLOTS: usize = FILES.len() * 2;

/// The entries of one message file: each message's id and its text (the `id =` line and the
/// indented lines after it), sorted by id. Building it is a scan of the lines; nothing is
/// parsed. The files hold no terms and no message references, so each entry stands alone.
fn entries(area: usize, lang: Lang) -> &'static [(&'static str, &'static str)] {
    static INDEX: [OnceLock<Vec<(&'static str, &'static str)>>; SLOTS] =
        [const { OnceLock::new() }; SLOTS];
    INDEX[area * 2 + lang.index()].get_or_init(|| {
        let (_, en, ko) = FILES[area];
        let text: &'static str = match lang {
            Lang::En => en,
            Lang::Ko => ko,
        };
        let mut out: Vec<(&'static str, &'static str)> = Vec::new();
        let mut open: Option<(&'static str, usize)> = None;
        let mut at = 0;
        for line in text.split_inclusive('\n') {
            // an entry ends where the next id or a comment starts at the margin (a closing
            // `}` of a selector at the margin still belongs to it)
            if line.starts_with(|c: char| c.is_ascii_alphabetic() || c == '#' || c == '-') {
                if let Some((id, start)) = open.take() {
                    out.push((id, &text[start..at]));
                }
                if line.starts_with(|c: char| c.is_ascii_alphabetic())
                    && let Some((id, _)) = line.split_once('=')
                {
                    open = Some((id.trim(), at));
                }
            }
            at += line.len();
        }
        if let Some((id, start)) = open {
            out.push((id, &text[start..]));
        }
        out.sort_unstable_by_key(|(id, _)| *id);
        out
    })
}

/// Runs `f` on the bundle of `area` in `lang` once it holds message `id`: a message is parsed
/// on its first use, alone, so a run parses the few messages it prints and not the files.
fn with_message<T>(area: usize, lang: Lang, id: &str, f: impl FnOnce(&Bundle) -> T) -> Option<T> {
    static BUNDLES: [OnceLock<Mutex<Bundle>>; SLOTS] = [const { OnceLock::new() }; SLOTS];
    let slot = BUNDLES[area * 2 + lang.index()].get_or_init(|| {
        let tag: unic_langid::LanguageIdentifier =
            lang.code().parse().expect("a valid language tag");
        let mut b = FluentBundle::new_concurrent(vec![tag]);
        // No Unicode isolation marks around placeables: the texts go to terminals and files.
        b.set_use_isolating(false);
        Mutex::new(b)
    });
    let mut b = slot.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    if !b.has_message(id) {
        // The files are compiled in and checked by the tests; a syntax error would show as a
        // missing message, never as a crash.
        let res =
            FluentResource::try_new(entry(area, lang, id)?.to_string()).unwrap_or_else(|(r, _)| r);
        let _ = b.add_resource(res);
    }
    Some(f(&b))
}

/// The text of message `id` in its file, if the file has it.
fn entry(area: usize, lang: Lang, id: &str) -> Option<&'static str> {
    let all = entries(area, lang);
    let i = all.binary_search_by(|(k, _)| (*k).cmp(id)).ok()?;
    Some(all[i].1)
}

fn area_of(id: &str) -> Option<usize> {
    let word = id.split('-').next()?;
    FILES.iter().position(|(a, _, _)| *a == word)
}

/// Whether the message exists in `lang` (for the completeness tests and optional texts).
pub fn has(lang: Lang, id: &str) -> bool {
    area_of(id).is_some_and(|a| entry(a, lang, id).is_some())
}

/// The message `id` in `lang` with `args`, or `None` when `lang` lacks it (no fallback).
pub fn lookup(lang: Lang, id: &str, args: &[(&str, FluentValue<'_>)]) -> Option<String> {
    with_message(area_of(id)?, lang, id, |b| {
        let p = b.get_message(id)?.value()?;
        let fargs = (!args.is_empty()).then(|| {
            let mut a = FluentArgs::with_capacity(args.len());
            for (k, v) in args {
                a.set(*k, v.clone());
            }
            a
        });
        let mut errors = Vec::new();
        Some(
            b.format_pattern(p, fargs.as_ref(), &mut errors)
                .into_owned(),
        )
    })
    .flatten()
}

/// The message `id` in `lang` with `args`; English when the language lacks it, the id itself
/// when English lacks it too (a test keeps every id used in the code in the English files).
pub fn message_in(lang: Lang, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
    lookup(lang, id, args)
        .or_else(|| match lang {
            Lang::En => None,
            _ => lookup(Lang::En, id, args),
        })
        .unwrap_or_else(|| id.to_string())
}

/// The message `id` in the language of this process.
pub fn message(id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
    message_in(lang(), id, args)
}

/// `tr!("report-counts", services = 3, units = 2, running = 3)`: the message in the language of this process. Values are
/// anything `FluentValue` takes (strings and numbers: numbers choose plural forms).
#[macro_export]
macro_rules! tr {
    ($id:literal) => {
        $crate::locale::message($id, &[])
    };
    ($id:literal, $($k:ident = $v:expr),+ $(,)?) => {
        $crate::locale::message(
            $id,
            &[$((stringify!($k), ::fluent_bundle::FluentValue::from($v))),+],
        )
    };
}

/// Display width of a text in terminal columns (Hangul and other wide characters count two).
pub fn width(s: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_message_parsed_alone_reads_as_in_its_whole_file() {
        for (area, (name, _, _)) in FILES.iter().enumerate() {
            for lang in [Lang::En, Lang::Ko] {
                let (_, en, ko) = FILES[area];
                let text = if lang == Lang::En { en } else { ko };
                let whole = FluentResource::try_new(text.to_string())
                    .unwrap_or_else(|_| panic!("{name} ({lang:?}) parses"));
                let mut full: Bundle =
                    FluentBundle::new_concurrent(vec![lang.code().parse().unwrap()]);
                full.set_use_isolating(false);
                full.add_resource(whole).unwrap();
                let ids: Vec<&str> = entries(area, lang).iter().map(|(id, _)| *id).collect();
                let whole_ids = FluentResource::try_new(text.to_string()).unwrap();
                let mut expected: Vec<String> = whole_ids
                    .entries()
                    .filter_map(|e| match e {
                        fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
                        _ => None,
                    })
                    .collect();
                expected.sort();
                assert_eq!(
                    ids, expected,
                    "{name} ({lang:?}): the index finds every message"
                );
                for id in ids {
                    let show = |b: &Bundle| {
                        let m = b.get_message(id).expect("present");
                        let mut errors = Vec::new();
                        let value = m
                            .value()
                            .map(|p| b.format_pattern(p, None, &mut errors).into_owned());
                        let attrs: Vec<String> = m
                            .attributes()
                            .map(|a| b.format_pattern(a.value(), None, &mut errors).into_owned())
                            .collect();
                        (value, attrs)
                    };
                    let alone = with_message(area, lang, id, show).expect("found");
                    assert_eq!(alone, show(&full), "{name} ({lang:?}) {id}");
                }
            }
        }
    }

    #[test]
    fn locale_variables_choose_the_language() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == k)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(Lang::from_env(env(&[("LANG", "ko_KR.UTF-8")])), Lang::Ko);
        assert_eq!(
            Lang::from_env(env(&[("LC_ALL", "en_US.UTF-8"), ("LANG", "ko_KR.UTF-8")])),
            Lang::En
        );
        assert_eq!(
            Lang::from_env(env(&[("LC_ALL", ""), ("LC_MESSAGES", "ko"), ("LANG", "C")])),
            Lang::Ko
        );
        assert_eq!(Lang::from_env(env(&[("LANG", "de_DE.UTF-8")])), Lang::En);
        assert_eq!(Lang::from_env(env(&[])), Lang::En);
        assert_eq!(Lang::parse("ko-KR"), Some(Lang::Ko));
        assert_eq!(Lang::parse("fr"), None);
    }

    /// Every message of a file: id → its `$variables`, sorted; a variable that only chooses a
    /// plural form is marked `?name` (Korean has no plural forms to choose).
    fn messages(text: &str) -> std::collections::BTreeMap<String, Vec<String>> {
        use fluent_syntax::ast;
        fn vars(p: &ast::Pattern<&str>, out: &mut Vec<String>) {
            for e in &p.elements {
                if let ast::PatternElement::Placeable { expression } = e {
                    expr(expression, out);
                }
            }
        }
        fn expr(e: &ast::Expression<&str>, out: &mut Vec<String>) {
            match e {
                ast::Expression::Inline(i) => inline(i, out),
                ast::Expression::Select { selector, variants } => {
                    if let ast::InlineExpression::VariableReference { id } = selector {
                        out.push(format!("?{}", id.name));
                    }
                    for v in variants {
                        vars(&v.value, out);
                    }
                }
            }
        }
        fn inline(i: &ast::InlineExpression<&str>, out: &mut Vec<String>) {
            match i {
                ast::InlineExpression::VariableReference { id } => out.push(id.name.to_string()),
                ast::InlineExpression::Placeable { expression } => expr(expression, out),
                _ => {}
            }
        }
        let res = fluent_syntax::parser::parse(text).unwrap_or_else(|(_, e)| panic!("{e:?}"));
        let mut all = std::collections::BTreeMap::new();
        for entry in &res.body {
            if let ast::Entry::Message(m) = entry {
                let mut v = Vec::new();
                if let Some(p) = &m.value {
                    vars(p, &mut v);
                }
                let shown: Vec<String> =
                    v.iter().filter(|x| !x.starts_with('?')).cloned().collect();
                v.retain(|x| !x.starts_with('?') || !shown.contains(&x[1..].to_string()));
                v.sort();
                v.dedup();
                assert!(
                    all.insert(m.id.name.to_string(), v).is_none(),
                    "{} twice",
                    m.id.name
                );
            }
        }
        all
    }

    #[test]
    fn every_english_message_has_korean_with_the_same_variables() {
        let shown = |v: &Vec<String>| {
            v.iter()
                .filter(|x| !x.starts_with('?'))
                .cloned()
                .collect::<Vec<_>>()
        };
        let mut problems = Vec::new();
        for (area, en, ko) in FILES {
            let (en, ko) = (messages(en), messages(ko));
            for (id, vars) in &en {
                if !id.starts_with(&format!("{area}-")) {
                    problems.push(format!("{area}.ftl: `{id}` does not start with `{area}-`"));
                }
                match ko.get(id) {
                    None => problems.push(format!("ko/{area}.ftl lacks `{id}`")),
                    Some(k) if shown(k) != shown(vars) => problems.push(format!(
                        "ko/{area}.ftl `{id}` uses {k:?}, English uses {vars:?}"
                    )),
                    _ => {}
                }
            }
            for id in ko.keys() {
                // help texts are English in the command definitions, Korean here
                if !en.contains_key(id) && *area != "help" {
                    problems.push(format!("ko/{area}.ftl has `{id}`, English has not"));
                }
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    #[test]
    fn messages_fill_their_variables_without_isolation_marks() {
        let s = message_in(
            Lang::En,
            "error-cannot-write",
            &[("path", "a".into()), ("why", "b".into())],
        );
        assert_eq!(s, "cannot write a: b");
        let s = message_in(
            Lang::Ko,
            "report-counts",
            &[
                ("services", 3.into()),
                ("units", "2".into()),
                ("running", 3.into()),
            ],
        );
        assert_eq!(s, "서비스: 3 · 배포 단위: 2 · 실행 중: 3");
        assert_eq!(
            message_in(
                Lang::En,
                "report-points-note",
                &[("points", "+1".into()), ("n", 1.into())]
            ),
            " (+1 point)"
        );
        assert_eq!(
            message_in(
                Lang::En,
                "report-points-note",
                &[("points", "-2".into()), ("n", 2.into())]
            ),
            " (-2 points)"
        );
        assert_eq!(
            message_in(Lang::Ko, "no-such-area-x", &[]),
            "no-such-area-x"
        );
    }

    #[test]
    fn width_counts_hangul_twice() {
        assert_eq!(width("배포 단위"), 9);
        assert_eq!(width("unit"), 4);
    }
}
