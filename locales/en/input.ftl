# input messages (en). Ids start with `input-`; see src/locale/mod.rs.

## Reading files (src/input/mod.rs)

input-env-not-number = { $var } must be a whole number, got `{ $value }`
input-binary-file = { $name }:{ $line }: { $what } contains a NUL byte: binary data, not text
input-invalid-utf8 = { $name }:{ $line }:{ $col }: { $what } is not valid UTF-8
input-cannot-resolve-project = { $name }: cannot resolve the project directory: { $why }
input-cannot-read-directory = { $name }: cannot read directory: { $why }
input-cannot-read-file = { $name }: cannot read file: { $why }
input-nothing-in-directory = { $name }: no compose file ({ $files }) or Kubernetes manifests found in this directory
input-no-workloads = { $name }: no workloads (Deployment, StatefulSet, DaemonSet, Pod, Job, CronJob…) in the manifests
input-architecture-needs-kind = an architecture description needs `kind: stackfit/architecture`
input-nothing-to-analyse = nothing to analyse
input-not-analysed = not a compose file, Kubernetes manifest, Backstage catalog or architecture description: not analysed
input-no-services = the inputs describe no services to analyse

# What is being read, as in "cannot read { $what }" and "{ $what } is not valid UTF-8".
input-what-file = file
input-what-manifest = manifest
input-what-catalog = catalog
input-what-architecture = architecture description
input-what-decomposition = decomposition input

## YAML (src/input/yaml.rs)

input-yaml-invalid = invalid YAML: { $info }
input-yaml-tab = invalid YAML: a tab in the indentation (YAML indents with spaces only)
input-yaml-unclosed = invalid YAML: `{ $open }` is never closed (expected `{ $close }`)
# $why: input-yaml-tab or input-yaml-unclosed; $info: the YAML parser's own (English) explanation.
input-yaml-cause = { $why }; the parser says: { $info }
input-yaml-unbalanced-sequence = invalid YAML: unbalanced sequence
input-yaml-unbalanced-mapping = invalid YAML: unbalanced mapping
input-yaml-too-many-documents = too many YAML documents (limit { $limit })
input-yaml-too-deep = YAML nested too deeply (limit { $limit })
input-yaml-unknown-alias = unknown YAML alias
input-yaml-alias-bomb = YAML aliases expand to more than { $limit } nodes (alias bomb?)
input-yaml-too-many-nodes = YAML document has more than { $limit } nodes
input-yaml-key-not-string = mapping keys must be strings
input-yaml-duplicate-key = duplicate mapping key `{ $key }`
input-yaml-merge-needs-mapping = merge key `<<` needs a mapping or a list of mappings

# The type of a YAML value, as in "found a { $found }".
input-type-null = null
input-type-boolean = boolean
input-type-number = number
input-type-string = string
input-type-sequence = sequence
input-type-mapping = mapping

## Kubernetes manifests and Backstage catalogs (src/input/kubernetes.rs, src/input/backstage.rs)

input-manifest-not-mapping = a manifest document must be a mapping, found a { $found }
input-manifest-needs-kind = a manifest document needs `apiVersion` and `kind`
input-no-metadata-name = { $kind } has no metadata.name
input-no-pod-template = { $kind } `{ $name }` has no pod template
input-no-containers = { $kind } `{ $name }` has no containers
input-replicas-not-number = spec.replicas must be a whole number, found a { $found }
input-catalog-needs-api-version = a catalog document needs `apiVersion: backstage.io/…`

## Architecture descriptions (src/input/architecture.rs)

# $what names a place: a key path (`services`, `monolith.modules`) or one of the labels below,
# possibly followed by a key path (`service `web`.replicas`).
input-arch-a-description = an architecture description
input-arch-the-description = the architecture description
input-arch-service = service `{ $name }`
input-arch-job = job `{ $name }`
input-arch-data-store = data store `{ $name }`
input-arch-module = module `{ $name }`
input-arch-use-case = use case `{ $name }`
input-arch-entry-of = an entry of { $what }
input-arch-group-of = a group of { $what }
# A YAML value that is not a scalar, as in "found `a mapping`"; $type_name: an input-type-… text.
input-arch-a-type = a { $type_name }
# Kinds of declared units, as in "declared as a { $prev } and as a { $what }".
input-arch-unit-service = service
input-arch-unit-job = job
input-arch-unit-data-store = data store

input-arch-not-mapping = { $what } must be a mapping, found a { $found }
input-arch-unknown-key = unknown key `{ $key }` in { $what }{ $hint }
input-arch-did-you-mean = { " " }(did you mean `{ $key }`?)
input-arch-allowed-keys = { " " }(allowed: { $keys })
input-arch-not-string = { $what } must be a non-empty string, found a { $found }
input-arch-not-count = { $what } must be a non-negative integer, found a { $found }
input-arch-not-weight = { $what } must be a positive number, found `{ $found }`
input-arch-not-one-of = { $what } must be one of { $allowed }, found `{ $found }`
input-arch-not-list = { $what } must be a list, found a { $found }
input-arch-listed-twice = `{ $name }` is listed twice in { $what }
input-arch-max-below-min = { $what }: max ({ $max }) is smaller than min ({ $min })
input-arch-not-deps = { $what } must be a list of names or a mapping of name: weight, found a { $found }
input-arch-not-accesses = { $what } must be a mapping of name: r|w|rw or a list of names, found a { $found }
input-arch-missing-kind = missing `kind: { $kind }`
input-arch-wrong-kind = kind must be `{ $kind }`, found `{ $found }`
input-arch-missing-version = missing `version: 1`
input-arch-unsupported-version = unsupported version `{ $found }`: this stackfit reads version 1
input-arch-fact-not-scalar = facts.{ $key } must be a single value, found a { $found }
input-arch-bad-schedule = { $what }.schedule must be a cron expression (5 or 6 fields, or @daily …), found `{ $found }`
input-arch-store-needs-kind = { $what } needs a `kind` (postgres, mysql, mongo, redis, kafka …)
input-arch-monolith-needs-name = monolith needs a `name`
input-arch-not-groups = { $what } must be a list of lists of module names, found a { $found }
input-arch-group-too-small = { $what } needs at least two modules
input-arch-target-min = { $what }: min must be at least 1
input-arch-declared-twice = `{ $name }` is declared as a { $prev } and as a { $what }; names must be unique
input-arch-calls-undeclared = `{ $from }` calls `{ $to }`, which is not a declared service
input-arch-calls-itself = `{ $from }` calls itself
input-arch-uses-undeclared = `{ $from }` uses `{ $store }`, which is not a declared data store
input-arch-owner-undeclared = data store `{ $store }` is owned by `{ $owner }`, which is not a declared service
# $ctx: input-arch-module, input-arch-use-case or `monolith.constraints`.
input-arch-not-a-module = { $ctx } names `{ $name }`, which is not a module of monolith.modules
input-arch-depends-on-itself = module `{ $name }` depends on itself
input-arch-empty-use-case = use case `{ $name }` names no modules, reads or writes

## Inputs of `stackfit decompose` (src/input/monolith.rs)

input-too-many-modules = { $name }: { $n } modules, more than the limit of { $limit } (set STACKFIT_MAX_MODULES to raise it)
input-too-many-dependencies = { $name }: { $n } dependencies, more than the limit of { $limit } (set STACKFIT_MAX_EDGES to raise it)
input-decompose-one-document = expected one YAML document with `kind: { $kind }`, found { $n }
input-not-decomposition-input = not a decomposition input: expected an architecture description (`kind: { $kind }`), a DOT digraph (.dot) or a CSV edge list (.csv, header `source,target[,weight]`)
input-decompose-no-monolith = nothing to decompose: the description has no `monolith:` block with modules or use-cases
input-decompose-empty-monolith = nothing to decompose: `monolith:` has neither modules nor use-cases
input-bad-weight = weight must be a non-negative number, found `{ $value }`

input-csv-malformed-quote = malformed quoted field
input-csv-bad-header = expected the header `source,target` or `source,target,weight`, found `{ $line }`
input-csv-field-count = expected { $cols } fields, found { $n }
input-csv-empty-source = empty source
input-csv-empty = empty CSV: expected the header `source,target[,weight]`
input-csv-no-rows = the CSV edge list has no rows

input-dot-unterminated-comment = unterminated comment
input-dot-unterminated-string = unterminated quoted string
input-dot-expected-string-after-plus = expected a quoted string after `+`
input-dot-unterminated-html = unterminated HTML string
input-dot-unexpected-character = unexpected character `{ $char }`
# $found: a token in backticks, input-dot-end-of-file or input-dot-edge-operator.
input-dot-end-of-file = the end of the file
input-dot-edge-operator = an edge operator
input-dot-expected-punct = expected `{ $punct }`, found { $found }
input-dot-expected-graph = expected `digraph` or `graph`, found { $found }
input-dot-content-after-graph = unexpected content after the graph's closing `{"}"}` (one graph per file)
input-dot-expected-attribute-value = expected a value for `{ $key }`, found { $found }
input-dot-expected-attribute = expected an attribute or `]`, found { $found }
input-dot-too-deep = subgraphs nested deeper than { $limit }
input-dot-expected-node = expected a node id, found { $found }
input-dot-expected-value = expected a value, found { $found }
input-dot-no-nodes = the DOT graph has no nodes
