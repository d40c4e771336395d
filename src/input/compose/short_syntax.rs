//! Compose's short string forms: `HOST:CONTAINER/proto` ports, `src:dst:mode` volumes and
//! shell-style command strings. String in, parts out; no tree, no errors of its own.

use crate::source::Str;

/// Splits `src:dst:mode`, keeping Windows drive letters (`C:\x`) together.
pub(super) fn split_volume(s: &str) -> Vec<Str> {
    let mut parts: Vec<Str> = Vec::new();
    let mut cur = Str::default();
    let chars: Vec<char> = s.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if c == ':' {
            let drive = cur.len() == 1
                && cur.chars().all(|x| x.is_ascii_alphabetic())
                && matches!(chars.get(i + 1), Some('\\') | Some('/'));
            if !drive {
                parts.push(std::mem::take(&mut cur));
                continue;
            }
        }
        cur.push(c);
    }
    parts.push(cur);
    parts
}

type ShortPort = (Str, Option<Str>, Option<Str>, Option<Str>);

/// `[[ip:]published:]target[/protocol]`, IPv6 hosts in brackets.
pub fn parse_short_port(text: &str) -> Option<ShortPort> {
    let t = text.trim();
    if t.is_empty() {
        return None;
    }
    let (body, protocol) = match t.rsplit_once('/') {
        Some((b, p)) => (b, Some(p.into())),
        None => (t, None),
    };
    let (host_ip, rest) = if let Some(r) = body.strip_prefix('[') {
        let (ip, after) = r.split_once(']')?;
        (Some(ip.into()), after.strip_prefix(':')?)
    } else {
        (None, body)
    };
    let parts: Vec<&str> = rest.split(':').collect();
    let valid = |p: &str| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit() || c == '-');
    let (ip, published, target) = match parts.as_slice() {
        [t] => (host_ip, None, *t),
        [p, t] if host_ip.is_some() => (host_ip, Some(*p), *t),
        [p, t] => (None, Some(*p), *t),
        [ip, p, t] if host_ip.is_none() => (Some((*ip).into()), Some(*p), *t),
        _ => return None,
    };
    if !valid(target) || published.is_some_and(|p| !p.is_empty() && !valid(p)) {
        return None;
    }
    Some((
        target.into(),
        published.filter(|p| !p.is_empty()).map(Str::from),
        ip,
        protocol,
    ))
}

/// POSIX-like word splitting of a `command:` string (quotes and backslashes).
pub fn shell_split(s: &str) -> Vec<Str> {
    let mut out = Vec::new();
    let mut cur = Str::default();
    let mut in_word = false;
    let mut chars = s.chars();
    let mut quote: Option<char> = None;
    while let Some(c) = chars.next() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some('"'), '\\') => {
                if let Some(n) = chars.next() {
                    cur.push(n);
                }
            }
            (Some(_), c) => cur.push(c),
            (None, '\'' | '"') => {
                quote = Some(c);
                in_word = true;
            }
            (None, '\\') => {
                if let Some(n) = chars.next() {
                    cur.push(n);
                    in_word = true;
                }
            }
            (None, c) if c.is_whitespace() => {
                if in_word {
                    out.push(std::mem::take(&mut cur));
                    in_word = false;
                }
            }
            (None, c) => {
                cur.push(c);
                in_word = true;
            }
        }
    }
    if in_word {
        out.push(cur);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_ports() {
        assert_eq!(
            parse_short_port("80"),
            Some(("80".into(), None, None, None))
        );
        assert_eq!(
            parse_short_port("127.0.0.1:8080:80/udp"),
            Some((
                "80".into(),
                Some("8080".into()),
                Some("127.0.0.1".into()),
                Some("udp".into())
            ))
        );
        assert_eq!(
            parse_short_port("[::1]:80:80"),
            Some(("80".into(), Some("80".into()), Some("::1".into()), None))
        );
        assert_eq!(
            parse_short_port("3000-3005:3000-3005").unwrap().0,
            "3000-3005"
        );
        assert!(parse_short_port("abc").is_none());
    }

    #[test]
    fn volumes_and_commands() {
        assert_eq!(split_volume("./a:/b:ro"), vec!["./a", "/b", "ro"]);
        assert_eq!(split_volume("C:\\x:/y"), vec!["C:\\x", "/y"]);
        assert_eq!(
            shell_split("sh -c 'echo a b' \"x y\""),
            vec!["sh", "-c", "echo a b", "x y"]
        );
    }
}
