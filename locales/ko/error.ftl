# error messages (ko). Ids start with `error-`; see src/locale/mod.rs.

error-unknown-lang = 알 수 없는 --lang 값 `{ $value }`: en 또는 ko만 지원합니다
