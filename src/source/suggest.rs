//! Did-you-mean: the closest known word to a misspelt one, by edit distance (`strsim`). The one
//! suggestion helper of the program; it knows no vocabulary of its own. Also compiled into the
//! build script (`build.rs`), so it uses nothing but `strsim`.

/// The candidate closest to `word` within `max` edits (ties: the first), if any.
pub fn closest<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
    max: usize,
) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::levenshtein(word, c), c))
        .filter(|(d, _)| *d <= max)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// ` (did you mean `x`?)` for a close candidate, else nothing: ready to append to a message.
pub fn did_you_mean<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> String {
    closest(word, candidates, 3)
        .map(|c| {
            // the build script shares this file and has no message files: it checks built-in
            // rules, whose messages are for the people who build stackfit
            #[cfg(stackfit_lib)]
            return crate::tr!("error-did-you-mean", candidate = c);
            #[cfg(not(stackfit_lib))]
            return format!(" (did you mean `{c}`?)");
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_within_three_edits_only() {
        assert_eq!(closest("host", ["hosts", "teams"], 3), Some("hosts"));
        assert_eq!(closest("colour", ["hosts", "teams"], 3), None);
        assert_eq!(
            did_you_mean("imge", ["image", "build"]),
            " (did you mean `image`?)"
        );
    }
}
