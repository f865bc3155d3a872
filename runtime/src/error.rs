//! Errors reported when a jit function is compiled for a signature.

use std::fmt;

/// Why a jit function could not be compiled for the requested types.
///
/// More kinds may be added: a `match` needs a wildcard arm.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The body does not type-check for these types (generic code, or a callee's signature).
    Type,
    /// `dispatcher().disable_compile()` was called and no compiled version fits.
    CompileDisabled,
    /// A C function declared in a `#[jit] extern "C"` block is not in the process.
    MissingSymbol,
    /// A call fell in a supertype declared on the dispatcher, but the compiled code it
    /// would reuse reads the new types differently (a field at another offset).
    Subtype,
    /// The program passes one of jitclass's documented limits: a type nested too deeply
    /// or too large, or a generic function instantiating itself too deeply (as
    /// polymorphic recursion does).
    Limit,
    /// A bug in jitclass itself (for example LLVM rejected the generated module).
    Internal,
}

/// A compile-time error of a jit function, pointing at its DSL source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error(Box<Details>);

#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Details {
    pub kind: ErrorKind,
    pub function: String,
    pub specialisation: String,
    pub message: String,
    pub location: Option<String>,
    pub notes: Vec<String>,
}

impl Error {
    pub(crate) fn new(kind: ErrorKind, function: &str, message: impl Into<String>) -> Error {
        Error(Box::new(Details {
            kind,
            function: function.to_string(),
            specialisation: String::new(),
            message: message.into(),
            location: None,
            notes: Vec::new(),
        }))
    }

    /// Names the generic arguments being compiled, e.g. `T = f64`.
    pub(crate) fn specialised(mut self, specialisation: String) -> Error {
        self.0.specialisation = specialisation;
        self
    }

    pub(crate) fn at(mut self, location: String) -> Error {
        self.0.location = Some(location);
        self
    }

    pub(crate) fn with_notes(mut self, notes: Vec<String>) -> Error {
        self.0.notes.extend(notes);
        self
    }

    /// What kind of error this is.
    pub fn kind(&self) -> &ErrorKind {
        &self.0.kind
    }

    /// The jit function being compiled when the error occurred.
    pub fn function(&self) -> &str {
        &self.0.function
    }

    /// The first line of the diagnostic, e.g. "mismatched types: expected `f64`, found `i64`".
    pub fn message(&self) -> &str {
        &self.0.message
    }

    /// `file:line:col` of the offending DSL token, when there is one.
    pub fn location(&self) -> Option<&str> {
        self.0.location.as_deref()
    }

    pub(crate) fn internal(function: &str, message: impl Into<String>) -> Error {
        Error::new(ErrorKind::Internal, function, message).with_notes(vec![
            "note: this is a bug in jitclass; please report it".into(),
        ])
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = &self.0;
        write!(f, "error in jit fn `{}`", d.function)?;
        if !d.specialisation.is_empty() {
            write!(f, " ({})", d.specialisation)?;
        }
        write!(f, ": {}", d.message)?;
        if let Some(loc) = &d.location {
            write!(f, "\n  --> {loc}")?;
        }
        for n in &d.notes {
            write!(f, "\n  {n}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Error {}
