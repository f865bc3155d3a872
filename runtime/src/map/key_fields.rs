//! A map key's fields as std's `Hash` feeds them to the hasher and its `Eq` compares them.
//!
//! A key is fed to its map's hasher as std's `Hash` feeds it: an integer as its
//! native-endian bytes, `bool` as a `u8`, `char` as a `u32`, a tuple element by element.
//! So a key's hash is the one std's `HashMap` would compute with the same `RandomState`
//! (the unit tests below compare them), and text from outside cannot flood a map with
//! collisions any more than it can flood std's. A `String` key (alone or in a tuple) is
//! fed as std's `Hash for str` feeds it: its bytes, then the byte `0xff`
//! (`Hasher::write_str`'s default, which SipHash keeps). Keys compare field by field, byte
//! for byte (a `String`'s text by its bytes), which is their `Eq` for these types. A map
//! whose key is a `String` is also searched by a `&str` (`str_probe`: std's
//! `K: Borrow<str>`), whose `{ptr, len}` is then the key.

use crate::Type;
use crate::memory::VecHeader;
use jitclass_core::layout::{c_struct, size_align};
use std::hash::Hasher;

/// One field of a key, as its `Hash` feeds it and its `Eq` compares it. Offsets are from
/// the start of the key (or, inside an instance, of its payload).
#[derive(Clone, Copy, Debug)]
pub(crate) enum KeyField {
    /// A primitive's bytes at this offset in the key: `(offset, size)` (several
    /// primitives' for an array of them, which std's `hash_slice` writes at once).
    Bytes(usize, usize),
    /// A `String` (`{meminfo, data}`, `data` its `VecHeader`) at this offset: its text,
    /// hashed as `str` hashes it.
    Text(usize),
    /// The length std's `Hash for [T; N]` writes before the elements
    /// (`write_length_prefix`, a `usize`); equal in every key of the type.
    Length(usize),
    /// An `Option` (`{is_some: bool, value}`) whose `is_some` is at this offset: hashed as
    /// its derived `Hash` does, the variant's discriminant as an `isize`, then, if `Some`,
    /// the value's fields (at their own offsets in the key).
    Option(usize, &'static [KeyField]),
    /// An instance (`{meminfo, data}`) at this offset: its class's fields, read from the
    /// payload at `data`, as the derived `Hash` and `PartialEq` of the class visit them.
    Instance(usize, &'static crate::class::ClassInfo),
}

/// The fields of a key type, in the order its `Hash` visits them.
pub(super) fn hashed_fields(t: &Type, offset: usize, out: &mut Vec<KeyField>) {
    match t {
        Type::Prim(p) => out.push(KeyField::Bytes(offset, p.size() as usize)),
        Type::String => out.push(KeyField::Text(offset)),
        Type::Tuple(es) => {
            let l = c_struct(&es.iter().map(size_align).collect::<Vec<_>>());
            for (e, o) in es.iter().zip(&l.offsets) {
                hashed_fields(e, offset + *o as usize, out);
            }
        }
        Type::Array { elem, len } => {
            out.push(KeyField::Length(*len as usize));
            let size = size_align(elem).size as usize;
            match &**elem {
                Type::Prim(p) => {
                    out.push(KeyField::Bytes(offset, *len as usize * p.size() as usize))
                }
                _ => {
                    for i in 0..*len as usize {
                        hashed_fields(elem, offset + i * size, out);
                    }
                }
            }
        }
        Type::Option(inner) => {
            let l = c_struct(&[size_align(&Type::BOOL), size_align(inner)]);
            let mut value = Vec::new();
            hashed_fields(inner, offset + l.offsets[1] as usize, &mut value);
            out.push(KeyField::Option(offset, value.leak()));
        }
        // Inference accepts only registered classes deriving `PartialEq`, `Eq` and `Hash`
        // as keys (`infer/map.rs`'s `key_problem`), so the lookup succeeds.
        Type::Class(key) => {
            if let Ok(class) = crate::class::lookup(key) {
                out.push(KeyField::Instance(offset, class));
            }
        }
        // Not a key jit code hashes (`key_problem`): inference refuses every operation
        // that would hash it, so these fields are never read.
        _ => {}
    }
}

/// The key fields of `class`'s payload, made once per class. An instance's fields name
/// other classes (or its own) only by descriptor, so making them never recurses.
fn instance_fields(class: &'static crate::class::ClassInfo) -> &'static [KeyField] {
    class.key_fields(|| {
        let mut out = Vec::new();
        if let Ok(fields) = class.decoded_field_layouts() {
            for f in fields {
                hashed_fields(&f.ty, f.offset, &mut out);
            }
        }
        out
    })
}

/// The payload of the instance (`{meminfo, data}`) at `at`.
///
/// # Safety
/// `at` points at a live instance's repr.
unsafe fn instance_data(at: *const u8) -> *const u8 {
    // SAFETY: guaranteed by the caller; `data` is the repr's second word.
    unsafe { at.add(8).cast::<*const u8>().read() }
}

/// Feeds the key at `key` (a `&str` if `str_probe`) to `state` field by field.
///
/// # Safety
/// `key` points at a whole, live value whose fields are `fields` (or, if `str_probe`, at
/// a `&str` and `fields` is a `String` key's).
pub(super) unsafe fn hash_fields(
    state: &mut impl Hasher,
    key: *const u8,
    fields: &[KeyField],
    str_probe: bool,
) {
    for &field in fields {
        match field {
            KeyField::Bytes(..) => {
                // SAFETY: guaranteed by the caller.
                state.write(unsafe { field_bytes(key, field, str_probe) });
            }
            KeyField::Text(_) => {
                // SAFETY: guaranteed by the caller.
                state.write(unsafe { field_bytes(key, field, str_probe) });
                // `Hash for str`: `write_str`, whose default (SipHash keeps it) ends the
                // bytes with `0xff`, so `("a", "b")` and `("ab", "")` differ.
                state.write_u8(0xff);
            }
            KeyField::Length(len) => state.write_usize(len),
            KeyField::Option(tag, value) => {
                // SAFETY: an option's `is_some` is a `bool`; its value is live if set.
                let some = unsafe { key.add(tag).read() } != 0;
                state.write_isize(isize::from(some));
                if some {
                    // SAFETY: as above.
                    unsafe { hash_fields(state, key, value, false) };
                }
            }
            KeyField::Instance(at, class) => {
                // SAFETY: a live instance, whose payload holds its class's fields.
                unsafe {
                    hash_fields(
                        state,
                        instance_data(key.add(at)),
                        instance_fields(class),
                        false,
                    )
                };
            }
        }
    }
}

/// Whether the keys at `stored` and `key` (a `&str` if `str_probe`) are equal, field by
/// field: their `Eq`, for a class its derived `PartialEq`.
///
/// # Safety
/// As for [`hash_fields`], for both keys (`stored` never a `&str`).
pub(super) unsafe fn fields_equal(
    stored: *const u8,
    key: *const u8,
    fields: &[KeyField],
    str_probe: bool,
) -> bool {
    fields.iter().all(|&field| match field {
        // SAFETY: guaranteed by the caller (a `&str` probe is only ever of a `String`
        // key, which has no primitive field).
        KeyField::Bytes(offset, size) => unsafe {
            primitive_eq(stored.add(offset), key.add(offset), size)
        },
        // SAFETY: guaranteed by the caller.
        KeyField::Text(_) => unsafe {
            field_bytes(stored, field, false) == field_bytes(key, field, str_probe)
        },
        KeyField::Length(_) => true,
        // SAFETY: as in `hash_fields`.
        KeyField::Option(tag, value) => unsafe {
            let (a, b) = (stored.add(tag).read() != 0, key.add(tag).read() != 0);
            a == b && (!a || fields_equal(stored, key, value, false))
        },
        // SAFETY: as in `hash_fields`.
        KeyField::Instance(at, class) => unsafe {
            fields_equal(
                instance_data(stored.add(at)),
                instance_data(key.add(at)),
                instance_fields(class),
                false,
            )
        },
    })
}

/// The bytes `field` of the key at `key` hashes and compares: a primitive's, or a
/// `String`'s text (of the `&str` `{ptr, len}` at `key` if `str_probe`).
///
/// # Safety
/// `key` points at a whole key of a type whose fields include `field` (or, if
/// `str_probe`, at a `&str`, and `field` is the `Text(0)` of a `String` key); a `String`
/// there is live. The bytes live as long as the key.
unsafe fn field_bytes<'a>(key: *const u8, field: KeyField, str_probe: bool) -> &'a [u8] {
    match field {
        // SAFETY: `size` bytes of the key.
        KeyField::Bytes(offset, size) => unsafe {
            std::slice::from_raw_parts(key.add(offset), size)
        },
        // SAFETY: a `&str`'s `{ptr, len}` names valid bytes for the call.
        KeyField::Text(_) if str_probe => unsafe {
            let ptr = key.cast::<*const u8>().read();
            let len = key.add(8).cast::<usize>().read();
            std::slice::from_raw_parts(ptr, len)
        },
        // SAFETY: a live `String` is `{meminfo, data}` with `data` its block's
        // `VecHeader`, whose first `len` bytes of `buf` are initialised.
        KeyField::Text(offset) => unsafe {
            let data = key.add(offset + 8).cast::<*const VecHeader>().read();
            std::slice::from_raw_parts((*data).buf, (*data).len)
        },
        // Not bytes: `hash_fields` and `fields_equal` read these themselves.
        KeyField::Length(_) | KeyField::Option(..) | KeyField::Instance(..) => &[],
    }
}

/// Whether the `size` bytes of a primitive at `a` and at `b` are equal: compared as one
/// integer of that size (the sizes primitives have), not by a call of `memcmp`, which
/// cost integer-keyed maps a tenth of their time.
///
/// # Safety
/// `a` and `b` are valid for reads of `size` bytes.
unsafe fn primitive_eq(a: *const u8, b: *const u8, size: usize) -> bool {
    // SAFETY: guaranteed by the caller; unaligned reads, as a key's offset in a probe's
    // temporary need not be the integer's alignment.
    unsafe {
        match size {
            1 => a.read() == b.read(),
            2 => a.cast::<u16>().read_unaligned() == b.cast::<u16>().read_unaligned(),
            4 => a.cast::<u32>().read_unaligned() == b.cast::<u32>().read_unaligned(),
            8 => a.cast::<u64>().read_unaligned() == b.cast::<u64>().read_unaligned(),
            16 => a.cast::<u128>().read_unaligned() == b.cast::<u128>().read_unaligned(),
            _ => std::slice::from_raw_parts(a, size) == std::slice::from_raw_parts(b, size),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jitclass_core::types::PrimTy;
    use std::collections::hash_map::RandomState;
    use std::hash::BuildHasher;

    fn key_of<K>(k: &K) -> *const u8 {
        (k as *const K).cast()
    }

    fn fields_of(key: &Type) -> Vec<KeyField> {
        let mut fields = Vec::new();
        hashed_fields(key, 0, &mut fields);
        fields
    }

    /// The hash of the key at `key` (a `&str` if `str_probe`), as a map with `state`
    /// computes it.
    ///
    /// # Safety
    /// As for [`hash_fields`].
    unsafe fn hash(
        state: &RandomState,
        fields: &[KeyField],
        key: *const u8,
        str_probe: bool,
    ) -> u64 {
        let mut hasher = state.build_hasher();
        // SAFETY: guaranteed by the caller.
        unsafe { hash_fields(&mut hasher, key, fields, str_probe) };
        hasher.finish()
    }

    #[test]
    fn keys_hash_as_std_hashes_them() {
        let fields = fields_of(&Type::Tuple(vec![
            Type::Prim(PrimTy::I32),
            Type::BOOL,
            Type::CHAR,
            Type::Prim(PrimTy::U64),
        ]));
        let state = RandomState::new();
        #[repr(C)]
        struct K(i32, bool, char, u64);
        for (a, b, c, d) in [(1, true, 'é', 7u64), (-5, false, 'x', u64::MAX)] {
            let k = K(a, b, c, d);
            // SAFETY: a whole key of the type.
            let ours = unsafe { hash(&state, &fields, key_of(&k), false) };
            assert_eq!(ours, state.hash_one((a, b, c, d)));
        }
    }

    #[test]
    fn options_and_arrays_hash_as_std_hashes_them() {
        // `(Option<i64>, [i16; 3], Option<char>)`, as the fields of a class key.
        let fields = fields_of(&Type::Tuple(vec![
            Type::Option(Box::new(Type::I64)),
            Type::Array {
                elem: Box::new(Type::Prim(PrimTy::I16)),
                len: 3,
            },
            Type::Option(Box::new(Type::CHAR)),
        ]));
        let state = RandomState::new();
        #[repr(C)]
        struct O<T>(bool, T);
        #[repr(C)]
        struct K(O<i64>, [i16; 3], O<char>);
        let cases = [
            (Some(7i64), [1i16, -2, 3], Some('x')),
            (None, [0, 0, 0], None),
            (Some(-1), [i16::MAX, 0, i16::MIN], None),
        ];
        for (a, row, c) in cases {
            // A `None`'s value bytes are whatever they were: not hashed, not compared.
            let k = K(
                O(a.is_some(), a.unwrap_or(99)),
                row,
                O(c.is_some(), c.unwrap_or('?')),
            );
            // SAFETY: a whole key of the type.
            let ours = unsafe { hash(&state, &fields, key_of(&k), false) };
            assert_eq!(ours, state.hash_one((a, row, c)));
            let same = K(
                O(a.is_some(), a.unwrap_or(-5)),
                row,
                O(c.is_some(), c.unwrap_or('!')),
            );
            // SAFETY: whole keys of the type.
            assert!(unsafe { fields_equal(key_of(&k), key_of(&same), &fields, false) });
            let other = K(
                O(a.is_none(), a.unwrap_or(99)),
                row,
                O(c.is_some(), c.unwrap_or('?')),
            );
            // SAFETY: as above.
            assert!(!unsafe { fields_equal(key_of(&k), key_of(&other), &fields, false) });
        }
    }

    /// A jit `String`'s memory form `{meminfo, data}` over `header`, and a `&str`'s.
    #[repr(C)]
    struct JitString(*mut crate::memory::MemInfo, *const VecHeader);
    #[repr(C)]
    struct JitStr(*const u8, usize);

    fn vec_header(text: &str) -> VecHeader {
        VecHeader {
            len: text.len(),
            cap: text.len(),
            buf: text.as_ptr().cast_mut(),
            lends: 0,
        }
    }

    #[test]
    fn string_keys_hash_as_std_hashes_them() {
        let texts = ["", "a", "ab", "é", "héllo wörld", "\u{1F600}x", "a\u{0}b"];
        // `String` alone: also searched by a `&str`.
        let fields = fields_of(&Type::String);
        let state = RandomState::new();
        for t in texts {
            let vh = vec_header(t);
            let k = JitString(std::ptr::null_mut(), &raw const vh);
            let probe = JitStr(t.as_ptr(), t.len());
            let std_hash = state.hash_one(t.to_string());
            assert_eq!(std_hash, state.hash_one(t));
            // SAFETY: a `String` key whose `data` is live, and a `&str` probe.
            unsafe {
                assert_eq!(hash(&state, &fields, key_of(&k), false), std_hash, "{t:?}");
                assert_eq!(
                    hash(&state, &fields, key_of(&probe), true),
                    std_hash,
                    "{t:?}"
                );
                assert!(fields_equal(key_of(&k), key_of(&probe), &fields, true));
            }
            for other in texts.iter().filter(|o| **o != t) {
                let p = JitStr(other.as_ptr(), other.len());
                // SAFETY: as above.
                let equal = unsafe { fields_equal(key_of(&k), key_of(&p), &fields, true) };
                assert!(!equal, "{t:?} {other:?}");
            }
        }
        // In a tuple: `("a", "b")` and `("ab", "")` hash apart, as std's do.
        let fields = fields_of(&Type::Tuple(vec![
            Type::String,
            Type::String,
            Type::Prim(PrimTy::U8),
        ]));
        #[repr(C)]
        struct K(JitString, JitString, u8);
        for (a, b, c) in [("a", "b", 1u8), ("ab", "", 1), ("", "ab", 7), ("é", "ü", 0)] {
            let (va, vb) = (vec_header(a), vec_header(b));
            let k = K(
                JitString(std::ptr::null_mut(), &raw const va),
                JitString(std::ptr::null_mut(), &raw const vb),
                c,
            );
            // SAFETY: a whole key of the type, its `String`s' `data` live.
            let ours = unsafe { hash(&state, &fields, key_of(&k), false) };
            assert_eq!(ours, state.hash_one((a.to_string(), b.to_string(), c)));
        }
    }
}
