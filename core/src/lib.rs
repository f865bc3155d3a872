//! The jitclass language, shared by the proc macros and the runtime.
//!
//! - [`ir`]: the serialised IR of a `#[jit]` function, its walkers and its text form;
//! - [`types`]: concrete types and signatures;
//! - [`infer`]: type inference and checking;
//! - [`methods`]: the builtin methods of primitives and slices;
//! - [`operators`]: the operator traits jit code calls on class instances;
//! - [`layout`]: C struct layout, shared by tuples and class payloads;
//! - [`diag`]: diagnostics with source locations;
//! - [`format_string`]: the scanner of `format!` strings (jit code's and the macros' checks);
//! - [`limits`]: the limits on nesting, types and instantiation, and their checks;
//! - [`stack`]: deep recursion on a grown stack;
//! - `lower` (feature `lower`, macro time only): syn AST -> IR.
//!
//! No LLVM here: the proc-macro crate links this crate.

#![warn(missing_docs)]

pub mod char_methods;
pub mod diag;
pub mod format_spec;
pub mod format_string;
pub mod infer;
pub mod init;
pub mod ir;
pub mod layout;
pub mod limits;
pub mod map_methods;
pub mod methods;
pub mod operators;
pub mod stack;
pub mod std_sort;
pub mod str_methods;
pub mod string_methods;
pub mod types;
pub mod vec_methods;

#[cfg(feature = "lower")]
pub mod lower;

pub use diag::Diagnostic;
pub use types::{ClassKey, DynPointer, OpaqueKey, PrimTy, Signature, TraitKey, Type};

/// What the macro-time check of a function found.
pub struct MacroTimeCheck {
    /// Errors that hold whatever the called functions turn out to be.
    pub diagnostics: Vec<Diagnostic>,
    /// Differently written `PassThru<T>` types that the body uses as one type (indices
    /// into `FnIr::opaques`): the glue has rustc check that each pair is one type.
    pub opaque_equalities: Vec<(u32, u32)>,
    /// The `base[index]` expressions whose base is known to be a slice or an array (a non-generic
    /// body's types at macro time): the shadow copy leaves them as written, and writes the
    /// others, whose base may be a class instance, with a key rustc can check.
    pub slice_indexes: Vec<ir::ExprId>,
    /// The `for x in v` loops over a `Vec` known as such (a non-generic body's types at
    /// macro time): the shadow copy writes them as Rust's own loops, which move `v`, so
    /// that rustc checks the uses of `v` after them.
    pub consuming_loops: Vec<ir::ExprId>,
}

/// Checks a function at macro time, where called jit fns are unknown: definite
/// initialisation, and types, a generic body's parameters being unknown (so that only the
/// errors that hold for every type are reported; the rest wait for a specialisation).
pub fn check_at_macro_time(ir: &ir::FnIr) -> MacroTimeCheck {
    let mut check = MacroTimeCheck {
        diagnostics: init::check(ir),
        opaque_equalities: Vec::new(),
        slice_indexes: Vec::new(),
        consuming_loops: Vec::new(),
    };
    match infer::infer(ir, &[], &infer::UnknownCallees, infer::Mode::MacroTime) {
        Ok(typed) if ir.generics.is_empty() => {
            check.slice_indexes = typed.slice_indexes;
            check.consuming_loops = typed.consuming_loops;
            check.opaque_equalities = typed.opaque_equalities;
        }
        Ok(_) => {}
        Err(type_errors) => check.diagnostics.extend(type_errors),
    }
    check
}

/// The hash by which the shadow copies of jit bodies name a class's field or property
/// `name` (`jitclass::__private::shadow::Name<H>`): FNV-1a, 64 bits, of the name's text
/// (without `r#`). The struct and impl macros that declare members and the shadows that
/// use them all compute it here.
pub fn member_hash(name: &str) -> u64 {
    name.bytes().fold(0xcbf2_9ce4_8422_2325u64, |hash, b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}
