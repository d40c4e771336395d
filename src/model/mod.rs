//! The model: plain data describing one system, whatever format it came from. It holds no
//! parser types and does no I/O; every value that findings may point at carries its `Pos`.

/// The version of the JSON contracts of `graph`, `analyze` and `decompose`: one version for
/// all three, raised once per release that breaks any (README, "JSON output"; CHANGELOG).
pub const SCHEMA_VERSION: u32 = 2;

/// `list_schema!(Type, Item)`: the JSON Schema of a type written as a list of `Item` (a view
/// or a set of flags serialized as a sequence) — the schema a `Vec<Item>` has, inline, so the
/// committed schemas do not change with the representation.
#[macro_export]
macro_rules! list_schema {
    ($ty:ty, $item:ty) => {
        impl schemars::JsonSchema for $ty {
            fn inline_schema() -> bool {
                true
            }
            fn schema_name() -> std::borrow::Cow<'static, str> {
                <Vec<$item>>::schema_name()
            }
            fn json_schema(g: &mut schemars::SchemaGenerator) -> schemars::Schema {
                <Vec<$item>>::json_schema(g)
            }
        }
    };
}

pub mod class;
pub mod declared;
pub mod hosts;
pub mod monolith;

use std::collections::BTreeMap;

use crate::source::{Pos, Span, Str};

/// A value with the place it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Located<T> {
    pub value: T,
    pub pos: Pos,
}

impl<T> Located<T> {
    pub fn new(value: T, pos: Pos) -> Self {
        Located { value, pos }
    }
}

/// Which kind of input a model came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum InputKind {
    Compose,
    Kubernetes,
    Architecture,
    Backstage,
}

#[derive(Debug, Clone, Default)]
pub struct Model {
    pub name: Option<String>,
    /// Services sorted by name.
    pub services: Vec<Service>,
    /// Services left out because none of their profiles is active (names only).
    pub inactive: Vec<String>,
    /// Where each inactive service is defined (its name), in the order of `inactive`.
    pub inactive_at: Vec<Pos>,
    pub networks: BTreeMap<String, Network>,
    pub volumes: BTreeMap<String, Pos>,
    pub configs: BTreeMap<String, Pos>,
    pub secrets: BTreeMap<String, Pos>,
    /// Top-level `jobs:` (experimental Compose jobs).
    pub jobs: Option<Pos>,
    /// Declared facts and suppressions from `x-stackfit:` blocks, in file order.
    pub declared: Vec<DeclaredEntry>,
    /// Top-level `x-stackfit: {ignore: {RULE: reason}}`.
    pub ignores: Vec<Ignore>,
    /// Classifications of images by repository (`x-stackfit: {classify: {images: …}}`,
    /// `[classify.images]` in `stackfit.toml`); a service's own classification wins.
    pub image_classes: BTreeMap<String, Located<class::ClassOverride>>,
    /// The top-level `services:` key of the first file: where aggregate findings point.
    pub anchor: Option<Span>,
    /// Variables that were used but unset (interpolated as empty), names only.
    pub unset_variables: Vec<String>,
    pub kinds: Vec<InputKind>,
    /// The files the system was read from (as discovered or given), for reports.
    pub inputs: Vec<String>,
    /// A monolith's modules, dependencies and tables (architecture descriptions), for the
    /// module-level decomposition hint; with where the monolith is described.
    pub modules: Option<(crate::model::monolith::DecompInput, Pos)>,
    /// Objects that extend or watch the Kubernetes API (CRDs, admission webhooks, API services,
    /// ClusterRoles that may watch resources): software that only runs inside a cluster.
    pub cluster_extensions: Vec<(String, Pos)>,
    /// Files named by the inputs that were not read, with why and where they are named
    /// (an env file outside the project root, …): reported as warnings, never silent.
    pub skipped_files: Vec<(String, String, Option<Pos>)>,
    /// Inputs that were merged but may not belong together (different directories, different
    /// `name:`s), with where it shows: reported as warnings.
    pub mixed_inputs: Vec<(String, Option<Pos>)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DeclaredEntry {
    pub key: String,
    pub key_pos: Pos,
    /// The scalar value as written (facts are typed later, with located errors).
    pub value: Located<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Ignore {
    pub rule: String,
    pub reason: String,
    pub pos: Pos,
}

#[derive(Debug, Clone, Default)]
pub struct Network {
    pub driver: Option<Located<String>>,
    pub external: bool,
    pub pos: Pos,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    #[default]
    Replicated,
    Global,
    ReplicatedJob,
    GlobalJob,
}

impl Mode {
    pub fn parse(s: &str) -> Option<Mode> {
        Some(match s {
            "replicated" => Mode::Replicated,
            "global" => Mode::Global,
            "replicated-job" => Mode::ReplicatedJob,
            "global-job" => Mode::GlobalJob,
            _ => return None,
        })
    }
    pub fn as_str(&self) -> &'static str {
        match self {
            Mode::Replicated => "replicated",
            Mode::Global => "global",
            Mode::ReplicatedJob => "replicated-job",
            Mode::GlobalJob => "global-job",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Dependency {
    pub service: Str,
    pub condition: Condition,
    pub required: bool,
    pub pos: Pos,
}

/// What a dependency waits for (`depends_on.<service>.condition`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, strum::EnumString, strum::IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
pub enum Condition {
    #[default]
    ServiceStarted,
    ServiceHealthy,
    ServiceCompletedSuccessfully,
}

/// A dependency that is not a Compose key: declared calls in an architecture description,
/// Kubernetes Service/Ingress wiring, Backstage `dependsOn`/APIs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum LinkKind {
    Ingress,
    Calls,
    Async,
    Api,
    /// A declared start-up or hard dependency (Backstage `dependsOn`).
    DependsOn,
    /// An environment or config value naming the other service (manifests).
    EnvReference,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    /// Name of the service this one needs.
    pub to: Str,
    pub kind: LinkKind,
    pub pos: Pos,
}

#[derive(Debug, Clone, PartialEq)]
pub struct EnvVar {
    pub name: Str,
    /// Never printed: environment values are secrets in real projects.
    pub value: Option<Str>,
    pub pos: Pos,
    /// The env file the entry came from (`env_file:`), when it did not come from `environment`.
    pub env_file: Option<Box<std::path::Path>>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Port {
    pub target: Str,
    pub published: Option<Str>,
    /// `host_ip`, `protocol` and `mode`, boxed: most ports write none of them (read them
    /// through [`Port::host_ip`], [`Port::protocol`], [`Port::mode`]).
    more: Option<Box<PortMore>>,
    pub pos: Pos,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct PortMore {
    host_ip: Option<Str>,
    protocol: Option<Str>,
    mode: Option<Str>,
}

impl Port {
    /// A port; `mode` as written in the long syntax (`ingress` is Swarm routing mesh).
    pub fn new(
        target: Str,
        published: Option<Str>,
        host_ip: Option<Str>,
        protocol: Option<Str>,
        mode: Option<Str>,
        pos: Pos,
    ) -> Port {
        let more = (host_ip.is_some() || protocol.is_some() || mode.is_some()).then(|| {
            Box::new(PortMore {
                host_ip,
                protocol,
                mode,
            })
        });
        Port {
            target,
            published,
            more,
            pos,
        }
    }

    pub fn host_ip(&self) -> Option<&str> {
        self.more.as_ref()?.host_ip.as_deref()
    }

    pub fn protocol(&self) -> Option<&str> {
        self.more.as_ref()?.protocol.as_deref()
    }

    pub fn mode(&self) -> Option<&str> {
        self.more.as_ref()?.mode.as_deref()
    }

    /// What makes two entries the same port (Compose keeps one of identical entries).
    pub fn identity(&self) -> (&str, Option<&str>, Option<&str>, Option<&str>, Option<&str>) {
        (
            &self.target,
            self.published.as_deref(),
            self.host_ip(),
            self.protocol(),
            self.mode(),
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MountKind {
    Volume,
    Bind,
    Tmpfs,
    Npipe,
    Image,
    Cluster,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Mount {
    pub kind: MountKind,
    pub source: Option<Str>,
    pub target: Str,
    pub read_only: bool,
    pub pos: Pos,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Build {
    /// Context path as written, or a URL.
    pub context: Str,
    pub target: Option<Located<Str>>,
    pub dockerfile: Option<Str>,
    pub pos: Pos,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Deploy {
    pub replicas: Option<Located<u64>>,
    pub mode: Option<Located<Mode>>,
    pub placement: Option<Pos>,
    pub update_config: Option<Pos>,
    pub rollback_config: Option<Pos>,
    pub restart_policy: Option<Pos>,
    pub resources_limits: Option<Pos>,
    pub endpoint_mode: Option<Located<Str>>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Probes {
    pub liveness: Option<Pos>,
    pub readiness: Option<Pos>,
}

/// One service (Compose) or workload (Kubernetes) or declared service (architecture).
///
/// What most services declare is kept inline; the rest is in [`Extras`], boxed and absent
/// for most services (read it through [`Service::extras`]): every service of a large file is
/// held to the end of the run, so its size counts per service (1,056 bytes inline before).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Service {
    pub name: Str,
    pub name_pos: Pos,
    /// The whole service definition (for suppressions scoped to a service).
    pub body: Span,
    pub image: Option<Located<Str>>,
    /// Boxed: a `Build` is large and many services have none.
    pub build: Option<Box<Build>>,
    /// Boxed: a service without one (most run their image's) pays a pointer, not 48 bytes.
    pub command: Option<Box<Located<Vec<Str>>>>,
    pub depends_on: Vec<Dependency>,
    pub environment: Vec<EnvVar>,
    pub ports: Vec<Port>,
    pub mounts: Vec<Mount>,
    pub networks: Vec<Str>,
    pub healthcheck: Option<Pos>,
    pub healthcheck_disabled: bool,
    pub restart: Option<Located<Str>>,
    /// `deploy:`, boxed: most services have none, and a `Deploy` is large (read it through
    /// [`Service::deploy`]).
    pub deploy: Option<Box<Deploy>>,
    /// Kubernetes / architecture extras: the workload kind (`Deployment`, `CronJob`…).
    pub kind: Option<Str>,
    /// The less common keys (read through [`Service::extras`], written through
    /// [`Service::extras_mut`]).
    pub extras: Option<Box<Extras>>,
}

/// The keys of a service that most services do not have.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Extras {
    /// The user's classification of this service (`x-stackfit: {class: …}` in the service,
    /// `classify.services` at the top or in `stackfit.toml`), over what its image says.
    pub class_override: Option<Located<class::ClassOverride>>,
    pub entrypoint: Option<Located<Vec<Str>>>,
    pub profiles: Vec<Str>,
    pub links: Vec<Located<Str>>,
    pub volumes_from: Vec<Located<Str>>,
    pub network_mode: Option<Located<Str>>,
    pub expose: Vec<Str>,
    /// `working_dir`: where in the image the service runs (tells apart services built from one
    /// development image that run different code directories).
    pub working_dir: Option<Str>,
    pub container_name: Option<Located<Str>>,
    pub labels: BTreeMap<Str, Located<Str>>,
    pub scale: Option<Located<u64>>,
    pub secrets: Vec<Str>,
    pub configs: Vec<Str>,
    pub develop_watch: Option<Pos>,
    pub privileged: bool,
    pub devices: Vec<Pos>,
    /// `pid: host` / `ipc: host`: the host's process or IPC namespace.
    pub host_namespaces: Vec<Pos>,
    /// `extra_hosts` entries: names resolved by the host's `/etc/hosts`.
    pub extra_hosts: Option<Pos>,
    /// Per-service `x-stackfit: {ignore: {RULE: reason}}`.
    pub ignores: Vec<Ignore>,
    /// Dependencies from non-Compose inputs (architecture, manifests, catalogs).
    pub links_to: Vec<Link>,
    pub probes: Probes,
    pub hpa: Option<Pos>,
    pub pdb: Option<Pos>,
    pub schedule: Option<Pos>,
}

/// What a service without extras has.
static NO_EXTRAS: Extras = Extras {
    class_override: None,
    entrypoint: None,
    profiles: Vec::new(),
    links: Vec::new(),
    volumes_from: Vec::new(),
    network_mode: None,
    expose: Vec::new(),
    working_dir: None,
    container_name: None,
    labels: BTreeMap::new(),
    scale: None,
    secrets: Vec::new(),
    configs: Vec::new(),
    develop_watch: None,
    privileged: false,
    devices: Vec::new(),
    host_namespaces: Vec::new(),
    extra_hosts: None,
    ignores: Vec::new(),
    links_to: Vec::new(),
    probes: Probes {
        liveness: None,
        readiness: None,
    },
    hpa: None,
    pdb: None,
    schedule: None,
};

/// What a service without `deploy:` has.
static NO_DEPLOY: Deploy = Deploy {
    replicas: None,
    mode: None,
    placement: None,
    update_config: None,
    rollback_config: None,
    restart_policy: None,
    resources_limits: None,
    endpoint_mode: None,
};

impl Service {
    /// The service's `deploy:` (every key unset when it has none).
    pub fn deploy(&self) -> &Deploy {
        self.deploy.as_deref().unwrap_or(&NO_DEPLOY)
    }

    /// Gives back what its lists reserved beyond their length (a list grown by one push keeps
    /// room for four): the model of a large file lives to the end of the run.
    pub fn shrink_to_fit(&mut self) {
        self.depends_on.shrink_to_fit();
        self.environment.shrink_to_fit();
        self.ports.shrink_to_fit();
        self.mounts.shrink_to_fit();
        self.networks.shrink_to_fit();
        if let Some(x) = &mut self.extras {
            x.profiles.shrink_to_fit();
            x.links.shrink_to_fit();
            x.volumes_from.shrink_to_fit();
            x.expose.shrink_to_fit();
            x.secrets.shrink_to_fit();
            x.configs.shrink_to_fit();
            x.devices.shrink_to_fit();
            x.host_namespaces.shrink_to_fit();
            x.ignores.shrink_to_fit();
            x.links_to.shrink_to_fit();
        }
    }

    /// The service's less common keys (all unset when it has none).
    pub fn extras(&self) -> &Extras {
        self.extras.as_deref().unwrap_or(&NO_EXTRAS)
    }

    /// The service's less common keys to change, created when it has none.
    pub fn extras_mut(&mut self) -> &mut Extras {
        self.extras.get_or_insert_with(Box::default)
    }

    /// The service's `deploy:` to change, created when it has none.
    pub fn deploy_mut(&mut self) -> &mut Deploy {
        self.deploy.get_or_insert_with(Box::default)
    }

    /// Effective replica count: `deploy.replicas`, else `scale`, else 1; `None` for global mode.
    pub fn replicas(&self) -> Option<u64> {
        if matches!(
            self.deploy().mode.as_ref().map(|m| m.value),
            Some(Mode::Global | Mode::GlobalJob)
        ) {
            return None;
        }
        Some(
            self.deploy()
                .replicas
                .as_ref()
                .map(|r| r.value)
                .or(self.extras().scale.as_ref().map(|s| s.value))
                .unwrap_or(1),
        )
    }

    pub fn mode(&self) -> Mode {
        self.deploy()
            .mode
            .as_ref()
            .map(|m| m.value)
            .unwrap_or_default()
    }

    /// Image repository without registry host, tag or digest: `docker.io/library/postgres:16` →
    /// `postgres`; `ghcr.io/acme/api:1` → `acme/api`.
    pub fn image_repo(&self) -> Option<Str> {
        self.image.as_ref().map(|i| image_repository(&i.value))
    }
}

/// Sorts services by name in place: the order is sorted as indices, then applied by
/// following its cycles, so each `Service` (a large struct) moves at most once and no second
/// vector of services is ever allocated (a 10,000-service file stays linear and small).
pub fn sort_services(services: &mut [Service]) {
    if services.windows(2).all(|w| w[0].name <= w[1].name) {
        return;
    }
    let mut order: Vec<usize> = (0..services.len()).collect();
    order.sort_unstable_by(|&a, &b| services[a].name.cmp(&services[b].name));
    apply_order(services, &mut order);
}

/// For services sorted by name, each one's name rank: the index of the first service with the
/// same name. Comparing ranks is comparing names, without reading the strings (sorting 20,000
/// edges by the names at their ends compares numbers).
pub fn name_ranks(services: &[Service]) -> Vec<u32> {
    let mut ranks = Vec::with_capacity(services.len());
    for (i, s) in services.iter().enumerate() {
        let same = i > 0 && services[i - 1].name == s.name;
        ranks.push(if same { ranks[i - 1] } else { i as u32 });
    }
    ranks
}

/// Rearranges `items` so that position `i` holds what was at `order[i]`; `order` is left as
/// the identity. Each cycle of the permutation is walked once with swaps.
fn apply_order<T>(items: &mut [T], order: &mut [usize]) {
    for start in 0..items.len() {
        let mut cur = start;
        loop {
            let src = order[cur];
            order[cur] = cur;
            if src == start {
                break;
            }
            items.swap(cur, src);
            cur = src;
        }
    }
}

/// Repository path of an image reference, lower-cased, without registry, tag and digest.
/// Slices of the reference, one allocation: it runs for every service, several times.
pub fn image_repository(image: &str) -> Str {
    let no_digest = image.split('@').next().unwrap_or("");
    // the tag is after the last ':' that follows the last '/'
    let last_slash = no_digest.rfind('/').map_or(0, |i| i + 1);
    let mut repo = match no_digest[last_slash..].find(':') {
        Some(i) => &no_digest[..last_slash + i],
        None => no_digest,
    };
    if let Some((first, rest)) = repo.split_once('/')
        && (first.contains('.') || first.contains(':') || first == "localhost")
    {
        repo = rest;
    }
    if let Some(rest) = repo.strip_prefix("library/") {
        repo = rest;
    }
    let mut repo = Str::from(repo);
    repo.make_ascii_lowercase();
    repo
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every service of a file is held to the end of the run: a field added inline costs
    /// that much per service (10,000 services: 4 MB at 400 bytes). Rare keys go in `Extras`.
    #[test]
    fn a_service_stays_small() {
        assert!(
            std::mem::size_of::<Service>() <= 360,
            "{}",
            std::mem::size_of::<Service>()
        );
        assert!(std::mem::size_of::<crate::source::Pos>() <= 20);
        // one of each per service in a typical file
        assert!(std::mem::size_of::<Port>() <= 80);
        assert!(std::mem::size_of::<Dependency>() <= 48);
    }

    #[test]
    fn name_ranks_order_as_names_do() {
        let svc = |n: &str| Service {
            name: n.into(),
            ..Service::default()
        };
        let s = [svc("a"), svc("b"), svc("b"), svc("c")];
        assert_eq!(name_ranks(&s), [0, 1, 1, 3]);
    }

    #[test]
    fn image_repositories() {
        assert_eq!(image_repository("postgres:16"), "postgres");
        assert_eq!(
            image_repository("docker.io/library/postgres:16"),
            "postgres"
        );
        assert_eq!(
            image_repository("ghcr.io/acme/api:1.2@sha256:ab"),
            "acme/api"
        );
        assert_eq!(image_repository("localhost:5000/app"), "app");
        assert_eq!(
            image_repository("mcr.microsoft.com/mssql/server:2019"),
            "mssql/server"
        );
        assert_eq!(
            image_repository("postgrest/postgrest"),
            "postgrest/postgrest"
        );
        assert_eq!(image_repository("Docker.IO/Library/Redis"), "library/redis");
        assert_eq!(image_repository("library/redis"), "redis");
        assert_eq!(image_repository("library"), "library");
        assert_eq!(image_repository("ghcr.io/app"), "app");
        assert_eq!(image_repository(""), "");
    }

    #[test]
    fn orders_are_applied_in_place() {
        // every permutation of five items
        fn perms(n: usize) -> Vec<Vec<usize>> {
            if n == 0 {
                return vec![vec![]];
            }
            let mut out = Vec::new();
            for p in perms(n - 1) {
                for i in 0..=p.len() {
                    let mut q = p.clone();
                    q.insert(i, n - 1);
                    out.push(q);
                }
            }
            out
        }
        for p in perms(5) {
            let mut items: Vec<usize> = (0..5).map(|i| i * 10).collect();
            let mut order = p.clone();
            apply_order(&mut items, &mut order);
            let want: Vec<usize> = p.iter().map(|i| i * 10).collect();
            assert_eq!(items, want, "{p:?}");
        }
    }
}
