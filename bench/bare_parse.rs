//! The floor of the benchmarks: reads one YAML file and drains granit-parser's events with the
//! options stackfit uses, counting them, and nothing else. A cargo example (built with
//! `cargo build --release --example bare_parse`), so it never ships in a release.
//! Usage: bare_parse FILE

use granit_parser::{Event, Options, Parser};

fn main() {
    let path = std::env::args_os().nth(1).expect("usage: bare_parse FILE");
    let text = std::fs::read_to_string(path).expect("readable UTF-8 file");
    let mut options = Options::default();
    options.block_nesting_limit = 128;
    options.flow_nesting_limit = 128;
    let mut events = 0usize;
    let mut scalars = 0usize;
    for item in Parser::new_from_str_with_options(&text, options) {
        let (event, _span) = item.expect("valid YAML");
        events += 1;
        if let Event::Scalar(value, ..) = event {
            scalars += value.len();
        }
    }
    println!("{events} events, {scalars} scalar bytes");
}
