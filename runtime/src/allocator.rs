//! Allocator tables: where class instances' memory comes from.
//!
//! [`ExternalAllocator`] is the C table Numba's `ExternalMemAllocator` defines; a
//! `#[jitclass(allocator = PATH)]` class allocates and frees every instance through the
//! table `PATH` names, in Rust and in jit code alike. [`ExternalAllocator::from_global`]
//! makes one from any Rust [`GlobalAlloc`].

use std::alloc::{GlobalAlloc, Layout};
use std::ffi::c_void;

/// A C allocator table, the shape and contract of Numba's `ExternalMemAllocator`:
/// `malloc(size, opaque_data)`, `realloc(ptr, new_size, opaque_data)`,
/// `free(ptr, opaque_data)`. The functions may be called from any thread.
#[repr(C)]
#[derive(Debug)]
pub struct ExternalAllocator {
    pub malloc: unsafe extern "C" fn(size: usize, opaque_data: *mut c_void) -> *mut c_void,
    pub realloc: unsafe extern "C" fn(
        ptr: *mut c_void,
        new_size: usize,
        opaque_data: *mut c_void,
    ) -> *mut c_void,
    pub free: unsafe extern "C" fn(ptr: *mut c_void, opaque_data: *mut c_void),
    pub opaque_data: *mut c_void,
}

// SAFETY: the table itself is never mutated after construction, and its contract requires
// the allocator functions to be callable from any thread.
unsafe impl Sync for ExternalAllocator {}
// SAFETY: as above.
unsafe impl Send for ExternalAllocator {}

/// The alignment of memory from [`ExternalAllocator::from_global`], and the size of the
/// header in front of each block where it keeps the block's size (the table's `free`
/// gets no size, and `GlobalAlloc::dealloc` needs one).
const GLOBAL_HEADER: usize = 16;

impl ExternalAllocator {
    /// A table that allocates through a Rust [`GlobalAlloc`] (16-byte aligned blocks, as
    /// `malloc`'s), for `#[jitclass(allocator = ..)]`:
    ///
    /// ```
    /// use jitclass::ExternalAllocator;
    /// use std::alloc::System;
    ///
    /// static SYSTEM: ExternalAllocator = ExternalAllocator::from_global(&System);
    /// ```
    pub const fn from_global<A: GlobalAlloc + Sync>(allocator: &'static A) -> ExternalAllocator {
        ExternalAllocator {
            malloc: global_malloc::<A>,
            realloc: global_realloc::<A>,
            free: global_free::<A>,
            opaque_data: allocator as *const A as *mut c_void,
        }
    }
}

fn global_layout(size: usize) -> Option<Layout> {
    let total = size.checked_add(GLOBAL_HEADER)?;
    Layout::from_size_align(total, GLOBAL_HEADER).ok()
}

/// # Safety
/// `opaque` is the `&'static A` that `from_global` stored.
unsafe extern "C" fn global_malloc<A: GlobalAlloc>(
    size: usize,
    opaque: *mut c_void,
) -> *mut c_void {
    let Some(layout) = global_layout(size) else {
        return std::ptr::null_mut();
    };
    // SAFETY: guaranteed by the caller.
    let allocator = unsafe { &*(opaque as *const A) };
    // SAFETY: `layout` has a non-zero size (the header).
    let block = unsafe { allocator.alloc(layout) };
    if block.is_null() {
        return std::ptr::null_mut();
    }
    // SAFETY: the block starts with `GLOBAL_HEADER` bytes of our own, aligned for a usize.
    unsafe {
        block.cast::<usize>().write(size);
        block.add(GLOBAL_HEADER).cast()
    }
}

/// # Safety
/// `ptr` is null or came from this table's `malloc`/`realloc`; `opaque` as above.
unsafe extern "C" fn global_free<A: GlobalAlloc>(ptr: *mut c_void, opaque: *mut c_void) {
    if ptr.is_null() {
        return;
    }
    // SAFETY: guaranteed by the caller: the header is in front of `ptr`.
    unsafe {
        let allocator = &*(opaque as *const A);
        let block = ptr.cast::<u8>().sub(GLOBAL_HEADER);
        let size = block.cast::<usize>().read();
        let layout = global_layout(size).expect("the layout it was allocated with");
        allocator.dealloc(block, layout);
    }
}

/// # Safety
/// As [`global_free`].
unsafe extern "C" fn global_realloc<A: GlobalAlloc>(
    ptr: *mut c_void,
    new_size: usize,
    opaque: *mut c_void,
) -> *mut c_void {
    if ptr.is_null() {
        // SAFETY: guaranteed by the caller.
        return unsafe { global_malloc::<A>(new_size, opaque) };
    }
    let Some(new_layout) = global_layout(new_size) else {
        return std::ptr::null_mut();
    };
    // SAFETY: guaranteed by the caller: the header is in front of `ptr`.
    unsafe {
        let allocator = &*(opaque as *const A);
        let block = ptr.cast::<u8>().sub(GLOBAL_HEADER);
        let old = global_layout(block.cast::<usize>().read()).expect("allocated with it");
        let moved = allocator.realloc(block, old, new_layout.size());
        if moved.is_null() {
            return std::ptr::null_mut();
        }
        moved.cast::<usize>().write(new_size);
        moved.add(GLOBAL_HEADER).cast()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::alloc::System;

    static TABLE: ExternalAllocator = ExternalAllocator::from_global(&System);

    #[test]
    fn a_global_allocator_behind_the_c_table() {
        // SAFETY: the table's own contract, followed below.
        unsafe {
            let p = (TABLE.malloc)(24, TABLE.opaque_data).cast::<u8>();
            assert!(!p.is_null());
            assert_eq!(p as usize % 16, 0);
            p.write_bytes(7, 24);
            let q = (TABLE.realloc)(p.cast(), 4096, TABLE.opaque_data).cast::<u8>();
            assert_eq!(std::slice::from_raw_parts(q, 24), [7; 24]);
            (TABLE.free)(q.cast(), TABLE.opaque_data);
            (TABLE.free)(std::ptr::null_mut(), TABLE.opaque_data);
        }
    }
}
