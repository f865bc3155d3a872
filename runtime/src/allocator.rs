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
/// `free(ptr, opaque_data)`.
///
/// jitclass writes instances into the memory `malloc` returns, so a table is made either
/// from a Rust [`GlobalAlloc`] ([`ExternalAllocator::from_global`], safe: implementing
/// `GlobalAlloc` is the `unsafe` promise) or from C functions with the `unsafe`
/// [`ExternalAllocator::new`], whose contract says what they must do (as `GlobalAlloc`
/// is an `unsafe trait` in Rust).
///
/// `#[jitclass(allocator = PATH)]` names a `static` table; every instance of the class
/// comes from it and returns to it, whether Rust or jit code creates it. Each block
/// remembers its table, so classes with different allocators can refer to each other.
///
/// ```
/// use jitclass::{jit, jitclass, ExternalAllocator};
/// use std::alloc::{GlobalAlloc, Layout, System};
/// use std::sync::atomic::{AtomicUsize, Ordering};
///
/// /// The system allocator, counting the blocks it serves.
/// struct Counting;
///
/// static LIVE: AtomicUsize = AtomicUsize::new(0);
///
/// // SAFETY: forwards to `System`.
/// unsafe impl GlobalAlloc for Counting {
///     unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
///         LIVE.fetch_add(1, Ordering::SeqCst);
///         // SAFETY: the caller keeps `alloc`'s contract.
///         unsafe { System.alloc(layout) }
///     }
///     unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
///         LIVE.fetch_sub(1, Ordering::SeqCst);
///         // SAFETY: the caller keeps `dealloc`'s contract.
///         unsafe { System.dealloc(ptr, layout) }
///     }
/// }
///
/// static COUNTING: ExternalAllocator = ExternalAllocator::from_global(&Counting);
///
/// #[jitclass(allocator = COUNTING)]
/// pub struct Cell {
///     value: i64,
///     next: Option<Cell>,
/// }
///
/// #[jitclass]
/// impl Cell {
///     pub fn new(value: i64, next: Option<Cell>) -> Cell {
///         Cell { value, next }
///     }
/// }
///
/// #[jit]
/// fn chain(n: i64) -> Cell {
///     let mut head = Cell::new(0, None);
///     for i in 1..n {
///         head = Cell::new(i, Some(head));
///     }
///     head
/// }
///
/// let head = chain(100); // from jit code
/// assert_eq!(LIVE.load(Ordering::SeqCst), 100);
/// let extra = Cell::new(-1, Some(head)); // from Rust: the same table
/// assert_eq!(LIVE.load(Ordering::SeqCst), 101);
/// drop(extra);
/// assert_eq!(LIVE.load(Ordering::SeqCst), 0);
/// ```
#[repr(C)]
#[derive(Debug)]
pub struct ExternalAllocator {
    malloc: unsafe extern "C" fn(size: usize, opaque_data: *mut c_void) -> *mut c_void,
    realloc: unsafe extern "C" fn(
        ptr: *mut c_void,
        new_size: usize,
        opaque_data: *mut c_void,
    ) -> *mut c_void,
    free: unsafe extern "C" fn(ptr: *mut c_void, opaque_data: *mut c_void),
    opaque_data: *mut c_void,
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
    /// A table of C allocator functions, each called with `opaque_data`. Here, one that
    /// counts the blocks it serves, on top of another table:
    ///
    /// ```
    /// use jitclass::ExternalAllocator;
    /// use std::ffi::c_void;
    /// use std::sync::atomic::{AtomicUsize, Ordering};
    ///
    /// static SYSTEM: ExternalAllocator = ExternalAllocator::from_global(&std::alloc::System);
    /// static BLOCKS: AtomicUsize = AtomicUsize::new(0);
    ///
    /// unsafe extern "C" fn counting_malloc(size: usize, _: *mut c_void) -> *mut c_void {
    ///     BLOCKS.fetch_add(1, Ordering::Relaxed);
    ///     SYSTEM.malloc(size)
    /// }
    ///
    /// unsafe extern "C" fn counting_realloc(p: *mut c_void, size: usize, _: *mut c_void) -> *mut c_void {
    ///     // SAFETY: `p` is a block of `SYSTEM`'s (this table's contract).
    ///     unsafe { SYSTEM.realloc(p, size) }
    /// }
    ///
    /// unsafe extern "C" fn counting_free(p: *mut c_void, _: *mut c_void) {
    ///     BLOCKS.fetch_sub(1, Ordering::Relaxed);
    ///     // SAFETY: as above.
    ///     unsafe { SYSTEM.free(p) }
    /// }
    ///
    /// // SAFETY: the functions forward to `SYSTEM`, which keeps the contract.
    /// static COUNTING: ExternalAllocator = unsafe {
    ///     ExternalAllocator::new(counting_malloc, counting_realloc, counting_free, std::ptr::null_mut())
    /// };
    ///
    /// let p = COUNTING.malloc(32);
    /// assert!(!p.is_null() && BLOCKS.load(Ordering::Relaxed) == 1);
    /// // SAFETY: a block of this table, not used afterwards.
    /// unsafe { COUNTING.free(p) };
    /// assert_eq!(BLOCKS.load(Ordering::Relaxed), 0);
    /// ```
    ///
    /// # Safety
    /// For as long as the table is used (a `#[jitclass(allocator = ..)]` table is
    /// `'static`), called with `opaque_data`:
    /// - `malloc(size, ..)` returns null or a block of at least `size` bytes, valid for
    ///   reads and writes, that nothing else uses until it is passed to `free` (or
    ///   `realloc`); jitclass treats a block not aligned to 16 bytes as a failed
    ///   allocation (and frees it);
    /// - `free(ptr, ..)` takes any block this table's `malloc` or `realloc` returned, once;
    ///   after it, jitclass never uses the block again;
    /// - `realloc(ptr, new_size, ..)` behaves as C's `realloc` for the table's blocks
    ///   (jitclass does not call it: it completes Numba's table);
    /// - all three may be called from any thread, also concurrently, and never unwind.
    pub const unsafe fn new(
        malloc: unsafe extern "C" fn(size: usize, opaque_data: *mut c_void) -> *mut c_void,
        realloc: unsafe extern "C" fn(
            ptr: *mut c_void,
            new_size: usize,
            opaque_data: *mut c_void,
        ) -> *mut c_void,
        free: unsafe extern "C" fn(ptr: *mut c_void, opaque_data: *mut c_void),
        opaque_data: *mut c_void,
    ) -> ExternalAllocator {
        ExternalAllocator {
            malloc,
            realloc,
            free,
            opaque_data,
        }
    }

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
        // SAFETY: the `global_*` functions keep `new`'s contract over a `GlobalAlloc`
        // (whose own contract is the `unsafe impl`), with a size header per block;
        // `allocator` is `'static` and `Sync`.
        unsafe {
            ExternalAllocator::new(
                global_malloc::<A>,
                global_realloc::<A>,
                global_free::<A>,
                allocator as *const A as *mut c_void,
            )
        }
    }

    /// A block of at least `size` bytes from the table's `malloc`, or null.
    pub fn malloc(&self, size: usize) -> *mut c_void {
        // SAFETY: `new`'s contract: `malloc` may be called with `opaque_data` at any time.
        unsafe { (self.malloc)(size, self.opaque_data) }
    }

    /// The table's `realloc` of `ptr`.
    ///
    /// # Safety
    /// `ptr` is null or a live block from this table, not used afterwards unless
    /// `realloc` returns null.
    pub unsafe fn realloc(&self, ptr: *mut c_void, new_size: usize) -> *mut c_void {
        // SAFETY: guaranteed by the caller.
        unsafe { (self.realloc)(ptr, new_size, self.opaque_data) }
    }

    /// Gives `ptr` back to the table's `free`.
    ///
    /// # Safety
    /// `ptr` is a live block from this table's `malloc` or `realloc`, not used afterwards.
    pub unsafe fn free(&self, ptr: *mut c_void) {
        // SAFETY: guaranteed by the caller.
        unsafe { (self.free)(ptr, self.opaque_data) }
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
        let p = TABLE.malloc(24).cast::<u8>();
        assert!(!p.is_null());
        assert_eq!(p as usize % 16, 0);
        // SAFETY: the table's own contract, followed below.
        unsafe {
            p.write_bytes(7, 24);
            let q = TABLE.realloc(p.cast(), 4096).cast::<u8>();
            assert_eq!(std::slice::from_raw_parts(q, 24), [7; 24]);
            TABLE.free(q.cast());
            (TABLE.free)(std::ptr::null_mut(), TABLE.opaque_data);
        }
    }
}
