//! How a Rust `std::collections::HashMap<K, V>` crosses into jit code and back: by
//! copying its entries, O(len) each way.
//!
//! In (`into_repr`), a new map block gets every entry, each key and value moved in as its
//! repr (the key hashed by the block's own `RandomState`). Out (`from_repr`), a new std
//! `HashMap` (with a new `RandomState`, as `HashMap::new()` makes) gets every entry: moved
//! out when the block holds the only reference, else cloned (a field's getter is a copy,
//! so Rust never holds a reference into a table jit code may change). The two tables
//! never share memory, so their layouts and hashers are free to differ.

use crate::Type;
use crate::abi::{CallArg, JitArg, JitType, RawInstance, release_repr};
use crate::map::{
    entry_count, entry_parts, forget_entries, jitclass_rt_map_insert, jitclass_rt_map_new,
    map_info_for,
};
use crate::memory::MemInfo;
use std::collections::HashMap;
use std::hash::Hash;

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
        let info = map_info_for(&K::jit_type(), &V::jit_type());
        // SAFETY: `info` comes from `map_info_for`.
        let block = unsafe { jitclass_rt_map_new(info, self.len()) };
        if block.is_null() {
            std::alloc::handle_alloc_error(std::alloc::Layout::new::<RawInstance>());
        }
        // SAFETY: a live map block of `K`/`V` reprs; each key is new (the std map's keys
        // are distinct, and equal keys have equal reprs), so each insertion appends an
        // entry with a zeroed value, which the value's repr then fills.
        unsafe {
            let data = MemInfo::data(block);
            for (k, v) in self {
                let key = k.into_repr();
                let mut at = 0usize;
                let status = jitclass_rt_map_insert(block, (&raw const key).cast::<u8>(), &mut at);
                if status >= 2 {
                    std::alloc::handle_alloc_error(std::alloc::Layout::new::<RawInstance>());
                }
                debug_assert_eq!(status, 1, "distinct keys");
                let (_, value) = entry_parts(data, at);
                value.cast::<V::Repr>().write(v.into_repr());
            }
            RawInstance {
                meminfo: block,
                data,
            }
        }
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
        let info = repr.meminfo;
        // SAFETY: `repr` is an owned reference to a live map block of `K`/`V` reprs.
        unsafe {
            if MemInfo::refcount(info) != 1 {
                let m = Self::clone_from_repr(&repr);
                MemInfo::decref(info);
                return m;
            }
            let len = entry_count(repr.data);
            let mut m = HashMap::with_capacity(len);
            for i in 0..len {
                let (key, value) = entry_parts(repr.data, i);
                m.insert(
                    K::from_repr(key.cast::<K::Repr>().read()),
                    V::from_repr(value.cast::<V::Repr>().read()),
                );
            }
            // The entries moved out: releasing the block releases nothing of theirs.
            forget_entries(repr.data);
            MemInfo::decref(info);
            m
        }
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
        // SAFETY: `repr` is a live map block of `len` initialised entries.
        unsafe {
            let len = entry_count(repr.data);
            (0..len)
                .map(|i| {
                    let (key, value) = entry_parts(repr.data, i);
                    (
                        K::clone_from_repr(&*key.cast::<K::Repr>()),
                        V::clone_from_repr(&*value.cast::<V::Repr>()),
                    )
                })
                .collect()
        }
    }
}
