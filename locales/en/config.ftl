# config messages (en). Ids start with `config-`; see src/locale/mod.rs.

# what is read, in "cannot read …" and size-limit messages
config-what-file = config file
config-fail-on = fail-on must be error, warning, info or never, got `{ $value }`
# $found: a TOML type (array, table, datetime)
config-fact-not-single = facts.{ $key } must be a single value, found { $found }
# $suggestion: ` (did you mean `x`?)` or nothing
config-classify-no-service = classify.services: no service `{ $service }`{ $suggestion }
# $section: disable, severity or points
config-unknown-rule = rules.{ $section }: unknown rule `{ $rule }` (see `stackfit rules`)
config-points-range = rules.points: { $points } for { $rule } is outside the allowed range { $min }..={ $max }
config-points-not-score = rules.points: { $rule } is not a scoring rule
