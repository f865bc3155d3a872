//! Inference types and unification: `Ty` (a `Type` with type variables and `Unknown`),
//! written types as `Ty`s, Rust's literal variables, unification and coercion, and the
//! way back to concrete `Type`s.
//!
//! A variable is bound at most once, never to a type containing it (the occurs check); an
//! integer (float) literal's variable only to an integer (float) primitive, so that
//! `{integer}` stays `{integer}` until something types it or the default does. `Unknown`
//! unifies with everything, so that one error (or a callee unknown at macro time) does not
//! cascade into others.

use super::generic_origin::Origin;
use super::{Infer, Mode};
use crate::ir::{ArrayLen, LocId, OpaqueRefId, TypeExpr};
use crate::types::{ClassKey, DynPointer, OpaqueKey, PrimTy, TraitKey, Type};

/// Converts a written type to a concrete one, given the generic arguments.
pub fn concrete_type(te: &TypeExpr, type_args: &[Type]) -> Option<Type> {
    Some(match te {
        TypeExpr::Prim(p) => Type::Prim(*p),
        TypeExpr::Unit => Type::Unit,
        TypeExpr::Str => Type::Str,
        TypeExpr::String => Type::String,
        TypeExpr::Tuple(es) => Type::Tuple(
            es.iter()
                .map(|e| concrete_type(e, type_args))
                .collect::<Option<_>>()?,
        ),
        TypeExpr::Slice { elem, mutable } => Type::Slice {
            elem: Box::new(concrete_type(elem, type_args)?),
            mutable: *mutable,
        },
        TypeExpr::Generic(i) => type_args.get(*i as usize)?.clone(),
        TypeExpr::Option(inner) => Type::Option(Box::new(concrete_type(inner, type_args)?)),
        TypeExpr::Vec(elem) => Type::Vec(Box::new(concrete_type(elem, type_args)?)),
        TypeExpr::Never => Type::Never,
        TypeExpr::Map { key, value } => Type::Map {
            key: Box::new(concrete_type(key, type_args)?),
            value: Box::new(concrete_type(value, type_args)?),
        },
        TypeExpr::Array { elem, len } => Type::Array {
            elem: Box::new(concrete_type(elem, type_args)?),
            len: len.known()?,
        },
        TypeExpr::Concrete(t) => t.clone(),
        TypeExpr::PassThru(_) | TypeExpr::Dyn { .. } => return None,
        TypeExpr::Ptr { pointee, mutable } => Type::Ptr {
            pointee: Box::new(concrete_type(pointee, type_args)?),
            mutable: *mutable,
        },
        TypeExpr::Ref { inner, mutable } => Type::Ref {
            inner: Box::new(concrete_type(inner, type_args)?),
            mutable: *mutable,
        },
        TypeExpr::FnPtr { params, ret } => Type::FnPtr {
            params: params
                .iter()
                .map(|p| concrete_type(p, type_args))
                .collect::<Option<_>>()?,
            ret: Box::new(concrete_type(ret, type_args)?),
        },
        // An instantiation is the runtime's to make (`Callees::member`).
        TypeExpr::Class(_) | TypeExpr::Applied { .. } | TypeExpr::Infer => return None,
    })
}

/// A type during inference.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Ty {
    Prim(PrimTy),
    Unit,
    Never,
    Tuple(Vec<Ty>),
    Slice(Box<Ty>, bool),
    /// `&str`.
    Str,
    /// `String`.
    String,
    Option(Box<Ty>),
    Vec(Box<Ty>),
    /// `HashMap<K, V>`.
    Map(Box<Ty>, Box<Ty>),
    /// `[T; N]`; `N` is a constant only at macro time, where its value is unknown.
    Array(Box<Ty>, ArrayLen),
    Class(ClassKey),
    /// A generic class (its family's key) applied to arguments not all known yet
    /// (`Stack<?T>`); once they are, `resolve` gives the member (`applied.rs`).
    Applied(ClassKey, Vec<Ty>),
    Ref(Box<Ty>, bool),
    Ptr(Box<Ty>, bool),
    PassThru(OpaqueKey),
    /// A trait object (`Type::Dyn`).
    Dyn(TraitKey, DynPointer),
    FnPtr(Vec<Ty>, Box<Ty>),
    Var(u32),
    /// Unknown at macro time, or after an error: compatible with everything.
    Unknown,
}

/// What a type variable may become.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum VarKind {
    General,
    /// An unsuffixed integer literal's type (`{integer}`): an integer primitive.
    Int,
    /// An unsuffixed float literal's type (`{float}`): a float primitive.
    Float,
}

#[derive(Clone, Debug)]
pub(super) enum VarState {
    Unbound(VarKind),
    Bound(Ty),
}

impl Infer<'_> {
    pub(super) fn fresh(&mut self, kind: VarKind) -> Ty {
        self.vars.push(VarState::Unbound(kind));
        Ty::Var(self.vars.len() as u32 - 1)
    }

    /// A concrete type as an inference type.
    pub(super) fn ty_of_type(t: &Type) -> Ty {
        match t {
            Type::Prim(p) => Ty::Prim(*p),
            Type::Unit => Ty::Unit,
            Type::Never => Ty::Never,
            Type::Str => Ty::Str,
            Type::String => Ty::String,
            Type::Tuple(es) => Ty::Tuple(es.iter().map(Self::ty_of_type).collect()),
            Type::Slice { elem, mutable } => Ty::Slice(Box::new(Self::ty_of_type(elem)), *mutable),
            Type::Option(inner) => Ty::Option(Box::new(Self::ty_of_type(inner))),
            Type::Vec(elem) => Ty::Vec(Box::new(Self::ty_of_type(elem))),
            Type::Map { key, value } => Ty::Map(
                Box::new(Self::ty_of_type(key)),
                Box::new(Self::ty_of_type(value)),
            ),
            Type::Array { elem, len } => {
                Ty::Array(Box::new(Self::ty_of_type(elem)), ArrayLen::Lit(*len))
            }
            Type::Class(k) => Ty::Class(k.clone()),
            Type::Ref { inner, mutable } => Ty::Ref(Box::new(Self::ty_of_type(inner)), *mutable),
            Type::PassThru(k) => Ty::PassThru(k.clone()),
            Type::Dyn { key, pointer } => Ty::Dyn(key.clone(), *pointer),
            Type::Ptr { pointee, mutable } => {
                Ty::Ptr(Box::new(Self::ty_of_type(pointee)), *mutable)
            }
            Type::FnPtr { params, ret } => Ty::FnPtr(
                params.iter().map(Self::ty_of_type).collect(),
                Box::new(Self::ty_of_type(ret)),
            ),
        }
    }

    /// A type written in this function (its generics are this specialisation's; `_` a
    /// fresh variable).
    pub(super) fn ty_of_expr_type(&mut self, te: &TypeExpr, _loc: LocId) -> Ty {
        self.ty_of_expr_type_with(te, None)
    }

    /// `generics`: substitution for a callee's own generics; `None` means ours.
    pub(super) fn ty_of_expr_type_with(&mut self, te: &TypeExpr, generics: Option<&[Ty]>) -> Ty {
        match te {
            TypeExpr::Prim(p) => Ty::Prim(*p),
            TypeExpr::Unit => Ty::Unit,
            TypeExpr::Str => Ty::Str,
            TypeExpr::String => Ty::String,
            TypeExpr::Tuple(es) => Ty::Tuple(
                es.iter()
                    .map(|e| self.ty_of_expr_type_with(e, generics))
                    .collect(),
            ),
            TypeExpr::Slice { elem, mutable } => Ty::Slice(
                Box::new(self.ty_of_expr_type_with(elem, generics)),
                *mutable,
            ),
            TypeExpr::Option(inner) => {
                Ty::Option(Box::new(self.ty_of_expr_type_with(inner, generics)))
            }
            TypeExpr::Vec(elem) => Ty::Vec(Box::new(self.ty_of_expr_type_with(elem, generics))),
            TypeExpr::Never => Ty::Never,
            TypeExpr::Map { key, value } => Ty::Map(
                Box::new(self.ty_of_expr_type_with(key, generics)),
                Box::new(self.ty_of_expr_type_with(value, generics)),
            ),
            TypeExpr::Array { elem, len } => {
                Ty::Array(Box::new(self.ty_of_expr_type_with(elem, generics)), *len)
            }
            TypeExpr::Generic(i) => match generics {
                Some(g) => g[*i as usize].clone(),
                // At macro time a generic body's parameters are not known: `Unknown`,
                // which fits anything, so only errors that hold for every type remain.
                None => match self.type_args.get(*i as usize) {
                    Some(t) if self.is_trait_bounded(*i) => {
                        let t = Self::ty_of_type(t);
                        self.with_origin(t, Origin::Param(*i))
                    }
                    Some(t) => Self::ty_of_type(t),
                    None => Ty::Unknown,
                },
            },
            TypeExpr::Class(c) => match self.class_ty(*c, self.ir.loc) {
                // Its fields declared with the class's generics are the written arguments.
                t @ Ty::Class(_) if generics.is_none() && !self.ir.generics.is_empty() => {
                    self.with_origin(t, Origin::Class(*c))
                }
                t => t,
            },
            TypeExpr::Ref { inner, mutable } => Ty::Ref(
                Box::new(self.ty_of_expr_type_with(inner, generics)),
                *mutable,
            ),
            TypeExpr::PassThru(o) => self.opaque_ty(*o),
            TypeExpr::Dyn { trait_ref, pointer } => match self.callees.dyn_trait_key(*trait_ref) {
                Some(key) => Ty::Dyn(key, *pointer),
                None => self.macro_time_dyn(*trait_ref, *pointer),
            },
            TypeExpr::Ptr { pointee, mutable } => Ty::Ptr(
                Box::new(self.ty_of_expr_type_with(pointee, generics)),
                *mutable,
            ),
            TypeExpr::FnPtr { params, ret } => Ty::FnPtr(
                params
                    .iter()
                    .map(|p| self.ty_of_expr_type_with(p, generics))
                    .collect(),
                Box::new(self.ty_of_expr_type_with(ret, generics)),
            ),
            TypeExpr::Concrete(t) => Self::ty_of_type(t),
            TypeExpr::Applied { family, args } => {
                let args = args
                    .iter()
                    .map(|a| self.ty_of_expr_type_with(a, generics))
                    .collect();
                Ty::Applied(family.clone(), args)
            }
            TypeExpr::Infer => self.fresh(VarKind::General),
        }
    }

    /// The type of a `PassThru<T>`: keyed by `T`'s identity at run time, by its written
    /// name at macro time (where two names for one type only lose an error, which rustc's
    /// check of the body then reports).
    fn opaque_ty(&mut self, opaque: OpaqueRefId) -> Ty {
        Ty::PassThru(self.callees.opaque(opaque).unwrap_or_else(|| {
            let name = self.ir.opaques[opaque.index()].clone();
            let id = name.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
                (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
            });
            OpaqueKey { id, name }
        }))
    }

    /// `t` with its outermost bound variables followed; a generic class applied to
    /// arguments all known is their member (`applied.rs`).
    pub(super) fn resolve(&self, t: &Ty) -> Ty {
        let mut t = t.clone();
        while let Ty::Var(v) = t {
            match &self.vars[v as usize] {
                VarState::Bound(b) => t = b.clone(),
                VarState::Unbound(_) => return Ty::Var(v),
            }
        }
        match t {
            Ty::Applied(family, args) => self.applied_member(family, args),
            t => t,
        }
    }

    pub(super) fn var_kind(&self, v: u32) -> VarKind {
        match self.vars[v as usize] {
            VarState::Unbound(k) => k,
            VarState::Bound(_) => unreachable!("var_kind of a bound variable"),
        }
    }

    fn occurs(&self, v: u32, t: &Ty) -> bool {
        match self.resolve(t) {
            Ty::Var(w) => v == w,
            Ty::Tuple(es) => es.iter().any(|e| self.occurs(v, e)),
            Ty::FnPtr(ps, r) => ps.iter().any(|e| self.occurs(v, e)) || self.occurs(v, &r),
            Ty::Map(k, x) => self.occurs(v, &k) || self.occurs(v, &x),
            Ty::Applied(_, args) => args.iter().any(|a| self.occurs(v, a)),
            Ty::Slice(e, _)
            | Ty::Option(e)
            | Ty::Vec(e)
            | Ty::Array(e, _)
            | Ty::Ref(e, _)
            | Ty::Ptr(e, _) => self.occurs(v, &e),
            _ => false,
        }
    }

    /// Makes `a` and `b` one type, binding variables; `Err` if they cannot be.
    pub(super) fn unify(&mut self, a: &Ty, b: &Ty) -> Result<(), ()> {
        // A variable is bound to the other side as written where known (`let t = s` of
        // a parameter `s: S` is of type `S`: `generic_origin.rs`).
        let (written_a, written_b) = (self.resolve_to_origin(a), self.resolve_to_origin(b));
        let (a, b) = (self.resolve(a), self.resolve(b));
        match (&a, &b) {
            (Ty::Unknown, _) | (_, Ty::Unknown) => Ok(()),
            (Ty::Var(x), Ty::Var(y)) if x == y => Ok(()),
            (Ty::Var(x), Ty::Var(y)) => {
                let kind = match (self.var_kind(*x), self.var_kind(*y)) {
                    (VarKind::General, k) | (k, VarKind::General) => k,
                    (k1, k2) if k1 == k2 => k1,
                    _ => return Err(()),
                };
                self.vars[*y as usize] = VarState::Unbound(kind);
                self.vars[*x as usize] = VarState::Bound(Ty::Var(*y));
                Ok(())
            }
            (Ty::Var(x), t) | (t, Ty::Var(x)) => {
                let ok = match (self.var_kind(*x), t) {
                    (VarKind::General, _) => !self.occurs(*x, t) && *t != Ty::Never,
                    (VarKind::Int, Ty::Prim(p)) => p.is_int(),
                    (VarKind::Float, Ty::Prim(p)) => p.is_float(),
                    _ => false,
                };
                if ok {
                    let written = if matches!(a, Ty::Var(v) if v == *x) {
                        written_b
                    } else {
                        written_a
                    };
                    self.vars[*x as usize] = VarState::Bound(written);
                    Ok(())
                } else {
                    Err(())
                }
            }
            (Ty::Prim(p), Ty::Prim(q)) if p == q => Ok(()),
            (Ty::Unit, Ty::Unit)
            | (Ty::Never, Ty::Never)
            | (Ty::Str, Ty::Str)
            | (Ty::String, Ty::String) => Ok(()),
            (Ty::Tuple(x), Ty::Tuple(y)) if x.len() == y.len() => {
                for (p, q) in x.iter().zip(y) {
                    self.unify(p, q)?;
                }
                Ok(())
            }
            (Ty::Slice(x, mx), Ty::Slice(y, my)) if mx == my => self.unify(x, y),
            (Ty::Option(x), Ty::Option(y)) | (Ty::Vec(x), Ty::Vec(y)) => self.unify(x, y),
            (Ty::Map(kx, vx), Ty::Map(ky, vy)) => {
                self.unify(kx, ky)?;
                self.unify(vx, vy)
            }
            (Ty::Array(x, nx), Ty::Array(y, ny)) if same_len(*nx, *ny) => self.unify(x, y),
            (Ty::Class(x), Ty::Class(y)) if x == y => Ok(()),
            (Ty::Applied(..), Ty::Applied(..) | Ty::Class(_)) | (Ty::Class(_), Ty::Applied(..)) => {
                self.unify_applied(&a, &b)
            }
            (Ty::Ref(x, mx), Ty::Ref(y, my)) if mx == my => self.unify(x, y),
            (Ty::Ptr(x, mx), Ty::Ptr(y, my)) if mx == my => self.unify(x, y),
            (Ty::FnPtr(px, rx), Ty::FnPtr(py, ry)) if px.len() == py.len() => {
                for (p, q) in px.iter().zip(py) {
                    self.unify(p, q)?;
                }
                self.unify(rx, ry)
            }
            (Ty::PassThru(x), Ty::PassThru(y)) if x == y => Ok(()),
            (Ty::Dyn(x, px), Ty::Dyn(y, py)) if x == y && px == py => Ok(()),
            // At macro time a trait object's key is its trait's path as written: two
            // spellings may name one trait, which rustc's check of the body tells.
            (Ty::Dyn(_, px), Ty::Dyn(_, py)) if px == py && self.mode == Mode::MacroTime => Ok(()),
            // Two spellings may name one type (`String`, `std::string::String`, an
            // alias): only rustc can tell, so the glue asks it.
            (Ty::PassThru(x), Ty::PassThru(y)) if self.mode == Mode::MacroTime => {
                let index = |name: &str| {
                    self.ir
                        .opaques
                        .iter()
                        .position(|o| o == name)
                        .map(|i| i as u32)
                };
                // In the order written, so that rustc points at the later one: usually
                // the use (an `objmode!` input) rather than the declaration.
                if let (Some(a), Some(b)) = (index(&x.name), index(&y.name))
                    && !self.opaque_equalities.contains(&(a.min(b), a.max(b)))
                {
                    self.opaque_equalities.push((a.min(b), a.max(b)));
                }
                Ok(())
            }
            _ => Err(()),
        }
    }

    /// Like `unify`, but a diverging `actual` fits any `expected`.
    pub(super) fn coerce(&mut self, actual: &Ty, expected: &Ty) -> Result<(), ()> {
        match (self.resolve(actual), self.resolve(expected)) {
            (Ty::Never, _) => Ok(()),
            // A `&mut [T]` is usable where a `&[T]` is expected, as in Rust.
            (Ty::Slice(a, true), Ty::Slice(e, false)) => self.unify(&a, &e),
            _ => self.unify(actual, expected),
        }
    }

    /// `coerce`, reporting a mismatch at `loc`.
    pub(super) fn coerce_at(&mut self, actual: &Ty, expected: &Ty, loc: LocId) {
        if self.coerce(actual, expected).is_err() {
            let d = self.mismatch(loc, expected, actual);
            self.diags.push(d);
        }
    }

    pub(super) fn is_unknownish(&self, t: &Ty) -> bool {
        matches!(self.resolve(t), Ty::Unknown)
    }

    /// Whether `t` has an `Unknown` part (at macro time, a generic parameter's, say), which
    /// a message would show as `_`.
    pub(super) fn mentions_unknown(&self, t: &Ty) -> bool {
        match self.resolve(t) {
            Ty::Unknown => true,
            Ty::Tuple(es) => es.iter().any(|e| self.mentions_unknown(e)),
            Ty::Slice(e, _)
            | Ty::Option(e)
            | Ty::Vec(e)
            | Ty::Array(e, _)
            | Ty::Ref(e, _)
            | Ty::Ptr(e, _) => self.mentions_unknown(&e),
            Ty::FnPtr(ps, r) => {
                ps.iter().any(|p| self.mentions_unknown(p)) || self.mentions_unknown(&r)
            }
            Ty::Map(k, v) => self.mentions_unknown(&k) || self.mentions_unknown(&v),
            Ty::Applied(_, args) => args.iter().any(|a| self.mentions_unknown(a)),
            Ty::Prim(_)
            | Ty::Unit
            | Ty::Never
            | Ty::Str
            | Ty::String
            | Ty::Class(_)
            | Ty::PassThru(_)
            | Ty::Dyn(..)
            | Ty::Var(_) => false,
        }
    }

    /// Whether `t` could turn out to be `expected` (a literal of the right kind, say).
    pub(super) fn may_be(&self, t: &Ty, expected: &Type) -> bool {
        match (self.resolve(t), expected) {
            (Ty::Var(v), Type::Prim(p)) => match self.var_kind(v) {
                VarKind::Int => p.is_int(),
                VarKind::Float => p.is_float(),
                VarKind::General => true,
            },
            (Ty::Var(v), _) => self.var_kind(v) == VarKind::General,
            (Ty::Unknown, _) => true,
            (t, e) => self.concrete(&t).as_ref() == Some(e),
        }
    }

    /// `t` as rustc spells it in messages: `{integer}` for an integer literal's variable,
    /// `_` for what is not known.
    pub(super) fn show(&self, t: &Ty) -> String {
        match self.resolve(t) {
            Ty::Prim(p) => p.to_string(),
            Ty::Unit => "()".into(),
            Ty::Never => "!".into(),
            Ty::Str => "&str".into(),
            Ty::String => "String".into(),
            Ty::Tuple(es) => {
                let inner: Vec<String> = es.iter().map(|e| self.show(e)).collect();
                if inner.len() == 1 {
                    format!("({},)", inner[0])
                } else {
                    format!("({})", inner.join(", "))
                }
            }
            Ty::Slice(e, m) => format!("&{}[{}]", if m { "mut " } else { "" }, self.show(&e)),
            Ty::Option(e) => format!("Option<{}>", self.show(&e)),
            Ty::Vec(e) => format!("Vec<{}>", self.show(&e)),
            Ty::Map(k, v) if *v == Ty::Never => format!("HashSet<{}>", self.show(&k)),
            Ty::Map(k, v) => format!("HashMap<{}, {}>", self.show(&k), self.show(&v)),
            Ty::Array(e, ArrayLen::Lit(n)) => format!("[{}; {n}]", self.show(&e)),
            Ty::Array(e, ArrayLen::Const(c)) => {
                format!("[{}; {}]", self.show(&e), self.ir.consts[c.index()].shown)
            }
            Ty::Class(k) => k.name,
            Ty::Applied(family, args) => {
                let args: Vec<String> = args.iter().map(|a| self.show(a)).collect();
                format!("{}<{}>", family.name, args.join(", "))
            }
            Ty::Ref(e, m) => format!("&{}{}", if m { "mut " } else { "" }, self.show(&e)),
            Ty::Ptr(e, m) => format!("*{} {}", if m { "mut" } else { "const" }, self.show(&e)),
            Ty::PassThru(k) => format!("PassThru<{}>", k.name),
            Ty::Dyn(key, pointer) => Type::Dyn { key, pointer }.to_string(),
            Ty::FnPtr(ps, r) => {
                let params: Vec<String> = ps.iter().map(|p| self.show(p)).collect();
                let ret = match self.resolve(&r) {
                    Ty::Unit => String::new(),
                    _ => format!(" -> {}", self.show(&r)),
                };
                format!("extern \"C\" fn({}){ret}", params.join(", "))
            }
            Ty::Var(v) => match self.var_kind(v) {
                VarKind::Int => "{integer}".into(),
                VarKind::Float => "{float}".into(),
                VarKind::General => "_".into(),
            },
            Ty::Unknown => "_".into(),
        }
    }

    /// A fully known type, if `t` has no variables or unknowns left.
    pub(super) fn concrete(&self, t: &Ty) -> Option<Type> {
        Some(match self.resolve(t) {
            Ty::Prim(p) => Type::Prim(p),
            Ty::Unit => Type::Unit,
            Ty::Never => Type::Never,
            Ty::Str => Type::Str,
            Ty::String => Type::String,
            Ty::Tuple(es) => {
                Type::Tuple(es.iter().map(|e| self.concrete(e)).collect::<Option<_>>()?)
            }
            Ty::Slice(e, m) => Type::Slice {
                elem: Box::new(self.concrete(&e)?),
                mutable: m,
            },
            Ty::Option(e) => Type::Option(Box::new(self.concrete(&e)?)),
            Ty::Vec(e) => Type::Vec(Box::new(self.concrete(&e)?)),
            Ty::Map(k, v) => Type::Map {
                key: Box::new(self.concrete(&k)?),
                value: Box::new(self.concrete(&v)?),
            },
            Ty::Array(e, len) => Type::Array {
                elem: Box::new(self.concrete(&e)?),
                len: len.known()?,
            },
            Ty::Class(k) => Type::Class(k),
            // Its arguments are not all known (else `resolve` gave its member).
            Ty::Applied(..) => return None,
            Ty::Ref(e, mutable) => Type::Ref {
                inner: Box::new(self.concrete(&e)?),
                mutable,
            },
            Ty::PassThru(k) => Type::PassThru(k),
            Ty::Dyn(key, pointer) => Type::Dyn { key, pointer },
            Ty::Ptr(e, mutable) => Type::Ptr {
                pointee: Box::new(self.concrete(&e)?),
                mutable,
            },
            Ty::FnPtr(ps, r) => Type::FnPtr {
                params: ps.iter().map(|p| self.concrete(p)).collect::<Option<_>>()?,
                ret: Box::new(self.concrete(&r)?),
            },
            Ty::Var(_) | Ty::Unknown => return None,
        })
    }

    /// The primitive behind `t`, or `None` if it is not (yet) a primitive.
    pub(super) fn prim_or_skip(&self, t: &Ty) -> Option<PrimTy> {
        match self.resolve(t) {
            Ty::Prim(p) => Some(p),
            _ => None,
        }
    }
}

/// Whether two array lengths may be one: equal, or one of them a constant whose value
/// only rustc knows at macro time (rustc checks such bodies in their shadow, and the
/// runtime infers them with the values).
fn same_len(a: ArrayLen, b: ArrayLen) -> bool {
    match (a, b) {
        (ArrayLen::Lit(x), ArrayLen::Lit(y)) => x == y,
        (ArrayLen::Const(_), _) | (_, ArrayLen::Const(_)) => true,
    }
}
