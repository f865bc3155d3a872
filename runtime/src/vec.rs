//! `Vec<T>` in jit code: a managed block (`memory.rs`) whose payload is a `VecHeader`
//! `{len, cap, buf}`, and the element buffer it owns, allocated with Rust's global
//! allocator as `Layout::array::<T>(cap)` (counted in `stats()` as a buffer).
//!
//! Who frees what: the block's [`DropInfo::elements`] describes the elements; releasing
//! the block releases the managed members of its `len` elements (on the memory runtime's
//! worklist, so a `Vec` of a million instances does not recurse) and frees the buffer.
//! Generated code reads the header and indexes the buffer in place, always after a bounds
//! check against the `len` it has just loaded, and calls the helpers below to allocate,
//! grow, clone and truncate. A zero capacity has no buffer (a dangling aligned pointer,
//! as in Rust).

use crate::Type;
use crate::class::managed_members;
use crate::memory::{DropInfo, ElemInfo, MemInfo, VecHeader, free_buffer};
use crate::stats::count_buffer_allocation;
use jitclass_core::PrimTy;
use jitclass_core::layout::size_align;
use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

/// The drop info of the blocks of `Vec<elem>`, one per element type, leaked.
pub(crate) fn drop_info_for(elem: &Type) -> &'static DropInfo {
    // Primitive elements skip the lock and the map: every `String` a runtime helper makes
    // (`to_lowercase`, `format!`, ...) and every `Vec<f64>` crossing from Rust asks here,
    // once per value.
    static PRIMITIVE: [OnceLock<&'static DropInfo>; PrimTy::ALL.len()] =
        [const { OnceLock::new() }; PrimTy::ALL.len()];
    if let Type::Prim(p) = elem
        && let Some(i) = PrimTy::ALL.iter().position(|q| q == p)
    {
        return PRIMITIVE[i].get_or_init(|| drop_info_in_map(elem));
    }
    drop_info_in_map(elem)
}

/// [`drop_info_for`] through the map of every element type.
fn drop_info_in_map(elem: &Type) -> &'static DropInfo {
    static INFOS: Mutex<Option<HashMap<Type, &'static DropInfo>>> = Mutex::new(None);
    let mut infos = INFOS.lock().unwrap_or_else(|e| e.into_inner());
    let infos = infos.get_or_insert_with(HashMap::new);
    infos.entry(elem.clone()).or_insert_with(|| {
        let sa = size_align(elem);
        let mut managed_offsets = Vec::new();
        managed_members(elem, 0, &mut managed_offsets);
        Box::leak(Box::new(DropInfo {
            managed_offsets: Vec::new(),
            elements: Some(ElemInfo {
                size: sa.size as usize,
                align: sa.align as usize,
                managed_offsets,
            }),
            ..DropInfo::default()
        }))
    })
}

/// A buffer for `cap` elements; dangling for no bytes; `None` if too large or out of
/// memory.
pub(crate) fn alloc_buffer(elements: &ElemInfo, cap: usize) -> Option<*mut u8> {
    let layout = elements.layout(cap)?;
    if layout.size() == 0 {
        return Some(elements.dangling());
    }
    // SAFETY: a non-zero size.
    let p = unsafe { std::alloc::alloc(layout) };
    if p.is_null() {
        return None;
    }
    count_buffer_allocation();
    Some(p)
}

/// The element info of a live `Vec` block.
///
/// # Safety
/// `info` is a live block made by [`jitclass_rt_vec_new`].
unsafe fn elements_of(info: *mut MemInfo) -> &'static ElemInfo {
    // SAFETY: guaranteed by the caller; drop infos are `'static`.
    unsafe { (*MemInfo::drop_info(info)).elements.as_ref() }.expect("a `Vec` block")
}

/// A new, empty `Vec` block with room for `cap` elements; null if allocation fails.
///
/// # Safety
/// `drop_info` comes from [`drop_info_for`].
pub(crate) unsafe extern "C" fn jitclass_rt_vec_new(
    drop_info: *const DropInfo,
    cap: usize,
) -> *mut MemInfo {
    // SAFETY: guaranteed by the caller.
    let drop_info: &'static DropInfo = unsafe { &*drop_info };
    let elements = drop_info.elements.as_ref().expect("a `Vec` drop info");
    let Some(buf) = alloc_buffer(elements, cap) else {
        return std::ptr::null_mut();
    };
    let Some(info) = MemInfo::allocate(crate::memory::vec_kind(drop_info)) else {
        // SAFETY: allocated just above with this capacity.
        unsafe { free_buffer(elements, buf, cap) };
        return std::ptr::null_mut();
    };
    let info = info.as_ptr();
    let cap = if elements.size == 0 { usize::MAX } else { cap };
    // SAFETY: a fresh block whose payload is a `VecHeader`.
    unsafe {
        MemInfo::data(info).cast::<VecHeader>().write(VecHeader {
            len: 0,
            cap,
            buf,
            lends: 0,
        })
    };
    info
}

/// Makes room for `additional` more elements (doubling, so pushes are amortised O(1)):
/// 0 on success, 1 if the capacity would overflow, 2 if allocation failed. The header is
/// unchanged on failure.
///
/// # Safety
/// `info` is a live `Vec` block.
pub(crate) unsafe extern "C" fn jitclass_rt_vec_reserve(
    info: *mut MemInfo,
    additional: usize,
) -> u8 {
    // SAFETY: guaranteed by the caller.
    let (elements, header) = unsafe {
        (
            elements_of(info),
            &mut *MemInfo::data(info).cast::<VecHeader>(),
        )
    };
    let Some(needed) = header.len.checked_add(additional) else {
        return 1;
    };
    if needed <= header.cap {
        return 0;
    }
    // As std: at least double, and at least 8, 4 or 1 elements by their size.
    let min = if elements.size == 1 {
        8
    } else if elements.size <= 1024 {
        4
    } else {
        1
    };
    let new_cap = needed.max(header.cap.saturating_mul(2)).max(min);
    let Some(new_layout) = elements.layout(new_cap) else {
        return 1;
    };
    let buf = if header.cap == 0 {
        match alloc_buffer(elements, new_cap) {
            Some(b) => b,
            None => return 2,
        }
    } else {
        let old = elements.layout(header.cap).expect("checked at allocation");
        // SAFETY: `buf` was allocated with `old`; the new size is non-zero and checked.
        let p = unsafe { std::alloc::realloc(header.buf, old, new_layout.size()) };
        if p.is_null() {
            return 2;
        }
        p
    };
    header.buf = buf;
    header.cap = new_cap;
    0
}

/// A new `Vec` block holding a copy of `info`'s elements (its members get a reference
/// each, as `clone` of an instance does); null if allocation fails.
///
/// # Safety
/// `info` is a live `Vec` block.
pub(crate) unsafe extern "C" fn jitclass_rt_vec_clone(info: *mut MemInfo) -> *mut MemInfo {
    // SAFETY: guaranteed by the caller.
    let (drop_info, src) = unsafe {
        (
            MemInfo::drop_info(info),
            &*MemInfo::data(info).cast::<VecHeader>(),
        )
    };
    // SAFETY: the drop info of a live `Vec` block comes from `drop_info_for`.
    let copy = unsafe { jitclass_rt_vec_new(drop_info, src.len) };
    if copy.is_null() {
        return copy;
    }
    // SAFETY: `copy` is a fresh block with room for `src.len` elements.
    unsafe {
        let elements = elements_of(copy);
        let dst = &mut *MemInfo::data(copy).cast::<VecHeader>();
        std::ptr::copy_nonoverlapping(src.buf, dst.buf, src.len * elements.size);
        if elements.managed_offsets.is_empty() {
            dst.len = src.len;
            return copy;
        }
        for i in 0..src.len {
            // On failure the copy so far is released: its length stops before this
            // element, whose bits are its source's (`clone_members` undid its own work).
            if !clone_members(elements, dst.buf.add(i * elements.size)) {
                dst.len = i;
                MemInfo::decref_from_jit(copy);
                return std::ptr::null_mut();
            }
            dst.len = i + 1;
        }
    }
    copy
}

/// Makes the bitwise copy of one element at `value` a clone of it, as Rust's `Clone`: a
/// `Vec` or map member cloned deeply, every other member given another reference. On failure
/// (allocation) it undoes what it did, leaving the source's bits, and returns `false`.
///
/// # Safety
/// `value` holds a bitwise copy of a live value laid out as `elements` says.
pub(crate) unsafe fn clone_members(elements: &ElemInfo, value: *mut u8) -> bool {
    for (k, &offset) in elements.managed_offsets.iter().enumerate() {
        // SAFETY: guaranteed by the caller: a member (or null) at each offset.
        unsafe {
            let at = value.add(offset).cast::<*mut MemInfo>();
            let member = at.read();
            if member.is_null() {
                continue;
            }
            if is_vec_block(member) {
                // A map's block describes its entries as a `Vec`'s elements, but its
                // payload is a larger `MapHeader`: cloned as a map.
                let inner = if crate::map::is_map_block(member) {
                    crate::map::clone_map(member)
                } else {
                    jitclass_rt_vec_clone(member)
                };
                if inner.is_null() {
                    undo_clone_members(elements, value, k);
                    return false;
                }
                at.write(inner);
                at.add(1).cast::<*mut u8>().write(MemInfo::data(inner));
            } else {
                MemInfo::incref(member);
            }
        }
    }
    true
}

/// Releases what `clone_members` made for the first `done` members of `value`.
///
/// # Safety
/// As `clone_members`, which processed exactly those members.
unsafe fn undo_clone_members(elements: &ElemInfo, value: *mut u8, done: usize) {
    for &offset in &elements.managed_offsets[..done] {
        // SAFETY: guaranteed by the caller: each of these members is a reference made by
        // `clone_members` (null for a `None`).
        unsafe {
            let member = value.add(offset).cast::<*mut MemInfo>().read();
            if !member.is_null() {
                MemInfo::decref_from_jit(member);
            }
        }
    }
}

/// Whether a block is a `Vec`'s or a map's (whose entries are described as a `Vec`'s
/// elements).
///
/// # Safety
/// `info` is a live block.
unsafe fn is_vec_block(info: *mut MemInfo) -> bool {
    // SAFETY: guaranteed by the caller; drop infos are `'static`.
    unsafe { MemInfo::drop_info(info).as_ref() }.is_some_and(|d| d.elements.is_some())
}

/// A clone of the value at `src` into `dst` (both `elements.size` bytes, laid out as the
/// elements of the `Vec` whose drop info is `drop_info`): what `.clone()` of a tuple or
/// `Option` holding a `Vec` makes, and each element of `vec![x; n]` and
/// `extend_from_slice` of such values. 0 on success; 1 if allocation failed, and then
/// `dst` owns nothing.
///
/// # Safety
/// `drop_info` comes from [`drop_info_for`]; `src` holds a live value of that element
/// type; `dst` has room for one.
pub(crate) unsafe extern "C" fn jitclass_rt_value_clone(
    drop_info: *const DropInfo,
    src: *const u8,
    dst: *mut u8,
) -> u8 {
    // SAFETY: guaranteed by the caller.
    unsafe {
        let elements = (*drop_info).elements.as_ref().expect("a `Vec` drop info");
        std::ptr::copy_nonoverlapping(src, dst, elements.size);
        u8::from(!clone_members(elements, dst))
    }
}

/// Shortens the `Vec` to `len` elements (nothing if it is not longer), releasing the
/// members of the elements dropped. The length is set first, so a release that runs
/// a value's `Drop` never sees them.
///
/// # Safety
/// `info` is a live `Vec` block.
pub(crate) unsafe extern "C" fn jitclass_rt_vec_truncate(info: *mut MemInfo, len: usize) {
    // SAFETY: guaranteed by the caller.
    let (elements, header) = unsafe {
        (
            elements_of(info),
            &mut *MemInfo::data(info).cast::<VecHeader>(),
        )
    };
    if len >= header.len {
        return;
    }
    let old = header.len;
    header.len = len;
    // The members are read before any is released: a release may run a value's `Drop`,
    // which must not find this buffer half-read.
    let mut members = Vec::new();
    for i in len..old {
        for &offset in &elements.managed_offsets {
            // SAFETY: element `i` was initialised and owned its members.
            members.push(unsafe {
                header
                    .buf
                    .add(i * elements.size + offset)
                    .cast::<*mut MemInfo>()
                    .read()
            });
        }
    }
    for member in members {
        // SAFETY: the elements dropped owned these references.
        unsafe { MemInfo::decref_from_jit(member) };
    }
}
