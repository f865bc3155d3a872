//! How a Rust `Vec<T>` crosses into jit code and back, for elements whose Rust layout is
//! their jit repr (`JitElem`: numbers, `bool`, instances, `PassThru` handles).
//!
//! In: the buffer is handed over without copying (`into_repr`): a new `Vec` block takes
//! the Rust `Vec`'s pointer, length and capacity. Out (`from_repr`): when the block holds
//! the only reference, its buffer becomes the Rust `Vec` without copying and the block is
//! freed empty; otherwise (jit code kept another reference) the elements are copied, each
//! cloned as Rust clones it. Both buffers come from Rust's global allocator with
//! `Layout::array::<T>(cap)`, which is why the handover is sound. A `Vec` field read from
//! Rust is a copy (`clone_from_repr`), so Rust never holds a reference into a buffer jit
//! code may reallocate.

use crate::Type;
use crate::abi::{CallArg, JitArg, JitElem, JitType, RawInstance, release_repr};

use crate::memory::MemInfo;
use crate::memory::VecHeader;
use crate::vec::drop_info_for;

// SAFETY: the repr is the `{meminfo, data}` of a `Vec` block (`Type::Vec`), passed by
// pointer; the block's buffer holds `len` initialised `T` reprs, which are `T`s
// (`JitElem`), allocated as `Layout::array::<T>(cap)` by the global allocator.
unsafe impl<T: JitElem> JitArg for Vec<T> {
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
        let mut v = std::mem::ManuallyDrop::new(self);
        let (len, cap, buf) = (v.len(), v.capacity(), v.as_mut_ptr().cast::<u8>());
        let drop_info = drop_info_for(&T::jit_type());
        // SAFETY: a `Vec` block's drop info names no managed offset in its header.
        let info = unsafe {
            MemInfo::allocate(
                std::alloc::Layout::new::<VecHeader>(),
                Some(drop_info),
                None,
            )
        }
        .unwrap_or_else(|| std::alloc::handle_alloc_error(std::alloc::Layout::new::<VecHeader>()))
        .as_ptr();
        // SAFETY: a fresh block whose payload is a `VecHeader`; the buffer is the `Vec`'s,
        // now owned by the block (`v` is never dropped).
        unsafe {
            let data = MemInfo::data(info);
            data.cast::<VecHeader>().write(VecHeader {
                len,
                cap,
                buf,
                lends: 0,
            });
            if cap != 0 && size_of::<T>() != 0 {
                crate::stats::count_buffer_allocation();
            }
            RawInstance {
                meminfo: info,
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

// SAFETY: `Vec`s return through the out pointer, as an owned reference to a block.
unsafe impl<T: JitElem> JitType for Vec<T> {
    type RetAbi = ();
    #[inline(always)]
    unsafe fn from_ret(_: (), out: *const RawInstance) -> Self {
        // SAFETY: the caller guarantees `out` holds an owned reference.
        unsafe { Self::from_repr(*out) }
    }
    unsafe fn from_repr(repr: RawInstance) -> Self {
        let info = repr.meminfo;
        // SAFETY: `repr` is an owned reference to a live `Vec` block of `T`s.
        unsafe {
            if MemInfo::refcount(info) == 1 {
                let header = &mut *repr.data.cast::<VecHeader>();
                let v = Vec::from_raw_parts(header.buf.cast::<T>(), header.len, header.cap);
                if header.cap != 0 && size_of::<T>() != 0 {
                    crate::stats::count_buffer_free();
                }
                // The block is left empty, without a buffer: releasing it frees only it.
                header.len = 0;
                header.cap = 0;
                MemInfo::decref(info);
                v
            } else {
                let v = Self::clone_from_repr(&repr);
                MemInfo::decref(info);
                v
            }
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
    unsafe fn clone_from_repr(repr: &RawInstance) -> Self {
        // SAFETY: `repr` is a live `Vec` block of `len` initialised `T`s.
        unsafe {
            let header = &*repr.data.cast::<VecHeader>();
            let elems = header.buf.cast::<T>().cast_const();
            (0..header.len)
                .map(|i| T::clone_from_repr(&*elems.add(i).cast::<T::Repr>()))
                .collect()
        }
    }
}
