//! Instance handles: [`Handle`] (what a Rust value of a class type holds, a counted
//! `{meminfo, data}`), the handle's fields [`HandleField`] and [`JitField`], and the
//! `Debug` form of instances.

use crate::abi::{JitType, RawInstance};
use crate::class::{ClassInfo, JitClass, lookup};
use crate::memory::MemInfo;
use jitclass_core::Type;
use jitclass_core::layout::{c_struct, size_align};
use std::cell::Cell;
use std::fmt;
use std::marker::PhantomData;

/// The type of the fields of a class's handle but its first. `#[jitclass] struct V { x:
/// f64, y: f64 }` gives the handle `V` the fields `x` and `y`, with their visibilities, so
/// that rustc checks struct literals in jit code (`V { x: 1.0, y: 2.0 }`) against the
/// class, naming it and its fields in its own words. The first holds the instance
/// ([`HandleField`]), the others nothing. Rust code reads and writes fields through the
/// handle's methods: `v.x()`, `v.set_x(..)`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct JitField;

/// The type of the first field of a class's handle: the instance's [`Handle`]. `P` is a
/// marker of a generic class's parameters (`fn() -> (T,)`), which the handle then uses
/// beyond its own name, as rustc requires. Only the class's own code makes one (from a
/// handle of an existing instance), so Rust code cannot make an instance with a literal.
#[repr(transparent)]
pub struct HandleField<C, P = ()> {
    handle: Handle<C>,
    _params: PhantomData<P>,
}

impl<C, P> HandleField<C, P> {
    /// The field holding `handle` (the class's `JitClass::from_handle`).
    #[doc(hidden)]
    pub fn __new(handle: Handle<C>) -> HandleField<C, P> {
        HandleField {
            handle,
            _params: PhantomData,
        }
    }

    /// The instance's handle (the class's `JitClass::handle`).
    #[doc(hidden)]
    pub fn __handle(&self) -> &Handle<C> {
        &self.handle
    }
}

/// A counted reference to an instance of `C`: what a Rust value of a class type holds.
///
/// Not `Send` and not `Sync`: two clones share one payload, and both can write its
/// fields, so letting a clone cross threads would allow data races, as `Rc` would.
///
/// Laid out as its [`RawInstance`], so a slice of handles is readable in place by jit code.
#[repr(transparent)]
pub struct Handle<C> {
    raw: RawInstance,
    _class: PhantomData<fn() -> C>,
    /// Not `Send`, not `Sync`, as an `Rc` (which rustc then names in its messages).
    _not_thread_safe: PhantomData<std::rc::Rc<()>>,
}

impl<C: JitClass> Handle<C> {
    /// Takes over the reference `raw` holds (managed), or wraps an unmanaged instance.
    ///
    /// # Safety
    /// `raw` is an instance of `C` whose reference the caller owns (or unmanaged memory
    /// that outlives every use of the handle).
    pub unsafe fn from_raw(raw: RawInstance) -> Handle<C> {
        Handle {
            raw,
            _class: PhantomData,
            _not_thread_safe: PhantomData,
        }
    }

    /// The instance as jit code sees it (the handle keeps its reference).
    pub fn raw(&self) -> RawInstance {
        self.raw
    }

    /// The payload, for reads and writes of single fields (never hand out a reference:
    /// other handles may write it).
    pub fn payload(&self) -> *mut C::Payload {
        self.raw.data.cast()
    }

    /// Whether the instance is counted (`false` for one over memory someone else owns).
    pub fn is_managed(&self) -> bool {
        !self.raw.meminfo.is_null()
    }

    /// How many references to the instance exist (`None` for an unmanaged instance); an
    /// associated function, as `Rc::strong_count`.
    pub fn strong_count(this: &Handle<C>) -> Option<usize> {
        // SAFETY: a managed handle keeps its block alive.
        this.is_managed()
            .then(|| unsafe { MemInfo::refcount(this.raw.meminfo) })
    }

    /// Whether two handles refer to the same instance.
    pub fn ptr_eq(a: &Handle<C>, b: &Handle<C>) -> bool {
        a.raw.data == b.raw.data
    }

    /// Reads field `T` at the payload's `field` pointer as a new Rust value.
    ///
    /// # Safety
    /// `field` points to a field of this handle's payload that holds a `T` repr.
    pub unsafe fn get<T: JitType>(&self, field: *const T::Repr) -> T {
        // SAFETY: guaranteed by the caller; the instance is alive while `self` is.
        unsafe { T::clone_from_repr(&*field) }
    }

    /// Replaces field `T` at `field` (named `name`), releasing what the old value held.
    ///
    /// Panics, storing nothing, if `value` holds an unmanaged instance: a field outlives
    /// the call such an instance was lent to (see [`unsafe_cast`](crate::unsafe_cast)); and
    /// if the field is a `Vec` a slice of which is lent to a call or a sort that has not
    /// returned, in `RefCell`'s words, as jit code's assignment does.
    ///
    /// # Safety
    /// As [`Handle::get`].
    #[track_caller]
    pub unsafe fn set<T: JitType>(&self, field: *mut T::Repr, name: &str, value: T) {
        // SAFETY: guaranteed by the caller: `field` holds a valid repr.
        if unsafe { T::is_lent(&*field) } {
            panic!(
                "already borrowed: cannot assign to a `Vec` while a slice of it is lent to a call"
            );
        }
        crate::escape::refuse_unmanaged(
            &value,
            crate::escape::Sink::Field {
                class: Some(C::class_info().name()),
                field: name,
            },
        );
        let new = crate::abi::into_owned_repr(value);
        // SAFETY: guaranteed by the caller; the old repr owned its references.
        unsafe {
            let old = field.replace(new);
            drop(T::from_repr(old));
        }
    }
}

impl<C> Clone for Handle<C> {
    fn clone(&self) -> Self {
        // SAFETY: our reference keeps the block alive; null (unmanaged) is ignored.
        unsafe { MemInfo::incref(self.raw.meminfo) };
        Handle {
            raw: self.raw,
            _class: PhantomData,
            _not_thread_safe: PhantomData,
        }
    }
}

impl<C> Drop for Handle<C> {
    fn drop(&mut self) {
        // SAFETY: the handle owns one reference (or none, if unmanaged: null is ignored).
        unsafe { MemInfo::decref(self.raw.meminfo) };
    }
}

thread_local! {
    /// How deep `Debug` is inside nested instances: a cycle must not print forever.
    static DEBUG_DEPTH: Cell<usize> = const { Cell::new(0) };
}

/// Nested instances deeper than this print as `Name { .. }`.
const DEBUG_MAX_DEPTH: usize = 4;

impl<C: JitClass> fmt::Debug for Handle<C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let info = C::class_info();
        fmt_instance(info, self.raw.data, f)
    }
}

fn fmt_instance(
    info: &'static ClassInfo,
    data: *const u8,
    f: &mut fmt::Formatter<'_>,
) -> fmt::Result {
    let depth = DEBUG_DEPTH.with(Cell::get);
    let fields = match info.decoded_fields() {
        Ok(fields) if depth < DEBUG_MAX_DEPTH => fields,
        _ => return write!(f, "{} {{ .. }}", info.name()),
    };
    DEBUG_DEPTH.with(|d| d.set(depth + 1));
    let layout = c_struct(&fields.iter().map(|f| size_align(&f.ty)).collect::<Vec<_>>());
    let mut s = f.debug_struct(info.name());
    for (field, offset) in fields.iter().zip(&layout.offsets) {
        // SAFETY: the payload of a live instance holds this field at this offset.
        let value = unsafe { FieldValue::read(&field.ty, data.add(*offset as usize)) };
        s.field(&field.name, &value);
    }
    let result = s.finish();
    DEBUG_DEPTH.with(|d| d.set(depth));
    result
}

/// A field read for `Debug`, by its jit type.
pub(crate) struct FieldValue {
    ty: Type,
    at: *const u8,
}

impl FieldValue {
    /// # Safety
    /// `at` points to a valid value of type `ty` that outlives the `FieldValue`.
    pub(crate) unsafe fn read(ty: &Type, at: *const u8) -> FieldValue {
        FieldValue { ty: ty.clone(), at }
    }
}

impl fmt::Debug for FieldValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use jitclass_core::PrimTy as P;
        // SAFETY (all reads): `FieldValue::read`'s contract.
        unsafe {
            match &self.ty {
                Type::Prim(p) => match p {
                    P::Bool => write!(f, "{:?}", *self.at != 0),
                    P::I8 => write!(f, "{:?}", self.at.cast::<i8>().read()),
                    P::I16 => write!(f, "{:?}", self.at.cast::<i16>().read()),
                    P::I32 => write!(f, "{:?}", self.at.cast::<i32>().read()),
                    P::I64 | P::Isize => write!(f, "{:?}", self.at.cast::<i64>().read()),
                    P::U8 => write!(f, "{:?}", self.at.read()),
                    P::U16 => write!(f, "{:?}", self.at.cast::<u16>().read()),
                    P::U32 => write!(f, "{:?}", self.at.cast::<u32>().read()),
                    P::U64 | P::Usize => write!(f, "{:?}", self.at.cast::<u64>().read()),
                    P::F32 => write!(f, "{:?}", self.at.cast::<f32>().read()),
                    P::F64 => write!(f, "{:?}", self.at.cast::<f64>().read()),
                    P::Char => match char::from_u32(self.at.cast::<u32>().read()) {
                        Some(c) => write!(f, "{c:?}"),
                        None => f.write_str("<not a char>"),
                    },
                },
                Type::Ptr { .. } | Type::FnPtr { .. } => {
                    write!(f, "{:p}", self.at.cast::<*const u8>().read())
                }
                Type::PassThru(key) => write!(f, "PassThru<{}>", key.name),
                Type::Dyn { .. } => write!(f, "{}", self.ty),
                Type::Vec(elem) => {
                    let raw = self.at.cast::<crate::abi::RawInstance>().read();
                    let header = &*raw.data.cast::<crate::memory::VecHeader>();
                    let size = size_align(elem).size as usize;
                    let mut list = f.debug_list();
                    for i in 0..header.len {
                        list.entry(&FieldValue::read(elem, header.buf.add(i * size)));
                    }
                    list.finish()
                }
                Type::String => {
                    let raw = self.at.cast::<crate::abi::RawInstance>().read();
                    let header = &*raw.data.cast::<crate::memory::VecHeader>();
                    // SAFETY: a `String` block's `len` bytes are valid UTF-8.
                    let text = std::str::from_utf8_unchecked(std::slice::from_raw_parts(
                        header.buf, header.len,
                    ));
                    write!(f, "{text:?}")
                }
                Type::Map { key, value } => {
                    let raw = self.at.cast::<crate::abi::RawInstance>().read();
                    crate::map::debug_entries(raw.data, key, value, f)
                }
                Type::Array { elem, len } => {
                    let size = size_align(elem).size as usize;
                    let mut list = f.debug_list();
                    for i in 0..*len as usize {
                        list.entry(&FieldValue::read(elem, self.at.add(i * size)));
                    }
                    list.finish()
                }
                // Never the type of a field.
                Type::Unit | Type::Never | Type::Slice { .. } | Type::Str | Type::Ref { .. } => {
                    f.write_str("()")
                }
                Type::Option(inner) => {
                    if *self.at == 0 {
                        return f.write_str("None");
                    }
                    let l = c_struct(&[size_align(&Type::BOOL), size_align(inner)]);
                    let v = FieldValue::read(inner, self.at.add(l.offsets[1] as usize));
                    f.debug_tuple("Some").field(&v).finish()
                }
                Type::Tuple(es) => {
                    let l = c_struct(&es.iter().map(size_align).collect::<Vec<_>>());
                    let mut t = f.debug_tuple("");
                    for (e, o) in es.iter().zip(&l.offsets) {
                        t.field(&FieldValue::read(e, self.at.add(*o as usize)));
                    }
                    t.finish()
                }
                Type::Class(key) => {
                    let raw = self.at.cast::<RawInstance>().read();
                    match lookup(key) {
                        Ok(info) => fmt_instance(info, raw.data, f),
                        Err(_) => write!(f, "{} {{ .. }}", key.name),
                    }
                }
            }
        }
    }
}
