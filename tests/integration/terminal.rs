//! The table on a real terminal (a pseudo-terminal from util-linux `script`, 80 columns): no
//! line wider than the terminal in display columns (Hangul counts two), colour on a terminal,
//! none with `NO_COLOR`, colour through a pipe with `CLICOLOR_FORCE`.

use crate::common;

use std::path::Path;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Runs stackfit on an 80-column pseudo-terminal; returns what the terminal received.
fn on_tty(args: &str, env: &str) -> String {
    let script = common::tool("STACKFIT_SCRIPT", "-V");
    let bin = env!("CARGO_BIN_EXE_stackfit");
    let cmd = format!("stty cols 80 rows 200; env -i PATH=/usr/bin:/bin {env} {bin} {args}");
    let o = std::process::Command::new(script)
        .args(["-qec", &cmd, "/dev/null"])
        .current_dir(root())
        .output()
        .unwrap();
    String::from_utf8(o.stdout).unwrap().replace("\r\n", "\n")
}

fn without_colour(s: &str) -> String {
    regex_lite::Regex::new("\x1b\\[[0-9;]*m")
        .unwrap()
        .replace_all(s, "")
        .into_owned()
}

#[test]
#[ignore = "needs a pseudo-terminal: set STACKFIT_SCRIPT to util-linux `script`"]
fn the_table_fits_an_80_column_terminal_in_both_languages() {
    for lang in ["en", "ko"] {
        for ex in [
            "small-app",
            "role-split-monolith",
            "microservices",
            "scaling-monolith",
        ] {
            let out = on_tty(&format!("--lang {lang} analyze examples/{ex}"), "");
            assert!(out.contains("stackfit:"), "{out}");
            for l in without_colour(&out).lines() {
                let w = stackfit::locale::width(l);
                assert!(w <= 80, "{lang} {ex}: {w} columns: {l}");
            }
        }
        let out = on_tty(&format!("--lang {lang} rules"), "");
        for l in without_colour(&out).lines() {
            assert!(stackfit::locale::width(l) <= 80, "rules {lang}: {l}");
        }
    }
}

#[test]
#[ignore = "needs a pseudo-terminal: set STACKFIT_SCRIPT to util-linux `script`"]
fn colour_follows_the_terminal_no_color_and_clicolor_force() {
    let coloured = on_tty("analyze examples/microservices", "");
    assert!(
        coloured.contains("\x1b["),
        "no colour on a terminal: {coloured}"
    );
    let plain = on_tty("analyze examples/microservices", "NO_COLOR=1");
    assert!(!plain.contains("\x1b["), "colour despite NO_COLOR: {plain}");
    assert_eq!(without_colour(&coloured), plain);
    // through a pipe: plain, unless CLICOLOR_FORCE asks for colour
    let piped = common::stackfit()
        .current_dir(root())
        .args(["analyze", "examples/microservices"])
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&piped.stdout).contains("\x1b["));
    let forced = common::stackfit()
        .current_dir(root())
        .env("CLICOLOR_FORCE", "1")
        .args(["analyze", "examples/microservices"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&forced.stdout).contains("\x1b["));
}
