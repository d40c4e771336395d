//! Inputs of `stackfit decompose`: an architecture description with a `monolith:` block, a
//! DOT digraph (jdeps, madge, pydeps) or a CSV edge list, each read into one `DecompInput`
//! with located errors. It owns these readers only: it must not weight evidence or cluster.

use std::path::Path;

use crate::error::{Error, Result};
use crate::input::architecture;
use crate::input::yaml::{self, Budget};
use crate::input::{ReadLimits, read_source};
use crate::model::monolith::{DecompInput, ModuleInfo, UseCaseIn};
use crate::source::{SourceMap, Span};
use crate::tr;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Architecture,
    Dot,
    Csv,
}

fn sniff(path: &Path, text: &str) -> Format {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match ext.as_deref() {
        Some("dot" | "gv") => return Format::Dot,
        Some("csv") => return Format::Csv,
        Some("yaml" | "yml") => return Format::Architecture,
        _ => {}
    }
    let first = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with("//") && !l.starts_with('#'))
        .unwrap_or("");
    let lower = first.to_ascii_lowercase();
    if ["digraph", "graph", "strict"]
        .iter()
        .any(|k| lower.starts_with(k) && !lower.starts_with("graph:"))
    {
        Format::Dot
    } else if lower.replace(' ', "").starts_with("source,target") {
        Format::Csv
    } else {
        Format::Architecture
    }
}

/// Reads `path` (format from the extension, else from the content).
pub fn load(path: &Path, sm: &mut SourceMap, limits: &ReadLimits) -> Result<DecompInput> {
    let (id, _) = read_source(sm, path, limits, &tr!("input-what-decomposition"))?;
    let text = sm.file(id).text.clone();
    let d = match sniff(path, &text) {
        Format::Architecture => from_architecture(sm, id, &text),
        Format::Dot => parse_dot(sm, id, &text),
        Format::Csv => parse_csv(sm, id, &text),
    }?;
    // Community detection grows faster than linearly: bound the graph it is given.
    let name = crate::input::display_name(path);
    if d.modules.len() as u64 > limits.max_modules {
        return Err(Error::input(
            "input-limit",
            tr!(
                "input-too-many-modules",
                name = name.as_str(),
                n = d.modules.len(),
                limit = limits.max_modules.to_string()
            ),
        ));
    }
    if d.deps.len() as u64 > limits.max_edges {
        return Err(Error::input(
            "input-limit",
            tr!(
                "input-too-many-dependencies",
                name = name.as_str(),
                n = d.deps.len(),
                limit = limits.max_edges.to_string()
            ),
        ));
    }
    Ok(d)
}

fn at(
    sm: &SourceMap,
    file: u32,
    start: usize,
    end: usize,
    code: &'static str,
    msg: String,
) -> Error {
    Error::input(code, msg).at(
        sm,
        Span {
            file,
            start: start as u32,
            end: end as u32,
        },
    )
}

/// An architecture description's `monolith:` block.
pub fn from_architecture(sm: &SourceMap, id: u32, text: &str) -> Result<DecompInput> {
    let docs = yaml::parse(text, id, Budget::for_len(text.len())).map_err(|e| e.into_error(sm))?;
    let file_start = Span {
        file: id,
        start: 0,
        end: 0,
    };
    let [root] = docs.as_slice() else {
        return Err(Error::input(
            "invalid-architecture",
            tr!(
                "input-decompose-one-document",
                kind = architecture::KIND,
                n = docs.len()
            ),
        )
        .at(sm, file_start));
    };
    if !architecture::is_architecture(root) {
        return Err(Error::input(
            "invalid-architecture",
            tr!("input-not-decomposition-input", kind = architecture::KIND),
        )
        .at_pos(sm, root.pos));
    }
    let arch = architecture::parse(sm, id, root)?;
    from_description(sm, &arch)
}

/// The monolith model of an architecture description already parsed (analysis reads the
/// document once and hands it here).
pub fn from_description(sm: &SourceMap, arch: &architecture::Architecture) -> Result<DecompInput> {
    let Some(mono) = &arch.monolith else {
        return Err(
            Error::input("nothing-to-decompose", tr!("input-decompose-no-monolith"))
                .at_pos(sm, arch.anchor),
        );
    };
    if mono.modules.is_empty() && mono.use_cases.is_empty() {
        return Err(Error::input(
            "nothing-to-decompose",
            tr!("input-decompose-empty-monolith"),
        )
        .at_pos(sm, mono.name.pos));
    }
    let mut d = DecompInput {
        format: "architecture",
        ..DecompInput::default()
    };
    for m in &mono.modules {
        d.modules.insert(
            m.name.to_string(),
            ModuleInfo {
                package: m.package.as_ref().map(|p| p.value.to_string()),
                owner: m.owner.as_ref().map(|o| o.value.to_string()),
            },
        );
    }
    for m in &mono.modules {
        for dep in &m.depends_on {
            d.add_dep(&m.name, &dep.to, dep.weight);
        }
        for t in &m.tables {
            d.accesses
                .insert((m.name.to_string(), t.name.to_string()), t.access);
        }
    }
    let names = |v: &[crate::model::Located<crate::source::Str>]| {
        v.iter().map(|x| x.value.to_string()).collect()
    };
    for u in &mono.use_cases {
        d.use_cases.push(UseCaseIn {
            name: u.name.to_string(),
            modules: names(&u.modules),
            reads: names(&u.reads),
            writes: names(&u.writes),
            weight: u.weight,
        });
    }
    d.keep_together = mono
        .constraints
        .keep_together
        .iter()
        .map(|g| names(g))
        .collect();
    d.keep_apart = mono
        .constraints
        .keep_apart
        .iter()
        .map(|g| names(g))
        .collect();
    d.target = mono
        .constraints
        .target_services
        .map(|t| (t.min as usize, t.max as usize));
    Ok(d)
}

// ---------------------------------------------------------------- CSV

/// Splits one CSV line (RFC 4180 quoting, no embedded newlines); byte offsets of each field.
fn csv_fields(line: &str) -> std::result::Result<Vec<(String, usize)>, usize> {
    let mut out = Vec::new();
    let bytes = line.as_bytes();
    let mut i = 0;
    loop {
        let start = i;
        let mut field = String::new();
        if bytes.get(i) == Some(&b'"') {
            i += 1;
            loop {
                match bytes.get(i) {
                    None => return Err(start),
                    Some(b'"') if bytes.get(i + 1) == Some(&b'"') => {
                        field.push('"');
                        i += 2;
                    }
                    Some(b'"') => {
                        i += 1;
                        break;
                    }
                    Some(_) => {
                        let ch = line[i..].chars().next().unwrap_or('\u{fffd}');
                        field.push(ch);
                        i += ch.len_utf8();
                    }
                }
            }
            // only spaces may follow a closing quote
            while bytes.get(i) == Some(&b' ') {
                i += 1;
            }
            if !matches!(bytes.get(i), None | Some(b',')) {
                return Err(i);
            }
        } else {
            let end = line[i..].find(',').map_or(line.len(), |p| i + p);
            field.push_str(line[i..end].trim());
            i = end;
        }
        out.push((field, start));
        if i >= line.len() {
            break;
        }
        i += 1; // the comma
        if i == line.len() {
            out.push((String::new(), i));
            break;
        }
    }
    Ok(out)
}

/// A CSV edge list: header `source,target[,weight]`; a row with an empty target declares a
/// module without dependencies.
pub fn parse_csv(sm: &SourceMap, id: u32, text: &str) -> Result<DecompInput> {
    let mut d = DecompInput {
        format: "csv",
        ..DecompInput::default()
    };
    let mut offset = 0usize;
    let mut header: Option<usize> = None;
    for raw in text.split_inclusive('\n') {
        let line_start = offset;
        offset += raw.len();
        let line = raw.trim_end_matches(['\n', '\r']);
        if line.trim().is_empty() {
            continue;
        }
        let fields = csv_fields(line).map_err(|p| {
            at(
                sm,
                id,
                line_start + p,
                line_start + p,
                "invalid-csv",
                tr!("input-csv-malformed-quote"),
            )
        })?;
        let Some(cols) = header else {
            let names: Vec<String> = fields.iter().map(|(f, _)| f.to_ascii_lowercase()).collect();
            if names != ["source", "target"] && names != ["source", "target", "weight"] {
                return Err(at(
                    sm,
                    id,
                    line_start,
                    line_start + line.len(),
                    "invalid-csv",
                    tr!("input-csv-bad-header", line = line),
                ));
            }
            header = Some(names.len());
            continue;
        };
        if fields.len() != cols {
            return Err(at(
                sm,
                id,
                line_start,
                line_start + line.len(),
                "invalid-csv",
                tr!("input-csv-field-count", cols = cols, n = fields.len()),
            ));
        }
        let (source, s_at) = &fields[0];
        let (target, _) = &fields[1];
        if source.is_empty() {
            return Err(at(
                sm,
                id,
                line_start + s_at,
                line_start + s_at,
                "invalid-csv",
                tr!("input-csv-empty-source"),
            ));
        }
        let mut weight = 1.0;
        if cols == 3 && !fields[2].0.is_empty() {
            let (w, w_at) = &fields[2];
            weight = w
                .parse::<f64>()
                .ok()
                .filter(|x| x.is_finite() && *x >= 0.0)
                .ok_or_else(|| {
                    at(
                        sm,
                        id,
                        line_start + w_at,
                        line_start + w_at + w.len(),
                        "invalid-csv",
                        tr!("input-bad-weight", value = w.as_str()),
                    )
                })?;
        }
        if target.is_empty() {
            d.modules.entry(source.clone()).or_default();
        } else {
            d.add_dep(source, target, weight);
        }
    }
    if header.is_none() {
        return Err(at(sm, id, 0, 0, "invalid-csv", tr!("input-csv-empty")));
    }
    if d.modules.is_empty() {
        return Err(at(
            sm,
            id,
            0,
            0,
            "nothing-to-decompose",
            tr!("input-csv-no-rows"),
        ));
    }
    Ok(d)
}

// ---------------------------------------------------------------- DOT

/// A token with its byte range, or a lexing error at a byte offset.
type Lexed = std::result::Result<Option<(Tok, usize, usize)>, (usize, String)>;

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Id(String),
    Punct(char),
    Edge,
}

struct Lexer<'a> {
    text: &'a str,
    i: usize,
}

impl<'a> Lexer<'a> {
    fn bytes(&self) -> &'a [u8] {
        self.text.as_bytes()
    }

    fn skip_trivia(&mut self) -> std::result::Result<(), (usize, String)> {
        let b = self.bytes();
        loop {
            while self.i < b.len() && b[self.i].is_ascii_whitespace() {
                self.i += 1;
            }
            // `#` starts a comment only as a line's first non-blank (cpp output lines)
            let hash_line = b.get(self.i) == Some(&b'#')
                && b[..self.i]
                    .iter()
                    .rev()
                    .take_while(|c| **c != b'\n')
                    .all(|c| c.is_ascii_whitespace());
            if b[self.i..].starts_with(b"//") || hash_line {
                while self.i < b.len() && b[self.i] != b'\n' {
                    self.i += 1;
                }
            } else if b[self.i..].starts_with(b"/*") {
                let start = self.i;
                match self.text[self.i + 2..].find("*/") {
                    Some(p) => self.i += p + 4,
                    None => return Err((start, tr!("input-dot-unterminated-comment"))),
                }
            } else {
                return Ok(());
            }
        }
    }

    /// Next token with its byte range; `None` at the end.
    fn next(&mut self) -> Lexed {
        self.skip_trivia()?;
        let b = self.bytes();
        let start = self.i;
        let Some(&c) = b.get(self.i) else {
            return Ok(None);
        };
        if c == b'-' && matches!(b.get(self.i + 1), Some(b'>' | b'-')) {
            self.i += 2;
            return Ok(Some((Tok::Edge, start, self.i)));
        }
        if b"{}[];,=:".contains(&c) {
            self.i += 1;
            return Ok(Some((Tok::Punct(c as char), start, self.i)));
        }
        if c == b'"' {
            let mut s = String::new();
            loop {
                self.i += 1; // opening quote
                loop {
                    let Some(ch) = self.text[self.i..].chars().next() else {
                        return Err((start, tr!("input-dot-unterminated-string")));
                    };
                    if ch == '"' {
                        self.i += 1;
                        break;
                    }
                    if ch == '\\' {
                        match self.text[self.i + 1..].chars().next() {
                            Some('"') => {
                                s.push('"');
                                self.i += 2;
                                continue;
                            }
                            Some('\n') => {
                                self.i += 2;
                                continue;
                            }
                            Some('\r') if b.get(self.i + 2) == Some(&b'\n') => {
                                self.i += 3;
                                continue;
                            }
                            _ => {}
                        }
                    }
                    s.push(ch);
                    self.i += ch.len_utf8();
                }
                // "a" + "b" concatenation
                let save = self.i;
                self.skip_trivia()?;
                if self.bytes().get(self.i) == Some(&b'+') {
                    self.i += 1;
                    self.skip_trivia()?;
                    if self.bytes().get(self.i) == Some(&b'"') {
                        continue;
                    }
                    return Err((self.i, tr!("input-dot-expected-string-after-plus")));
                }
                self.i = save;
                return Ok(Some((Tok::Id(s), start, self.i)));
            }
        }
        if c == b'<' {
            let mut depth = 0usize;
            while let Some(&ch) = b.get(self.i) {
                self.i += 1;
                match ch {
                    b'<' => depth += 1,
                    b'>' => {
                        depth -= 1;
                        if depth == 0 {
                            let s = self.text[start + 1..self.i - 1].to_string();
                            return Ok(Some((Tok::Id(s), start, self.i)));
                        }
                    }
                    _ => {}
                }
            }
            return Err((start, tr!("input-dot-unterminated-html")));
        }
        let is_id = |ch: char| ch.is_alphanumeric() || ch == '_' || ch == '.' || !ch.is_ascii();
        let first = self.text[self.i..].chars().next().unwrap_or(' ');
        if is_id(first)
            || (first == '-'
                && self.text[self.i + 1..].starts_with(|x: char| x.is_ascii_digit() || x == '.'))
        {
            self.i += first.len_utf8();
            while let Some(ch) = self.text[self.i..].chars().next() {
                if !is_id(ch) {
                    break;
                }
                self.i += ch.len_utf8();
            }
            return Ok(Some((
                Tok::Id(self.text[start..self.i].to_string()),
                start,
                self.i,
            )));
        }
        Err((
            start,
            tr!("input-dot-unexpected-character", char = first.to_string()),
        ))
    }
}

struct DotParser<'a> {
    sm: &'a SourceMap,
    file: u32,
    toks: Vec<(Tok, usize, usize)>,
    p: usize,
    end: usize,
    d: DecompInput,
    /// Node ids in the order they were met: a subgraph operand stands for the ids it added.
    seen: Vec<String>,
    /// Subgraph nesting, bounded so hostile input cannot exhaust the stack.
    depth: usize,
}

const MAX_DOT_DEPTH: usize = 128;

impl DotParser<'_> {
    fn err(&self, start: usize, end: usize, msg: String) -> Error {
        at(self.sm, self.file, start, end, "invalid-dot", msg)
    }
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.p).map(|t| &t.0)
    }
    fn here(&self) -> (usize, usize) {
        self.toks
            .get(self.p)
            .map_or((self.end, self.end), |t| (t.1, t.2))
    }
    fn expect(&mut self, c: char) -> Result<()> {
        if self.peek() == Some(&Tok::Punct(c)) {
            self.p += 1;
            Ok(())
        } else {
            let (s, e) = self.here();
            Err(self.err(
                s,
                e,
                tr!(
                    "input-dot-expected-punct",
                    punct = c.to_string(),
                    found = self.describe()
                ),
            ))
        }
    }
    fn describe(&self) -> String {
        match self.peek() {
            None => tr!("input-dot-end-of-file"),
            Some(Tok::Id(s)) => format!("`{s}`"),
            Some(Tok::Punct(c)) => format!("`{c}`"),
            Some(Tok::Edge) => tr!("input-dot-edge-operator"),
        }
    }
    fn keyword(&self, kw: &str) -> bool {
        matches!(self.peek(), Some(Tok::Id(s)) if s.eq_ignore_ascii_case(kw))
    }

    fn graph(&mut self) -> Result<()> {
        if self.keyword("strict") {
            self.p += 1;
        }
        if self.keyword("digraph") || self.keyword("graph") {
            self.p += 1;
        } else {
            let (s, e) = self.here();
            return Err(self.err(
                s,
                e,
                tr!("input-dot-expected-graph", found = self.describe()),
            ));
        }
        if matches!(self.peek(), Some(Tok::Id(_))) {
            self.p += 1;
        }
        self.expect('{')?;
        self.stmts()?;
        self.expect('}')?;
        if self.p < self.toks.len() {
            let (s, e) = self.here();
            return Err(self.err(s, e, tr!("input-dot-content-after-graph")));
        }
        Ok(())
    }

    fn stmts(&mut self) -> Result<()> {
        loop {
            match self.peek() {
                None | Some(Tok::Punct('}')) => return Ok(()),
                Some(Tok::Punct(';' | ',')) => self.p += 1,
                _ => self.stmt()?,
            }
        }
    }

    /// Attribute lists; returns the `weight` if one is given.
    fn attrs(&mut self) -> Result<Option<f64>> {
        let mut weight = None;
        while self.peek() == Some(&Tok::Punct('[')) {
            self.p += 1;
            loop {
                match self.peek() {
                    Some(Tok::Punct(']')) => {
                        self.p += 1;
                        break;
                    }
                    Some(Tok::Punct(';' | ',')) => self.p += 1,
                    Some(Tok::Id(k)) => {
                        let key = k.clone();
                        self.p += 1;
                        if self.peek() == Some(&Tok::Punct('=')) {
                            self.p += 1;
                            let (s, e) = self.here();
                            let Some(Tok::Id(v)) = self.peek().cloned() else {
                                return Err(self.err(
                                    s,
                                    e,
                                    tr!(
                                        "input-dot-expected-attribute-value",
                                        key = key.as_str(),
                                        found = self.describe()
                                    ),
                                ));
                            };
                            self.p += 1;
                            if key == "weight" {
                                let w =
                                    v.parse::<f64>().ok().filter(|w| w.is_finite() && *w >= 0.0);
                                weight = Some(w.ok_or_else(|| {
                                    self.err(s, e, tr!("input-bad-weight", value = v.as_str()))
                                })?);
                            }
                        }
                    }
                    _ => {
                        let (s, e) = self.here();
                        return Err(self.err(
                            s,
                            e,
                            tr!("input-dot-expected-attribute", found = self.describe()),
                        ));
                    }
                }
            }
        }
        Ok(weight)
    }

    /// A node id (with optional `:port[:compass]`) or a subgraph: the nodes it stands for.
    fn operand(&mut self) -> Result<Vec<String>> {
        if self.keyword("subgraph") || self.peek() == Some(&Tok::Punct('{')) {
            if self.keyword("subgraph") {
                self.p += 1;
                if matches!(self.peek(), Some(Tok::Id(_))) {
                    self.p += 1;
                }
            }
            let mark = self.collect_start();
            let (s, e) = self.here();
            self.depth += 1;
            if self.depth > MAX_DOT_DEPTH {
                return Err(self.err(s, e, tr!("input-dot-too-deep", limit = MAX_DOT_DEPTH)));
            }
            self.expect('{')?;
            self.stmts()?;
            self.expect('}')?;
            self.depth -= 1;
            return Ok(self.collect_end(mark));
        }
        let (s, e) = self.here();
        let Some(Tok::Id(id)) = self.peek().cloned() else {
            return Err(self.err(
                s,
                e,
                tr!("input-dot-expected-node", found = self.describe()),
            ));
        };
        self.p += 1;
        for _ in 0..2 {
            if self.peek() == Some(&Tok::Punct(':')) {
                self.p += 1;
                if matches!(self.peek(), Some(Tok::Id(_))) {
                    self.p += 1;
                }
            }
        }
        self.seen.push(id.clone());
        self.d.modules.entry(id.clone()).or_default();
        Ok(vec![id])
    }

    fn collect_start(&self) -> usize {
        self.seen.len()
    }
    fn collect_end(&self, mark: usize) -> Vec<String> {
        let mut v: Vec<String> = self.seen[mark..].to_vec();
        v.sort();
        v.dedup();
        v
    }

    fn stmt(&mut self) -> Result<()> {
        if (self.keyword("graph") || self.keyword("node") || self.keyword("edge"))
            && self.toks.get(self.p + 1).map(|t| &t.0) == Some(&Tok::Punct('['))
        {
            self.p += 1;
            self.attrs()?;
            return Ok(());
        }
        if matches!(self.peek(), Some(Tok::Id(_)))
            && self.toks.get(self.p + 1).map(|t| &t.0) == Some(&Tok::Punct('='))
        {
            self.p += 2; // ID = ID
            let (s, e) = self.here();
            if !matches!(self.peek(), Some(Tok::Id(_))) {
                return Err(self.err(
                    s,
                    e,
                    tr!("input-dot-expected-value", found = self.describe()),
                ));
            }
            self.p += 1;
            return Ok(());
        }
        let mut groups = vec![self.operand()?];
        while self.peek() == Some(&Tok::Edge) {
            self.p += 1;
            groups.push(self.operand()?);
        }
        let w = self.attrs()?;
        if groups.len() > 1 {
            let w = w.unwrap_or(1.0);
            for pair in groups.windows(2) {
                for a in &pair[0] {
                    for b in &pair[1] {
                        self.d.add_dep(a, b, w);
                    }
                }
            }
        }
        Ok(())
    }
}

/// A DOT graph (`digraph { "a" -> "b"; a -> b [weight=2]; }`): node and edge statements,
/// subgraphs (flattened), attributes (only `weight` is read), comments, quoted/HTML ids.
pub fn parse_dot(sm: &SourceMap, id: u32, text: &str) -> Result<DecompInput> {
    let mut lx = Lexer { text, i: 0 };
    let mut toks = Vec::new();
    loop {
        match lx.next() {
            Ok(Some(t)) => toks.push(t),
            Ok(None) => break,
            Err((p, msg)) => return Err(at(sm, id, p, p, "invalid-dot", msg)),
        }
    }
    let mut p = DotParser {
        sm,
        file: id,
        toks,
        p: 0,
        end: text.len(),
        d: DecompInput {
            format: "dot",
            ..DecompInput::default()
        },
        seen: Vec::new(),
        depth: 0,
    };
    p.graph()?;
    if p.d.modules.is_empty() {
        return Err(at(
            sm,
            id,
            0,
            0,
            "nothing-to-decompose",
            tr!("input-dot-no-nodes"),
        ));
    }
    Ok(p.d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dot(text: &str) -> Result<DecompInput> {
        let mut sm = SourceMap::default();
        let id = sm.add("g.dot".into(), "g.dot".into(), text.into());
        parse_dot(&sm, id, text)
    }

    #[test]
    fn dot_dialects() {
        let d = dot(concat!(
            "# preprocessor-style line\nstrict digraph G {\n",
            "  rankdir=LR; graph [splines=true]; edge [color=red]\n",
            "  \"com.a\" -> \"com.b\" [label=\"x\", weight=2.5];\n",
            "  \"com.a\" -> \"com.b\";\n",
            "  \"long\" + \"name\" -> <html<b>id</b>>;\n",
            "  p:port:n -> q\n",
            "  x -> {y z}; subgraph s { y } -> w [weight=0]\n",
            "  /* block\n comment */ lone;\n",
            "}\n"
        ))
        .unwrap();
        assert_eq!(d.deps[&("com.a".into(), "com.b".into())], 3.5);
        assert!(
            d.deps
                .contains_key(&("longname".into(), "html<b>id</b>".into()))
        );
        assert!(d.deps.contains_key(&("p".into(), "q".into())));
        assert!(d.deps.contains_key(&("x".into(), "z".into())));
        assert!(
            !d.deps.contains_key(&("y".into(), "w".into())),
            "weight 0 adds no evidence"
        );
        assert!(d.modules.contains_key("lone") && d.modules.contains_key("w"));
        let u = dot("graph { a -- b; b -- a }").unwrap();
        assert_eq!(u.deps.len(), 2);
    }

    #[test]
    fn dot_errors_are_located() {
        let e = dot("digraph {\n  a -> ;\n}").unwrap_err().to_string();
        assert!(e.starts_with("g.dot:2:8: expected a node id"), "{e}");
        let e = dot("digraph {\n  a -> b\n").unwrap_err().to_string();
        assert!(e.contains("expected `}`, found the end of the file"), "{e}");
        let e = dot("digraph { /* open").unwrap_err().to_string();
        assert!(e.starts_with("g.dot:1:11: unterminated comment"), "{e}");
        let e = dot("flowchart { a }").unwrap_err().to_string();
        assert!(e.starts_with("g.dot:1:1: expected `digraph`"), "{e}");
        let deep = format!("digraph {{ {} }}", "{".repeat(100_000));
        let e = dot(&deep).unwrap_err().to_string();
        assert!(e.contains("nested deeper than 128"), "{e}");
        let e = dot("digraph { a @ b }").unwrap_err().to_string();
        assert!(e.starts_with("g.dot:1:13: unexpected character `@`"), "{e}");
    }

    #[test]
    fn csv_fields_and_errors() {
        assert_eq!(
            csv_fields("\"a \"\"x\"\"\", b ,").unwrap(),
            vec![
                ("a \"x\"".to_string(), 0),
                ("b".to_string(), 10),
                (String::new(), 14)
            ]
        );
        let mut sm = SourceMap::default();
        let text = "Source, Target\nx,y\n\"open,z\n";
        let id = sm.add("e.csv".into(), "e.csv".into(), text.into());
        let e = parse_csv(&sm, id, text).unwrap_err().to_string();
        assert!(e.starts_with("e.csv:3:1: malformed quoted field"), "{e}");
    }

    #[test]
    fn sniffing() {
        assert_eq!(sniff(Path::new("x.gv"), ""), Format::Dot);
        assert_eq!(sniff(Path::new("x"), "// c\ndigraph {}"), Format::Dot);
        assert_eq!(sniff(Path::new("x"), "source,target\n"), Format::Csv);
        assert_eq!(
            sniff(Path::new("x"), "kind: stackfit/architecture\n"),
            Format::Architecture
        );
    }
}
