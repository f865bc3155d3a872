//! The descriptors of `#[jit] trait`s ([`TraitInfo`]), which trait objects in jit code
//! dispatch through: each trait's declaration (`TraitIr`: its functions' signatures and
//! which of them the vtable holds), the getters of the classes and `PassThru` types those
//! signatures name, resolved by rustc beside the trait, and the link-time registry
//! [`TRAITS`] in which a body finds a trait by the identity its companion macro gives
//! (`Trait!(@jitclass_trait_id)`).

use crate::Type;
use crate::class::{ClassInfo, JitClass};
use jitclass_core::TraitKey;
use jitclass_core::infer::{DynTraitSig, TraitOf};
use jitclass_core::ir::{ClassRefId, TraitDispatch, TraitIr, TypeExpr};
use std::marker::PhantomData;
use std::ops::Deref;
use std::sync::OnceLock;

/// A `#[jit] trait`'s descriptor, one `static` beside the trait (its address is the
/// trait's `TraitKey`).
#[doc(hidden)]
pub struct TraitInfo {
    /// The trait's name, as written.
    pub name: &'static str,
    /// The trait's identity (`TraitOf::id`), which its impls' registry entries carry.
    pub id: &'static str,
    /// The postcard-encoded `TraitIr`.
    pub ir: &'static [u8],
    /// By `ClassRefId`: the class a signature names, `None` for a Rust type that is not a
    /// class (a method naming one is not callable through a trait object).
    pub classes: &'static [fn() -> Option<&'static ClassInfo>],
    /// By `OpaqueRefId`: the jit type of a `PassThru<T>` a signature names.
    pub opaques: &'static [fn() -> Type],
    /// The declaration with its types resolved, made once.
    decoded: OnceLock<Result<DynTraitSig, String>>,
}

/// Every `#[jit] trait` of the program.
#[doc(hidden)]
#[linkme::distributed_slice]
pub static TRAITS: [&'static TraitInfo];

impl TraitInfo {
    /// The descriptor the `#[jit] trait` macro emits.
    pub const fn new(
        name: &'static str,
        id: &'static str,
        ir: &'static [u8],
        classes: &'static [fn() -> Option<&'static ClassInfo>],
        opaques: &'static [fn() -> Type],
    ) -> TraitInfo {
        TraitInfo {
            name,
            id,
            ir,
            classes,
            opaques,
            decoded: OnceLock::new(),
        }
    }

    /// The trait's identity in jit types.
    pub fn key(&'static self) -> TraitKey {
        TraitKey {
            id: self as *const TraitInfo as usize,
            name: self.name.to_string(),
        }
    }

    /// The declaration as trait objects see it, its classes resolved: a method whose
    /// signature names a Rust type that is not a class becomes `TraitDispatch::Untyped`.
    pub(crate) fn signature(&'static self) -> Result<&'static DynTraitSig, String> {
        self.decoded
            .get_or_init(|| {
                let ir = TraitIr::decode(self.ir).map_err(|e| {
                    format!(
                        "cannot decode the declaration of the trait `{}` ({e}); were jitclass and jitclass-macros built from different versions?",
                        self.name
                    )
                })?;
                Ok(DynTraitSig {
                    of_trait: TraitOf {
                        name: self.name.to_string(),
                        id: self.id.to_string(),
                    },
                    ir: self.resolve(ir),
                })
            })
            .as_ref()
            .map_err(Clone::clone)
    }

    /// `ir` with its class and `PassThru` references resolved to concrete types.
    fn resolve(&self, mut ir: TraitIr) -> TraitIr {
        let classes: Vec<Option<Type>> = self
            .classes
            .iter()
            .map(|class| class().map(ClassInfo::jit_type))
            .collect();
        for m in &mut ir.methods {
            let TraitDispatch::Vtable { params, ret, .. } = &mut m.dispatch else {
                continue;
            };
            let mut not_a_class = None;
            let mut resolve = |t: &TypeExpr| {
                t.map_refs(&mut |t| match t {
                    TypeExpr::Class(ClassRefId(c)) => Some(match classes.get(*c as usize) {
                        Some(Some(ty)) => TypeExpr::Concrete(ty.clone()),
                        _ => {
                            not_a_class.get_or_insert(*c as usize);
                            TypeExpr::Infer
                        }
                    }),
                    TypeExpr::PassThru(o) => Some(match self.opaques.get(o.index()) {
                        Some(jit_type) => TypeExpr::Concrete(jit_type()),
                        None => TypeExpr::Infer,
                    }),
                    _ => None,
                })
            };
            let resolved: Vec<TypeExpr> = params.iter().map(&mut resolve).collect();
            let resolved_ret = resolve(ret);
            *params = resolved;
            *ret = resolved_ret;
            if let Some(c) = not_a_class {
                m.dispatch = TraitDispatch::Untyped(format!(
                    "`{}` is not a `#[jitclass]` type",
                    ir.classes[c]
                ));
            }
        }
        ir
    }
}

/// The descriptor of the `#[jit] trait` whose identity is `id`.
pub(crate) fn by_id(id: &str) -> Option<&'static TraitInfo> {
    TRAITS.iter().copied().find(|t| t.id == id)
}

/// The descriptor `key` identifies.
pub(crate) fn by_key(key: &TraitKey) -> Option<&'static TraitInfo> {
    TRAITS
        .iter()
        .copied()
        .find(|t| std::ptr::eq(*t, key.id as *const TraitInfo))
}

/// A type named by a trait's signature, as the descriptor's class getter sees it:
/// `ClassProbe::<T>::new().class_info()` is the class of `T`, or `None` through
/// [`NotAClass`] when `T` is a Rust type that is not a class (which the trait may name:
/// it is a real Rust trait, implemented by Rust types too).
#[doc(hidden)]
pub struct ClassProbe<T: ?Sized>(PhantomData<fn() -> *const T>);

impl<T: ?Sized> ClassProbe<T> {
    /// The probe of `T`.
    pub const fn new() -> Self {
        ClassProbe(PhantomData)
    }
}

impl<T: ?Sized> Default for ClassProbe<T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<T: JitClass> ClassProbe<T> {
    /// `T`'s class.
    pub fn class_info(&self) -> Option<&'static ClassInfo> {
        Some(T::class_info())
    }
}

/// What a [`ClassProbe`] of a type that is not a class derefs to.
#[doc(hidden)]
pub struct NotAClass;

impl NotAClass {
    /// No class.
    pub fn class_info(&self) -> Option<&'static ClassInfo> {
        None
    }
}

impl<T: ?Sized> Deref for ClassProbe<T> {
    type Target = NotAClass;
    fn deref(&self) -> &NotAClass {
        &NotAClass
    }
}
