//! Kubernetes manifests (multi-document files, directories, `helm template` and `kustomize
//! build` output) → Model. Workloads become services; Services, ConfigMaps and Ingresses
//! become edges; HPAs, PDBs, probes, strategies and CronJobs become the same evidence the
//! Compose keys give. Secret values are never read; ConfigMap values only to find references.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::yaml::{Kind, Node};
use crate::error::{Error, Result};
use crate::model::*;
use crate::source::{Pos, SourceMap, Str};
use crate::tr;

const WORKLOADS: &[&str] = &[
    "Deployment",
    "StatefulSet",
    "DaemonSet",
    "ReplicaSet",
    "Pod",
    "Job",
    "CronJob",
    "DeploymentConfig",
];

/// One parsed manifest document with its identity.
struct Doc<'a> {
    kind: String,
    name: String,
    name_pos: Pos,
    namespace: String,
    node: &'a Node,
}

fn str_at<'a>(n: &'a Node, path: &[&str]) -> Option<&'a str> {
    node_at(n, path)?.as_str()
}

fn node_at<'a>(n: &'a Node, path: &[&str]) -> Option<&'a Node> {
    let mut cur = n;
    for p in path {
        cur = cur.get(p)?;
    }
    Some(cur)
}

fn labels(n: Option<&Node>) -> BTreeMap<String, String> {
    n.and_then(Node::as_map)
        .map(|m| {
            m.iter()
                .filter_map(|e| e.value.as_str().map(|v| (e.key.to_string(), v.to_string())))
                .collect()
        })
        .unwrap_or_default()
}

fn matches(selector: &BTreeMap<String, String>, labels: &BTreeMap<String, String>) -> bool {
    !selector.is_empty() && selector.iter().all(|(k, v)| labels.get(k) == Some(v))
}

/// True when a document looks like a Kubernetes object (apiVersion and kind at the root).
pub fn is_manifest(doc: &Node) -> bool {
    doc.get("apiVersion").and_then(Node::as_str).is_some()
        && doc.get("kind").and_then(Node::as_str).is_some()
}

/// Flattens `kind: List` documents into their items.
fn flatten<'a>(docs: &'a [Node], out: &mut Vec<&'a Node>) {
    for d in docs {
        if d.get("kind").and_then(Node::as_str) == Some("List") {
            if let Some(items) = d.get("items").and_then(Node::as_seq) {
                flatten(items, out);
            }
        } else if !d.is_null() {
            out.push(d);
        }
    }
}

/// A ConfigMap's entries: key, value (used only to find references, never printed), position.
type ConfigData = Vec<(String, String, Pos)>;

struct Workload {
    service: Service,
    pod_labels: BTreeMap<String, String>,
    namespace: String,
    /// ConfigMaps the containers read (envFrom / valueFrom), by name.
    configmaps: Vec<(String, Option<String>, Pos)>,
}

/// Builds the model from the documents of every manifest file.
pub fn load(sm: &SourceMap, files: &[(u32, Vec<Node>)]) -> Result<Model> {
    let mut all: Vec<&Node> = Vec::new();
    for (_, docs) in files {
        flatten(docs, &mut all);
    }
    let mut docs: Vec<Doc<'_>> = Vec::new();
    let mut seen: BTreeSet<(String, String, String)> = BTreeSet::new();
    for n in all {
        if n.as_map().is_none() {
            return Err(Error::input(
                "invalid-manifest",
                tr!("input-manifest-not-mapping", found = n.type_label()),
            )
            .at_pos(sm, n.pos));
        }
        let (Some(kind), Some(_api)) = (str_at(n, &["kind"]), str_at(n, &["apiVersion"])) else {
            return Err(
                Error::input("invalid-manifest", tr!("input-manifest-needs-kind"))
                    .at_pos(sm, n.pos),
            );
        };
        let name_node = node_at(n, &["metadata", "name"]);
        let Some(name_node) = name_node.filter(|x| x.as_str().is_some()) else {
            if kind == "Kustomization" || kind == "Config" || n.get("metadata").is_none() {
                continue; // kustomize/skaffold configuration, not a cluster object
            }
            return Err(Error::input(
                "invalid-manifest",
                tr!("input-no-metadata-name", kind = kind),
            )
            .at_pos(sm, n.pos));
        };
        let name = name_node.as_str().unwrap_or_default().to_string();
        let namespace = str_at(n, &["metadata", "namespace"])
            .unwrap_or("default")
            .to_string();
        // The same object in several files (rendered bundle and its sources): first wins.
        if !seen.insert((kind.to_string(), namespace.clone(), name.clone())) {
            continue;
        }
        docs.push(Doc {
            kind: kind.to_string(),
            name,
            name_pos: name_node.pos,
            namespace,
            node: n,
        });
    }

    // Names: plain unless the same workload name appears in several namespaces.
    let mut name_count: HashMap<&str, usize> = HashMap::new();
    for d in docs.iter().filter(|d| WORKLOADS.contains(&d.kind.as_str())) {
        *name_count.entry(d.name.as_str()).or_default() += 1;
    }
    let display = |d: &Doc<'_>| -> String {
        if name_count.get(d.name.as_str()).copied().unwrap_or(0) > 1 {
            format!("{}/{}", d.namespace, d.name)
        } else {
            d.name.clone()
        }
    };

    let configmaps: BTreeMap<(String, String), ConfigData> = docs
        .iter()
        .filter(|d| d.kind == "ConfigMap")
        .map(|d| {
            let data = d
                .node
                .get("data")
                .and_then(Node::as_map)
                .map(|m| {
                    m.iter()
                        .filter_map(|e| {
                            e.value
                                .as_str()
                                .map(|v| (e.key.to_string(), v.to_string(), e.key_pos))
                        })
                        .collect()
                })
                .unwrap_or_default();
            ((d.namespace.clone(), d.name.clone()), data)
        })
        .collect();

    let mut workloads: Vec<Workload> = Vec::new();
    for d in docs.iter().filter(|d| WORKLOADS.contains(&d.kind.as_str())) {
        workloads.push(workload(sm, d, display(d))?);
    }
    let mut by_name: HashMap<(String, String), Vec<usize>> = HashMap::new();
    for (i, w) in workloads.iter().enumerate() {
        by_name
            .entry((w.namespace.clone(), w.service.name.to_string()))
            .or_default()
            .push(i);
    }

    // Kubernetes Services: DNS name → selected workloads.
    let mut dns: HashMap<String, Vec<usize>> = HashMap::new();
    let mut exposed: Vec<(usize, Port)> = Vec::new();
    // (namespace, label, value) → workloads carrying it: selectors look up candidates by one
    // of their pairs instead of scanning every workload.
    let mut by_label: HashMap<(&str, &str, &str), Vec<usize>> = HashMap::new();
    for (i, w) in workloads.iter().enumerate() {
        for (k, v) in &w.pod_labels {
            by_label
                .entry((w.namespace.as_str(), k.as_str(), v.as_str()))
                .or_default()
                .push(i);
        }
    }
    let select = |namespace: &str, selector: &BTreeMap<String, String>| -> Vec<usize> {
        let Some((k, v)) = selector.iter().next() else {
            return Vec::new();
        };
        by_label
            .get(&(namespace, k.as_str(), v.as_str()))
            .map(|c| {
                c.iter()
                    .copied()
                    .filter(|&i| matches(selector, &workloads[i].pod_labels))
                    .collect()
            })
            .unwrap_or_default()
    };
    for d in docs.iter().filter(|d| d.kind == "Service") {
        let selector = labels(node_at(d.node, &["spec", "selector"]));
        let selected: Vec<usize> = select(&d.namespace, &selector);
        let ty = str_at(d.node, &["spec", "type"]).unwrap_or("ClusterIP");
        if matches!(ty, "LoadBalancer" | "NodePort") {
            for p in node_at(d.node, &["spec", "ports"])
                .and_then(Node::as_seq)
                .unwrap_or_default()
            {
                let published = p
                    .get("nodePort")
                    .or(p.get("port"))
                    .and_then(|x| x.as_str())
                    .unwrap_or(ty)
                    .to_string();
                let target = p
                    .get("targetPort")
                    .or(p.get("port"))
                    .and_then(|x| x.as_str())
                    .unwrap_or("")
                    .to_string();
                for &w in &selected {
                    exposed.push((
                        w,
                        Port::new(
                            target.as_str().into(),
                            Some(published.as_str().into()),
                            None,
                            None,
                            None,
                            p.pos,
                        ),
                    ));
                }
            }
        }
        for host in [
            d.name.clone(),
            format!("{}.{}", d.name, d.namespace),
            format!("{}.{}.svc", d.name, d.namespace),
            format!("{}.{}.svc.cluster.local", d.name, d.namespace),
        ] {
            dns.entry(host)
                .or_default()
                .extend(selected.iter().copied());
        }
    }

    // HPAs and PDBs.
    let mut pdbs: Vec<(usize, Pos)> = Vec::new();
    // (workload, where, minReplicas and where it is written)
    type Floor = Option<(u64, Pos)>;
    let mut hpas: Vec<(usize, Pos, Floor)> = Vec::new();
    for d in docs.iter() {
        match d.kind.as_str() {
            "HorizontalPodAutoscaler" => {
                let target = str_at(d.node, &["spec", "scaleTargetRef", "name"]).unwrap_or("");
                let min = node_at(d.node, &["spec", "minReplicas"])
                    .and_then(|m| m.as_i64().filter(|v| *v > 0).map(|v| (v as u64, m.pos)));
                if let Some(ws) = by_name.get(&(d.namespace.clone(), target.to_string())) {
                    for &w in ws {
                        hpas.push((w, d.name_pos, min));
                    }
                }
            }
            "PodDisruptionBudget" => {
                let sel = labels(node_at(d.node, &["spec", "selector", "matchLabels"]));
                for w in select(&d.namespace, &sel) {
                    pdbs.push((w, d.name_pos));
                }
            }
            _ => {}
        }
    }

    drop(by_label);
    for (w, p) in exposed {
        workloads[w].service.ports.push(p);
    }
    for (w, pos, min) in hpas {
        let s = &mut workloads[w].service;
        s.extras_mut().hpa = Some(pos);
        // The autoscaler's floor is the replica count the workload runs with at least.
        if let Some((min, at)) = min
            && s.deploy().replicas.as_ref().is_none_or(|r| r.value < min)
        {
            s.deploy_mut().replicas = Some(Located::new(min, at));
        }
    }
    for (w, pos) in pdbs {
        workloads[w].service.extras_mut().pdb = Some(pos);
    }

    // Env and ConfigMap references to other services' DNS names.
    let names: Vec<Str> = workloads.iter().map(|w| w.service.name.clone()).collect();
    for (i, w) in workloads.iter_mut().enumerate() {
        let mut values: Vec<(Str, Pos)> = w
            .service
            .environment
            .iter()
            .filter_map(|e| e.value.clone().map(|v| (v, e.pos)))
            .collect();
        for (cm, key, pos) in &w.configmaps {
            if let Some(data) = configmaps.get(&(w.namespace.clone(), cm.clone())) {
                for (k, v, _) in data {
                    if key.as_ref().is_none_or(|x| x == k) {
                        values.push((Str::from(v.as_str()), *pos));
                    }
                }
            }
        }
        let mut links: BTreeMap<Str, Pos> = BTreeMap::new();
        let arg_hosts: Vec<(String, Pos)> = w
            .service
            .command
            .iter()
            .flat_map(|c| {
                c.value
                    .iter()
                    .flat_map(|a| crate::model::hosts::hosts_in_args(a))
                    .map(|h| (h.to_string(), c.pos))
                    .collect::<Vec<_>>()
            })
            .collect();
        let env_hosts = values.iter().flat_map(|(v, pos)| {
            crate::model::hosts::referenced_hosts(v)
                .into_iter()
                .map(|h| (h.to_string(), *pos))
                .collect::<Vec<_>>()
        });
        for (host, pos) in env_hosts.chain(arg_hosts) {
            {
                let host = host.as_str();
                let short = host.strip_suffix(".cluster.local").unwrap_or(host);
                for &t in dns.get(short).map(Vec::as_slice).unwrap_or_default() {
                    if t != i {
                        links.entry(names[t].clone()).or_insert(pos);
                    }
                }
            }
        }
        for (to, pos) in links {
            w.service.extras_mut().links_to.push(Link {
                to,
                kind: LinkKind::EnvReference,
                pos,
            });
        }
    }

    let mut model = Model {
        kinds: vec![InputKind::Kubernetes],
        ..Model::default()
    };
    // Ingresses: a proxy node with edges to the workloads behind each backend.
    for d in docs.iter().filter(|d| d.kind == "Ingress") {
        let mut backends: Vec<(String, Pos)> = Vec::new();
        collect_backends(d.node, &mut backends);
        let mut s = Service {
            name: compact_str::format_compact!("ingress/{}", d.name),
            name_pos: d.name_pos,
            body: d.node.pos.at,
            kind: Some("Ingress".into()),
            ..Service::default()
        };
        let mut targets = BTreeMap::new();
        for (svc, pos) in backends {
            for &t in dns.get(&svc).map(Vec::as_slice).unwrap_or_default() {
                targets.entry(names[t].clone()).or_insert(pos);
            }
        }
        s.extras_mut().links_to = targets
            .into_iter()
            .map(|(to, pos)| Link {
                to,
                kind: LinkKind::Ingress,
                pos,
            })
            .collect();
        model.services.push(s);
    }
    for d in docs.iter().filter(|d| d.kind == "PersistentVolumeClaim") {
        model.volumes.insert(d.name.clone(), d.name_pos);
    }
    model.cluster_extensions = docs
        .iter()
        .filter(|d| extends_the_api(d))
        .map(|d| (d.kind.clone(), d.name_pos))
        .collect();
    for w in workloads {
        model.services.push(w.service);
    }
    sort_services(&mut model.services);
    model.services.dedup_by(|a, b| a.name == b.name);
    model.anchor = docs
        .first()
        .map(|d| d.node.entry("kind").map_or(d.name_pos.at, |e| e.key_pos.at));
    model.name = None;
    Ok(model)
}

/// True for an object that extends the Kubernetes API or lets a controller watch it: a
/// CustomResourceDefinition, an admission webhook, an aggregated APIService, or a ClusterRole
/// granting `watch` (or `*`) on some resource. Software shipping these runs inside a cluster.
fn extends_the_api(d: &Doc<'_>) -> bool {
    match d.kind.as_str() {
        "CustomResourceDefinition"
        | "ValidatingWebhookConfiguration"
        | "MutatingWebhookConfiguration"
        | "ValidatingAdmissionPolicy"
        | "APIService" => true,
        "ClusterRole" => d
            .node
            .get("rules")
            .and_then(Node::as_seq)
            .into_iter()
            .flatten()
            .filter_map(|r| r.get("verbs").and_then(Node::as_seq))
            .flatten()
            .any(|v| matches!(v.as_str(), Some("watch" | "*"))),
        _ => false,
    }
}

fn collect_backends(n: &Node, out: &mut Vec<(String, Pos)>) {
    match &n.kind {
        Kind::Map(entries) => {
            for e in entries {
                match e.key.as_str() {
                    // networking.k8s.io/v1: backend.service.name; v1beta1: backend.serviceName
                    "serviceName" => {
                        if let Some(s) = e.value.as_str() {
                            out.push((s.to_string(), e.value.pos));
                        }
                    }
                    "service" => {
                        if let Some(s) = e.value.get("name").and_then(Node::as_str) {
                            out.push((s.to_string(), e.value.pos));
                        }
                    }
                    _ => collect_backends(&e.value, out),
                }
            }
        }
        Kind::Seq(items) => items.iter().for_each(|i| collect_backends(i, out)),
        Kind::Scalar { .. } => {}
    }
}

fn workload(sm: &SourceMap, d: &Doc<'_>, name: String) -> Result<Workload> {
    let n = d.node;
    let (pod, pod_meta): (Option<&Node>, Option<&Node>) = match d.kind.as_str() {
        "Pod" => (n.get("spec"), n.get("metadata")),
        "CronJob" => (
            node_at(n, &["spec", "jobTemplate", "spec", "template", "spec"]),
            node_at(n, &["spec", "jobTemplate", "spec", "template", "metadata"]),
        ),
        _ => (
            node_at(n, &["spec", "template", "spec"]),
            node_at(n, &["spec", "template", "metadata"]),
        ),
    };
    let Some(pod) = pod else {
        return Err(Error::input(
            "invalid-manifest",
            tr!(
                "input-no-pod-template",
                kind = d.kind.as_str(),
                name = d.name.as_str()
            ),
        )
        .at_pos(sm, d.name_pos));
    };
    let mut s = Service {
        name: name.into(),
        name_pos: d.name_pos,
        body: n.pos.at,
        kind: Some(d.kind.as_str().into()),
        ..Service::default()
    };
    match d.kind.as_str() {
        "DaemonSet" => s.deploy_mut().mode = Some(Located::new(Mode::Global, d.name_pos)),
        "Job" => s.deploy_mut().mode = Some(Located::new(Mode::ReplicatedJob, d.name_pos)),
        "CronJob" => {
            s.deploy_mut().mode = Some(Located::new(Mode::ReplicatedJob, d.name_pos));
            s.extras_mut().schedule = node_at(n, &["spec", "schedule"]).map(|x| x.pos);
        }
        _ => {}
    }
    if let Some(r) = node_at(n, &["spec", "replicas"]) {
        let v = r.as_i64().filter(|v| *v >= 0).ok_or_else(|| {
            Error::input(
                "invalid-manifest",
                tr!("input-replicas-not-number", found = r.type_label()),
            )
            .at_pos(sm, r.pos)
        })?;
        s.deploy_mut().replicas = Some(Located::new(v as u64, r.pos));
    }
    // An explicit rolling strategy is zero-downtime intent (the default alone is not).
    for key in ["strategy", "updateStrategy"] {
        if let Some(e) = n.get("spec").and_then(|sp| sp.entry(key)) {
            let ty = e.value.get("type").and_then(Node::as_str);
            if ty == Some("RollingUpdate") || e.value.get("rollingUpdate").is_some() {
                s.deploy_mut().update_config = Some(e.key_pos);
            }
        }
    }
    let mut configmaps = Vec::new();
    let containers = pod
        .get("containers")
        .and_then(Node::as_seq)
        .unwrap_or_default();
    if containers.is_empty() {
        return Err(Error::input(
            "invalid-manifest",
            tr!(
                "input-no-containers",
                kind = d.kind.as_str(),
                name = d.name.as_str()
            ),
        )
        .at_pos(sm, d.name_pos));
    }
    for (ci, c) in containers.iter().enumerate() {
        if ci == 0 {
            if let Some(img) = c.get("image") {
                s.image = Some(Located::new(
                    img.as_str().unwrap_or_default().into(),
                    img.pos,
                ));
            }
            let cmd: Vec<Str> = ["command", "args"]
                .iter()
                .filter_map(|k| c.get(k).and_then(Node::as_seq))
                .flatten()
                .filter_map(|x| x.as_str().map(Str::from))
                .collect();
            if !cmd.is_empty() {
                s.command = Some(Box::new(Located::new(cmd, c.pos)));
            }
        }
        for p in c.get("ports").and_then(Node::as_seq).unwrap_or_default() {
            if let Some(t) = p.get("containerPort").and_then(Node::as_str) {
                s.extras_mut().expose.push(t.into());
            }
        }
        if let Some(e) = c.entry("livenessProbe") {
            s.extras_mut().probes.liveness.get_or_insert(e.key_pos);
        }
        if let Some(e) = c.entry("readinessProbe") {
            s.extras_mut().probes.readiness.get_or_insert(e.key_pos);
        }
        if str_at(c, &["securityContext", "privileged"]) == Some("true") {
            s.extras_mut().privileged = true;
        }
        for e in c.get("env").and_then(Node::as_seq).unwrap_or_default() {
            let Some(name) = e.get("name").and_then(Node::as_str) else {
                continue;
            };
            let value = e.get("value").and_then(Node::as_str).map(Str::from);
            if let Some(r) = node_at(e, &["valueFrom", "configMapKeyRef"])
                && let (Some(cm), Some(key)) = (str_at(r, &["name"]), str_at(r, &["key"]))
            {
                configmaps.push((cm.to_string(), Some(key.to_string()), e.pos));
            }
            s.environment.push(EnvVar {
                name: name.into(),
                value,
                pos: e.pos,
                env_file: None,
            });
        }
        for e in c.get("envFrom").and_then(Node::as_seq).unwrap_or_default() {
            if let Some(cm) = str_at(e, &["configMapRef", "name"]) {
                configmaps.push((cm.to_string(), None, e.pos));
            }
        }
    }
    for v in pod
        .get("volumes")
        .and_then(Node::as_seq)
        .unwrap_or_default()
    {
        let target = v.get("name").and_then(Node::as_str).unwrap_or("").into();
        if let Some(path) = str_at(v, &["hostPath", "path"]) {
            s.mounts.push(Mount {
                kind: MountKind::Bind,
                source: Some(path.into()),
                target,
                read_only: false,
                pos: v.pos,
            });
        } else if let Some(claim) = str_at(v, &["persistentVolumeClaim", "claimName"]) {
            s.mounts.push(Mount {
                kind: MountKind::Volume,
                source: Some(claim.into()),
                target,
                read_only: false,
                pos: v.pos,
            });
        }
    }
    if str_at(pod, &["hostNetwork"]) == Some("true") {
        s.extras_mut().network_mode = Some(Located::new("host".into(), pod.pos));
    }
    let pod_labels = labels(pod_meta.and_then(|m| m.get("labels")));
    Ok(Workload {
        service: s,
        pod_labels,
        namespace: d.namespace.clone(),
        configmaps,
    })
}
