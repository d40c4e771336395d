//! Values that came into the input through interpolation, noted when substituted and taken out
//! of every printed text again (README.md, "Hostile input and fuzzing"). A process is one run, so the register
//! is process-wide. It knows no formats: messages go through [`redact_message`], identifier
//! fields (image, container_name, build, restart, profiles) through [`redact_identifier`].

use std::sync::Mutex;

struct Noted {
    name: String,
    value: String,
    /// From the process environment (CI secrets live there), not from a project file.
    from_process: bool,
}

static NOTED: Mutex<Vec<Noted>> = Mutex::new(Vec::new());

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
    let mut n = NOTED.lock().unwrap_or_else(|e| e.into_inner());
    if n.iter().any(|x| x.name == name && x.value == value) {
        return;
    }
    n.push(Noted {
        name: name.to_string(),
        value: value.to_string(),
        from_process,
    });
    // Longest first, so that a value containing another is replaced whole.
    n.sort_by(|a, b| b.value.len().cmp(&a.value.len()).then(a.name.cmp(&b.name)));
}

fn redact(text: &str, only_process: bool) -> String {
    let n = NOTED.lock().unwrap_or_else(|e| e.into_inner());
    let mut out = text.to_string();
    for x in n.iter().filter(|x| x.from_process || !only_process) {
        if out.contains(&x.value) {
            out = out.replace(&x.value, &format!("${{{}}}", x.name));
        }
    }
    out
}

/// A message: no interpolated value of any origin is printed; each shows as `${NAME}`.
pub fn redact_message(text: &str) -> String {
    redact(text, false)
}

/// An identifier field: substitutions from project files stay, those from the process
/// environment show as `${NAME}`.
pub fn redact_identifier(text: &str) -> String {
    redact(text, true)
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
