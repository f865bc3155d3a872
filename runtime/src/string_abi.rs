//! `&str` crossing from Rust into jit code: its `{ptr, len}`, zero-copy, as a `&[u8]`'s.

use crate::Type;
use crate::abi::{JitArg, SliceRepr};

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
