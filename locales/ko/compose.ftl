# compose messages (ko). Ids start with `compose-`; see src/locale/mod.rs.

## The project (mod.rs)

compose-no-input-files = 입력 파일이 없습니다
compose-stdin-once = `-`(표준 입력)는 한 번만 지정할 수 있습니다
compose-mixed-projects = 파일마다 프로젝트 이름이 다릅니다 (`{ $first }`, `{ $second }`): 하나의 프로젝트로 분석합니다
compose-mixed-dirs = 디렉터리 { $n }곳({ $dirs })의 compose 파일을 하나의 프로젝트로 병합합니다. 상대 경로는 { $project_dir } 기준으로 해석합니다
compose-empty-file = 빈 compose 파일
compose-env-outside-root = 프로젝트 루트 밖의 env 파일이라 읽지 않았습니다 (허용하려면 --allow-outside-root 또는 STACKFIT_ALLOW_OUTSIDE_ROOT=1을 사용하십시오)

## Env files (envfile.rs)

compose-env-invalid-line = env 파일의 잘못된 줄: KEY=VALUE 형식이어야 합니다
compose-env-expected-equals = env 파일의 잘못된 줄: { $key } 뒤에 `=`가 와야 합니다
compose-env-unterminated = 따옴표로 시작한 값이 닫히지 않았습니다: { $key }
compose-env-expansion-limit = env 파일의 변수 치환 결과가 { $limit }바이트를 넘습니다

## Interpolation (interpolate.rs)

compose-interp-too-deep = 변수 치환이 너무 깊게 중첩되었습니다
compose-interp-unclosed = 잘못된 변수 치환 형식: `${"{"}`가 닫히지 않았습니다
compose-interp-expansion-limit = 변수 치환 결과가 { $limit }바이트를 넘습니다
compose-interp-no-name = 잘못된 변수 치환 형식: `${"{"}` 뒤에는 변수 이름이 와야 합니다
compose-interp-bad-operator = 잘못된 변수 치환 형식: `${"{"}{ $name }` 뒤에는 `{"}"}`, `:-`, `-`, `:?`, `?`, `:+` 또는 `+`가 와야 합니다
compose-interp-required = 필수 변수 { $name }의 값이 없습니다
compose-interp-required-with = 필수 변수 { $name }의 값이 없습니다: { $message }

## Files, include and extends (files.rs)

compose-what-env-file = env 파일
compose-what-compose-file = compose 파일
compose-what-included-file = include 대상 파일
compose-what-extended-file = extends 대상 파일
compose-root-not-mapping = compose 파일의 최상위는 매핑이어야 합니다 (실제: { $found })
compose-top-level-unknown = compose 파일 최상위에 허용되지 않는 속성 `{ $key }`
compose-expansion-total-limit = 변수 치환 결과가 모두 합쳐 { $limit }바이트를 넘습니다
compose-outside-root = { $what } { $path }: 프로젝트 루트 { $root } 밖에 있습니다. stackfit은 루트 안의 파일만 읽습니다 (허용하려면 --allow-outside-root 또는 STACKFIT_ALLOW_OUTSIDE_ROOT=1을 사용하십시오)
compose-include-depth = include가 32단계를 넘게 중첩되었습니다
compose-include-remote = 원격 리소스 `{ $resource }`의 include는 지원하지 않습니다. stackfit은 아무것도 내려받지 않습니다
compose-include-cycle = include 순환 감지: { $file }의 include가 자기 자신으로 이어집니다
compose-include-conflict = { $section }.{ $name }: 가져온 리소스와 충돌합니다
compose-extends-unreadable = extends 대상 파일을 읽을 수 없습니다: { $path }: { $why }
compose-extends-no-service = 서비스 `{ $service }`을(를) 확장할 수 없습니다: { $file }에 해당 서비스가 없습니다
compose-extends-service-required = extends: `service`는 필수이며 문자열이어야 합니다
compose-extends-cycle = extends 순환 참조: 서비스 `{ $service }`의 extends가 자기 자신으로 이어집니다
compose-extends-depth = extends가 32단계를 넘게 중첩되었습니다
compose-extends-remote = 원격 리소스 `{ $resource }`에서의 extends는 지원하지 않습니다. stackfit은 아무것도 내려받지 않습니다

## Types: `what` must be `expected`, found a `found`

compose-type-error = { $what }: { $expected } 값이어야 합니다 (실제: { $found })
compose-expect-string = 문자열
compose-expect-list = 리스트
compose-expect-mapping = 매핑
compose-expect-integer = 정수
compose-expect-number = 숫자
compose-expect-boolean = 불리언
compose-expect-null = null
compose-expect-other = { $name }
compose-expect-another-type = 다른 타입의
compose-expect-either = { $first } 또는 { $last }
compose-expect-path-or-mapping = 경로 또는 매핑
compose-expect-string-or-mapping = 문자열 또는 매핑
compose-expect-string-or-list = 문자열 또는 리스트
compose-expect-list-or-mapping = 리스트 또는 매핑
compose-expect-scalar-or-null = 문자열, 숫자, 불리언 또는 null
compose-expect-port = 문자열, 숫자 또는 매핑

## The specification's schema (schema.rs)

compose-place-file = 파일
compose-place-top-level = 최상위
compose-additional-property = { $place }: 허용되지 않는 속성 `{ $name }`{ $hint }
compose-missing-property = { $place }: 필수 속성 `{ $property }` 누락
compose-must-be-one-of = { $place }: 다음 중 하나여야 합니다: { $options }
compose-pattern = { $place }: 패턴 `{ $pattern }`에 맞지 않습니다
compose-minimum = { $place }: { $limit } 이상이어야 합니다
compose-maximum = { $place }: { $limit } 이하여야 합니다
compose-repeated-items = { $place }: { $first }번 항목과 { $second }번 항목이 같습니다
compose-ambiguous = { $place }: 허용되는 형식 중 둘 이상에 해당합니다

## Names, cycles and references (validate.rs)

compose-non-string-key = { $section }에 문자열이 아닌 키: { $name } (이름으로 쓰려면 따옴표로 감싸십시오)
compose-invalid-name = { $section }: 올바르지 않은 이름 `{ $name }`: 이름에는 영문자, 숫자, `.`, `_`, `-`만 쓸 수 있습니다
compose-dependency-cycle = 순환 의존성 감지: { $cycle }
compose-definition-source = { $section }.{ $name }: { $keys } 중 하나를 설정해야 합니다
compose-undefined-ref = 정의되지 않은 { $what } `{ $name }` 참조 (서비스 `{ $service }`)
compose-ref-network = 네트워크
compose-ref-volume = 볼륨
compose-ref-build-secret = 빌드 시크릿
compose-ref-config = config
compose-ref-model = 모델
compose-ref-secret = 시크릿
compose-network-mode-exclusive = 서비스 `{ $service }`: `network_mode`와 `networks`는 함께 쓸 수 없습니다

## The model, key by key (service.rs)

compose-negative = { $what }: 음수일 수 없습니다
compose-not-integer = { $what }: 정수여야 합니다 (실제: { $found })
compose-not-boolean = { $what }: 불리언이어야 합니다 (실제: { $found })
compose-found-empty = 빈 값
compose-found-a = { $found }
compose-classify-unknown-key = x-stackfit.classify: 알 수 없는 키 `{ $key }` (`services`와 `images`만 쓸 수 있습니다)
compose-service-limit = 서비스 { $n }개: 한도 { $limit }개를 넘습니다 (늘리려면 STACKFIT_MAX_SERVICES를 설정하십시오)
compose-service-not-mapping = services.{ $service }: 매핑이어야 합니다
compose-classify-no-service = x-stackfit.classify.services: 없는 서비스 `{ $service }`{ $hint }
compose-scale-conflict = services.{ $service }: 'scale'({ $scale })과 'deploy.replicas'({ $replicas })에 서로 다른 값을 지정할 수 없습니다
compose-container-name-replicas = services.{ $service }: 레플리카가 { $replicas }개이면 container_name을 지정할 수 없습니다. 컨테이너 이름은 고유해야 합니다
compose-container-name-taken = services.{ $service }: 컨테이너 이름 `{ $name }` 중복 (서비스 `{ $other }`에서 이미 사용 중)
compose-depends-undefined = 정의되지 않은 서비스 `{ $dependency }`에 의존합니다 (서비스 `{ $service }`)
compose-depends-disabled = 서비스 `{ $service }`의 의존 대상 `{ $dependency }`: 프로필({ $profiles })에 의해 비활성화되어 있습니다
compose-network-mode-undefined = 정의되지 않은 서비스 `{ $dependency }`의 네트워크 스택 사용 (서비스 `{ $service }`)
compose-no-image = 서비스 `{ $service }`: image도 build 컨텍스트도 지정되지 않았습니다
compose-key-required = { $what }: 필수 키 `{ $key }` 누락
compose-key-reason = { $what }: { $reason }
compose-x-stackfit-not-mapping = x-stackfit은 매핑이어야 합니다
compose-x-stackfit-ignore-mapping = x-stackfit.ignore는 RULE: 사유 형태의 매핑이어야 합니다
compose-x-stackfit-service-key = 서비스의 x-stackfit 블록에 알 수 없는 키 `{ $key }` (여기에는 `ignore`와 `class`만 쓸 수 있습니다)
compose-x-stackfit-not-scalar = x-stackfit.{ $key }: 단일 값이어야 합니다 (실제: { $found })
compose-did-you-mean = { " " }(혹시 `{ $candidate }`?)
compose-env-file-not-found = env 파일을 찾을 수 없습니다: { $path }
compose-port-range-limit = services.{ $service }.ports: 포트 범위를 펼치면 포트가 { $limit }개를 넘습니다
compose-invalid-port = { $what }: 잘못된 포트 `{ $port }`
compose-port-mode = { $what }.mode: `host` 또는 `ingress`여야 합니다
compose-invalid-volume = { $what }: 잘못된 볼륨 `{ $volume }`
compose-invalid-volume-empty-target = { $what }: 잘못된 볼륨 `{ $volume }`: 대상(target)이 비어 있습니다
compose-mount-type = { $what }.type `{ $mount_type }`: volume, bind, tmpfs, npipe, image, cluster 중 하나여야 합니다
compose-deploy-mode = { $what }: replicated, global, replicated-job, global-job 중 하나여야 합니다 (실제: `{ $value }`)
compose-must-be-number = { $what }: 숫자여야 합니다
