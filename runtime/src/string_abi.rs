//! `&str` crossing from Rust into jit code: its `{ptr, len}`, zero-copy, as a `&[u8]`'s.

use crate::Type;
use crate::abi::{JitArg, JitType, SliceRepr};

// SAFETY: the repr is `{ptr, len}` in C layout, passed by pointer, borrowed from a `&str`
// the caller keeps alive across the call; its bytes are valid UTF-8, the invariant jit
// code's `Type::Str` holds (jit code only reads them, and makes parts of them on char
// boundaries only).
unsafe impl JitArg for &str {
    type Repr = SliceRepr<u8>;
    type Abi = *const SliceRepr<u8>;
    fn jit_type() -> Type {
        Type::Str
    }
    #[inline(always)]
    fn to_repr(&self) -> SliceRepr<u8> {
        SliceRepr {
            ptr: self.as_ptr(),
            len: self.len(),
        }
    }
    #[inline(always)]
    fn to_abi(repr: &SliceRepr<u8>) -> *const SliceRepr<u8> {
        repr
    }
}

/// The `&str` a jit fn returns, as the entry point writes it: turned into the glue's
/// `&str` by [`StrResult::into_str`].
#[doc(hidden)]
#[derive(Clone, Copy)]
pub struct StrResult(SliceRepr<u8>);

// SAFETY: a `{ptr, len}` struct, returned through the out pointer as every non-scalar;
// only the glue of a fn returning `&str` makes one (see `into_str`).
unsafe impl JitArg for StrResult {
    type Repr = SliceRepr<u8>;
    type Abi = *const SliceRepr<u8>;
    fn jit_type() -> Type {
        Type::Str
    }
    fn to_repr(&self) -> SliceRepr<u8> {
        self.0
    }
    fn to_abi(repr: &SliceRepr<u8>) -> *const SliceRepr<u8> {
        repr
    }
}

// SAFETY: as above; a result is the repr JIT code wrote to `out`.
unsafe impl JitType for StrResult {
    type RetAbi = ();
    unsafe fn from_ret(_: (), out: *const SliceRepr<u8>) -> Self {
        // SAFETY: the caller guarantees `out` holds the result.
        StrResult(unsafe { *out })
    }
    unsafe fn from_repr(repr: SliceRepr<u8>) -> Self {
        StrResult(repr)
    }
    unsafe fn drop_repr(_: SliceRepr<u8>) {}
    unsafe fn clone_from_repr(repr: &SliceRepr<u8>) -> Self {
        StrResult(*repr)
    }
}

impl StrResult {
    /// The `&str` jit code returned.
    ///
    /// # Safety
    /// The `&str` must live for `'a`: the glue of a fn without type parameters returning
    /// `&str` calls this with the lifetime of its signature, which rustc checked the body
    /// against in the shadow; the `&str` borrows one of the parameters (alive for the
    /// caller's borrow) or a literal of the compiled module (immortal).
    pub unsafe fn into_str<'a>(self) -> &'a str {
        if self.0.len == 0 {
            return "";
        }
        // SAFETY: jit `&str` values are valid UTF-8 (`Type::Str`); their life is the
        // caller's contract above.
        unsafe { std::str::from_utf8_unchecked(std::slice::from_raw_parts(self.0.ptr, self.0.len)) }
    }
}
