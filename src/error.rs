//! Errors that stop a run, with the exit code each maps to (README.md, "Exit codes"): usage and
//! configuration errors exit 2, input errors exit 3. Findings are not errors; they live in
//! the report.

use crate::source::{Location, SourceMap, Span};

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ErrorKind {
    /// Unknown flag, format, rule id, `--assume` key, bad config file: exit 2.
    Usage,
    /// Missing, unreadable, invalid YAML, invalid compose, nothing to analyse: exit 3.
    Input,
}

#[derive(Debug, Clone)]
pub struct Error {
    pub kind: ErrorKind,
    /// A stable id for machine formats (`invalid-yaml`, `invalid-compose`, `missing-file`…).
    pub code: &'static str,
    pub message: String,
    pub location: Option<Location>,
    /// The anchor definition when the offending value came through a YAML alias, or where the
    /// parser noticed a syntax error whose cause is `location`.
    pub related: Option<Location>,
    /// The message id naming `related`: `error-related-defined` ("value defined at"),
    /// `error-related-noticed` ("the parser noticed it at").
    pub related_as: &'static str,
    /// The offending line, for an error snippet under the message (table output only).
    pub excerpt: Option<crate::source::excerpt::Excerpt>,
}

impl Error {
    pub fn usage(message: impl Into<String>) -> Error {
        Error {
            kind: ErrorKind::Usage,
            code: "usage",
            message: crate::source::secrets::redact_message(&message.into()),
            location: None,
            related: None,
            related_as: "error-related-defined",
            excerpt: None,
        }
    }
    pub fn input(code: &'static str, message: impl Into<String>) -> Error {
        Error {
            kind: ErrorKind::Input,
            code,
            message: crate::source::secrets::redact_message(&message.into()),
            location: None,
            related: None,
            related_as: "error-related-defined",
            excerpt: None,
        }
    }
    pub fn at(mut self, sm: &SourceMap, span: Span) -> Error {
        self.location = Some(sm.location(span));
        self.excerpt = crate::source::excerpt::excerpt(sm, span, self.code);
        self
    }
    pub fn at_pos(mut self, sm: &SourceMap, pos: crate::source::Pos) -> Error {
        self.location = Some(sm.location(pos.primary()));
        self.excerpt = crate::source::excerpt::excerpt(sm, pos.primary(), self.code);
        self.related = pos.related().map(|s| sm.location(s));
        self
    }
    pub fn with_kind(mut self, kind: ErrorKind) -> Error {
        self.kind = kind;
        self
    }
    pub fn exit_code(&self) -> u8 {
        match self.kind {
            ErrorKind::Usage => 2,
            ErrorKind::Input => 3,
        }
    }
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.location {
            Some(l) => write!(f, "{l}: {}", self.message)?,
            None => write!(f, "{}", self.message)?,
        }
        if let Some(r) = &self.related {
            write!(f, " ({} {r})", crate::locale::message(self.related_as, &[]))?;
        }
        Ok(())
    }
}

impl std::error::Error for Error {}

pub type Result<T, E = Error> = std::result::Result<T, E>;
