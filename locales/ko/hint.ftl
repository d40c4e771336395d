# hint messages (ko). Ids start with `hint-`; see src/locale/mod.rs.

