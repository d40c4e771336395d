# plan messages (ko). Ids start with `plan-`; see src/locale/mod.rs.


## The migration plan (src/analysis/plan.rs)

plan-keep-outside = { $class ->
        [database] 데이터베이스는
        [search] 검색 엔진은
        [broker] 브로커는
        [object-storage] 오브젝트 스토리지는
       *[other] { $class }:
    } 관리형 서비스로 쓰거나 클러스터 밖에 둡니다. 직접 운영하는 상태 저장 서비스의 백업, 장애 조치, 업그레이드가 Kubernetes에서 가장 힘든 부분입니다
plan-given-up-hpa = 없음: 레플리카 수를 직접 지정합니다(`deploy.replicas`)
plan-given-up-pdb = 없음: Compose는 컨테이너를 교체할 때 먼저 중지합니다
plan-given-up-liveness = `healthcheck`는 컨테이너를 unhealthy로 표시할 뿐, Compose가 재시작하지 않습니다
plan-given-up-readiness = `depends_on: condition: service_healthy`, 시작할 때만 적용
plan-summary-advised = 단계(wave) 0(클러스터 밖에 유지) 이후 단계 { $waves }개로 이전; 작성하고 관리할 오브젝트 { $objects }개; 마찰 요소 { $friction }개, 그중 blocker { $blockers }개
plan-summary-given-up = Kubernetes로의 이전은 권장하지 않습니다. Compose로 옮기면 기능 { $n }개를 잃습니다
plan-summary-not-advised = 이전을 권장하지 않습니다(결과 { $outcome }). 나중에 이전을 계획하면 마찰 요소 { $friction }개를 처리해야 하며, 그중 blocker는 { $blockers }개입니다

## The plan renderer (src/render/plan.rs)

plan-none = 계획 없음: 입력을 분석하지 않았습니다
plan-none-md = 계획 없음: 입력을 분석하지 않았습니다.
plan-heading-waves = 단계(wave)
plan-heading-friction = 마찰 요소
plan-heading-workloads = 서비스별 전환 결과
plan-heading-workloads-owned = 서비스별 전환 결과 (관리할 오브젝트 { $n }개)
plan-heading-given-up = Compose에서 잃는 기능
plan-wave-outside = 단계 0 (관리형으로 쓰거나 클러스터 밖에 유지)
plan-wave = 단계 { $n }
plan-objects-to-own = 작성하고 관리할 오브젝트 { $n }개.
plan-col-where = 위치
plan-col-id = ID
plan-col-difficulty = 난이도
plan-col-service = 서비스
plan-col-instead = 대안

## The decompose renderer (src/render/decompose.rs)

plan-decompose-col-candidate = 후보
plan-decompose-col-members = 구성원
plan-decompose-col-tables = 테이블
plan-decompose-col-cohesion = 응집도
plan-decompose-col-cut-edges = 끊기는 간선
plan-decompose-col-confidence = 신뢰도
plan-decompose-summary = 모듈 { $modules }개, 테이블 { $tables }개에서 후보 { $candidates }개; 모듈성 { $modularity }; 끊기는 간선 { $cut }개 (의존성 가중치의 { $share }); 시드 { $seeds }개, 합의 라운드 { $rounds }회, 해상도 { $resolution }
plan-decompose-unassigned = 미배정 (근거 없음): { $items }
plan-decompose-shared-table = 공유 테이블 { $table }: { $owner }에 배치, { $writers }도 씀
plan-decompose-heading = `{ $file }` 분해
plan-decompose-summary-md = 모듈 { $modules }개, 테이블 { $tables }개에서 후보 서비스 { $candidates }개 (모듈성 { $modularity }, 시드 { $seeds }개를 합의로 집계, 해상도 { $resolution }).
plan-decompose-cohesion = 근거 가중치의 { $cohesion }가 내부에 머묾
plan-decompose-strongest-link = ; 가장 강한 내부 연결 { $from } → { $to } ({ $weight })
plan-decompose-calls-after-split = ; 분리 후 호출: { $calls }
plan-decompose-shared-table-md = 공유 테이블 `{ $table }`: { $owner }에 배치, { $writers }도 씀 — 코드보다 스키마를 먼저 나누십시오.
plan-decompose-mermaid-edge = 간선 { $n }개, 가중치 { $weight }

## The RSF reader (src/decompose/mojofm.rs)

plan-rsf-bad-line = { $line }번째 줄: `contain <cluster> <object>` 형식이 아님 (`{ $text }`)
