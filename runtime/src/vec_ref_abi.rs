//! How `&Vec<T>` and `&mut Vec<T>` parameters cross from Rust: in jit code a reference to a
//! `Vec` is that `Vec`'s handle (`Type::vec_elem`), so the call needs a `Vec` block for the
//! borrowed Rust `Vec`, and gives back what the block took once the call has returned
//! (`CallArg::lent`), also when it panicked.
//!
//! - `&Vec<T>`, where a Rust `T` is its repr (`JitType::LAYOUT_IS_REPR`): a block over the
//!   Rust `Vec`'s own buffer, without copying (O(1)); jit code cannot change a `Vec`
//!   behind a `&` (inference refuses it, in generic bodies too), so the buffer is only
//!   read. The block owns nothing: after the call its header is emptied before it is
//!   released. Other elements (`Option`s, `Vec`s, tuples holding them) are copied into a
//!   jit `Vec` (O(n), `T: Clone`), released after the call.
//! - `&mut Vec<T>`: the Rust `Vec` is moved into a block for the call (its buffer handed
//!   over as a by-value argument's is, O(1) or converted) and moved back afterwards, with
//!   whatever jit code pushed, popped or reallocated; the caller's `Vec` is empty only
//!   while the call runs, when nothing else can reach it.
//!
//! A block that jit code kept a reference to after the call (its rules allow none: a
//! reference is never stored, returned or sent to Rust) would still be sound: the borrowed
//! buffer is then replaced by a copy, and a `&mut Vec<T>` gets a copy of the elements.

use crate::Type;
use crate::abi::{CallArg, JitArg, JitType, RawInstance, release_repr};
use crate::memory::{MemInfo, VecHeader};
use crate::vec::drop_info_for;
use crate::vec_abi::block_over;

// SAFETY: the repr is the `{meminfo, data}` of a `Vec` block of `T` reprs (the jit type
// `&Vec<T>` is that handle), passed by pointer, alive until the call returns: `into_arg`
// makes it and `end_borrow` (or the release of a copy) ends it.
unsafe impl<T: JitType + Clone> JitArg for &Vec<T> {
    type Repr = RawInstance;
    type Abi = *const RawInstance;
    fn jit_type() -> Type {
        Type::Ref {
            inner: Box::new(Vec::<T>::jit_type()),
            mutable: false,
        }
    }
    /// Only an argument of a call: the block lives as long as the call (`into_arg`).
    fn to_repr(&self) -> RawInstance {
        panic!("jitclass: a `&Vec<T>` crosses into jit code only as a parameter")
    }
    #[inline(always)]
    fn to_abi(repr: &RawInstance) -> *const RawInstance {
        repr
    }
    #[track_caller]
    fn into_arg(self) -> CallArg<Self> {
        // Jit code may clone the `Vec`, and the clone outlive the call: no element may be
        // an instance lent for the call only (as for a `Vec` passed by value).
        crate::escape::refuse_unmanaged(self, crate::escape::Sink::VecElement);
        if T::LAYOUT_IS_REPR {
            let repr = borrow_buffer(self);
            // SAFETY: `end_borrow` ends the borrow once the call has returned.
            unsafe { CallArg::lent(repr, self, end_borrow::<T>) }
        } else {
            let repr = self.clone().into_repr();
            // SAFETY: the copy's repr owns its block; released once, after the call.
            unsafe { CallArg::owned(repr, release_repr::<Vec<T>>) }
        }
    }
}

// SAFETY: the repr is the `{meminfo, data}` of a `Vec` block holding the caller's `Vec`
// for the call (by pointer); `end_mut` moves it back once the call has returned.
unsafe impl<T: JitType> JitArg for &mut Vec<T> {
    type Repr = RawInstance;
    type Abi = *const RawInstance;
    fn jit_type() -> Type {
        Type::Ref {
            inner: Box::new(Vec::<T>::jit_type()),
            mutable: true,
        }
    }
    /// Only an argument of a call: the block lives as long as the call (`into_arg`).
    fn to_repr(&self) -> RawInstance {
        panic!("jitclass: a `&mut Vec<T>` crosses into jit code only as a parameter")
    }
    #[inline(always)]
    fn to_abi(repr: &RawInstance) -> *const RawInstance {
        repr
    }
    #[track_caller]
    fn into_arg(self) -> CallArg<Self> {
        // Refused before the `Vec` is taken, so a refusal leaves it as it was.
        crate::escape::refuse_unmanaged(&*self, crate::escape::Sink::VecElement);
        let repr = std::mem::take(self).into_repr();
        // SAFETY: `end_mut` moves the block's `Vec` back once the call has returned.
        unsafe { CallArg::lent(repr, self, end_mut::<T>) }
    }
}

/// A block whose header points at `v`'s buffer, owning neither it nor its elements.
fn borrow_buffer<T: JitType>(v: &Vec<T>) -> RawInstance {
    let buf = v.as_ptr().cast_mut().cast::<u8>();
    // SAFETY: the buffer holds `len` `T`s, which are `T::Repr`s (`LAYOUT_IS_REPR`); jit
    // code only reads it (`&Vec<T>`), and `end_borrow` empties the header (or gives the
    // block a buffer of its own) before the block's release.
    unsafe { block_over(drop_info_for(&T::jit_type()), v.len(), v.capacity(), buf) }
}

/// Ends the borrow of `v`'s buffer by the block `repr` (`borrow_buffer`).
///
/// # Safety
/// `repr` is the block `borrow_buffer(v)` made, with its one reference, after the call.
// The argument kept by `CallArg::lent`, whose type is `&Vec<T>`.
#[allow(clippy::ptr_arg)]
unsafe fn end_borrow<T: JitType + Clone>(repr: RawInstance, v: &Vec<T>) {
    // SAFETY: guaranteed by the caller.
    unsafe {
        let header = &mut *repr.data.cast::<VecHeader>();
        if MemInfo::refcount(repr.meminfo) == 1 {
            // Released empty: the buffer and its elements stay the caller's.
            header.len = 0;
            header.cap = 0;
        } else {
            // Kept by jit code: it gets a buffer of its own, a clone of the elements.
            let mut copy = std::mem::ManuallyDrop::new(v.clone());
            header.len = copy.len();
            header.cap = copy.capacity();
            header.buf = copy.as_mut_ptr().cast::<u8>();
            if copy.capacity() != 0 && size_of::<T>() != 0 {
                crate::stats::count_buffer_allocation();
            }
        }
        MemInfo::decref(repr.meminfo);
    }
}

/// Moves the block's `Vec` (`repr`, owned) back into the caller's.
///
/// # Safety
/// `repr` is an owned reference to the `Vec` block `into_arg` made from `v`.
unsafe fn end_mut<T: JitType>(repr: RawInstance, v: &mut Vec<T>) {
    // SAFETY: guaranteed by the caller; `from_repr` copies if jit code kept a reference.
    *v = unsafe { Vec::<T>::from_repr(repr) };
}
