//! How a Rust `std::collections::HashMap<K, V>` or `HashSet<K>` crosses into jit code and
//! back: by copying its entries, O(len) each way.
//!
//! In (`into_repr`), a new map block gets every entry, each key and value moved in as its
//! repr (the key hashed by the block's own `RandomState`). Out (`from_repr`), a new std
//! `HashMap` / `HashSet` (with a new `RandomState`, as `new()` makes) gets every entry:
//! moved out when the block holds the only reference, else cloned (a field's getter is a
//! copy, so Rust never holds a reference into a table jit code may change). The two tables
//! never share memory, so their layouts and hashers are free to differ. A set is a map
//! whose values are `!` (`Type::set`): its entries have keys only.

use crate::Type;
use crate::abi::{CallArg, JitArg, JitType, RawInstance, release_repr};
use crate::map::{
    entry_count, entry_parts, forget_entries, jitclass_rt_map_insert, jitclass_rt_map_new,
    map_info_for,
};
use crate::memory::MemInfo;
use std::collections::{HashMap, HashSet};
use std::hash::Hash;

/// A new map block of `key`/`value` reprs with room for `len` entries.
fn new_block(key: &Type, value: &Type, len: usize) -> *mut MemInfo {
    let info = map_info_for(key, value);
    // SAFETY: `info` comes from `map_info_for`.
    let block = unsafe { jitclass_rt_map_new(info, len) };
    if block.is_null() {
        std::alloc::handle_alloc_error(std::alloc::Layout::new::<RawInstance>());
    }
    block
}

/// Appends an entry holding `key` (a repr of the block's key type) to `block` and returns
/// the address of its zeroed value.
///
/// # Safety
/// `block` is a live map block of `K` keys, which has no key equal to `key` (a std map's
/// or set's keys are distinct, and equal keys have equal reprs).
unsafe fn append<K>(block: *mut MemInfo, key: K) -> *mut u8 {
    let mut at = 0usize;
    // SAFETY: guaranteed by the caller; `key` is a whole key repr.
    let status = unsafe { jitclass_rt_map_insert(block, (&raw const key).cast::<u8>(), &mut at) };
    if status >= 2 {
        std::alloc::handle_alloc_error(std::alloc::Layout::new::<RawInstance>());
    }
    debug_assert_eq!(status, 1, "distinct keys");
    // SAFETY: `at` is the new entry of the live block.
    unsafe { entry_parts(MemInfo::data(block), at).1 }
}

/// The owned repr of `block`.
fn owned(block: *mut MemInfo) -> RawInstance {
    RawInstance {
        meminfo: block,
        // SAFETY: a live block.
        data: unsafe { MemInfo::data(block) },
    }
}

/// Calls `each(key, value, moved)` on the address of each entry's key and value of the
/// map `repr` owns, then releases it: `moved` when the block holds the only reference,
/// and then `each` takes the entries' members (the block forgets them), else it must
/// clone what it keeps.
///
/// # Safety
/// `repr` owns one reference to a live map block.
unsafe fn take_entries(repr: RawInstance, mut each: impl FnMut(*mut u8, *mut u8, bool)) {
    // SAFETY: guaranteed by the caller.
    unsafe {
        let moved = MemInfo::refcount(repr.meminfo) == 1;
        for i in 0..entry_count(repr.data) {
            let (key, value) = entry_parts(repr.data, i);
            each(key, value, moved);
        }
        if moved {
            // The entries moved out: releasing the block releases nothing of theirs.
            forget_entries(repr.data);
        }
        MemInfo::decref(repr.meminfo);
    }
}

/// The addresses of each entry's key and value of the live map block `repr` refers to.
///
/// # Safety
/// `repr` is a live map block, unchanged while the iterator is used.
unsafe fn entries(repr: &RawInstance) -> impl Iterator<Item = (*mut u8, *mut u8)> + '_ {
    // SAFETY: guaranteed by the caller.
    let len = unsafe { entry_count(repr.data) };
    // SAFETY: `i < len`.
    (0..len).map(|i| unsafe { entry_parts(repr.data, i) })
}

/// Moves the repr at `at` out (`moved`) or clones it.
///
/// # Safety
/// `at` holds an initialised `T::Repr`; when `moved`, nothing uses it after.
unsafe fn out_of<T: JitType>(at: *mut u8, moved: bool) -> T {
    // SAFETY: guaranteed by the caller.
    unsafe {
        if moved {
            T::from_repr(at.cast::<T::Repr>().read())
        } else {
            T::clone_from_repr(&*at.cast::<T::Repr>())
        }
    }
}

// SAFETY: the repr is the `{meminfo, data}` of a map block (`Type::Map`), passed by
// pointer; its entries hold `len` initialised key and value reprs at the offsets of
// `MapInfo`, which lays them out as `K::Repr` and `V::Repr` (the C layout of the jit
// types).
unsafe impl<K: JitType + Hash + Eq, V: JitType> JitArg for HashMap<K, V> {
    type Repr = RawInstance;
    type Abi = *const RawInstance;
    fn jit_type() -> Type {
        Type::Map {
            key: Box::new(K::jit_type()),
            value: Box::new(V::jit_type()),
        }
    }
    /// A map is only passed by value (its entries move into jit code).
    fn to_repr(&self) -> RawInstance {
        panic!(
            "jitclass: a `HashMap` crosses into jit code by value, as an argument or a field's new value; \
             one borrowed from a larger value cannot cross"
        )
    }
    #[inline(always)]
    fn to_abi(repr: &RawInstance) -> *const RawInstance {
        repr
    }
    #[track_caller]
    fn into_repr(self) -> RawInstance {
        // A map's values outlive any call: an unmanaged instance cannot be one, as jit
        // code refuses to insert one.
        crate::escape::refuse_unmanaged(&self, crate::escape::Sink::VecElement);
        let block = new_block(&K::jit_type(), &V::jit_type(), self.len());
        for (k, v) in self {
            // SAFETY: a live map block of `K`/`V` reprs; the std map's keys are distinct;
            // the new entry's zeroed value gets the value's repr.
            unsafe {
                append(block, k.into_repr())
                    .cast::<V::Repr>()
                    .write(v.into_repr())
            };
        }
        owned(block)
    }
    #[track_caller]
    fn into_arg(self) -> CallArg<Self> {
        // SAFETY: the repr owns one reference to the new block; `release_repr` drops it
        // once, after the call.
        unsafe { CallArg::owned(self.into_repr(), release_repr::<Self>) }
    }
}

// SAFETY: maps return through the out pointer, as an owned reference to a block.
unsafe impl<K: JitType + Hash + Eq, V: JitType> JitType for HashMap<K, V> {
    type RetAbi = ();
    #[inline(always)]
    unsafe fn from_ret(_: (), out: *const RawInstance) -> Self {
        // SAFETY: the caller guarantees `out` holds an owned reference.
        unsafe { Self::from_repr(*out) }
    }
    unsafe fn from_repr(repr: RawInstance) -> Self {
        // SAFETY: `repr` is an owned reference to a live map block of `K`/`V` reprs.
        let mut m = HashMap::with_capacity(unsafe { entry_count(repr.data) });
        // SAFETY: as above; each entry is read once.
        unsafe {
            take_entries(repr, |k, v, moved| {
                m.insert(out_of::<K>(k, moved), out_of::<V>(v, moved));
            })
        };
        m
    }
    fn unmanaged_class(&self) -> Option<&'static str> {
        if !V::jit_type().is_managed() {
            return None;
        }
        self.values().find_map(V::unmanaged_class)
    }
    unsafe fn drop_repr(repr: RawInstance) {
        // SAFETY: `repr` owns one reference to a live block.
        unsafe { MemInfo::decref(repr.meminfo) }
    }
    unsafe fn clone_from_repr(repr: &RawInstance) -> Self {
        // SAFETY: `repr` is a live map block of `K`/`V` reprs, only read.
        unsafe {
            entries(repr)
                .map(|(k, v)| (out_of::<K>(k, false), out_of::<V>(v, false)))
                .collect()
        }
    }
}

// SAFETY: the repr is the `{meminfo, data}` of a set's block (`Type::set`, a map whose
// values are `!`, of no bytes), passed by pointer; its entries hold `len` initialised key
// reprs at the key offset of `MapInfo`, which lays them out as `K::Repr`.
unsafe impl<K: JitType + Hash + Eq> JitArg for HashSet<K> {
    type Repr = RawInstance;
    type Abi = *const RawInstance;
    fn jit_type() -> Type {
        Type::set(K::jit_type())
    }
    /// A set is only passed by value (its keys move into jit code).
    fn to_repr(&self) -> RawInstance {
        panic!(
            "jitclass: a `HashSet` crosses into jit code by value, as an argument or a field's new value; \
             one borrowed from a larger value cannot cross"
        )
    }
    #[inline(always)]
    fn to_abi(repr: &RawInstance) -> *const RawInstance {
        repr
    }
    fn into_repr(self) -> RawInstance {
        let block = new_block(&K::jit_type(), &Type::Never, self.len());
        for k in self {
            // SAFETY: a live set block of `K` reprs; the std set's keys are distinct.
            unsafe { append(block, k.into_repr()) };
        }
        owned(block)
    }
    fn into_arg(self) -> CallArg<Self> {
        // SAFETY: the repr owns one reference to the new block; `release_repr` drops it
        // once, after the call.
        unsafe { CallArg::owned(self.into_repr(), release_repr::<Self>) }
    }
}

// SAFETY: sets return through the out pointer, as an owned reference to a block.
unsafe impl<K: JitType + Hash + Eq> JitType for HashSet<K> {
    type RetAbi = ();
    #[inline(always)]
    unsafe fn from_ret(_: (), out: *const RawInstance) -> Self {
        // SAFETY: the caller guarantees `out` holds an owned reference.
        unsafe { Self::from_repr(*out) }
    }
    unsafe fn from_repr(repr: RawInstance) -> Self {
        // SAFETY: `repr` is an owned reference to a live set block of `K` reprs.
        let mut s = HashSet::with_capacity(unsafe { entry_count(repr.data) });
        // SAFETY: as above; each key is read once.
        unsafe {
            take_entries(repr, |k, _, moved| {
                s.insert(out_of::<K>(k, moved));
            })
        };
        s
    }
    unsafe fn drop_repr(repr: RawInstance) {
        // SAFETY: `repr` owns one reference to a live block.
        unsafe { MemInfo::decref(repr.meminfo) }
    }
    unsafe fn clone_from_repr(repr: &RawInstance) -> Self {
        // SAFETY: `repr` is a live set block of `K` reprs, only read.
        unsafe { entries(repr).map(|(k, _)| out_of::<K>(k, false)).collect() }
    }
}
