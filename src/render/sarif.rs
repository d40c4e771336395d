//! `--format sarif`: SARIF 2.1.0 for GitHub code scanning, from a small hand-written serde model
//! (no serde-sarif). Owns the mapping of findings to results, rule docs to `rules[]` and the
//! recommendation to `runs[0].properties`; it must not read files or the environment.

use crate::tr;
use std::collections::BTreeMap;
use std::io::Write;

use serde::Serialize;

use super::fingerprint;
use crate::report::Severity;
use crate::report::analysis::{Finding, Report, RuleDoc};
use crate::source::Location;

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";
/// SARIF caps `shortDescription` and `fullDescription` for GitHub at 1024 characters.
const MAX_DESCRIPTION: usize = 1024;

#[derive(Serialize)]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: Vec<Run<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a> {
    tool: Tool<'a>,
    invocations: Vec<Invocation>,
    /// stackfit counts columns in characters.
    column_kind: &'static str,
    results: Vec<SarifResult<'a>>,
    properties: RunProperties<'a>,
}

#[derive(Serialize)]
struct Tool<'a> {
    driver: Driver<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver<'a> {
    name: &'a str,
    version: &'a str,
    semantic_version: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    information_uri: Option<&'static str>,
    rules: Vec<Descriptor>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Invocation {
    execution_successful: bool,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Descriptor {
    id: String,
    name: String,
    short_description: Text,
    full_description: Text,
    /// The first cited source with a link.
    #[serde(skip_serializing_if = "Option::is_none")]
    help_uri: Option<String>,
    help: Help,
    default_configuration: Configuration,
    properties: DescriptorProperties,
}

#[derive(Serialize)]
struct Text {
    text: String,
}

#[derive(Serialize)]
struct Help {
    text: String,
    markdown: String,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
struct DescriptorProperties {
    tags: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    concerns: Vec<&'static str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    source: Vec<String>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    rule_id: &'a str,
    rule_index: usize,
    level: &'static str,
    message: Text,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    locations: Vec<SarifLocation>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<SarifLocation>,
    partial_fingerprints: BTreeMap<&'static str, String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    suppressions: Vec<Suppression>,
    properties: ResultProperties<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifLocation {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<usize>,
    physical_location: PhysicalLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<Text>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    region: Region,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactLocation {
    uri: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    uri_base_id: Option<&'static str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
    end_line: usize,
    end_column: usize,
}

#[derive(Serialize)]
struct Suppression {
    kind: &'static str,
    justification: String,
}

#[derive(Serialize)]
struct ResultProperties<'a> {
    kind: &'a str,
    points: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    path: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    declared: Option<&'a str>,
}

/// The recommendation, kept by code scanning as a run property. All null after an input error.
#[derive(Serialize)]
struct RunProperties<'a> {
    system: Option<&'a str>,
    outcome: Option<&'static str>,
    lean: Option<&'static str>,
    score: Option<i64>,
    confidence: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    expected: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    expect_matched: Option<bool>,
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// At most `max` characters, cut at a character boundary with an ellipsis.
fn clip(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut out: String = s.chars().take(max - 1).collect();
    out.push('…');
    out
}

/// The text of the first section of a rule explanation ("What it does", in any language),
/// when it has one.
fn what_it_does(explanation: &str) -> Option<String> {
    let start = explanation.find("## ")?;
    let body = &explanation[start..];
    let body = &body[body.find('\n')?..];
    let end = body.find("\n## ").unwrap_or(body.len());
    let text = body[..end].split_whitespace().collect::<Vec<_>>().join(" ");
    (!text.is_empty()).then_some(text)
}

fn descriptor(d: &RuleDoc) -> Descriptor {
    let summary = if d.summary.trim().is_empty() {
        d.name.clone()
    } else {
        d.summary.trim().to_string()
    };
    let full = what_it_does(&d.explanation).unwrap_or_else(|| summary.clone());
    let body = if d.explanation.trim().is_empty() {
        summary.clone()
    } else {
        d.explanation.trim().to_string()
    };
    let mut tags = vec!["deployment-strategy".to_string()];
    tags.extend(d.concerns.iter().map(|c| c.as_str().to_string()));
    Descriptor {
        id: d.id.clone(),
        name: d.name.clone(),
        short_description: Text {
            text: clip(&summary, MAX_DESCRIPTION),
        },
        full_description: Text {
            text: clip(&full, MAX_DESCRIPTION),
        },
        help_uri: d.references.iter().find_map(|s| s.href()),
        help: Help {
            text: format!("{summary}\n\n{body}{}", references_text(d)),
            markdown: format!(
                "**{} {}**: {summary}\n\n{body}{}",
                d.id,
                d.name,
                references_markdown(d)
            ),
        },
        default_configuration: Configuration {
            level: level(d.severity),
        },
        properties: DescriptorProperties {
            tags,
            concerns: d.concerns.iter().map(|c| c.as_str()).collect(),
            source: d.source.clone(),
        },
    }
}

/// The references of a rule as a numbered plain-text list (empty when it cites none).
fn references_text(d: &RuleDoc) -> String {
    if d.references.is_empty() {
        return String::new();
    }
    let mut s = String::from("\n\nReferences:");
    for (i, r) in d.references.iter().enumerate() {
        s.push_str(&format!("\n[{}] {}", i + 1, r.cite()));
    }
    s
}

/// The references of a rule as a numbered Markdown list.
fn references_markdown(d: &RuleDoc) -> String {
    if d.references.is_empty() {
        return String::new();
    }
    let mut s = String::from("\n\n## References");
    for (i, r) in d.references.iter().enumerate() {
        s.push_str(&format!(
            "\n{}. {}",
            i + 1,
            crate::render::markdown::cite(r)
        ));
    }
    s
}

/// A descriptor for a finding whose id is not a rule: input errors (`invalid-yaml`) and
/// suppression problems (`unused-suppression`).
fn synthetic_descriptor(f: &Finding) -> Descriptor {
    let (summary, help) = match f.kind.as_str() {
        "input-error" => (
            tr!("report-sarif-input-error", code = f.rule.as_str()),
            tr!("report-sarif-input-error-help"),
        ),
        "suppression" => (
            tr!("report-sarif-suppression", code = f.rule.as_str()),
            tr!("report-sarif-suppression-help"),
        ),
        other => (
            tr!("report-sarif-other", code = f.rule.as_str(), kind = other),
            tr!("report-sarif-other-help", kind = other),
        ),
    };
    Descriptor {
        id: f.rule.clone(),
        name: f.name.clone(),
        short_description: Text {
            text: clip(&summary, MAX_DESCRIPTION),
        },
        full_description: Text {
            text: clip(&help, MAX_DESCRIPTION),
        },
        help_uri: None,
        help: Help {
            markdown: help.clone(),
            text: help,
        },
        default_configuration: Configuration {
            level: level(f.severity),
        },
        properties: DescriptorProperties {
            tags: vec![f.kind.as_str().to_string()],
            concerns: vec![],
            source: vec![],
        },
    }
}

/// A relative URI reference for a path: forward slashes, percent-encoding outside the
/// unreserved set and `/`, so spaces, `:` or non-ASCII names stay valid. Absolute paths become
/// `file:` URIs without a base id.
fn artifact(file: &str) -> ArtifactLocation {
    let slashed = file.replace('\\', "/");
    let drive = slashed.len() >= 2
        && slashed.as_bytes()[0].is_ascii_alphabetic()
        && slashed.as_bytes()[1] == b':';
    let (prefix, path, base) = if slashed.starts_with('/') {
        ("file://", slashed.as_str(), None)
    } else if drive {
        ("file:///", slashed.as_str(), None)
    } else {
        (
            "",
            slashed.strip_prefix("./").unwrap_or(&slashed),
            Some("%SRCROOT%"),
        )
    };
    let mut uri = String::from(prefix);
    for (i, b) in path.bytes().enumerate() {
        let keep = b.is_ascii_alphanumeric()
            || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/')
            || (drive && i == 1 && b == b':');
        if keep {
            uri.push(b as char);
        } else {
            uri.push_str(&format!("%{b:02X}"));
        }
    }
    ArtifactLocation {
        uri,
        uri_base_id: base,
    }
}

fn physical(l: &Location) -> PhysicalLocation {
    PhysicalLocation {
        artifact_location: artifact(&l.file),
        region: Region {
            start_line: l.line.max(1),
            start_column: l.column.max(1),
            end_line: l.end_line.max(l.line).max(1),
            end_column: l.end_column.max(1),
        },
    }
}

/// The `locations` of a result: its one primary location, or none (a fact declared with
/// `--assume` has no place in a file).
fn primary(l: Option<&Location>) -> Vec<SarifLocation> {
    l.map(|l| SarifLocation {
        id: None,
        physical_location: physical(l),
        message: None,
    })
    .into_iter()
    .collect()
}

pub fn render(r: &Report, w: &mut dyn Write) -> std::io::Result<()> {
    let mut rules: Vec<Descriptor> = r.rule_docs.iter().map(descriptor).collect();
    let mut index: BTreeMap<String, usize> = rules
        .iter()
        .enumerate()
        .map(|(i, d)| (d.id.clone(), i))
        .collect();
    for f in &r.findings {
        if !index.contains_key(&f.rule) {
            index.insert(f.rule.clone(), rules.len());
            rules.push(synthetic_descriptor(f));
        }
    }

    let ids = fingerprint::identities(&r.findings);
    let mut results: Vec<SarifResult<'_>> = r
        .findings
        .iter()
        .zip(&ids)
        .map(|(f, id)| SarifResult {
            rule_id: &f.rule,
            rule_index: index[&f.rule],
            level: level(f.severity),
            message: Text {
                text: f.message.clone(),
            },
            locations: primary(f.location.as_ref()),
            related_locations: f
                .related
                .iter()
                .enumerate()
                .map(|(i, l)| SarifLocation {
                    id: Some(i + 1),
                    physical_location: physical(l),
                    message: Some(Text {
                        text: tr!("report-sarif-related", at = l.to_string()),
                    }),
                })
                .collect(),
            partial_fingerprints: BTreeMap::from([(
                "primaryLocationLineHash",
                format!("{}:{}", id.hex(), id.occurrence),
            )]),
            suppressions: vec![],
            properties: ResultProperties {
                kind: f.kind.as_str(),
                points: f.points,
                path: f.path.as_deref(),
                declared: f.declared.as_deref(),
            },
        })
        .collect();

    // Suppressed findings stay visible as suppressed results, with their reason. Their identity
    // is rule and file (a suppression has no YAML path), numbered within the file.
    let mut seen: Vec<u64> = Vec::new();
    for s in &r.suppressed {
        let Some(&rule_index) = index.get(&s.rule) else {
            continue;
        };
        let doc = &rules[rule_index];
        let file = s
            .location
            .as_ref()
            .map(|l| l.file.replace('\\', "/"))
            .unwrap_or_default();
        let hash = fingerprint::fnv1a64(format!("suppressed\0{}\0{file}", s.rule).as_bytes());
        let occurrence = seen.iter().filter(|h| **h == hash).count() + 1;
        seen.push(hash);
        results.push(SarifResult {
            rule_id: &s.rule,
            rule_index,
            level: doc.default_configuration.level,
            message: Text {
                text: tr!(
                    "report-sarif-suppressed",
                    id = doc.id.as_str(),
                    name = doc.name.as_str()
                ),
            },
            locations: primary(s.location.as_ref()),
            related_locations: vec![],
            partial_fingerprints: BTreeMap::from([(
                "primaryLocationLineHash",
                format!("{hash:016x}:{occurrence}"),
            )]),
            suppressions: vec![Suppression {
                kind: "inSource",
                justification: s.reason.clone(),
            }],
            properties: ResultProperties {
                kind: "suppressed",
                points: 0,
                path: None,
                declared: None,
            },
        });
    }

    let rec = r.recommendation.as_ref();
    let properties = RunProperties {
        system: r.system.as_deref(),
        outcome: rec.map(|x| x.outcome.as_str()),
        lean: rec.and_then(|x| x.lean).map(|l| l.as_str()),
        score: rec.map(|x| x.score),
        confidence: rec.map(|x| x.confidence.as_str()),
        expected: r.expect.as_ref().map(|e| e.expected.as_str()),
        expect_matched: r.expect.as_ref().map(|e| e.matched),
    };
    let information_uri = [env!("CARGO_PKG_HOMEPAGE"), env!("CARGO_PKG_REPOSITORY")]
        .into_iter()
        .find(|u| !u.is_empty());
    let log = Log {
        schema: SCHEMA,
        version: "2.1.0",
        runs: vec![Run {
            tool: Tool {
                driver: Driver {
                    name: r.tool.name,
                    version: r.tool.version,
                    semantic_version: r.tool.version,
                    information_uri,
                    rules,
                },
            },
            invocations: vec![Invocation {
                execution_successful: rec.is_some(),
            }],
            column_kind: "unicodeCodePoints",
            results,
            properties,
        }],
    };
    crate::source::escape::json_pretty(&mut *w, &log)?;
    writeln!(w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_relative_references_with_forward_slashes() {
        let a = artifact("deploy\\compose file.yaml");
        assert_eq!(a.uri, "deploy/compose%20file.yaml");
        assert_eq!(a.uri_base_id, Some("%SRCROOT%"));
        assert_eq!(artifact("./a:b/ç.yml").uri, "a%3Ab/%C3%A7.yml");
        let abs = artifact("/srv/app/compose.yaml");
        assert_eq!(abs.uri, "file:///srv/app/compose.yaml");
        assert_eq!(abs.uri_base_id, None);
        assert_eq!(
            artifact("C:\\app\\compose.yaml").uri,
            "file:///C:/app/compose.yaml"
        );
    }

    #[test]
    fn descriptions_are_clipped_to_the_github_limit() {
        let long = "x".repeat(2000);
        assert_eq!(
            clip(&long, MAX_DESCRIPTION).chars().count(),
            MAX_DESCRIPTION
        );
        assert_eq!(clip("short", MAX_DESCRIPTION), "short");
    }

    #[test]
    fn full_description_is_the_what_it_does_section() {
        let e = "## What it does\nFires on\nthree hosts.\n\n## Why it matters\nBecause.";
        assert_eq!(what_it_does(e).as_deref(), Some("Fires on three hosts."));
        assert_eq!(what_it_does("no sections"), None);
    }
}
