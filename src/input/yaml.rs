//! The only caller of the YAML parser: turns text into positioned, untyped trees with
//! anchors, aliases and merge keys (`<<`) applied, duplicate keys refused and resource budgets
//! enforced. It knows nothing about Compose, Kubernetes or stackfit's own formats.
//!
//! Built on `granit-parser` (the event parser under serde-saphyr): the Compose loader must
//! interpolate and merge *before* typing, so it needs a tree that keeps every position, not a
//! typed deserializer.

use std::collections::{HashMap, HashSet};

use granit_parser::{Event, Options, Parser, ScalarStyle};

use crate::source::{Pos, Span, Str};
use crate::tr;

/// A YAML node with its position and tag.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub kind: Kind,
    pub pos: Pos,
    /// Local or core tag as written (`!reset`, `!override`, `tag:yaml.org,2002:str`); behind
    /// one thin pointer, as almost no node has one.
    pub tag: Option<Box<Str>>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    /// A scalar keeps its source text; `plain` is false for quoted and block scalars, which
    /// are always strings. Typing happens late, as Compose does it.
    Scalar {
        text: Str,
        plain: bool,
    },
    Seq(Vec<Node>),
    Map(Vec<Entry>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub key: Str,
    pub key_pos: Pos,
    pub value: Node,
}

/// Limits that protect against hostile input. They scale with the input size so that large
/// real files (10,000 services) load while alias bombs do not.
#[derive(Debug, Clone, Copy)]
pub struct Budget {
    pub max_nodes: usize,
    pub max_depth: usize,
    pub max_documents: usize,
}

impl Budget {
    pub fn for_len(len: usize) -> Budget {
        Budget {
            // Every real file we know expands aliases by far less than 8× its byte size.
            max_nodes: (len.saturating_mul(8)).clamp(200_000, 50_000_000),
            max_depth: 128,
            max_documents: 10_000,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YamlError {
    pub span: Span,
    /// `invalid-yaml` for syntax errors, `input-limit` for everything else.
    pub code: &'static str,
    pub message: String,
    /// Where the parser noticed a syntax error, when the cause (`span`) lies elsewhere.
    pub noticed: Option<Span>,
}

impl YamlError {
    /// The stopping error: `invalid-yaml` for syntax, `input-limit` for budgets, located at the
    /// cause with the place the parser noticed as the related location.
    pub fn into_error(self, sm: &crate::source::SourceMap) -> crate::error::Error {
        let mut e = crate::error::Error::input(self.code, self.message).at(sm, self.span);
        e.related = self.noticed.map(|n| sm.location(n));
        e.related_as = "error-related-noticed";
        e
    }
}

/// Where a syntax error's cause is, when it is not where the parser noticed it: a tab in the
/// indentation of the noticed line or the next one, or a flow collection (`[`, `{`) left open
/// before a later line starts a block key. Returns the cause's offset and the message.
fn syntax_cause(text: &str, at: usize, info: &str) -> Option<(usize, String)> {
    let at = at.min(text.len());
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    if info.contains("tab") {
        let mut start = line_start;
        for _ in 0..2 {
            let line = text[start..].split('\n').next().unwrap_or("");
            let indent = line.len() - line.trim_start_matches([' ', '\t']).len();
            if let Some(i) = line[..indent].find('\t') {
                return Some((start + i, tr!("input-yaml-tab")));
            }
            start += line.len() + 1;
            if start > text.len() {
                break;
            }
        }
        return None;
    }
    // open flow collections up to the error, outside quotes and comments
    let mut open: Vec<(usize, char)> = Vec::new();
    let mut quote: Option<char> = None;
    let mut comment = false;
    let mut prev = '\n';
    let mut chars = text[..at].char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if comment {
            if c == '\n' {
                comment = false;
            }
        } else if let Some(q) = quote {
            if q == '"' && c == '\\' {
                chars.next();
            } else if c == q {
                quote = None;
            }
        } else {
            match c {
                '#' if prev.is_whitespace() => comment = true,
                '"' | '\''
                    if !open.is_empty()
                        || matches!(prev, ' ' | ':' | '-' | '\n' | '[' | '{' | ',') =>
                {
                    quote = Some(c)
                }
                '[' | '{' => open.push((i, c)),
                ']' | '}' => {
                    open.pop();
                }
                _ => {}
            }
        }
        prev = c;
    }
    let (i, c) = *open.last()?;
    // only when a later line reads as a block key: the collection was abandoned, not continued
    let after_open = text[i..at].find('\n').map(|n| i + n + 1)?;
    let abandoned = text[after_open..line_start.max(after_open)]
        .lines()
        .chain(std::iter::once(
            text[line_start..].lines().next().unwrap_or(""),
        ))
        .any(|l| {
            let t = l.trim_start();
            t.split_once(':').is_some_and(|(k, rest)| {
                !k.is_empty()
                    && k.bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b"_.-".contains(&b))
                    && (rest.is_empty() || rest.starts_with(' '))
            })
        });
    abandoned.then(|| {
        let close = if c == '[' { ']' } else { '}' };
        (
            i,
            tr!(
                "input-yaml-unclosed",
                open = c.to_string(),
                close = close.to_string()
            ),
        )
    })
}

impl Node {
    pub fn as_map(&self) -> Option<&[Entry]> {
        match &self.kind {
            Kind::Map(e) => Some(e),
            _ => None,
        }
    }
    pub fn as_map_mut(&mut self) -> Option<&mut Vec<Entry>> {
        match &mut self.kind {
            Kind::Map(e) => Some(e),
            _ => None,
        }
    }
    pub fn as_seq(&self) -> Option<&[Node]> {
        match &self.kind {
            Kind::Seq(e) => Some(e),
            _ => None,
        }
    }
    /// The scalar text, if this is a scalar that is not null.
    pub fn as_str(&self) -> Option<&str> {
        match &self.kind {
            Kind::Scalar { text, .. } if !self.is_null() => Some(text),
            _ => None,
        }
    }
    pub fn is_null(&self) -> bool {
        match &self.kind {
            Kind::Scalar { text, plain } => {
                *plain
                    && self.tag.is_none()
                    && matches!(text.as_str(), "" | "~" | "null" | "Null" | "NULL")
            }
            _ => false,
        }
    }
    pub fn is_scalar(&self) -> bool {
        matches!(self.kind, Kind::Scalar { .. })
    }
    /// YAML 1.2 core-schema booleans only: `yes`/`on` stay strings, as in Docker Compose.
    pub fn as_bool(&self) -> Option<bool> {
        match &self.kind {
            Kind::Scalar { text, .. } => match text.as_str() {
                "true" | "True" | "TRUE" => Some(true),
                "false" | "False" | "FALSE" => Some(false),
                _ => None,
            },
            _ => None,
        }
    }
    pub fn as_i64(&self) -> Option<i64> {
        match &self.kind {
            Kind::Scalar { text, .. } => parse_int(text),
            _ => None,
        }
    }
    pub fn as_f64(&self) -> Option<f64> {
        match &self.kind {
            Kind::Scalar { text, .. } => parse_int(text)
                .map(|i| i as f64)
                .or_else(|| text.trim().parse::<f64>().ok()),
            _ => None,
        }
    }
    pub fn get(&self, key: &str) -> Option<&Node> {
        self.as_map()?
            .iter()
            .find(|e| e.key == key)
            .map(|e| &e.value)
    }
    pub fn entry(&self, key: &str) -> Option<&Entry> {
        self.as_map()?.iter().find(|e| e.key == key)
    }
    pub fn type_name(&self) -> &'static str {
        match &self.kind {
            Kind::Scalar { .. } if self.is_null() => "null",
            Kind::Scalar { .. } if self.as_bool().is_some() => "boolean",
            Kind::Scalar { .. } if self.as_f64().is_some() => "number",
            Kind::Scalar { .. } => "string",
            Kind::Seq(_) => "sequence",
            Kind::Map(_) => "mapping",
        }
    }
    /// [`Node::type_name`] in words of the language in use, for messages.
    pub fn type_label(&self) -> String {
        match self.type_name() {
            "null" => tr!("input-type-null"),
            "boolean" => tr!("input-type-boolean"),
            "number" => tr!("input-type-number"),
            "string" => tr!("input-type-string"),
            "sequence" => tr!("input-type-sequence"),
            _ => tr!("input-type-mapping"),
        }
    }
    pub fn has_tag(&self, tag: &str) -> bool {
        self.tag.as_deref().is_some_and(|t| t == tag)
    }
    pub fn scalar(text: impl Into<Str>, pos: Pos) -> Node {
        Node {
            kind: Kind::Scalar {
                text: text.into(),
                plain: false,
            },
            pos,
            tag: None,
        }
    }
    fn count(&self) -> usize {
        match &self.kind {
            Kind::Scalar { .. } => 1,
            Kind::Seq(items) => 1 + items.iter().map(Node::count).sum::<usize>(),
            Kind::Map(entries) => 1 + entries.iter().map(|e| 1 + e.value.count()).sum::<usize>(),
        }
    }
    fn set_via(&mut self, via: Span) {
        if self.pos.via().is_none() {
            self.pos.set_via(via);
        }
        match &mut self.kind {
            Kind::Scalar { .. } => {}
            Kind::Seq(items) => items.iter_mut().for_each(|n| n.set_via(via)),
            Kind::Map(entries) => entries.iter_mut().for_each(|e| {
                if e.key_pos.via().is_none() {
                    e.key_pos.set_via(via);
                }
                e.value.set_via(via);
            }),
        }
    }
}

/// Integers as YAML 1.2 core schema reads them (decimal, `0o`, `0x`), with an optional sign.
pub fn parse_int(text: &str) -> Option<i64> {
    let t = text.trim();
    let (neg, body) = match t.strip_prefix('-') {
        Some(b) => (true, b),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    let v = if let Some(h) = body.strip_prefix("0x") {
        i64::from_str_radix(h, 16).ok()?
    } else if let Some(o) = body.strip_prefix("0o") {
        i64::from_str_radix(o, 8).ok()?
    } else if !body.is_empty() && body.bytes().all(|b| b.is_ascii_digit()) {
        body.parse::<i64>().ok()?
    } else {
        return None;
    };
    Some(if neg { -v } else { v })
}

/// An open collection. Its children wait on the parser's shared stacks (`items`, `entries`)
/// from `first` on and move into a list of exactly their number when it closes: no list
/// grows by doubling or keeps spare room while the tree is alive.
enum Frame {
    Seq {
        first: usize,
        start: u32,
        anchor: usize,
        tag: Option<Box<Str>>,
    },
    Map {
        first: usize,
        key: Option<(Str, Pos)>,
        /// Hashes of the keys, filled once a mapping grows past a few entries.
        seen: HashSet<u64>,
        merges: Vec<Node>,
        start: u32,
        anchor: usize,
        tag: Option<Box<Str>>,
    },
}

fn key_hash(k: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    k.hash(&mut h);
    h.finish()
}

fn tag_string(tag: Option<&granit_parser::Tag>) -> Option<Box<Str>> {
    let t = tag?;
    Some(Box::new(compact_str::format_compact!(
        "{}{}",
        t.handle(),
        t.suffix()
    )))
}

/// Parses every document of `text` (file id `file`) into trees.
pub fn parse(text: &str, file: u32, budget: Budget) -> Result<Vec<Node>, YamlError> {
    let mut options = Options::default();
    options.block_nesting_limit = budget.max_depth;
    options.flow_nesting_limit = budget.max_depth;
    let parser = Parser::new_from_str_with_options(text, options);
    let mut docs = Vec::new();
    let mut stack: Vec<Frame> = Vec::new();
    let mut items: Vec<Node> = Vec::new();
    let mut entries: Vec<Entry> = Vec::new();
    let mut anchors: HashMap<usize, Node> = HashMap::new();
    let mut nodes = 0usize;
    let offset = |m: &granit_parser::Marker| -> u32 {
        m.byte_offset().unwrap_or_else(|| {
            text.char_indices()
                .nth(m.index())
                .map_or(text.len(), |c| c.0)
        }) as u32
    };
    let span_of = |s: &granit_parser::Span| Span {
        file,
        start: offset(&s.start),
        end: offset(&s.end),
    };
    // Syntax errors are `invalid-yaml`; budgets and structural refusals `input-limit`.
    let err = |span: Span, message: String| YamlError {
        span,
        code: "input-limit",
        message,
        noticed: None,
    };
    let syntax = |span: Span, message: String| YamlError {
        span,
        code: "invalid-yaml",
        message,
        noticed: None,
    };

    for item in parser {
        let (event, span) = match item {
            Ok(x) => x,
            Err(e) => {
                let at = offset(e.marker());
                let noticed = Span {
                    file,
                    start: at,
                    end: at,
                };
                let message = tr!("input-yaml-invalid", info = e.info());
                return Err(match syntax_cause(text, at as usize, &e.info()) {
                    Some((cause, why)) => YamlError {
                        span: Span {
                            file,
                            start: cause as u32,
                            end: cause as u32 + 1,
                        },
                        code: "invalid-yaml",
                        message: tr!("input-yaml-cause", why = why, info = e.info()),
                        noticed: Some(noticed),
                    },
                    None => syntax(noticed, message),
                });
            }
        };
        let sp = span_of(&span);
        let done: Option<(Node, usize)> = match event {
            Event::StreamStart | Event::StreamEnd | Event::DocumentEnd => None,
            Event::DocumentStart(..) => {
                anchors.clear();
                if docs.len() >= budget.max_documents {
                    return Err(err(
                        sp,
                        tr!(
                            "input-yaml-too-many-documents",
                            limit = budget.max_documents
                        ),
                    ));
                }
                None
            }
            Event::Scalar(value, style, anchor, tag) => {
                nodes += 1;
                let tag = tag_string(tag.as_deref());
                let plain = matches!(style, ScalarStyle::Plain)
                    && !tag.as_deref().is_some_and(|t| t.ends_with(":str"));
                Some((
                    Node {
                        kind: Kind::Scalar {
                            text: Str::from(value),
                            plain,
                        },
                        pos: Pos::new(sp),
                        tag,
                    },
                    anchor,
                ))
            }
            Event::SequenceStart(_, anchor, tag) => {
                nodes += 1;
                if stack.len() >= budget.max_depth {
                    return Err(err(
                        sp,
                        tr!("input-yaml-too-deep", limit = budget.max_depth),
                    ));
                }
                stack.push(Frame::Seq {
                    first: items.len(),
                    start: sp.start,
                    anchor,
                    tag: tag_string(tag.as_deref()),
                });
                None
            }
            Event::MappingStart(_, anchor, tag) => {
                nodes += 1;
                if stack.len() >= budget.max_depth {
                    return Err(err(
                        sp,
                        tr!("input-yaml-too-deep", limit = budget.max_depth),
                    ));
                }
                stack.push(Frame::Map {
                    first: entries.len(),
                    key: None,
                    seen: HashSet::new(),
                    merges: Vec::new(),
                    start: sp.start,
                    anchor,
                    tag: tag_string(tag.as_deref()),
                });
                None
            }
            Event::SequenceEnd => match stack.pop() {
                Some(Frame::Seq {
                    first,
                    start,
                    anchor,
                    tag,
                }) => Some((
                    Node {
                        kind: Kind::Seq(items.drain(first..).collect()),
                        pos: Pos::new(Span {
                            file,
                            start,
                            end: sp.end.max(start),
                        }),
                        tag,
                    },
                    anchor,
                )),
                _ => return Err(syntax(sp, tr!("input-yaml-unbalanced-sequence"))),
            },
            Event::MappingEnd => match stack.pop() {
                Some(Frame::Map {
                    first,
                    merges,
                    start,
                    anchor,
                    tag,
                    ..
                }) => {
                    let mut own: Vec<Entry> = entries.drain(first..).collect();
                    if !merges.is_empty() {
                        apply_merges(&mut own, merges)?;
                        own.shrink_to_fit();
                    }
                    Some((
                        Node {
                            kind: Kind::Map(own),
                            pos: Pos::new(Span {
                                file,
                                start,
                                end: sp.end.max(start),
                            }),
                            tag,
                        },
                        anchor,
                    ))
                }
                _ => return Err(syntax(sp, tr!("input-yaml-unbalanced-mapping"))),
            },
            Event::Alias(id) => {
                let Some(target) = anchors.get(&id) else {
                    return Err(err(sp, tr!("input-yaml-unknown-alias")));
                };
                nodes = nodes.saturating_add(target.count());
                if nodes > budget.max_nodes {
                    return Err(err(
                        sp,
                        tr!("input-yaml-alias-bomb", limit = budget.max_nodes),
                    ));
                }
                let mut copy = target.clone();
                copy.set_via(sp);
                Some((copy, 0))
            }
            Event::UnresolvedAlias(_) => return Err(err(sp, tr!("input-yaml-unknown-alias"))),
            _ => None,
        };
        if nodes > budget.max_nodes {
            return Err(err(
                sp,
                tr!("input-yaml-too-many-nodes", limit = budget.max_nodes),
            ));
        }
        let Some((node, anchor)) = done else { continue };
        if anchor != 0 {
            anchors.insert(anchor, node.clone());
        }
        match stack.last_mut() {
            None => docs.push(node),
            Some(Frame::Seq { .. }) => items.push(node),
            Some(Frame::Map {
                first,
                key,
                seen,
                merges,
                ..
            }) => match key.take() {
                None => {
                    let null = node.is_null();
                    let Kind::Scalar { text, plain } = node.kind else {
                        return Err(err(node.pos.primary(), tr!("input-yaml-key-not-string")));
                    };
                    // the key's text moves out of its node: no copy per key
                    let text = if null && plain {
                        Str::const_new("null")
                    } else {
                        text
                    };
                    *key = Some((text, node.pos));
                }
                Some((k, kpos)) => {
                    if k == "<<" && kpos.via().is_none() {
                        merges.push(node);
                    } else {
                        let own = &entries[*first..];
                        // Small mappings are scanned; large ones (a 10,000-service file)
                        // keep a set of key hashes, confirmed by a scan on a hit.
                        let duplicate = if own.len() < 16 {
                            own.iter().any(|e| e.key == k)
                        } else {
                            if seen.is_empty() {
                                seen.extend(own.iter().map(|e| key_hash(&e.key)));
                            }
                            !seen.insert(key_hash(&k)) && own.iter().any(|e| e.key == k)
                        };
                        if duplicate {
                            return Err(err(
                                kpos.primary(),
                                tr!("input-yaml-duplicate-key", key = k.as_str()),
                            ));
                        }
                        entries.push(Entry {
                            key: k,
                            key_pos: kpos,
                            value: node,
                        });
                    }
                }
            },
        }
    }
    Ok(docs)
}

/// Applies YAML merge keys: explicit keys win, then earlier merge sources over later ones.
fn apply_merges(entries: &mut Vec<Entry>, merges: Vec<Node>) -> Result<(), YamlError> {
    if merges.is_empty() {
        return Ok(());
    }
    let mut present: HashSet<Str> = entries.iter().map(|e| e.key.clone()).collect();
    let mut merged: Vec<Entry> = Vec::new();
    for source in merges {
        let sources: Vec<Node> = match source.kind {
            Kind::Map(_) => vec![source],
            Kind::Seq(items) => items,
            _ => {
                return Err(YamlError {
                    span: source.pos.primary(),
                    code: "input-limit",
                    message: tr!("input-yaml-merge-needs-mapping"),
                    noticed: None,
                });
            }
        };
        for s in sources {
            let via = s.pos.via();
            let Kind::Map(es) = s.kind else {
                return Err(YamlError {
                    span: s.pos.primary(),
                    code: "input-limit",
                    message: tr!("input-yaml-merge-needs-mapping"),
                    noticed: None,
                });
            };
            for mut e in es {
                if present.insert(e.key.clone()) {
                    if let Some(v) = via {
                        if e.key_pos.via().is_none() {
                            e.key_pos.set_via(v);
                        }
                        e.value.set_via(v);
                    }
                    merged.push(e);
                }
            }
        }
    }
    entries.extend(merged);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Node {
        parse(text, 0, Budget::for_len(text.len()))
            .unwrap()
            .remove(0)
    }

    #[test]
    fn merge_keys_are_applied_with_explicit_keys_winning() {
        let n = doc("x: &d\n  restart: always\n  image: a\ns:\n  <<: *d\n  image: b\n");
        let s = n.get("s").unwrap();
        assert_eq!(s.get("image").unwrap().as_str(), Some("b"));
        let restart = s.get("restart").unwrap();
        assert_eq!(restart.as_str(), Some("always"));
        // defined at line 2, used through the alias on line 5
        assert_eq!(restart.pos.at.start, 17);
        assert!(restart.pos.via().is_some());
    }

    #[test]
    fn merge_list_earlier_source_wins() {
        let n = doc("a: &a {k: 1}\nb: &b {k: 2, j: 3}\nc:\n  <<: [*a, *b]\n");
        let c = n.get("c").unwrap();
        assert_eq!(c.get("k").unwrap().as_i64(), Some(1));
        assert_eq!(c.get("j").unwrap().as_i64(), Some(3));
    }

    #[test]
    fn syntax_errors_point_at_their_cause() {
        let cause = |t: &str| {
            let e = parse(t, 0, Budget::for_len(t.len())).unwrap_err();
            let line = t[..e.span.start as usize].matches('\n').count() + 1;
            let col = e.span.start as usize
                - t[..e.span.start as usize].rfind('\n').map_or(0, |i| i + 1)
                + 1;
            (line, col, e.message, e.noticed.is_some())
        };
        let (l, c, m, noticed) = cause("services:\n  web:\n    image: nginx\n\tports: [\"80\"]\n");
        assert_eq!((l, c, noticed), (4, 1, true), "{m}");
        assert!(m.contains("a tab in the indentation"), "{m}");
        let (l, c, m, _) =
            cause("services:\n  web:\n    ports: [\"80\", \"81\"\n  db:\n    image: pg\n");
        assert_eq!((l, c), (3, 12), "{m}");
        assert!(m.contains("`[` is never closed"), "{m}");
        // a flow sequence continued on the next line is no cause; quotes and comments hide brackets
        let (_, _, m, noticed) = cause("a: [1,\n  2]\nb: \"[\" # [\nc: : :\n");
        assert!(!noticed && !m.contains("never closed"), "{m}");
    }

    #[test]
    fn yes_stays_a_string_and_quotes_are_not_plain() {
        let n = doc("a: yes\nb: 'true'\nc: true\nd: ~\n");
        assert_eq!(n.get("a").unwrap().as_bool(), None);
        assert_eq!(n.get("a").unwrap().as_str(), Some("yes"));
        assert_eq!(n.get("c").unwrap().as_bool(), Some(true));
        assert!(n.get("d").unwrap().is_null());
        assert!(!n.get("b").unwrap().is_null());
    }

    #[test]
    fn duplicate_keys_are_errors() {
        let e = parse("a: 1\nb: 2\na: 3\n", 0, Budget::for_len(20)).unwrap_err();
        assert!(e.message.contains("duplicate"), "{e:?}");
        assert_eq!(e.span.start, 10);
    }

    #[test]
    fn tags_are_kept() {
        let n = doc("p: !reset []\nq: !override {a: 1}\n");
        assert!(n.get("p").unwrap().has_tag("!reset"));
        assert!(n.get("q").unwrap().has_tag("!override"));
    }

    #[test]
    fn alias_bomb_is_refused() {
        let mut t = String::from("a: &a [x, x, x, x, x, x, x, x, x]\n");
        let mut prev = 'a';
        for c in 'b'..='j' {
            t.push_str(&format!(
                "{c}: &{c} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"
            ));
            prev = c;
        }
        let e = parse(&t, 0, Budget::for_len(t.len())).unwrap_err();
        assert!(e.message.contains("alias"), "{e:?}");
    }

    #[test]
    fn deep_nesting_is_refused() {
        let t = "[".repeat(10_000);
        assert!(parse(&t, 0, Budget::for_len(t.len())).is_err());
        let mut b = String::new();
        for i in 0..500 {
            b.push_str(&" ".repeat(i));
            b.push_str("a:\n");
        }
        assert!(parse(&b, 0, Budget::for_len(b.len())).is_err());
    }

    #[test]
    fn multiple_documents() {
        let d = parse("a: 1\n---\nb: 2\n", 0, Budget::for_len(10)).unwrap();
        assert_eq!(d.len(), 2);
    }

    #[test]
    fn ints() {
        assert_eq!(parse_int("0x1f"), Some(31));
        assert_eq!(parse_int("-3"), Some(-3));
        assert_eq!(parse_int("3.5"), None);
        assert_eq!(parse_int(""), None);
    }
}
