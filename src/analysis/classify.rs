//! Image classes and service roles: which services are infrastructure (databases, brokers,
//! proxies, observability…) by exact image repository, and which role a first-party service
//! plays. Never matches substrings of repository names (`postgrest` is not Postgres).

pub use crate::model::class::{Class, ClassOverride};
use crate::model::{Located, Service};
use crate::source::Str;

/// (repository, class). An entry with a `/` matches the whole repository path; a single
/// name matches the repository or its last path component (`bitnami/postgres` ≠ `postgres` is
/// listed explicitly where it matters). A trailing `*` is a prefix match.
const IMAGES: &[(&str, Class)] = &[
    // relational
    ("postgres", Class::Database),
    ("postgresql", Class::Database),
    ("postgis/postgis", Class::Database),
    ("timescale/timescaledb", Class::Database),
    ("timescale/timescaledb-ha", Class::Database),
    ("pgvector/pgvector", Class::Database),
    ("ankane/pgvector", Class::Database),
    ("supabase/postgres", Class::Database),
    ("bitnami/postgresql", Class::Database),
    ("mysql", Class::Database),
    ("mysql/mysql-server", Class::Database),
    ("mariadb", Class::Database),
    ("percona", Class::Database),
    ("percona/percona-server", Class::Database),
    ("bitnami/mysql", Class::Database),
    ("bitnami/mariadb", Class::Database),
    ("mssql/server", Class::Database),
    ("mssql/rhel/server", Class::Database),
    ("azure-sql-edge", Class::Database),
    ("database/*", Class::Database),
    ("cockroachdb/cockroach", Class::Database),
    ("yugabytedb/yugabyte", Class::Database),
    ("pingcap/tidb", Class::Database),
    ("gvenzl/oracle-xe", Class::Database),
    ("gvenzl/oracle-free", Class::Database),
    // document / kv / wide column / graph / tsdb / olap
    ("mongo", Class::Database),
    ("mongodb/mongodb-community-server", Class::Database),
    ("bitnami/mongodb", Class::Database),
    ("couchdb", Class::Database),
    ("couchbase", Class::Database),
    ("cassandra", Class::Database),
    ("bitnami/cassandra", Class::Database),
    ("scylladb/scylla", Class::Database),
    ("neo4j", Class::Database),
    ("arangodb", Class::Database),
    ("influxdb", Class::Database),
    ("questdb/questdb", Class::Database),
    ("victoriametrics/victoria-metrics", Class::Database),
    ("clickhouse/clickhouse-server", Class::Database),
    ("clickhouse", Class::Database),
    ("yandex/clickhouse-server", Class::Database),
    ("altinity/clickhouse-server", Class::Database),
    ("amazon/dynamodb-local", Class::Database),
    ("surrealdb/surrealdb", Class::Database),
    ("etcd", Class::Database),
    ("coreos/etcd", Class::Database),
    ("bitnami/etcd", Class::Database),
    // search
    ("elasticsearch", Class::Search),
    ("elasticsearch/elasticsearch", Class::Search),
    ("opensearchproject/opensearch", Class::Search),
    ("solr", Class::Search),
    ("getmeili/meilisearch", Class::Search),
    ("typesense/typesense", Class::Search),
    // cache
    ("redis", Class::Cache),
    ("redis/redis-stack", Class::Cache),
    ("redis/redis-stack-server", Class::Cache),
    ("bitnami/redis", Class::Cache),
    ("valkey/valkey", Class::Cache),
    ("valkey-io/valkey", Class::Cache),
    ("memcached", Class::Cache),
    ("bitnami/memcached", Class::Cache),
    ("eqalpha/keydb", Class::Cache),
    ("dragonflydb/dragonfly", Class::Cache),
    ("hazelcast/hazelcast", Class::Cache),
    ("varnish", Class::Cache),
    // brokers
    ("rabbitmq", Class::Broker),
    ("bitnami/rabbitmq", Class::Broker),
    ("confluentinc/cp-kafka", Class::Broker),
    ("confluentinc/cp-server", Class::Broker),
    ("bitnami/kafka", Class::Broker),
    ("apache/kafka", Class::Broker),
    ("apache/kafka-native", Class::Broker),
    ("wurstmeister/kafka", Class::Broker),
    ("redpandadata/redpanda", Class::Broker),
    ("vectorized/redpanda", Class::Broker),
    ("zookeeper", Class::Broker),
    ("confluentinc/cp-zookeeper", Class::Broker),
    ("wurstmeister/zookeeper", Class::Broker),
    ("bitnami/zookeeper", Class::Broker),
    ("nats", Class::Broker),
    ("nats-streaming", Class::Broker),
    ("apache/activemq-artemis", Class::Broker),
    ("apache/activemq-classic", Class::Broker),
    ("apachepulsar/pulsar", Class::Broker),
    ("eclipse-mosquitto", Class::Broker),
    ("emqx/emqx", Class::Broker),
    ("nsqio/nsq", Class::Broker),
    ("eventstore/eventstore", Class::Broker),
    ("temporalio/auto-setup", Class::Broker),
    // proxies, load balancers, gateways
    ("nginx", Class::Proxy),
    ("nginxinc/nginx-unprivileged", Class::Proxy),
    ("bitnami/nginx", Class::Proxy),
    ("traefik", Class::Proxy),
    ("haproxy", Class::Proxy),
    ("haproxytech/haproxy-alpine", Class::Proxy),
    ("caddy", Class::Proxy),
    ("envoyproxy/envoy", Class::Proxy),
    ("kong", Class::Proxy),
    ("kong/kong-gateway", Class::Proxy),
    ("httpd", Class::Proxy),
    ("openresty/openresty", Class::Proxy),
    ("nginxproxy/nginx-proxy", Class::Proxy),
    ("jwilder/nginx-proxy", Class::Proxy),
    ("jc21/nginx-proxy-manager", Class::Proxy),
    ("cloudflare/cloudflared", Class::Proxy),
    ("apache/apisix", Class::Proxy),
    ("dotnet/nightly/yarp", Class::Proxy),
    // observability
    ("prom/prometheus", Class::Observability),
    ("prometheus/prometheus", Class::Observability),
    ("grafana/grafana", Class::Observability),
    ("grafana/grafana-oss", Class::Observability),
    ("grafana/loki", Class::Observability),
    ("grafana/promtail", Class::Observability),
    ("grafana/tempo", Class::Observability),
    ("grafana/alloy", Class::Observability),
    ("grafana/mimir", Class::Observability),
    ("grafana/pyroscope", Class::Observability),
    ("grafana/beyla", Class::Observability),
    ("grafana/agent", Class::Observability),
    ("grafana/k6", Class::Helper),
    ("jaegertracing/all-in-one", Class::Observability),
    ("jaegertracing/jaeger", Class::Observability),
    ("openzipkin/zipkin", Class::Observability),
    ("otel/opentelemetry-collector", Class::Observability),
    ("otel/opentelemetry-collector-contrib", Class::Observability),
    (
        "open-telemetry/opentelemetry-collector-releases/opentelemetry-collector",
        Class::Observability,
    ),
    (
        "open-telemetry/opentelemetry-collector-releases/opentelemetry-collector-contrib",
        Class::Observability,
    ),
    (
        "open-telemetry/opentelemetry-collector-releases/opentelemetry-collector-k8s",
        Class::Observability,
    ),
    ("fluent/fluentd", Class::Observability),
    ("fluent/fluent-bit", Class::Observability),
    ("fluentd", Class::Observability),
    ("logstash/logstash", Class::Observability),
    ("logstash", Class::Observability),
    ("kibana", Class::Observability),
    ("kibana/kibana", Class::Observability),
    (
        "opensearchproject/opensearch-dashboards",
        Class::Observability,
    ),
    ("datalust/seq", Class::Observability),
    ("cadvisor/cadvisor", Class::Observability),
    ("google/cadvisor", Class::Observability),
    ("prom/node-exporter", Class::Observability),
    ("prom/alertmanager", Class::Observability),
    ("timberio/vector", Class::Observability),
    ("getsentry/snuba", Class::App),
    // object storage
    ("minio/minio", Class::ObjectStorage),
    ("bitnami/minio", Class::ObjectStorage),
    ("chrislusf/seaweedfs", Class::ObjectStorage),
    ("localstack/localstack", Class::ObjectStorage),
    ("azure-storage/azurite", Class::ObjectStorage),
    // discovery, config, identity, secrets
    ("consul", Class::Platform),
    ("hashicorp/consul", Class::Platform),
    ("hashicorp/vault", Class::Platform),
    ("open-feature/flagd", Class::Platform),
    ("unleashorg/unleash-server", Class::Platform),
    ("vault", Class::Platform),
    ("keycloak/keycloak", Class::Platform),
    ("jboss/keycloak", Class::Platform),
    ("bitnami/keycloak", Class::Platform),
    // helpers that are not business services
    ("willfarrell/autoheal", Class::Helper),
    ("containrrr/watchtower", Class::Helper),
    ("tianon/exim4", Class::Helper),
    ("namshi/smtp", Class::Helper),
    ("egos-tech/smtp", Class::Helper),
    ("bytemark/smtp", Class::Helper),
    ("mailhog/mailhog", Class::Helper),
    ("axllent/mailpit", Class::Helper),
    ("bitnami/pgbouncer", Class::Helper),
    ("edoburu/pgbouncer", Class::Helper),
    ("pgbouncer/pgbouncer", Class::Helper),
    ("browserless/chrome", Class::Helper),
    ("darthsim/imgproxy", Class::Helper),
    ("adminer", Class::Helper),
    ("dpage/pgadmin4", Class::Helper),
    ("phpmyadmin", Class::Helper),
    ("phpmyadmin/phpmyadmin", Class::Helper),
    ("mongo-express", Class::Helper),
    ("mcuadros/ofelia", Class::Helper),
    ("crazymax/swarm-cronjob", Class::Helper),
    ("willfarrell/crontab", Class::Helper),
    ("busybox", Class::Helper),
    ("alpine", Class::Helper),
    ("portainer/portainer-ce", Class::Helper),
    ("portainer/portainer", Class::Helper),
];

/// Container paths where datastores keep their data (decision-rules §2.1).
const DATA_PATHS: &[(&str, Class)] = &[
    ("/var/lib/postgresql/data", Class::Database),
    ("/var/lib/mysql", Class::Database),
    ("/data/db", Class::Database),
    ("/var/lib/clickhouse", Class::Database),
    ("/var/lib/cassandra", Class::Database),
    ("/var/opt/mssql", Class::Database),
    ("/usr/share/elasticsearch/data", Class::Search),
    ("/usr/share/opensearch/data", Class::Search),
    ("/var/lib/rabbitmq", Class::Broker),
];

/// Service names that identify infrastructure when the image says nothing (built locally).
const NAMES: &[(&str, Class)] = &[
    ("kafka", Class::Broker),
    ("smtp", Class::Helper),
    ("mail", Class::Helper),
    ("postfix", Class::Helper),
    ("exim", Class::Helper),
    ("minio", Class::ObjectStorage),
    ("db", Class::Database),
    ("database", Class::Database),
];

/// Class of an image reference, by exact repository (or basename for single-name entries).
/// Exact repositories, built once.
fn exact_images() -> &'static std::collections::HashMap<&'static str, Class> {
    static MAP: std::sync::OnceLock<std::collections::HashMap<&'static str, Class>> =
        std::sync::OnceLock::new();
    MAP.get_or_init(|| {
        IMAGES
            .iter()
            .filter(|(p, _)| !p.ends_with('*'))
            .map(|(p, c)| (*p, *c))
            .collect()
    })
}

/// The class an image repository ([`crate::model::image_repository`]'s result) says, if any.
pub fn repo_class(repo: &str) -> Option<Class> {
    let base = repo.rsplit('/').next().unwrap_or(repo);
    if let Some(c) = exact_images().get(repo) {
        return Some(*c);
    }
    for (pat, class) in IMAGES {
        if let Some(prefix) = pat.strip_suffix('*')
            && repo.starts_with(prefix)
        {
            return Some(*class);
        }
    }
    // `bitnami/redis`-style vendor rebuilds of a well-known single-name image
    if repo.split('/').count() == 2
        && let Some(c) = exact_images().get(base).filter(|_| !base.contains('/'))
    {
        return Some(*c);
    }
    if base.ends_with("-exporter") || base.ends_with("_exporter") {
        return Some(Class::Observability);
    }
    // A vendor path whose last component is a well-known name followed only by version or
    // variant tokens (`<vendor>/postgres-12-alpine`, `redis-7`); exact tokens, never a
    // substring (`postgrest` stays what it is).
    let mut tokens = base.split(['-', '_']);
    if let Some(first) = tokens.next()
        && first != base
        && let Some(c) = exact_images().get(first)
    {
        let variants = [
            "alpine",
            "slim",
            "bullseye",
            "bookworm",
            "buster",
            "jammy",
            "focal",
            "debian",
            "ubuntu",
            "latest",
            "lts",
            "server",
            "community",
            "oss",
            "management",
            "emulator",
            "local",
        ];
        let mut rest = tokens.peekable();
        if rest.peek().is_some()
            && rest
                .all(|t| variants.contains(&t) || t.chars().all(|c| c.is_ascii_digit() || c == '.'))
        {
            return Some(*c);
        }
    }
    None
}

/// Cloud datastores whose local emulators projects build themselves (`firestore`,
/// `dynamodb-local`): a service named after one is that datastore, not first-party code.
const EMULATED_DATASTORES: &[&str] = &[
    "firestore",
    "dynamodb",
    "datastore",
    "spanner",
    "bigtable",
    "cosmosdb",
    "bigquery",
];

/// Class of a service: its image's class; first-party (built, or an unknown image) is `App`,
/// except built discovery/config-server/registry images (Eureka, Spring Cloud Config).
/// A service's class: the user's classification of the service, else of its image's
/// repository, else what the files show (`detected_class`). `first-party` makes it application
/// code; `third-party` and `vendor` make application code a helper (someone else's code) and
/// keep an infrastructure class.
/// `repo` is the service's image repository, computed once by the caller.
pub fn service_class(
    s: &Service,
    repo: Option<&str>,
    images: &std::collections::BTreeMap<String, Located<ClassOverride>>,
) -> Class {
    let detected = detected_class_of(s, repo);
    let chosen = s
        .extras()
        .class_override
        .as_ref()
        .map(|o| o.value)
        .or_else(|| repo.and_then(|r| images.get(r)).map(|o| o.value));
    match chosen {
        None => detected,
        Some(ClassOverride::FirstParty) => Class::App,
        Some(ClassOverride::ThirdParty | ClassOverride::Vendor) if detected == Class::App => {
            Class::Helper
        }
        Some(ClassOverride::ThirdParty | ClassOverride::Vendor) => detected,
        Some(ClassOverride::Class(c)) => c,
    }
}

/// What the files show of a service's class: its kind (manifests, catalogs), its image, its
/// data directories and name.
pub fn detected_class(s: &Service) -> Class {
    detected_class_of(s, s.image_repo().as_deref())
}

/// [`detected_class`] with the service's image repository computed once by the caller.
pub fn detected_class_of(s: &Service, repo: Option<&str>) -> Class {
    match s.kind.as_deref() {
        Some("Ingress") => return Class::Proxy,
        Some(k) if k.starts_with("Resource:") => {
            // Backstage resources: the catalog says what they are.
            return match &k["Resource:".len()..] {
                "database" | "db" | "datastore" => Class::Database,
                "cache" => Class::Cache,
                "queue" | "topic" | "broker" | "message-queue" | "stream" => Class::Broker,
                "search" => Class::Search,
                "s3-bucket" | "bucket" | "storage" | "object-storage" => Class::ObjectStorage,
                _ => Class::Platform,
            };
        }
        Some(k)
            if k.starts_with("Component:")
                && k != "Component:service"
                && k != "Component:website"
                && k != "Component:" =>
        {
            return Class::Helper;
        }
        _ => {}
    }
    if let Some(c) = repo.and_then(repo_class) {
        return c;
    }
    // A locally built or unknown image: data directories and well-known service names.
    for m in &s.mounts {
        if let Some(c) = DATA_PATHS
            .iter()
            .find(|(p, _)| {
                m.target
                    .strip_prefix(p)
                    .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
            })
            .map(|(_, c)| *c)
        {
            return c;
        }
    }
    let lname = s.name.to_ascii_lowercase();
    if let Some((_, c)) = NAMES.iter().find(|(n, _)| *n == lname) {
        return *c;
    }
    if lname
        .split(['-', '_'])
        .next()
        .is_some_and(|t| EMULATED_DATASTORES.contains(&t))
    {
        return Class::Database;
    }
    // `catalogue-db`, `user_db`, `orders-mongodb`: a project's own database image.
    if [
        "-db",
        "_db",
        "-database",
        "-mongodb",
        "-mongo",
        "-mysql",
        "-postgres",
        "-postgresql",
    ]
    .iter()
    .any(|suffix| lname.ends_with(suffix))
        // `mymeetingsdb`, `ordersdb`: a name ending in `db` after a word of its own
        || (lname.len() >= 6 && lname.ends_with("db") && lname[..lname.len() - 2].chars().all(|c| c.is_ascii_alphabetic()))
    {
        return Class::Database;
    }
    // a service named like a well-known single-name image (`redis`, `postgres`)
    if !lname.contains('/')
        && let Some(c) = exact_images().get(lname.as_str())
    {
        return *c;
    }
    let name = repo.unwrap_or(&lname);
    let base = name.rsplit('/').next().unwrap_or(name);
    let words = |t: &str| -> bool {
        base.split(['-', '_', '.']).any(|w| w == t) || lname.split(['-', '_', '.']).any(|w| w == t)
    };
    if words("discovery") || words("eureka") || base.contains("config-server") || words("registry")
    {
        return Class::Platform;
    }
    Class::App
}

/// Words that mark a worker/scheduler role in a service name or command (decision-rules §2.1).
const WORKER_WORDS: &[&str] = &[
    "worker",
    "workers",
    "celery",
    "sidekiq",
    "rq",
    "consumer",
    "consumers",
    "queue",
    "ingest",
    "dispatch",
    "dispatcher",
    "triggerer",
    "housekeeping",
    "cleanup",
];
const SCHEDULER_WORDS: &[&str] = &[
    "beat",
    "scheduler",
    "cron",
    "crond",
    "cronjob",
    "job",
    "jobs",
];
const ONESHOT_WORDS: &[&str] = &[
    "init",
    "migrate",
    "migrator",
    "migration",
    "migrations",
    "setup",
    "seed",
    "bootstrap",
];

fn tokens(s: &str) -> impl Iterator<Item = String> + '_ {
    s.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|t| !t.is_empty())
        // `worker2` is a worker: trailing digits number replicas written by hand
        .map(|t| {
            t.trim_end_matches(|c: char| c.is_ascii_digit())
                .to_ascii_lowercase()
        })
        .filter(|t| !t.is_empty())
}

/// The role of a service: `worker`, `scheduler`, `one-shot` or `web`/`service`.
pub fn role(s: &Service) -> &'static str {
    let cmd: Vec<Str> = s
        .command
        .as_deref()
        .into_iter()
        .chain(s.extras().entrypoint.iter())
        .flat_map(|c| c.value.iter().cloned())
        .collect();
    let name_tokens: Vec<String> = tokens(&s.name).collect();
    let cmd_tokens: Vec<String> = cmd
        .iter()
        .flat_map(|c| tokens(c).collect::<Vec<_>>())
        .collect();
    let has = |words: &[&str]| {
        name_tokens.iter().any(|t| words.contains(&t.as_str()))
            || cmd_tokens
                .iter()
                .take(6)
                .any(|t| words.contains(&t.as_str()))
    };
    if name_tokens
        .iter()
        .any(|t| ONESHOT_WORDS.contains(&t.as_str()))
    {
        return "one-shot";
    }
    if has(SCHEDULER_WORDS) {
        return "scheduler";
    }
    if has(WORKER_WORDS) {
        return "worker";
    }
    if !s.ports.is_empty() || !s.extras().expose.is_empty() {
        return "web";
    }
    "service"
}

#[cfg(test)]
mod tests {
    use super::*;

    fn image_class(image: &str) -> Option<Class> {
        repo_class(&crate::model::image_repository(image))
    }

    #[test]
    fn vendor_paths_match_by_exact_tokens() {
        assert_eq!(
            image_class("acme/postgres-12-alpine"),
            Some(Class::Database)
        );
        assert_eq!(image_class("acme/redis-7"), Some(Class::Cache));
        assert_eq!(image_class("postgrest/postgrest"), None);
        assert_eq!(image_class("acme/redis-commander"), None);
    }

    #[test]
    fn exact_repository_matching() {
        assert_eq!(image_class("postgres:16"), Some(Class::Database));
        assert_eq!(image_class("postgrest/postgrest:v12"), None);
        assert_eq!(image_class("supabase/postgres-meta:v0.8"), None);
        assert_eq!(image_class("bitnami/redis:7"), Some(Class::Cache));
        assert_eq!(
            image_class("mcr.microsoft.com/mssql/server:2019-latest"),
            Some(Class::Database)
        );
        assert_eq!(
            image_class("quay.io/prometheus/node-exporter"),
            Some(Class::Observability)
        );
        assert_eq!(
            image_class("prometheuscommunity/postgres-exporter"),
            Some(Class::Observability)
        );
        assert_eq!(image_class("descartesresearch/teastore-db"), None);
        assert_eq!(
            image_class("docker.elastic.co/elasticsearch/elasticsearch:8"),
            Some(Class::Search)
        );
        assert_eq!(
            image_class("container-registry.oracle.com/database/free"),
            Some(Class::Database)
        );
    }
}
