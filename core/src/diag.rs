//! Diagnostics: a message attached to a source location of the DSL.
//!
//! At macro time the location maps back to a `proc_macro2::Span` (rustc renders it); at
//! the first call it maps to `file:line:col` through the glue's location table.

use crate::ir::LocId;

#[derive(Clone, Debug, PartialEq)]
/// An error at a source location, with notes.
pub struct Diagnostic {
    /// Where the error is.
    pub loc: LocId,
    /// One line, lower case, no trailing period (rustc style).
    pub message: String,
    /// Extra lines (`help: ...`, `note: ...`).
    pub notes: Vec<String>,
    /// The program passes one of jitclass's limits (`crate::limits`), rather than
    /// breaking a rule of the language.
    pub limit: bool,
}

impl Diagnostic {
    /// An error breaking a rule of the language, without notes.
    pub fn new(loc: LocId, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            loc,
            message: message.into(),
            notes: Vec::new(),
            limit: false,
        }
    }

    /// A program past one of jitclass's limits (`crate::limits`).
    pub fn limit(loc: LocId, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            limit: true,
            ..Diagnostic::new(loc, message)
        }
    }

    /// Adds a line (`"note: ..."`, `"help: ..."`).
    pub fn note(mut self, note: impl Into<String>) -> Diagnostic {
        self.notes.push(note.into());
        self
    }

    /// The message with its notes, one per line, as shown to users.
    pub fn full_message(&self) -> String {
        let mut s = self.message.clone();
        for n in &self.notes {
            s.push('\n');
            s.push_str(n);
        }
        s
    }
}

/// rustc's count sentence, "`what` takes 1 `noun` but 2 `noun`s were supplied", shared by
/// the counts of arguments, generic arguments and lifetime arguments.
pub(crate) fn takes_but_supplied(
    what: &str,
    noun: &str,
    expected: usize,
    supplied: usize,
) -> String {
    format!(
        "{what} takes {expected} {noun}{} but {supplied} {noun}{} supplied",
        if expected == 1 { "" } else { "s" },
        if supplied == 1 { " was" } else { "s were" },
    )
}
