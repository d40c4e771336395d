# hint messages (en). Ids start with `hint-`; see src/locale/mod.rs.

