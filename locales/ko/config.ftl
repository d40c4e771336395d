# config messages (ko). Ids start with `config-`; see src/locale/mod.rs.

# what is read, in "cannot read …" and size-limit messages
config-what-file = 설정 파일
config-fail-on = fail-on은 error, warning, info, never 중 하나여야 합니다 (받은 값: `{ $value }`)
# $found: a TOML type (array, table, datetime)
config-fact-not-single = facts.{ $key }에는 단일 값이 필요합니다 (받은 형식: { $found })
# $suggestion: ` (did you mean `x`?)` or nothing
config-classify-no-service = classify.services: 서비스 `{ $service }` 없음{ $suggestion }
# $section: disable, severity or points
config-unknown-rule = rules.{ $section }: 알 수 없는 규칙 `{ $rule }` (`stackfit rules`로 확인)
config-points-range = rules.points: { $rule } 규칙의 점수가 허용 범위({ $min }..={ $max })를 벗어났습니다: { $points }
config-points-not-score = rules.points: { $rule } 규칙은 점수 규칙이 아닙니다
