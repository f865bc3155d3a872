//! The C-facing types of the boundary: raw pointers, the C scalars `extern "C"` jit fns and
//! C function pointers take and return, and `extern "C" fn` pointers themselves.

use crate::Type;
use crate::abi::{JitArg, JitElem, JitType};

macro_rules! raw_pointer {
    ($($mutability:ident => $mutable:literal),*) => {$(
        // SAFETY: a raw pointer is its own repr and crosses by value, as an LLVM pointer.
        unsafe impl<T: JitElem> JitArg for *$mutability T {
            type Repr = Self;
            type Abi = Self;
            fn jit_type() -> Type {
                Type::Ptr {
                    pointee: Box::new(T::jit_type()),
                    mutable: $mutable,
                }
            }
            #[inline(always)]
            fn to_repr(&self) -> Self {
                *self
            }
            #[inline(always)]
            fn to_abi(repr: &Self) -> Self {
                *repr
            }
        }

        // SAFETY: returned by value; `out` is not read.
        unsafe impl<T: JitElem> JitType for *$mutability T {
            type RetAbi = Self;
            #[inline(always)]
            unsafe fn from_ret(ret: Self, _out: *const Self) -> Self {
                ret
            }
            #[inline(always)]
            unsafe fn from_repr(repr: Self) -> Self {
                repr
            }
            #[inline(always)]
            unsafe fn clone_from_repr(repr: &Self) -> Self {
                *repr
            }
            const LAYOUT_IS_REPR: bool = true;
        }
    )*};
}

raw_pointer!(mut => true, const => false);

/// A C scalar: a type `extern "C"` jit fns and C function pointers take and return
/// (numbers, `bool`, raw pointers, `extern "C" fn` pointers).
///
/// # Safety
/// The type must cross a C call in one register exactly as `jit_type()` says.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a C scalar",
    label = "not a C scalar",
    note = "C function pointers in jit code take and return numbers, `bool`, raw pointers and `extern \"C\" fn` pointers"
)]
pub unsafe trait CScalar: JitType {}

/// What a C function pointer in jit code may return: a [`CScalar`] or `()`.
///
/// # Safety
/// As [`CScalar`]; `()` is a `void` return.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be returned through a C function pointer in jit code",
    label = "not a C result",
    note = "C function pointers in jit code return numbers, `bool`, raw pointers, `extern \"C\" fn` pointers or `()`"
)]
pub unsafe trait CReturn: JitType {}

macro_rules! c_scalars {
    ($($t:ty),*) => {$(
        // SAFETY: one register in the C ABI, as its jit type.
        unsafe impl CScalar for $t {}
        // SAFETY: as `CScalar`.
        unsafe impl CReturn for $t {}
    )*};
}

c_scalars!(
    i8, i16, i32, i64, isize, u8, u16, u32, u64, usize, f32, f64, bool
);

// SAFETY: a `void` result.
unsafe impl CReturn for () {}
// SAFETY: a raw pointer is one register.
unsafe impl<T: JitElem> CScalar for *mut T {}
// SAFETY: as above.
unsafe impl<T: JitElem> CScalar for *const T {}
// SAFETY: as above.
unsafe impl<T: JitElem> CReturn for *mut T {}
// SAFETY: as above.
unsafe impl<T: JitElem> CReturn for *const T {}

/// A null function pointer from jit code: only `unsafe` jit code (a class viewed over
/// zeroed memory) can make one, and Rust has no such value.
#[cold]
#[track_caller]
fn null_fn_pointer() -> ! {
    panic!("jit code made a null function pointer")
}

macro_rules! fn_pointer {
    ($($a:ident),*) => {
        // SAFETY: a function pointer crosses as one pointer passed by value; its repr is
        // `Option<Self>` (the same layout, and all-zero is `None`), `Some` whenever Rust
        // makes it; jit code calls it with the C calling convention its type names.
        unsafe impl<R: CReturn, $($a: CScalar),*> JitArg for extern "C" fn($($a),*) -> R {
            type Repr = Option<Self>;
            type Abi = Option<Self>;
            fn jit_type() -> Type {
                Type::FnPtr {
                    params: vec![$($a::jit_type()),*],
                    ret: Box::new(R::jit_type()),
                }
            }
            #[inline(always)]
            fn to_repr(&self) -> Option<Self> {
                Some(*self)
            }
            #[inline(always)]
            fn to_abi(repr: &Option<Self>) -> Option<Self> {
                *repr
            }
        }

        // SAFETY: returned by value; `out` is not read. JIT code only makes values of
        // this type from functions of exactly this signature.
        unsafe impl<R: CReturn, $($a: CScalar),*> JitType for extern "C" fn($($a),*) -> R {
            type RetAbi = Option<Self>;
            #[inline(always)]
            unsafe fn from_ret(ret: Option<Self>, _out: *const Option<Self>) -> Self {
                ret.unwrap_or_else(|| null_fn_pointer())
            }
            #[inline(always)]
            unsafe fn from_repr(repr: Option<Self>) -> Self {
                repr.unwrap_or_else(|| null_fn_pointer())
            }
            #[inline(always)]
            unsafe fn clone_from_repr(repr: &Option<Self>) -> Self {
                repr.unwrap_or_else(|| null_fn_pointer())
            }
            // As `JitElem` says: the same layout, and jit code makes no null ones.
            const LAYOUT_IS_REPR: bool = true;
        }

        // SAFETY: `Option<Self>` has `Self`'s layout, and jit code stores only function
        // values it made from functions (see `JitElem`).
        unsafe impl<R: CReturn, $($a: CScalar),*> JitElem for extern "C" fn($($a),*) -> R {}
        // SAFETY: one pointer register.
        unsafe impl<R: CReturn, $($a: CScalar),*> CScalar for extern "C" fn($($a),*) -> R {}
        // SAFETY: as above.
        unsafe impl<R: CReturn, $($a: CScalar),*> CReturn for extern "C" fn($($a),*) -> R {}
    };
}

fn_pointer!();
fn_pointer!(A0);
fn_pointer!(A0, A1);
fn_pointer!(A0, A1, A2);
fn_pointer!(A0, A1, A2, A3);
fn_pointer!(A0, A1, A2, A3, A4);
fn_pointer!(A0, A1, A2, A3, A4, A5);
