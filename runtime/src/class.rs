//! `#[jitclass]` types at run time: descriptors and the method registry (instance
//! handles are `handle.rs`'s, the resolution of type references to classes `class_refs.rs`'s).
//!
//! - [`ClassInfo`]: one `static` per class, emitted by `#[jitclass] struct`: the encoded
//!   fields, the payload layout rustc computed for the generated `#[repr(C)]` payload
//!   struct, the allocator. Its address is the class's identity ([`ClassKey::id`]).
//! - [`Handle`] (`handle.rs`): what a Rust value of a class type holds: a counted
//!   reference `{meminfo, data}` ([`RawInstance`]). `Clone` increfs, `Drop` decrefs.
//! - [`METHODS`]: every function of every `#[jitclass] impl` block registers itself in this
//!   link-time slice, so a class's methods are found from all its impl blocks, whichever
//!   crate or module they are in.
//!
//! Invariants: a `ClassKey` reaches inference only through [`ClassInfo::key`], which
//! records the descriptor in a registry; everything that maps a key back to a descriptor
//! goes through that registry, so a made-up key is an error, never a wild pointer.

use crate::abi::RawInstance;
use crate::class_refs::resolve;
pub(crate) use crate::class_refs::{managed_members, resolve_refs};
use crate::dispatch::Dispatcher;
use crate::error::Error;
pub(crate) use crate::handle::FieldValue;
pub use crate::handle::{Handle, HandleField, JitField};
use crate::memory::{BlockKind, DropInfo, ExternalAllocator, MemInfo};
use jitclass_core::infer::FieldSig;
use jitclass_core::ir::ClassIr;
use jitclass_core::layout::{c_struct, size_align};
use jitclass_core::operators::OperatorMethod;
use jitclass_core::{ClassKey, Type};
use std::alloc::Layout;
use std::collections::HashMap;
use std::fmt;
use std::sync::{Mutex, OnceLock};

/// Implemented by every `#[jitclass]` type (by the macro).
///
/// # Safety
/// `Payload` is the `#[repr(C)]` struct of the fields' reprs, in order, that
/// `class_info()` describes; `handle` and `from_handle` convert without changing counts.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a `#[jitclass]` type",
    label = "not a `#[jitclass]` type",
    note = "put `#[jitclass]` on the struct to use it in jit code; jit code supports primitives, tuples, `Option`, slices as parameters, and `#[jitclass]` structs"
)]
pub unsafe trait JitClass: Sized + 'static {
    /// The `#[repr(C)]` payload struct: one field per class field, in order.
    type Payload;
    /// `Self`. rustc checks each struct literal in jit code as a literal of
    /// `<C as JitClass>::Literal`, so a type that is not a class gets that error, not one
    /// about its fields.
    #[doc(hidden)]
    type Literal;
    /// `Self` for a class with fields, [`NoFields`] for a class without. rustc checks a
    /// struct literal without fields in jit code (`C {}`) as a literal of it too, so that a
    /// class with fields gets rustc's E0063 naming them (the literal of the handle itself
    /// is `C { ..never() }`, as a class without fields has a hidden field).
    #[doc(hidden)]
    type FieldlessLiteral;
    /// The class's descriptor.
    fn class_info() -> &'static ClassInfo;
    /// The counted reference this value holds.
    fn handle(&self) -> &Handle<Self>;
    /// The class value holding `handle`.
    fn from_handle(handle: Handle<Self>) -> Self;
}

/// The payload struct of a class: `Payload<MyAvg>` has the fields of `MyAvg` in C layout.
pub type Payload<C> = <C as JitClass>::Payload;

/// The class `C` itself, for the struct literals the glue has rustc check (a projection
/// may not name a struct in a literal, an alias may).
#[doc(hidden)]
pub type Literal<C> = <C as JitClass>::Literal;

/// What a literal without fields (`C {}`) is checked as: the class itself if it has fields
/// (rustc's E0063 then names them), else [`NoFields`].
#[doc(hidden)]
pub type FieldlessLiteral<C> = <C as JitClass>::FieldlessLiteral;

/// The `FieldlessLiteral` of a class without fields: `NoFields {}` is a valid literal.
#[doc(hidden)]
pub struct NoFields {}

/// A field of a class's payload as jit code lays it out (C layout, as `#[repr(C)]`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldLayout {
    /// The field's name.
    pub name: String,
    /// The field's jit type.
    pub ty: Type,
    /// Byte offset in the payload.
    pub offset: usize,
}

/// The static description of a `#[jitclass] struct`, emitted by the macro.
#[doc(hidden)]
#[derive(Clone, Copy)]
pub struct ClassDesc {
    pub name: &'static str,
    /// The type parameters of a generic class (`["T"]`): the descriptor is then its
    /// family's, and each instantiation has its own (`generic_class.rs`).
    pub generics: &'static [&'static str],
    pub module_path: &'static str,
    /// The postcard-encoded `ClassIr`.
    pub ir: &'static [u8],
    /// The descriptors of the classes the fields name, by `ClassRefId`.
    pub classes: &'static [fn() -> &'static ClassInfo],
    /// The jit types of the `PassThru<T>` fields, by `OpaqueRefId`.
    pub opaques: &'static [fn() -> Type],
    /// The values of the array lengths rustc evaluates for field types, by `ConstId`.
    pub consts: &'static [fn() -> crate::consts::ConstValue],
    /// `offset_of!` of every field of the payload struct, as rustc laid it out (of a
    /// generic class's instantiation: as jitclass lays it out, checked against rustc's
    /// when Rust names the instantiation).
    pub offsets: &'static [usize],
    pub size: usize,
    pub align: usize,
    pub allocator: Option<fn() -> &'static ExternalAllocator>,
    /// The traits of the struct's `#[derive]` (`"PartialEq"`, `"Eq"`, `"Hash"`,
    /// `"Default"`): a class is a map key only if its `PartialEq`, `Eq` and `Hash` are
    /// derived, which the map's own hashing and comparison then equal (`map.rs`).
    pub derives: &'static [&'static str],
}

/// The run-time descriptor of a `#[jitclass]` type.
pub struct ClassInfo {
    desc: ClassDesc,
    /// Of an instantiation of a generic class: the family's descriptor, whose impl
    /// blocks' functions are its own.
    family: Option<&'static ClassInfo>,
    /// Of an instantiation: the type arguments (`Stack<f64>`: `[f64]`).
    type_args: Vec<Type>,
    /// The class as types show it: its name, with its type arguments if any.
    shown: String,
    decoded: OnceLock<Result<Decoded, String>>,
    methods: OnceLock<HashMap<&'static str, Vec<&'static MethodEntry>>>,
    /// The fields a map hashes and compares when an instance is its key (`map.rs`).
    key_fields: OnceLock<&'static [crate::map::KeyField]>,
}

struct Decoded {
    fields: Vec<FieldSig>,
    drop_info: DropInfo,
}

/// A function of a `#[jitclass] impl` block, registered at link time.
#[doc(hidden)]
pub struct MethodEntry {
    pub class: fn() -> &'static ClassInfo,
    pub name: &'static str,
    pub dispatcher: &'static Dispatcher,
    pub kind: jitclass_core::infer::FnKind,
    /// The `#[jit] trait` whose impl defines it (`None`: an inherent function, or an
    /// operator trait's method, registered under its key `"Add::add"`).
    pub of_trait: Option<crate::trait_methods::TraitOf>,
    /// Of an impl of one instantiation of a generic class (`impl Stack<f64>`): its type
    /// arguments. The function is then its family's for that instantiation only (rustc's
    /// E0599 for any other); `None`: for every instantiation the impl's bounds allow.
    pub instantiation: Option<fn() -> Vec<Type>>,
}

/// Every function of every `#[jitclass] impl` in the program.
#[doc(hidden)]
#[linkme::distributed_slice]
pub static METHODS: [MethodEntry];

/// Descriptors by `ClassKey::id`, filled by [`ClassInfo::key`].
static REGISTRY: Mutex<Option<HashMap<usize, &'static ClassInfo>>> = Mutex::new(None);

/// The descriptor of a class key made by [`ClassInfo::key`].
pub(crate) fn lookup(key: &ClassKey) -> Result<&'static ClassInfo, String> {
    let registry = REGISTRY.lock().unwrap_or_else(|e| e.into_inner());
    registry
        .as_ref()
        .and_then(|r| r.get(&key.id).copied())
        .ok_or_else(|| format!("`{}` is not a registered `#[jitclass]` type", key.name))
}

impl ClassInfo {
    #[doc(hidden)]
    pub const fn __new(desc: ClassDesc) -> ClassInfo {
        ClassInfo {
            desc,
            family: None,
            type_args: Vec::new(),
            shown: String::new(),
            decoded: OnceLock::new(),
            methods: OnceLock::new(),
            key_fields: OnceLock::new(),
        }
    }

    /// The traits the struct derives (`"Hash"`).
    pub(crate) fn derived(&self) -> &'static [&'static str] {
        self.desc.derives
    }

    /// The fields a map keyed by this class hashes and compares, made once by `make`.
    pub(crate) fn key_fields(
        &'static self,
        make: impl FnOnce() -> Vec<crate::map::KeyField>,
    ) -> &'static [crate::map::KeyField] {
        self.key_fields.get_or_init(|| make().leak())
    }

    /// An instantiation of the generic class `family` for `type_args`, laid out as
    /// `desc` says (`generic_class.rs` makes the one of each).
    pub(crate) fn new_member(
        family: &'static ClassInfo,
        type_args: Vec<Type>,
        desc: ClassDesc,
    ) -> ClassInfo {
        let args: Vec<String> = type_args.iter().map(ToString::to_string).collect();
        ClassInfo {
            desc,
            family: Some(family),
            shown: format!("{}<{}>", desc.name, args.join(", ")),
            type_args,
            decoded: OnceLock::new(),
            methods: OnceLock::new(),
            key_fields: OnceLock::new(),
        }
    }

    /// Of an instantiation of a generic class: its family's descriptor.
    pub(crate) fn family(&self) -> Option<&'static ClassInfo> {
        self.family
    }

    /// The descriptor as the macro emitted it (of a family for an instantiation).
    pub(crate) fn desc(&self) -> &ClassDesc {
        &self.desc
    }

    /// Whether this is a generic class's family descriptor, which has no instances of
    /// its own (each instantiation has its descriptor).
    pub(crate) fn is_family(&self) -> bool {
        !self.desc.generics.is_empty() && self.family.is_none()
    }

    /// The type arguments of an instantiation of a generic class (empty otherwise).
    pub fn type_args(&self) -> &[Type] {
        &self.type_args
    }

    /// The class's name, as written in its struct.
    pub fn name(&self) -> &'static str {
        self.desc.name
    }

    /// The module the class is defined in, as `module_path!()` spells it.
    pub fn module_path(&self) -> &'static str {
        self.desc.module_path
    }

    /// Size and alignment of the payload (not of a handle).
    pub fn payload_layout(&self) -> Layout {
        Layout::from_size_align(self.desc.size, self.desc.align)
            .expect("rustc computed this layout")
    }

    /// The class's identity in jit types.
    pub fn key(&'static self) -> ClassKey {
        let id = self as *const ClassInfo as usize;
        let mut registry = REGISTRY.lock().unwrap_or_else(|e| e.into_inner());
        registry.get_or_insert_with(HashMap::new).insert(id, self);
        ClassKey {
            id,
            name: if self.shown.is_empty() {
                self.desc.name.to_string()
            } else {
                self.shown.clone()
            },
        }
    }

    /// The jit type of this class's instances.
    pub fn jit_type(&'static self) -> Type {
        Type::Class(self.key())
    }

    /// The fields in payload order, with their concrete types. An error (of kind
    /// [`ErrorKind::Internal`](crate::ErrorKind::Internal)) if the macro's description
    /// does not decode or its layout is not the one jit code would use.
    pub fn fields(&'static self) -> Result<&'static [FieldSig], Error> {
        self.decoded_fields()
            .map_err(|message| Error::internal(self.desc.name, message))
    }

    /// The fields with their payload offsets (errors as [`ClassInfo::fields`]).
    pub fn field_layouts(&'static self) -> Result<Vec<FieldLayout>, Error> {
        self.decoded_field_layouts()
            .map_err(|message| Error::internal(self.desc.name, message))
    }

    /// [`ClassInfo::fields`], with the reason for an error as a message.
    pub(crate) fn decoded_fields(&'static self) -> Result<&'static [FieldSig], String> {
        self.decoded().map(|d| d.fields.as_slice())
    }

    /// [`ClassInfo::field_layouts`], with the reason for an error as a message.
    pub(crate) fn decoded_field_layouts(&'static self) -> Result<Vec<FieldLayout>, String> {
        Ok(self
            .decoded_fields()?
            .iter()
            .zip(self.desc.offsets)
            .map(|(f, &offset)| FieldLayout {
                name: f.name.clone(),
                ty: f.ty.clone(),
                offset,
            })
            .collect())
    }

    pub(crate) fn drop_info(&'static self) -> Result<&'static DropInfo, String> {
        self.decoded().map(|d| &d.drop_info)
    }

    pub(crate) fn allocator(&self) -> Option<&'static ExternalAllocator> {
        self.desc.allocator.map(|a| a())
    }

    fn decoded(&'static self) -> Result<&'static Decoded, String> {
        self.decoded
            .get_or_init(|| self.decode())
            .as_ref()
            .map_err(Clone::clone)
    }

    fn decode(&'static self) -> Result<Decoded, String> {
        let name = self.desc.name;
        let ir = self.class_ir()?;
        if self.is_family() {
            return Err(format!(
                "the generic class `{name}` has no layout of its own; name an instantiation (`{name}<{}>`)",
                self.desc.generics.join(", ")
            ));
        }
        let mut fields = Vec::with_capacity(ir.fields.len());
        for f in &ir.fields {
            let ty = resolve(
                &f.ty,
                (self.desc.classes, &ir.class_args),
                self.desc.opaques,
                &self.type_args,
            )?;
            fields.push(FieldSig {
                name: f.name.clone(),
                ty,
            });
        }
        // Arrays within the limits, of values.
        for f in &fields {
            if let Some(error) = jitclass_core::infer::array_type_error(&f.ty) {
                return Err(format!(
                    "field `{}` of `{name}`: {}\n{}",
                    f.name,
                    error.message().0,
                    error.message().1
                ));
            }
        }
        // The layout jit code uses must be the one rustc gave the payload struct.
        let layout = c_struct(&fields.iter().map(|f| size_align(&f.ty)).collect::<Vec<_>>());
        let rustc: Vec<u64> = self.desc.offsets.iter().map(|&o| o as u64).collect();
        if layout.offsets != rustc
            || layout.size != self.desc.size as u64
            || layout.align != self.desc.align as u64
        {
            return Err(format!(
                "the payload layout of `{name}` differs between rustc (offsets {rustc:?}, size {}, align {}) and jitclass (offsets {:?}, size {}, align {})",
                self.desc.size, self.desc.align, layout.offsets, layout.size, layout.align
            ));
        }
        let mut managed_offsets = Vec::new();
        for (f, offset) in fields.iter().zip(&layout.offsets) {
            managed_members(&f.ty, *offset as usize, &mut managed_offsets);
        }
        Ok(Decoded {
            fields,
            drop_info: DropInfo {
                managed_offsets,
                ..DropInfo::default()
            },
        })
    }

    /// The decoded fields as written, with the constants rustc evaluated in them.
    pub(crate) fn class_ir(&self) -> Result<ClassIr, String> {
        let name = self.desc.name;
        let mut ir = ClassIr::decode(self.desc.ir).map_err(|e| {
            format!("cannot decode the fields of `{name}` ({e}); were jitclass and jitclass-macros built from different versions?")
        })?;
        ir.resolve_consts(&crate::consts::values(self.desc.consts))
            .map_err(|e| format!("the fields of `{name}`: {e}"))?;
        Ok(ir)
    }

    /// The functions called `name` in this class's impl blocks, in a fixed order: the
    /// inherent function or the operator method of that registry key (`"Add::add"`), else
    /// the operator method of that name in the operator table (`"add"` finds `"Add::add"`);
    /// one entry per `impl Add<Rhs>`.
    pub(crate) fn functions(&'static self, name: &str) -> Vec<&'static MethodEntry> {
        if let Some(found) = self.methods().get(name) {
            return found.clone();
        }
        OperatorMethod::named(name)
            .and_then(|method| self.methods().get(method.key().as_str()))
            .cloned()
            .unwrap_or_default()
    }

    /// Of an instantiation without a function `name`: the other instantiations whose impls
    /// of one instantiation (`impl Stack<f64>`) define it, as types show them (rustc's note
    /// "the method was found for"), with one such entry.
    pub(crate) fn found_for_others(
        &'static self,
        name: &str,
    ) -> Option<(Vec<String>, &'static MethodEntry)> {
        let family = self.family?;
        let entries: Vec<&'static MethodEntry> = METHODS
            .iter()
            .filter(|m| std::ptr::eq((m.class)(), family) && m.name == name)
            .collect();
        let mut shown: Vec<String> = entries
            .iter()
            .filter_map(|m| m.instantiation)
            .map(|args| {
                let args: Vec<String> = args().iter().map(ToString::to_string).collect();
                format!("`{}<{}>`", family.desc.name, args.join(", "))
            })
            .collect();
        shown.sort();
        shown.dedup();
        Some((shown, *entries.first()?))
    }

    /// Of a family, the type arguments of its impls of one instantiation (`impl
    /// Stack<f64>`) that define a function `name`, each once.
    pub(crate) fn instantiations_defining(&'static self, name: &str) -> Vec<Vec<Type>> {
        let mut found: Vec<Vec<Type>> = Vec::new();
        for args in METHODS
            .iter()
            .filter(|m| std::ptr::eq((m.class)(), self) && m.name == name)
            .filter_map(|m| m.instantiation)
        {
            let args = args();
            if !found.contains(&args) {
                found.push(args);
            }
        }
        found
    }

    /// The dispatcher of the function `name` of this class (`"new"`, `"Add::add"`), to
    /// inspect its compiled signatures and compile count.
    pub fn dispatcher(&'static self, name: &str) -> Option<&'static Dispatcher> {
        match self.functions(name).as_slice() {
            [one] => Some(one.dispatcher),
            _ => None,
        }
    }

    /// The names of this class's functions, sorted.
    pub fn method_names(&'static self) -> Vec<&'static str> {
        let mut names: Vec<&'static str> = self.methods().keys().copied().collect();
        names.sort_unstable();
        names
    }

    fn methods(&'static self) -> &'static HashMap<&'static str, Vec<&'static MethodEntry>> {
        self.methods.get_or_init(|| {
            let mut by_name: HashMap<&'static str, Vec<&'static MethodEntry>> = HashMap::new();
            // An instantiation's functions are its family's impl blocks'.
            let owner = self.family.unwrap_or(self);
            // An impl of one instantiation is that instantiation's alone; a family (its
            // arguments not known yet) has only the functions of every instantiation.
            let of_self = |m: &MethodEntry| {
                m.instantiation
                    .is_none_or(|args| self.family.is_some() && args() == self.type_args)
            };
            for m in METHODS
                .iter()
                .filter(|m| std::ptr::eq((m.class)(), owner) && of_self(m))
            {
                by_name.entry(m.name).or_default().push(m);
            }
            // Link order is not source order: sort impls of one operator by location.
            for entries in by_name.values_mut() {
                entries.sort_by_key(|m| (m.dispatcher.module_path(), m.dispatcher.name()));
            }
            by_name
        })
    }

    /// The kind of this class's blocks (made at the first call, then kept by its drop
    /// info): what JIT code allocates an instance of (`jitclass_rt_alloc_block`).
    pub(crate) fn block_kind(&'static self) -> Result<&'static BlockKind, String> {
        let drop_info = self.drop_info()?;
        drop_info
            .kind(|| {
                // SAFETY: the drop info holds the offsets of the payload's members, 8-byte
                // `*mut MemInfo`s in the layout `decode` checked against rustc's.
                unsafe {
                    BlockKind::new(
                        self.payload_layout(),
                        Some(drop_info),
                        self.allocator(),
                        None,
                    )
                }
            })
            .ok_or_else(|| {
                format!(
                    "the instances of `{}` ({} bytes, aligned to {}) do not fit a block",
                    self.desc.name, self.desc.size, self.desc.align
                )
            })
    }
}

impl fmt::Debug for ClassInfo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClassInfo")
            .field("name", &self.desc.name)
            .field("size", &self.desc.size)
            .field("align", &self.desc.align)
            .finish()
    }
}

/// `JitArg` / `JitType` of a class, written once here; the macro's impls call these.
#[doc(hidden)]
pub mod abi {
    use super::*;

    pub fn jit_type<C: JitClass>() -> Type {
        C::class_info().jit_type()
    }

    /// Borrows the instance for the duration of a call (the caller keeps its handle).
    pub fn to_repr<C: JitClass>(c: &C) -> RawInstance {
        c.handle().raw()
    }

    /// Takes over a reference JIT code returned.
    ///
    /// # Safety
    /// `raw` is an owned reference to an instance of `C`.
    pub unsafe fn from_repr<C: JitClass>(raw: RawInstance) -> C {
        // SAFETY: guaranteed by the caller.
        C::from_handle(unsafe { Handle::from_raw(raw) })
    }

    /// `C`'s name if `c` is unmanaged (`JitType::unmanaged_class`).
    #[inline(always)]
    pub fn unmanaged_class<C: JitClass>(c: &C) -> Option<&'static str> {
        (!c.handle().is_managed()).then(|| C::class_info().name())
    }

    /// A new reference to the instance `raw` borrows.
    ///
    /// # Safety
    /// `raw` is a live instance of `C`.
    pub unsafe fn clone_from_repr<C: JitClass>(raw: &RawInstance) -> C {
        // SAFETY: the borrowed reference keeps the block alive while we add ours.
        unsafe { MemInfo::incref(raw.meminfo) };
        // SAFETY: we now own the reference just added.
        unsafe { from_repr(*raw) }
    }
}
