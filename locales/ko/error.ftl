# error messages (ko). Ids start with `error-`; see src/locale/mod.rs.

error-unknown-lang = 알 수 없는 --lang 값 `{ $value }`: en 또는 ko만 지원합니다
error-io-not-found = 파일이나 디렉터리가 없습니다
error-io-permission = 권한이 없습니다
error-kind-fifo = FIFO(이름 있는 파이프)
error-kind-char-device = 문자 디바이스
error-kind-block-device = 블록 디바이스
error-kind-socket = 소켓
error-kind-directory = 디렉터리
error-kind-other = 일반 파일이 아닌 것
error-cannot-read = { $name }: { $what }을(를) 읽을 수 없습니다: { $why }
error-not-regular = { $name }: { $kind }입니다. { $what }이(가) 필요합니다 (stackfit은 일반 파일만 읽습니다)
error-file-limit = { $name }: { $what } 크기가 한도 { $limit }바이트를 넘습니다 (늘리려면 STACKFIT_MAX_FILE_BYTES를 설정하십시오)
error-total-limit = { $name }: 이번 실행에서 읽은 파일의 합계가 { $limit }바이트를 넘습니다 (늘리려면 STACKFIT_MAX_TOTAL_BYTES를 설정하십시오)
error-load-limit = { $name }: 이번 실행에서 읽은 파일이 { $limit }개를 넘습니다 (include, extends, env 파일 포함; 늘리려면 STACKFIT_MAX_LOADS를 설정하십시오)
error-cannot-write = { $path }에 쓸 수 없습니다: { $why }
error-write-symlink = 심볼릭 링크입니다. stackfit은 링크를 통해 쓰지 않습니다
error-write-exists = 이미 존재합니다
error-write-not-regular = 일반 파일이 아닙니다 (디렉터리, 소켓 또는 블록 디바이스)
error-write-read-only = 읽기 전용입니다
error-write-input = 입력 파일 중 하나입니다
error-step-summary = GITHUB_STEP_SUMMARY가 가리키는 파일에 덧붙일 수 없습니다: { $why }
error-did-you-mean = { " " }(혹시 `{ $candidate }`?)
error-related-defined = 값이 정의된 곳:
error-related-noticed = 파서가 발견한 곳:
error-declared-in-file = 입력 파일에서 선언됨
error-declared-in-config = { $file }:{ $line }에서 선언됨
error-declared-assume = --assume으로 선언됨
error-assume-form = --assume은 KEY=VALUE 형식이어야 합니다. 입력값: `{ $given }`
error-assume-bad = --assume { $given }: { $why }
error-unknown-class = 알 수 없는 분류 `{ $word }`{ $suggestion }. 가능한 값: { $words }
