//! The names of the facts: a closed set, one variant each, in kebab case in rule files and
//! reports (`deployable-units`). The doc comment of a variant is its meaning, shown by
//! `stackfit rules` and in the docs. Also compiled into the build script (`build.rs`) to check
//! built-in rules, so it names nothing of the crate but `super::suggest`.

/// Every fact a rule may name, with its meaning. Adding a kind of signal is adding a variant
/// here and computing it in `facts`; rule files name it, they never compute it.
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
    strum::IntoStaticStr,
    strum::EnumIter,
    strum::EnumMessage,
)]
#[cfg_attr(stackfit_lib, derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
pub enum FactName {
    /// services defined and active (profiles applied)
    Services,
    /// active services minus one-shot init/migration jobs
    RunningServices,
    /// running services that run the project's own code
    FirstPartyServices,
    /// distinct first-party codebases (image repositories without tag or `-vN` version suffix, build contexts), plus same-image services owning a private datastore
    DeployableUnits,
    /// distinct (image, command) pairs among first-party services
    Roles,
    /// share of running services produced by the two most used images
    FanOutPercent,
    /// datastores used by exactly one first-party service
    PrivateDatastores,
    /// datastores used by three or more first-party services
    SharedDatastores,
    /// most first-party services using one datastore
    MaxDatastoreUsers,
    /// databases, brokers, search engines and object stores run in the file
    StatefulServices,
    /// message brokers and stream platforms, and Redis-like caches that workers queue through
    Brokers,
    /// highest replica count of a first-party service
    MaxReplicas,
    /// keys that only make sense on several nodes: mode global, placement, overlay networks, ports mode ingress
    MultiNodeSignals,
    /// update_config / rollback_config keys, rolling strategies and disruption budgets
    RollingUpdateSignals,
    /// an autoheal sidecar or autoheal labels restart unhealthy containers
    Autoheal,
    /// liveness/readiness probes (Kubernetes input)
    Probes,
    /// HorizontalPodAutoscalers (Kubernetes input)
    Autoscalers,
    /// first-party services in a worker or scheduler role
    WorkerServices,
    /// run-to-completion jobs: replicated-job/global-job, top-level jobs, CronJobs
    JobServices,
    /// load-balancer routing labels on a service with replicas
    LbOverReplicas,
    /// share of first-party services with a fixed container_name
    FixedNamePercent,
    /// docker.sock mounts, devices, privileged mode, host networking
    HostCoupling,
    /// links between first-party codebases: depends_on, addresses in their settings, declared calls and APIs
    ServiceCalls,
    /// first-party services when all run one vendor's prebuilt images (one registry namespace, nothing built here); else 0
    VendorImages,
    /// code bind mounts, development build targets, develop.watch
    DevSignals,
    /// most services sharing one config or secret
    MaxConfigSharing,
    /// at most one deployable unit and one role
    SingleRoleMonolith,
    /// the input is Kubernetes manifests
    KubernetesInput,
    /// objects that extend or watch the Kubernetes API: CRDs, admission webhooks, API services, ClusterRoles with watch
    ClusterExtensions,
    /// variables used in the files but unset (interpolated as empty)
    UnsetVariables,
    /// declared: machines the system must run on
    Hosts,
    /// declared: uptime target in percent
    Availability,
    /// declared: deploys must not interrupt service
    ZeroDowntime,
    /// declared: how often it ships
    DeploysPerMonth,
    /// share of the availability error budget that stop-and-start deploys of 60 s use
    DeployBudgetPercent,
    /// declared: peak-to-base traffic ratio
    LoadVariation,
    /// declared: teams that deploy independently
    Teams,
    /// declared: batch work that needs capacity beyond one host
    Batch,
    /// declared: runs on one machine by design
    SingleHost,
    /// declared: people who would operate the platform
    OpsEngineers,
    /// declared: the team already runs Kubernetes
    KubernetesExperience,
    /// declared: a managed control plane is available
    ManagedKubernetes,
    /// declared: runs on own machines or hybrid
    OnPremises,
}

impl FactName {
    /// The kebab-case name rule files and reports use.
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// What the fact counts or says (its doc comment).
    pub fn meaning(self) -> &'static str {
        strum::EnumMessage::get_documentation(&self)
            .unwrap_or("")
            .trim()
    }

    /// Every fact, in declaration order.
    pub fn all() -> impl Iterator<Item = FactName> {
        <FactName as strum::IntoEnumIterator>::iter()
    }
}

impl std::fmt::Display for FactName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Rule files name facts in kebab case; a misspelt one is an error that suggests the closest.
impl<'de> serde::Deserialize<'de> for FactName {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(|_| {
            serde::de::Error::custom(format!(
                "unknown fact `{s}`{}",
                super::suggest::did_you_mean(&s, FactName::all().map(FactName::as_str))
            ))
        })
    }
}
