# help messages (ko). Ids start with `help-`; see src/locale/mod.rs.

help-clap-usage = 사용법:
help-clap-commands = 명령
help-clap-options = 옵션
help-clap-arguments = 인수
help-clap-values = 가능한 값:
help-clap-help = 도움말 출력
help-clap-version = 버전 출력
help-clap-help-command-about = 이 도움말 또는 지정한 명령의 도움말 출력

help-stackfit-about = Docker Compose냐 쿠버네티스냐 — 아니면 모놀리식 분해가 먼저인가? 배포 전략 어드바이저.
help-stackfit-long-about =
    stackfit은 docker-compose 파일을 서비스 그래프로 읽고, 데이터로 관리되는 규칙으로 점수를 매겨 `compose`, `kubernetes`, `decompose-first` 또는 솔직한 `borderline`을 판단을 가를 질문과 함께 추천합니다.

    종료 코드: 0 분석 완료, --fail-on 이상인 발견 사항 없음; 1 --fail-on 이상인 발견 사항 또는 --expect 불일치; 2 사용법 또는 설정 오류; 3 입력 오류.
help-stackfit-lang = 사람이 읽는 텍스트의 언어: en 또는 ko (기본값: LC_ALL, LC_MESSAGES 또는 LANG, 그 밖의 로캘은 영어). id, 열거값, JSON 키는 영어로 유지됩니다

help-analyze-about = 한 시스템의 배포 전략을 추천합니다
help-plan-about = 쿠버네티스 이전 계획: 각 줄의 마찰 요소, 서비스별 대응 객체, 단계(wave)
help-graph-about = 정규화된 서비스 그래프를 출력합니다
help-rules-about = 규칙 목록을 출력합니다
help-explain-about = 규칙 하나를 (id 또는 이름으로) 참고 문헌과 함께 설명합니다
help-sources-about = 규칙이 인용하는 출처 목록을 출력합니다
help-decompose-about = 모놀리식의 모듈(과 테이블)을 후보 서비스로 나눕니다
help-init-about = 파일로 답할 수 없는 질문을 주석으로 담은 stackfit.toml을 작성합니다
help-completions-about = 셸 자동 완성 스크립트를 출력합니다
help-man-about = man 페이지(roff)를 출력합니다

help-arg-paths = Compose 파일 또는 디렉터리 (`docker compose`와 같은 방식으로 찾음); `-`는 표준 입력. PATH가 없으면 현재 디렉터리(또는 상위 디렉터리)의 compose 파일
help-arg-files = compose 파일 (반복 가능; docker compose -f처럼 뒤의 파일이 앞의 파일을 덮어씀)
help-arg-env_files = 프로젝트의 `.env` 대신 변수 치환에 쓸 환경 파일 (반복 가능)
help-arg-profiles = Compose 프로필 활성화 (반복 가능; `*`는 전부 활성화); 기본값: COMPOSE_PROFILES
help-arg-project_directory = 입력이 가리키는 파일(include, extends, env_file)이 벗어나면 안 되는 프로젝트 루트; 기본값: 첫 입력의 git 작업 트리, 없으면 그 디렉터리
help-arg-project_name = 프로젝트 이름 (`docker compose -p`와 같음); 기본값: 파일의 `name:` 또는 디렉터리 이름
help-arg-allow_outside_root = 입력이 프로젝트 루트 밖의 파일을 가리키도록 허용 (STACKFIT_ALLOW_OUTSIDE_ROOT=1로도 가능); 풀 리퀘스트가 제어하는 파일에서는 설정할 수 없음
help-arg-input_format = 입력 형식 강제 지정 (기본값: 각 파일의 내용으로 판별)
help-arg-assume = 파일로 알 수 없는 사실을 선언, 예: `hosts=3` (반복 가능)
help-arg-color = 표의 색상: auto (터미널이면 사용, NO_COLOR가 있으면 끔; CLICOLOR_FORCE는 강제로 켬)
help-arg-config = 설정 파일 (기본값: 첫 입력 위쪽에서 가장 가까운 stackfit.toml)
help-arg-expect = 판정이 이 값이 아니면 종료 코드 1 (borderline 판정은 기우는 쪽으로 통과)
help-arg-fail_on = 발견 사항의 심각도가 이 값 이상이면 종료 코드 1 [기본값: error]
help-arg-no_inline_ignores = 입력 파일의 `# stackfit: ignore[RULE]` 주석을 무시
help-arg-output = 보고서를 표준 출력 대신 FILE에 (원자적으로) 기록
help-arg-quiet = 판정 줄(표 형식)과 오류만 출력
help-arg-report_scores = 점수 줄마다 결과(info)로도 모든 형식에 보고
help-analyze-format = 출력 형식: `FMT`는 표준 출력(또는 `--output`)으로, `FMT=FILE`은 파일로; 반복 가능하므로 한 번의 실행으로 하나의 보고서에서 SARIF, 주석(annotation), JSON을 함께 작성 (기본값: table)
help-plan-format = 출력 형식: `FMT`는 표준 출력(또는 `--output`)으로, `FMT=FILE`은 파일로; 반복 가능하므로 한 번의 실행으로 하나의 보고서에서 SARIF, 주석(annotation), JSON을 함께 작성 (기본값: table)
help-graph-format = 출력 형식
help-decompose-format = 출력 형식
help-analyze-rules = 내장 규칙 대신 DIR의 규칙을 읽음 (같은 id의 파일은 내장 규칙을 대체)
help-plan-rules = 내장 규칙 대신 DIR의 규칙을 읽음 (같은 id의 파일은 내장 규칙을 대체)
help-rules-rules = 내장 규칙 대신 DIR의 규칙을 읽음
help-sources-rules = 인용을 보여 줄 규칙 디렉터리 (기본값: 내장 규칙)
help-explain-rule = 규칙 id(`R-HOSTS`) 또는 이름(`multi-host`)
help-decompose-input = `monolith:` 블록이 있는 아키텍처 설명, DOT 방향 그래프(jdeps, madge, pydeps) 또는 헤더가 `source,target[,weight]`인 CSV 간선 목록
help-decompose-resolution = 모듈성 해상도: 높을수록 더 작고 많은 후보 [기본값: 1.2]
help-decompose-seed = 클러스터링 실행의 기본 시드 [기본값: 42]
help-completions-shell = 대상 셸
help-graph-focus = 이 서비스(와 같은 이미지의 역할들)와 바로 이웃한 서비스만 그림 (dot, mermaid)
help-graph-max_nodes = 간선이 가장 많은 노드를 최대 N개까지 그리고 나머지는 요약 노드 하나로 묶음 (dot, mermaid)
