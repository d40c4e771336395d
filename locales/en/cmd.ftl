# cmd messages (en). Ids start with `cmd-`; see src/locale/mod.rs.

## Reading the inputs and writing the results

# what is read, in "cannot read …" and size-limit messages
cmd-what-stdin = standard input
cmd-what-compose-file = compose file
cmd-what-rule-file = rule file
# $why: the system's reason (an IO error)
cmd-cannot-read-cwd = cannot read the current directory: { $why }
cmd-cannot-write-output = cannot write output: { $why }
cmd-cannot-render-plan = cannot render the plan: { $why }
cmd-cannot-render-report = cannot render the report: { $why }
cmd-cannot-render-summary = cannot render the step summary: { $why }
cmd-cannot-render-graph = cannot render the graph: { $why }
cmd-cannot-render-man = cannot render the man page: { $why }

## Command-line usage

cmd-one-stdout-format = at most one --format may go to standard output: give the others a file (`--format sarif=report.sarif`)
cmd-same-file = two formats name the same file { $file }
cmd-plan-formats = stackfit plan writes table, json or markdown, not { $format }
cmd-resolution = --resolution must be a positive number, got { $value }
# $suggestion: cmd-did-you-mean-rules or nothing
cmd-unknown-rule = unknown rule `{ $rule }`{ $suggestion }; `stackfit rules` lists them
# $rules: rule ids, comma-separated
cmd-did-you-mean-rules = { " " }(did you mean { $rules }?)

## --rules DIR

cmd-rules-cannot-read-dir = --rules { $dir }: cannot read directory: { $why }
cmd-rules-no-files = --rules { $dir }: no rule files (*.toml) found
cmd-rules-duplicate-id = { $file }:1:1: rule id { $rule } is already defined in { $other }
cmd-rules-shared-name = rules { $other } and { $rule } share the name `{ $name }`

## The outcome against --expect, and suppressions

# an outcome with the side a borderline score leans to
# on standard error; $got: an outcome or cmd-outcome-leans
cmd-expected-got = stackfit: expected { $expected }, got { $got }
# $how: one of cmd-expect-how-*; $score: signed (+3, -2)
cmd-expect-mismatch = expected { $expected }, got { $got } (score { $score }): if the change is intended, { $how } to accept the new outcome
cmd-expect-how-file = set `expect: { $outcome }` here
cmd-expect-how-config = set `expect = "{ $outcome }"` here
cmd-expect-how-flag = pass `--expect { $outcome }`
# $rules: rule names in backticks, comma-separated
cmd-suppression-unknown-rule = suppression names unknown rule { $rules }
cmd-suppression-unused = unused suppression of { $rules }: the rule did not fire here

## stackfit init: messages, and the comments of the stackfit.toml it writes (each line becomes
## a `# ` comment line; keys and values are written by the code)

cmd-init-exists = { $file } already exists; stackfit init never overwrites it
cmd-init-internal = internal error: generated config does not parse: { $why }
cmd-init-wrote = wrote { $file }
cmd-init-title = stackfit configuration — written by `stackfit init`.
cmd-init-title-for = stackfit configuration for { $system } — written by `stackfit init`.
# $outcome: an outcome or cmd-init-leaning; $score: signed (+3, -2); $confidence: high, medium or low
cmd-init-summary = The files show { $services } running services and { $units } deployable units; from the files alone stackfit says
    { $outcome } (score { $score }, confidence { $confidence }).
cmd-init-leaning = { $outcome }, leaning { $lean }
cmd-init-declare = Declare what the files cannot show: uncomment a fact and set its value. Each answer moves the
    score by the points shown. `--assume KEY=VALUE` on the command line overrides these.
cmd-init-expect = Fail CI when the recommendation changes:
cmd-init-fail-on = Exit 1 on findings at or above this severity: error, warning, info, never.
# $question: the rule's question; $points: signed (+3, -2); $rule: the rule id
cmd-init-question = { $question } ({ $points } via { $rule })
cmd-init-disable = Rule ids or names to turn off, e.g. ["R-FIXEDNAME"].
# the meaning of each declared-fact key (English: as in src/model/declared/keys.rs, which the
# English output uses)
cmd-init-fact-hosts = machines the system must run on
cmd-init-fact-availability = uptime target in percent, e.g. 99.95
cmd-init-fact-zero-downtime = deploys must not interrupt service
cmd-init-fact-deploys-per-month = how often it ships
cmd-init-fact-load-variation = peak-to-base traffic ratio
cmd-init-fact-teams = teams that deploy independently
cmd-init-fact-batch = batch/cron work that needs capacity beyond one host
cmd-init-fact-single-host = runs on one machine by design
cmd-init-fact-ops-engineers = people who would operate the platform
cmd-init-fact-kubernetes-experience = the team already runs Kubernetes
cmd-init-fact-managed-kubernetes = a managed control plane (EKS, GKE, AKS) is available
cmd-init-fact-on-premises = runs on own machines or hybrid

## stackfit man: the explaining lines of the sections clap does not write (EXIT STATUS,
## ENVIRONMENT, EXAMPLES, SEE ALSO); roff: \fB…\fR is bold

cmd-man-exit-0 = analysed; nothing at or above \fB--fail-on\fR; \fB--expect\fR (if given) matched
cmd-man-exit-1 = findings at or above \fB--fail-on\fR, or the recommendation differs from \fB--expect\fR
cmd-man-exit-2 = usage or configuration error: unknown flag, format, rule id, \fB--assume\fR key, bad stackfit.toml or rules directory
cmd-man-exit-3 = input error: a file is missing, unreadable, not valid YAML, not a valid compose file, or nothing was found to analyse
cmd-man-env-compose = as Docker Compose reads them
cmd-man-env-limits = raise the input budgets (bytes of one file and of a run, files loaded, services, decomposition modules and dependencies)
cmd-man-env-outside-root = read files outside the project root (as \fB--allow-outside-root\fR)
cmd-man-env-colour = turn the table's colours off or on
cmd-man-env-step-summary = with \fB--format github\fR, the Markdown report is appended to this file
cmd-man-example-analyze = the compose file of the current directory, as a table
cmd-man-example-ci = a CI step: SARIF for code scanning, annotations, exit 1 when the answer changes
cmd-man-example-assume = what the files cannot say, declared
cmd-man-example-plan = the migration plan for an architecture review
cmd-man-example-explain = one rule: what it does, why, and its references
cmd-man-see-also = \fBdocker-compose\fR(1); the README of the project for the decision rules, the CI recipes and the formats
