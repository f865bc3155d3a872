//! The jitclass language, shared by the proc macros and the runtime.
//!
//! - [`ir`]: the serialised IR of a `#[jit]` function;
//! - [`types`]: concrete types and signatures;
//! - [`infer`]: type inference and checking;
//! - [`methods`]: the builtin methods of primitives and slices;
//! - [`diag`]: diagnostics with source locations;
//! - `lower` (feature `lower`, macro time only): syn AST -> IR.
//!
//! No LLVM here: the proc-macro crate links this crate.

pub mod diag;
pub mod infer;
pub mod ir;
pub mod methods;
pub mod types;

#[cfg(feature = "lower")]
pub mod lower;

pub use diag::Diagnostic;
pub use types::{PrimTy, Signature, Type};

/// Type-checks a non-generic function at macro time, where called jit fns are unknown.
/// Returns only errors that hold whatever those functions turn out to be.
pub fn check_at_macro_time(ir: &ir::FnIr) -> Vec<Diagnostic> {
    if !ir.generics.is_empty() {
        return Vec::new();
    }
    match infer::infer(ir, &[], &infer::UnknownCallees, infer::Mode::MacroTime) {
        Ok(_) => Vec::new(),
        Err(diags) => diags,
    }
}
