# compose messages (en). Ids start with `compose-`; see src/locale/mod.rs.

