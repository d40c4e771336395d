# help messages (en). Ids start with `help-`; see src/locale/mod.rs.

