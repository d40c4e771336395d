# cmd messages (ko). Ids start with `cmd-`; see src/locale/mod.rs.

## Reading the inputs and writing the results

# what is read, in "cannot read …" and size-limit messages
cmd-what-stdin = 표준 입력
cmd-what-compose-file = Compose 파일
cmd-what-rule-file = 규칙 파일
# $why: the system's reason (an IO error)
cmd-cannot-read-cwd = 현재 디렉터리를 읽을 수 없습니다: { $why }
cmd-cannot-write-output = 출력을 쓸 수 없습니다: { $why }
cmd-cannot-render-plan = 이전 계획을 렌더링할 수 없습니다: { $why }
cmd-cannot-render-report = 보고서를 렌더링할 수 없습니다: { $why }
cmd-cannot-render-summary = 단계 요약(step summary)을 렌더링할 수 없습니다: { $why }
cmd-cannot-render-graph = 그래프를 렌더링할 수 없습니다: { $why }
cmd-cannot-render-man = man 페이지를 렌더링할 수 없습니다: { $why }

## Command-line usage

cmd-one-stdout-format = 표준 출력으로 보낼 수 있는 --format은 하나뿐입니다: 나머지는 파일을 지정하십시오 (`--format sarif=report.sarif`)
cmd-same-file = 두 형식이 같은 파일을 지정합니다: { $file }
cmd-plan-formats = stackfit plan은 table, json, markdown만 출력합니다 ({ $format } 불가)
cmd-resolution = --resolution에는 양수가 필요합니다 (받은 값: { $value })
# $suggestion: cmd-did-you-mean-rules or nothing
cmd-unknown-rule = 알 수 없는 규칙 `{ $rule }`{ $suggestion }; 규칙 목록은 `stackfit rules`로 확인하십시오
# $rules: rule ids, comma-separated
cmd-did-you-mean-rules = { " " }(혹시 { $rules }?)

## --rules DIR

cmd-rules-cannot-read-dir = --rules { $dir }: 디렉터리를 읽을 수 없습니다: { $why }
cmd-rules-no-files = --rules { $dir }: 규칙 파일(*.toml)이 없습니다
cmd-rules-duplicate-id = { $file }:1:1: 중복된 규칙 id { $rule } (이미 { $other }에 정의됨)
cmd-rules-shared-name = 규칙 { $other }, { $rule }의 이름이 같습니다: `{ $name }`

## The outcome against --expect, and suppressions

# an outcome with the side a borderline score leans to
# on standard error; $got: an outcome or cmd-outcome-leans
cmd-expected-got = stackfit: 기대한 판정은 { $expected }, 실제 판정은 { $got }
# $how: one of cmd-expect-how-*; $score: signed (+3, -2)
cmd-expect-mismatch = 기대한 판정은 { $expected }, 실제 판정은 { $got } (점수 { $score }): 의도한 변경이라면 새 판정을 받아들이십시오 — { $how }
cmd-expect-how-file = 이 위치에 `expect: { $outcome }` 설정
cmd-expect-how-config = 이 위치에 `expect = "{ $outcome }"` 설정
cmd-expect-how-flag = `--expect { $outcome }` 전달
# $rules: rule names in backticks, comma-separated
cmd-suppression-unknown-rule = 억제 설정이 알 수 없는 규칙을 가리킵니다: { $rules }
cmd-suppression-unused = 아무것도 억제하지 않은 억제 설정: { $rules } (이 위치에서 규칙이 발동하지 않았습니다)

## stackfit init: messages, and the comments of the stackfit.toml it writes (each line becomes
## a `# ` comment line; keys and values are written by the code)

cmd-init-exists = { $file } 파일이 이미 있습니다. stackfit init은 기존 파일을 덮어쓰지 않습니다
cmd-init-internal = 내부 오류: 생성한 설정을 파싱할 수 없습니다: { $why }
cmd-init-wrote = { $file } 작성 완료
cmd-init-title = stackfit 설정 — `stackfit init`이 작성했습니다.
cmd-init-title-for = { $system }의 stackfit 설정 — `stackfit init`이 작성했습니다.
# $outcome: an outcome or cmd-init-leaning; $score: signed (+3, -2); $confidence: high, medium or low
cmd-init-summary = 파일에 나타난 실행 중인 서비스는 { $services }개, 배포 단위는 { $units }개입니다. 파일만으로 본 stackfit의 판정:
    { $outcome } (점수 { $score }, 신뢰도 { $confidence }).
cmd-init-leaning = { $outcome }, { $lean } 쪽으로 기욺
cmd-init-declare = 파일로 알 수 없는 사실을 선언하십시오: 사실의 주석을 해제하고 값을 지정합니다. 각 답은 표시된
    점수만큼 점수를 바꿉니다. 명령줄의 `--assume KEY=VALUE`가 이 값들보다 우선합니다.
cmd-init-expect = 권장 판정이 바뀌면 CI를 실패시킵니다:
cmd-init-fail-on = 이 심각도 이상의 발견 사항이 있으면 종료 코드 1로 끝납니다: error, warning, info, never.
# $question: the rule's question; $points: signed (+3, -2); $rule: the rule id
cmd-init-question = { $question } ({ $points }점, { $rule })
cmd-init-disable = 끌 규칙의 id 또는 이름, 예: ["R-FIXEDNAME"].
# the meaning of each declared-fact key (English: as in src/model/declared/keys.rs, which the
# English output uses)
cmd-init-fact-hosts = 시스템이 실행되어야 하는 머신 수
cmd-init-fact-availability = 가용성 목표(퍼센트), 예: 99.95
cmd-init-fact-zero-downtime = 배포 중에 서비스가 중단되면 안 됨
cmd-init-fact-deploys-per-month = 월 배포 횟수
cmd-init-fact-load-variation = 기본 트래픽 대비 피크 트래픽 배율
cmd-init-fact-teams = 독립적으로 배포하는 팀 수
cmd-init-fact-batch = 호스트 한 대를 넘는 용량이 필요한 배치/cron 작업이 있음
cmd-init-fact-single-host = 설계상 머신 한 대에서 실행됨
cmd-init-fact-ops-engineers = 플랫폼을 운영할 인원 수
cmd-init-fact-kubernetes-experience = 팀이 이미 쿠버네티스를 운영하고 있음
cmd-init-fact-managed-kubernetes = 관리형 컨트롤 플레인(EKS, GKE, AKS)을 사용할 수 있음
cmd-init-fact-on-premises = 자체 머신(온프레미스) 또는 하이브리드에서 실행됨

## stackfit man: the explaining lines of the sections clap does not write (EXIT STATUS,
## ENVIRONMENT, EXAMPLES, SEE ALSO); roff: \fB…\fR is bold

cmd-man-exit-0 = 분석 완료. \fB--fail-on\fR 이상의 발견 사항 없음. \fB--expect\fR를 지정했다면 그 값과 일치
cmd-man-exit-1 = \fB--fail-on\fR 이상의 발견 사항이 있거나, 권장 판정이 \fB--expect\fR와 다름
cmd-man-exit-2 = 사용법 또는 설정 오류: 알 수 없는 플래그, 형식, 규칙 id, \fB--assume\fR 키, 잘못된 stackfit.toml 또는 규칙 디렉터리
cmd-man-exit-3 = 입력 오류: 파일이 없거나 읽을 수 없음, 올바른 YAML이나 Compose 파일이 아님, 또는 분석할 대상을 찾지 못함
cmd-man-env-compose = Docker Compose와 같은 방식으로 읽음
cmd-man-env-limits = 입력 한도를 올림 (파일 하나와 실행 전체의 바이트 수, 읽어 들이는 파일 수, 서비스 수, 분해 모듈 수, 의존성 수)
cmd-man-env-outside-root = 프로젝트 루트 밖의 파일도 읽음 (\fB--allow-outside-root\fR와 같음)
cmd-man-env-colour = 표의 색상을 끄거나 켬
cmd-man-env-step-summary = \fB--format github\fR 사용 시 Markdown 보고서를 이 파일에 덧붙임
cmd-man-example-analyze = 현재 디렉터리의 Compose 파일을 표로 분석
cmd-man-example-ci = CI 단계: 코드 스캐닝용 SARIF, 어노테이션, 판정이 바뀌면 종료 코드 1
cmd-man-example-assume = 파일로 알 수 없는 사실을 선언
cmd-man-example-plan = 아키텍처 리뷰용 이전 계획
cmd-man-example-explain = 규칙 하나: 하는 일, 이유, 참고 문헌
cmd-man-see-also = \fBdocker-compose\fR(1); 판정 규칙, CI 레시피, 출력 형식은 프로젝트의 README를 참고하십시오
