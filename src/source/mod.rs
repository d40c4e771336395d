//! Source map: every file stackfit read, with its text and line starts. Owns the only
//! byte-offset → line:col arithmetic in the program; nothing else computes positions.

pub mod escape;
pub mod excerpt;
pub mod read;
pub mod secrets;
pub mod suggest;

pub use read::{display_name, io_reason};

use std::path::PathBuf;
use std::sync::Arc;

/// The string type of input text that flows from the YAML tree into the model and the report:
/// up to 24 bytes kept inline, so the short keys, names, images and ports of a large file cost
/// no allocation each (a 10,000-service file has hundreds of thousands of them), and a clone of
/// a short one is a copy. Longer texts are on the heap as a `String`'s would be.
pub type Str = compact_str::CompactString;

/// A byte range in one source file. `file` indexes [`SourceMap::files`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    pub file: u32,
    pub start: u32,
    pub end: u32,
}

/// Where a value sits: its own node, plus — when it arrived through a YAML alias or merge
/// key — the use site (`via`). Findings point at the use site and name the definition.
///
/// 20 bytes, not 28: an alias is used in the document that defines its anchor, so the use
/// site is kept as a byte range of `at`'s file, with `NO_VIA` for none. Every value of the
/// model carries one, so the size counts per service.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Pos {
    pub at: Span,
    via_start: u32,
    via_end: u32,
}

const NO_VIA: u32 = u32::MAX;

impl Default for Pos {
    fn default() -> Self {
        Pos::new(Span::default())
    }
}

impl std::fmt::Debug for Pos {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pos")
            .field("at", &self.at)
            .field("via", &self.via())
            .finish()
    }
}

impl PartialOrd for Pos {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Pos {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (self.at, self.via()).cmp(&(other.at, other.via()))
    }
}

impl Pos {
    pub fn new(at: Span) -> Self {
        Pos {
            at,
            via_start: NO_VIA,
            via_end: NO_VIA,
        }
    }
    /// The use site, when the value came through an alias or merge key.
    pub fn via(&self) -> Option<Span> {
        (self.via_start != NO_VIA).then_some(Span {
            file: self.at.file,
            start: self.via_start,
            end: self.via_end,
        })
    }
    /// Records the use site (a range of the same file as `at`).
    pub fn set_via(&mut self, via: Span) {
        debug_assert_eq!(
            via.file, self.at.file,
            "an alias is used in its anchor's file"
        );
        self.via_start = via.start;
        self.via_end = via.end;
    }
    /// `self` with the use site of `other` (none when `other` has none).
    pub fn with_via_of(mut self, other: Pos) -> Pos {
        self.via_start = other.via_start;
        self.via_end = other.via_end;
        self
    }
    /// The location to report first: the use site when the value came through an alias.
    pub fn primary(&self) -> Span {
        self.via().unwrap_or(self.at)
    }
    /// The anchor definition, when the value came through an alias.
    pub fn related(&self) -> Option<Span> {
        self.via().map(|_| self.at)
    }
}

/// A resolved location, 1-based line and column (columns count characters).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, schemars::JsonSchema)]
pub struct Location {
    pub file: Arc<str>,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
}

impl std::fmt::Display for Location {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}:{}", self.file, self.line, self.column)
    }
}

#[derive(Debug)]
pub struct SourceFile {
    /// The name shown to users: the path as given, or relative to the working directory.
    /// Shared by every [`Location`] in the file (a large file has one per finding).
    pub name: Arc<str>,
    /// The path on disk (absolute when known); `-` for stdin.
    pub path: PathBuf,
    pub text: String,
    line_starts: Vec<u32>,
}

#[derive(Debug, Default)]
pub struct SourceMap {
    pub files: Vec<SourceFile>,
}

impl SourceMap {
    pub fn add(&mut self, name: String, path: PathBuf, text: String) -> u32 {
        // counted first: the table of a large file is kept to the end, at its exact size
        let lines = text.bytes().filter(|&b| b == b'\n').count();
        let mut line_starts = Vec::with_capacity(lines + 1);
        line_starts.push(0u32);
        for (i, b) in text.bytes().enumerate() {
            if b == b'\n' {
                line_starts.push((i + 1) as u32);
            }
        }
        self.files.push(SourceFile {
            name: name.into(),
            path,
            text,
            line_starts,
        });
        (self.files.len() - 1) as u32
    }

    pub fn file(&self, id: u32) -> &SourceFile {
        &self.files[id as usize]
    }

    pub fn name(&self, id: u32) -> &str {
        &self.files[id as usize].name
    }

    /// 1-based (line, column) of a byte offset; the column counts characters.
    pub fn line_col(&self, file: u32, offset: u32) -> (usize, usize) {
        let f = &self.files[file as usize];
        let offset = (offset as usize).min(f.text.len());
        let line = match f.line_starts.binary_search(&(offset as u32)) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let start = f.line_starts[line] as usize;
        let mut off = offset;
        while off > start && !f.text.is_char_boundary(off) {
            off -= 1;
        }
        let col = f.text[start..off].chars().count() + 1;
        (line + 1, col)
    }

    pub fn location(&self, span: Span) -> Location {
        let (line, column) = self.line_col(span.file, span.start);
        let (end_line, end_column) = if span.end > span.start {
            self.line_col(span.file, span.end)
        } else {
            (line, column)
        };
        Location {
            file: self.files[span.file as usize].name.clone(),
            line,
            column,
            end_line,
            end_column,
        }
    }

    /// The text of a line (1-based), without its line break.
    pub fn line_text(&self, file: u32, line: usize) -> &str {
        let f = &self.files[file as usize];
        if line == 0 || line > f.line_starts.len() {
            return "";
        }
        let start = f.line_starts[line - 1] as usize;
        let end = f
            .line_starts
            .get(line)
            .map(|e| *e as usize)
            .unwrap_or(f.text.len());
        f.text[start..end].trim_end_matches(['\n', '\r'])
    }

    pub fn line_count(&self, file: u32) -> usize {
        self.files[file as usize].line_starts.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_are_one_based_and_count_chars() {
        let mut sm = SourceMap::default();
        let f = sm.add("a.yaml".into(), "a.yaml".into(), "ab\nçd: x\n".into());
        assert_eq!(sm.line_col(f, 0), (1, 1));
        assert_eq!(sm.line_col(f, 3), (2, 1));
        // "çd: x": 'x' is at byte 3+5=8 (ç is two bytes), char column 5
        assert_eq!(sm.line_col(f, 8), (2, 5));
        assert_eq!(sm.line_text(f, 2), "çd: x");
    }
}
