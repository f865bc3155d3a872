//! The jitclass language, shared by the proc macros and the runtime.
//!
//! - [`ir`]: the serialised IR of a `#[jit]` function;
//! - [`types`]: concrete types and signatures;
//! - [`infer`]: type inference and checking;
//! - [`methods`]: the builtin methods of primitives and slices;
//! - [`layout`]: C struct layout, shared by tuples and class payloads;
//! - [`diag`]: diagnostics with source locations;
//! - `lower` (feature `lower`, macro time only): syn AST -> IR.
//!
//! No LLVM here: the proc-macro crate links this crate.

pub mod diag;
pub mod infer;
pub mod init;
pub mod ir;
pub mod layout;
pub mod methods;
pub mod types;

#[cfg(feature = "lower")]
pub mod lower;

pub use diag::Diagnostic;
pub use types::{ClassKey, OpaqueKey, PrimTy, Signature, Type};

/// The pairs of differently written `PassThru<T>` types that a body which passes the macro
/// time checks uses as one type (indices into `FnIr::opaques`): the glue has rustc check
/// that each pair is one type.
pub fn opaque_equalities(ir: &ir::FnIr) -> Vec<(u32, u32)> {
    if !ir.generics.is_empty() {
        return Vec::new();
    }
    infer::infer(ir, &[], &infer::UnknownCallees, infer::Mode::MacroTime)
        .map(|typed| typed.opaque_equalities)
        .unwrap_or_default()
}

/// Checks a function at macro time, where called jit fns are unknown: definite
/// initialisation always, types for non-generic functions. Returns only errors that hold
/// whatever the called functions turn out to be.
pub fn check_at_macro_time(ir: &ir::FnIr) -> Vec<Diagnostic> {
    let mut diags = init::check(ir);
    if ir.generics.is_empty()
        && let Err(type_errors) =
            infer::infer(ir, &[], &infer::UnknownCallees, infer::Mode::MacroTime)
    {
        diags.extend(type_errors);
    }
    diags
}
