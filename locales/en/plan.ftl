# plan messages (en). Ids start with `plan-`; see src/locale/mod.rs.

