//! std's own code behind the methods of `String` that are more than a copy of bytes
//! (`jitclass_core::string_methods`), as helper rows made like `crate::string`'s; and how
//! a Rust `String` crosses into jit code and back: as the `Vec<u8>` of its bytes, whose
//! buffer is handed over in O(1) both ways (`vec_abi.rs`), since a `String` block is a
//! `Vec<u8>` block (`Type::block_elem`) whose bytes jit code keeps valid UTF-8.

use crate::Type;
use crate::abi::{CallArg, JitArg, JitType, RawInstance};
use crate::helpers::{MappedFn, mapped_fn};

/// Writes `c` (a jit `char`: a Unicode scalar value) as UTF-8 at `out` (room for 4
/// bytes); its length in bytes.
///
/// # Safety
/// `out` is valid for 4 bytes of writes.
unsafe extern "C" fn char_utf8(c: u32, out: *mut u8) -> usize {
    let c = char::from_u32(c).unwrap_or(char::REPLACEMENT_CHARACTER);
    // SAFETY: guaranteed by the caller.
    let out = unsafe { std::slice::from_raw_parts_mut(out, 4) };
    c.encode_utf8(out).len()
}

/// The helper of `s.push(c)`'s encoding.
pub(crate) fn char_utf8_fn() -> MappedFn {
    mapped_fn!(
        "jitclass_rt_char_utf8",
        char_utf8,
        unsafe extern "C" fn(u32, *mut u8) -> usize
    )
}

/// Every helper, for `compiler/symbols.rs`.
pub(crate) fn mapped() -> impl Iterator<Item = MappedFn> {
    [char_utf8_fn()].into_iter()
}

// SAFETY: the repr is a `Vec<u8>` block's `{meminfo, data}` (`Type::String` is one),
// passed and returned as `Vec<u8>`'s; its bytes are the `String`'s, valid UTF-8.
unsafe impl JitArg for String {
    type Repr = RawInstance;
    type Abi = *const RawInstance;
    fn jit_type() -> Type {
        Type::String
    }
    fn to_repr(&self) -> RawInstance {
        panic!(
            "jitclass: a `String` crosses into jit code by value, as an argument or a field's new value; \
             one borrowed from a larger value cannot cross"
        )
    }
    #[inline(always)]
    fn to_abi(repr: &RawInstance) -> *const RawInstance {
        repr
    }
    fn into_repr(self) -> RawInstance {
        // O(1): the bytes' buffer becomes the block's.
        self.into_bytes().into_repr()
    }
    fn into_arg(self) -> CallArg<Self> {
        // SAFETY: the repr owns one reference to the new block; `release_repr` drops it
        // once, after the call.
        unsafe { CallArg::owned(self.into_repr(), crate::abi::release_repr::<Self>) }
    }
}

// SAFETY: as `Vec<u8>`'s, whose bytes jit code keeps valid UTF-8.
unsafe impl JitType for String {
    type RetAbi = ();
    #[inline(always)]
    unsafe fn from_ret(_: (), out: *const RawInstance) -> Self {
        // SAFETY: the caller guarantees `out` holds an owned reference.
        unsafe { Self::from_repr(*out) }
    }
    unsafe fn from_repr(repr: RawInstance) -> Self {
        // SAFETY: an owned reference to a `String` block, whose bytes are UTF-8 (every
        // producer of a `String` in jit code keeps them so: `string_methods`).
        unsafe { String::from_utf8_unchecked(Vec::<u8>::from_repr(repr)) }
    }
    fn unmanaged_class(&self) -> Option<&'static str> {
        None
    }
    unsafe fn drop_repr(repr: RawInstance) {
        // SAFETY: as `Vec<u8>`'s.
        unsafe { Vec::<u8>::drop_repr(repr) }
    }
    unsafe fn clone_from_repr(repr: &RawInstance) -> Self {
        // SAFETY: as `from_repr`.
        unsafe { String::from_utf8_unchecked(Vec::<u8>::clone_from_repr(repr)) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chars_encode_as_std() {
        for c in ['a', 'é', '€', '😀', '\0', char::MAX] {
            let mut out = [0u8; 4];
            // SAFETY: `out` has 4 bytes.
            let n = unsafe { char_utf8(c as u32, out.as_mut_ptr()) };
            assert_eq!(&out[..n], c.to_string().as_bytes());
        }
    }
}
