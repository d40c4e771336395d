# input messages (en). Ids start with `input-`; see src/locale/mod.rs.

