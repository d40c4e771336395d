//! The declared-fact keys, their types and the parsing of one value: the vocabulary shared by
//! the config file, `--assume`, `x-stackfit:` and the rule files' questions. Also compiled into
//! the build script (`build.rs`) to check built-in rules, so it names nothing of the crate but
//! `super::suggest`.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FactType {
    Integer,
    Percent,
    Number,
    Bool,
    Expect,
}

/// The declared-fact keys (README.md, "Declared facts"), their types and meaning.
pub const KEYS: &[(&str, FactType, &str)] = &[
    (
        "hosts",
        FactType::Integer,
        "machines the system must run on",
    ),
    (
        "availability",
        FactType::Percent,
        "uptime target in percent, e.g. 99.95",
    ),
    (
        "zero-downtime",
        FactType::Bool,
        "deploys must not interrupt service",
    ),
    ("deploys-per-month", FactType::Integer, "how often it ships"),
    (
        "load-variation",
        FactType::Number,
        "peak-to-base traffic ratio",
    ),
    (
        "teams",
        FactType::Integer,
        "teams that deploy independently",
    ),
    (
        "batch",
        FactType::Bool,
        "batch/cron work that needs capacity beyond one host",
    ),
    (
        "single-host",
        FactType::Bool,
        "runs on one machine by design",
    ),
    (
        "ops-engineers",
        FactType::Integer,
        "people who would operate the platform",
    ),
    (
        "kubernetes-experience",
        FactType::Bool,
        "the team already runs Kubernetes",
    ),
    (
        "managed-kubernetes",
        FactType::Bool,
        "a managed control plane (EKS, GKE, AKS) is available",
    ),
    (
        "on-premises",
        FactType::Bool,
        "runs on own machines or hybrid",
    ),
    (
        "expect",
        FactType::Expect,
        "for CI: exit 1 when the recommendation differs",
    ),
];

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[cfg_attr(stackfit_lib, derive(schemars::JsonSchema))]
#[serde(untagged)]
pub enum Value {
    Number(f64),
    Bool(bool),
    Text(String),
}

impl Value {
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Number(n) => Some(*n),
            _ => None,
        }
    }
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }
}

impl std::fmt::Display for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Value::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => write!(f, "{}", *n as i64),
            Value::Number(n) => write!(f, "{n}"),
            Value::Bool(b) => write!(f, "{b}"),
            Value::Text(t) => write!(f, "{t}"),
        }
    }
}

/// Parses one declared fact. The error message has no location; callers add it.
pub fn parse(key: &str, raw: &str) -> std::result::Result<Value, String> {
    let Some((_, ty, _)) = KEYS.iter().find(|(k, _, _)| *k == key) else {
        let hint = super::suggest::did_you_mean(key, KEYS.iter().map(|k| k.0));
        let all: Vec<&str> = KEYS.iter().map(|k| k.0).collect();
        return Err(format!(
            "unknown declared fact `{key}`{hint}; known keys: {}",
            all.join(", ")
        ));
    };
    let raw = raw.trim();
    match ty {
        FactType::Integer => raw
            .parse::<u64>()
            .map(|n| Value::Number(n as f64))
            .map_err(|_| format!("`{key}` must be a whole number ≥ 0, got `{raw}`")),
        FactType::Number => match raw.parse::<f64>() {
            Ok(n) if n.is_finite() && n >= 0.0 => Ok(Value::Number(n)),
            _ => Err(format!("`{key}` must be a number ≥ 0, got `{raw}`")),
        },
        FactType::Percent => match raw.trim_end_matches('%').parse::<f64>() {
            Ok(n) if (0.0..=100.0).contains(&n) => Ok(Value::Number(n)),
            _ => Err(format!(
                "`{key}` must be a percentage between 0 and 100 (e.g. 99.9), got `{raw}`"
            )),
        },
        FactType::Bool => match raw {
            "true" => Ok(Value::Bool(true)),
            "false" => Ok(Value::Bool(false)),
            _ => Err(format!("`{key}` must be true or false, got `{raw}`")),
        },
        FactType::Expect => match raw {
            "compose" | "kubernetes" | "decompose-first" => Ok(Value::Text(raw.to_string())),
            _ => Err(format!(
                "`{key}` must be compose, kubernetes or decompose-first, got `{raw}`"
            )),
        },
    }
}
