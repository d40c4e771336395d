# input messages (ko). Ids start with `input-`; see src/locale/mod.rs.

## Reading files (src/input/mod.rs)

input-env-not-number = { $var } 값은 정수여야 합니다. 입력값: `{ $value }`
input-binary-file = { $name }:{ $line }: { $what }에 NUL 바이트가 있습니다. 텍스트가 아닌 바이너리 데이터입니다
input-invalid-utf8 = { $name }:{ $line }:{ $col }: { $what }이(가) 올바른 UTF-8이 아닙니다
input-cannot-resolve-project = { $name }: 프로젝트 디렉터리를 확인할 수 없습니다: { $why }
input-cannot-read-directory = { $name }: 디렉터리를 읽을 수 없습니다: { $why }
input-cannot-read-file = { $name }: 파일을 읽을 수 없습니다: { $why }
input-nothing-in-directory = { $name }: 이 디렉터리에 compose 파일({ $files })이나 Kubernetes 매니페스트가 없습니다
input-no-workloads = { $name }: 매니페스트에 워크로드(Deployment, StatefulSet, DaemonSet, Pod, Job, CronJob…)가 없습니다
input-architecture-needs-kind = 아키텍처 기술 파일에는 `kind: stackfit/architecture`가 필요합니다
input-nothing-to-analyse = 분석할 대상이 없습니다
input-not-analysed = compose 파일, Kubernetes 매니페스트, Backstage 카탈로그, 아키텍처 기술 파일 중 어느 것도 아니어서 분석하지 않았습니다
input-no-services = 입력에 분석할 서비스가 없습니다

# What is being read, as in "cannot read { $what }" and "{ $what } is not valid UTF-8".
input-what-file = 파일
input-what-manifest = 매니페스트
input-what-catalog = 카탈로그
input-what-architecture = 아키텍처 기술 파일
input-what-decomposition = 분해 입력 파일

## YAML (src/input/yaml.rs)

input-yaml-invalid = 잘못된 YAML: { $info }
input-yaml-tab = 잘못된 YAML: 들여쓰기에 탭이 있습니다 (YAML은 공백으로만 들여씁니다)
input-yaml-unclosed = 잘못된 YAML: `{ $open }`이(가) 닫히지 않았습니다 (`{ $close }` 필요)
# $why: input-yaml-tab or input-yaml-unclosed; $info: the YAML parser's own (English) explanation.
input-yaml-cause = { $why }. 파서 메시지: { $info }
input-yaml-unbalanced-sequence = 잘못된 YAML: 시퀀스의 짝이 맞지 않습니다
input-yaml-unbalanced-mapping = 잘못된 YAML: 매핑의 짝이 맞지 않습니다
input-yaml-too-many-documents = YAML 문서가 너무 많습니다 (한도 { $limit }개)
input-yaml-too-deep = YAML 중첩이 너무 깊습니다 (한도 { $limit }단계)
input-yaml-unknown-alias = 알 수 없는 YAML 별칭
input-yaml-alias-bomb = YAML 별칭을 펼치면 노드가 { $limit }개를 넘습니다 (별칭 폭탄?)
input-yaml-too-many-nodes = YAML 문서의 노드가 { $limit }개를 넘습니다
input-yaml-key-not-string = 매핑 키는 문자열이어야 합니다
input-yaml-duplicate-key = 중복된 매핑 키 `{ $key }`
input-yaml-merge-needs-mapping = 병합 키 `<<`에는 매핑이나 매핑의 리스트가 필요합니다

# The type of a YAML value, as in "found a { $found }".
input-type-null = null
input-type-boolean = 불리언
input-type-number = 숫자
input-type-string = 문자열
input-type-sequence = 시퀀스
input-type-mapping = 매핑

## Kubernetes manifests and Backstage catalogs (src/input/kubernetes.rs, src/input/backstage.rs)

input-manifest-not-mapping = 매니페스트 문서는 매핑이어야 합니다 (실제: { $found })
input-manifest-needs-kind = 매니페스트 문서에는 `apiVersion`과 `kind`가 필요합니다
input-no-metadata-name = { $kind }에 metadata.name이 없습니다
input-no-pod-template = { $kind } `{ $name }`에 파드 템플릿이 없습니다
input-no-containers = { $kind } `{ $name }`에 컨테이너가 없습니다
input-replicas-not-number = spec.replicas는 정수여야 합니다 (실제: { $found })
input-catalog-needs-api-version = 카탈로그 문서에는 `apiVersion: backstage.io/…`가 필요합니다

## Architecture descriptions (src/input/architecture.rs)

# $what names a place: a key path (`services`, `monolith.modules`) or one of the labels below,
# possibly followed by a key path (`service `web`.replicas`).
input-arch-a-description = 아키텍처 기술 파일
input-arch-the-description = 아키텍처 기술 파일
input-arch-service = 서비스 `{ $name }`
input-arch-job = 잡 `{ $name }`
input-arch-data-store = 데이터 저장소 `{ $name }`
input-arch-module = 모듈 `{ $name }`
input-arch-use-case = 유스케이스 `{ $name }`
input-arch-entry-of = { $what }의 항목
input-arch-group-of = { $what }의 그룹
# A YAML value that is not a scalar, as in "found `a mapping`"; $type_name: an input-type-… text.
input-arch-a-type = { $type_name }
# Kinds of declared units, as in "declared as a { $prev } and as a { $what }".
input-arch-unit-service = 서비스
input-arch-unit-job = 잡
input-arch-unit-data-store = 데이터 저장소

input-arch-not-mapping = { $what }: 매핑이어야 합니다 (실제: { $found })
input-arch-unknown-key = 알 수 없는 키 `{ $key }` ({ $what }){ $hint }
input-arch-did-you-mean = { " " }(혹시 `{ $key }`?)
input-arch-allowed-keys = { " " }(허용되는 키: { $keys })
input-arch-not-string = { $what }: 비어 있지 않은 문자열이어야 합니다 (실제: { $found })
input-arch-not-count = { $what }: 0 이상의 정수여야 합니다 (실제: { $found })
input-arch-not-weight = { $what }: 양수여야 합니다 (실제: `{ $found }`)
input-arch-not-one-of = { $what }: { $allowed } 중 하나여야 합니다 (실제: `{ $found }`)
input-arch-not-list = { $what }: 리스트여야 합니다 (실제: { $found })
input-arch-listed-twice = `{ $name }`이(가) { $what }에 두 번 나옵니다
input-arch-max-below-min = { $what }: max({ $max })가 min({ $min })보다 작습니다
input-arch-not-deps = { $what }: 이름의 리스트나 이름: 가중치 매핑이어야 합니다 (실제: { $found })
input-arch-not-accesses = { $what }: 이름: r|w|rw 매핑이나 이름의 리스트여야 합니다 (실제: { $found })
input-arch-missing-kind = `kind: { $kind }`가 없습니다
input-arch-wrong-kind = kind는 `{ $kind }`여야 합니다 (실제: `{ $found }`)
input-arch-missing-version = `version: 1`이 없습니다
input-arch-unsupported-version = 지원하지 않는 버전 `{ $found }`: 이 stackfit은 버전 1을 읽습니다
input-arch-fact-not-scalar = facts.{ $key }: 단일 값이어야 합니다 (실제: { $found })
input-arch-bad-schedule = { $what }.schedule: cron 표현식(필드 5개 또는 6개, 또는 @daily …)이어야 합니다 (실제: `{ $found }`)
input-arch-store-needs-kind = { $what }에 `kind`가 필요합니다 (postgres, mysql, mongo, redis, kafka …)
input-arch-monolith-needs-name = monolith에 `name`이 필요합니다
input-arch-not-groups = { $what }: 모듈 이름 리스트의 리스트여야 합니다 (실제: { $found })
input-arch-group-too-small = 모듈이 두 개 이상 필요합니다: { $what }
input-arch-target-min = { $what }: min은 1 이상이어야 합니다
input-arch-declared-twice = `{ $name }`이(가) 두 번 선언되어 있습니다 ({ $prev }, { $what }). 이름은 고유해야 합니다
input-arch-calls-undeclared = 선언되지 않은 서비스 `{ $to }` 호출 (`{ $from }`)
input-arch-calls-itself = `{ $from }`이(가) 자기 자신을 호출합니다
input-arch-uses-undeclared = 선언되지 않은 데이터 저장소 `{ $store }` 사용 (`{ $from }`)
input-arch-owner-undeclared = 데이터 저장소 `{ $store }`의 소유자 `{ $owner }`은(는) 선언된 서비스가 아닙니다
# $ctx: input-arch-module, input-arch-use-case or `monolith.constraints`.
input-arch-not-a-module = monolith.modules에 없는 모듈 `{ $name }` 참조 ({ $ctx })
input-arch-depends-on-itself = 모듈 `{ $name }`이(가) 자기 자신에 의존합니다
input-arch-empty-use-case = 유스케이스 `{ $name }`에 modules, reads, writes가 하나도 없습니다

## Inputs of `stackfit decompose` (src/input/monolith.rs)

input-too-many-modules = { $name }: 모듈 { $n }개로 한도 { $limit }개를 넘습니다 (늘리려면 STACKFIT_MAX_MODULES를 설정하십시오)
input-too-many-dependencies = { $name }: 의존성 { $n }개로 한도 { $limit }개를 넘습니다 (늘리려면 STACKFIT_MAX_EDGES를 설정하십시오)
input-decompose-one-document = `kind: { $kind }`인 YAML 문서가 하나여야 하는데 { $n }개입니다
input-not-decomposition-input = 분해 입력이 아닙니다: 아키텍처 기술 파일(`kind: { $kind }`), DOT digraph(.dot) 또는 CSV 엣지 목록(.csv, 헤더 `source,target[,weight]`)이 필요합니다
input-decompose-no-monolith = 분해할 대상이 없습니다: 기술 파일에 modules나 use-cases가 있는 `monolith:` 블록이 없습니다
input-decompose-empty-monolith = 분해할 대상이 없습니다: `monolith:`에 modules도 use-cases도 없습니다
input-bad-weight = weight는 0 이상의 숫자여야 합니다 (실제: `{ $value }`)

input-csv-malformed-quote = 따옴표로 묶인 필드의 형식이 잘못되었습니다
input-csv-bad-header = 헤더는 `source,target` 또는 `source,target,weight`여야 합니다 (실제: `{ $line }`)
input-csv-field-count = 필드가 { $cols }개여야 하는데 { $n }개입니다
input-csv-empty-source = source가 비어 있습니다
input-csv-empty = 빈 CSV: 헤더 `source,target[,weight]`가 필요합니다
input-csv-no-rows = CSV 엣지 목록에 행이 없습니다

input-dot-unterminated-comment = 닫히지 않은 주석
input-dot-unterminated-string = 닫히지 않은 따옴표 문자열
input-dot-expected-string-after-plus = `+` 뒤에는 따옴표 문자열이 와야 합니다
input-dot-unterminated-html = 닫히지 않은 HTML 문자열
input-dot-unexpected-character = 예상하지 못한 문자 `{ $char }`
# $found: a token in backticks, input-dot-end-of-file or input-dot-edge-operator.
input-dot-end-of-file = 파일 끝
input-dot-edge-operator = 엣지 연산자
input-dot-expected-punct = `{ $punct }`이(가) 필요합니다 (실제: { $found })
input-dot-expected-graph = `digraph` 또는 `graph`가 필요합니다 (실제: { $found })
input-dot-content-after-graph = 그래프를 닫는 `{"}"}` 뒤에 내용이 더 있습니다 (파일 하나에 그래프 하나)
input-dot-expected-attribute-value = `{ $key }`의 값이 필요합니다 (실제: { $found })
input-dot-expected-attribute = 속성이나 `]`가 필요합니다 (실제: { $found })
input-dot-too-deep = 서브그래프 중첩이 { $limit }단계보다 깊습니다
input-dot-expected-node = 노드 ID가 필요합니다 (실제: { $found })
input-dot-expected-value = 값이 필요합니다 (실제: { $found })
input-dot-no-nodes = DOT 그래프에 노드가 없습니다
