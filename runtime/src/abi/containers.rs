//! The C representations of slices, `Option`s and arrays, and their traits' impls.

use super::*;

/// The C representation of a slice: what JIT code receives for `&[T]` / `&mut [T]`.
#[repr(C)]
#[derive(Debug)]
pub struct SliceRepr<T> {
    /// The first element.
    pub ptr: *const T,
    /// The number of elements.
    pub len: usize,
}

impl<T> Clone for SliceRepr<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for SliceRepr<T> {}

// SAFETY: the repr is `{ptr, len}` in C layout, passed by pointer; `T: JitElem` makes the
// elements readable in place.
unsafe impl<T: JitElem> JitArg for &[T] {
    type Repr = SliceRepr<T>;
    type Abi = *const SliceRepr<T>;
    fn jit_type() -> Type {
        Type::Slice {
            elem: Box::new(T::jit_type()),
            mutable: false,
        }
    }
    #[inline(always)]
    fn to_repr(&self) -> SliceRepr<T> {
        SliceRepr {
            ptr: self.as_ptr(),
            len: self.len(),
        }
    }
    #[inline(always)]
    fn to_abi(repr: &SliceRepr<T>) -> *const SliceRepr<T> {
        repr
    }
}

// SAFETY: as for `&[T]`; the pointer comes from a unique borrow, so JIT code may write
// through it for the duration of the call.
unsafe impl<T: JitElem> JitArg for &mut [T] {
    type Repr = SliceRepr<T>;
    type Abi = *const SliceRepr<T>;
    fn jit_type() -> Type {
        Type::Slice {
            elem: Box::new(T::jit_type()),
            mutable: true,
        }
    }
    #[inline(always)]
    fn to_repr(&self) -> SliceRepr<T> {
        SliceRepr {
            ptr: self.as_ptr().cast_mut(),
            len: self.len(),
        }
    }
    #[inline(always)]
    fn to_abi(repr: &SliceRepr<T>) -> *const SliceRepr<T> {
        repr
    }
}

/// The C representation of an `Option` in jit code: `{is_some, value}`, the value zeroed
/// when `None` (every repr is valid all-zero: see [`JitArg`]).
///
/// The value is a plain `R`, not a `MaybeUninit<R>`: each `MaybeUninit` adds three types
/// around its content (`ManuallyDrop`, `MaybeDangling`), and rustc's layout and trait
/// queries go one level deeper per type, so `Option`s nested within `MAX_TYPE_DEPTH`
/// would exceed rustc's recursion limit.
#[repr(C)]
pub struct OptionRepr<R> {
    /// `Some`.
    pub is_some: bool,
    /// The value's repr; zeroed when `None`.
    pub value: R,
}

impl<R: Copy> Clone for OptionRepr<R> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<R: Copy> Copy for OptionRepr<R> {}

// SAFETY: the repr is the C struct `{bool, T::Repr}` that codegen lays `Option<T>` out as,
// passed by pointer; `value` is a value of `T` whenever `is_some` is true, and zeroed
// (a valid `T::Repr`) otherwise.
unsafe impl<T: JitType> JitArg for Option<T> {
    type Repr = OptionRepr<T::Repr>;
    type Abi = *const Self::Repr;
    fn jit_type() -> Type {
        Type::Option(Box::new(T::jit_type()))
    }
    #[inline(always)]
    fn to_repr(&self) -> Self::Repr {
        match self {
            Some(v) => OptionRepr {
                is_some: true,
                value: v.to_repr(),
            },
            // Zeroed, as JIT code makes a `None`.
            None => OptionRepr {
                is_some: false,
                // SAFETY: all-zero is a valid repr of every jit type (`JitArg`'s contract).
                value: unsafe { std::mem::zeroed() },
            },
        }
    }
    #[inline(always)]
    fn to_abi(repr: &Self::Repr) -> Self::Abi {
        repr
    }
    #[inline(always)]
    fn into_repr(self) -> Self::Repr {
        match self {
            Some(v) => OptionRepr {
                is_some: true,
                value: v.into_repr(),
            },
            None => OptionRepr {
                is_some: false,
                // SAFETY: all-zero is a valid repr of every jit type (`JitArg`'s contract).
                value: unsafe { std::mem::zeroed() },
            },
        }
    }
    #[inline(always)]
    fn into_arg(self) -> CallArg<Self> {
        // SAFETY: the repr owns what `self` owned; `release_repr` drops it once.
        unsafe { CallArg::owned(self.into_repr(), release_repr::<Self>) }
    }
}

// SAFETY: `Option`s return through the out pointer, which JIT code initialised.
unsafe impl<T: JitType> JitType for Option<T> {
    type RetAbi = ();
    #[inline(always)]
    unsafe fn from_ret(_: (), out: *const Self::Repr) -> Self {
        // SAFETY: the caller guarantees `out` is initialised.
        unsafe { Self::from_repr(*out) }
    }
    #[inline(always)]
    unsafe fn from_repr(repr: Self::Repr) -> Self {
        // SAFETY: JIT code writes a value of `T` whenever it sets `is_some`.
        repr.is_some.then(|| unsafe { T::from_repr(repr.value) })
    }
    #[inline(always)]
    unsafe fn clone_from_repr(repr: &Self::Repr) -> Self {
        // SAFETY: `value` is a value of `T` whenever `is_some` is set.
        repr.is_some
            .then(|| unsafe { T::clone_from_repr(&repr.value) })
    }
    #[inline(always)]
    unsafe fn drop_repr(repr: Self::Repr) {
        if repr.is_some {
            // SAFETY: `value` is an owned value of `T` when `is_some` is set.
            unsafe { T::drop_repr(repr.value) }
        }
    }
    #[inline(always)]
    fn unmanaged_class(&self) -> Option<&'static str> {
        self.as_ref().and_then(T::unmanaged_class)
    }
}

// SAFETY: the repr is Rust's array of the element reprs, which is how codegen lays out
// `[T; N]` (`N` elements of the memory form, no padding between them beyond each
// element's own); it is passed by pointer. As a tuple's, an argument's repr owns its
// elements' references (a `Vec` element hands its buffer over), released after the call.
unsafe impl<T: JitType, const N: usize> JitArg for [T; N] {
    type Repr = [T::Repr; N];
    type Abi = *const Self::Repr;
    fn jit_type() -> Type {
        Type::Array {
            elem: Box::new(T::jit_type()),
            len: N as u64,
        }
    }
    #[inline(always)]
    fn to_repr(&self) -> Self::Repr {
        std::array::from_fn(|i| self[i].to_repr())
    }
    #[inline(always)]
    fn to_abi(repr: &Self::Repr) -> Self::Abi {
        repr
    }
    #[inline(always)]
    fn into_repr(self) -> Self::Repr {
        self.map(T::into_repr)
    }
    #[inline(always)]
    fn into_arg(self) -> CallArg<Self> {
        // SAFETY: the repr owns what `self` owned; `release_repr` drops it once.
        unsafe { CallArg::owned(self.into_repr(), release_repr::<Self>) }
    }
}

// SAFETY: arrays return through the out pointer, which JIT code initialised.
unsafe impl<T: JitType, const N: usize> JitType for [T; N] {
    type RetAbi = ();
    #[inline(always)]
    unsafe fn from_ret(_: (), out: *const Self::Repr) -> Self {
        // SAFETY: the caller guarantees `out` is initialised with reprs of `T`.
        unsafe { Self::from_repr(*out) }
    }
    #[inline(always)]
    unsafe fn from_repr(repr: Self::Repr) -> Self {
        // SAFETY: each element repr came from JIT code of the element type.
        repr.map(|r| unsafe { T::from_repr(r) })
    }
    #[inline(always)]
    unsafe fn clone_from_repr(repr: &Self::Repr) -> Self {
        // SAFETY: each element repr is valid for the element type.
        std::array::from_fn(|i| unsafe { T::clone_from_repr(&repr[i]) })
    }
    // `[T; N]` and `[T::Repr; N]` are laid out alike when `T` and its repr are.
    const LAYOUT_IS_REPR: bool = T::LAYOUT_IS_REPR;
    #[inline(always)]
    unsafe fn drop_repr(repr: Self::Repr) {
        for r in repr {
            // SAFETY: each element repr is an owned value of the element type.
            unsafe { T::drop_repr(r) }
        }
    }
    #[inline(always)]
    fn unmanaged_class(&self) -> Option<&'static str> {
        self.iter().find_map(T::unmanaged_class)
    }
}

// SAFETY: an array of `T` is laid out as an array of `T::Repr` when `T` is laid out as its
// repr (`JitElem`'s contract for `T`), with the same bit validity element by element.
unsafe impl<T: JitElem, const N: usize> JitElem for [T; N] {}
