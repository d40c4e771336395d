//! `--format github`: GitHub Actions workflow commands (`::error file=…::message`) with the
//! toolkit's escaping and GitHub's per-step caps (10 errors, 10 warnings, 10 notices), and the
//! Markdown for `$GITHUB_STEP_SUMMARY`. Owns annotation text only; it must not read the
//! environment or write anywhere but the writer it is given.

use crate::tr;
use std::io::Write;

use crate::report::Severity;
use crate::report::analysis::{Finding, Report};

/// Annotations GitHub keeps per step and level; the rest are dropped silently.
pub const CAP: usize = 10;

/// Escapes a command's data (the message): `%`, CR, LF (actions/toolkit `escapeData`).
pub fn escape_data(s: &str) -> String {
    crate::source::escape::visible(s)
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value: the data escapes plus `:` and `,` (actions/toolkit
/// `escapeProperty`).
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Level {
    Error,
    Warning,
    Notice,
}

impl Level {
    fn command(self) -> &'static str {
        match self {
            Level::Error => "error",
            Level::Warning => "warning",
            Level::Notice => "notice",
        }
    }
}

fn level(s: Severity) -> Level {
    match s {
        Severity::Error => Level::Error,
        Severity::Warning => Level::Warning,
        Severity::Info => Level::Notice,
    }
}

struct Annotation {
    level: Level,
    properties: Vec<(&'static str, String)>,
    message: String,
}

impl Annotation {
    fn write(&self, w: &mut dyn Write) -> std::io::Result<()> {
        let props: Vec<String> = self
            .properties
            .iter()
            .map(|(k, v)| format!("{k}={}", escape_property(v)))
            .collect();
        let sep = if props.is_empty() { "" } else { " " };
        writeln!(
            w,
            "::{}{sep}{}::{}",
            self.level.command(),
            props.join(","),
            escape_data(&self.message)
        )
    }
}

fn message(f: &Finding) -> String {
    format!("{}{}", f.message, super::points_note(f))
}

fn title(f: &Finding) -> String {
    if f.name == f.rule {
        format!("stackfit {}", f.rule)
    } else {
        format!("stackfit {} ({})", f.rule, f.name)
    }
}

fn annotation(f: &Finding) -> Annotation {
    let mut properties = Vec::new();
    if let Some(l) = &f.location {
        properties.push(("file", l.file.replace('\\', "/")));
        properties.push(("line", l.line.to_string()));
        // GitHub accepts columns only on single-line ranges.
        if l.end_line == l.line {
            properties.push(("col", l.column.to_string()));
            properties.push(("endColumn", l.end_column.to_string()));
        } else {
            properties.push(("endLine", l.end_line.to_string()));
        }
    }
    properties.push(("title", title(f)));
    Annotation {
        level: level(f.severity),
        properties,
        message: message(f),
    }
}

/// The closing annotation: the recommendation, or that there is none. An `--expect` mismatch
/// makes it an error, since it fails the step.
fn recommendation(r: &Report) -> Annotation {
    let (level, mut text) = match &r.recommendation {
        Some(rec) => {
            let mut text = tr!(
                "report-gh-verdict",
                outcome = super::outcome_label(rec),
                score = super::signed(rec.score),
                confidence = super::confidence_label(rec.confidence.as_str())
            );
            if let Some(s) = &r.system {
                text.push_str(&format!(" — {s}"));
            }
            if !rec.questions.is_empty() {
                text.push_str(&tr!("report-gh-questions", n = rec.questions.len()));
            }
            (Level::Notice, text)
        }
        None => (Level::Notice, tr!("report-no-recommendation-stopped")),
    };
    let mut level = level;
    if let Some(e) = &r.expect {
        if e.matched {
            text.push_str(&tr!(
                "report-gh-expected",
                expected = e.expected.as_str(),
                verdict = tr!("report-expect-matched")
            ));
        } else {
            text.push_str(&tr!(
                "report-gh-expected",
                expected = e.expected.as_str(),
                verdict = tr!("report-expect-different")
            ));
            level = Level::Error;
        }
    }
    Annotation {
        level,
        properties: vec![("title", tr!("report-gh-title"))],
        message: text,
    }
}

/// A finding as one plain log line (not a command: it starts with `stackfit:` and carries no
/// line breaks).
fn plain(f: &Finding) -> String {
    format!("stackfit: {}", super::finding_line(f)).replace(['\r', '\n'], " ")
}

pub fn render(r: &Report, w: &mut dyn Write) -> std::io::Result<()> {
    let last = recommendation(r);
    let budget = |l: Level| CAP - usize::from(last.level == l);
    let of = |l: Level| -> Vec<&Finding> {
        r.findings
            .iter()
            .filter(|f| level(f.severity) == l)
            .collect()
    };
    let (errors, warnings, notices) = (of(Level::Error), of(Level::Warning), of(Level::Notice));
    let over = errors.len() > budget(Level::Error)
        || warnings.len() > budget(Level::Warning)
        || notices.len() > budget(Level::Notice);
    // When anything is left out, one notice slot goes to the line that says so.
    let notice_budget = budget(Level::Notice) - usize::from(over);
    let mut left_out: Vec<&Finding> = Vec::new();
    for (list, cap) in [
        (&errors, budget(Level::Error)),
        (&warnings, budget(Level::Warning)),
        (&notices, notice_budget),
    ] {
        for (i, f) in list.iter().enumerate() {
            if i < cap {
                annotation(f).write(w)?;
            } else {
                left_out.push(f);
            }
        }
    }
    if !left_out.is_empty() {
        let count = |l: Level| left_out.iter().filter(|f| level(f.severity) == l).count();
        let parts: Vec<String> = [Level::Error, Level::Warning, Level::Notice]
            .into_iter()
            .filter(|l| count(*l) > 0)
            .map(|l| format!("{} {}", count(l), l.command()))
            .collect();
        let message = tr!(
            "report-gh-left-out",
            left = left_out.len(),
            total = r.findings.len(),
            parts = parts.join(", "),
            cap = CAP
        );
        writeln!(w, "::notice::{}", escape_data(&message))?;
        for f in &left_out {
            writeln!(w, "{}", plain(f))?;
        }
    }
    last.write(w)
}

/// Markdown for `$GITHUB_STEP_SUMMARY`: the architecture-review report, which holds every
/// finding, including those beyond the annotation caps.
pub fn summary(r: &Report, w: &mut dyn Write) -> std::io::Result<()> {
    super::markdown::render(r, w)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::testing::{finding, report};

    fn run(r: &Report) -> String {
        let mut buf = Vec::new();
        render(r, &mut buf).unwrap();
        String::from_utf8(buf).unwrap()
    }

    #[test]
    fn data_escapes_percent_and_line_breaks() {
        assert_eq!(
            escape_data("100% sure,\r\nreally: yes"),
            "100%25 sure,\\r%0Areally: yes"
        );
    }

    #[test]
    fn properties_also_escape_colon_and_comma() {
        assert_eq!(escape_property("a:b,c%d\ne"), "a%3Ab%2Cc%25d%0Ae");
    }

    #[test]
    fn an_annotation_escapes_its_message_and_properties() {
        let mut f = finding("R-X", Severity::Warning, "50% of x,y: z\nnext line");
        f.location.as_mut().unwrap().file = "dir,1/a:b.yaml".into();
        let out = run(&report(vec![f]));
        let first = out.lines().next().unwrap();
        assert_eq!(
            first,
            "::warning file=dir%2C1/a%3Ab.yaml,line=3,col=5,endColumn=9,\
             title=stackfit R-X (rule-x)::50%25 of x,y: z%0Anext line"
        );
        // Every finding is exactly one line: no raw line break escaped the command.
        assert_eq!(out.lines().count(), 2);
    }

    #[test]
    fn multi_line_ranges_carry_no_columns() {
        let mut f = finding("R-X", Severity::Error, "m");
        f.location.as_mut().unwrap().end_line = 7;
        let out = run(&report(vec![f]));
        assert!(
            out.starts_with("::error file=compose.yaml,line=3,endLine=7,title="),
            "{out}"
        );
    }

    #[test]
    fn a_finding_without_location_is_an_unplaced_annotation() {
        let mut f = finding(
            "R-HOSTS",
            Severity::Info,
            "3 hosts (declared with --assume)",
        );
        f.location = None;
        let out = run(&report(vec![f]));
        assert!(
            out.starts_with(
                "::notice title=stackfit R-HOSTS (rule-x)::3 hosts (declared with --assume)\n"
            ),
            "{out}"
        );
    }

    #[test]
    fn caps_order_levels_and_say_what_was_left_out() {
        let mut findings = Vec::new();
        for i in 0..12 {
            findings.push(finding(&format!("R-N{i:02}"), Severity::Info, "n"));
            findings.push(finding(&format!("R-W{i:02}"), Severity::Warning, "w"));
            findings.push(finding(&format!("R-E{i:02}"), Severity::Error, "e"));
        }
        let out = run(&report(findings));
        let lines: Vec<&str> = out.lines().collect();
        let count = |p: &str| lines.iter().filter(|l| l.starts_with(p)).count();
        assert_eq!(count("::error "), 10);
        assert_eq!(count("::warning "), 10);
        // 8 finding notices + the left-out notice + the recommendation: 10 in all.
        assert_eq!(count("::notice"), 10);
        assert_eq!(count("::notice file=compose.yaml"), 8);
        // Errors first, then warnings, then notices.
        let first = |p: &str| lines.iter().position(|l| l.starts_with(p)).unwrap();
        let last = |p: &str| lines.iter().rposition(|l| l.starts_with(p)).unwrap();
        assert!(last("::error ") < first("::warning "));
        assert!(last("::warning ") < first("::notice file="));
        assert!(
            out.contains("::notice::8 of 36 findings were left out (2 error, 2 warning, 4 notice)")
        );
        // The left-out findings are in the log as plain lines, never as commands.
        assert_eq!(count("stackfit: compose.yaml:3:5: "), 8);
        assert!(
            lines
                .last()
                .unwrap()
                .starts_with("::notice title=stackfit recommendation::")
        );
    }

    #[test]
    fn exactly_at_the_caps_nothing_is_left_out() {
        let mut findings = Vec::new();
        for i in 0..10 {
            findings.push(finding(&format!("R-E{i:02}"), Severity::Error, "e"));
            findings.push(finding(&format!("R-W{i:02}"), Severity::Warning, "w"));
        }
        for i in 0..9 {
            findings.push(finding(&format!("R-N{i:02}"), Severity::Info, "n"));
        }
        let out = run(&report(findings));
        assert!(!out.contains("left out"), "{out}");
        assert_eq!(
            out.lines().filter(|l| l.starts_with("::notice")).count(),
            10
        );
    }

    #[test]
    fn an_expect_mismatch_closes_with_an_error() {
        let mut r = report(vec![]);
        r.expect = Some(crate::report::analysis::ExpectResult {
            expected: "compose".into(),
            matched: false,
        });
        let out = run(&r);
        assert_eq!(
            out,
            "::error title=stackfit recommendation::kubernetes — score +7, confidence high \
             — demo; expected compose: DIFFERENT\n"
        );
    }
}
