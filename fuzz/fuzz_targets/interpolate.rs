//! Fuzz target: Compose variable interpolation.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let lookup = |name: &str| (name.len() % 2 == 0).then(|| name.to_string());
        let _ = stackfit::input::compose::interpolate::interpolate(text, &lookup, &mut Default::default());
    }
});
