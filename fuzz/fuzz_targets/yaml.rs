//! Fuzz target: the positioned YAML tree builder (anchors, merge keys, budgets).
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = stackfit::input::yaml::parse(text, 0, stackfit::input::yaml::Budget::for_len(text.len()));
    }
});
