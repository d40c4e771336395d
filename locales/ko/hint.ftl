# hint messages (ko). Ids start with `hint-`; see src/locale/mod.rs.


hint-list-more = {" "}외 { $n }개

hint-role-split-title = 코드베이스 하나({ $image })가 역할 { $n }개로 실행됨
hint-role-split-advice = 역할별로 따로 확장합니다({ $roles }). { $next }
hint-role-split-next-queue = 큐로 작업을 받는 워커가 가장 먼저 확장하거나 분리할 대상이며, 브로커와의 연결이 경계(seam)입니다
hint-role-split-next-workers = 워커가 가장 먼저 확장하거나 분리할 대상이며, 다른 역할에게서 넘겨받는 작업을 따라 나눕니다
hint-role-split-next-edges = 바운디드 컨텍스트는 나중에, 독립적으로 바뀌거나 확장되는 가장자리에서만 분리합니다
hint-role-split-evidence = 서비스 { $n }개가 같은 { $source ->
        [build] 빌드 컨텍스트
       *[image] 이미지
    }를 서로 다른 명령이나 역할로 실행

hint-decompose-title = 오케스트레이터 도입 전에 `{ $service }` 분해 필요
hint-decompose-advice = 따로 확장되거나 따로 소유되는 부분을 따라 나눕니다. 이 서비스가 쓰는 데이터 저장소와 브로커({ $seams })가 첫 후보 경계입니다. 코드를 나누기 전에 후보 서비스마다 자체 테이블을 두고, 백그라운드 작업은 먼저 별도 역할로 실행합니다
hint-decompose-no-seams = 파일에 없음
hint-keep-monolith-title = 모놀리식 `{ $service }` 유지
hint-keep-monolith-advice = 분해를 요구하는 동인이 없습니다. 동인이 생긴다면 첫 경계(seam)는 { $seams }입니다. 무언가를 분리하기 전에 백그라운드 작업부터 같은 이미지의 워커 역할로 실행합니다
hint-keep-monolith-seams-modules = 모듈과 그 모듈이 소유한 테이블
hint-keep-monolith-seams-stores = 연결하는 저장소({ $stores })와 그 테이블을 소유한 모듈
hint-monolith-evidence = 한 역할로 실행되는 배포 단위 하나({ $service }), 옆에 데이터 저장소 또는 브로커 { $n }개

hint-module-candidate = { $name } (모듈 { $n }개)
hint-module-candidate-tables = { $name } (모듈 { $n }개, 소유 테이블 { $tables })
hint-module-title = 모듈 { $modules }개에서 나온 후보 서비스 { $candidates }개
hint-module-advice = { $lead }: { $candidates }. 끊기는 의존성 { $cut }개 — 구성원, 끊기는 간선, 신뢰도는 `stackfit decompose { $file }`로 볼 수 있습니다
hint-module-advice-extract = 후보를 하나씩, 각자 소유한 테이블과 함께 분리합니다
hint-module-advice-seams = 동인이 생기면 이 후보들이 경계(seam)입니다
hint-module-evidence = 기술된 모듈과 그 의존성: 모듈 { $modules }개, 끊기는 의존성 { $cut }개

hint-shared-store-title = 서비스 { $n }개가 공유하는 `{ $store }`
hint-shared-cache-advice = 하나의 키 공간이 서비스들({ $services })을 묶고 있습니다. 서비스마다 자체 캐시 인스턴스를 두거나, 한 서비스만 소유하는 키를 사용합니다
hint-shared-store-advice = 코드를 나누기 전에 스키마부터 나눕니다. 각 서비스({ $services })에 자체 스키마나 데이터베이스를 둡니다(한 서버에 데이터베이스를 따로 두어도 됩니다)
hint-shared-store-evidence = 코드베이스 { $codebases }개의 서비스 { $n }개가 `{ $store }`에 연결 (depends_on 또는 연결 설정)
hint-shared-database-evidence = 서비스 { $n }개가 연결 설정에서 `{ $store }`의 같은 데이터베이스를 지정

hint-cycle-title = 순환 의존성: { $services }
hint-cycle-advice = 분산 모놀리식입니다. 이 서비스들은 독립적으로 배포할 수도, 장애를 격리할 수도 없습니다. 이벤트로 순환을 끊거나 공유 로직을 한 서비스로 옮깁니다
hint-cycle-evidence = 호출이 순환을 이룸: { $calls }

hint-hub-title = 다른 코드베이스 { $n }개가 의존하는 `{ $service }`
hint-hub-advice = 허브입니다. 이 서비스의 변경은 시스템 전체로 번집니다. 호출하는 쪽에 속해야 할 로직을 담고 있지 않은지 확인하고, API에 버전을 둡니다
hint-hub-evidence = 다른 코드베이스 { $n }개가 의존 (평균 { $mean }, 기준값 { $threshold })

hint-mega-title = 데이터 저장소 { $n }개와 의존성 대부분을 가진 `{ $service }`
hint-mega-advice = 메가 서비스입니다. 데이터 저장소({ $stores })를 기준으로, 각 저장소에 쓰는 코드와 함께 나눕니다
hint-mega-evidence = 혼자 데이터 저장소 { $n }개를 사용하고, 의존성 { $total }개 중 { $degree }개에 관여

hint-nano-title = 아무와도 통신하지 않고 아무것도 노출하지 않는 서비스 { $n }개
hint-nano-advice = 나노 서비스일 수 있습니다(또는 파일에 드러나지 않는 연결이 있을 수 있습니다). 각 서비스가 배포 단위로 둘 만한지 확인하고, 아니라면 속한 서비스에 합칩니다
hint-nano-evidence = 포트, 노출 포트, 의존성, 의존하는 서비스, 자체 데이터 저장소가 모두 없음

hint-gateway-title = 포트를 직접 게시하는 서비스 { $n }개
hint-gateway-advice = 앞단에 API 게이트웨이나 리버스 프록시를 두어, 클라이언트가 서비스마다의 주소에 결합되지 않게 합니다
hint-gateway-evidence = 자체 서비스 { $n }개가 TCP 포트를 게시하고, 앞단에 프록시·게이트웨이·인그레스가 없음

hint-no-smells-title = 분해가 필요한 징후(smell) 없음
hint-no-smells-advice-no-code = 파일이 서드파티 인프라만 실행합니다. 분해할 자체 코드가 없습니다
hint-no-smells-advice = 서비스 사이에 공유 데이터 저장소, 순환 의존성, 허브, 게이트웨이 부재가 없습니다
hint-no-smells-evidence = 확인한 항목: 공유 데이터 저장소, 순환 의존성, 허브, 메가·나노 서비스, 앞단(front door)
