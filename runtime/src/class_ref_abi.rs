//! `&mut C` of a `#[jitclass]` handle as an argument: the instance, borrowed for the call.

use crate::Type;
use crate::abi::{JitArg, RawInstance};
use crate::class::JitClass;

// SAFETY: an instance crosses as its `{meminfo, data}` repr, by pointer, as the owned
// handle does; the caller's borrow keeps the instance alive for the call, and jit code
// changes it only through the payload, which every handle to it shares.
unsafe impl<C: JitClass> JitArg for &mut C {
    type Repr = RawInstance;
    type Abi = *const RawInstance;
    fn jit_type() -> Type {
        crate::class::abi::jit_type::<C>()
    }
    #[inline(always)]
    fn to_repr(&self) -> RawInstance {
        crate::class::abi::to_repr::<C>(self)
    }
    #[inline(always)]
    fn to_abi(repr: &RawInstance) -> *const RawInstance {
        repr
    }
}

/// A `&S` argument of a generic jit fn's glue (`fn total<S: Shape>(s: &S)`): the value
/// `S` crosses as, borrowed for the call (jit code holds a `&S` parameter as the value).
/// Inference refuses a `&S` whose `S` is not a class or a primitive at the first call, so
/// only those cross this way.
#[doc(hidden)]
pub struct ByRef<'a, T>(pub &'a T);

// SAFETY: the repr is `T`'s own, borrowed (`JitArg::to_repr`), and the borrow keeps the
// value alive for the call; jit code cannot change a class's identity or a primitive
// through it (a `Vec` or other block never crosses as a `&S`, see above).
unsafe impl<T: JitArg> JitArg for ByRef<'_, T> {
    type Repr = T::Repr;
    type Abi = T::Abi;
    fn jit_type() -> Type {
        T::jit_type()
    }
    #[inline(always)]
    fn to_repr(&self) -> T::Repr {
        self.0.to_repr()
    }
    #[inline(always)]
    fn to_abi(repr: &T::Repr) -> T::Abi {
        T::to_abi(repr)
    }
}
