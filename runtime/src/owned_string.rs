//! std's own code behind the methods of `String` that are more than a copy of bytes
//! (`jitclass_core::string_methods`), as helper rows made like `crate::string`'s; and how
//! a Rust `String` crosses into jit code and back: as the `Vec<u8>` of its bytes, whose
//! buffer is handed over in O(1) both ways (`vec_abi.rs`), since a `String` block is a
//! `Vec<u8>` block (`Type::block_elem`) whose bytes jit code keeps valid UTF-8.

use crate::Type;
use crate::abi::{CallArg, JitArg, JitType, RawInstance};
use crate::helpers::{MappedFn, mapped_fn};
use crate::panic::set_panic_text;
use jitclass_core::string_methods::CaseMap;

/// std's panic of `String::truncate` at a length inside a character (held to std's by a
/// unit test).
const TRUNCATE_INSIDE_CHAR: &str = "assertion failed: self.is_char_boundary(new_len)";

/// std's panic when a `String`'s size would pass `isize::MAX`.
const CAPACITY_OVERFLOW: &str = "capacity overflow";

/// The `&str` jit code passes as `ptr, len`.
///
/// # Safety
/// As `string::text`: the parts of a live jit `&str` (valid UTF-8).
unsafe fn text<'a>(ptr: *const u8, len: usize) -> &'a str {
    if len == 0 {
        return "";
    }
    // SAFETY: guaranteed by the caller.
    unsafe { std::str::from_utf8_unchecked(std::slice::from_raw_parts(ptr, len)) }
}

/// Writes a new `String` block holding `s` at `out` (its buffer handed over: O(1)).
///
/// # Safety
/// `out` is valid for a write of a `RawInstance`.
unsafe fn give(s: String, out: *mut RawInstance) {
    // SAFETY: guaranteed by the caller.
    unsafe { out.write(s.into_repr()) }
}

/// `s.to_lowercase()` and the other case maps (`kind` indexes `CaseMap::ALL`), std's.
///
/// # Safety
/// `ptr, len` are a live jit `&str`; `out` is valid for a write of a `RawInstance`.
unsafe extern "C" fn case_map(kind: u32, ptr: *const u8, len: usize, out: *mut RawInstance) {
    // SAFETY: guaranteed by the caller.
    let s = unsafe { text(ptr, len) };
    let mapped = match CaseMap::ALL.get(kind as usize) {
        Some(CaseMap::Lower) => s.to_lowercase(),
        Some(CaseMap::Upper) => s.to_uppercase(),
        Some(CaseMap::AsciiLower) => s.to_ascii_lowercase(),
        Some(CaseMap::AsciiUpper) | None => s.to_ascii_uppercase(),
    };
    // SAFETY: guaranteed by the caller.
    unsafe { give(mapped, out) }
}

/// `s.repeat(n)`, std's: 0, or 1 when the size overflows (std's panic recorded).
///
/// # Safety
/// As [`case_map`].
unsafe extern "C" fn repeat(ptr: *const u8, len: usize, n: usize, out: *mut RawInstance) -> u8 {
    // std would panic here; an `extern "C"` fn must not.
    if len
        .checked_mul(n)
        .is_none_or(|size| size > isize::MAX as usize)
    {
        set_panic_text(CAPACITY_OVERFLOW.to_string());
        return 1;
    }
    // SAFETY: guaranteed by the caller.
    let s = unsafe { text(ptr, len) };
    // SAFETY: guaranteed by the caller.
    unsafe { give(s.repeat(n), out) };
    0
}

/// `s.replace(from, to)`, std's.
///
/// # Safety
/// The three pairs are live jit `&str`s; `out` is valid for a write of a `RawInstance`.
unsafe extern "C" fn replace(
    ptr: *const u8,
    len: usize,
    from: *const u8,
    from_len: usize,
    to: *const u8,
    to_len: usize,
    out: *mut RawInstance,
) {
    // SAFETY: guaranteed by the caller.
    let (s, from, to) = unsafe { (text(ptr, len), text(from, from_len), text(to, to_len)) };
    // SAFETY: guaranteed by the caller.
    unsafe { give(s.replace(from, to), out) }
}

/// The helper of `replace`.
pub(crate) fn replace_fn() -> MappedFn {
    mapped_fn!(
        "jitclass_rt_string_replace",
        replace,
        unsafe extern "C" fn(
            *const u8,
            usize,
            *const u8,
            usize,
            *const u8,
            usize,
            *mut RawInstance,
        )
    )
}

/// Whether `s.truncate(n)` panics in std (`n` inside a character): 1, the panic
/// recorded; else 0.
///
/// # Safety
/// `ptr, len` are a live jit `&str`.
unsafe extern "C" fn truncate_check(ptr: *const u8, len: usize, n: usize) -> u8 {
    // SAFETY: guaranteed by the caller.
    let s = unsafe { text(ptr, len) };
    if n <= s.len() && !s.is_char_boundary(n) {
        set_panic_text(TRUNCATE_INSIDE_CHAR.to_string());
        return 1;
    }
    0
}

/// `s.pop()`'s `char` (`string::NONE` for `None`), the length without it at `new_len`.
///
/// # Safety
/// `ptr, len` are a live jit `&str`; `new_len` is valid for a write.
unsafe extern "C" fn pop(ptr: *const u8, len: usize, new_len: *mut usize) -> u64 {
    // SAFETY: guaranteed by the caller.
    let s = unsafe { text(ptr, len) };
    match s.chars().next_back() {
        Some(c) => {
            // SAFETY: guaranteed by the caller.
            unsafe { new_len.write(len - c.len_utf8()) };
            u64::from(c)
        }
        None => crate::string::NONE,
    }
}

/// `v.join(sep)` of the `len` `String` blocks at `elems` (std's).
///
/// # Safety
/// `elems` points at `len` live `String` reprs (a `Vec<String>`'s buffer, its block
/// held by the caller); `sep, sep_len` are a live jit `&str`; `out` is valid for a
/// write of a `RawInstance`.
unsafe extern "C" fn join(
    elems: *const RawInstance,
    len: usize,
    sep: *const u8,
    sep_len: usize,
    out: *mut RawInstance,
) {
    // SAFETY: guaranteed by the caller: each element's block holds valid UTF-8.
    let parts: Vec<&str> = (0..len)
        .map(|i| unsafe {
            let header = &*(*elems.add(i)).data.cast::<crate::memory::VecHeader>();
            text(header.buf, header.len)
        })
        .collect();
    // SAFETY: guaranteed by the caller.
    let sep = unsafe { text(sep, sep_len) };
    // SAFETY: guaranteed by the caller.
    unsafe { give(parts.join(sep), out) }
}

/// The helper of `join`.
pub(crate) fn join_fn() -> MappedFn {
    mapped_fn!(
        "jitclass_rt_string_join",
        join,
        unsafe extern "C" fn(*const RawInstance, usize, *const u8, usize, *mut RawInstance)
    )
}

/// The helper of the case map.
pub(crate) fn case_map_fn() -> MappedFn {
    mapped_fn!(
        "jitclass_rt_string_case_map",
        case_map,
        unsafe extern "C" fn(u32, *const u8, usize, *mut RawInstance)
    )
}

/// The helper of `repeat`.
pub(crate) fn repeat_fn() -> MappedFn {
    mapped_fn!(
        "jitclass_rt_string_repeat",
        repeat,
        unsafe extern "C" fn(*const u8, usize, usize, *mut RawInstance) -> u8
    )
}

/// The helper checking `truncate`.
pub(crate) fn truncate_check_fn() -> MappedFn {
    mapped_fn!(
        "jitclass_rt_string_truncate_check",
        truncate_check,
        unsafe extern "C" fn(*const u8, usize, usize) -> u8
    )
}

/// The helper of `pop`.
pub(crate) fn pop_fn() -> MappedFn {
    mapped_fn!(
        "jitclass_rt_string_pop",
        pop,
        unsafe extern "C" fn(*const u8, usize, *mut usize) -> u64
    )
}

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
    [
        char_utf8_fn(),
        case_map_fn(),
        repeat_fn(),
        truncate_check_fn(),
        pop_fn(),
        join_fn(),
        replace_fn(),
    ]
    .into_iter()
}

/// The drop info of a `String`'s block (a `Vec<u8>`'s), looked up once: every `String`
/// a helper returns needs it.
fn bytes_drop_info() -> &'static crate::memory::DropInfo {
    static INFO: std::sync::OnceLock<&'static crate::memory::DropInfo> = std::sync::OnceLock::new();
    INFO.get_or_init(|| crate::vec::drop_info_for(&Type::U8))
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
        // O(1): the bytes' buffer becomes the block's (bytes hold no instance, so
        // `Vec`'s check for unmanaged ones is skipped: every helper's `String` comes here).
        crate::vec_abi::hand_over(self.into_bytes(), bytes_drop_info())
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
    fn truncate_panics_as_std() {
        let e = std::panic::catch_unwind(|| {
            let mut s = String::from("é");
            s.truncate(1);
        })
        .expect_err("std panics");
        let message = e
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| e.downcast_ref::<String>().cloned());
        assert_eq!(message.as_deref(), Some(TRUNCATE_INSIDE_CHAR));
    }

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
