//! Fuzz target: the one reader's byte budget. Whatever the bytes and the limit, a read
//! succeeds exactly when the data fits the limit, and never returns more than it.
#![no_main]
use libfuzzer_sys::fuzz_target;
use stackfit::source::read::{Budget, read_limited};

fuzz_target!(|data: &[u8]| {
    let Some((&limit, rest)) = data.split_first() else {
        return;
    };
    let budget = Budget {
        max_file_bytes: u64::from(limit),
        max_total_bytes: u64::MAX,
        max_loads: u64::MAX,
        ..Budget::default()
    };
    match read_limited(rest, "fuzz", "file", &budget) {
        Ok(bytes) => {
            assert!(bytes.len() <= usize::from(limit));
            assert_eq!(bytes, rest);
        }
        Err(e) => {
            assert_eq!(e.code, "input-limit");
            assert!(rest.len() > usize::from(limit));
        }
    }
});
