//! Backstage software catalogs (`catalog-info.yaml`, multi-document) → Model: Components are
//! services, Resources of type database/cache/queue are datastores, `dependsOn` and
//! `providesApis`/`consumesApis` are edges. Reads entity metadata only.

use std::collections::BTreeMap;

use super::yaml::Node;
use crate::error::{Error, Result};
use crate::model::*;
use crate::source::{Pos, SourceMap};
use crate::tr;

/// An entity reference `kind:namespace/name` → (kind, name), lower-cased kind.
fn parse_ref(r: &str, default_kind: &str) -> (String, String) {
    let (kind, rest) = match r.split_once(':') {
        Some((k, rest)) => (k.to_ascii_lowercase(), rest),
        None => (default_kind.to_string(), r),
    };
    let name = rest.rsplit('/').next().unwrap_or(rest).to_string();
    (kind, name)
}

fn refs(n: Option<&Node>) -> Vec<(String, Pos)> {
    match n {
        Some(x) => match x.as_seq() {
            Some(items) => items
                .iter()
                .filter_map(|i| i.as_str().map(|s| (s.to_string(), i.pos)))
                .collect(),
            None => x
                .as_str()
                .map(|s| vec![(s.to_string(), x.pos)])
                .unwrap_or_default(),
        },
        None => vec![],
    }
}

pub fn load(sm: &SourceMap, files: &[(u32, Vec<Node>)]) -> Result<Model> {
    let mut model = Model {
        kinds: vec![InputKind::Backstage],
        ..Model::default()
    };
    // API name → providing components.
    let mut providers: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut consumers: Vec<(String, String, Pos)> = Vec::new();
    let mut depends: Vec<(String, String, String, Pos)> = Vec::new();
    for (_, docs) in files {
        for d in docs.iter().filter(|d| !d.is_null()) {
            let api = d.get("apiVersion").and_then(Node::as_str).unwrap_or("");
            if !api.starts_with("backstage.io/") {
                return Err(Error::input(
                    "invalid-catalog",
                    tr!("input-catalog-needs-api-version"),
                )
                .at_pos(sm, d.pos));
            }
            let kind = d.get("kind").and_then(Node::as_str).unwrap_or("");
            let Some(name_node) = d
                .get("metadata")
                .and_then(|m| m.get("name"))
                .filter(|n| n.as_str().is_some())
            else {
                return Err(Error::input(
                    "invalid-catalog",
                    tr!("input-no-metadata-name", kind = kind),
                )
                .at_pos(sm, d.pos));
            };
            let name = name_node.as_str().unwrap_or_default().to_string();
            let spec = d.get("spec");
            let spec_type = spec
                .and_then(|s| s.get("type"))
                .and_then(Node::as_str)
                .unwrap_or("")
                .to_ascii_lowercase();
            match kind {
                "Component" => {
                    let mut s = Service {
                        name: name.as_str().into(),
                        name_pos: name_node.pos,
                        body: d.pos.at,
                        kind: Some(compact_str::format_compact!("Component:{spec_type}")),
                        ..Service::default()
                    };
                    if spec_type == "website" {
                        s.ports.push(Port::new(
                            "80".into(),
                            Some("80".into()),
                            None,
                            None,
                            None,
                            name_node.pos,
                        ));
                    }
                    for (r, _) in refs(spec.and_then(|s| s.get("providesApis"))) {
                        providers
                            .entry(parse_ref(&r, "api").1)
                            .or_default()
                            .push(name.clone());
                    }
                    for (r, pos) in refs(spec.and_then(|s| s.get("consumesApis"))) {
                        consumers.push((name.clone(), parse_ref(&r, "api").1, pos));
                    }
                    for (r, pos) in refs(spec.and_then(|s| s.get("dependsOn"))) {
                        let (k, n) = parse_ref(&r, "component");
                        depends.push((name.clone(), k, n, pos));
                    }
                    model.services.push(s);
                }
                "Resource" => {
                    let s = Service {
                        name: name.as_str().into(),
                        name_pos: name_node.pos,
                        body: d.pos.at,
                        kind: Some(compact_str::format_compact!("Resource:{spec_type}")),
                        ..Service::default()
                    };
                    for (r, pos) in refs(spec.and_then(|s| s.get("dependsOn"))) {
                        let (k, n) = parse_ref(&r, "resource");
                        depends.push((name.clone(), k, n, pos));
                    }
                    model.services.push(s);
                }
                // System, API, Domain, Group, User, Location, Template: not runtime units.
                _ => {}
            }
        }
    }
    let known: std::collections::BTreeSet<crate::source::Str> =
        model.services.iter().map(|s| s.name.clone()).collect();
    for s in &mut model.services {
        let name = s.name.clone();
        for (_, _, to, pos) in depends.iter().filter(|d| d.0 == name) {
            if known.contains(to.as_str()) {
                s.extras_mut().links_to.push(Link {
                    to: to.as_str().into(),
                    kind: LinkKind::DependsOn,
                    pos: *pos,
                });
            }
        }
        for (_, api, pos) in consumers.iter().filter(|c| c.0 == name) {
            for p in providers.get(api).map(Vec::as_slice).unwrap_or_default() {
                if *p != name {
                    s.extras_mut().links_to.push(Link {
                        to: p.as_str().into(),
                        kind: LinkKind::Api,
                        pos: *pos,
                    });
                }
            }
        }
    }
    sort_services(&mut model.services);
    model.services.dedup_by(|a, b| a.name == b.name);
    model.anchor = model.services.first().map(|s| s.name_pos.at);
    Ok(model)
}
