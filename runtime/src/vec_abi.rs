//! How a Rust `Vec<T>` crosses into jit code and back, for every jit element type.
//!
//! Where a Rust `T` is its own repr (`JitType::LAYOUT_IS_REPR`: numbers, `bool`, pointers,
//! instances, `PassThru` handles, and tuples and arrays of these that rustc lays out as C
//! does) the buffer itself crosses. In (`into_repr`): a new `Vec` block takes the Rust
//! `Vec`'s pointer, length and capacity. Out (`from_repr`): when the block holds the only
//! reference, its buffer becomes the Rust `Vec` and the block is freed empty. Both buffers
//! come from Rust's global allocator with `Layout::array::<T>(cap)`, which is why the
//! handover is sound. Other elements (`Option`s, whose Rust layout is rustc's own; `Vec`s,
//! 24 bytes in Rust and a 16-byte reference in jit code; tuples holding these) are
//! converted one by one into a new buffer of reprs, or out of one, each element moved
//! (an inner `Vec` again hands its own buffer over where it can). When jit code keeps
//! another reference to the block, the elements are copied, each cloned as Rust clones it.
//! A `Vec` field read from Rust is a copy (`clone_from_repr`), so Rust never holds a
//! reference into a buffer jit code may reallocate.

use crate::Type;
use crate::abi::{CallArg, JitArg, JitType, RawInstance, release_repr};

use crate::memory::VecHeader;
use crate::memory::{DropInfo, MemInfo};
use crate::vec::{drop_info_for, jitclass_rt_vec_new};

// SAFETY: the repr is the `{meminfo, data}` of a `Vec` block (`Type::Vec`), passed by
// pointer; the block's buffer holds `len` initialised `T` reprs, allocated as
// `Layout::array::<T::Repr>(cap)` by the global allocator (`T::Repr` is `T` itself when
// `T::LAYOUT_IS_REPR`).
unsafe impl<T: JitType> JitArg for Vec<T> {
    type Repr = RawInstance;
    type Abi = *const RawInstance;
    fn jit_type() -> Type {
        Type::Vec(Box::new(T::jit_type()))
    }
    /// A `Vec` is only passed by value (its buffer moves into jit code); a borrowed repr
    /// would let jit code reallocate a buffer Rust still owns.
    fn to_repr(&self) -> RawInstance {
        panic!(
            "jitclass: a `Vec` crosses into jit code by value, as an argument or a field's new value; \
             one borrowed from a larger value cannot cross"
        )
    }
    #[inline(always)]
    fn to_abi(repr: &RawInstance) -> *const RawInstance {
        repr
    }
    #[track_caller]
    fn into_repr(self) -> RawInstance {
        // A `Vec`'s elements outlive any call (jit code may store the `Vec`): an
        // unmanaged instance cannot be one, as jit code refuses to push one.
        crate::escape::refuse_unmanaged(&self, crate::escape::Sink::VecElement);
        if T::LAYOUT_IS_REPR {
            hand_over(self, drop_info_for(&T::jit_type()))
        } else {
            convert_in(self)
        }
    }
    #[track_caller]
    fn into_arg(self) -> CallArg<Self> {
        // SAFETY: the repr owns one reference to the new block; `release_repr` drops it
        // once, after the call.
        unsafe { CallArg::owned(self.into_repr(), release_repr::<Self>) }
    }
}

// SAFETY: `Vec`s return through the out pointer, as an owned reference to a block.
unsafe impl<T: JitType> JitType for Vec<T> {
    type RetAbi = ();
    #[inline(always)]
    unsafe fn from_ret(_: (), out: *const RawInstance) -> Self {
        // SAFETY: the caller guarantees `out` holds an owned reference.
        unsafe { Self::from_repr(*out) }
    }
    unsafe fn from_repr(repr: RawInstance) -> Self {
        let info = repr.meminfo;
        // SAFETY: `repr` is an owned reference to a live `Vec` block of `T` reprs.
        unsafe {
            if MemInfo::refcount(info) != 1 {
                let v = Self::clone_from_repr(&repr);
                MemInfo::decref(info);
                return v;
            }
            let header = &mut *repr.data.cast::<VecHeader>();
            let v = if T::LAYOUT_IS_REPR {
                let v = Vec::from_raw_parts(header.buf.cast::<T>(), header.len, header.cap);
                if header.cap != 0 && size_of::<T>() != 0 {
                    crate::stats::count_buffer_free();
                }
                // The block is left empty, without a buffer: releasing it frees only it.
                header.cap = 0;
                v
            } else {
                // The elements move out one by one; the block keeps (and frees) its buffer.
                let elems = header.buf.cast::<T::Repr>().cast_const();
                let len = header.len;
                header.len = 0;
                let mut v = Vec::with_capacity(if size_of::<T>() == 0 { len } else { header.cap });
                v.extend((0..len).map(|i| T::from_repr(elems.add(i).read())));
                v
            };
            header.len = 0;
            MemInfo::decref(info);
            v
        }
    }
    fn unmanaged_class(&self) -> Option<&'static str> {
        // Only elements that hold instances can hold an unmanaged one: numbers cost no scan.
        if !T::jit_type().is_managed() {
            return None;
        }
        self.iter().find_map(T::unmanaged_class)
    }
    unsafe fn drop_repr(repr: RawInstance) {
        // SAFETY: `repr` owns one reference to a live block.
        unsafe { MemInfo::decref(repr.meminfo) }
    }
    unsafe fn is_lent(repr: &RawInstance) -> bool {
        // SAFETY: a valid `Vec` repr points to a live block whose payload is its header.
        !repr.data.is_null() && unsafe { (*repr.data.cast::<VecHeader>()).lends != 0 }
    }
    unsafe fn clone_from_repr(repr: &RawInstance) -> Self {
        // SAFETY: `repr` is a live `Vec` block of `len` initialised `T`s.
        unsafe {
            let header = &*repr.data.cast::<VecHeader>();
            let elems = header.buf.cast::<T::Repr>().cast_const();
            (0..header.len)
                .map(|i| T::clone_from_repr(&*elems.add(i)))
                .collect()
        }
    }
}

/// A new block over the Rust `Vec`'s own buffer (`T` is its repr, and no element can be
/// an unmanaged instance), whose drop info (`drop_info_for` of `T`'s jit type) the caller
/// passes: O(1).
pub(crate) fn hand_over<T: JitType>(v: Vec<T>, drop_info: &'static DropInfo) -> RawInstance {
    let mut v = std::mem::ManuallyDrop::new(v);
    let (len, cap, buf) = (v.len(), v.capacity(), v.as_mut_ptr().cast::<u8>());
    // SAFETY: the buffer is the `Vec`'s, now owned by the block (`v` is never dropped),
    // allocated as the block frees it, and its `T`s are `T::Repr`s (`LAYOUT_IS_REPR`).
    let repr = unsafe { block_over(drop_info, len, cap, buf) };
    if cap != 0 && size_of::<T>() != 0 {
        crate::stats::count_buffer_allocation();
    }
    repr
}

/// A new `Vec` block of `drop_info` whose header is `{len, cap, buf}`, nothing lent.
/// Aborts, as std's allocations do, if the block cannot be allocated.
///
/// # Safety
/// `drop_info` is a `Vec`'s (`drop_info_for`) and `buf` holds `len` initialised element
/// reprs of it; when the block is released, releasing them and freeing `buf` as a buffer
/// of `cap` elements is sound, unless the caller empties the header first.
pub(crate) unsafe fn block_over(
    drop_info: &'static DropInfo,
    len: usize,
    cap: usize,
    buf: *mut u8,
) -> RawInstance {
    let info = MemInfo::allocate(crate::memory::vec_kind(drop_info))
        .unwrap_or_else(|| std::alloc::handle_alloc_error(std::alloc::Layout::new::<VecHeader>()))
        .as_ptr();
    // SAFETY: a fresh block whose payload is a `VecHeader`, not yet shared.
    unsafe {
        let data = MemInfo::data(info);
        data.cast::<VecHeader>().write(VecHeader {
            len,
            cap,
            buf,
            lends: 0,
        });
        RawInstance {
            meminfo: info,
            data,
        }
    }
}

/// A new block with a buffer of the elements' reprs, each element moved in (`T` is not
/// its repr): O(len), the capacity kept.
fn convert_in<T: JitType>(v: Vec<T>) -> RawInstance {
    let cap = v.capacity();
    let drop_info = drop_info_for(&T::jit_type());
    // SAFETY: `drop_info` comes from `drop_info_for`.
    let info = unsafe { jitclass_rt_vec_new(drop_info, cap) };
    if info.is_null() {
        std::alloc::handle_alloc_error(
            std::alloc::Layout::array::<T::Repr>(cap)
                .unwrap_or_else(|_| std::alloc::Layout::new::<VecHeader>()),
        );
    }
    // SAFETY: a fresh `Vec` block with room for `cap >= v.len()` reprs; `len` grows with
    // each element written, so the block owns exactly the elements moved in so far.
    unsafe {
        let data = MemInfo::data(info);
        let header = &mut *data.cast::<VecHeader>();
        let buf = header.buf.cast::<T::Repr>();
        for (i, x) in v.into_iter().enumerate() {
            buf.add(i).write(x.into_repr());
            header.len = i + 1;
        }
        RawInstance {
            meminfo: info,
            data,
        }
    }
}
