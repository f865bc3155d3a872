//! How Rust values cross the boundary into JIT code and back: the traits of the types jit
//! code takes and returns, and the C representations of their values.
//!
//! Every value has a C representation (`Repr`): primitives are themselves, tuples become
//! `#[repr(C)]` structs ([`Tuple2`] ...), slices a `{ptr, len}` pair ([`SliceRepr`]),
//! `Option`s an [`OptionRepr`], class instances and `PassThru` handles a [`RawInstance`].
//! The entry point of a compiled function takes scalars by value and everything else by
//! pointer to its repr, and returns scalars by value and everything else through an out
//! pointer. Codegen (`compiler::entry`) implements the other side of exactly this
//! contract, keyed by [`Type::is_scalar`].
//!
//! The traits ([`JitArg`], [`JitType`], [`JitElem`], [`CScalar`], [`CReturn`]) are also
//! at the crate root, where bounds name them.

use crate::Type;
use crate::memory::MemInfo;
use jitclass_core::PrimTy;

// Raw pointers, C scalars and function pointers, in their own file.
pub use crate::c_abi::{CReturn, CScalar};
pub use containers::{OptionRepr, SliceRepr};

mod containers;

/// A class instance as JIT code and C see it: the counted block and the payload.
/// `meminfo` is null for an unmanaged instance (memory owned by someone else).
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RawInstance {
    /// The counted block holding the payload; null for an unmanaged instance.
    pub meminfo: *mut MemInfo,
    /// The payload.
    pub data: *mut u8,
}

// SAFETY: a pair of addresses, inert by itself; what may cross threads is decided by
// the types that use it (`Handle` may not).
unsafe impl Send for RawInstance {}
// SAFETY: as above.
unsafe impl Sync for RawInstance {}

/// A type that can be passed to a `#[jit]` function.
///
/// # Safety
/// `jit_type` must describe `Repr` exactly as codegen lays it out (C layout of the
/// language type), and `Abi` must be `Repr` for scalar types and `*const Repr` otherwise.
/// All-zero bytes must be a valid `Repr`: that is the value of a `None` (see
/// [`OptionRepr`]), which is why a function pointer's repr is an `Option` of it.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be passed to jit code",
    label = "not a jit type",
    note = "jit code takes `bool`, integers up to 64 bits, `f32`, `f64`, `()`, tuples, arrays `[T; N]` and `Option`s of these, `#[jitclass]` instances, slices `&[T]` / `&mut [T]` of numbers or `bool`, and `Vec`s of any of these"
)]
pub unsafe trait JitArg {
    /// The C representation JIT code reads.
    type Repr: Copy;
    /// What the entry point receives: the repr itself for scalars, else a pointer to it.
    type Abi: Copy;
    /// The type jit code sees (`Type::F64`, `&[i64]`, a class, ...).
    fn jit_type() -> Type;
    /// The repr of the value, borrowing what it references: JIT code borrows its
    /// arguments, and the caller keeps `self` alive across the call.
    fn to_repr(&self) -> Self::Repr;
    /// What the entry point is passed for `repr`: the repr, or a pointer to it.
    fn to_abi(repr: &Self::Repr) -> Self::Abi;
    /// The repr of `self`, taking over what it owns: by default [`JitArg::to_repr`] with
    /// `self` forgotten; a `Vec` hands its buffer over to a new block.
    #[doc(hidden)]
    #[inline(always)]
    fn into_repr(self) -> Self::Repr
    where
        Self: Sized,
    {
        let repr = self.to_repr();
        std::mem::forget(self);
        repr
    }
    /// `self` as an argument of an entry point (`call_N`): by default kept alive beside
    /// its borrowed repr; types holding a `Vec` pass an owned repr released after the call.
    #[doc(hidden)]
    #[inline(always)]
    fn into_arg(self) -> CallArg<Self>
    where
        Self: Sized,
    {
        let repr = self.to_repr();
        CallArg {
            repr,
            keep: Some(self),
            release: None,
            end: None,
        }
    }
}

/// An argument of an entry point during the call: its repr, and what keeps the repr
/// valid until the call returns (the Rust value it borrows from, or a release of the
/// references the repr owns).
#[doc(hidden)]
pub struct CallArg<A: JitArg> {
    /// What JIT code is passed (through [`JitArg::to_abi`]).
    pub repr: A::Repr,
    keep: Option<A>,
    release: Option<unsafe fn(A::Repr)>,
    /// Given the repr and the kept argument once the call has returned: a `&mut Vec<T>`
    /// takes its `Vec` back, a `&Vec<T>` ends the borrow of its buffer.
    end: Option<unsafe fn(A::Repr, A)>,
}

impl<A: JitArg> CallArg<A> {
    /// An argument whose repr owns its references, dropped by `release` after the call.
    ///
    /// # Safety
    /// `release(repr)` must be sound once, when the call has returned.
    pub(crate) unsafe fn owned(repr: A::Repr, release: unsafe fn(A::Repr)) -> CallArg<A> {
        CallArg {
            repr,
            keep: None,
            release: Some(release),
            end: None,
        }
    }

    /// An argument whose repr is made from `keep`, to which `end(repr, keep)` gives back
    /// what the repr took once the call has returned.
    ///
    /// # Safety
    /// `end(repr, keep)` must be sound once, when the call has returned.
    pub(crate) unsafe fn lent(repr: A::Repr, keep: A, end: unsafe fn(A::Repr, A)) -> CallArg<A> {
        CallArg {
            repr,
            keep: Some(keep),
            release: None,
            end: Some(end),
        }
    }
}

impl<A: JitArg> Drop for CallArg<A> {
    fn drop(&mut self) {
        if let Some(release) = self.release {
            // SAFETY: `owned`'s contract; the call has returned.
            unsafe { release(self.repr) }
        }
        if let (Some(end), Some(keep)) = (self.end, self.keep.take()) {
            // SAFETY: `lent`'s contract; the call has returned.
            unsafe { end(self.repr, keep) }
        }
        drop(self.keep.take());
    }
}

/// Releases a repr that owns its references, by rebuilding and dropping the Rust value.
///
/// # Safety
/// `repr` is a valid repr of `T` whose references the caller owns.
pub(crate) unsafe fn release_repr<T: JitType>(repr: T::Repr) {
    // SAFETY: guaranteed by the caller.
    unsafe { T::drop_repr(repr) }
}

/// The repr of `value`, taking over the references it holds (for storing into memory
/// that JIT code or a payload owns).
pub fn into_owned_repr<T: JitArg>(value: T) -> T::Repr {
    value.into_repr()
}

/// A value type: usable as a generic argument and as a return type.
///
/// # Safety
/// As [`JitArg`]; `RetAbi` is `Repr` for scalars and `()` otherwise, and `from_ret` reads
/// the out pointer only for non-scalars.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a jit value type",
    label = "not a jit value type",
    note = "jit values are `bool`, integers up to 64 bits, `f32`, `f64`, `()`, `#[jitclass]` instances, and tuples, arrays `[T; N]` and `Option`s of these"
)]
pub unsafe trait JitType: JitArg + 'static {
    /// What the entry point returns: the repr for scalars, `()` for the rest (which is
    /// written through the out pointer).
    type RetAbi: Copy;
    /// Rebuilds the Rust value returned by JIT code.
    ///
    /// # Safety
    /// For non-scalar types `out` must point to a repr that JIT code initialised.
    unsafe fn from_ret(ret: Self::RetAbi, out: *const Self::Repr) -> Self;
    /// Rebuilds a Rust value from a repr made by JIT code, taking over the references
    /// it holds.
    ///
    /// # Safety
    /// `repr` must be a valid repr of `Self` produced by JIT code, whose references the
    /// caller owns.
    unsafe fn from_repr(repr: Self::Repr) -> Self;
    /// A new Rust value from a repr someone else keeps owning (a field of a payload):
    /// class instances in it get a new reference.
    ///
    /// # Safety
    /// `repr` must be a valid repr of `Self`.
    unsafe fn clone_from_repr(repr: &Self::Repr) -> Self;
    /// Drops the references a repr owns, without rebuilding a Rust value where that
    /// would cost more (a `Vec` shared with jit code would be copied).
    ///
    /// # Safety
    /// As [`JitType::from_repr`].
    #[doc(hidden)]
    #[inline(always)]
    unsafe fn drop_repr(repr: Self::Repr)
    where
        Self: Sized,
    {
        // SAFETY: guaranteed by the caller.
        drop(unsafe { Self::from_repr(repr) })
    }
    /// Whether the repr is a `Vec` a slice of which is lent to a call (or a sort) that has
    /// not returned (`VecHeader::lends`): a setter then refuses to replace it, as jit
    /// code's assignment does (`compiler/codegen/lends.rs`).
    ///
    /// # Safety
    /// `repr` must be a valid repr of `Self`.
    #[doc(hidden)]
    #[inline(always)]
    unsafe fn is_lent(repr: &Self::Repr) -> bool {
        let _ = repr;
        false
    }
    /// Whether a Rust `Self` is its repr, bit for bit: same size, alignment and field
    /// offsets, every `Self` a valid `Repr` and every `Repr` jit code makes a valid `Self`
    /// (numbers, `bool`, pointers, instances, `PassThru` handles, and tuples and arrays of
    /// these where rustc lays them out as C does). A `Vec` of such elements hands its
    /// buffer across without copying; any other `Vec` converts element by element.
    ///
    /// Implementations that say `true` promise exactly that (this trait is `unsafe`).
    #[doc(hidden)]
    const LAYOUT_IS_REPR: bool = false;
    /// The class name of an unmanaged instance the value holds outside `None`s, if any:
    /// what a store that outlives the call refuses (see `escape.rs`).
    #[doc(hidden)]
    #[inline(always)]
    fn unmanaged_class(&self) -> Option<&'static str> {
        None
    }
}

/// A type whose Rust memory layout is its repr, so a Rust slice of it can be read in place.
///
/// # Safety
/// `Self` and `Self::Repr` must have the same size and alignment, every `Self` must be a
/// valid `Self::Repr`, and every `Self::Repr` jit code makes must be a valid `Self` (they
/// have the same bit validity, but for a function pointer, whose repr may also be null
/// while jit code makes function values only from functions).
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be an element of a slice shared between Rust and jit code",
    label = "a slice of these cannot cross between Rust and jit code",
    note = "slices that cross (parameters of jit functions) hold numbers, `bool`, `char`, `#[jitclass]` instances or `PassThru` handles; pass a `Vec<{Self}>` instead, which crosses for every element type"
)]
pub unsafe trait JitElem: JitType {}

/// The concrete jit type of a Rust type, e.g. for `dispatcher().compile(..)`.
pub fn type_of<T: JitArg>() -> Type {
    T::jit_type()
}

macro_rules! scalar {
    ($($t:ty => $p:ident),*) => {$(
        // SAFETY: a primitive is its own C representation and is passed by value.
        unsafe impl JitArg for $t {
            type Repr = $t;
            type Abi = $t;
            fn jit_type() -> Type { Type::Prim(PrimTy::$p) }
            #[inline(always)]
            fn to_repr(&self) -> $t { *self }
            #[inline(always)]
            fn to_abi(repr: &$t) -> $t { *repr }
        }
        // SAFETY: scalars are returned by value; `out` is not read.
        unsafe impl JitType for $t {
            type RetAbi = $t;
            #[inline(always)]
            unsafe fn from_ret(ret: $t, _out: *const $t) -> $t { ret }
            #[inline(always)]
            unsafe fn from_repr(repr: $t) -> $t { repr }
            #[inline(always)]
            unsafe fn clone_from_repr(repr: &$t) -> $t { *repr }
            const LAYOUT_IS_REPR: bool = true;
        }
        // SAFETY: `Repr = Self`.
        unsafe impl JitElem for $t {}
    )*};
}

scalar!(i8 => I8, i16 => I16, i32 => I32, i64 => I64, isize => Isize,
        u8 => U8, u16 => U16, u32 => U32, u64 => U64, usize => Usize,
        f32 => F32, f64 => F64);

// SAFETY: `bool` is one byte 0/1 in memory (the repr); it crosses the call as a `u8`
// because the entry point is declared with `i8` parameters and results.
unsafe impl JitArg for bool {
    type Repr = bool;
    type Abi = u8;
    fn jit_type() -> Type {
        Type::BOOL
    }
    #[inline(always)]
    fn to_repr(&self) -> bool {
        *self
    }
    #[inline(always)]
    fn to_abi(repr: &bool) -> u8 {
        u8::from(*repr)
    }
}

// SAFETY: JIT code returns `bool` as an `i8` that is 0 or 1.
unsafe impl JitType for bool {
    type RetAbi = u8;
    #[inline(always)]
    unsafe fn from_ret(ret: u8, _out: *const bool) -> bool {
        ret != 0
    }
    #[inline(always)]
    unsafe fn from_repr(repr: bool) -> bool {
        repr
    }
    #[inline(always)]
    unsafe fn clone_from_repr(repr: &bool) -> bool {
        *repr
    }
    const LAYOUT_IS_REPR: bool = true;
}

// SAFETY: `bool` is its own repr.
unsafe impl JitElem for bool {}

// SAFETY: a `char` is a `u32` in C (size and alignment 4) whose value is a Unicode scalar
// value, and crosses the call as that `u32`. Jit code makes only valid `char`s (literals,
// `u8 as char`, std's methods and the `char`s it was given), so a `char` it writes is a
// valid `char`; a result is checked once more rather than assumed.
unsafe impl JitArg for char {
    type Repr = char;
    type Abi = u32;
    fn jit_type() -> Type {
        Type::CHAR
    }
    #[inline(always)]
    fn to_repr(&self) -> char {
        *self
    }
    #[inline(always)]
    fn to_abi(repr: &char) -> u32 {
        u32::from(*repr)
    }
}

// SAFETY: JIT code returns a `char` as its `u32` scalar value, in a register.
unsafe impl JitType for char {
    type RetAbi = u32;
    #[inline(always)]
    unsafe fn from_ret(ret: u32, _out: *const char) -> char {
        char::from_u32(ret).expect("jit code returns Unicode scalar values as `char`")
    }
    #[inline(always)]
    unsafe fn from_repr(repr: char) -> char {
        repr
    }
    #[inline(always)]
    unsafe fn clone_from_repr(repr: &char) -> char {
        *repr
    }
}

// SAFETY: `char` is its own repr, and jit code writes only valid `char`s (see `JitArg`).
unsafe impl JitElem for char {}

// SAFETY: `()` has no data; it crosses the call as a dummy `u8` and returns as `void`.
unsafe impl JitArg for () {
    type Repr = ();
    type Abi = u8;
    fn jit_type() -> Type {
        Type::Unit
    }
    #[inline(always)]
    fn to_repr(&self) {}
    #[inline(always)]
    fn to_abi(_: &()) -> u8 {
        0
    }
}

// SAFETY: a `()` result is a `void` return.
unsafe impl JitType for () {
    type RetAbi = ();
    #[inline(always)]
    unsafe fn from_ret(_: (), _: *const ()) {}
    #[inline(always)]
    unsafe fn from_repr(_: ()) {}
    #[inline(always)]
    unsafe fn clone_from_repr(_: &()) {}
}

// SAFETY: `PhantomData<T>` has no data, as `()`: jit code sees it as `()` (a class's
// marker field, zero bytes of its payload).
unsafe impl<T: ?Sized> JitArg for std::marker::PhantomData<T> {
    type Repr = ();
    type Abi = u8;
    fn jit_type() -> Type {
        Type::Unit
    }
    #[inline(always)]
    fn to_repr(&self) {}
    #[inline(always)]
    fn to_abi(_: &()) -> u8 {
        0
    }
}

// SAFETY: as `()`'s: nothing to read, every value is the one `PhantomData`.
unsafe impl<T: ?Sized + 'static> JitType for std::marker::PhantomData<T> {
    type RetAbi = ();
    #[inline(always)]
    unsafe fn from_ret(_: (), _: *const ()) -> Self {
        std::marker::PhantomData
    }
    #[inline(always)]
    unsafe fn from_repr(_: ()) -> Self {
        std::marker::PhantomData
    }
    #[inline(always)]
    unsafe fn clone_from_repr(_: &()) -> Self {
        std::marker::PhantomData
    }
}

macro_rules! tuple {
    ($name:ident; $($T:ident $i:tt),+) => {
        /// The `#[repr(C)]` representation of a Rust tuple in jit code.
        #[repr(C)]
        #[derive(Clone, Copy, Debug)]
        pub struct $name<$($T),+>($(pub $T),+);

        // SAFETY: the repr is a C struct of the element reprs in order, which is how
        // codegen lays out tuple types; it is passed by pointer.
        unsafe impl<$($T: JitType),+> JitArg for ($($T,)+) {
            type Repr = $name<$($T::Repr),+>;
            type Abi = *const Self::Repr;
            fn jit_type() -> Type {
                Type::Tuple(vec![$($T::jit_type()),+])
            }
            #[inline(always)]
            fn to_repr(&self) -> Self::Repr {
                $name($(self.$i.to_repr()),+)
            }
            #[inline(always)]
            fn to_abi(repr: &Self::Repr) -> Self::Abi {
                repr
            }
            #[inline(always)]
            fn into_repr(self) -> Self::Repr {
                $name($(self.$i.into_repr()),+)
            }
            #[inline(always)]
            fn into_arg(self) -> CallArg<Self> {
                // SAFETY: the repr owns what `self` owned; `release_repr` drops it once.
                unsafe { CallArg::owned(self.into_repr(), release_repr::<Self>) }
            }
        }

        // SAFETY: tuples return through the out pointer, which JIT code initialised.
        unsafe impl<$($T: JitType),+> JitType for ($($T,)+) {
            type RetAbi = ();
            #[inline(always)]
            unsafe fn from_ret(_: (), out: *const Self::Repr) -> Self {
                // SAFETY: the caller guarantees `out` is initialised; element reprs came
                // from JIT code of the same element types.
                unsafe { Self::from_repr(*out) }
            }
            #[inline(always)]
            unsafe fn from_repr(repr: Self::Repr) -> Self {
                // SAFETY: each element repr came from JIT code of the same element type.
                ($(unsafe { $T::from_repr(repr.$i) },)+)
            }
            #[inline(always)]
            unsafe fn clone_from_repr(repr: &Self::Repr) -> Self {
                // SAFETY: each element repr is valid for its element type.
                ($(unsafe { $T::clone_from_repr(&repr.$i) },)+)
            }
            #[inline(always)]
            unsafe fn drop_repr(repr: Self::Repr) {
                // SAFETY: each element repr is an owned value of its element type.
                $(unsafe { $T::drop_repr(repr.$i) };)+
            }
            #[inline(always)]
            fn unmanaged_class(&self) -> Option<&'static str> {
                None$(.or_else(|| self.$i.unmanaged_class()))+
            }
            // Rust may reorder a tuple's fields; where it has not (the offsets of every
            // field, the size and the alignment agree with the C struct's) and every
            // element is its own repr, the tuple is its repr too.
            const LAYOUT_IS_REPR: bool = $($T::LAYOUT_IS_REPR &&)+
                size_of::<Self>() == size_of::<<Self as JitArg>::Repr>()
                && align_of::<Self>() == align_of::<<Self as JitArg>::Repr>()
                $(&& std::mem::offset_of!(Self, $i) == std::mem::offset_of!(<Self as JitArg>::Repr, $i))+;
        }
    };
}

tuple!(Tuple1; A 0);
tuple!(Tuple2; A 0, B 1);
tuple!(Tuple3; A 0, B 1, C 2);
tuple!(Tuple4; A 0, B 1, C 2, D 3);
tuple!(Tuple5; A 0, B 1, C 2, D 3, E 4);
tuple!(Tuple6; A 0, B 1, C 2, D 3, E 4, F 5);
tuple!(Tuple7; A 0, B 1, C 2, D 3, E 4, F 5, G 6);
tuple!(Tuple8; A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7);

#[cfg(test)]
mod tests;
