# plan messages (ko). Ids start with `plan-`; see src/locale/mod.rs.

