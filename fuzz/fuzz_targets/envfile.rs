//! Fuzz target: `.env` / `env_file` parsing.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = stackfit::input::compose::envfile::parse(text, &|_| None);
    }
});
