//! The decision, defined once (README.md, "How it decides"): score → outcome, lean, confidence, the hard
//! requirement, decompose-first, notes and flip questions. Reads fired rules and facts; it
//! never names a rule id: what a rule does to the decision is declared in its file (`effects`).

use crate::tr;
use serde::Serialize;

use crate::analysis::facts::{FactName, Facts};
use crate::analysis::rules::{Effect, Fired, RuleKind, RuleSet};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    Compose,
    Kubernetes,
    DecomposeFirst,
    Borderline,
}

impl Outcome {
    pub fn as_str(&self) -> &'static str {
        match self {
            Outcome::Compose => "compose",
            Outcome::Kubernetes => "kubernetes",
            Outcome::DecomposeFirst => "decompose-first",
            Outcome::Borderline => "borderline",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Confidence {
    High,
    Medium,
    Low,
}

impl Confidence {
    pub fn as_str(&self) -> &'static str {
        match self {
            Confidence::High => "high",
            Confidence::Medium => "medium",
            Confidence::Low => "low",
        }
    }
}

/// One line of the score.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct ScoreLine {
    pub id: String,
    pub name: String,
    pub points: i64,
    /// What the rule weighs (README, "How it decides").
    pub concerns: Vec<crate::analysis::rules::Concern>,
    pub source: Vec<String>,
    pub message: String,
    /// Where the evidence is (the node, or the first file's `services:` for aggregates);
    /// none when the line rests only on a declared fact from the command line.
    pub location: Option<crate::source::Location>,
    /// Further evidence and anchor definitions.
    pub related: Vec<crate::source::Location>,
    /// Where a declared fact behind the line came from (`--assume`, config, file).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub declared: Option<String>,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct FlipQuestion {
    pub rule: String,
    pub question: String,
    /// The `--assume` that answers it.
    pub assume: String,
    /// Points the answer would add (negative: toward Compose).
    pub points: i64,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Note {
    pub id: String,
    pub text: String,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Recommendation {
    pub outcome: Outcome,
    /// For `borderline`: which way the evidence leans.
    pub lean: Option<Outcome>,
    pub score: i64,
    pub confidence: Confidence,
    /// True when the declared hard requirement (hosts ≥ 3 with availability ≥ 99.9 or
    /// zero-downtime) decided the outcome.
    pub hard_requirement: bool,
    pub rules: Vec<ScoreLine>,
    pub questions: Vec<FlipQuestion>,
    pub notes: Vec<Note>,
}

impl Recommendation {
    /// The outcome as shown to people: `kubernetes`, or `borderline (leans compose)`.
    pub fn outcome_label(&self) -> String {
        match self.lean {
            Some(l) => tr!(
                "report-outcome-leans",
                outcome = self.outcome.as_str(),
                lean = l.as_str()
            ),
            None => self.outcome.as_str().to_string(),
        }
    }
}

/// True when a fired rule declares `effect` (its rule file says what it does to the decision).
fn has(f: &[Fired<'_>], effect: Effect) -> bool {
    f.iter().any(|x| x.rule.effects.contains(&effect))
}

pub fn decide(rules: &RuleSet, fired_rules: &[Fired<'_>], facts: &Facts) -> Recommendation {
    let scoring: Vec<&Fired<'_>> = fired_rules
        .iter()
        // a rule that only leans a borderline outcome is listed, so the lean has its reason
        .filter(|f| f.rule.kind == RuleKind::Score && (f.points != 0 || f.rule.lean_kubernetes))
        .collect();
    let score: i64 = scoring.iter().map(|f| f.points).sum();
    let hosts = facts.number(FactName::Hosts).unwrap_or(0.0);
    let ha = facts
        .number(FactName::Availability)
        .is_some_and(|a| a >= 99.9)
        || facts.flag(FactName::ZeroDowntime) == Some(true);
    let single_host = facts.flag(FactName::SingleHost) == Some(true);
    let hard = hosts >= 3.0 && ha;
    let contradiction = hard && single_host;
    let hard_applies = hard && !contradiction;
    let mono = has(fired_rules, Effect::Monolith) && !has(fired_rules, Effect::RoleSplit);
    let drivers = facts
        .number(FactName::LoadVariation)
        .is_some_and(|v| v >= 3.0)
        || facts.number(FactName::Teams).is_some_and(|t| t >= 3.0);
    let lean_k8s = fired_rules.iter().any(|f| f.rule.lean_kubernetes);
    let file_signal = fired_rules.iter().any(|f| f.rule.file_signal);

    let by_score = match score {
        s if s >= 5 => Outcome::Kubernetes,
        s if s >= 1 => Outcome::Borderline,
        _ => Outcome::Compose,
    };
    let mut set_by_hard = false;
    let mut outcome = by_score;
    // README.md ("How it decides"): Kubernetes input that uses none of what Kubernetes adds, with at most two
    // deployable units, is over-engineered: the advice is compose.
    let overkill = has(fired_rules, Effect::Overkill);
    if overkill && !hard_applies {
        outcome = Outcome::Compose;
    }
    if hard_applies && matches!(outcome, Outcome::Compose | Outcome::Borderline) {
        outcome = Outcome::Kubernetes;
        set_by_hard = true;
    }
    if outcome == Outcome::Kubernetes && mono && score >= 5 && drivers {
        outcome = Outcome::DecomposeFirst;
    }
    let lean = (outcome == Outcome::Borderline).then_some(if lean_k8s {
        Outcome::Kubernetes
    } else {
        Outcome::Compose
    });
    let confidence = if outcome == Outcome::Borderline {
        Confidence::Low
    } else if score.abs() >= 7 || (hard_applies && file_signal) {
        Confidence::High
    } else if (5..=6).contains(&score.abs()) || score <= -3 || set_by_hard {
        Confidence::Medium
    } else {
        Confidence::Low
    };

    let mut notes = Vec::new();
    let mut note = |id: &str, text: String| {
        notes.push(Note {
            id: id.into(),
            text,
        })
    };
    // Swarm semantics are a compose matter: manifests mean what Kubernetes makes of them.
    let swarm_keys = has(fired_rules, Effect::SwarmSemantics)
        && facts.flag(FactName::KubernetesInput) != Some(true);
    if swarm_keys && score <= 4 {
        note("swarm", tr!("report-note-swarm"));
    }
    if matches!(outcome, Outcome::Kubernetes | Outcome::DecomposeFirst)
        && has(fired_rules, Effect::StatefulNote)
    {
        note("stateful", tr!("report-note-stateful"));
    }
    if has(fired_rules, Effect::DevFileNote) {
        note("dev-file", tr!("report-note-dev-file"));
    }
    if outcome == Outcome::Kubernetes && mono {
        note("replicate-monolith", tr!("report-note-replicate-monolith"));
    }
    if outcome == Outcome::DecomposeFirst {
        note("monolith-first", tr!("report-note-monolith-first"));
    }
    if has(fired_rules, Effect::RoleSplit) {
        note("role-split", tr!("report-note-role-split"));
    }
    if contradiction {
        note("contradiction", tr!("report-note-contradiction"));
    }
    if overkill && outcome == Outcome::Compose {
        note("over-engineered", tr!("report-note-over-engineered"));
    }
    if set_by_hard {
        note(
            "hard-requirement",
            tr!(
                "report-note-hard-requirement",
                score = format!("{score:+}"),
                outcome = by_score.as_str()
            ),
        );
    }

    let questions = if confidence == Confidence::Low {
        let mut q: Vec<FlipQuestion> = rules
            .rules
            .iter()
            .filter_map(|r| {
                let question = r.question.as_ref()?;
                let key = question.assume.split('=').next()?;
                // Only ask what is not declared yet, for rules that have not fired.
                let declared = r
                    .when
                    .facts()
                    .iter()
                    .any(|f| facts.get(*f).is_some_and(|x| x.origin.is_some()))
                    || key
                        .parse::<FactName>()
                        .is_ok_and(|k| facts.get(k).is_some_and(|x| x.origin.is_some()));
                if declared || fired_rules.iter().any(|x| x.rule.id == r.id) {
                    return None;
                }
                Some(FlipQuestion {
                    rule: r.id.clone(),
                    question: r.question_text().unwrap_or_default().to_string(),
                    assume: question.assume.clone(),
                    points: r.question_points(),
                })
            })
            .collect();
        q.sort_by(|a, b| {
            b.points
                .abs()
                .cmp(&a.points.abs())
                .then(b.points.cmp(&a.points))
                .then(a.rule.cmp(&b.rule))
        });
        q
    } else {
        Vec::new()
    };

    // Score lines, then the qualifiers of the decision (role-split, monolith) with 0 points.
    let qualifiers = fired_rules
        .iter()
        .filter(|f| f.rule.kind == RuleKind::Qualifier);
    let mut lines: Vec<ScoreLine> = scoring
        .iter()
        .copied()
        .chain(qualifiers)
        .map(|f| ScoreLine {
            id: f.rule.id.clone(),
            name: f.rule.name.clone(),
            points: f.points,
            concerns: f.rule.concerns.clone(),
            source: f.rule.source.clone(),
            message: f.message.clone(),
            location: None,
            related: vec![],
            declared: None,
        })
        .collect();
    lines.sort_by(|a, b| b.points.cmp(&a.points).then(a.id.cmp(&b.id)));

    Recommendation {
        outcome,
        lean,
        score,
        confidence,
        hard_requirement: set_by_hard,
        rules: lines,
        questions,
        notes,
    }
}
