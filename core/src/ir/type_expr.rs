//! Types as written in the source (`TypeExpr`), before generic arguments and class
//! references are resolved to concrete `Type`s.

use super::{ClassRefId, ConstId, OpaqueRefId, TraitRefId};
use crate::types::{DynPointer, PrimTy, Type};
use serde::{Deserialize, Serialize};

/// A type as written in the source.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
// Decoded through `limits::decode_nested` (the impls below), so that a corrupt IR cannot
// nest types deeper than the native stack allows.
#[serde(remote = "Self")]
pub enum TypeExpr {
    /// A primitive: `f64`, `bool`, ...
    Prim(PrimTy),
    /// `()`.
    Unit,
    /// `(A, B, ..)`.
    Tuple(Vec<TypeExpr>),
    /// `&[T]` / `&mut [T]`: only as a whole parameter type.
    Slice {
        /// The element type.
        elem: Box<TypeExpr>,
        /// `&mut [T]`.
        mutable: bool,
    },
    /// A generic parameter of the function, by index into `FnIr::generics`.
    Generic(u32),
    /// `Option<T>`.
    Option(Box<TypeExpr>),
    /// `Vec<T>`.
    Vec(Box<TypeExpr>),
    /// `[T; N]`.
    Array {
        /// The element type.
        elem: Box<TypeExpr>,
        /// `N`.
        len: ArrayLen,
    },
    /// A `#[jitclass]` type (also `Self` inside an impl), by index into `FnIr::classes`.
    Class(ClassRefId),
    /// `PassThru<T>`, by index into `FnIr::opaques` (or `ClassIr::opaques`).
    PassThru(OpaqueRefId),
    /// `*mut T` / `*const T`.
    Ptr {
        /// The pointed-to type.
        pointee: Box<TypeExpr>,
        /// `*mut T` rather than `*const T`.
        mutable: bool,
    },
    /// `&T` / `&mut T`: only as the return type of `Index::index` / `IndexMut::index_mut`.
    Ref {
        /// The referenced type.
        inner: Box<TypeExpr>,
        /// `&mut T`.
        mutable: bool,
    },
    /// `extern "C" fn(A..) -> R`: C scalars in and out.
    FnPtr {
        /// The parameter types.
        params: Vec<TypeExpr>,
        /// The result type (`()` if none is written).
        ret: Box<TypeExpr>,
    },
    /// `&str`.
    Str,
    /// `String`.
    String,
    /// `HashMap<K, V>` (std's, with its default hasher).
    Map {
        /// `K`.
        key: Box<TypeExpr>,
        /// `V`.
        value: Box<TypeExpr>,
    },
    /// `!`, which users cannot write: the value type of `HashSet<K>`, a map whose values
    /// never exist (`Type::set`).
    Never,
    /// `_` in a `let` annotation or a cast target: inferred.
    Infer,
    /// A trait object of a `#[jit] trait`: `Box<dyn T>`, `&dyn T`, `&mut dyn T`.
    Dyn {
        /// The trait, by index into `FnIr::traits`.
        trait_ref: TraitRefId,
        /// How it is held.
        pointer: DynPointer,
    },
    /// An already resolved type: how the runtime hands a callee's signature, whose class
    /// references belong to the callee, to the caller's inference. Never serialised.
    /// Last: serde numbers the variants it decodes without the skipped ones, so a skipped
    /// variant before another would shift that one's index between encoding and decoding.
    #[serde(skip)]
    Concrete(Type),
    /// A generic class applied to type arguments not all known yet: how the runtime hands
    /// a callee's signature that names `Stack<T>` with the callee's own generic `T` (or
    /// `Self` of a generic class's function seen through its family) to the caller's
    /// inference, which resolves it to the instantiation (`Callees::member`) once the
    /// arguments are known. `family` is the generic class's key (`Callees::family`).
    /// Never serialised (after `Concrete`, for the reason given there).
    #[serde(skip)]
    Applied {
        /// The generic class (its family's key, not an instantiation's).
        family: crate::types::ClassKey,
        /// Its type arguments, in declaration order.
        args: Vec<TypeExpr>,
    },
}

/// The length `N` of an array type or of `[value; N]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ArrayLen {
    /// An integer literal (or a resolved constant).
    Lit(u64),
    /// A constant expression rustc evaluates (`FnIr::consts`, `ClassIr::consts`): `N`,
    /// `N * 2`; the runtime replaces it by its value before inference.
    Const(ConstId),
}

impl ArrayLen {
    /// The length, if it is known (always, once the runtime resolved the constants).
    pub fn known(self) -> Option<u64> {
        match self {
            ArrayLen::Lit(n) => Some(n),
            ArrayLen::Const(_) => None,
        }
    }
}

impl std::fmt::Display for ArrayLen {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ArrayLen::Lit(n) => write!(f, "{n}"),
            ArrayLen::Const(c) => write!(f, "k{}", c.0),
        }
    }
}

/// Serialised as derived (`remote = "Self"` names the derived code `TypeExpr::serialize`
/// and `TypeExpr::deserialize`); decoding counts the nesting.
impl Serialize for TypeExpr {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        TypeExpr::serialize(self, serializer)
    }
}

impl<'de> Deserialize<'de> for TypeExpr {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::limits::decode_nested(deserializer, TypeExpr::deserialize)
    }
}

impl TypeExpr {
    /// The largest generic parameter index this type mentions.
    pub fn max_generic(&self) -> Option<u32> {
        let mut max = None;
        self.for_each_part(&mut |t| {
            if let TypeExpr::Generic(i) = t {
                max = max.max(Some(*i));
            }
        });
        max
    }

    /// The largest class ref index this type mentions.
    pub fn max_class(&self) -> Option<u32> {
        let mut max = None;
        self.for_each_item(&mut |item| {
            if let super::ItemUse::Class(c) = item {
                max = max.max(Some(c.0));
            }
        });
        max
    }

    /// The largest trait ref index this type's trait objects mention.
    pub fn max_trait(&self) -> Option<u32> {
        let mut max = None;
        self.for_each_part(&mut |t| {
            if let TypeExpr::Dyn { trait_ref, .. } = t {
                max = max.max(Some(trait_ref.0));
            }
        });
        max
    }

    /// Whether an already resolved type is inside (never in serialised IR).
    pub(crate) fn has_concrete(&self) -> bool {
        let mut found = false;
        self.for_each_part(&mut |t| {
            found |= matches!(t, TypeExpr::Concrete(_) | TypeExpr::Applied { .. })
        });
        found
    }

    /// Replaces every reference to a named type (`Class`, `PassThru`) by what `resolve`
    /// makes of it (`None`: kept).
    pub fn map_refs(&self, resolve: &mut dyn FnMut(&TypeExpr) -> Option<TypeExpr>) -> TypeExpr {
        if let Some(t) = resolve(self) {
            return t;
        }
        match self {
            TypeExpr::Tuple(es) => {
                TypeExpr::Tuple(es.iter().map(|e| e.map_refs(resolve)).collect())
            }
            TypeExpr::Slice { elem, mutable } => TypeExpr::Slice {
                elem: Box::new(elem.map_refs(resolve)),
                mutable: *mutable,
            },
            TypeExpr::Option(inner) => TypeExpr::Option(Box::new(inner.map_refs(resolve))),
            TypeExpr::Vec(elem) => TypeExpr::Vec(Box::new(elem.map_refs(resolve))),
            TypeExpr::Map { key, value } => TypeExpr::Map {
                key: Box::new(key.map_refs(resolve)),
                value: Box::new(value.map_refs(resolve)),
            },
            TypeExpr::Array { elem, len } => TypeExpr::Array {
                elem: Box::new(elem.map_refs(resolve)),
                len: *len,
            },
            TypeExpr::Ref { inner, mutable } => TypeExpr::Ref {
                inner: Box::new(inner.map_refs(resolve)),
                mutable: *mutable,
            },
            TypeExpr::Ptr { pointee, mutable } => TypeExpr::Ptr {
                pointee: Box::new(pointee.map_refs(resolve)),
                mutable: *mutable,
            },
            TypeExpr::FnPtr { params, ret } => TypeExpr::FnPtr {
                params: params.iter().map(|p| p.map_refs(resolve)).collect(),
                ret: Box::new(ret.map_refs(resolve)),
            },
            TypeExpr::Applied { family, args } => TypeExpr::Applied {
                family: family.clone(),
                args: args.iter().map(|a| a.map_refs(resolve)).collect(),
            },
            TypeExpr::Prim(_)
            | TypeExpr::Unit
            | TypeExpr::Never
            | TypeExpr::Str
            | TypeExpr::String
            | TypeExpr::Generic(_)
            | TypeExpr::Class(_)
            | TypeExpr::PassThru(_)
            | TypeExpr::Dyn { .. }
            | TypeExpr::Concrete(_)
            | TypeExpr::Infer => self.clone(),
        }
    }
}
