//! The memory runtime (Numba's NRT): reference-counted blocks for class payloads.
//!
//! A managed block is one allocation: a [`MemInfo`] header, then the payload. The header
//! is two words: the atomic reference count and the block's [`BlockKind`] (`memory/kind.rs`),
//! which blocks of one kind share: the block's size, what to release when the count
//! reaches zero, and the allocator that owns the block, so a block is always freed by the
//! allocator that made it. Releasing is iterative (an explicit worklist), so dropping a long linked list does
//! not recurse once per node.
//!
//! A `Vec`'s block holds a [`VecHeader`] and owns the element buffer it points to: its
//! `DropInfo::elements` say how to release the elements' members, and releasing the block
//! frees the buffer too (`vec.rs` allocates and grows them). Each thread keeps one
//! released block of a `Vec`'s size for the next one it makes (`SPARE_SIZE`).
//!
//! This is the layer `#[jitclass]` instances are built on; most programs never use it
//! directly. Every function that takes a `*mut MemInfo` requires a pointer returned by
//! [`MemInfo::allocate`] whose block is still alive (its count is above zero), and whose
//! payload holds, at each offset of its kind's `DropInfo`, null or a reference it owns.

use crate::stats::{count_allocation, count_buffer_free, count_free};
use std::alloc::Layout;
use std::any::Any;
use std::ptr::NonNull;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering, fence};

pub use crate::allocator::ExternalAllocator;
pub use kind::BlockKind;

mod kind;

/// What a payload holds references to: the byte offsets, within the payload, of the
/// `*mut MemInfo` of each managed member (null for an empty `Option`). One drop info
/// describes one kind of block (a class's instances, the `Vec`s of one element type), and
/// keeps that [`BlockKind`] once it is made (`DropInfo::kind`).
#[derive(Debug, Default)]
pub struct DropInfo {
    /// The offsets, in payload order.
    pub managed_offsets: Vec<usize>,
    /// For a `Vec`'s block: its payload is a [`VecHeader`] and these are its
    /// elements, whose members are released and whose buffer is freed with the block.
    pub elements: Option<ElemInfo>,
    /// The kind of the blocks this drop info describes, made at the first allocation.
    pub(crate) kind: OnceLock<BlockKind>,
}

/// The header of a managed block: two words, what differs between blocks. What blocks
/// of one kind share (size, members, allocator, destructor) is in their [`BlockKind`].
#[repr(C)]
#[derive(Debug)]
pub struct MemInfo {
    /// First, so that JIT code can increment it in place.
    refcount: AtomicUsize,
    kind: &'static BlockKind,
}

/// The payload starts this many bytes into the block: the header rounded up to the
/// largest alignment a payload may need. JIT code finds the payload here too.
pub(crate) const HEADER: usize = size_of::<MemInfo>().next_multiple_of(MAX_ALIGN);
/// The largest payload alignment supported (every field type is at most 8-aligned).
pub const MAX_ALIGN: usize = 16;

impl MemInfo {
    /// Allocates a block of `kind` with a zeroed payload and a count of one. `None` if
    /// the allocator fails or returns misaligned memory.
    pub fn allocate(kind: &'static BlockKind) -> Option<NonNull<MemInfo>> {
        let info = Self::allocate_uninit(kind)?;
        // Only the payload is zeroed (the header is written): LLVM would turn a `memset`
        // of the whole block into `calloc`, which skips glibc's per-thread cache and
        // costs several times a `malloc`.
        // SAFETY: the block is `HEADER` + payload bytes (`kind.block_size`), and ours.
        unsafe { Self::data(info.as_ptr()).write_bytes(0, kind.payload_size) };
        Some(info)
    }

    /// As [`MemInfo::allocate`], but the payload is left uninitialised: the caller
    /// writes every byte of it before the block is shared or released (JIT code, which
    /// zeroes it with a `memset` of the size it knows, which LLVM folds into the field
    /// stores that follow).
    #[inline]
    fn allocate_uninit(kind: &'static BlockKind) -> Option<NonNull<MemInfo>> {
        let block = match kind.allocator {
            None if kind.block_size == SPARE_SIZE
                && let Some(spare) = spare::take() =>
            {
                spare
            }
            // SAFETY: the layout has a non-zero size (the header).
            None => unsafe { std::alloc::alloc(kind.global_layout()) },
            Some(a) => {
                let p = a.malloc(kind.block_size).cast::<u8>();
                if p.is_null() || !(p as usize).is_multiple_of(kind.align) {
                    if !p.is_null() {
                        // SAFETY: `p` came from this allocator's `malloc`.
                        unsafe { a.free(p.cast()) };
                    }
                    return None;
                }
                p
            }
        };
        let info = NonNull::new(block)?.cast::<MemInfo>();
        // SAFETY: the block is `HEADER` + payload bytes (`kind.block_size`), aligned for
        // `MemInfo`, and ours.
        unsafe {
            info.write(MemInfo {
                refcount: AtomicUsize::new(1),
                kind,
            })
        };
        count_allocation();
        Some(info)
    }

    /// A block holding the Rust value `value`, which is dropped when the last reference
    /// goes (on top of what [`MemInfo::allocate`] does). `None` if allocation fails or
    /// `T` needs more than [`MAX_ALIGN`].
    pub fn allocate_value<T>(value: T) -> Option<NonNull<MemInfo>> {
        let kind: &'static Option<BlockKind> = const { &BlockKind::of_value::<T>() };
        let info = Self::allocate(kind.as_ref()?)?;
        // SAFETY: a fresh block with a payload laid out for `T`, not yet shared; its
        // kind's `dtor` drops this `T`.
        unsafe { Self::data(info.as_ptr()).cast::<T>().write(value) };
        Some(info)
    }

    /// Whether a live block runs a `dtor` (a map's, or a boxed value's) before it is
    /// freed.
    ///
    /// # Safety
    /// `this` is a live block.
    pub(crate) unsafe fn has_dtor(this: *mut MemInfo) -> bool {
        // SAFETY: guaranteed by the caller.
        unsafe { (*this).kind.dtor.is_some() }
    }

    /// The payload of a live block.
    ///
    /// # Safety
    /// `this` is a live block (see the module docs).
    pub unsafe fn data(this: *mut MemInfo) -> *mut u8 {
        // SAFETY: guaranteed by the caller: the block is `HEADER` + payload bytes.
        unsafe { this.cast::<u8>().add(HEADER) }
    }

    /// What a live block holds references to (null: nothing).
    ///
    /// # Safety
    /// `this` is a live block.
    pub(crate) unsafe fn drop_info(this: *mut MemInfo) -> *const DropInfo {
        // SAFETY: guaranteed by the caller.
        unsafe { (*this).kind.drop_info }.map_or(std::ptr::null(), |d| d as *const DropInfo)
    }

    /// The current reference count of a live block.
    ///
    /// # Safety
    /// `this` is a live block.
    pub unsafe fn refcount(this: *mut MemInfo) -> usize {
        // SAFETY: guaranteed by the caller.
        unsafe { (*this).refcount.load(Ordering::Acquire) }
    }

    /// Adds a reference. A null pointer (an unmanaged instance) is ignored.
    ///
    /// # Safety
    /// `this` is null or a live block.
    pub unsafe fn incref(this: *mut MemInfo) {
        if !this.is_null() {
            // Relaxed, as in `Arc::clone`: a new reference is made from an existing one.
            // SAFETY: guaranteed by the caller.
            unsafe { (*this).refcount.fetch_add(1, Ordering::Relaxed) };
        }
    }

    /// Drops a reference, releasing the block and what it holds when it was the last. A
    /// null pointer is ignored.
    ///
    /// # Safety
    /// `this` is null or a live block, and the caller owns the reference it drops.
    pub unsafe fn decref(this: *mut MemInfo) {
        // SAFETY: guaranteed by the caller.
        if let Some(panic) = unsafe { Self::decref_catching(this) } {
            std::panic::resume_unwind(panic);
        }
    }

    /// As [`MemInfo::decref`], but a panic in the `Drop` of a released value is returned
    /// once the whole release is done, instead of unwinding.
    ///
    /// # Safety
    /// As [`MemInfo::decref`].
    unsafe fn decref_catching(this: *mut MemInfo) -> Option<Box<dyn Any + Send>> {
        // SAFETY: guaranteed by the caller.
        if !this.is_null() && unsafe { Self::drop_one(this) } {
            // SAFETY: the count reached zero: no other reference exists.
            unsafe { Self::release(this) }
        } else {
            None
        }
    }

    /// As [`MemInfo::decref`], for the runtime helpers JIT code calls, which must not
    /// unwind: a panic in the `Drop` of a released value (a `PassThru`'s) is reported on
    /// stderr and ignored, as Python ignores exceptions in `__del__`, after the release
    /// has finished.
    ///
    /// # Safety
    /// As [`MemInfo::decref`].
    pub(crate) unsafe fn decref_from_jit(this: *mut MemInfo) {
        // SAFETY: guaranteed by the caller.
        if let Some(panic) = unsafe { Self::decref_catching(this) } {
            let message = crate::panic::into_message(panic);
            eprintln!(
                "jitclass: ignored a panic in the `Drop` of a value released by jit code: {message}"
            );
        }
    }

    /// Decrements the count; `true` if it reached zero.
    ///
    /// # Safety
    /// `this` is a live block whose reference the caller owns.
    unsafe fn drop_one(this: *mut MemInfo) -> bool {
        // SAFETY: guaranteed by the caller.
        let count = unsafe { &(*this).refcount };
        // The last reference: nobody else can add one (a new reference is only ever made
        // from an existing one), so the block is ours without a read-modify-write. The
        // Acquire load sees every use made through references dropped before (they
        // decremented with Release).
        if count.load(Ordering::Acquire) == 1 {
            return true;
        }
        // Release, then Acquire on the last one, as in `Arc::drop`: every use of the
        // payload through other references happens before it is freed.
        if count.fetch_sub(1, Ordering::Release) != 1 {
            return false;
        }
        fence(Ordering::Acquire);
        true
    }

    /// Frees `first` and, iteratively, every member whose last reference it held.
    ///
    /// The worklist is only allocated once a member must be released too, so freeing a
    /// block without members (most of them) allocates nothing.
    ///
    /// A value's `Drop` that panics does not stop the release: the first panic is
    /// returned when every block is freed.
    ///
    /// Not inlined, so that dropping a reference that is not the last (the common
    /// `decref` from jit code) stays a small function without this one's frame.
    ///
    /// # Safety
    /// `first` is a live block whose count has reached zero.
    #[inline(never)]
    unsafe fn release(first: *mut MemInfo) -> Option<Box<dyn Any + Send>> {
        let mut panicked = None;
        let mut pending: Vec<*mut MemInfo> = Vec::new();
        let mut next = Some(first);
        while let Some(info) = next.take().or_else(|| pending.pop()) {
            // SAFETY: `info` is a block whose count reached zero; only we can reach it.
            let kind = unsafe { (*info).kind };
            // SAFETY: as above.
            let data = unsafe { Self::data(info) };
            if let Some(dtor) = kind.dtor {
                // SAFETY: the payload holds the value `dtor` was made for (`BlockKind::new`'s
                // contract), and no reference to the block is left.
                let dropped = std::panic::catch_unwind(|| unsafe { dtor(data) });
                if let Err(panic) = dropped {
                    panicked.get_or_insert(panic);
                }
            }
            if let Some(drop_info) = kind.drop_info {
                for &offset in &drop_info.managed_offsets {
                    // SAFETY: the class layout puts a member's `*mut MemInfo` at `offset`.
                    let member = unsafe { data.add(offset).cast::<*mut MemInfo>().read() };
                    // SAFETY: the payload owned one reference to each non-null member.
                    if !member.is_null() && unsafe { Self::drop_one(member) } {
                        if next.is_none() {
                            next = Some(member);
                        } else {
                            pending.push(member);
                        }
                    }
                }
                if let Some(elements) = &drop_info.elements {
                    // SAFETY: a block with element info holds a `VecHeader` (`vec.rs`).
                    unsafe {
                        release_elements(data, elements, |member| {
                            // SAFETY: the buffer owned one reference to each member.
                            if !Self::drop_one(member) {
                                return;
                            }
                            // A member that owns nothing (an instance of a class of
                            // numbers, the common element) is freed at once: a released
                            // `Vec` of millions of them does not first list them all.
                            // SAFETY: the count reached zero: only we reach `member`.
                            if (*member).kind.leaf {
                                Self::free_block(member);
                            } else {
                                pending.push(member);
                            }
                        })
                    };
                }
            }
            // SAFETY: the block was allocated as its kind says, and is released once.
            unsafe { Self::free_block(info) };
        }
        panicked
    }

    /// # Safety
    /// `info` is a block with no references left; it is not used afterwards.
    unsafe fn free_block(info: *mut MemInfo) {
        // SAFETY: guaranteed by the caller.
        let kind = unsafe { (*info).kind };
        match kind.allocator {
            None if kind.block_size == SPARE_SIZE && spare::keep(info.cast()) => {
                // Kept for this thread's next `Vec` block (counted as freed: it is no block).
            }
            // SAFETY: allocated by `alloc` with this layout (`MemInfo::allocate`).
            None => unsafe { std::alloc::dealloc(info.cast(), kind.global_layout()) },
            // SAFETY: allocated by this table's `malloc`; the table is `'static`.
            Some(a) => unsafe { a.free(info.cast()) },
        }
        count_free();
    }
}

/// The size of a `Vec`'s block (its meminfo and [`VecHeader`]): the blocks made and
/// released most often (every `String` a helper returns, every temporary `Vec`), so each
/// thread keeps one such block of the global allocator when it is released and reuses it
/// for the next one it makes ([`spare`]). A `String` handed from Rust into jit code and
/// released at once (a text helper's result set as an SQL result) then costs one
/// allocation, its buffer's, as it does in Rust.
const SPARE_SIZE: usize = HEADER + size_of::<VecHeader>();

/// The one released `Vec` block each thread keeps (see [`SPARE_SIZE`]). Only the memory
/// is kept: [`MemInfo::allocate`] writes a new header and zeroes the payload of a block
/// taken from here as of a fresh one, and the stats count it as allocated and freed as
/// any other, so nothing observable differs but the allocator calls saved.
mod spare {
    use super::{MAX_ALIGN, SPARE_SIZE};
    use std::alloc::Layout;
    use std::cell::Cell;

    /// A block of `SPARE_SIZE` bytes from the global allocator, or null; freed with its
    /// thread.
    struct Spare(Cell<*mut u8>);

    impl Drop for Spare {
        fn drop(&mut self) {
            let block = self.0.replace(std::ptr::null_mut());
            if !block.is_null() {
                // SAFETY: kept by `keep`, allocated with this layout, owned by nothing else.
                unsafe { std::alloc::dealloc(block, layout()) };
            }
        }
    }

    thread_local! {
        static SPARE: Spare = const { Spare(Cell::new(std::ptr::null_mut())) };
    }

    fn layout() -> Layout {
        Layout::from_size_align(SPARE_SIZE, MAX_ALIGN).expect("a block's layout")
    }

    /// The thread's spare block, now the caller's (allocated as `MemInfo::allocate`
    /// allocates a block of `SPARE_SIZE` bytes); `None` if there is none.
    pub(super) fn take() -> Option<*mut u8> {
        SPARE
            .try_with(|s| s.0.replace(std::ptr::null_mut()))
            .ok()
            .filter(|b| !b.is_null())
    }

    /// Keeps `block` (`SPARE_SIZE` bytes from the global allocator, no longer used) as
    /// the thread's spare; `false` (the caller frees it) if the thread has one already or
    /// is ending.
    pub(super) fn keep(block: *mut u8) -> bool {
        SPARE
            .try_with(|s| {
                if s.0.get().is_null() {
                    s.0.set(block);
                    true
                } else {
                    false
                }
            })
            .unwrap_or(false)
    }
}

// ---- `Vec` blocks ----------------------------------------------------------------------
//
// A `Vec`'s block (`vec.rs`) holds a `VecHeader`; its drop info's `elements` describe the
// buffer the header owns, which `release` frees with the block.

/// The payload of a `Vec`'s block.
#[repr(C)]
#[derive(Debug)]
pub struct VecHeader {
    /// Initialised elements.
    pub len: usize,
    /// Elements the buffer has room for.
    pub cap: usize,
    /// The buffer (dangling and aligned while `cap` is 0).
    pub buf: *mut u8,
    /// How many slices of the buffer are lent to calls that have not returned
    /// (`compiler/codegen/lends.rs`). While it is not zero, every operation that could
    /// reallocate the buffer, shorten `len` or release elements panics (as `RefCell`'s
    /// `borrow_mut` does while a borrow is live): a callee may reach this `Vec` through a
    /// shared instance while it reads the slice.
    pub lends: usize,
}

/// The kind of the `Vec` blocks whose elements `drop_info` describes (`vec.rs`'s
/// `drop_info_for`), made once per element type.
pub(crate) fn vec_kind(drop_info: &'static DropInfo) -> &'static BlockKind {
    drop_info
        .kind(|| {
            // SAFETY: a `Vec`'s drop info names no managed offset in the header, and its
            // elements describe the buffer the `VecHeader` payload owns.
            unsafe { BlockKind::new(Layout::new::<VecHeader>(), Some(drop_info), None, None) }
        })
        .expect("a `VecHeader` fits a block")
}

/// What a `Vec`'s elements are, for releasing and growing it.
#[derive(Debug)]
pub struct ElemInfo {
    /// Size of one element (a multiple of `align`).
    pub size: usize,
    /// Alignment of an element.
    pub align: usize,
    /// Byte offsets within an element of its managed members' `*mut MemInfo`.
    pub managed_offsets: Vec<usize>,
}

impl ElemInfo {
    pub(crate) fn layout(&self, cap: usize) -> Option<Layout> {
        let size = self.size.checked_mul(cap)?;
        if size > isize::MAX as usize {
            return None;
        }
        Layout::from_size_align(size, self.align).ok()
    }

    pub(crate) fn dangling(&self) -> *mut u8 {
        std::ptr::without_provenance_mut(self.align)
    }
}

/// Releases the elements' managed members (through `release`, which is handed each
/// non-null member) and frees the buffer of the `VecHeader` at `data`.
///
/// # Safety
/// `data` is the payload of a `Vec` block with these elements, released once.
pub(crate) unsafe fn release_elements(
    data: *mut u8,
    elements: &ElemInfo,
    mut release: impl FnMut(*mut MemInfo),
) {
    // SAFETY: guaranteed by the caller.
    let header = unsafe { &mut *data.cast::<VecHeader>() };
    if !elements.managed_offsets.is_empty() {
        for i in 0..header.len {
            for &offset in &elements.managed_offsets {
                // SAFETY: element `i` is initialised and holds a member at `offset`.
                let member = unsafe {
                    header
                        .buf
                        .add(i * elements.size + offset)
                        .cast::<*mut MemInfo>()
                        .read()
                };
                if !member.is_null() {
                    release(member);
                }
            }
        }
    }
    header.len = 0;
    // SAFETY: the buffer was allocated with this capacity (or is dangling at 0).
    unsafe { free_buffer(elements, header.buf, header.cap) };
}

/// # Safety
/// `buf` was allocated by `alloc_buffer(elements, cap)` (or is dangling at `cap` 0).
pub(crate) unsafe fn free_buffer(elements: &ElemInfo, buf: *mut u8, cap: usize) {
    if cap == 0 || elements.size == 0 {
        return;
    }
    let layout = elements.layout(cap).expect("checked at allocation");
    // SAFETY: allocated by `alloc` with this layout.
    unsafe { std::alloc::dealloc(buf, layout) };
    count_buffer_free();
}

/// Allocates a block of `kind` for JIT code, its payload uninitialised; null if
/// allocation fails. The kind is the address codegen took from the class
/// (`ClassInfo::block_kind`), so the call does no lookup.
///
/// # Safety
/// `kind` is the address of a `'static` [`BlockKind`]; the caller writes every byte of
/// the payload before the block is shared or released (as [`MemInfo::allocate_uninit`]).
pub(crate) unsafe extern "C" fn jitclass_rt_alloc_block(kind: *const BlockKind) -> *mut MemInfo {
    // SAFETY: guaranteed by the caller.
    let kind: &'static BlockKind = unsafe { &*kind };
    MemInfo::allocate_uninit(kind).map_or(std::ptr::null_mut(), NonNull::as_ptr)
}

/// Drops one reference to a block (null: nothing), from JIT code.
///
/// # Safety
/// As [`MemInfo::decref`]: JIT code passes references it owns.
pub(crate) unsafe extern "C" fn jitclass_rt_decref(info: *mut MemInfo) {
    // SAFETY: guaranteed by the caller.
    unsafe { MemInfo::decref_from_jit(info) }
}

#[cfg(test)]
pub(crate) mod tests;
