//! `--format junit`: JUnit XML for CI test dashboards. One testsuite `stackfit`; one testcase
//! per rule (failing when it has a finding at warning or above), one per finding whose id is not
//! a rule (input errors are `<error>`), and one for the recommendation. Owns XML escaping; it
//! must not decide exit codes.

use crate::tr;
use std::fmt::Write as _;
use std::io::Write;

use super::{finding_line, outcome_label, signed};
use crate::report::Severity;
use crate::report::analysis::{Finding, Report};

/// Escapes text for XML 1.0 content and attribute values. Characters XML 1.0 cannot carry
/// (most C0 controls) become U+FFFD; in attributes, tab and line breaks become character
/// references so attribute normalisation keeps them.
pub fn escape(s: &str, attribute: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for c in crate::source::escape::visible(s).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' if attribute => out.push_str("&#10;"),
            '\r' if attribute => out.push_str("&#13;"),
            '\t' if attribute => out.push_str("&#9;"),
            '\n' | '\r' | '\t' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// What a testcase holds besides its name.
enum Verdict {
    Pass,
    Failure { message: String, kind: String },
    Error { message: String, kind: String },
}

struct Case {
    name: String,
    classname: &'static str,
    verdict: Verdict,
    /// Evidence: the failure or error text, or `<system-out>` of a passing case.
    out: Vec<String>,
}

fn rule_case(name: String, classname: &'static str, findings: &[&Finding]) -> Case {
    let lines: Vec<String> = findings.iter().map(|f| finding_line(f)).collect();
    let worst = findings.iter().map(|f| f.severity).max();
    let verdict = match worst {
        _ if findings
            .iter()
            .any(|f| f.kind == crate::report::analysis::FindingKind::InputError) =>
        {
            Verdict::Error {
                message: findings[0].message.clone(),
                kind: findings[0].rule.clone(),
            }
        }
        Some(s) if s >= Severity::Warning => {
            let failing: Vec<&&Finding> = findings
                .iter()
                .filter(|f| f.severity >= Severity::Warning)
                .collect();
            Verdict::Failure {
                message: match failing.as_slice() {
                    [one] => one.message.clone(),
                    many => tr!("report-junit-failing", n = many.len()),
                },
                kind: s.as_str().to_string(),
            }
        }
        _ => Verdict::Pass,
    };
    Case {
        name,
        classname,
        verdict,
        out: lines,
    }
}

fn recommendation_case(r: &Report) -> Case {
    let Some(rec) = &r.recommendation else {
        return Case {
            name: "recommendation".into(),
            classname: "stackfit",
            verdict: Verdict::Error {
                message: tr!("report-no-recommendation-stopped"),
                kind: "input-error".into(),
            },
            out: vec![],
        };
    };
    let outcome = outcome_label(rec);
    let mut out = vec![format!(
        "{outcome}: score {}, confidence {}",
        signed(rec.score),
        rec.confidence.as_str()
    )];
    out.extend(
        rec.rules
            .iter()
            .map(|l| format!("{} {} {}", signed(l.points), l.id, l.message)),
    );
    out.extend(rec.questions.iter().map(|q| {
        format!(
            "question ({}): {} --assume {}",
            signed(q.points),
            q.question,
            q.assume
        )
    }));
    let verdict = match &r.expect {
        Some(e) if !e.matched => Verdict::Failure {
            message: format!("expected {}, got {outcome}", e.expected),
            kind: "expect".into(),
        },
        _ => Verdict::Pass,
    };
    Case {
        name: "recommendation".into(),
        classname: "stackfit",
        verdict,
        out,
    }
}

pub fn render(r: &Report, w: &mut dyn Write) -> std::io::Result<()> {
    let mut cases: Vec<Case> = Vec::new();
    for d in &r.rule_docs {
        let fired: Vec<&Finding> = r.findings.iter().filter(|f| f.rule == d.id).collect();
        // A testcase per rule with findings or suppressions; score lines live in the
        // recommendation's case.
        if fired.is_empty() && !r.suppressed.iter().any(|s| s.rule == d.id) {
            continue;
        }
        let mut case = rule_case(format!("{} {}", d.id, d.name), "stackfit.rules", &fired);
        for s in r.suppressed.iter().filter(|s| s.rule == d.id) {
            let at = s
                .location
                .as_ref()
                .map(|l| format!("{l}: "))
                .unwrap_or_default();
            case.out.push(format!("{at}suppressed: {}", s.reason));
        }
        cases.push(case);
    }
    // Findings that are not rules: input errors, suppression problems.
    let mut others: Vec<&str> = r
        .findings
        .iter()
        .filter(|f| !r.rule_docs.iter().any(|d| d.id == f.rule))
        .map(|f| f.rule.as_str())
        .collect();
    others.sort_unstable();
    others.dedup();
    for id in others {
        let fired: Vec<&Finding> = r.findings.iter().filter(|f| f.rule == id).collect();
        let classname = if fired
            .iter()
            .any(|f| f.kind == crate::report::analysis::FindingKind::InputError)
        {
            "stackfit.input"
        } else {
            "stackfit.checks"
        };
        cases.push(rule_case(id.to_string(), classname, &fired));
    }
    cases.push(recommendation_case(r));

    let failures = cases
        .iter()
        .filter(|c| matches!(c.verdict, Verdict::Failure { .. }))
        .count();
    let errors = cases
        .iter()
        .filter(|c| matches!(c.verdict, Verdict::Error { .. }))
        .count();
    let mut s = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let counts = format!(
        "tests=\"{}\" failures=\"{failures}\" errors=\"{errors}\" skipped=\"0\"",
        cases.len()
    );
    let _ = writeln!(s, "<testsuites name=\"stackfit\" {counts}>");
    let _ = writeln!(s, "  <testsuite name=\"stackfit\" {counts}>");
    let rec = r.recommendation.as_ref();
    let mut props: Vec<(&str, String)> =
        vec![("tool", format!("{} {}", r.tool.name, r.tool.version))];
    if !r.inputs.is_empty() {
        props.push(("inputs", r.inputs.join(" ")));
    }
    if let Some(system) = &r.system {
        props.push(("system", system.clone()));
    }
    if let Some(rec) = rec {
        props.push(("outcome", rec.outcome.as_str().to_string()));
        if let Some(l) = rec.lean {
            props.push(("lean", l.as_str().to_string()));
        }
        props.push(("score", rec.score.to_string()));
        props.push(("confidence", rec.confidence.as_str().to_string()));
    }
    let _ = writeln!(s, "    <properties>");
    for (k, v) in props {
        let _ = writeln!(
            s,
            "      <property name=\"{k}\" value=\"{}\"/>",
            escape(&v, true)
        );
    }
    let _ = writeln!(s, "    </properties>");
    for c in &cases {
        let open = format!(
            "    <testcase name=\"{}\" classname=\"{}\"",
            escape(&c.name, true),
            c.classname
        );
        if matches!(c.verdict, Verdict::Pass) && c.out.is_empty() {
            let _ = writeln!(s, "{open}/>");
            continue;
        }
        let _ = writeln!(s, "{open}>");
        let body = escape(&c.out.join("\n"), false);
        match &c.verdict {
            Verdict::Pass => {}
            Verdict::Failure { message, kind } | Verdict::Error { message, kind } => {
                let tag = if matches!(c.verdict, Verdict::Error { .. }) {
                    "error"
                } else {
                    "failure"
                };
                let _ = writeln!(
                    s,
                    "      <{tag} message=\"{}\" type=\"{}\">{body}</{tag}>",
                    escape(message, true),
                    escape(kind, true)
                );
            }
        }
        if matches!(c.verdict, Verdict::Pass) {
            let _ = writeln!(s, "      <system-out>{body}</system-out>");
        }
        let _ = writeln!(s, "    </testcase>");
    }
    let _ = writeln!(s, "  </testsuite>");
    let _ = writeln!(s, "</testsuites>");
    w.write_all(s.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::testing::{finding, report, rule_doc};

    fn run(r: &Report) -> String {
        let mut buf = Vec::new();
        render(r, &mut buf).unwrap();
        String::from_utf8(buf).unwrap()
    }

    /// A small well-formedness check: every tag closes in order, attributes are quoted, and
    /// no raw `<` or `&` appears in text or attribute values.
    fn assert_well_formed(xml: &str) {
        let body = xml
            .strip_prefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
            .expect("XML declaration");
        let mut stack: Vec<String> = Vec::new();
        let mut rest = body;
        while let Some(lt) = rest.find('<') {
            let text = &rest[..lt];
            assert_text(text);
            let gt = rest[lt..].find('>').expect("unclosed tag") + lt;
            let tag = &rest[lt + 1..gt];
            if let Some(name) = tag.strip_prefix('/') {
                assert_eq!(stack.pop().as_deref(), Some(name), "mismatched </{name}>");
            } else {
                let self_closing = tag.ends_with('/');
                let tag = tag.trim_end_matches('/');
                let (name, attrs) = tag.split_once(' ').unwrap_or((tag, ""));
                assert!(
                    name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'),
                    "bad tag name {name:?}"
                );
                let mut a = attrs.trim();
                while !a.is_empty() {
                    let (key, after) = a.split_once("=\"").expect("attribute without quotes");
                    assert!(key.chars().all(|c| c.is_ascii_alphanumeric()), "{key:?}");
                    let end = after.find('"').expect("unterminated attribute");
                    assert_text(&after[..end]);
                    assert!(!after[..end].contains('\n'), "raw newline in attribute");
                    a = after[end + 1..].trim_start();
                }
                if !self_closing {
                    stack.push(name.to_string());
                }
            }
            rest = &rest[gt + 1..];
        }
        assert_text(rest);
        assert!(stack.is_empty(), "unclosed {stack:?}");
    }

    fn assert_text(t: &str) {
        assert!(!t.contains('<') && !t.contains('>'), "raw bracket in {t:?}");
        for (i, _) in t.match_indices('&') {
            let entity = &t[i..t[i..].find(';').map(|e| i + e + 1).expect("bare &")];
            assert!(
                [
                    "&amp;", "&lt;", "&gt;", "&quot;", "&apos;", "&#10;", "&#13;", "&#9;"
                ]
                .contains(&entity),
                "unknown entity {entity}"
            );
        }
    }

    #[test]
    fn escaping_covers_markup_quotes_and_controls() {
        assert_eq!(
            escape("<a & \"b\">", false),
            "&lt;a &amp; &quot;b&quot;&gt;"
        );
        assert_eq!(escape("x\ny\u{1}", true), "x&#10;y\\u{1}");
        assert_eq!(escape("x\ny", false), "x\ny");
    }

    #[test]
    fn warnings_fail_infos_pass_and_the_output_is_well_formed() {
        let mut r = report(vec![
            finding("R-A", Severity::Warning, "uses <dev> & \"hot\" reload"),
            finding("R-B", Severity::Info, "3 services & a ]]> marker"),
        ]);
        r.rule_docs = vec![rule_doc("R-A"), rule_doc("R-B"), rule_doc("R-C")];
        let xml = run(&r);
        assert_well_formed(&xml);
        assert!(xml.contains(
            "<failure message=\"uses &lt;dev&gt; &amp; &quot;hot&quot; reload\" type=\"warning\">"
        ));
        // The 2 rules with findings + the recommendation; one failure. R-C has no finding.
        assert!(
            xml.contains("<testsuite name=\"stackfit\" tests=\"3\" failures=\"1\" errors=\"0\"")
        );
        assert!(!xml.contains("R-C"));
        assert!(xml.contains("3 services &amp; a ]]&gt; marker"));
    }

    #[test]
    fn an_input_error_is_an_error_and_so_is_the_missing_recommendation() {
        let mut f = finding(
            "invalid-yaml",
            Severity::Error,
            "invalid YAML: unclosed bracket '['",
        );
        f.kind = crate::report::analysis::FindingKind::InputError;
        let mut r = report(vec![f]);
        r.recommendation = None;
        let xml = run(&r);
        assert_well_formed(&xml);
        assert!(
            xml.contains("tests=\"2\" failures=\"0\" errors=\"2\""),
            "{xml}"
        );
        assert!(xml.contains(
            "<error message=\"invalid YAML: unclosed bracket &apos;[&apos;\" type=\"invalid-yaml\">\
             compose.yaml:3:5: error [invalid-yaml]"
        ));
    }

    #[test]
    fn the_well_formedness_check_can_fail() {
        let broken = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<a><b>x & y</b></a>";
        assert!(std::panic::catch_unwind(|| assert_well_formed(broken)).is_err());
        let crossed = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<a><b></a></b>";
        assert!(std::panic::catch_unwind(|| assert_well_formed(crossed)).is_err());
    }
}
