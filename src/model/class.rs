//! What a service is, as a word: its class (application code or a kind of infrastructure) and
//! the classifications a user declares (`x-stackfit` `classify`, `stackfit.toml` `[classify]`).
//! Plain vocabulary: which class a service has is decided in `analysis::classify`.

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    serde::Serialize,
    strum::EnumString,
    strum::EnumIter,
)]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
pub enum Class {
    /// First-party application code (built here or from the project's own images).
    App,
    Database,
    Cache,
    Search,
    Broker,
    Proxy,
    Observability,
    ObjectStorage,
    /// Discovery, configuration, identity and secrets (Consul, Eureka, Vault, Keycloak).
    Platform,
    /// Third-party helpers that are not business services (smtp relays, pgbouncer, autoheal…).
    Helper,
}

impl Class {
    pub fn as_str(&self) -> &'static str {
        match self {
            Class::App => "app",
            Class::Database => "database",
            Class::Cache => "cache",
            Class::Search => "search",
            Class::Broker => "broker",
            Class::Proxy => "proxy",
            Class::Observability => "observability",
            Class::ObjectStorage => "object-storage",
            Class::Platform => "platform",
            Class::Helper => "helper",
        }
    }
    /// Infrastructure that keeps data: where self-run Kubernetes hurts (decision-rules S15).
    pub fn is_stateful(&self) -> bool {
        matches!(
            self,
            Class::Database | Class::Search | Class::Broker | Class::ObjectStorage
        )
    }
    /// A datastore an application service can own.
    pub fn is_datastore(&self) -> bool {
        matches!(
            self,
            Class::Database | Class::Cache | Class::Search | Class::ObjectStorage
        )
    }
    pub fn is_infrastructure(&self) -> bool {
        !matches!(self, Class::App)
    }
}

/// A user's classification of a service or image: the project's own code, someone else's
/// (a third party's or a vendor's prebuilt image), or a class of infrastructure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClassOverride {
    FirstParty,
    ThirdParty,
    Vendor,
    Class(Class),
}

impl ClassOverride {
    /// Every word a classification may use.
    pub fn words() -> Vec<&'static str> {
        let mut w = vec!["first-party", "third-party", "vendor"];
        w.extend(<Class as strum::IntoEnumIterator>::iter().map(|c| c.as_str()));
        w
    }

    pub fn parse(word: &str) -> Result<ClassOverride, String> {
        match word {
            "first-party" => return Ok(ClassOverride::FirstParty),
            "third-party" => return Ok(ClassOverride::ThirdParty),
            "vendor" => return Ok(ClassOverride::Vendor),
            _ => {}
        }
        word.parse::<Class>()
            .map(ClassOverride::Class)
            .map_err(|_| {
                let words = Self::words();
                crate::tr!(
                    "error-unknown-class",
                    word = crate::source::escape::short(word),
                    suggestion = crate::source::suggest::did_you_mean(word, words.iter().copied()),
                    words = words.join(", ")
                )
            })
    }
}
