# hint messages (en). Ids start with `hint-`; see src/locale/mod.rs.


hint-list-more = {" "}and { $n } more

hint-role-split-title = one codebase ({ $image }) runs in { $n } roles
hint-role-split-advice = scale the roles separately ({ $roles }); { $next }
hint-role-split-next-queue = the queue-driven workers are the first to scale or extract, their broker edges are the seam
hint-role-split-next-workers = the workers are the first to scale or extract, along the work they take from the others
hint-role-split-next-edges = extract bounded contexts at the edges later, only where they change or scale on their own
hint-role-split-evidence = { $n } services run the same { $source ->
        [build] build context
       *[image] image
    } with different commands or roles

hint-decompose-title = decompose `{ $service }` before moving to an orchestrator
hint-decompose-advice = cut along the parts that scale or are owned separately; the datastores and brokers it uses ({ $seams }) mark the first candidate boundaries: give each candidate service its own tables before splitting the code; run background work as a separate role first
hint-decompose-no-seams = none in the file
hint-keep-monolith-title = keep the monolith `{ $service }`
hint-keep-monolith-advice = no driver asks for decomposition; its first seams, if one appears, are { $seams }: run background work as a worker role of the same image before extracting anything
hint-keep-monolith-seams-modules = its modules and the tables they own
hint-keep-monolith-seams-stores = the stores it talks to ({ $stores }) and the modules that own their tables
hint-monolith-evidence = one deployable unit in one role ({ $service }), with { $n } datastores or brokers beside it

hint-module-candidate = { $name } ({ $n } modules)
hint-module-candidate-tables = { $name } ({ $n } modules owning { $tables })
hint-module-title = { $candidates } candidate services from { $modules } modules
hint-module-advice = { $lead }: { $candidates }; { $cut } cut dependencies — `stackfit decompose { $file }` shows members, cut edges and confidence
hint-module-advice-extract = extract these candidates one at a time, each with the tables it owns
hint-module-advice-seams = if a driver appears, these are the seams
hint-module-evidence = the described modules and their dependencies: { $modules } modules, { $cut } cut dependencies

hint-shared-store-title = `{ $store }` is shared by { $n } services
hint-shared-cache-advice = one keyspace couples { $services }: give each its own cache instance, or keys that one service owns
hint-shared-store-advice = split the schema before splitting the code: give { $services } their own schemas or databases (one server with separate databases is fine)
hint-shared-store-evidence = { $n } services from { $codebases } codebases connect to `{ $store }` (depends_on or connection settings)
hint-shared-database-evidence = { $n } services name the same database on `{ $store }` in their connection settings

hint-cycle-title = dependency cycle between { $services }
hint-cycle-advice = a distributed monolith: these services cannot be deployed or fail independently; break the cycle with an event or move the shared logic into one of them
hint-cycle-evidence = the calls close a loop: { $calls }

hint-hub-title = `{ $service }` is needed by { $n } other codebases
hint-hub-advice = a hub: changes to it ripple through the system; check whether it holds logic that belongs to its callers, and version its API
hint-hub-evidence = { $n } other codebases need it, against { $mean } on average (threshold { $threshold })

hint-mega-title = `{ $service }` holds { $n } datastores and most of the dependencies
hint-mega-advice = a mega service: split it along its datastores ({ $stores }), each with the code that writes it
hint-mega-evidence = it alone uses { $n } datastores and is in { $degree } of the { $total } dependencies

hint-nano-title = { $n } services talk to nothing and expose nothing
hint-nano-advice = possibly nano services (or wiring the files do not show): check whether each is worth a deployable unit, or merge it into the service it belongs to
hint-nano-evidence = no ports, no exposed ports, no dependencies, no dependants and no datastore of their own

hint-gateway-title = { $n } services publish ports directly
hint-gateway-advice = put an API gateway or reverse proxy in front, so clients do not couple to every service's address
hint-gateway-evidence = { $n } first-party services publish TCP ports and no proxy, gateway or ingress runs in front

hint-no-smells-title = no decomposition smells found
hint-no-smells-advice-no-code = the file runs only third-party infrastructure: there is no first-party code to decompose
hint-no-smells-advice = no shared datastores, dependency cycles, hubs or missing gateway among the services
hint-no-smells-evidence = checked: shared datastores, dependency cycles, hubs, mega and nano services, the front door
