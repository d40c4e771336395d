//! `--format gitlab`: a GitLab Code Quality report (a JSON array of Code Climate issues with
//! description, check_name, fingerprint, severity and location). Owns the severity mapping and
//! the fallback location of unlocated findings; it must not read files or the environment.

use std::io::Write;

use serde::Serialize;

use super::fingerprint;
use crate::report::Severity;
use crate::report::analysis::Report;

#[derive(Serialize)]
struct Issue<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    check_name: &'a str,
    description: String,
    fingerprint: String,
    severity: &'static str,
    location: IssueLocation,
}

#[derive(Serialize)]
struct IssueLocation {
    path: String,
    lines: Lines,
}

#[derive(Serialize)]
struct Lines {
    begin: usize,
    end: usize,
}

fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Error => "critical",
        Severity::Warning => "minor",
        Severity::Info => "info",
    }
}

/// Where an unlocated finding (a fact declared with `--assume`, an input error without a
/// position) is shown: the first input that is a file stackfit located something in, else the
/// first located file, else the first input as given.
fn fallback_path(r: &Report) -> String {
    let located: Vec<&str> = r
        .findings
        .iter()
        .flat_map(|f| f.location.iter().chain(f.related.iter()))
        .chain(r.hints.iter().flat_map(|h| h.locations.iter()))
        .map(|l| &*l.file)
        .collect();
    r.inputs
        .iter()
        .map(String::as_str)
        .find(|i| located.contains(i))
        .or_else(|| located.first().copied())
        .or_else(|| r.inputs.first().map(String::as_str))
        .unwrap_or(".")
        .replace('\\', "/")
}

pub fn render(r: &Report, w: &mut dyn Write) -> std::io::Result<()> {
    let fallback = fallback_path(r);
    let ids = fingerprint::identities(&r.findings);
    let issues: Vec<Issue<'_>> = r
        .findings
        .iter()
        .zip(&ids)
        .map(|(f, id)| {
            let (path, begin, end) = match &f.location {
                Some(l) => (
                    l.file.replace('\\', "/"),
                    l.line.max(1),
                    l.end_line.max(l.line),
                ),
                None => (fallback.clone(), 1, 1),
            };
            Issue {
                kind: "issue",
                check_name: &f.rule,
                description: format!("{}: {}", f.rule, f.message),
                fingerprint: id.unique_hex(),
                severity: severity(f.severity),
                location: IssueLocation {
                    path,
                    lines: Lines {
                        begin,
                        end: end.max(1),
                    },
                },
            }
        })
        .collect();
    crate::source::escape::json_pretty(&mut *w, &issues)?;
    writeln!(w)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::testing::{finding, report};

    fn issues(r: &Report) -> Vec<serde_json::Value> {
        let mut buf = Vec::new();
        render(r, &mut buf).unwrap();
        serde_json::from_slice(&buf).unwrap()
    }

    #[test]
    fn fingerprints_are_unique_and_ignore_lines_and_messages() {
        let a = finding("R-A", Severity::Info, "one");
        let mut b = finding("R-B", Severity::Warning, "two");
        b.path = Some("services.web:replicas".into());
        // The same rule at the same path twice: still two issues, two fingerprints.
        let c = a.clone();
        let out = issues(&report(vec![a.clone(), b.clone(), c]));
        let fps: Vec<&str> = out
            .iter()
            .map(|i| i["fingerprint"].as_str().unwrap())
            .collect();
        let mut unique = fps.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), 3, "{fps:?}");

        // Moving the line or rewording the message keeps the fingerprint.
        let mut moved = b.clone();
        moved.location.as_mut().unwrap().line = 40;
        moved.message = "reworded".into();
        let again = issues(&report(vec![a, moved]));
        assert_eq!(again[1]["fingerprint"], out[1]["fingerprint"]);
        // Another path changes it.
        let mut other = b;
        other.path = Some("services.api:replicas".into());
        let third = issues(&report(vec![other]));
        assert_ne!(third[0]["fingerprint"], out[1]["fingerprint"]);
    }

    #[test]
    fn severities_and_unlocated_findings() {
        let mut declared = finding(
            "R-HOSTS",
            Severity::Info,
            "3 hosts (declared with --assume)",
        );
        declared.location = None;
        let r = report(vec![
            finding("R-E", Severity::Error, "e"),
            finding("R-W", Severity::Warning, "w"),
            declared,
        ]);
        let out = issues(&r);
        let sev: Vec<&str> = out
            .iter()
            .map(|i| i["severity"].as_str().unwrap())
            .collect();
        assert_eq!(sev, ["critical", "minor", "info"]);
        assert_eq!(out[2]["location"]["path"], "compose.yaml");
        assert_eq!(out[2]["location"]["lines"]["begin"], 1);
        assert_eq!(out[0]["location"]["lines"]["begin"], 3);
        assert_eq!(out[0]["check_name"], "R-E");
    }
}
