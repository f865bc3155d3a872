//! `HashMap<K, V>` in jit code: a managed block (`memory.rs`) whose payload is a
//! [`MapHeader`], and the table the helpers below keep in it.
//!
//! The entries `(hash, K, V)` are stored densely, in insertion order except where a
//! removal moved the last entry into the hole, as the elements of a `Vec`: the header
//! starts with a [`VecHeader`] and the block's [`DropInfo::elements`] describes one entry,
//! so releasing the block releases the entries' members and frees their buffer exactly as
//! for a `Vec`, and generated code reads and writes an entry's value through the `Vec`
//! element code after a bounds check. Beside the entries, an open-addressing index
//! (linear probing over a power-of-two number of slots, each an entry's position,
//! [`EMPTY`] or [`DELETED`]) finds an entry by its key; the index is freed by the block's
//! `dtor`. The index is rebuilt (tombstones dropped) when live and deleted slots would
//! pass three quarters of it, so every probe ends at an empty slot.
//!
//! Hashing is std's: each map has its own `RandomState` (per-process random SipHash-1-3
//! keys, incremented per map, as `HashMap::new()` makes them), fed each key's fields as
//! std's `Hash` feeds them; keys compare field by field (`key_fields.rs`: the fields of a
//! key type, how they hash and how they compare, also by a `&str` probe of a `String`).
//!
//! A reference into a map (`entry`, `get_mut`, a loop over it) is an entry's position,
//! which a removal or `clear` can make name another key's entry. Each map carries a
//! [`MapHeader::generation`], drawn from one process-wide counter when the map is made
//! and again whenever entries move, so no two maps and no two states of a map share one:
//! generated code records it with the position and compares it at each use
//! (`compiler/codegen/map_refs.rs`).

mod entries;
mod key_fields;

pub(crate) use entries::{debug_entries, entry_count, entry_parts, forget_entries};
pub(crate) use key_fields::KeyField;
use key_fields::{fields_equal, hash_fields, hashed_fields};

use crate::Type;
use crate::class::managed_members;
use crate::memory::{BlockKind, DropInfo, ElemInfo, MemInfo, VecHeader};
use crate::stats::{count_buffer_allocation, count_buffer_free};
use crate::vec::{alloc_buffer, jitclass_rt_vec_reserve};
use jitclass_core::layout::{c_struct, size_align};
use std::alloc::Layout;
use std::collections::HashMap;
use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hasher};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

/// An index slot that never held an entry: a probe stops here.
const EMPTY: usize = usize::MAX;
/// An index slot whose entry was removed: a probe goes on past it.
const DELETED: usize = usize::MAX - 1;

/// What the helpers need to know about `HashMap<K, V>`: one per key and value type,
/// leaked.
#[derive(Debug)]
pub(crate) struct MapInfo {
    /// The block's drop info: its `elements` are the entries `(u64, K, V)`.
    pub(crate) drop_info: DropInfo,
    /// Where the key is in an entry.
    pub(crate) key_offset: usize,
    /// The key's size.
    pub(crate) key_size: usize,
    /// Where the value is in an entry.
    pub(crate) value_offset: usize,
    /// The value's size.
    pub(crate) value_size: usize,
    /// The key's fields, in the order std's `Hash` feeds them to the hasher.
    key_fields: Vec<KeyField>,
    /// The offsets, in an entry, of the key's managed members (released with a key the
    /// map drops).
    key_members: Vec<usize>,
}

impl MapInfo {
    fn entries(&self) -> &ElemInfo {
        self.drop_info.elements.as_ref().expect("a map's entries")
    }
}

/// The type of one entry of `HashMap<key, value>`: its hash, key and value.
pub(crate) fn entry_type(key: &Type, value: &Type) -> Type {
    jitclass_core::map_methods::entry_type(key, value)
}

/// The [`MapInfo`] of `HashMap<key, value>`.
pub(crate) fn map_info_for(key: &Type, value: &Type) -> &'static MapInfo {
    static INFOS: Mutex<Option<HashMap<(Type, Type), &'static MapInfo>>> = Mutex::new(None);
    let mut infos = INFOS.lock().unwrap_or_else(|e| e.into_inner());
    let infos = infos.get_or_insert_with(HashMap::new);
    infos
        .entry((key.clone(), value.clone()))
        .or_insert_with(|| {
            let entry = entry_type(key, value);
            let Type::Tuple(parts) = &entry else {
                unreachable!("an entry is a tuple")
            };
            let layout = c_struct(&parts.iter().map(size_align).collect::<Vec<_>>());
            let sa = size_align(&entry);
            let mut managed_offsets = Vec::new();
            managed_members(&entry, 0, &mut managed_offsets);
            let key_offset = layout.offsets[1] as usize;
            let mut key_members = Vec::new();
            managed_members(key, key_offset, &mut key_members);
            let mut key_fields = Vec::new();
            hashed_fields(key, 0, &mut key_fields);
            Box::leak(Box::new(MapInfo {
                drop_info: DropInfo {
                    managed_offsets: Vec::new(),
                    elements: Some(ElemInfo {
                        size: sa.size as usize,
                        align: sa.align as usize,
                        managed_offsets,
                    }),
                    ..DropInfo::default()
                },
                key_offset,
                key_size: size_align(key).size as usize,
                value_offset: layout.offsets[2] as usize,
                value_size: size_align(value).size as usize,
                key_fields,
                key_members,
            }))
        })
}

/// A generation no map has had: the next value of the process-wide counter.
fn next_generation() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    // Relaxed: only uniqueness matters; 2^64 changes never happen.
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// Where generated code finds [`MapHeader::generation`]: right after the entries' header.
pub(crate) const GENERATION_OFFSET: usize = std::mem::offset_of!(MapHeader, generation);
const _: () = assert!(GENERATION_OFFSET == std::mem::size_of::<VecHeader>());

/// The payload of a map's block.
#[repr(C)]
pub(crate) struct MapHeader {
    /// The entries, as a `Vec`'s header (first: the release of the block and generated
    /// code read it as one).
    pub(crate) entries: VecHeader,
    /// Changes (to a value no map had) whenever an entry may move: a removal, `clear`.
    /// A reference into the map holds the generation it was made in.
    generation: u64,
    /// `slots` words: an entry's position, [`EMPTY`] or [`DELETED`]; dangling at 0.
    index: *mut usize,
    /// A power of two, or 0 before the first insertion.
    slots: usize,
    /// [`DELETED`] slots.
    deleted: usize,
    info: *const MapInfo,
    /// This map's SipHash keys.
    hasher: RandomState,
}

/// The header of a live map block.
///
/// # Safety
/// `map` is a live block made by [`jitclass_rt_map_new`], not otherwise borrowed.
unsafe fn header<'a>(map: *mut MemInfo) -> &'a mut MapHeader {
    // SAFETY: guaranteed by the caller.
    unsafe { &mut *MemInfo::data(map).cast::<MapHeader>() }
}

impl MapHeader {
    fn info(&self) -> &'static MapInfo {
        // SAFETY: set at creation from a leaked `MapInfo`.
        unsafe { &*self.info }
    }

    fn entry(&self, i: usize) -> *mut u8 {
        // SAFETY (of the callers): `i < len <= cap`, within the buffer.
        unsafe { self.entries.buf.add(i * self.info().entries().size) }
    }

    fn stored_hash(&self, i: usize) -> u64 {
        // SAFETY: entry `i` is initialised; its hash is its first field (8-aligned).
        unsafe { self.entry(i).cast::<u64>().read() }
    }

    /// The key at `key` (a `&str` if `str_probe`) hashed as std's `Hash` of the key type
    /// feeds this map's hasher.
    fn hash(&self, key: *const u8, str_probe: bool) -> u64 {
        let mut state = self.hasher.build_hasher();
        // SAFETY: `key` points at a whole key of this map's key type (or, if
        // `str_probe`, at a `&str` and the key type is `String`).
        unsafe { hash_fields(&mut state, key, &self.info().key_fields, str_probe) };
        state.finish()
    }

    /// Whether the stored key at `stored` equals the key at `key` (a `&str` if
    /// `str_probe`).
    fn key_eq(&self, stored: *const u8, key: *const u8, str_probe: bool) -> bool {
        // SAFETY: `stored` points at a whole key of this map's key type; `key` as in
        // `hash`.
        unsafe { fields_equal(stored, key, &self.info().key_fields, str_probe) }
    }

    fn slot(&self, pos: usize) -> usize {
        // SAFETY: `pos < slots` (masked).
        unsafe { self.index.add(pos).read() }
    }

    fn set_slot(&mut self, pos: usize, value: usize) {
        // SAFETY: `pos < slots` (masked).
        unsafe { self.index.add(pos).write(value) }
    }

    /// The index slot and entry position of `key` (a `&str` if `str_probe`), if present.
    fn find(&self, key: *const u8, str_probe: bool, hash: u64) -> Option<(usize, usize)> {
        if self.slots == 0 {
            return None;
        }
        let mask = self.slots - 1;
        let mut pos = hash as usize & mask;
        loop {
            match self.slot(pos) {
                EMPTY => return None,
                DELETED => {}
                e => {
                    let at = self.entry(e);
                    // SAFETY: the key is at `key_offset` in an initialised entry.
                    if self.stored_hash(e) == hash
                        && self.key_eq(unsafe { at.add(self.info().key_offset) }, key, str_probe)
                    {
                        return Some((pos, e));
                    }
                }
            }
            pos = (pos + 1) & mask;
        }
    }

    /// Points a free slot (empty or deleted) of `hash`'s probe sequence at entry `e`.
    fn place(&mut self, hash: u64, e: usize) {
        let mask = self.slots - 1;
        let mut pos = hash as usize & mask;
        loop {
            match self.slot(pos) {
                EMPTY => break,
                DELETED => {
                    self.deleted -= 1;
                    break;
                }
                _ => pos = (pos + 1) & mask,
            }
        }
        self.set_slot(pos, e);
    }

    /// A fresh index of `slots` slots holding every entry; `false` (nothing changed) if
    /// it cannot be allocated.
    fn rebuild(&mut self, slots: usize) -> bool {
        let Ok(layout) = Layout::array::<usize>(slots) else {
            return false;
        };
        // SAFETY: `slots` is at least 8, so the size is not zero.
        let index = unsafe { std::alloc::alloc(layout) }.cast::<usize>();
        if index.is_null() {
            return false;
        }
        count_buffer_allocation();
        // SAFETY: `slots` words were just allocated.
        unsafe { std::ptr::write_bytes(index, 0xff, slots) };
        self.free_index();
        self.index = index;
        self.slots = slots;
        self.deleted = 0;
        for e in 0..self.entries.len {
            let hash = self.stored_hash(e);
            self.place(hash, e);
        }
        true
    }

    fn free_index(&mut self) {
        if self.slots > 0 {
            let layout = Layout::array::<usize>(self.slots).expect("allocated with it");
            // SAFETY: allocated by `rebuild` with this layout.
            unsafe { std::alloc::dealloc(self.index.cast(), layout) };
            count_buffer_free();
            self.slots = 0;
        }
    }

    /// Room in the index for one more entry: 0, or 1 (too large), 2 (no memory).
    fn reserve_slot(&mut self) -> u8 {
        let used = self.entries.len + self.deleted + 1;
        if self.slots > 0 && used.saturating_mul(4) <= self.slots.saturating_mul(3) {
            return 0;
        }
        let Some(slots) = (self.entries.len + 1)
            .checked_mul(2)
            .and_then(usize::checked_next_power_of_two)
        else {
            return 1;
        };
        if self.rebuild(slots.max(8)) { 0 } else { 2 }
    }
}

/// Frees a map's index (the block's `dtor`; its entries go with its drop info).
///
/// # Safety
/// `data` is the payload of a map block being freed.
unsafe fn drop_index(data: *mut u8) {
    // SAFETY: guaranteed by the caller.
    unsafe { (*data.cast::<MapHeader>()).free_index() };
}

/// A new, empty map block with room for `cap` entries; null if allocation fails.
///
/// # Safety
/// `info` comes from [`map_info_for`].
pub(crate) unsafe extern "C" fn jitclass_rt_map_new(
    info: *const MapInfo,
    cap: usize,
) -> *mut MemInfo {
    // SAFETY: guaranteed by the caller.
    let info: &'static MapInfo = unsafe { &*info };
    let Some(buf) = alloc_buffer(info.entries(), cap) else {
        return std::ptr::null_mut();
    };
    let kind = info.drop_info.kind(|| {
        // SAFETY: the drop info names no managed offsets in the header itself, its
        // elements are the entries of the `VecHeader` the `MapHeader` starts with, and
        // `drop_index` frees the index of the `MapHeader` written below.
        unsafe {
            BlockKind::new(
                Layout::new::<MapHeader>(),
                Some(&info.drop_info),
                None,
                Some(drop_index),
            )
        }
    });
    let Some(block) = kind.and_then(MemInfo::allocate) else {
        // SAFETY: allocated just above with this capacity.
        unsafe { crate::memory::free_buffer(info.entries(), buf, cap) };
        return std::ptr::null_mut();
    };
    let block = block.as_ptr();
    // SAFETY: a fresh block whose payload is a `MapHeader`, not yet shared.
    unsafe {
        MemInfo::data(block).cast::<MapHeader>().write(MapHeader {
            entries: VecHeader {
                len: 0,
                cap,
                buf,
                lends: 0,
            },
            generation: next_generation(),
            index: std::ptr::dangling_mut(),
            slots: 0,
            deleted: 0,
            info,
            hasher: RandomState::new(),
        });
    }
    if cap > 0 {
        // SAFETY: as above.
        let h = unsafe { header(block) };
        let slots = cap
            .checked_mul(2)
            .and_then(usize::checked_next_power_of_two)
            .map(|s| s.max(8));
        if !slots.is_some_and(|s| h.rebuild(s)) {
            // SAFETY: ours alone.
            unsafe { MemInfo::decref_from_jit(block) };
            return std::ptr::null_mut();
        }
    }
    block
}

/// Whether a live block whose drop info describes elements is a map's: of those blocks
/// only a map's runs a `dtor` (its index's), a `Vec`'s none.
///
/// # Safety
/// `block` is a live block whose drop info has `elements`.
pub(crate) unsafe fn is_map_block(block: *mut MemInfo) -> bool {
    // SAFETY: guaranteed by the caller.
    unsafe { MemInfo::has_dtor(block) }
}

/// A new map block holding a clone of every entry of `map` (keys and values cloned as
/// Rust's `Clone` clones them), with `map`'s hasher as std's `HashMap::clone` keeps it,
/// so the stored hashes stay valid; null if allocation fails (then nothing is left).
///
/// # Safety
/// `map` is a live map block.
pub(crate) unsafe fn clone_map(map: *mut MemInfo) -> *mut MemInfo {
    // SAFETY: guaranteed by the caller; only read.
    let src = unsafe { &*MemInfo::data(map).cast::<MapHeader>() };
    let info = src.info();
    let len = src.entries.len;
    // SAFETY: `info` is the map's own.
    let copy = unsafe { jitclass_rt_map_new(info, len) };
    if copy.is_null() {
        return copy;
    }
    // SAFETY: a fresh map block, distinct from `map`, not yet shared.
    let dst = unsafe { header(copy) };
    dst.hasher = src.hasher.clone();
    let elements = info.entries();
    for e in 0..len {
        // SAFETY: `e < len <= cap` of both buffers; the copy's bits become a clone of the
        // entry (or, on failure, are the source's again and not counted in `len`).
        unsafe {
            std::ptr::copy_nonoverlapping(src.entry(e), dst.entry(e), elements.size);
            if !crate::vec::clone_members(elements, dst.entry(e)) {
                MemInfo::decref_from_jit(copy);
                return std::ptr::null_mut();
            }
        }
        dst.entries.len = e + 1;
        // `jitclass_rt_map_new` sized the index for `len` entries.
        let hash = dst.stored_hash(e);
        dst.place(hash, e);
    }
    copy
}

/// The position of `key`'s entry, or `usize::MAX` if the map has none.
///
/// # Safety
/// `map` is a live map block; `key` points at a key of its type, or, if `str_probe` is
/// not 0, at a `&str` and the map's key type is `String`.
pub(crate) unsafe extern "C" fn jitclass_rt_map_find(
    map: *mut MemInfo,
    key: *const u8,
    str_probe: u8,
) -> usize {
    // SAFETY: guaranteed by the caller.
    let h = unsafe { header(map) };
    let str_probe = str_probe != 0;
    let hash = h.hash(key, str_probe);
    h.find(key, str_probe, hash).map_or(usize::MAX, |(_, e)| e)
}

/// Finds `key`'s entry, or appends one holding a copy of the key's bits and a zeroed
/// value (which the caller then writes), and stores its position in `*at`: 0 if the key
/// was there, 1 if the entry is new, 2 if the map would grow past `isize::MAX` bytes, 3
/// if allocation failed (then nothing changed).
///
/// # Safety
/// `map` is a live map block; `key` points at a key of its type; `at` is writable.
pub(crate) unsafe extern "C" fn jitclass_rt_map_insert(
    map: *mut MemInfo,
    key: *const u8,
    at: *mut usize,
) -> u8 {
    // SAFETY: guaranteed by the caller.
    let h = unsafe { header(map) };
    let hash = h.hash(key, false);
    if let Some((_, e)) = h.find(key, false, hash) {
        // SAFETY: guaranteed by the caller.
        unsafe { at.write(e) };
        return 0;
    }
    match h.reserve_slot() {
        0 => {}
        failed => return failed + 1,
    }
    // SAFETY: a live block whose drop info describes the entries and whose payload starts
    // with their `VecHeader`.
    match unsafe { jitclass_rt_vec_reserve(map, 1) } {
        0 => {}
        failed => return failed + 1,
    }
    let info = h.info();
    let e = h.entries.len;
    let entry = h.entry(e);
    // SAFETY: `e < cap`: a whole entry of room, which gets zeroes, the hash and the key.
    unsafe {
        std::ptr::write_bytes(entry, 0, info.entries().size);
        entry.cast::<u64>().write(hash);
        std::ptr::copy_nonoverlapping(key, entry.add(info.key_offset), info.key_size);
    }
    h.entries.len = e + 1;
    h.place(hash, e);
    // SAFETY: guaranteed by the caller.
    unsafe { at.write(e) };
    1
}

/// Removes `key`'s entry, moving its value's bits to `value` (which takes over its
/// references) and releasing the stored key: 1, or 0 if the map has no such key.
///
/// # Safety
/// `map` is a live map block; `key` as for [`jitclass_rt_map_find`]; `value` has room
/// for a value.
pub(crate) unsafe extern "C" fn jitclass_rt_map_remove(
    map: *mut MemInfo,
    key: *const u8,
    str_probe: u8,
    value: *mut u8,
) -> u8 {
    // SAFETY: guaranteed by the caller.
    let h = unsafe { header(map) };
    let str_probe = str_probe != 0;
    let hash = h.hash(key, str_probe);
    let Some((pos, e)) = h.find(key, str_probe, hash) else {
        return 0;
    };
    let info = h.info();
    let size = info.entries().size;
    h.generation = next_generation();
    h.set_slot(pos, DELETED);
    h.deleted += 1;
    let entry = h.entry(e);
    // SAFETY: entry `e` is initialised; the members read are its key's, owned by it.
    let members: Vec<*mut MemInfo> = unsafe {
        std::ptr::copy_nonoverlapping(entry.add(info.value_offset), value, info.value_size);
        info.key_members
            .iter()
            .map(|&o| entry.add(o).cast::<*mut MemInfo>().read())
            .collect()
    };
    let last = h.entries.len - 1;
    if e != last {
        // The last entry fills the hole, and its index slot follows it.
        let moved_hash = h.stored_hash(last);
        // SAFETY: two distinct initialised entries of the buffer.
        unsafe { std::ptr::copy_nonoverlapping(h.entry(last), entry, size) };
        let mask = h.slots - 1;
        let mut p = moved_hash as usize & mask;
        while h.slot(p) != last {
            p = (p + 1) & mask;
        }
        h.set_slot(p, e);
    }
    h.entries.len = last;
    // Released once the table is consistent: a release may run a value's `Drop`.
    for m in members {
        if !m.is_null() {
            // SAFETY: the removed key owned this reference.
            unsafe { MemInfo::decref_from_jit(m) };
        }
    }
    1
}

/// Removes every entry, releasing what they hold; keeps the allocations.
///
/// # Safety
/// `map` is a live map block.
pub(crate) unsafe extern "C" fn jitclass_rt_map_clear(map: *mut MemInfo) {
    // SAFETY: guaranteed by the caller.
    let h = unsafe { header(map) };
    let info = h.info();
    let old = h.entries.len;
    h.entries.len = 0;
    h.generation = next_generation();
    if h.slots > 0 {
        // SAFETY: `slots` words.
        unsafe { std::ptr::write_bytes(h.index, 0xff, h.slots) };
    }
    h.deleted = 0;
    let elements = info.entries();
    // The members are read before any is released: a release may run a value's `Drop`.
    let mut members = Vec::new();
    for i in 0..old {
        for &offset in &elements.managed_offsets {
            // SAFETY: entry `i` was initialised and owned its members.
            members.push(unsafe { h.entry(i).add(offset).cast::<*mut MemInfo>().read() });
        }
    }
    for m in members {
        if !m.is_null() {
            // SAFETY: the entries removed owned these references.
            unsafe { MemInfo::decref_from_jit(m) };
        }
    }
}

#[cfg(test)]
mod tests;
