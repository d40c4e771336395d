# report messages (en). Ids start with `report-`; see src/locale/mod.rs.

report-headline = stackfit: { $outcome } — score { $score }, confidence { $confidence }
report-how-to-read = The score sums the rule points (+ toward Kubernetes, − toward Compose): 5 or more is kubernetes, 1 to 4 borderline, 0 or less compose. Confidence is high from ±7 (or a declared hard requirement the files confirm), medium at ±5–6 or −3 and below, low otherwise.
report-counts = services: { $services } · deployable units: { $units } · running: { $running }
report-outcome-leans = { $outcome } (leans { $lean })
report-points-note = { $n ->
    [one] { " " }({ $points } point)
   *[other] { " " }({ $points } points)
}
report-confidence-high = high
report-confidence-medium = medium
report-confidence-low = low
report-concern-monolith-first = monolith first
report-concern-system-size = size
report-concern-simplicity = simplicity
report-concern-scaling = scaling
report-concern-availability = availability
report-concern-operations = operations
report-concern-operating-cost = cost
report-concern-monolith-first-meaning = monolith first: decompose before an orchestrator
report-concern-system-size-meaning = system size: a few containers are what Compose is for
report-concern-simplicity-meaning = simplicity: no scaling need, no orchestrator
report-concern-scaling-meaning = scaling: microservices that must scale
report-concern-availability-meaning = availability and zero-downtime deploys
report-concern-operations-meaning = self-healing, batch, configuration and load balancing
report-concern-operating-cost-meaning = operating cost

report-col-points = points
report-col-rule = rule
report-col-why = why
report-col-concern = concern
report-col-score = score
report-col-question = question
report-col-answer = answer with
report-col-severity = severity
report-col-summary = summary
report-col-outcome = outcome
report-col-lean = lean
report-col-confidence = confidence
report-col-location = location
report-col-message = message
report-col-reason = reason
report-col-fact = fact
report-col-value = value
report-col-from = from

report-questions = Questions that would decide it:
report-config = config: { $path }
report-findings = Findings:
report-notes = Notes:
report-hint = Decomposition hint:
report-hint-item = { $title }: { $advice } ({ $confidence } confidence: { $evidence })
report-expect-matched = matched
report-expect-different = DIFFERENT
report-expect-different-exit = **different** (exit 1)
report-expected = expected { $expected }: { $verdict }
report-expected-md = Expected `{ $expected }`: { $verdict }.

report-explain-facts = points: { $points } · severity: { $severity } · weighs: { $concerns }
    fires when: { $when }
report-explain-question = question: { $question } (answer with --assume { $assume })
report-references = References
report-cited-by = cited by: { $rules }

report-hard-requirement = The declared hard requirement decided it: 3 or more hosts with an availability of 99.9 % or zero-downtime deploys need an orchestrator.
report-no-recommendation = no recommendation
report-stopped = An input error stopped the analysis before a recommendation; inputs: { $inputs }. The error and its location are under Findings.
report-score-heading = Score
report-questions-heading = Questions that would decide it
report-questions-how = Answer them with `--assume` (or in `x-stackfit:` / `stackfit.toml`); positive points lean toward Kubernetes, negative toward Compose.
report-findings-heading = Findings
report-declared-heading = Declared facts
report-from-file = the compose file's `x-stackfit:`
report-from-config = { $config }
report-from-assume = `--assume`
report-suppressed-heading = Suppressed
report-notes-heading = Notes
report-hint-heading = Decomposition hint
report-hint-evidence = evidence ({ $confidence } confidence): { $evidence }
report-and-more = { " " }and { $n } more
report-hint-services = services: { $services }
report-hint-at = at: { $at }
report-plan-heading = Migration plan
report-graph-heading = Service graph
report-graph-summary = { $services } services
report-made-by = stackfit { $version } · inputs: { $inputs }
report-inputs-cwd = the compose file of the working directory

report-note-swarm = replicas, rolling updates and multi-node keys are Swarm semantics: `docker stack deploy` honours them (it reads only the legacy v3 format), plain `docker compose up` runs everything on one host
report-note-stateful = keep databases, brokers and search engines managed or outside the cluster: self-run stateful services are where Kubernetes hurts (GitLab chart docs)
report-note-dev-file = the file looks like a development environment (source mounts, dev targets): analyse the production file to decide how to deploy
report-note-replicate-monolith = replicate the monolith: availability is met by running several replicas of the one unit behind a load balancer, not by decomposing it
report-note-monolith-first = monolith first: decompose along the seams that scale or change independently, one service at a time; Kubernetes pays once there are units to schedule (Fowler, MonolithFirst)
report-note-role-split = a role-split monolith is already tiered: scale its roles (web, workers) separately instead of decomposing it
report-note-contradiction = single-host=true contradicts hosts ≥ 3 with an availability requirement: the outcome follows the score
report-note-over-engineered = these manifests use none of what Kubernetes adds (replicas, autoscaling, disruption budgets, probes): Docker Compose on one host runs the same system with less to operate
report-note-hard-requirement = hosts ≥ 3 with availability ≥ 99.9 % or zero-downtime can only be met by an orchestrator (availability); the score alone ({ $score }) would say { $outcome }

report-sarif-input-error = stackfit could not read its input ({ $code })
report-sarif-input-error-help = An input file is missing, unreadable, not valid YAML or not a valid compose file, so the analysis stopped and no recommendation was made. Fix the file at the reported location; stackfit exits 3 until it reads.
report-sarif-suppression = A suppression that suppressed nothing ({ $code })
report-sarif-suppression-help = A `# stackfit: ignore[RULE]` comment or an `x-stackfit: {"{"}ignore: …{"}"}` entry names a rule that did not fire at that place, or a rule that does not exist. Remove it or correct the rule id.
report-sarif-other = stackfit finding `{ $code }` ({ $kind })
report-sarif-other-help = A `{ $kind }` finding reported by stackfit.
report-sarif-related = related evidence at { $at }
report-sarif-suppressed = { $id } ({ $name }) was suppressed here
report-gh-verdict = { $outcome } — score { $score }, confidence { $confidence }
report-gh-questions = ; { $n } questions would decide it (see the step summary or --format markdown)
report-no-recommendation-stopped = no recommendation: an input error stopped the analysis
report-gh-expected = ; expected { $expected }: { $verdict }
report-gh-title = stackfit recommendation
report-gh-left-out = { $left } of { $total } findings were left out ({ $parts }): GitHub shows at most { $cap } annotations per level and step; they follow in the log, and every format (sarif, markdown) has them all
report-junit-failing = { $n } findings at warning or above

report-graph-roles = { $name } × { $n } roles
report-graph-more = { $n ->
    [one] { $n } more service
   *[other] { $n } more services
}
report-graph-no-focus = --focus: no service `{ $service }`{ $suggestion }
report-graph-legend = legend
report-graph-line-solid = start order and wiring
report-graph-line-dashed = calls
report-graph-line-thick = data and messages
