# error messages (en). Ids start with `error-`; see src/locale/mod.rs.

error-unknown-lang = unknown --lang `{ $value }`: stackfit speaks en and ko
