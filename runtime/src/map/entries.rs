//! A map's entries as the rest of the runtime reads them: count, parts, forgetting, `Debug`.

use super::*;

/// The number of entries of the map whose payload is at `data`.
///
/// # Safety
/// `data` is the payload of a live map block.
pub(crate) unsafe fn entry_count(data: *mut u8) -> usize {
    // SAFETY: guaranteed by the caller.
    unsafe { (*data.cast::<MapHeader>()).entries.len }
}

/// The key and the value of entry `i` of the map whose payload is at `data`.
///
/// # Safety
/// `data` is the payload of a live map block with more than `i` entries.
pub(crate) unsafe fn entry_parts(data: *mut u8, i: usize) -> (*mut u8, *mut u8) {
    // SAFETY: guaranteed by the caller.
    let h = unsafe { &*data.cast::<MapHeader>() };
    let info = h.info();
    let e = h.entry(i);
    // SAFETY: within entry `i`.
    unsafe { (e.add(info.key_offset), e.add(info.value_offset)) }
}

/// Forgets every entry of the map whose payload is at `data` without releasing what they
/// hold (their keys and values were moved out), leaving the map empty.
///
/// # Safety
/// `data` is the payload of a live map block, whose entries' members the caller took.
pub(crate) unsafe fn forget_entries(data: *mut u8) {
    // SAFETY: guaranteed by the caller.
    let h = unsafe { &mut *data.cast::<MapHeader>() };
    h.entries.len = 0;
    h.generation = next_generation();
    h.deleted = 0;
    if h.slots > 0 {
        // SAFETY: `slots` words.
        unsafe { std::ptr::write_bytes(h.index, 0xff, h.slots) };
    }
}

/// The entries of the map whose payload is at `data`, for a class's `Debug`.
///
/// # Safety
/// `data` is the payload of a live `HashMap<key, value>` block.
pub(crate) unsafe fn debug_entries(
    data: *mut u8,
    key: &Type,
    value: &Type,
    f: &mut std::fmt::Formatter<'_>,
) -> std::fmt::Result {
    // SAFETY: guaranteed by the caller.
    let h = unsafe { &*data.cast::<MapHeader>() };
    let info = h.info();
    if *value == Type::Never {
        // A set (`Type::set`): its keys, as std's `HashSet` shows them.
        let mut set = f.debug_set();
        for i in 0..h.entries.len {
            // SAFETY: entry `i` is initialised; its key is at `key_offset`.
            set.entry(&unsafe {
                crate::class::FieldValue::read(key, h.entry(i).add(info.key_offset))
            });
        }
        return set.finish();
    }
    let mut map = f.debug_map();
    for i in 0..h.entries.len {
        let e = h.entry(i);
        // SAFETY: entry `i` is initialised and laid out as `info` says.
        unsafe {
            map.entry(
                &crate::class::FieldValue::read(key, e.add(info.key_offset)),
                &crate::class::FieldValue::read(value, e.add(info.value_offset)),
            );
        }
    }
    map.finish()
}
