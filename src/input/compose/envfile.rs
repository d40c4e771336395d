//! `.env` / `env_file` parsing as Compose does it (`KEY=VALUE`, `export`, quotes, comments,
//! multi-line quoted values, `${VAR}` interpolation in unquoted and double-quoted values).
//! Values are secrets: this module returns them to the loader and never prints them.

use super::interpolate::{Usage, interpolate};
use crate::tr;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EnvError {
    /// Byte offset of the problem in the file.
    pub offset: usize,
    pub message: String,
}

/// Parses an env file. `outer` resolves variables not defined earlier in the file
/// (the process environment for `.env`, the project environment for `env_file`).
/// A bare `KEY` line takes its value from `outer`, and is dropped when that is unset.
pub fn parse(
    text: &str,
    outer: &dyn Fn(&str) -> Option<String>,
) -> Result<Vec<(String, String)>, EnvError> {
    let mut vars = Vars::default();
    // Values may expand earlier values (`B=$A$A`): bound the total so that a file of a few
    // lines cannot grow exponentially.
    let budget = text.len().saturating_mul(64).max(1 << 20);
    let mut total = 0usize;
    let b = text.as_bytes();
    let mut i = 0;
    let text_len = b.len();
    while i < text_len {
        // skip whitespace and blank lines
        while i < text_len && (b[i] == b' ' || b[i] == b'\t' || b[i] == b'\r' || b[i] == b'\n') {
            i += 1;
        }
        if i >= text_len {
            break;
        }
        if b[i] == b'#' {
            while i < text_len && b[i] != b'\n' {
                i += 1;
            }
            continue;
        }
        let line_start = i;
        if text[i..].starts_with("export ") || text[i..].starts_with("export\t") {
            i += 7;
            while i < text_len && (b[i] == b' ' || b[i] == b'\t') {
                i += 1;
            }
        }
        let key_start = i;
        while i < text_len && !matches!(b[i], b'=' | b'\n' | b'\r' | b' ' | b'\t' | b':') {
            i += 1;
        }
        let key = &text[key_start..i];
        if key.is_empty() || !key.bytes().all(|c| c.is_ascii_graphic()) {
            return Err(EnvError {
                offset: line_start,
                message: tr!("compose-env-invalid-line"),
            });
        }
        while i < text_len && (b[i] == b' ' || b[i] == b'\t') {
            i += 1;
        }
        if i >= text_len || b[i] == b'\n' || b[i] == b'\r' || b[i] == b'#' {
            // bare KEY: inherited from the environment
            while i < text_len && b[i] != b'\n' {
                i += 1;
            }
            let lookup = |n: &str| lookup_in(&vars, outer, n);
            if let Some(v) = lookup(key) {
                vars.set(key, v);
            }
            continue;
        }
        if b[i] != b'=' && b[i] != b':' {
            return Err(EnvError {
                offset: i,
                message: tr!("compose-env-expected-equals", key = key),
            });
        }
        i += 1;
        while i < text_len && (b[i] == b' ' || b[i] == b'\t') {
            i += 1;
        }
        let value = match b.get(i) {
            Some(&q @ (b'\'' | b'"')) => {
                let open = i;
                i += 1;
                let vstart = i;
                while i < text_len && b[i] != q {
                    if q == b'"' && b[i] == b'\\' {
                        i += 1;
                    }
                    i += 1;
                }
                if i >= text_len {
                    return Err(EnvError {
                        offset: open,
                        message: tr!("compose-env-unterminated", key = key),
                    });
                }
                let raw = &text[vstart..i];
                i += 1;
                // rest of line must be blank or a comment
                while i < text_len && b[i] != b'\n' {
                    i += 1;
                }
                if q == b'\'' {
                    raw.to_string()
                } else {
                    let unescaped = unescape(raw);
                    expand(&unescaped, &vars, outer, open)?
                }
            }
            _ => {
                let vstart = i;
                while i < text_len && b[i] != b'\n' {
                    if b[i] == b'#' && i > vstart && (b[i - 1] == b' ' || b[i - 1] == b'\t') {
                        break;
                    }
                    i += 1;
                }
                let raw = text[vstart..i].trim_end();
                while i < text_len && b[i] != b'\n' {
                    i += 1;
                }
                expand(raw, &vars, outer, vstart)?
            }
        };
        total = total.saturating_add(value.len());
        if total > budget {
            return Err(EnvError {
                offset: line_start,
                message: tr!("compose-env-expansion-limit", limit = budget),
            });
        }
        vars.set(key, value);
    }
    Ok(vars.list)
}

/// The variables read so far, in file order, with an index by name (a later line replaces an
/// earlier one in place): linear in the number of lines.
#[derive(Default)]
struct Vars {
    list: Vec<(String, String)>,
    index: std::collections::HashMap<String, usize>,
}

impl Vars {
    fn set(&mut self, key: &str, value: String) {
        match self.index.get(key) {
            Some(&i) => self.list[i].1 = value,
            None => {
                self.index.insert(key.to_string(), self.list.len());
                self.list.push((key.to_string(), value));
            }
        }
    }
    fn get(&self, key: &str) -> Option<&str> {
        self.index.get(key).map(|&i| self.list[i].1.as_str())
    }
}

fn lookup_in(vars: &Vars, outer: &dyn Fn(&str) -> Option<String>, name: &str) -> Option<String> {
    // The environment wins over the file itself, as for Compose's .env.
    outer(name).or_else(|| vars.get(name).map(str::to_string))
}

fn expand(
    raw: &str,
    vars: &Vars,
    outer: &dyn Fn(&str) -> Option<String>,
    at: usize,
) -> Result<String, EnvError> {
    let lookup = |n: &str| lookup_in(vars, outer, n);
    interpolate(raw, &lookup, &mut Usage::limited(MAX_VALUE)).map_err(|e| EnvError {
        offset: at + e.offset,
        message: e.message,
    })
}

/// Longest single value an env file may produce by expansion.
const MAX_VALUE: usize = 1 << 20;

fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n') => out.push('\n'),
                Some('r') => out.push('\r'),
                Some('t') => out.push('\t'),
                Some(o) => out.push(o),
                None => out.push('\\'),
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn none(_: &str) -> Option<String> {
        None
    }

    #[test]
    fn forms() {
        let v = parse(
            "# c\nA=1\nexport B = two # comment\nC='x ${A}'\nD=\"${A}\\n\"\nE=a#b\nF=\nG=${MISSING:-d}\n",
            &none,
        )
        .unwrap();
        let get = |k: &str| v.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str());
        assert_eq!(get("A"), Some("1"));
        assert_eq!(get("B"), Some("two"));
        assert_eq!(get("C"), Some("x ${A}"));
        assert_eq!(get("D"), Some("1\n"));
        assert_eq!(get("E"), Some("a#b"));
        assert_eq!(get("F"), Some(""));
        assert_eq!(get("G"), Some("d"));
    }

    #[test]
    fn multiline_and_errors() {
        let v = parse("K=\"a\nb\"\n", &none).unwrap();
        assert_eq!(v[0].1, "a\nb");
        assert!(parse("K=\"open\n", &none).is_err());
        assert!(parse("=x\n", &none).is_err());
    }
}
