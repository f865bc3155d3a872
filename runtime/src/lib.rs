//! jitclass: Numba's `@jitclass` and `@jit` for Rust.
//!
//! Functions written in ordinary Rust syntax under [`jit`] are parsed into an IR while
//! your crate compiles, and JIT-compiled through LLVM at their first call, specialised for
//! the types they are called with:
//!
//! ```
//! use jitclass::jit;
//!
//! #[jit]
//! fn dot(xs: &[f64], ys: &[f64]) -> f64 {
//!     let mut acc = 0.0;
//!     for i in 0..xs.len() {
//!         acc += xs[i] * ys[i];
//!     }
//!     acc
//! }
//!
//! assert_eq!(dot(&[1.0, 2.0], &[3.0, 4.0]), 11.0);
//! assert_eq!(dot::dispatcher().compile_count(), 1);
//! ```
//!
//! See the book (`book/`) for the language, and `ARCHITECTURE.md` for how it works.

// JIT code treats `usize`, `isize` and slice lengths as 64-bit integers.
#[cfg(not(target_pointer_width = "64"))]
compile_error!("jitclass supports 64-bit targets only");

pub mod abi;
mod allocator;
mod call;
mod class;
mod compiler;
mod dispatch;
mod error;
mod escape;
mod foreign;
mod helpers;
mod math;
pub mod memory;
mod objmode;
mod panic;
mod passthru;
mod placement;
#[doc(hidden)]
pub mod shapes;
#[cfg(feature = "sqlite")]
pub mod sqlite;
mod stats;
mod subtype;

pub use abi::{CReturn, CScalar, JitArg, JitElem, JitType, type_of};
pub use allocator::ExternalAllocator;
pub use class::{ClassInfo, FieldLayout, Handle, JitClass, JitField, Payload};
pub use compiler::CompileStats;
pub use dispatch::Dispatcher;
pub use error::{Error, ErrorKind};
pub use jitclass_core::{ClassKey, OpaqueKey, PrimTy, Signature, Type};
pub use passthru::PassThru;
pub use subtype::{Supertype, class_fields};
// `objmode!` is exported at the crate root by `#[macro_export]`.
pub use jitclass_macros::{jit, jitclass};

/// The limits on the size of jit programs (see the book's "Limits"): past one, the macro
/// or the first call reports an error ([`ErrorKind::Limit`] at run time).
pub mod limits {
    pub use jitclass_core::limits::{
        MAX_INSTANCES, MAX_INSTANTIATION_DEPTH, MAX_NESTING, MAX_TYPE_DEPTH, MAX_TYPE_SIZE,
    };
}
pub use placement::{JitLayout, alignof, construct_at, destroy_at, sizeof, unsafe_cast};
pub use stats::{Stats, stats};

/// Items used by the code the macros generate. Not a public API.
#[doc(hidden)]
pub mod __private {
    pub use crate::call::*;
    pub use crate::class::abi as class_abi;
    pub use crate::class::{ClassDesc, Literal, METHODS, MethodEntry};
    pub use crate::dispatch::FnInfo;
    pub use crate::objmode::{
        ObjModeFn, ObjModeSite, SameType, objmode_panicked, objmode_stand_in, same_type,
    };
    pub use crate::panic::raise_pending_panic;
    pub use crate::passthru::jit_type_of as passthru_type;
    pub use crate::shapes as sql;
    pub use jitclass_core::infer::FnKind;
    pub use linkme;
}
