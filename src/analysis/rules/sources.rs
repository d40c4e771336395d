//! The sources the rules cite (`rules/sources.toml`, compiled in): one entry per source with
//! its title, publisher, link where one is known, and what the rules take from it. Parsed once
//! on first use; it knows nothing of rules beyond their ids.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

const TEXT: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/rules/sources.toml"));

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    pub title: String,
    pub publisher: String,
    /// As the project's source list gives it (scheme-less); none where it gives none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// An issue or page named without a link (`docker/compose#1035`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// What the rules take from it, in our own words.
    pub supports: String,
}

impl Source {
    /// The link with a scheme, for SARIF `helpUri` and Markdown.
    pub fn href(&self) -> Option<String> {
        self.url.as_ref().map(|u| {
            if u.starts_with("http://") || u.starts_with("https://") {
                u.clone()
            } else {
                format!("https://{u}")
            }
        })
    }

    /// One reference line: `Title — Publisher (date). link or reference`.
    pub fn cite(&self) -> String {
        let mut s = format!("{} — {}", self.title, self.publisher);
        if let Some(d) = &self.date {
            s.push_str(&format!(" ({d})"));
        }
        if let Some(h) = self.href() {
            s.push_str(&format!(". {h}"));
        } else if let Some(r) = &self.reference {
            s.push_str(&format!(". {r}"));
        }
        s
    }
}

#[derive(Deserialize)]
struct File {
    source: Vec<Source>,
}

/// Every source, in file order.
pub fn all() -> &'static [Source] {
    static ALL: OnceLock<Vec<Source>> = OnceLock::new();
    ALL.get_or_init(|| {
        toml::from_str::<File>(TEXT)
            .unwrap_or_else(|e| panic!("rules/sources.toml: {e}"))
            .source
    })
}

pub fn find(id: &str) -> Option<&'static Source> {
    all().iter().find(|s| s.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sources_parse_with_unique_ids() {
        let mut ids: Vec<&str> = all().iter().map(|s| s.id.as_str()).collect();
        let n = ids.len();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), n, "duplicate source ids");
        assert!(
            find("S1")
                .unwrap()
                .href()
                .unwrap()
                .starts_with("https://kubernetes.io/")
        );
    }

    #[test]
    fn every_built_in_rule_cites_known_sources() {
        for r in &crate::analysis::rules::RuleSet::builtin().rules {
            for s in &r.source {
                assert!(find(s).is_some(), "{}: unknown source {s}", r.id);
            }
        }
    }
}
