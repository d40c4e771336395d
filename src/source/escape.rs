//! Escaping shared by every renderer: characters that must never reach a terminal, a CI log or
//! a document raw (C0 and C1 controls, DEL, bidirectional overrides, zero-width characters,
//! line and paragraph separators) become visible `\u{…}` text, and JSON writes them as `\u`
//! escapes. Format-specific escaping (Markdown, Mermaid, DOT, XML, workflow commands) builds on
//! [`visible`] in the renderers; this module owns no format of its own.

use std::borrow::Cow;
use std::io::Write;

/// True for a character that must not be printed raw. Newline and tab are left to the caller
/// (each format treats them its own way).
pub fn is_hidden(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{8}' | '\u{B}'..='\u{1F}' | '\u{7F}'..='\u{9F}'
        | '\u{200B}'..='\u{200F}' | '\u{2028}'..='\u{202E}' | '\u{2060}'..='\u{2069}'
        | '\u{FEFF}' | '\u{FFF9}'..='\u{FFFB}')
}

/// Input text made printable: hidden characters as `\u{…}`, carriage return as `\r`; newline
/// and tab kept.
pub fn visible(s: &str) -> Cow<'_, str> {
    // printable ASCII, newline and tab: nothing to do (the common case, checked bytewise)
    if s.bytes()
        .all(|b| (0x20..0x7f).contains(&b) || b == b'\n' || b == b'\t')
    {
        return Cow::Borrowed(s);
    }
    if !s.chars().any(|c| is_hidden(c) || c == '\r') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if c == '\r' {
            out.push_str("\\r");
        } else if is_hidden(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// One line of terminal or log text: as [`visible`], and newlines and tabs as `\n`, `\t`.
pub fn line(s: &str) -> String {
    visible(s).replace('\n', "\\n").replace('\t', "\\t")
}

/// A key name quoted in an error message: one line, at most 40 characters. The text of a
/// file that is not valid for its role is never quoted beyond this.
pub fn short(s: &str) -> String {
    let mut out: String = s.chars().take(40).collect();
    if out.len() < s.len() {
        out.push('…');
    }
    line(&out)
}

/// A pretty-printing JSON formatter that also writes hidden characters as `\u` escapes
/// (serde_json escapes only C0 controls, `"` and `\`).
struct Escaping(serde_json::ser::PrettyFormatter<'static>);

impl serde_json::ser::Formatter for Escaping {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        w: &mut W,
        fragment: &str,
    ) -> std::io::Result<()> {
        // The common case: printable ASCII (serde_json has escaped C0 controls already).
        if fragment.bytes().all(|b| b < 0x7f) {
            return w.write_all(fragment.as_bytes());
        }
        let mut start = 0;
        for (i, c) in fragment.char_indices() {
            if is_hidden(c) {
                w.write_all(&fragment.as_bytes()[start..i])?;
                let mut buf = [0u16; 2];
                for u in c.encode_utf16(&mut buf) {
                    write!(w, "\\u{u:04x}")?;
                }
                start = i + c.len_utf8();
            }
        }
        w.write_all(&fragment.as_bytes()[start..])
    }
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_object_value(w)
    }
}

/// Writes `value` as pretty JSON (two-space indent) with hidden characters escaped.
pub fn json_pretty<T: serde::Serialize + ?Sized>(
    w: &mut dyn Write,
    value: &T,
) -> std::io::Result<()> {
    // A buffer of a known type: the serializer's many small writes are calls, not dynamic
    // dispatches to whatever `w` is.
    let mut buffered = std::io::BufWriter::with_capacity(1 << 15, w);
    let mut ser = serde_json::Serializer::with_formatter(
        &mut buffered,
        Escaping(serde_json::ser::PrettyFormatter::new()),
    );
    value.serialize(&mut ser).map_err(std::io::Error::other)?;
    buffered.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hidden_characters_become_visible() {
        assert_eq!(visible("a\u{1b}[31mb"), "a\\u{1b}[31mb");
        assert_eq!(visible("x\u{202e}y\r"), "x\\u{202e}y\\r");
        assert_eq!(line("a\nb\tc"), "a\\nb\\tc");
        assert!(matches!(visible("plain ü 한글"), Cow::Borrowed(_)));
    }

    #[test]
    fn json_escapes_them_and_stays_json() {
        let mut out = Vec::new();
        json_pretty(&mut out, &serde_json::json!({"k": "a\u{202e}\u{85}b\n"})).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(
            text.contains("\\u202e") && text.contains("\\u0085"),
            "{text}"
        );
        let back: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back["k"], "a\u{202e}\u{85}b\n");
    }
}
