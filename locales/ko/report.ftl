# report messages (ko). Ids start with `report-`; see src/locale/mod.rs.

report-headline = stackfit: { $outcome } — 점수 { $score }, 신뢰도 { $confidence }
report-how-to-read = 점수는 발동한 규칙의 점수 합계입니다(+는 쿠버네티스 쪽, −는 Compose 쪽): 5 이상이면 kubernetes, 1~4는 borderline, 0 이하는 compose입니다. 신뢰도는 ±7 이상(또는 파일이 뒷받침하는 선언된 필수 요건)이면 높음, ±5~6 또는 −3 이하면 보통, 그 밖에는 낮음입니다.
report-counts = 서비스: { $services } · 배포 단위: { $units } · 실행 중: { $running }
report-outcome-leans = { $outcome } ({ $lean } 쪽으로 기욺)
report-points-note = { " " }({ $points }점)
report-confidence-high = 높음
report-confidence-medium = 보통
report-confidence-low = 낮음
report-concern-monolith-first = 모놀리식 우선
report-concern-system-size = 규모
report-concern-simplicity = 단순성
report-concern-scaling = 확장
report-concern-availability = 가용성
report-concern-operations = 운영
report-concern-operating-cost = 비용
report-concern-monolith-first-meaning = 모놀리식 우선: 오케스트레이터보다 분해가 먼저
report-concern-system-size-meaning = 시스템 규모: 컨테이너 몇 개라면 Compose로 충분
report-concern-simplicity-meaning = 단순성: 확장 요구가 없으면 오케스트레이터도 불필요
report-concern-scaling-meaning = 확장: 확장해야 하는 마이크로서비스
report-concern-availability-meaning = 가용성과 무중단 배포
report-concern-operations-meaning = 자가 치유, 배치, 설정 관리, 로드 밸런싱
report-concern-operating-cost-meaning = 운영 비용

report-col-points = 점수
report-col-rule = 규칙
report-col-why = 이유
report-col-concern = 관점
report-col-score = 합계
report-col-question = 질문
report-col-answer = 답하는 방법
report-col-severity = 심각도
report-col-summary = 요약
report-col-outcome = 판정
report-col-lean = 기우는 쪽
report-col-confidence = 신뢰도
report-col-location = 위치
report-col-message = 내용
report-col-reason = 사유
report-col-fact = 사실
report-col-value = 값
report-col-from = 출처

report-questions = 판정을 가를 질문:
report-config = 설정: { $path }
report-findings = 발견 사항:
report-notes = 참고:
report-hint = 분해 힌트:
report-hint-item = { $title }: { $advice } (신뢰도 { $confidence }: { $evidence })
report-expect-matched = 일치
report-expect-different = 다름
report-expect-different-exit = **다름** (종료 코드 1)
report-expected = 기대한 판정 { $expected }: { $verdict }
report-expected-md = 기대한 판정 `{ $expected }`: { $verdict }.

report-explain-facts = 점수: { $points } · 심각도: { $severity } · 관점: { $concerns }
    발동 조건: { $when }
report-explain-question = 질문: { $question } (답: --assume { $assume })
report-references = 참고 문헌
report-cited-by = 인용한 규칙: { $rules }

report-hard-requirement = 선언된 필수 요건이 판정을 결정했습니다: 호스트 3대 이상에 99.9 % 가용성이나 무중단 배포가 필요하면 오케스트레이터가 있어야 합니다.
report-no-recommendation = 추천 없음
report-stopped = 입력 오류로 추천 전에 분석이 중단되었습니다. 입력: { $inputs }. 오류와 위치는 발견 사항에 있습니다.
report-score-heading = 점수
report-questions-heading = 판정을 가를 질문
report-questions-how = `--assume`(또는 `x-stackfit:` / `stackfit.toml`)으로 답하십시오. 양수 점수는 쿠버네티스 쪽, 음수는 Compose 쪽입니다.
report-findings-heading = 발견 사항
report-declared-heading = 선언된 사실
report-from-file = compose 파일의 `x-stackfit:`
report-from-config = { $config }
report-from-assume = `--assume`
report-suppressed-heading = 억제된 항목
report-notes-heading = 참고
report-hint-heading = 분해 힌트
report-hint-evidence = 근거 (신뢰도 { $confidence }): { $evidence }
report-and-more = { " " }외 { $n }개
report-hint-services = 서비스: { $services }
report-hint-at = 위치: { $at }
report-plan-heading = 이전 계획
report-graph-heading = 서비스 그래프
report-graph-summary = 서비스 { $services }개
report-made-by = stackfit { $version } · 입력: { $inputs }
report-inputs-cwd = 작업 디렉터리의 compose 파일

report-note-swarm = 레플리카, 롤링 업데이트, 멀티 노드 키는 Swarm의 의미론입니다: `docker stack deploy`는 이를 따르지만(레거시 v3 형식만 읽음), 일반 `docker compose up`은 모든 것을 한 호스트에서 실행합니다
report-note-stateful = 데이터베이스, 브로커, 검색 엔진은 관리형 서비스로 쓰거나 클러스터 밖에 두십시오: 직접 운영하는 상태 저장 서비스가 쿠버네티스에서 가장 고통스러운 부분입니다 (GitLab 차트 문서)
report-note-dev-file = 이 파일은 개발 환경으로 보입니다(소스 마운트, 개발용 타깃): 배포 방식을 정하려면 운영용 파일을 분석하십시오
report-note-replicate-monolith = 모놀리스를 복제하십시오: 가용성은 분해가 아니라 하나의 배포 단위를 로드 밸런서 뒤에 여러 레플리카로 실행해서 확보합니다
report-note-monolith-first = 모놀리식 우선: 독립적으로 확장되거나 변경되는 경계를 따라 한 번에 서비스 하나씩 분해하십시오. 스케줄링할 단위가 생겨야 쿠버네티스가 제값을 합니다 (Fowler, MonolithFirst)
report-note-role-split = 역할 분리 모놀리식은 이미 계층이 나뉘어 있습니다: 분해하는 대신 역할(web, worker)을 따로 확장하십시오
report-note-contradiction = single-host=true는 가용성 요구가 있는 hosts ≥ 3과 모순됩니다: 판정은 점수를 따릅니다
report-note-over-engineered = 이 매니페스트는 쿠버네티스가 더해 주는 것(레플리카, 오토스케일링, 중단 버짓, 프로브)을 하나도 쓰지 않습니다: 한 호스트의 Docker Compose로 같은 시스템을 더 적은 운영 부담으로 실행할 수 있습니다
report-note-hard-requirement = hosts ≥ 3에 가용성 ≥ 99.9 % 또는 무중단 배포는 오케스트레이터로만 충족할 수 있습니다(가용성). 점수만으로는({ $score }) { $outcome }입니다
