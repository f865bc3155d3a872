//! Pass-through handles (Numba PR 3640, numba-passthru): Rust values of any type ferried
//! through jit code without losing their identity.
//!
//! A [`PassThru<T>`] is a counted reference to a `T` in a block of the memory runtime
//! (the same meminfos as class instances; the block drops `T` when the last reference
//! goes), so jit code that copies, stores, overwrites and drops handles keeps the count
//! exact. In jit code the type is opaque: a handle is passed, returned, stored in fields
//! and `Option`s, and compared by identity; the value itself is used in `objmode!`
//! blocks, which are Rust.

use crate::abi::{JitArg, JitType, RawInstance};
use crate::memory::MemInfo;
use crate::{OpaqueKey, Type};
use std::any::TypeId;
use std::collections::HashMap;
use std::fmt;
use std::marker::PhantomData;
use std::ops::Deref;
use std::ptr::NonNull;
use std::sync::Mutex;

/// A counted reference to a `T`, which jit code passes along by identity (as Numba's
/// `PassThruContainer`). `Clone` is another reference to the same value, as with `Arc`.
///
/// Laid out as `{meminfo, data}`, its jit repr, so a slice of handles is readable in place
/// by jit code.
///
/// In jit code the value is opaque: a handle is passed, returned, stored in fields,
/// tuples and `Option`s, and compared with `==`/`!=` (identity); the value itself is used
/// in [`objmode!`](crate::objmode) blocks. A handle never gives out `&mut T`: the value is
/// shared, so it changes through `Cell`, `RefCell` or `Mutex`, as with `Rc` and `Arc`.
/// `PassThru<T>` is `Send` and `Sync` when `T` is both.
///
/// ```
/// use jitclass::{jit, jitclass, PassThru};
///
/// pub struct Document {
///     pub text: String,
/// }
///
/// #[jitclass]
/// pub struct Slot {
///     current: PassThru<Document>,
///     changes: i64,
/// }
///
/// #[jitclass]
/// impl Slot {
///     pub fn new(current: PassThru<Document>) -> Slot {
///         Slot { current, changes: 0 }
///     }
///
///     pub fn replace(&mut self, next: PassThru<Document>) {
///         if next != self.current {
///             self.current = next;
///             self.changes += 1;
///         }
///     }
/// }
///
/// #[jit]
/// fn pick(first: bool, a: PassThru<Document>, b: PassThru<Document>) -> PassThru<Document> {
///     if first { a } else { b }
/// }
///
/// let a = PassThru::new(Document { text: "a".into() });
/// let b = PassThru::new(Document { text: "b".into() });
/// assert!(PassThru::ptr_eq(&pick(false, a.clone(), b.clone()), &b));
///
/// let mut slot = Slot::new(a.clone());
/// slot.replace(a.clone()); // the same document: no change
/// slot.replace(b.clone());
/// assert_eq!((slot.changes(), slot.current().text.as_str()), (1, "b"));
/// drop(slot);
/// assert_eq!((PassThru::strong_count(&a), PassThru::strong_count(&b)), (1, 1));
/// ```
#[repr(C)]
pub struct PassThru<T: 'static> {
    info: NonNull<MemInfo>,
    data: NonNull<u8>,
    _value: PhantomData<T>,
}

/// The payload of a handle: `T` itself when the memory runtime can align it, else boxed.
enum Stored {}

impl Stored {
    const fn boxed<T>() -> bool {
        align_of::<T>() > crate::memory::MAX_ALIGN
    }
}

impl<T: 'static> PassThru<T> {
    /// Moves `value` into a new counted block.
    pub fn new(value: T) -> PassThru<T> {
        let info = if Stored::boxed::<T>() {
            MemInfo::allocate_value(Box::new(value))
        } else {
            MemInfo::allocate_value(value)
        };
        let info =
            info.unwrap_or_else(|| std::alloc::handle_alloc_error(std::alloc::Layout::new::<T>()));
        // SAFETY: a live block; its payload address is never null.
        let data = unsafe { NonNull::new_unchecked(MemInfo::data(info.as_ptr())) };
        PassThru {
            info,
            data,
            _value: PhantomData,
        }
    }

    /// Whether two handles refer to the same value (Python's `is`).
    pub fn ptr_eq(a: &PassThru<T>, b: &PassThru<T>) -> bool {
        a.info == b.info
    }

    /// How many handles to the value exist, in Rust and in jit code.
    pub fn strong_count(this: &PassThru<T>) -> usize {
        // SAFETY: our reference keeps the block alive.
        unsafe { MemInfo::refcount(this.info.as_ptr()) }
    }

    fn raw(&self) -> RawInstance {
        RawInstance {
            meminfo: self.info.as_ptr(),
            data: self.data.as_ptr(),
        }
    }

    /// The identity of `T` in jit types: a number per `TypeId`, handed out in order, so
    /// two types never share one (a hash of the `TypeId` could collide).
    fn key() -> OpaqueKey {
        static IDS: Mutex<Option<HashMap<TypeId, u64>>> = Mutex::new(None);
        let mut ids = IDS.lock().unwrap_or_else(|e| e.into_inner());
        let ids = ids.get_or_insert_with(HashMap::new);
        let next = ids.len() as u64;
        let id = *ids.entry(TypeId::of::<T>()).or_insert(next);
        OpaqueKey {
            id,
            name: std::any::type_name::<T>().to_string(),
        }
    }
}

impl<T: 'static> Deref for PassThru<T> {
    type Target = T;

    fn deref(&self) -> &T {
        let data = self.raw().data;
        // SAFETY: the block holds a `T` (or a `Box<T>`) for as long as a handle exists,
        // and nothing ever hands out a `&mut` to it.
        unsafe {
            if Stored::boxed::<T>() {
                &*data.cast::<Box<T>>()
            } else {
                &*data.cast::<T>()
            }
        }
    }
}

impl<T: 'static> Clone for PassThru<T> {
    fn clone(&self) -> Self {
        // SAFETY: our reference keeps the block alive.
        unsafe { MemInfo::incref(self.info.as_ptr()) };
        PassThru {
            info: self.info,
            data: self.data,
            _value: PhantomData,
        }
    }
}

impl<T: 'static> Drop for PassThru<T> {
    fn drop(&mut self) {
        // SAFETY: the handle owns one reference.
        unsafe { MemInfo::decref(self.info.as_ptr()) };
    }
}

/// Identity, as the original's `==`: two handles are equal if they share the value.
impl<T: 'static> PartialEq for PassThru<T> {
    fn eq(&self, other: &Self) -> bool {
        PassThru::ptr_eq(self, other)
    }
}

impl<T: 'static> Eq for PassThru<T> {}

impl<T: fmt::Debug + 'static> fmt::Debug for PassThru<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("PassThru").field(&**self).finish()
    }
}

// SAFETY: as `Arc<T>`: the count is atomic, and handles on several threads share `&T`.
unsafe impl<T: Send + Sync + 'static> Send for PassThru<T> {}
// SAFETY: as above.
unsafe impl<T: Send + Sync + 'static> Sync for PassThru<T> {}

// SAFETY: a handle crosses as its `{meminfo, data}` repr, by pointer, borrowed for the call.
unsafe impl<T: 'static> JitArg for PassThru<T> {
    type Repr = RawInstance;
    type Abi = *const RawInstance;
    fn jit_type() -> Type {
        Type::PassThru(Self::key())
    }
    #[inline(always)]
    fn to_repr(&self) -> RawInstance {
        self.raw()
    }
    #[inline(always)]
    fn to_abi(repr: &RawInstance) -> *const RawInstance {
        repr
    }
}

// SAFETY: JIT code returns an owned reference to a block of this `T`.
unsafe impl<T: 'static> JitType for PassThru<T> {
    type RetAbi = ();
    #[inline(always)]
    unsafe fn from_ret(_: (), out: *const RawInstance) -> Self {
        // SAFETY: the caller guarantees `out` holds an owned reference.
        unsafe { Self::from_repr(*out) }
    }
    #[inline(always)]
    unsafe fn from_repr(repr: RawInstance) -> Self {
        PassThru {
            info: NonNull::new(repr.meminfo).expect("a pass-through handle is never null"),
            data: NonNull::new(repr.data).expect("a pass-through handle is never null"),
            _value: PhantomData,
        }
    }
    #[inline(always)]
    unsafe fn clone_from_repr(repr: &RawInstance) -> Self {
        // SAFETY: the borrowed reference keeps the block alive while we add ours.
        unsafe {
            MemInfo::incref(repr.meminfo);
            Self::from_repr(*repr)
        }
    }
    // As `JitElem` says: `{meminfo, data}` in C layout, never null in either form.
    const LAYOUT_IS_REPR: bool = true;
}

// SAFETY: `#[repr(C)] {meminfo, data}` is the repr; a slice of handles owns one reference
// per element, which jit code reads and replaces as such.
unsafe impl<T: 'static> crate::abi::JitElem for PassThru<T> {}

/// The jit type of `PassThru<T>`, for descriptors the macros emit.
#[doc(hidden)]
pub fn jit_type_of<T: 'static>() -> Type {
    PassThru::<T>::jit_type()
}
