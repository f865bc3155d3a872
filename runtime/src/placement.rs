//! Class payloads in memory someone else owns: `sizeof`, `alignof`, `unsafe_cast`,
//! `construct_at`, `destroy_at` (Numba's proposed `numba.unsafe`).
//!
//! An instance made by [`unsafe_cast`] is *unmanaged*: its meminfo is null, so nothing
//! counts references to it and dropping it does nothing; the memory belongs to the caller
//! (SQLite's aggregate context, an arena, a buffer). The same functions exist in jit code
//! (`sizeof::<T>()`, `unsafe { unsafe_cast::<T>(ptr) }`, ...), with the same meaning.

use crate::abi::RawInstance;
use crate::class::{Handle, JitClass};
use crate::memory::MemInfo;

/// A type with a fixed C layout in jit code: primitives (their own size) and classes
/// (their *payload*, not the two-pointer handle).
///
/// # Safety
/// `SIZE` and `ALIGN` are the size and alignment jit code uses for the type.
#[diagnostic::on_unimplemented(
    message = "`{Self}` has no jit layout",
    label = "not a `#[jitclass]` type or a primitive",
    note = "`sizeof` and `alignof` give the payload size of `#[jitclass]` types, and the size of primitives"
)]
pub unsafe trait JitLayout {
    /// The size in bytes (of the payload, for a class).
    const SIZE: usize;
    /// The alignment in bytes (of the payload, for a class).
    const ALIGN: usize;
}

macro_rules! prim_layout {
    ($($t:ty),*) => {$(
        // SAFETY: a primitive's jit layout is its Rust layout.
        unsafe impl JitLayout for $t {
            const SIZE: usize = size_of::<$t>();
            const ALIGN: usize = align_of::<$t>();
        }
    )*};
}

prim_layout!(
    bool, i8, i16, i32, i64, isize, u8, u16, u32, u64, usize, f32, f64
);

/// The size of `T`'s payload (of `T` itself for a primitive): what to ask an external
/// allocator (SQLite's `sqlite3_aggregate_context`) for. Not the size of a class value in
/// Rust, which is a two-pointer handle.
///
/// A `const fn`, and callable in jit code, where a generic `T` is the size of the
/// specialisation's type:
///
/// ```
/// use jitclass::{jit, jitclass, sizeof};
///
/// #[jitclass]
/// pub struct Variance {
///     count: i32,
///     mean: f64,
///     m2: f64,
/// }
///
/// const BYTES: usize = sizeof::<Variance>(); // 4, padded to 8, then 8 + 8
/// assert_eq!(BYTES, 24);
/// assert_eq!(size_of::<Variance>(), 16); // the handle
///
/// #[jit]
/// fn bytes_for<T>(n: usize) -> usize {
///     n * sizeof::<T>()
/// }
///
/// assert_eq!(bytes_for::<Variance>(10), 240);
/// assert_eq!(bytes_for::<u16>(10), 20);
/// ```
pub const fn sizeof<T: JitLayout>() -> usize {
    T::SIZE
}

/// The alignment of `T`'s payload (of `T` itself for a primitive).
pub const fn alignof<T: JitLayout>() -> usize {
    T::ALIGN
}

/// Checks what every function here requires of `ptr`: non-null and aligned for `T`.
#[track_caller]
fn check_place<T: JitClass>(ptr: *mut u8, what: &str) {
    let info = T::class_info();
    let align = info.payload_layout().align();
    assert!(
        !ptr.is_null() && (ptr as usize).is_multiple_of(align),
        "{what}::<{}> of a null or misaligned pointer {ptr:p} (the payload needs {align}-byte alignment)",
        info.name()
    );
}

/// An unmanaged instance of `T` whose payload is the memory at `ptr`: reads, writes and
/// method calls use that memory; cloning or dropping the instance counts and frees
/// nothing.
///
/// Panics if `ptr` is null or not aligned to `alignof::<T>()`.
///
/// An unmanaged instance lives only for the calls it is lent to: jit code and Rust
/// setters refuse, with a panic, to store one where it would outlive them (a field, a
/// slice element, an `objmode!` block, the result of a jit function returned to Rust).
/// What stays in the caller's hands is the returned handle and its clones.
///
/// # Safety
/// - `ptr` points to `sizeof::<T>()` bytes, valid for reads and writes, that hold a
///   valid payload of `T` (below).
/// - While a read, a write or a method call goes through the instance or a clone of it,
///   nothing else reads or writes those bytes (a method may write any field, and the
///   handle is `!Send`, so one thread at a time).
/// - The bytes stay valid, and are not reused for anything else, until the instance and
///   every clone of it are dropped (a clone kept in a `static`, a collection or a
///   `PassThru` counts).
///
/// A valid payload of `T` is what jit code would leave there: the `#[repr(C)]` struct
/// [`Payload<T>`](crate::Payload) with a valid value in every field, that is numbers,
/// `bool`s that are 0 or 1, `extern "C" fn` pointers of the field's signature (never
/// null), `Option`s whose flag is 0 with zero bytes after it (`None`) or 1 with a valid
/// value, and, for every class instance and `PassThru` handle it holds, a live managed
/// reference (non-null meminfo) that the payload owns.
///
/// So zeroed memory is a valid payload when every class-typed field of `T` is an
/// `Option` (it reads as zero numbers, `false`, `None`s); a field holding an instance is
/// never zero in a valid payload: use [`construct_at`] for such a class.
///
/// # Examples
///
/// A class's state in a buffer the caller owns, used from Rust and from jit code (where
/// the call needs an `unsafe` block too):
///
/// ```
/// use jitclass::{jit, jitclass, unsafe_cast, Payload};
/// use std::mem::MaybeUninit;
///
/// #[jitclass]
/// pub struct Agg {
///     total: f64,
///     count: i64,
/// }
///
/// #[jitclass]
/// impl Agg {
///     pub fn step(&mut self, x: f64) {
///         self.total += x;
///         self.count += 1;
///     }
/// }
///
/// #[jit]
/// fn step_at(state: *mut u8, x: f64) -> i64 {
///     // SAFETY: the caller passes a valid `Agg` payload that nothing else accesses.
///     let mut agg = unsafe { unsafe_cast::<Agg>(state) };
///     agg.step(x);
///     agg.count
/// }
///
/// let mut buf = MaybeUninit::<Payload<Agg>>::zeroed();
/// let state: *mut u8 = buf.as_mut_ptr().cast();
/// // SAFETY: zeroes are a valid `Agg` payload; `buf` is aligned, outlives `agg`, and is
/// // not otherwise accessed while `agg` or `step_at` uses it.
/// let mut agg = unsafe { unsafe_cast::<Agg>(state) };
/// assert!(!agg.is_managed());
/// agg.step(1.5);
/// assert_eq!(step_at(state, 2.5), 2);
/// assert_eq!(agg.total(), 4.0);
/// drop(agg); // frees nothing: the memory is `buf`'s
/// ```
#[track_caller]
pub unsafe fn unsafe_cast<T: JitClass>(ptr: *mut u8) -> T {
    check_place::<T>(ptr, "unsafe_cast");
    // SAFETY: a null meminfo marks the instance unmanaged: no count to own.
    T::from_handle(unsafe {
        Handle::from_raw(RawInstance {
            meminfo: std::ptr::null_mut(),
            data: ptr,
        })
    })
}

/// Constructs in place: copies `value`'s payload to `ptr` (the members it holds gain a
/// reference, so both copies own theirs) and returns an unmanaged instance over `ptr`.
/// `construct_at(ptr, T::new(..))` runs a constructor into memory the caller owns.
///
/// Panics if `ptr` is null or not aligned to `alignof::<T>()`.
///
/// # Safety
/// - `ptr` points to `sizeof::<T>()` bytes valid for writes; their previous contents are
///   overwritten without being read, so any members they held are not released (call
///   [`destroy_at`] first).
/// - For the returned instance, the rest of [`unsafe_cast`]'s contract: nothing else
///   accesses the bytes during a use of the instance, and they outlive it and its clones.
///
/// # Examples
///
/// A class holding another class, constructed into a buffer and destroyed before the
/// buffer goes:
///
/// ```
/// use jitclass::{construct_at, destroy_at, jitclass, stats, Payload};
/// use std::mem::MaybeUninit;
///
/// #[jitclass]
/// pub struct Name {
///     id: i64,
/// }
///
/// #[jitclass]
/// impl Name {
///     pub fn new(id: i64) -> Name {
///         Name { id }
///     }
/// }
///
/// #[jitclass]
/// pub struct Record {
///     name: Option<Name>,
///     score: f64,
/// }
///
/// #[jitclass]
/// impl Record {
///     pub fn new(id: i64) -> Record {
///         Record { name: Some(Name::new(id)), score: 0.0 }
///     }
/// }
///
/// let before = stats();
/// let mut buf = MaybeUninit::<Payload<Record>>::uninit();
/// let ptr: *mut u8 = buf.as_mut_ptr().cast();
/// // SAFETY: `buf` is aligned and large enough, outlives `r`, and is not otherwise
/// // accessed while `r` is used.
/// let r = unsafe { construct_at(ptr, Record::new(7)) };
/// assert_eq!(r.name().map(|n| n.id()), Some(7));
/// drop(r);
/// // The `Name` that `buf` holds is alive until `destroy_at` releases it.
/// assert_eq!(stats().since(&before).live_allocations(), 1);
/// // SAFETY: `buf` holds a valid payload, and no instance over it is used afterwards.
/// unsafe { destroy_at::<Record>(ptr) };
/// assert!(stats().since(&before).is_balanced());
/// ```
#[track_caller]
pub unsafe fn construct_at<T: JitClass>(ptr: *mut u8, value: T) -> T {
    check_place::<T>(ptr, "construct_at");
    let raw = value.handle().raw();
    // The reference `value` owned moves to the helper, which releases it.
    std::mem::forget(value);
    // SAFETY: the caller's memory is valid for a payload of `T`; `raw` is an owned
    // instance of `T` (moved out of `value`), which the helper releases.
    unsafe { jitclass_rt_construct_at(T::class_info(), ptr, raw.meminfo, raw.data) };
    // SAFETY: the caller's memory now holds a valid payload of `T`.
    unsafe { unsafe_cast(ptr) }
}

/// Releases what the payload at `ptr` holds (its class members), then zeroes the
/// payload (zero numbers, `None`s): call it before the owner of the memory frees it, as
/// `drop_in_place` for an instance made by [`construct_at`] or [`unsafe_cast`]. A second
/// call releases nothing.
///
/// Panics if `ptr` is null or not aligned to `alignof::<T>()`.
///
/// # Safety
/// - `ptr` points to `sizeof::<T>()` bytes valid for reads and writes that hold a valid
///   payload of `T` (see [`unsafe_cast`]), or that a previous `destroy_at::<T>` zeroed.
/// - No instance over those bytes is used afterwards, unless they are constructed again
///   (or, when every class-typed field of `T` is an `Option`, so that the zeroed payload
///   is valid, cast again).
#[track_caller]
pub unsafe fn destroy_at<T: JitClass>(ptr: *mut u8) {
    check_place::<T>(ptr, "destroy_at");
    // SAFETY: guaranteed by the caller.
    unsafe { jitclass_rt_destroy_at(T::class_info(), ptr) };
}

/// The payload offsets of the meminfos of `info`'s class members.
fn members(info: &'static crate::ClassInfo) -> &'static [usize] {
    info.drop_info()
        .map(|d| d.managed_offsets.as_slice())
        .unwrap_or_else(|e| panic!("{e}"))
}

/// Moves the owned instance `{meminfo, data}` of `class` into the payload at `dst`: the
/// payload is copied, its members gain a reference, the instance is released. The body
/// of [`construct_at`], and what generated SQLite callbacks call.
///
/// # Safety
/// As `construct_at`; `class` is a registered descriptor, `{meminfo, data}` an owned
/// instance of it.
pub(crate) unsafe extern "C" fn jitclass_rt_construct_at(
    class: *const crate::ClassInfo,
    dst: *mut u8,
    meminfo: *mut MemInfo,
    data: *mut u8,
) {
    // SAFETY: guaranteed by the caller.
    unsafe {
        let info: &'static crate::ClassInfo = &*class;
        std::ptr::copy_nonoverlapping(data, dst, info.payload_layout().size());
        for &offset in members(info) {
            MemInfo::incref(dst.add(offset).cast::<*mut MemInfo>().read());
        }
        MemInfo::decref_from_jit(meminfo);
    }
}

/// Releases the members of the payload at `ptr`, then zeroes it: the body of
/// [`destroy_at`], and what generated SQLite callbacks call.
///
/// # Safety
/// As `destroy_at`; `class` is a registered descriptor.
pub(crate) unsafe extern "C" fn jitclass_rt_destroy_at(
    class: *const crate::ClassInfo,
    ptr: *mut u8,
) {
    // SAFETY: guaranteed by the caller.
    unsafe {
        let info: &'static crate::ClassInfo = &*class;
        for &offset in members(info) {
            MemInfo::decref_from_jit(ptr.add(offset).cast::<*mut MemInfo>().read());
        }
        ptr.write_bytes(0, info.payload_layout().size());
    }
}
