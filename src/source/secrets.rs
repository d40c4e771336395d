//! Values that came into the input through interpolation, noted when substituted and taken out
//! of every printed text again (README.md, "Hostile input"). A process is one run, so the register
//! is process-wide. It knows no formats: messages go through [`redact_message`], identifier
//! fields (image, container_name, build, restart, profiles) through [`redact_identifier`].

use std::borrow::Cow;
use std::sync::Mutex;

struct Noted {
    name: String,
    value: String,
}

/// The noted values: from the process environment (CI secrets live there) and from project
/// files, each deduplicated and sorted longest first when a text is redacted (noting sits on
/// the interpolation path, redacting on the rare output of a message).
#[derive(Default)]
struct Register {
    seen: std::collections::HashSet<(bool, String, String)>,
    process: Vec<Noted>,
    files: Vec<Noted>,
    sorted: bool,
}

static NOTED: Mutex<Option<Register>> = Mutex::new(None);

/// Values shorter than this are not searched for: they would mangle ordinary text ("line 1")
/// and carry no secret worth the name.
const MIN_LEN: usize = 3;

/// Notes that variable `name` was looked up with `value`.
pub fn note(name: &str, value: &str, from_process: bool) {
    // Booleans are no secrets, and replacing them would garble ordinary words in messages.
    if value.len() < MIN_LEN
        || matches!(
            value,
            "true" | "false" | "yes" | "TRUE" | "FALSE" | "True" | "False"
        )
    {
        return;
    }
    let mut guard = NOTED.lock().unwrap_or_else(|e| e.into_inner());
    let r = guard.get_or_insert_with(Register::default);
    if !r
        .seen
        .insert((from_process, name.to_string(), value.to_string()))
    {
        return;
    }
    let n = Noted {
        name: name.to_string(),
        value: value.to_string(),
    };
    if from_process {
        r.process.push(n);
    } else {
        r.files.push(n);
    }
    r.sorted = false;
}

/// `None` when nothing in `text` is to be redacted (the caller keeps its own copy).
fn redact(text: &str, only_process: bool) -> Option<String> {
    let mut guard = NOTED.lock().unwrap_or_else(|e| e.into_inner());
    let r = guard.as_mut()?;
    if !r.sorted {
        // Longest first, so that a value containing another is replaced whole.
        let order =
            |a: &Noted, b: &Noted| b.value.len().cmp(&a.value.len()).then(a.name.cmp(&b.name));
        r.process.sort_by(order);
        r.files.sort_by(order);
        r.sorted = true;
    }
    let mut all: Vec<&Noted> = r.process.iter().collect();
    if !only_process {
        all.extend(r.files.iter());
        all.sort_by(|a, b| b.value.len().cmp(&a.value.len()).then(a.name.cmp(&b.name)));
    }
    let mut out: Option<String> = None;
    for x in all {
        let cur = out.as_deref().unwrap_or(text);
        if cur.contains(&x.value) {
            out = Some(cur.replace(&x.value, &format!("${{{}}}", x.name)));
        }
    }
    out
}

/// A message: no interpolated value of any origin is printed; each shows as `${NAME}`.
pub fn redact_message(text: &str) -> String {
    redact(text, false).unwrap_or_else(|| text.to_string())
}

/// An identifier field: substitutions from project files stay, those from the process
/// environment show as `${NAME}`.
pub fn redact_identifier(text: &str) -> Cow<'_, str> {
    redact(text, true).map_or(Cow::Borrowed(text), Cow::Owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_show_as_their_variable() {
        note("SECRET_TOKEN_T", "s3cr3t-value", true);
        note("TAG_T", "release-7", false);
        assert_eq!(
            redact_message("image acme/app:release-7 with s3cr3t-value"),
            "image acme/app:${TAG_T} with ${SECRET_TOKEN_T}"
        );
        assert_eq!(
            redact_identifier("acme/app:release-7-s3cr3t-value"),
            "acme/app:release-7-${SECRET_TOKEN_T}"
        );
        note("SHORT_T", "ab", true);
        assert_eq!(redact_message("ab"), "ab");
    }
}
