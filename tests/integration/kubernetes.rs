//! Kubernetes manifests from `../shared/corpus/k8s/` read into the same service graph and
//! rules as Compose: graph shapes of Online Boutique and Sock Shop, every corpus project loads,
//! each resource kind maps to its evidence, and an over-engineered app gets `compose`.

use crate::common;

use serde_json::Value;

fn run(args: &[&str], cwd: &std::path::Path) -> (Option<i32>, Value) {
    let out = common::stackfit()
        .current_dir(cwd)
        .args(args)
        .output()
        .unwrap();
    let v = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
    (out.status.code(), v)
}

fn names(v: &Value) -> Vec<String> {
    v["services"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap().to_string())
        .collect()
}

fn edges(v: &Value) -> Vec<(String, String, String)> {
    v["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["from"].as_str().unwrap().into(),
                e["to"].as_str().unwrap().into(),
                e["kind"].as_str().unwrap().into(),
            )
        })
        .collect()
}

#[test]
#[ignore = "needs the shared corpus: set STACKFIT_CORPUS"]
fn online_boutique_graph_shape() {
    let k8s = common::corpus().join("k8s/GoogleCloudPlatform__microservices-demo");
    let (code, v) = run(&["graph", "release/kubernetes-manifests.yaml"], &k8s);
    assert_eq!(code, Some(0));
    assert_eq!(
        names(&v),
        [
            "adservice",
            "cartservice",
            "checkoutservice",
            "currencyservice",
            "emailservice",
            "frontend",
            "loadgenerator",
            "paymentservice",
            "productcatalogservice",
            "recommendationservice",
            "redis-cart",
            "shippingservice"
        ]
    );
    let e = edges(&v);
    for (from, to) in [
        ("cartservice", "redis-cart"),
        ("checkoutservice", "cartservice"),
        ("checkoutservice", "currencyservice"),
        ("checkoutservice", "emailservice"),
        ("checkoutservice", "paymentservice"),
        ("checkoutservice", "productcatalogservice"),
        ("checkoutservice", "shippingservice"),
        ("frontend", "adservice"),
        ("frontend", "checkoutservice"),
        ("frontend", "recommendationservice"),
        ("loadgenerator", "frontend"),
        ("recommendationservice", "productcatalogservice"),
    ] {
        assert!(
            e.contains(&(from.into(), to.into(), "env_reference".into())),
            "missing {from} -> {to}: {e:?}"
        );
    }
    assert_eq!(e.len(), 16, "{e:?}");
    // The same system from the per-service files gives the same graph.
    let (_, v2) = run(&["graph", "kubernetes-manifests"], &k8s);
    assert_eq!(names(&v2), names(&v));
    assert_eq!(edges(&v2), e);
}

#[test]
#[ignore = "needs the shared corpus: set STACKFIT_CORPUS"]
fn sock_shop_graph_shape_and_datastore_ownership() {
    let dir = common::corpus().join("k8s/microservices-demo__microservices-demo/deploy/kubernetes");
    let (code, v) = run(&["graph", "manifests"], &dir);
    assert_eq!(code, Some(0));
    assert_eq!(
        names(&v),
        [
            "carts",
            "carts-db",
            "catalogue",
            "catalogue-db",
            "front-end",
            "orders",
            "orders-db",
            "payment",
            "queue-master",
            "rabbitmq",
            "session-db",
            "shipping",
            "user",
            "user-db"
        ]
    );
    let classes: Vec<(String, String)> = v["services"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["name"].as_str().unwrap().into(),
                s["class"].as_str().unwrap().into(),
            )
        })
        .collect();
    assert!(classes.contains(&("rabbitmq".into(), "broker".into())));
    assert!(classes.contains(&("catalogue-db".into(), "database".into())));
    assert_eq!(
        edges(&v),
        vec![("user".into(), "user-db".into(), "env_reference".into())]
    );
    let (_, a) = run(&["analyze", "--format", "json", "manifests"], &dir);
    assert_eq!(
        a["facts"]["private-datastores"]["value"], 4.0,
        "{:#}",
        a["facts"]
    );
    assert_eq!(a["facts"]["kubernetes-input"]["value"], true);
}

#[test]
#[ignore = "needs the shared corpus: set STACKFIT_CORPUS"]
fn every_corpus_project_loads() {
    let k8s = common::corpus().join("k8s");
    let mut dirs: Vec<_> = std::fs::read_dir(&k8s)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .collect();
    dirs.sort();
    // The corpus grows: every project directory there must load, whatever their number.
    assert!(
        dirs.len() >= 11,
        "{} projects in {}",
        dirs.len(),
        k8s.display()
    );
    for d in dirs {
        let (code, v) = run(
            &["analyze", "--format", "json", "--fail-on", "never", "."],
            &d,
        );
        assert_eq!(code, Some(0), "{}", d.display());
        let got: std::collections::BTreeSet<String> = v["services"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|s| s["name"].as_str())
            .filter(|n| !n.starts_with("ingress/"))
            // `namespace/name` where one name is used in several namespaces
            .map(|n| n.rsplit('/').next().unwrap_or(n).to_string())
            .collect();
        let want = workload_names(&d);
        assert!(
            !want.is_empty(),
            "{}: no workloads found by the scan",
            d.display()
        );
        assert_eq!(got, want, "{}: workloads", d.display());
    }
}

/// Workload names found by a plain line scan of every YAML file under `dir`, independent of the
/// loader: a `kind: <workload>` line (at the root or in a `kind: List` item) and the `name:`
/// under the `metadata:` that follows it at the same indentation.
fn workload_names(dir: &std::path::Path) -> std::collections::BTreeSet<String> {
    const KINDS: &[&str] = &[
        "Deployment",
        "StatefulSet",
        "DaemonSet",
        "ReplicaSet",
        "ReplicationController",
        "Job",
        "CronJob",
        "Pod",
        "DeploymentConfig",
    ];
    let indent = |l: &str| l.len() - l.trim_start_matches([' ', '-']).len();
    let mut out = std::collections::BTreeSet::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(p) = stack.pop() {
        if p.is_dir() {
            for e in std::fs::read_dir(&p).unwrap() {
                stack.push(e.unwrap().path());
            }
            continue;
        }
        let ext = p.extension().and_then(|e| e.to_str()).unwrap_or("");
        if !matches!(ext, "yaml" | "yml") {
            continue;
        }
        let text = std::fs::read_to_string(&p).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        for (i, l) in lines.iter().enumerate() {
            let body = l.trim_start_matches([' ', '-']);
            let Some(kind) = body.strip_prefix("kind: ") else {
                continue;
            };
            if !KINDS.contains(&kind.trim()) {
                continue;
            }
            let at = indent(l);
            let meta = lines[i + 1..]
                .iter()
                .position(|m| indent(m) == at && m.trim_start_matches([' ', '-']) == "metadata:");
            let Some(m) = meta.map(|m| i + 1 + m) else {
                continue;
            };
            if let Some(name) = lines[m + 1..]
                .iter()
                .take_while(|n| n.trim().is_empty() || indent(n) > at)
                .find_map(|n| {
                    (indent(n) == at + 2)
                        .then(|| n.trim_start().strip_prefix("name: "))
                        .flatten()
                })
            {
                out.insert(name.trim().trim_matches('"').to_string());
            }
        }
    }
    out
}

const OVERKILL: &str = "apiVersion: apps/v1
kind: Deployment
metadata:
  name: blog
spec:
  selector:
    matchLabels: {app: blog}
  template:
    metadata:
      labels: {app: blog}
    spec:
      containers:
        - name: blog
          image: ghcr.io/acme/blog:1.0
          env:
            - name: DB_HOST
              value: blog-db
---
apiVersion: v1
kind: Service
metadata:
  name: blog-db
spec:
  selector: {app: blog-db}
  ports: [{port: 5432}]
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: blog-db
spec:
  selector:
    matchLabels: {app: blog-db}
  template:
    metadata:
      labels: {app: blog-db}
    spec:
      containers:
        - name: postgres
          image: postgres:16
";

#[test]
fn over_engineered_manifests_get_compose_with_the_evidence() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("app.yaml"), OVERKILL).unwrap();
    let (code, v) = run(&["analyze", "--format", "json", "app.yaml"], dir.path());
    assert_eq!(code, Some(0));
    assert_eq!(
        v["recommendation"]["outcome"], "compose",
        "{:#}",
        v["recommendation"]
    );
    let entries = crate::common::rule_entries(&v);
    let rules: Vec<&str> = entries
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert!(rules.contains(&"R-OVERKILL"), "{rules:?}");
    let notes: Vec<&str> = v["recommendation"]["notes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["id"].as_str().unwrap())
        .collect();
    assert!(notes.contains(&"over-engineered"), "{notes:?}");
    assert_eq!(
        edges(&v),
        vec![("blog".into(), "blog-db".into(), "env_reference".into())]
    );
}

const KINDS: &str = "apiVersion: apps/v1
kind: Deployment
metadata: {name: api}
spec:
  replicas: 4
  strategy: {type: RollingUpdate}
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api}}
    spec:
      containers:
        - name: api
          image: ghcr.io/acme/api:2
          livenessProbe: {httpGet: {path: /health, port: 8080}}
          envFrom: [{configMapRef: {name: api-config}}]
---
apiVersion: v1
kind: ConfigMap
metadata: {name: api-config}
data:
  WORKER_URL: http://worker:9000
---
apiVersion: v1
kind: Secret
metadata: {name: api-secret}
data: {password: c2VjcmV0}
---
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent}
spec:
  selector: {matchLabels: {app: agent}}
  template:
    metadata: {labels: {app: agent}}
    spec:
      containers: [{name: agent, image: ghcr.io/acme/agent:1}]
---
apiVersion: apps/v1
kind: ReplicaSet
metadata: {name: worker}
spec:
  selector: {matchLabels: {app: worker}}
  template:
    metadata: {labels: {app: worker}}
    spec:
      containers: [{name: worker, image: ghcr.io/acme/worker:1}]
---
apiVersion: v1
kind: Service
metadata: {name: worker}
spec: {selector: {app: worker}, ports: [{port: 9000}]}
---
apiVersion: v1
kind: Service
metadata: {name: api}
spec: {selector: {app: api}, ports: [{port: 80}]}
---
apiVersion: v1
kind: Pod
metadata: {name: debug, labels: {app: debug}}
spec:
  containers: [{name: debug, image: busybox:1.36}]
---
apiVersion: batch/v1
kind: Job
metadata: {name: migrate}
spec:
  template:
    spec:
      containers: [{name: migrate, image: ghcr.io/acme/api:2}]
---
apiVersion: batch/v1
kind: CronJob
metadata: {name: report}
spec:
  schedule: '0 3 * * *'
  jobTemplate:
    spec:
      template:
        spec:
          containers: [{name: report, image: ghcr.io/acme/report:1}]
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: api}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: api}
  minReplicas: 2
  maxReplicas: 10
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: api}
spec:
  minAvailable: 1
  selector: {matchLabels: {app: api}}
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: data}
spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: api}
spec: {podSelector: {matchLabels: {app: api}}}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: web}
spec:
  rules:
    - http:
        paths:
          - path: /
            pathType: Prefix
            backend: {service: {name: api, port: {number: 80}}}
";

#[test]
fn each_resource_kind_maps_to_evidence() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("all.yaml"), KINDS).unwrap();
    let (code, g) = run(&["graph", "all.yaml"], dir.path());
    assert_eq!(code, Some(0));
    assert_eq!(
        names(&g),
        [
            "agent",
            "api",
            "debug",
            "ingress/web",
            "migrate",
            "report",
            "worker"
        ]
    );
    let e = edges(&g);
    assert!(
        e.contains(&("api".into(), "worker".into(), "env_reference".into())),
        "{e:?}"
    );
    assert!(
        e.contains(&("ingress/web".into(), "api".into(), "ingress".into())),
        "{e:?}"
    );
    let agent = &g["services"][0];
    assert_eq!(agent["mode"], "global");
    assert!(agent["replicas"].is_null());
    let (_, v) = run(
        &[
            "analyze",
            "--format",
            "json",
            "--fail-on",
            "never",
            "all.yaml",
        ],
        dir.path(),
    );
    let f = &v["facts"];
    assert_eq!(f["max-replicas"]["value"], 4.0);
    assert_eq!(f["autoscalers"]["value"], 1.0);
    assert_eq!(f["probes"]["value"], 1.0);
    assert_eq!(f["rolling-update-signals"]["value"], 2.0, "strategy + PDB");
    assert_eq!(f["job-services"]["value"], 2.0, "Job + CronJob");
    assert_eq!(f["multi-node-signals"]["value"], 1.0, "DaemonSet");
    let text = serde_json::to_string(&v).unwrap();
    assert!(
        !text.contains("c2VjcmV0"),
        "secret data must never be printed"
    );
    // the finding on replicas points at the `4`
    let entries = crate::common::rule_entries(&v);
    let rep = entries.iter().find(|x| x["rule"] == "R-REPLICAS").unwrap();
    assert_eq!(rep["location"]["line"], 5);
    assert_eq!(rep["location"]["column"], 13);
}

#[test]
#[ignore = "needs the shared corpus: set STACKFIT_CORPUS"]
fn compose_and_manifests_of_the_same_system_agree() {
    let corpus = common::corpus();
    // example-voting-app: same services, same outcome.
    let compose = corpus.join("compose/dockersamples__example-voting-app");
    let k8s = corpus.join("k8s/dockersamples__example-voting-app");
    let (_, c) = run(
        &["analyze", "--format", "json", "docker-compose.yml"],
        &compose,
    );
    let (_, k) = run(&["analyze", "--format", "json", "."], &k8s);
    let running = |v: &Value| -> Vec<String> {
        let mut n = names(v);
        n.retain(|x| x != "seed");
        n
    };
    assert_eq!(running(&c), running(&k));
    assert_eq!(
        c["recommendation"]["outcome"],
        k["recommendation"]["outcome"]
    );
    // Sock Shop: same services and the same outcome from the compose file and the manifests.
    let compose =
        corpus.join("compose/microservices-demo__microservices-demo/deploy/docker-compose");
    let k8s = corpus.join("k8s/microservices-demo__microservices-demo/deploy/kubernetes");
    let (_, c) = run(
        &["analyze", "--format", "json", "docker-compose.yml"],
        &compose,
    );
    let (_, k) = run(&["analyze", "--format", "json", "manifests"], &k8s);
    // Documented difference: the compose file adds an edge router and a load generator
    // (`edge-router`, `user-sim`), the manifests a Redis session store (`session-db`);
    // everything else is the same system.
    let mut cn = names(&c);
    cn.retain(|n| n != "user-sim" && n != "edge-router");
    let mut kn = names(&k);
    kn.retain(|n| n != "session-db");
    assert_eq!(cn, kn);
    assert_eq!(
        c["recommendation"]["outcome"],
        k["recommendation"]["outcome"]
    );
}
