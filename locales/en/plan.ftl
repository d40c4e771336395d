# plan messages (en). Ids start with `plan-`; see src/locale/mod.rs.


## The migration plan (src/analysis/plan.rs)

plan-keep-outside = keep the { $class ->
        [object-storage] object storage
       *[other] { $class }
    } managed or outside the cluster: backups, failover and upgrades of self-run stateful services are where Kubernetes hurts
plan-given-up-hpa = none: replicas are set by hand (`deploy.replicas`)
plan-given-up-pdb = none: Compose stops a container to replace it
plan-given-up-liveness = `healthcheck` marks the container unhealthy; Compose does not restart it
plan-given-up-readiness = `depends_on: condition: service_healthy` at start only
plan-summary-advised = migrate in { $waves ->
        [one] { $waves } wave
       *[other] { $waves } waves
    } after wave 0 (kept outside); { $objects } objects to write and own; { $friction ->
        [one] { $friction } friction point
       *[other] { $friction } friction points
    }, { $blockers ->
        [one] { $blockers } blocker
       *[other] { $blockers } blockers
    }
plan-summary-given-up = no migration to Kubernetes is advised; moving to Compose gives up { $n ->
        [one] { $n } feature
       *[other] { $n } features
    }
plan-summary-not-advised = no migration is advised (outcome { $outcome }); { $friction ->
        [one] { $friction } friction point
       *[other] { $friction } friction points
    } would need work if one is planned later, { $blockers ->
        [one] { $blockers } of them blocker
       *[other] { $blockers } of them blockers
    }

## The plan renderer (src/render/plan.rs)

plan-none = no plan: the inputs were not analysed
plan-none-md = No plan: the inputs were not analysed.
plan-heading-waves = Waves
plan-heading-friction = Friction
plan-heading-workloads = What each service becomes
plan-heading-workloads-owned = What each service becomes ({ $n ->
        [one] { $n } object
       *[other] { $n } objects
    } to own)
plan-heading-given-up = Given up on Compose
plan-wave-outside = wave 0 (keep managed or outside the cluster)
plan-wave = wave { $n }
plan-objects-to-own = { $n ->
        [one] { $n } object
       *[other] { $n } objects
    } to write and own.
plan-col-where = where
plan-col-id = id
plan-col-difficulty = difficulty
plan-col-service = service
plan-col-instead = instead

## The decompose renderer (src/render/decompose.rs)

plan-decompose-col-candidate = candidate
plan-decompose-col-members = members
plan-decompose-col-tables = tables
plan-decompose-col-cohesion = cohesion
plan-decompose-col-cut-edges = cut edges
plan-decompose-col-confidence = confidence
plan-decompose-summary = { $candidates } candidates from { $modules } modules and { $tables } tables; modularity { $modularity }; { $cut } cut edges ({ $share } of the dependency weight); { $seeds } seeds, { $rounds } consensus rounds, resolution { $resolution }
plan-decompose-unassigned = unassigned (no evidence): { $items }
plan-decompose-shared-table = shared table { $table }: placed with { $owner }, also written by { $writers }
plan-decompose-heading = Decomposition of `{ $file }`
plan-decompose-summary-md = { $candidates } candidate services from { $modules } modules and { $tables } tables (modularity { $modularity }, { $seeds } seeds aggregated by consensus, resolution { $resolution }).
plan-decompose-cohesion = { $cohesion } of its evidence weight stays inside
plan-decompose-strongest-link = ; strongest internal link { $from } → { $to } ({ $weight })
plan-decompose-calls-after-split = ; calls after the split: { $calls }
plan-decompose-shared-table-md = shared table `{ $table }`: placed with { $owner }, also written by { $writers } — split the schema before the code.
plan-decompose-mermaid-edge = { $n } edges, weight { $weight }

## The RSF reader (src/decompose/mojofm.rs)

plan-rsf-bad-line = line { $line }: expected `contain <cluster> <object>`, found `{ $text }`
