//! Where users meet stackfit: the GitHub Action's shell steps run locally against a fixture,
//! the pre-commit hook runs for real with `pre-commit try-repo` in a throwaway repository, and
//! the README gallery's Graphviz renderings come from `stackfit graph --format dot`.

use crate::common;

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The action's `run:` lines must call the scripts this test runs.
#[test]
fn action_yml_runs_the_tested_scripts() {
    let text = std::fs::read_to_string(root().join("action.yml")).unwrap();
    let docs =
        stackfit::input::yaml::parse(&text, 0, stackfit::input::yaml::Budget::for_len(text.len()))
            .unwrap();
    let steps = docs[0]
        .get("runs")
        .unwrap()
        .get("steps")
        .unwrap()
        .as_seq()
        .unwrap();
    let runs: Vec<&str> = steps
        .iter()
        .filter_map(|s| s.get("run").and_then(|r| r.as_str()))
        .collect();
    assert_eq!(
        runs,
        [
            "bash \"$GITHUB_ACTION_PATH/scripts/action/install.sh\"",
            "bash \"$GITHUB_ACTION_PATH/scripts/action/analyze.sh\""
        ]
    );
    let inputs = docs[0].get("inputs").unwrap().as_map().unwrap();
    let names: Vec<&str> = inputs.iter().map(|e| e.key.as_str()).collect();
    for n in ["path", "expect", "fail-on", "args", "sarif-file"] {
        assert!(names.contains(&n), "input {n} missing");
    }
}

struct ActionRun {
    code: Option<i32>,
    stdout: String,
    outputs: String,
    summary: String,
    sarif: serde_json::Value,
}

/// A release directory laid out as `dist` publishes one: `v<version>/stackfit-<target>.tar.xz`
/// with the binary inside `stackfit-<target>/`, and its `.sha256`. `corrupt` spoils the sum.
fn fake_release(dir: &Path, corrupt: bool) -> String {
    let version = env!("CARGO_PKG_VERSION");
    let target = "x86_64-unknown-linux-gnu";
    let stage = dir.join("stage").join(format!("stackfit-{target}"));
    std::fs::create_dir_all(&stage).unwrap();
    std::fs::copy(env!("CARGO_BIN_EXE_stackfit"), stage.join("stackfit")).unwrap();
    let rel = dir.join("releases").join(format!("v{version}"));
    std::fs::create_dir_all(&rel).unwrap();
    let archive = format!("stackfit-{target}.tar.xz");
    let ok = Command::new("tar")
        .env("XZ_OPT", "-0 -T2") // the debug binary is large: compress fast
        .args(["-cJf"])
        .arg(rel.join(&archive))
        .arg("-C")
        .arg(dir.join("stage"))
        .arg(format!("stackfit-{target}"))
        .status()
        .unwrap();
    assert!(ok.success(), "tar");
    let sum = Command::new("sha256sum")
        .arg(&archive)
        .current_dir(&rel)
        .output()
        .unwrap();
    let mut text = String::from_utf8(sum.stdout).unwrap();
    if corrupt {
        text = format!("{}{}", "0".repeat(64), &text[64..]);
    }
    std::fs::write(rel.join(format!("{archive}.sha256")), text).unwrap();
    format!("file://{}", dir.join("releases").display())
}

fn run_action(env: &[(&str, &str)]) -> ActionRun {
    let tmp = tempfile::tempdir().unwrap();
    let runner_temp = tmp.path().join("runner");
    let bin_dir = runner_temp.join("stackfit/bin");
    let base = fake_release(tmp.path(), false);
    let workspace = tmp.path().join("workspace");
    std::fs::create_dir_all(&workspace).unwrap();
    std::fs::copy(
        root().join("examples/microservices/compose.yaml"),
        workspace.join("compose.yaml"),
    )
    .unwrap();
    let files = ["github_path", "github_output", "step_summary"].map(|f| tmp.path().join(f));
    for f in &files {
        std::fs::write(f, "").unwrap();
    }
    let step = |script: &str| {
        let mut c = Command::new("bash");
        c.arg(root().join("scripts/action").join(script))
            .current_dir(&workspace)
            .env("STACKFIT_RELEASE_BASE", &base)
            .env("RUNNER_OS", "Linux")
            .env("RUNNER_ARCH", "X64")
            .env("GITHUB_ACTION_PATH", root())
            .env("RUNNER_TEMP", &runner_temp)
            .env("GITHUB_PATH", &files[0])
            .env("GITHUB_OUTPUT", &files[1])
            .env("GITHUB_STEP_SUMMARY", &files[2])
            .env("GITHUB_ACTIONS", "true");
        for (k, v) in env {
            c.env(k, v);
        }
        c.output().unwrap()
    };
    let install = step("install.sh");
    assert!(
        install.status.success(),
        "install.sh: {}",
        String::from_utf8_lossy(&install.stderr)
    );
    let said = String::from_utf8_lossy(&install.stdout).to_string();
    assert!(
        said.contains("installed stackfit") && said.contains(".tar.xz"),
        "{said}"
    );
    // The second run finds the binary the cache would restore.
    let again = step("install.sh");
    assert!(String::from_utf8_lossy(&again.stdout).contains("restored from the cache"));
    assert_eq!(
        std::fs::read_to_string(&files[0])
            .unwrap()
            .lines()
            .next()
            .unwrap(),
        bin_dir.to_str().unwrap()
    );
    let out = step("analyze.sh");
    let sarif_text = std::fs::read_to_string(workspace.join("stackfit.sarif")).unwrap();
    ActionRun {
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).to_string(),
        outputs: std::fs::read_to_string(&files[1]).unwrap(),
        summary: std::fs::read_to_string(&files[2]).unwrap(),
        sarif: serde_json::from_str(&sarif_text).unwrap(),
    }
}

#[test]
fn github_action_steps_produce_sarif_annotations_summary_and_outputs() {
    let r = run_action(&[
        ("INPUT_PATH", "."),
        ("INPUT_FAIL_ON", "error"),
        ("INPUT_EXPECT", "kubernetes"),
    ]);
    assert_eq!(r.code, Some(0), "{}", r.stdout);
    assert_eq!(r.sarif["version"], "2.1.0");
    assert_eq!(r.sarif["runs"][0]["properties"]["outcome"], "kubernetes");
    assert!(
        r.stdout
            .contains("::notice title=stackfit recommendation::kubernetes"),
        "{}",
        r.stdout
    );
    assert!(r.summary.contains("kubernetes"), "{}", r.summary);
    assert!(r.outputs.contains("outcome=kubernetes\n"), "{}", r.outputs);
    assert!(r.outputs.contains("sarif-file=stackfit.sarif\n"));
}

#[test]
fn github_action_fails_on_expect_mismatch() {
    let r = run_action(&[
        ("INPUT_EXPECT", "compose"),
        ("INPUT_ARGS", "--assume hosts=3"),
    ]);
    assert_eq!(r.code, Some(1));
    assert!(r.stdout.contains("::error"), "{}", r.stdout);
    assert_eq!(r.sarif["runs"][0]["properties"]["outcome"], "kubernetes");
}

#[test]
#[ignore = "needs pre-commit and the network (the hook builds stackfit from crates.io): set STACKFIT_PRE_COMMIT"]
fn pre_commit_hook_runs_with_try_repo() {
    let pre_commit = common::tool("STACKFIT_PRE_COMMIT", "--version");
    let tmp = tempfile::tempdir().unwrap();
    let repo = tmp.path();
    let git = |args: &[&str]| {
        let o = Command::new("git")
            .args(args)
            .current_dir(repo)
            .output()
            .unwrap();
        assert!(
            o.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
    };
    git(&["init", "-q"]);
    git(&["config", "user.email", "ci@example.com"]);
    git(&["config", "user.name", "ci"]);
    std::fs::copy(
        root().join("examples/small-app/compose.yaml"),
        repo.join("compose.yaml"),
    )
    .unwrap();
    git(&["add", "compose.yaml"]);
    let run = |args: &[&str]| {
        Command::new(&pre_commit)
            .args([
                "try-repo",
                root().to_str().unwrap(),
                "stackfit",
                "--all-files",
            ])
            .args(args)
            .current_dir(repo)
            .env("PRE_COMMIT_HOME", tmp.path().join(".cache"))
            .env("CARGO_TARGET_DIR", tmp.path().join(".cache/target"))
            .output()
            .unwrap()
    };
    let ok = run(&[]);
    let text = String::from_utf8_lossy(&ok.stdout);
    assert!(
        ok.status.success(),
        "hook failed on a clean system:\n{text}{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    assert!(
        text.contains("stackfit (deployment strategy)") && text.contains("Passed"),
        "{text}"
    );
    // A broken compose file must fail the hook (exit 3 inside).
    std::fs::write(repo.join("compose.yaml"), "services:\n  web: [\n").unwrap();
    git(&["add", "compose.yaml"]);
    let bad = run(&[]);
    let text = String::from_utf8_lossy(&bad.stdout);
    assert!(!bad.status.success(), "{text}");
    assert!(text.contains("compose.yaml:"), "{text}");
}

const GALLERY: [&str; 5] = [
    "small-app",
    "role-split-monolith",
    "microservices",
    "scaling-monolith",
    "backstage",
];

#[test]
fn gallery_dot_files_come_from_stackfit_graph() {
    for ex in GALLERY {
        let out = common::stackfit()
            .current_dir(root())
            .args(["graph", &format!("examples/{ex}"), "--format", "dot"])
            .output()
            .unwrap();
        let committed =
            std::fs::read_to_string(root().join(format!("docs/gallery/{ex}.dot"))).unwrap();
        assert_eq!(
            String::from_utf8_lossy(&out.stdout),
            committed,
            "docs/gallery/{ex}.dot is stale"
        );
        let committed_png = std::fs::read(root().join(format!("docs/gallery/{ex}.png"))).unwrap();
        assert_eq!(
            &committed_png[..8],
            b"\x89PNG\r\n\x1a\n",
            "docs/gallery/{ex}.png"
        );
    }
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    for ex in &GALLERY[..4] {
        assert!(
            readme.contains(&format!("docs/gallery/{ex}.png")),
            "README gallery lacks {ex}"
        );
    }
}

#[test]
#[ignore = "needs Graphviz: set STACKFIT_DOT to the `dot` program"]
fn gallery_dot_files_render_with_graphviz() {
    let dot = common::tool("STACKFIT_DOT", "-V");
    for ex in GALLERY {
        let png = tempfile::NamedTempFile::new().unwrap();
        let render = Command::new(&dot)
            .args(["-Tpng", "-Gdpi=80", "-o"])
            .arg(png.path())
            .arg(root().join(format!("docs/gallery/{ex}.dot")))
            .output()
            .unwrap();
        assert!(
            render.status.success(),
            "{}",
            String::from_utf8_lossy(&render.stderr)
        );
        let bytes = std::fs::read(png.path()).unwrap();
        assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
    }
}

#[test]
fn github_action_refuses_an_archive_whose_checksum_does_not_match() {
    let tmp = tempfile::tempdir().unwrap();
    let base = fake_release(tmp.path(), true);
    let runner_temp = tmp.path().join("runner");
    let path_file = tmp.path().join("github_path");
    std::fs::write(&path_file, "").unwrap();
    let out = Command::new("bash")
        .arg(root().join("scripts/action/install.sh"))
        .env("STACKFIT_RELEASE_BASE", &base)
        .env("RUNNER_OS", "Linux")
        .env("RUNNER_ARCH", "X64")
        .env("GITHUB_ACTION_PATH", root())
        .env("RUNNER_TEMP", &runner_temp)
        .env("GITHUB_PATH", &path_file)
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("checksum mismatch"));
    assert!(
        !runner_temp.join("stackfit/bin/stackfit").exists(),
        "nothing installed"
    );
    assert_eq!(std::fs::read_to_string(&path_file).unwrap(), "");
}
