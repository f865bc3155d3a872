//! Errors reported when a jit function is compiled for a signature.

use std::fmt;

/// Why a jit function could not be compiled for the requested types.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// The body does not type-check for these types (generic code, or a callee's signature).
    Type,
    /// `dispatcher().disable_compile()` was called and no compiled version fits.
    CompileDisabled,
    /// A bug in jitclass itself (for example LLVM rejected the generated module).
    Internal,
}

/// A compile-time error of a jit function, pointing at its DSL source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    pub(crate) kind: ErrorKind,
    pub(crate) function: String,
    pub(crate) specialisation: String,
    pub(crate) message: String,
    pub(crate) location: Option<String>,
    pub(crate) notes: Vec<String>,
}

impl Error {
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }

    /// The jit function being compiled when the error occurred.
    pub fn function(&self) -> &str {
        &self.function
    }

    /// The first line of the diagnostic, e.g. "mismatched types: expected `f64`, found `i64`".
    pub fn message(&self) -> &str {
        &self.message
    }

    /// `file:line:col` of the offending DSL token, when there is one.
    pub fn location(&self) -> Option<&str> {
        self.location.as_deref()
    }

    pub(crate) fn internal(function: &str, message: impl Into<String>) -> Error {
        Error {
            kind: ErrorKind::Internal,
            function: function.to_string(),
            specialisation: String::new(),
            message: message.into(),
            location: None,
            notes: vec!["note: this is a bug in jitclass; please report it".into()],
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "error in jit fn `{}`", self.function)?;
        if !self.specialisation.is_empty() {
            write!(f, " ({})", self.specialisation)?;
        }
        write!(f, ": {}", self.message)?;
        if let Some(loc) = &self.location {
            write!(f, "\n  --> {loc}")?;
        }
        for n in &self.notes {
            write!(f, "\n  {n}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Error {}
