//! Assembles the analysis report: runs the stages of `analysis` over a loaded model
//! (graph, facts, rules, recommendation, hints), applies suppressions and turns fired rules into
//! findings. No I/O, no rendering.

use std::collections::BTreeMap;

use crate::analysis::facts::{FactName, Facts};
use crate::analysis::graph::ServiceGraph;
use crate::analysis::rules::{Fired, RuleKind, RuleSet, Severity};
use crate::analysis::{hints, recommend};
use crate::model::Model;
use crate::model::declared::{DeclaredFacts, Origin};
use crate::report::analysis::{
    FactOut, Finding, FindingKind, Report, Suppressed, TOOL, origin_source,
};
use crate::report::{GraphReport, SCHEMA_VERSION};
use crate::source::{Location, Pos, SourceMap};
use crate::tr;

/// A suppression from a `# stackfit: ignore[RULE] reason` comment or an `x-stackfit` ignore.
#[derive(Debug, Clone)]
struct Suppression {
    rules: Vec<String>,
    reason: String,
    /// Where it is written.
    at: Location,
    scope: Scope,
    used: bool,
}

#[derive(Debug, Clone)]
enum Scope {
    /// The comment's line and the line below it, in one file.
    Line { file: String, line: usize },
    /// The whole system (top-level `x-stackfit: {ignore: …}`).
    All,
    /// One service's definition (lines in a file).
    Lines {
        file: String,
        from: usize,
        to: usize,
    },
}

pub struct Options<'a> {
    pub inline_ignores: bool,
    pub inputs: Vec<String>,
    pub expect: Option<&'a str>,
    /// The config file used, by display name.
    pub config: Option<String>,
    /// `--report-scores`: the score lines are findings (severity info) too.
    pub report_scores: bool,
    /// `stackfit plan`: the migration plan whatever the outcome.
    pub plan: bool,
}

fn inline_suppressions(sm: &SourceMap) -> Vec<Suppression> {
    let mut out = Vec::new();
    for f in &sm.files {
        for (i, line) in f.text.lines().enumerate() {
            let Some(hash) = line.find('#') else { continue };
            let comment = line[hash + 1..].trim_start();
            let Some(rest) = comment.strip_prefix("stackfit:") else {
                continue;
            };
            let rest = rest.trim_start();
            let Some(rest) = rest.strip_prefix("ignore[") else {
                continue;
            };
            let Some(close) = rest.find(']') else {
                continue;
            };
            let rules = rest[..close]
                .split(',')
                .map(|r| r.trim().to_string())
                .filter(|r| !r.is_empty())
                .collect();
            let reason = rest[close + 1..].trim().to_string();
            let col = line[..hash].chars().count() + 1;
            out.push(Suppression {
                rules,
                reason,
                at: Location {
                    file: f.name.clone(),
                    line: i + 1,
                    column: col,
                    end_line: i + 1,
                    end_column: line.chars().count() + 1,
                },
                scope: Scope::Line {
                    file: f.name.to_string(),
                    line: i + 1,
                },
                used: false,
            });
        }
    }
    out
}

impl Suppression {
    fn covers(&self, rule: &crate::analysis::rules::Rule, loc: Option<&Location>) -> bool {
        if !self
            .rules
            .iter()
            .any(|r| r.eq_ignore_ascii_case(&rule.id) || *r == rule.name)
        {
            return false;
        }
        match (&self.scope, loc) {
            (Scope::All, _) => true,
            (Scope::Line { file, line }, Some(l)) => {
                *l.file == **file && (l.line == *line || l.line == line + 1)
            }
            (Scope::Lines { file, from, to }, Some(l)) => {
                *l.file == **file && l.line >= *from && l.line <= *to
            }
            _ => false,
        }
    }
}

/// Location of a fired rule: its evidence fact's first position, a file-declared fact's
/// position, or the top-level `services:` key for aggregates; none for `--assume`/config facts.
fn locate(
    fired: &Fired<'_>,
    facts: &Facts,
    model: &Model,
    sm: &SourceMap,
) -> (Option<Location>, Vec<Location>, Option<String>) {
    let names: Vec<FactName> = match fired.rule.evidence {
        Some(e) => vec![e],
        None => fired.rule.when.facts(),
    };
    let mut declared: Option<String> = None;
    for n in &names {
        let Some(f) = facts.get(*n) else { continue };
        if let Some(o) = &f.origin {
            match o {
                Origin::File(p) => {
                    return (Some(sm.location(p.primary())), related(sm, p, &[]), None);
                }
                other => {
                    declared.get_or_insert_with(|| other.describe());
                    continue;
                }
            }
        }
        if let Some(first) = f.evidence.first() {
            return (
                Some(sm.location(first.primary())),
                related(sm, first, &f.evidence[1..]),
                None,
            );
        }
    }
    if declared.is_some() {
        return (None, vec![], declared);
    }
    (model.anchor.map(|a| sm.location(a)), vec![], None)
}

fn related(sm: &SourceMap, p: &Pos, more: &[Pos]) -> Vec<Location> {
    p.related()
        .into_iter()
        .chain(
            more.iter()
                .take(crate::analysis::facts::EVIDENCE_KEPT - 1)
                .map(|x| x.primary()),
        )
        .map(|s| sm.location(s))
        .collect()
}

/// `services.web:replicas`-style path of a location: stable across line moves.
/// The YAML path of a finding's node, built from names the model and the Compose
/// Specification know (`services.web:deploy`), never from the text of the line: a line may hold
/// an environment value.
fn yaml_path(model: &Model, sm: &SourceMap, loc: &Location) -> Option<String> {
    let file = sm.files.iter().position(|f| f.name == loc.file)? as u32;
    let line_text = sm
        .line_text(file, loc.line)
        .trim_start()
        .trim_start_matches("- ");
    let written = line_text
        .split(':')
        .next()
        .unwrap_or("")
        .trim()
        .trim_matches(['"', '\'']);
    let known = |k: &str| {
        crate::input::compose::is_service_key(k)
            || crate::input::compose::TOP_LEVEL_KEYS.contains(&k)
            || crate::model::declared::KEYS
                .iter()
                .any(|(key, _, _)| *key == k)
            || [
                "kind",
                "apiVersion",
                "metadata",
                "spec",
                "replicas",
                "x-stackfit",
            ]
            .contains(&k)
    };
    let key = known(written).then_some(written);
    for s in &model.services {
        if s.body.file == file {
            let (from, _) = sm.line_col(file, s.name_pos.at.start);
            let (to, _) = sm.line_col(file, s.body.end);
            if loc.line >= from && loc.line <= to {
                return Some(match key {
                    Some(k) => format!("services.{}:{k}", s.name),
                    None => format!("services.{}", s.name),
                });
            }
        }
    }
    key.map(str::to_string)
}

/// Where a fired rule's evidence is: its location, further locations, and where a declared
/// fact behind it came from.
type Evidence = (Option<Location>, Vec<Location>, Option<String>);

/// The `--expect` mismatch as a finding, located where the expectation is written (the
/// `x-stackfit.expect` key, the config line), else at the first input's `services:` (or the
/// first manifest's `kind:`), saying how to accept the new outcome.
fn expect_mismatch(
    x: &crate::report::analysis::ExpectResult,
    rec: &recommend::Recommendation,
    declared: &DeclaredFacts,
    model: &Model,
    sm: &SourceMap,
) -> Finding {
    let got = rec.outcome_label();
    let accept = rec.lean.unwrap_or(rec.outcome).as_str();
    let (location, how) = match declared
        .get("expect")
        .filter(|d| d.value.to_string() == x.expected)
    {
        Some(d) => match &d.origin {
            Origin::File(p) => (
                Some(sm.location(p.primary())),
                tr!("cmd-expect-how-file", outcome = accept),
            ),
            Origin::Config { file, line } => (
                Some(Location {
                    file: file.as_str().into(),
                    line: *line,
                    column: 1,
                    end_line: *line,
                    end_column: 1,
                }),
                tr!("cmd-expect-how-config", outcome = accept),
            ),
            Origin::Assume => (None, tr!("cmd-expect-how-flag", outcome = accept)),
        },
        None => (
            model.anchor.map(|a| sm.location(a)),
            tr!("cmd-expect-how-flag", outcome = accept),
        ),
    };
    Finding {
        rule: "expect-mismatch".into(),
        name: "expect-mismatch".into(),
        severity: Severity::Error,
        kind: FindingKind::Problem,
        points: 0,
        message: tr!(
            "cmd-expect-mismatch",
            expected = x.expected.as_str(),
            got = got,
            score = format!("{:+}", rec.score),
            how = how
        ),
        location,
        path: None,
        related: vec![],
        concerns: vec![],
        source: vec![],
        declared: None,
    }
}

pub fn run<'m>(
    model: &'m Model,
    sm: &SourceMap,
    rules: &RuleSet,
    declared: &DeclaredFacts,
    opts: &Options<'_>,
) -> Report<'m> {
    let graph = ServiceGraph::build(model);
    let facts = Facts::compute(model, &graph, declared);
    let fired = rules.evaluate(&facts);

    // suppressions
    let mut sups = if opts.inline_ignores {
        inline_suppressions(sm)
    } else {
        Vec::new()
    };
    for ig in &model.ignores {
        sups.push(Suppression {
            rules: vec![ig.rule.clone()],
            reason: ig.reason.clone(),
            at: sm.location(ig.pos.primary()),
            scope: Scope::All,
            used: false,
        });
    }
    for s in &model.services {
        for ig in &s.extras().ignores {
            let (from, _) = sm.line_col(s.body.file, s.name_pos.at.start);
            let (to, _) = sm.line_col(s.body.file, s.body.end);
            sups.push(Suppression {
                rules: vec![ig.rule.clone()],
                reason: ig.reason.clone(),
                at: sm.location(ig.pos.primary()),
                scope: Scope::Lines {
                    file: sm.name(s.body.file).to_string(),
                    from,
                    to,
                },
                used: false,
            });
        }
    }

    let mut findings = Vec::new();
    let mut suppressed = Vec::new();
    let mut kept: Vec<Fired<'_>> = Vec::new();
    let mut evidence: BTreeMap<String, Evidence> = BTreeMap::new();
    for f in fired {
        let (location, related, declared_from) = locate(&f, &facts, model, sm);
        if let Some(s) = sups
            .iter_mut()
            .find(|s| s.covers(f.rule, location.as_ref()))
        {
            s.used = true;
            suppressed.push(Suppressed {
                rule: f.rule.id.clone(),
                reason: s.reason.clone(),
                location: location.clone(),
            });
            continue;
        }
        let mut message = f.message.clone();
        if let Some(d) = &declared_from {
            message.push_str(&format!(" ({d})"));
        }
        // A scoring contribution lives in `recommendation.rules` (with its evidence), not among
        // the findings, unless the user asked for the score lines as results or the config
        // raised the rule above `info`.
        if f.rule.kind != RuleKind::Problem
            && f.rule.severity == Severity::Info
            && !opts.report_scores
        {
            evidence.insert(f.rule.id.clone(), (location, related, declared_from));
            kept.push(f);
            continue;
        }
        evidence.insert(
            f.rule.id.clone(),
            (location.clone(), related.clone(), declared_from.clone()),
        );
        let path = location.as_ref().and_then(|l| yaml_path(model, sm, l));
        findings.push(Finding {
            rule: f.rule.id.clone(),
            name: f.rule.name.clone(),
            severity: f.rule.severity,
            kind: match f.rule.kind {
                RuleKind::Score => FindingKind::Score,
                RuleKind::Problem => FindingKind::Problem,
                RuleKind::Qualifier => FindingKind::Qualifier,
            },
            points: if f.rule.kind == RuleKind::Score {
                f.points
            } else {
                0
            },
            message,
            location,
            path,
            related,
            concerns: f.rule.concerns.clone(),
            source: f.rule.source.clone(),
            declared: declared_from,
        });
        kept.push(f);
    }
    for s in sups.iter().filter(|s| !s.used) {
        let unknown: Vec<&String> = s.rules.iter().filter(|r| rules.find(r).is_none()).collect();
        let message = if !unknown.is_empty() {
            tr!(
                "cmd-suppression-unknown-rule",
                rules = unknown
                    .iter()
                    .map(|r| format!("`{r}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        } else {
            tr!("cmd-suppression-unused", rules = s.rules.join(", "))
        };
        findings.push(Finding {
            rule: "unused-suppression".into(),
            name: "unused-suppression".into(),
            severity: Severity::Warning,
            kind: FindingKind::Suppression,
            points: 0,
            message,
            location: Some(s.at.clone()),
            path: None,
            related: vec![],
            concerns: vec![],
            source: vec![],
            declared: None,
        });
    }
    // What the loader noticed about the inputs: warnings at the place, else the services key.
    let input_warning = |rule: &str, message: String, at: &Option<crate::source::Pos>| Finding {
        rule: rule.into(),
        name: rule.into(),
        severity: Severity::Warning,
        kind: FindingKind::Problem,
        points: 0,
        message,
        location: at
            .map(|p| sm.location(p.primary()))
            .or_else(|| model.anchor.map(|a| sm.location(a))),
        path: None,
        related: vec![],
        concerns: vec![],
        source: vec![],
        declared: None,
    };
    for (file, why, at) in &model.skipped_files {
        findings.push(input_warning("skipped-file", format!("{file}: {why}"), at));
    }
    for (why, at) in &model.mixed_inputs {
        findings.push(input_warning("mixed-inputs", why.clone(), at));
    }
    findings.sort_by(|a, b| {
        (
            a.location.as_ref().map(|l| (&l.file, l.line, l.column)),
            &a.rule,
        )
            .cmp(&(
                b.location.as_ref().map(|l| (&l.file, l.line, l.column)),
                &b.rule,
            ))
    });

    let mut rec = recommend::decide(rules, &kept, &facts);
    for line in &mut rec.rules {
        if let Some((location, related, declared)) = evidence.remove(&line.id) {
            if let Some(d) = &declared {
                line.message.push_str(&format!(" ({d})"));
            }
            line.location = location;
            line.related = related;
            line.declared = declared;
        }
    }
    let role_split = kept.iter().any(|f| {
        f.rule
            .effects
            .contains(&crate::analysis::rules::Effect::RoleSplit)
    });
    let hints = hints::hints(model, &graph, &facts, rec.outcome, role_split, sm);
    let advised = rec.outcome == recommend::Outcome::Kubernetes
        || rec.lean == Some(recommend::Outcome::Kubernetes);
    let plan = (opts.plan || advised)
        .then(|| crate::analysis::plan::plan(model, &graph, &facts, rec.outcome, rec.lean, sm));
    let g = GraphReport::build(model, &graph);
    let facts_out: BTreeMap<String, FactOut> = facts
        .map
        .iter()
        .map(|(k, f)| {
            (
                k.to_string(),
                FactOut {
                    value: f.value.clone(),
                    source: origin_source(&f.origin),
                },
            )
        })
        .collect();
    let expect = opts.expect.map(|e| crate::report::analysis::ExpectResult {
        expected: e.to_string(),
        matched: rec.outcome.as_str() == e || rec.lean.is_some_and(|l| l.as_str() == e),
    });
    if let Some(x) = expect.as_ref().filter(|x| !x.matched) {
        findings.push(expect_mismatch(x, &rec, declared, model, sm));
    }
    // Documentation of the rules this report mentions (fired or suppressed).
    let rule_docs = rules
        .rules
        .iter()
        .filter(|r| {
            findings.iter().any(|f| f.rule == r.id)
                || suppressed.iter().any(|x| x.rule == r.id)
                || rec.rules.iter().any(|l| l.id == r.id)
        })
        .map(crate::report::analysis::RuleDoc::from_rule)
        .collect();
    Report {
        schema_version: SCHEMA_VERSION,
        tool: TOOL,
        system: model.name.clone(),
        inputs: opts.inputs.clone(),
        config: opts.config.clone(),
        recommendation: Some(rec),
        findings,
        facts: facts_out,
        services: g.services,
        edges: g.edges,
        hints,
        plan,
        suppressed,
        rule_docs,
        expect,
    }
}
