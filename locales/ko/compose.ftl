# compose messages (ko). Ids start with `compose-`; see src/locale/mod.rs.

