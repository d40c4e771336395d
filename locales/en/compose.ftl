# compose messages (en). Ids start with `compose-`; see src/locale/mod.rs.

## The project (mod.rs)

compose-no-input-files = no input files
compose-stdin-once = `-` (standard input) may be given only once
compose-mixed-projects = the files name different projects (`{ $first }`, `{ $second }`): analysed as one project
compose-mixed-dirs = compose files from { $n } directories ({ $dirs }) are merged into one project; relative paths resolve against { $project_dir }
compose-empty-file = empty compose file
compose-env-outside-root = env file outside the project root: not read (allow with --allow-outside-root or STACKFIT_ALLOW_OUTSIDE_ROOT=1)

## Env files (envfile.rs)

compose-env-invalid-line = invalid line in env file: expected KEY=VALUE
compose-env-expected-equals = invalid line in env file: expected `=` after { $key }
compose-env-unterminated = unterminated quoted value for { $key }
compose-env-expansion-limit = variable expansion in the env file exceeds { $limit } bytes

## Interpolation (interpolate.rs)

compose-interp-too-deep = interpolation nested too deeply
compose-interp-unclosed = invalid interpolation format: `${"{"}` is never closed
compose-interp-expansion-limit = variable expansion produces more than { $limit } bytes
compose-interp-no-name = invalid interpolation format: `${"{"}` must be followed by a variable name
compose-interp-bad-operator = invalid interpolation format after `${"{"}{ $name }`: expected `{"}"}`, `:-`, `-`, `:?`, `?`, `:+` or `+`
compose-interp-required = required variable { $name } is missing a value
compose-interp-required-with = required variable { $name } is missing a value: { $message }

## Files, include and extends (files.rs)

compose-what-env-file = env file
compose-what-compose-file = compose file
compose-what-included-file = included file
compose-what-extended-file = extended file
compose-root-not-mapping = a compose file must be a mapping at the top level, found a { $found }
compose-top-level-unknown = additional property `{ $key }` is not allowed at the top level of a compose file
compose-expansion-total-limit = variable expansion produces more than { $limit } bytes in all
compose-outside-root = { $what } { $path } is outside the project root { $root }: stackfit reads only files inside it (allow with --allow-outside-root or STACKFIT_ALLOW_OUTSIDE_ROOT=1)
compose-include-depth = includes nested more than 32 levels deep
compose-include-remote = include of remote resource `{ $resource }` is not supported: stackfit never fetches anything
compose-include-cycle = include cycle detected: { $file } includes itself
compose-include-conflict = { $section }.{ $name } conflicts with imported resource
compose-extends-unreadable = cannot read extended file { $path }: { $why }
compose-extends-no-service = cannot extend service `{ $service }`: no such service in { $file }
compose-extends-service-required = extends: `service` is required and must be a string
compose-extends-cycle = circular reference with extends: service `{ $service }` extends itself
compose-extends-depth = extends nested more than 32 levels deep
compose-extends-remote = extends from remote resource `{ $resource }` is not supported: stackfit never fetches anything

## Types: `what` must be `expected`, found a `found`

compose-type-error = { $what } must be { $expected }, found a { $found }
compose-expect-string = a string
compose-expect-list = a list
compose-expect-mapping = a mapping
compose-expect-integer = an integer
compose-expect-number = a number
compose-expect-boolean = a boolean
compose-expect-null = a null
compose-expect-other = a { $name }
compose-expect-another-type = of another type
compose-expect-either = { $first } or { $last }
compose-expect-path-or-mapping = a path or a mapping
compose-expect-string-or-mapping = a string or a mapping
compose-expect-string-or-list = a string or a list
compose-expect-list-or-mapping = a list or a mapping
compose-expect-scalar-or-null = a string, number, boolean or null
compose-expect-port = a string, a number or a mapping

## The specification's schema (schema.rs)

compose-place-file = the file
compose-place-top-level = the top level
compose-additional-property = { $place }: additional property `{ $name }` is not allowed{ $hint }
compose-missing-property = { $place }: missing property `{ $property }`
compose-must-be-one-of = { $place } must be one of { $options }
compose-pattern = { $place } does not match the pattern `{ $pattern }`
compose-minimum = { $place } must be at least { $limit }
compose-maximum = { $place } must be at most { $limit }
compose-repeated-items = { $place }: items at { $first } and { $second } are equal
compose-ambiguous = { $place } matches more than one of the forms it may take

## Names, cycles and references (validate.rs)

compose-non-string-key = non-string key in { $section }: { $name } (quote it to make it a name)
compose-invalid-name = { $section }: `{ $name }` is not a valid name: names use letters, digits, `.`, `_` and `-` only
compose-dependency-cycle = dependency cycle detected: { $cycle }
compose-definition-source = { $section }.{ $name }: one of { $keys } must be set
compose-undefined-ref = service `{ $service }` refers to undefined { $what } `{ $name }`
compose-ref-network = network
compose-ref-volume = volume
compose-ref-build-secret = build secret
compose-ref-config = config
compose-ref-model = model
compose-ref-secret = secret
compose-network-mode-exclusive = service `{ $service }` declares mutually exclusive `network_mode` and `networks`

## The model, key by key (service.rs)

compose-negative = { $what } must not be negative
compose-not-integer = { $what } must be an integer, found { $found }
compose-not-boolean = { $what } must be a boolean, found { $found }
compose-found-empty = an empty value
compose-found-a = a { $found }
compose-classify-unknown-key = x-stackfit.classify: unknown key `{ $key }` (only `services` and `images`)
compose-service-limit = { $n } services: more than the limit of { $limit } (set STACKFIT_MAX_SERVICES to raise it)
compose-service-not-mapping = services.{ $service } must be a mapping
compose-classify-no-service = x-stackfit.classify.services: no service `{ $service }`{ $hint }
compose-scale-conflict = services.{ $service }: can't set distinct values on 'scale' ({ $scale }) and 'deploy.replicas' ({ $replicas })
compose-container-name-replicas = services.{ $service }: can't set container_name with { $replicas } replicas: container names must be unique
compose-container-name-taken = services.{ $service }: container name `{ $name }` is already in use by service `{ $other }`
compose-depends-undefined = service `{ $service }` depends on undefined service `{ $dependency }`
compose-depends-disabled = service `{ $service }` depends on `{ $dependency }`, which is disabled by its profiles ({ $profiles })
compose-network-mode-undefined = service `{ $service }` uses the network stack of undefined service `{ $dependency }`
compose-no-image = service `{ $service }` has neither an image nor a build context specified
compose-key-required = { $what }: `{ $key }` is required
compose-key-reason = { $what }: { $reason }
compose-x-stackfit-not-mapping = x-stackfit must be a mapping
compose-x-stackfit-ignore-mapping = x-stackfit.ignore must be a mapping of RULE: reason
compose-x-stackfit-service-key = unknown key `{ $key }` in a service's x-stackfit block (only `ignore` and `class` are allowed here)
compose-x-stackfit-not-scalar = x-stackfit.{ $key } must be a single value, found a { $found }
compose-did-you-mean = { " " }(did you mean `{ $candidate }`?)
compose-env-file-not-found = env file { $path } not found
compose-port-range-limit = services.{ $service }.ports: port ranges expand to more than { $limit } ports
compose-invalid-port = { $what }: invalid port `{ $port }`
compose-port-mode = { $what }.mode must be `host` or `ingress`
compose-invalid-volume = { $what }: invalid volume `{ $volume }`
compose-invalid-volume-empty-target = { $what }: invalid volume `{ $volume }`: empty target
compose-mount-type = { $what }.type `{ $mount_type }` is not one of volume, bind, tmpfs, npipe, image, cluster
compose-deploy-mode = { $what } must be one of replicated, global, replicated-job, global-job, found `{ $value }`
compose-must-be-number = { $what } must be a number
