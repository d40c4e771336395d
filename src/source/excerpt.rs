//! The offending line of an input error, as an error snippet shows it: only the node's own
//! line, control characters made visible, interpolated secrets redacted and the values of
//! `environment` entries masked. It knows nothing of how the snippet is drawn.

use super::{SourceMap, Span};

/// One line of a file with the part an error points at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Excerpt {
    pub file: String,
    /// 1-based line number.
    pub line: usize,
    /// The line as shown: escaped and masked.
    pub text: String,
    /// Byte range of the offending part within `text` (never empty).
    pub span: std::ops::Range<usize>,
}

/// The error codes whose files are valid text of their kind: only those get an excerpt (never
/// env files, binary or oversized files, or files of another kind).
const SHOWN_FOR: &[&str] = &[
    "invalid-compose",
    "invalid-yaml",
    "interpolation",
    "invalid-declared-fact",
    "invalid-architecture",
    "invalid-manifest",
];

pub fn excerpt(sm: &SourceMap, span: Span, code: &str) -> Option<Excerpt> {
    if !SHOWN_FOR.contains(&code) || span.file as usize >= sm.files.len() {
        return None;
    }
    let (line, col) = sm.line_col(span.file, span.start);
    let raw = sm.line_text(span.file, line);
    let start = raw
        .char_indices()
        .nth(col.saturating_sub(1))
        .map_or(raw.len(), |(i, _)| i);
    let end_in_line = if span.end > span.start {
        let (end_line, end_col) = sm.line_col(span.file, span.end);
        if end_line == line {
            raw.char_indices()
                .nth(end_col.saturating_sub(1))
                .map_or(raw.len(), |(i, _)| i)
        } else {
            raw.len()
        }
    } else {
        start
    };
    let masked = mask_environment(sm, span.file, line, raw);
    let raw = masked.as_deref().unwrap_or(raw);
    let start = start.min(raw.len());
    let end = end_in_line.clamp(start, raw.len());
    let before = super::escape::line(&super::secrets::redact_message(&raw[..start]));
    let part = super::escape::line(&super::secrets::redact_message(&raw[start..end]));
    let after = super::escape::line(&super::secrets::redact_message(&raw[end..]));
    // the caret needs at least one column: point past the end of the line when the part is empty
    let mut text = format!("{before}{part}{after}");
    if part.is_empty() && after.is_empty() {
        text.push(' ');
    }
    // a one-character caret when the part is empty: the next character, whole
    let width = if part.is_empty() {
        after.chars().next().map_or(1, char::len_utf8)
    } else {
        part.len()
    };
    Some(Excerpt {
        file: sm.name(span.file).to_string(),
        line,
        text,
        span: before.len()..before.len() + width,
    })
}

/// `environment` values are secrets: a line that is an entry of an `environment` block (or
/// holds one inline) shows its keys and `***` for the values.
fn mask_environment(sm: &SourceMap, file: u32, line: usize, raw: &str) -> Option<String> {
    let indent = |l: &str| l.len() - l.trim_start().len();
    let key_of = |l: &str| {
        l.trim_start()
            .trim_start_matches("- ")
            .split(':')
            .next()
            .unwrap_or("")
            .trim()
            .to_string()
    };
    if let Some(i) = raw.find("environment:") {
        return Some(format!("{}environment: ***", &raw[..i]));
    }
    let mine = indent(raw);
    let mut n = line;
    while n > 1 {
        n -= 1;
        let l = sm.line_text(file, n);
        if l.trim().is_empty() || l.trim_start().starts_with('#') {
            continue;
        }
        if indent(l) < mine {
            if key_of(l) == "environment" {
                let cut = raw.find([':', '=']).map_or(raw.len(), |i| i + 1);
                return Some(format!("{} ***", &raw[..cut]));
            }
            return None;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str, start: u32, end: u32) -> Excerpt {
        let mut sm = SourceMap::default();
        let f = sm.add("c.yaml".into(), "c.yaml".into(), text.into());
        excerpt(
            &sm,
            Span {
                file: f,
                start,
                end,
            },
            "invalid-compose",
        )
        .unwrap()
    }

    #[test]
    fn the_line_is_escaped_masked_and_the_span_whole_characters() {
        let text = "services:\n  web:\n    environment:\n      TOKEN: [s3cret]\n";
        let at = text.find('[').unwrap() as u32;
        let e = one(text, at, at + 8);
        assert_eq!(e.line, 4);
        assert_eq!(e.text, "      TOKEN: ***");
        assert!(!e.text.contains("s3cret"));
        let text = "a: \u{1b}[31mé\n";
        let at = text.find('é').unwrap() as u32;
        let e = one(text, at, at);
        assert!(e.text.contains("\\u{1b}"), "{}", e.text);
        assert!(e.text.is_char_boundary(e.span.end), "{e:?}");
        let mut sm = SourceMap::default();
        let f = sm.add("x.env".into(), "x.env".into(), "A=b\n".into());
        let span = Span {
            file: f,
            start: 0,
            end: 1,
        };
        assert!(excerpt(&sm, span, "invalid-env-file").is_none());
    }
}
