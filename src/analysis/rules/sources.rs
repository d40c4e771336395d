//! The sources the rules cite (`rules/sources.toml`, compiled in): one entry per source with
//! its title, publisher, link where one is known, and what the rules take from it. Parsed by
//! the build script; it knows nothing of rules beyond their ids.

use std::sync::OnceLock;

pub use super::schema::Source;

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

    /// What the rules take from it, in the language of this process.
    pub fn supports_text(&self) -> &str {
        match (crate::locale::lang(), &self.ko) {
            (crate::locale::Lang::Ko, Some(k)) => &k.supports,
            _ => &self.supports,
        }
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

/// Every source, in file order (parsed and checked when the program was built).
pub fn all() -> &'static [Source] {
    static ALL: OnceLock<Vec<Source>> = OnceLock::new();
    ALL.get_or_init(super::builtin::sources)
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
