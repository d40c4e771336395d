# input messages (ko). Ids start with `input-`; see src/locale/mod.rs.

