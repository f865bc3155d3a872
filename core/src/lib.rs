//! The jitclass language, shared by the proc macros and the runtime.
//!
//! - [`ir`]: the serialised IR of a `#[jit]` function, its walkers and its text form;
//! - [`types`]: concrete types and signatures;
//! - [`infer`]: type inference and checking;
//! - [`methods`]: the builtin methods of primitives and slices;
//! - [`operators`]: the operator traits jit code calls on class instances;
//! - [`layout`]: C struct layout, shared by tuples and class payloads;
//! - [`diag`]: diagnostics with source locations;
//! - [`limits`]: the limits on nesting, types and instantiation, and their checks;
//! - [`stack`]: deep recursion on a grown stack;
//! - `lower` (feature `lower`, macro time only): syn AST -> IR.
//!
//! No LLVM here: the proc-macro crate links this crate.

#![warn(missing_docs)]

pub mod diag;
pub mod infer;
pub mod init;
pub mod ir;
pub mod layout;
pub mod limits;
pub mod methods;
pub mod operators;
pub mod stack;
pub mod types;
pub mod vec_methods;

#[cfg(feature = "lower")]
pub mod lower;

pub use diag::Diagnostic;
pub use types::{ClassKey, OpaqueKey, PrimTy, Signature, Type};

/// What the macro-time check of a function found.
pub struct MacroTimeCheck {
    /// Errors that hold whatever the called functions turn out to be.
    pub diagnostics: Vec<Diagnostic>,
    /// Differently written `PassThru<T>` types that the body uses as one type (indices
    /// into `FnIr::opaques`): the glue has rustc check that each pair is one type.
    pub opaque_equalities: Vec<(u32, u32)>,
}

/// Checks a function at macro time, where called jit fns are unknown: definite
/// initialisation always, types for non-generic functions.
pub fn check_at_macro_time(ir: &ir::FnIr) -> MacroTimeCheck {
    let mut check = MacroTimeCheck {
        diagnostics: init::check(ir),
        opaque_equalities: Vec::new(),
    };
    if ir.generics.is_empty() {
        match infer::infer(ir, &[], &infer::UnknownCallees, infer::Mode::MacroTime) {
            Ok(typed) => check.opaque_equalities = typed.opaque_equalities,
            Err(type_errors) => check.diagnostics.extend(type_errors),
        }
    }
    check
}
