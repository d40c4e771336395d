//! Compose variable interpolation: `$VAR`, `${VAR}`, `${VAR:-d}`, `${VAR-d}`, `${VAR:?e}`,
//! `${VAR?e}`, `${VAR:+r}`, `${VAR+r}` and `$$`, with nesting in defaults. Values come from one
//! lookup function; this module records which variables were unset and never logs a value.

use std::collections::BTreeSet;

use crate::tr;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InterpError {
    /// Byte offset in the input where the faulty expression starts.
    pub offset: usize,
    pub message: String,
}

/// Variables seen while interpolating: unset ones resolve to "" as Compose does (with a warning).
#[derive(Debug, Default, Clone)]
pub struct Usage {
    pub unset: BTreeSet<String>,
    /// Longest result one interpolation may produce (`None`: no limit). Variables that expand
    /// to other variables can grow exponentially (an "expansion bomb"); this stops them.
    pub max_len: Option<usize>,
}

impl Usage {
    pub fn limited(max_len: usize) -> Usage {
        Usage {
            max_len: Some(max_len),
            ..Usage::default()
        }
    }
}

fn is_name_start(c: u8) -> bool {
    c == b'_' || c.is_ascii_alphabetic()
}
fn is_name(c: u8) -> bool {
    c == b'_' || c.is_ascii_alphanumeric()
}

/// Interpolates `input`. `lookup` returns the value of a variable, `None` when unset.
pub fn interpolate(
    input: &str,
    lookup: &dyn Fn(&str) -> Option<String>,
    usage: &mut Usage,
) -> Result<String, InterpError> {
    if !input.contains('$') {
        return Ok(input.to_string());
    }
    interp(input, 0, lookup, usage, 0)
}

fn interp(
    s: &str,
    base: usize,
    lookup: &dyn Fn(&str) -> Option<String>,
    usage: &mut Usage,
    depth: usize,
) -> Result<String, InterpError> {
    if depth > 32 {
        return Err(InterpError {
            offset: base,
            message: tr!("compose-interp-too-deep"),
        });
    }
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    let mut lit = 0;
    while i < b.len() {
        if b[i] != b'$' {
            i += 1;
            continue;
        }
        out.push_str(&s[lit..i]);
        let start = i;
        match b.get(i + 1) {
            Some(b'$') => {
                out.push('$');
                i += 2;
            }
            Some(&c) if is_name_start(c) => {
                let mut j = i + 1;
                while j < b.len() && is_name(b[j]) {
                    j += 1;
                }
                let name = &s[i + 1..j];
                match lookup(name) {
                    Some(v) => out.push_str(&v),
                    None => {
                        usage.unset.insert(name.to_string());
                    }
                }
                i = j;
            }
            Some(b'{') => {
                let close = matching_brace(b, i + 2).ok_or_else(|| InterpError {
                    offset: base + start,
                    // The text itself may be a secret (an environment value): never echo it.
                    message: tr!("compose-interp-unclosed"),
                })?;
                let body = &s[i + 2..close];
                out.push_str(&braced(body, base + i + 2, lookup, usage, depth)?);
                i = close + 1;
            }
            _ => {
                // A `$` not followed by a name or `{` stays literal, as in Compose.
                out.push('$');
                i += 1;
            }
        }
        lit = i;
        if usage.max_len.is_some_and(|m| out.len() > m) {
            return Err(InterpError {
                offset: base + start,
                message: tr!(
                    "compose-interp-expansion-limit",
                    limit = usage.max_len.unwrap_or_default()
                ),
            });
        }
    }
    out.push_str(&s[lit..]);
    Ok(out)
}

/// Index of the `}` closing a `${` whose body starts at `from`.
fn matching_brace(b: &[u8], from: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut i = from;
    while i < b.len() {
        match b[i] {
            b'$' if b.get(i + 1) == Some(&b'$') => i += 1,
            b'$' if b.get(i + 1) == Some(&b'{') => {
                depth += 1;
                i += 1;
            }
            b'}' => {
                if depth == 0 {
                    return Some(i);
                }
                depth -= 1;
            }
            _ => {}
        }
        i += 1;
    }
    None
}

fn braced(
    body: &str,
    base: usize,
    lookup: &dyn Fn(&str) -> Option<String>,
    usage: &mut Usage,
    depth: usize,
) -> Result<String, InterpError> {
    let b = body.as_bytes();
    let bad = |msg: String| InterpError {
        offset: base.saturating_sub(2),
        message: msg,
    };
    if b.is_empty() || !is_name_start(b[0]) {
        return Err(bad(tr!("compose-interp-no-name")));
    }
    let mut j = 1;
    while j < b.len() && is_name(b[j]) {
        j += 1;
    }
    let name = &body[..j];
    let rest = &body[j..];
    let value = lookup(name);
    if rest.is_empty() {
        if value.is_none() {
            usage.unset.insert(name.to_string());
        }
        return Ok(value.unwrap_or_default());
    }
    let (op, word) = if let Some(w) = rest.strip_prefix(":-") {
        (":-", w)
    } else if let Some(w) = rest.strip_prefix(":?") {
        (":?", w)
    } else if let Some(w) = rest.strip_prefix(":+") {
        (":+", w)
    } else if let Some(w) = rest.strip_prefix('-') {
        ("-", w)
    } else if let Some(w) = rest.strip_prefix('?') {
        ("?", w)
    } else if let Some(w) = rest.strip_prefix('+') {
        ("+", w)
    } else {
        return Err(bad(tr!("compose-interp-bad-operator", name = name)));
    };
    let word_base = base + j + op.len();
    let empty = value.as_deref().is_none_or(str::is_empty);
    match op {
        ":-" if empty => interp(word, word_base, lookup, usage, depth + 1),
        "-" if value.is_none() => interp(word, word_base, lookup, usage, depth + 1),
        ":+" if !empty => interp(word, word_base, lookup, usage, depth + 1),
        "+" if value.is_some() => interp(word, word_base, lookup, usage, depth + 1),
        ":+" | "+" => Ok(String::new()),
        ":?" if empty => Err(required(name, word, base)),
        "?" if value.is_none() => Err(required(name, word, base)),
        _ => Ok(value.unwrap_or_default()),
    }
}

/// The error of `${NAME:?msg}`: `msg` is printed as written, never expanded, so that
/// `${X:?$CI_SECRET}` cannot turn a variable's value into a message.
fn required(name: &str, word: &str, base: usize) -> InterpError {
    InterpError {
        offset: base.saturating_sub(2),
        message: if word.is_empty() {
            tr!("compose-interp-required", name = name)
        } else {
            tr!("compose-interp-required-with", name = name, message = word)
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(name: &str) -> Option<String> {
        match name {
            "SET" => Some("v".into()),
            "EMPTY" => Some(String::new()),
            "N" => Some("3".into()),
            _ => None,
        }
    }
    fn run(s: &str) -> Result<String, InterpError> {
        interpolate(s, &env, &mut Usage::default())
    }

    #[test]
    fn required_messages_are_never_expanded() {
        let e = run("${MISSING:?token is $SET}").unwrap_err();
        assert!(e.message.ends_with("token is $SET"), "{}", e.message);
    }

    #[test]
    fn all_operators() {
        assert_eq!(run("${SET}").unwrap(), "v");
        assert_eq!(run("$SET/x").unwrap(), "v/x");
        assert_eq!(run("${UNSET:-d}").unwrap(), "d");
        assert_eq!(run("${EMPTY:-d}").unwrap(), "d");
        assert_eq!(run("${EMPTY-d}").unwrap(), "");
        assert_eq!(run("${UNSET-d}").unwrap(), "d");
        assert_eq!(run("${SET:+r}").unwrap(), "r");
        assert_eq!(run("${EMPTY:+r}").unwrap(), "");
        assert_eq!(run("${EMPTY+r}").unwrap(), "r");
        assert_eq!(run("${UNSET+r}").unwrap(), "");
        assert_eq!(run("$$HOME").unwrap(), "$HOME");
        assert_eq!(run("a $ b").unwrap(), "a $ b");
        assert_eq!(run("${UNSET:-${N:-1}}").unwrap(), "3");
        assert_eq!(run("${UNSET:-${ALSO:-x}y}").unwrap(), "xy");
    }

    #[test]
    fn required_variables() {
        let e = run("img:${TAG:?tag is required}").unwrap_err();
        assert_eq!(e.offset, 4);
        assert!(e.message.contains("TAG"));
        assert!(e.message.contains("tag is required"));
        assert!(run("${EMPTY?x}").is_ok());
        assert!(run("${EMPTY:?x}").is_err());
    }

    #[test]
    fn invalid_templates() {
        assert!(run("${").is_err());
        assert!(run("${}").is_err());
        assert!(run("${1A}").is_err());
        assert!(run("${A B}").is_err());
    }

    #[test]
    fn expansion_is_bounded() {
        let big = |_: &str| Some("x".repeat(1000));
        let mut u = Usage::limited(2500);
        assert!(interpolate("${A}${A}", &big, &mut u).is_ok());
        let e = interpolate("${A}${A}${A}", &big, &mut u).unwrap_err();
        assert!(e.message.contains("more than 2500 bytes"), "{e:?}");
    }

    #[test]
    fn unset_is_recorded() {
        let mut u = Usage::default();
        assert_eq!(interpolate("${X}${SET}$Y", &env, &mut u).unwrap(), "v");
        assert_eq!(u.unset.into_iter().collect::<Vec<_>>(), vec!["X", "Y"]);
    }
}
