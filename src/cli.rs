//! The command line (clap derive): subcommands, flags and the closed lists of formats. It
//! parses arguments only; what they mean is decided in `app`.

use std::path::PathBuf;

use clap::builder::{PossibleValue, TypedValueParser};
use clap::{Args, Parser, Subcommand, ValueEnum};

/// Accepts any text and offers words to shell completions (clap lists them as possible values):
/// the declared-fact keys for `--assume`, the rule ids for `explain`. Checking the text is the
/// command's job (it knows `--rules DIR` and gives located errors).
#[derive(Clone, Copy)]
pub struct Offer(fn() -> Vec<String>);

impl TypedValueParser for Offer {
    type Value = String;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<String, clap::Error> {
        clap::builder::StringValueParser::new().parse_ref(cmd, arg, value)
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new((self.0)().into_iter().map(PossibleValue::new)))
    }
}

/// `--assume` completions: `hosts=`, `availability=`…
fn assume_keys() -> Vec<String> {
    crate::model::declared::KEYS
        .iter()
        .map(|(k, _, _)| format!("{k}="))
        .collect()
}

/// `explain` completions: the built-in rule ids.
fn rule_ids() -> Vec<String> {
    crate::analysis::rules::RuleSet::builtin()
        .rules
        .into_iter()
        .map(|r| r.id)
        .collect()
}

#[derive(Debug, Parser)]
#[command(
    name = "stackfit",
    version,
    about = "Docker Compose or Kubernetes — or decompose the monolith first? A deployment-strategy advisor.",
    long_about = "stackfit reads docker-compose files into a service graph, scores it against rules \
kept as data, and recommends `compose`, `kubernetes`, `decompose-first` or an honest `borderline` \
with the questions that would decide it.\n\nExit codes: 0 analysed and nothing at or above \
--fail-on; 1 findings at or above --fail-on or --expect mismatch; 2 usage or configuration error; \
3 input error."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// Language of the human-readable text: en or ko (default: LC_ALL, LC_MESSAGES or LANG;
    /// English for any other locale). Ids, enum values and JSON keys stay English.
    #[arg(long, global = true, value_name = "LANG", value_parser = ["en", "ko"])]
    pub lang: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Recommend a deployment strategy for one system
    Analyze(AnalyzeArgs),
    /// Plan the move to Kubernetes: friction at its line, what each service becomes, waves
    Plan(AnalyzeArgs),
    /// Print the normalised service graph
    Graph(GraphArgs),
    /// List the rules
    Rules(RulesArgs),
    /// Explain one rule (by id or name), with its references
    Explain(ExplainArgs),
    /// List the sources the rules cite
    Sources(SourcesArgs),
    /// Split a monolith's modules (and tables) into candidate services
    Decompose(DecomposeArgs),
    /// Write a commented stackfit.toml with the questions the files cannot answer
    Init(InitArgs),
    /// Print shell completions
    Completions {
        #[arg(value_enum)]
        shell: Shell,
    },
    /// Print the man page (roff)
    Man,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
    Powershell,
    Elvish,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    #[command(flatten)]
    pub input: InputArgs,
}

/// Inputs shared by `analyze` and `graph`.
#[derive(Debug, Args, Clone, Default)]
pub struct InputArgs {
    /// Compose files or directories (discovered as `docker compose` does); `-` reads stdin.
    /// Without PATH, the compose file of the current directory (or its parents).
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// A compose file (repeatable; later files override earlier ones, as with docker compose -f)
    #[arg(short = 'f', long = "file", value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// An environment file for interpolation instead of the project's `.env` (repeatable)
    #[arg(long = "env-file", value_name = "FILE")]
    pub env_files: Vec<PathBuf>,
    /// Activate a Compose profile (repeatable; `*` activates all); default: COMPOSE_PROFILES
    #[arg(long = "profile", value_name = "NAME")]
    pub profiles: Vec<String>,
    /// Project name (as `docker compose -p`); default: the file's `name:` or its directory
    #[arg(short = 'p', long = "project-name", value_name = "NAME")]
    pub project_name: Option<String>,
    /// Force the input format (default: detected from each file's content)
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub input_format: Option<InputFormat>,
    /// The project root that files named by the inputs (include, extends, env_file) must stay
    /// inside; default: the git work tree of the first input, else its directory
    #[arg(long, value_name = "DIR")]
    pub project_directory: Option<PathBuf>,
    /// Let inputs name files outside the project root (also STACKFIT_ALLOW_OUTSIDE_ROOT=1);
    /// never settable from a file a pull request controls
    #[arg(long)]
    pub allow_outside_root: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AnalyzeFormat {
    /// A table for terminals (default when stdout is a terminal)
    Table,
    /// The versioned JSON report (schema_version 2)
    Json,
    /// SARIF 2.1.0 for GitHub code scanning
    Sarif,
    /// GitHub Actions annotations (workflow commands); also appends Markdown to
    /// $GITHUB_STEP_SUMMARY when that is set
    Github,
    /// GitLab Code Quality JSON
    Gitlab,
    /// JUnit XML for CI test reports
    Junit,
    /// Markdown for architecture reviews and PR comments, with a Mermaid service graph
    Markdown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum GraphFormat {
    Json,
    Dot,
    Mermaid,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Expect {
    Compose,
    Kubernetes,
    DecomposeFirst,
}

#[derive(Debug, Args)]
pub struct AnalyzeArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Output format, `FMT` to standard output (or `--output`) or `FMT=FILE`; repeatable, so
    /// one run writes SARIF, annotations and JSON from one report (default: table)
    #[arg(long, value_name = "FMT[=FILE]", value_parser = parse_format_target)]
    pub format: Vec<FormatTarget>,
    /// Write the report to FILE (atomically) instead of stdout
    #[arg(short = 'o', long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Exit 1 unless the outcome is this (a borderline outcome passes for its lean)
    #[arg(long, value_enum)]
    pub expect: Option<Expect>,
    /// Exit 1 when a finding has this severity or higher [default: error]
    #[arg(long, value_enum)]
    pub fail_on: Option<FailOn>,
    /// Declare a fact the files cannot show, e.g. `hosts=3` (repeatable)
    #[arg(long = "assume", value_name = "KEY=VALUE", value_parser = Offer(assume_keys), hide_possible_values = true)]
    pub assume: Vec<String>,
    /// Read rules from DIR instead of the built-in set (files with the same id replace built-ins)
    #[arg(long, value_name = "DIR")]
    pub rules: Option<PathBuf>,
    /// Config file (default: the nearest stackfit.toml above the first input)
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Ignore `# stackfit: ignore[RULE]` comments in the input files
    #[arg(long)]
    pub no_inline_ignores: bool,
    /// Also report each score line as a result (info) in every format
    #[arg(long)]
    pub report_scores: bool,
    /// Colour in the table: auto (a terminal, unless NO_COLOR; CLICOLOR_FORCE forces it)
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,
    /// Print only the verdict line (table) and errors
    #[arg(short, long)]
    pub quiet: bool,
}

/// One `--format` value: a format and, for `FMT=FILE`, where it goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormatTarget {
    pub format: AnalyzeFormat,
    pub file: Option<PathBuf>,
}

fn parse_format_target(s: &str) -> Result<FormatTarget, String> {
    let (name, file) = match s.split_once('=') {
        Some((n, f)) if !f.is_empty() => (n, Some(PathBuf::from(f))),
        Some(_) => return Err(format!("`{s}`: a file name must follow `=`")),
        None => (s, None),
    };
    let format = AnalyzeFormat::from_str(name, true).map_err(|_| {
        let names: Vec<String> = AnalyzeFormat::value_variants()
            .iter()
            .filter_map(|v| v.to_possible_value().map(|p| p.get_name().to_string()))
            .collect();
        format!(
            "invalid format `{name}` [possible values: {}]",
            names.join(", ")
        )
    })?;
    Ok(FormatTarget { format, file })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputFormat {
    /// Docker Compose files
    Compose,
    /// Kubernetes manifests (multi-document YAML, helm template / kustomize build output)
    Kubernetes,
    /// Backstage software catalog (catalog-info.yaml)
    Backstage,
    /// stackfit's architecture description (kind: stackfit/architecture)
    Architecture,
}

#[derive(Debug, Args)]
pub struct GraphArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Output format
    #[arg(long, value_enum, default_value = "json")]
    pub format: GraphFormat,
    /// Draw only this service (with the roles of its image) and its direct neighbours (dot, mermaid)
    #[arg(long, value_name = "SERVICE")]
    pub focus: Option<String>,
    /// Draw at most N nodes, the ones with the most edges; the rest become one summary node (dot, mermaid)
    #[arg(long, value_name = "N", default_value_t = crate::report::picture::DEFAULT_MAX_NODES)]
    pub max_nodes: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RulesFormat {
    Table,
    Json,
    Markdown,
}

#[derive(Debug, Args)]
pub struct RulesArgs {
    #[arg(long, value_enum, default_value = "table")]
    pub format: RulesFormat,
    /// Read rules from DIR instead of the built-in set
    #[arg(long, value_name = "DIR")]
    pub rules: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct SourcesArgs {
    /// A rules directory whose citations to show (default: the built-in rules)
    #[arg(long, value_name = "DIR")]
    pub rules: Option<PathBuf>,
}

#[derive(Debug, Args, Clone)]
pub struct ExplainArgs {
    /// Rule id (`R-HOSTS`) or name (`multi-host`)
    #[arg(value_parser = Offer(rule_ids), hide_possible_values = true)]
    pub rule: String,
    #[arg(long, value_name = "DIR")]
    pub rules: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DecomposeFormat {
    Table,
    Json,
    Markdown,
    Mermaid,
}

#[derive(Debug, Args)]
pub struct DecomposeArgs {
    /// An architecture description with a `monolith:` block, a DOT digraph (jdeps, madge,
    /// pydeps) or a CSV edge list with header `source,target[,weight]`
    #[arg(value_name = "INPUT")]
    pub input: PathBuf,
    /// Output format
    #[arg(long, value_enum, default_value = "table")]
    pub format: DecomposeFormat,
    /// Base seed of the clustering runs [default: 42]
    #[arg(long, value_name = "N")]
    pub seed: Option<u64>,
    /// Modularity resolution: higher gives more, smaller candidates [default: 1.2]
    #[arg(long, value_name = "R")]
    pub resolution: Option<f64>,
}

/// The command line in `lang`: the derive's English, or every about and help text replaced by
/// its translation (`help-<command>-<arg id>` in `locales/<lang>/help.ftl`), clap's own help
/// and version flags and headings included. Built first, so global flags are already copied into
/// every subcommand.
pub fn command(lang: crate::locale::Lang) -> clap::Command {
    use clap::CommandFactory;
    let mut cmd = Cli::command();
    if lang == crate::locale::Lang::En {
        return cmd;
    }
    cmd.build();
    localise(cmd, "stackfit", lang)
}

fn text(lang: crate::locale::Lang, id: &str) -> Option<String> {
    crate::locale::lookup(lang, id, &[])
}

fn localise(mut cmd: clap::Command, path: &str, lang: crate::locale::Lang) -> clap::Command {
    if let Some(t) = text(lang, &format!("help-{path}-about")) {
        cmd = cmd.about(t);
    }
    if cmd.get_long_about().is_some()
        && let Some(t) = text(lang, &format!("help-{path}-long-about"))
    {
        cmd = cmd.long_about(t);
    }
    let template = text(lang, "help-clap-usage").unwrap_or_else(|| "Usage:".into());
    cmd = cmd
        .help_template(format!(
            "{{before-help}}{{about-with-newline}}\n{template} {{usage}}\n\n{{all-args}}{{after-help}}"
        ))
        .subcommand_help_heading(text(lang, "help-clap-commands").unwrap_or_default());
    // clap writes the list of values (and their English descriptions) itself: in another
    // language the list follows the translated text instead.
    let args: Vec<(String, String, bool, Vec<String>)> = cmd
        .get_arguments()
        .map(|a| {
            let values = a
                .get_possible_values()
                .iter()
                .filter(|v| !v.is_hide_set())
                .map(|v| v.get_name().to_string())
                .collect();
            (
                a.get_id().to_string(),
                arg_key(path, a),
                a.is_positional(),
                values,
            )
        })
        .collect();
    for (id, key, positional, values) in args {
        let heading = text(
            lang,
            if positional {
                "help-clap-arguments"
            } else {
                "help-clap-options"
            },
        );
        let t = arg_text(lang, &key, &id).map(|t| {
            if values.is_empty() {
                t
            } else {
                let label = text(lang, "help-clap-values").unwrap_or_default();
                format!("{t} [{label} {}]", values.join(", "))
            }
        });
        cmd = cmd.mut_arg(&id, |a| {
            let a = a.hide_possible_values(true);
            let a = match heading {
                Some(h) => a.help_heading(h),
                None => a,
            };
            match t {
                Some(t) => a.help(t).long_help(None),
                None => a,
            }
        });
    }
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in subs {
        let p = child_path(path, &name);
        cmd = cmd.mut_subcommand(&name, |s| localise(s, &p, lang));
    }
    cmd
}

/// How help ids name a subcommand: by its name under the root, and under clap's `help`
/// subcommand (whose children repeat the commands' own texts); `help` itself is clap's.
fn child_path(path: &str, name: &str) -> String {
    if name == "help" {
        "clap-help-command".to_string()
    } else if path == "stackfit" || path == "clap-help-command" {
        name.to_string()
    } else {
        format!("{path}-{name}")
    }
}

/// The help id of an argument: global flags once under the root, clap's own flags as clap's.
fn arg_key(path: &str, a: &clap::Arg) -> String {
    match a.get_id().as_str() {
        id @ ("help" | "version") => format!("help-clap-{id}"),
        id if a.is_global_set() => format!("help-stackfit-{id}"),
        id => format!("help-{path}-{id}"),
    }
}

/// The text of an argument in `lang`: its command's own (`help-analyze-format`), else the one
/// shared by every command with that argument (`help-arg-paths`).
fn arg_text(lang: crate::locale::Lang, key: &str, id: &str) -> Option<String> {
    text(lang, key).or_else(|| text(lang, &format!("help-arg-{id}")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::locale::{Lang, has};

    /// (id, English) of every text `--help` shows, as `localise` names them.
    fn texts(cmd: &clap::Command, path: &str, out: &mut Vec<(String, String)>) {
        if let Some(a) = cmd.get_about() {
            out.push((format!("help-{path}-about"), a.to_string()));
        }
        if let Some(a) = cmd.get_long_about() {
            out.push((format!("help-{path}-long-about"), a.to_string()));
        }
        for a in cmd.get_arguments() {
            let key = arg_key(path, a);
            let english = a
                .get_long_help()
                .or(a.get_help())
                .map(|h| h.to_string())
                .unwrap_or_default();
            if !english.is_empty() {
                out.push((key, english));
            }
        }
        for s in cmd.get_subcommands() {
            texts(s, &child_path(path, s.get_name()), out);
        }
    }

    #[test]
    fn every_help_text_has_korean() {
        use clap::CommandFactory;
        let mut cmd = Cli::command();
        cmd.build();
        let mut all = Vec::new();
        texts(&cmd, "stackfit", &mut all);
        for id in [
            "help-clap-usage",
            "help-clap-commands",
            "help-clap-options",
            "help-clap-arguments",
            "help-clap-values",
        ] {
            all.push((id.to_string(), String::new()));
        }
        all.sort();
        all.dedup_by(|a, b| a.0 == b.0);
        // An argument's shared text (`help-arg-ID`) may stand for its commands' own only where
        // every command gives it the same English.
        let arg_of = |key: &str| key.rsplit('-').next().unwrap_or(key).to_string();
        let shared_ok = |key: &str, en: &str| {
            let id = arg_of(key);
            let generic = format!("help-arg-{id}");
            has(Lang::Ko, &generic)
                && all
                    .iter()
                    .filter(|(k, _)| arg_of(k) == id && !k.ends_with("about"))
                    .all(|(_, e)| e == en)
        };
        let missing: Vec<String> = all
            .iter()
            .filter(|(id, en)| !has(Lang::Ko, id) && !shared_ok(id, en))
            .map(|(id, en)| format!("{id} = {}", en.replace('\n', "\n    ")))
            .collect();
        assert!(
            missing.is_empty(),
            "--help texts without Korean (locales/ko/help.ftl):\n{}",
            missing.join("\n")
        );
    }

    #[test]
    fn korean_help_is_korean() {
        let mut cmd = command(Lang::Ko);
        let help = cmd.render_help().to_string();
        assert!(help.contains("사용법:"), "{help}");
        assert!(!help.contains("Print help"), "{help}");
        let mut analyze = command(Lang::Ko);
        let sub = analyze.find_subcommand_mut("analyze").unwrap();
        let help = sub.render_long_help().to_string();
        assert!(help.contains("--lang"), "{help}");
        assert!(!help.contains("Options:"), "{help}");
    }
}
