//! Rust's own float math, for jit code: `extern "C"` wrappers of the float methods whose
//! results depend on a math library's implementation, and the names jit code reaches them
//! by.
//!
//! The process holds two implementations of most of these functions: the C library's
//! (glibc's `libm`, loaded with LLVM), which the JIT would find by name, and the one
//! rustc links into this executable for Rust code (core's port of musl's libm, or
//! compiler-builtins'). They differ in the last bit on many inputs (`cbrt` on about half).
//! So jit code never reaches the C library's:
//!
//! - a method Rust computes through an LLVM intrinsic (`sin`: `llvm.sin`) is the same
//!   intrinsic in jit code, and the library call LLVM makes of it (`sin`, `sinf`) is
//!   mapped here to a wrapper of Rust's method; so is `powi`'s (`__powidf2`);
//! - every other one (`cbrt`, `tan`, ...) is a call to a wrapper under a name of its own,
//!   which LLVM cannot recognise, rewrite, or constant-fold with the C library.
//!
//! Either way a call that runs computes exactly what Rust's method computes at run time
//! in the same program. A call of an intrinsic whose operands LLVM knows at compile time
//! (a literal, or a constant reaching an inlined jit fn) may instead be evaluated by
//! LLVM's constant folding, with the host's math, as in rustc's optimised builds of the
//! same code: the result is then rustc's optimised build's, which can differ from the
//! run-time call in the last bit (Rust leaves these methods' precision unspecified). The
//! wrappers called by name are never folded.

use crate::helpers::{MappedFn, mapped_fn};
use jitclass_core::PrimTy;

/// One wrapper: `method` on `ty`, taking `arity` operands of `ty` and returning `ty`, and
/// its symbol, address and LLVM type (from its Rust signature).
pub(crate) struct MathFn {
    pub method: &'static str,
    pub ty: PrimTy,
    pub arity: usize,
    pub function: MappedFn,
}

/// The type of a wrapper's operand (each operand is named once in the method list).
macro_rules! operand {
    ($operand:ident, $t:ty) => {
        $t
    };
}

/// `extern "C"` wrappers of Rust's `f64` and `f32` methods, in modules `wrap_f64` and
/// `wrap_f32`, and their table rows, named `$f64_symbol` / `$f32_symbol`.
macro_rules! wrappers {
    ($table:ident: $($method:ident($($operand:ident),+) = $f64_symbol:expr, $f32_symbol:expr;)*) => {
        mod wrap_f64 {
            $(
                pub(super) extern "C" fn $method($($operand: f64),+) -> f64 {
                    f64::$method($($operand),+)
                }
            )*
        }

        mod wrap_f32 {
            $(
                pub(super) extern "C" fn $method($($operand: f32),+) -> f32 {
                    f32::$method($($operand),+)
                }
            )*
        }

        pub(super) static $table: &[MathFn] = &[
            $(
                MathFn {
                    method: stringify!($method),
                    ty: PrimTy::F64,
                    arity: [$(stringify!($operand)),+].len(),
                    function: mapped_fn!(
                        $f64_symbol,
                        wrap_f64::$method,
                        unsafe extern "C" fn($(operand!($operand, f64)),+) -> f64
                    ),
                },
                MathFn {
                    method: stringify!($method),
                    ty: PrimTy::F32,
                    arity: [$(stringify!($operand)),+].len(),
                    function: mapped_fn!(
                        $f32_symbol,
                        wrap_f32::$method,
                        unsafe extern "C" fn($(operand!($operand, f32)),+) -> f32
                    ),
                },
            )*
        ];
    };
}

/// The wrappers jit code calls by their own names (`jitclass_rt_f64_cbrt`).
mod opaque {
    use super::{MathFn, mapped_fn};
    use jitclass_core::PrimTy;

    macro_rules! opaque_wrappers {
        ($($method:ident($($operand:ident),+)),* $(,)?) => {
            wrappers! { TABLE: $(
                $method($($operand),+) = concat!("jitclass_rt_f64_", stringify!($method)),
                    concat!("jitclass_rt_f32_", stringify!($method));
            )* }
        };
    }

    jitclass_core::for_each_libm_method!(opaque_wrappers);
}

/// The wrappers that the library calls of libm-backed intrinsics reach (`sin`, `sinf`).
mod libcalls {
    use super::{MathFn, mapped_fn};
    use jitclass_core::PrimTy;

    macro_rules! libcall_wrappers {
        ($($method:ident($($operand:ident),+) = $libcall:ident),* $(,)?) => {
            wrappers! { TABLE: $(
                $method($($operand),+) = stringify!($libcall), concat!(stringify!($libcall), "f");
            )* }
        };
    }

    jitclass_core::for_each_libm_intrinsic!(libcall_wrappers);
}

/// The wrapper jit code calls for the libm-backed method `method` of `ty` (one of
/// [`jitclass_core::for_each_libm_method`]'s).
pub(crate) fn math_fn(method: &str, ty: PrimTy) -> Option<&'static MathFn> {
    opaque::TABLE
        .iter()
        .find(|f| f.method == method && f.ty == ty)
}

/// `x.powi(n)` in Rust: for an `n` unknown at compile time, rustc calls compiler-builtins'
/// `__powidf2`, which is what this calls.
extern "C" fn powi_f64(x: f64, n: i32) -> f64 {
    x.powi(n)
}

/// `x.powi(n)` for `f32` (compiler-builtins' `__powisf2`).
extern "C" fn powi_f32(x: f32, n: i32) -> f32 {
    x.powi(n)
}

/// The library calls of libm-backed intrinsics (`sin`, `powf`, ...) and of `llvm.powi`
/// with an exponent unknown at compile time (`__powidf2`; with a constant one, LLVM
/// multiplies in line by the same square-and-multiply steps, as rustc's LLVM does), each
/// mapped to Rust's implementation: functions LLVM's back end may call although the IR
/// does not.
pub(crate) fn libcalls() -> impl Iterator<Item = MappedFn> {
    libcalls::TABLE.iter().map(|f| f.function).chain([
        mapped_fn!("__powidf2", powi_f64, unsafe extern "C" fn(f64, i32) -> f64),
        mapped_fn!("__powisf2", powi_f32, unsafe extern "C" fn(f32, i32) -> f32),
    ])
}

/// Every wrapper jit code reaches by symbol: those it calls by name, and the library calls.
pub(crate) fn mapped() -> impl Iterator<Item = MappedFn> {
    opaque::TABLE.iter().map(|f| f.function).chain(libcalls())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_libm_method_has_a_wrapper_of_its_arity_for_both_float_types() {
        for ty in [PrimTy::F64, PrimTy::F32] {
            let receiver = jitclass_core::Type::Prim(ty);
            for name in jitclass_core::methods::names_for(&receiver) {
                let sig = jitclass_core::methods::lookup(&receiver, name).expect("listed");
                if let jitclass_core::methods::Builtin::FloatLibm { method, arity } = sig.builtin {
                    let f = math_fn(method, ty).unwrap_or_else(|| panic!("no wrapper of {name}"));
                    assert_eq!(f.arity, arity, "{name}");
                }
            }
        }
    }

    #[test]
    fn the_wrappers_compute_rusts_methods() {
        let f: extern "C" fn(f64) -> f64 =
            // SAFETY: the `cbrt` wrapper of `f64` has this signature (the table's arity 1).
            unsafe { std::mem::transmute((math_fn("cbrt", PrimTy::F64).unwrap().function.address)()) };
        for x in [0.3, 2.0, 1e300, -7.5, f64::MIN_POSITIVE] {
            assert_eq!(f(x).to_bits(), x.cbrt().to_bits());
        }
    }
}
