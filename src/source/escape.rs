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

/// A pretty-printing JSON formatter, two-space indent exactly as serde_json's `PrettyFormatter`
/// writes it, that also writes hidden characters as `\u` escapes (serde_json escapes only C0
/// controls, `"` and `\`). Written here rather than wrapping `PrettyFormatter` because that one
/// writes an indent as one write per level: each line break and its indent here is one write
/// from a static run of spaces (a 10,000-service report has half a million lines).
#[derive(Default)]
struct Escaping {
    level: usize,
    has_value: bool,
}

/// Levels of indent one [`BREAK`] covers; deeper lines add the rest two spaces at a time.
const LEVELS: usize = 32;

/// `,`, a newline, and the indent of [`LEVELS`] levels.
const BREAK: [u8; 2 + 2 * LEVELS] = {
    let mut b = [b' '; 2 + 2 * LEVELS];
    b[0] = b',';
    b[1] = b'\n';
    b
};

/// A new line at `level`, after a comma unless it holds the first value.
fn line_break<W: ?Sized + Write>(w: &mut W, first: bool, level: usize) -> std::io::Result<()> {
    let from = usize::from(first);
    w.write_all(&BREAK[from..2 + 2 * level.min(LEVELS)])?;
    for _ in LEVELS..level {
        w.write_all(b"  ")?;
    }
    Ok(())
}

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
        self.level += 1;
        self.has_value = false;
        w.write_all(b"[")
    }
    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.level -= 1;
        if self.has_value {
            line_break(w, true, self.level)?;
        }
        w.write_all(b"]")
    }
    fn begin_array_value<W: ?Sized + Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        line_break(w, first, self.level)
    }
    fn end_array_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }
    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.level += 1;
        self.has_value = false;
        w.write_all(b"{")
    }
    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.level -= 1;
        if self.has_value {
            line_break(w, true, self.level)?;
        }
        w.write_all(b"}")
    }
    fn begin_object_key<W: ?Sized + Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        line_break(w, first, self.level)
    }
    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        w.write_all(b": ")
    }
    fn end_object_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
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
    let mut ser = serde_json::Serializer::with_formatter(&mut buffered, Escaping::default());
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
    fn json_is_indented_as_serde_json_indents_it() {
        let mut deep = serde_json::json!([1]);
        for _ in 0..40 {
            deep = serde_json::json!({"d": deep, "e": [], "o": {}});
        }
        let v = serde_json::json!({"a": [1, {"b": [], "c": {}}, [[]]], "z": "x", "deep": deep});
        let mut out = Vec::new();
        json_pretty(&mut out, &v).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            serde_json::to_string_pretty(&v).unwrap()
        );
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
