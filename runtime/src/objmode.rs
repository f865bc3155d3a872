//! `objmode!` blocks: Rust code inside jit code (Numba's `with objmode(...)`).
//!
//! The `#[jit]` glue compiles each block into an `extern "C"` [`ObjModeFn`]: it rebuilds
//! the Rust inputs from the reprs jit code passes (new references for instances and
//! handles), runs the block under `catch_unwind`, and writes the output's repr (owning
//! its references) for jit code to take over. A panic does not unwind into jit code: the
//! block returns a status, its message is recorded as the pending jit panic, and the
//! outer jit call raises it in Rust.

use std::any::Any;

/// A block of ordinary Rust inside a `#[jit]` fn, compiled by rustc (Numba's
/// `with objmode(...)`): `objmode!(|a: A, b: B| -> R { .. })`. Its inputs are jit locals
/// of those names, passed as values of the declared types (an instance or a `PassThru` is
/// another reference to the same value); its output has the declared type. A panic inside
/// becomes a panic of the outer jit call; `return`, `?` and `break` cannot leave it.
/// An input holding an unmanaged instance (see [`unsafe_cast`](crate::unsafe_cast)) is
/// refused with a panic before the block runs: Rust could keep it past the call it was
/// lent to.
///
/// ```
/// use jitclass::{jit, objmode};
///
/// #[jit]
/// fn shout(x: f64) -> f64 {
///     let y = x * 2.0;
///     let label: i64 = objmode!(|y: f64| -> i64 {
///         println!("y = {y}"); // any Rust
///         y.to_string().len() as i64
///     });
///     y + label as f64
/// }
///
/// assert_eq!(shout(1.5), 4.0);
/// ```
///
/// Outside a `#[jit]` fn the block is an ordinary closure call.
#[macro_export]
macro_rules! objmode {
    // The glue names the macro as the user wrote it, so that its import counts as used.
    (@check) => {};
    (|$($name:ident : $ty:ty),* $(,)?| -> $out:ty $body:block) => {
        {
            let block = |$($name: $ty),*| $body;
            let output: $out = block($(::core::clone::Clone::clone(&$name)),*);
            output
        }
    };
}

/// A compiled `objmode!` block: `status block(inputs: *const InputsRepr, out: *mut
/// OutputRepr)`; `0` on success, `1` after a panic (recorded as the pending one).
pub type ObjModeFn = unsafe extern "C" fn(*const u8, *mut u8) -> u8;

/// Where an `objmode!` block is, for the message of its panics.
#[doc(hidden)]
pub struct ObjModeSite {
    pub function: &'static str,
    pub file: &'static str,
    pub line: u32,
    pub column: u32,
}

/// Records the panic of an `objmode!` block as the pending jit panic: the block's
/// message, then where the block is.
#[doc(hidden)]
pub fn objmode_panicked(payload: Box<dyn Any + Send>, site: &ObjModeSite) {
    let message = crate::panic::into_message(payload);
    crate::panic::set_pending_panic(format!(
        "{message}\n  --> {}:{}:{} (in the `objmode!` block of jit fn `{}`)",
        site.file, site.line, site.column, site.function
    ));
}

/// What an `objmode!` block stands for in the copy of a jit body that rustc type-checks
/// but never runs: a value of the block's output type, reading its inputs.
#[doc(hidden)]
pub fn objmode_stand_in<Output, Inputs>(_inputs: Inputs) -> Output {
    unreachable!("the type-checking copy of a jit fn is never called")
}

/// Two `PassThru<T>` types a jit body uses as one type, as written in different ways.
#[doc(hidden)]
#[diagnostic::on_unimplemented(
    message = "mismatched types: jit code uses `PassThru<{Self}>` and `PassThru<{B}>` as one type",
    label = "`PassThru<{Self}>` here, `PassThru<{B}>` where the value comes from"
)]
pub trait SameType<B: ?Sized> {}

impl<T: ?Sized> SameType<T> for T {}

/// Compiles only when `A` and `B` are one type (rustc's check of a pair the macro cannot
/// compare, such as a type and its alias).
#[doc(hidden)]
pub fn same_type<A: ?Sized + SameType<B>, B: ?Sized>() {}
