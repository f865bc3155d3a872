//! Which values of a specialised generic body are of a bounded type parameter, as rustc
//! types the generic body: the types written with the function's generics are type
//! variables bound to this specialisation's types and remembered with what was written,
//! and unification keeps them, so `let t = s`, `(s, 1).0`, `v[i]` of a `Vec<S>`, a `for`
//! variable over `&[S]` and a generic class's field of type `T` (in `impl<T: Price>
//! Cart<T>`) are all known to be of type `S` / `T`, whose bounds alone give methods.

use super::Infer;
use super::unify::{Ty, VarKind, VarState};
use crate::ir::{ClassRefId, TypeExpr};

/// What a type variable made for a written type stands for.
#[derive(Clone, Copy, Debug)]
pub(super) enum Origin {
    /// The function's type parameter of this index, bounded by `#[jit] trait`s.
    Param(u32),
    /// The class the function writes with this reference, in terms of its generics
    /// (`Cart<T>`, or `Self` in a generic class's impl).
    Class(ClassRefId),
}

impl Infer<'_> {
    /// `concrete`, the specialisation's type of something written as `origin`.
    pub(super) fn with_origin(&mut self, concrete: Ty, origin: Origin) -> Ty {
        let Ty::Var(v) = self.fresh(VarKind::General) else {
            unreachable!("a fresh variable")
        };
        self.vars[v as usize] = VarState::Bound(concrete);
        self.origins.insert(v, origin);
        Ty::Var(v)
    }

    /// Whether the function bounds its type parameter `g` with traits.
    pub(super) fn is_trait_bounded(&self, g: u32) -> bool {
        self.ir.trait_bounded.iter().any(|(i, _)| *i == g)
    }

    /// `t` with its outermost variables followed up to one made for a written type.
    pub(super) fn resolve_to_origin(&self, t: &Ty) -> Ty {
        let mut t = t.clone();
        while let Ty::Var(v) = t {
            if self.origins.contains_key(&v) {
                return t;
            }
            match &self.vars[v as usize] {
                VarState::Bound(b) => t = b.clone(),
                VarState::Unbound(_) => return t,
            }
        }
        t
    }

    /// What `t` (through references) was written as, if that is known.
    fn origin(&self, t: &Ty) -> Option<Origin> {
        match self.resolve_to_origin(t) {
            Ty::Var(v) => self.origins.get(&v).copied(),
            Ty::Ref(inner, _) => self.origin(&inner),
            _ => None,
        }
    }

    /// The bounded type parameter a receiver of type `t` (or `&t`) is a value of.
    pub(super) fn bounded_param(&self, t: &Ty) -> Option<u32> {
        match self.origin(t)? {
            Origin::Param(g) => Some(g),
            Origin::Class(_) => None,
        }
    }

    /// The type of a member of a value of type `base` (a field, or a function's result)
    /// that its generic class declares as `declared`, `t` in this specialisation: of a
    /// class written with the function's generics, each part declared with the class's
    /// type parameter is the type argument as written (`T` of `Cart<T>` for `item: T`,
    /// `items: Vec<T>` or `fn get(&self) -> Option<T>`).
    pub(super) fn member_type(&mut self, base: &Ty, declared: Option<&TypeExpr>, t: Ty) -> Ty {
        let (Some(Origin::Class(c)), Some(declared)) = (self.origin(base), declared) else {
            return t;
        };
        self.written_parts(c, declared, t)
    }

    fn written_parts(&mut self, c: ClassRefId, declared: &TypeExpr, t: Ty) -> Ty {
        match (declared, self.resolve(&t)) {
            (TypeExpr::Generic(j), _) => {
                // `Self` of a generic class is written with the impl's parameters; one
                // written without arguments is inferred, of no parameter as written.
                let written = self
                    .ir
                    .class_args
                    .get(c.index())
                    .and_then(|args| args.get(*j as usize).cloned());
                match written {
                    Some(TypeExpr::Generic(g)) if self.is_trait_bounded(g) => {
                        self.with_origin(t, Origin::Param(g))
                    }
                    _ => t,
                }
            }
            (TypeExpr::Vec(e), Ty::Vec(te)) => Ty::Vec(Box::new(self.written_parts(c, e, *te))),
            (TypeExpr::Option(e), Ty::Option(te)) => {
                Ty::Option(Box::new(self.written_parts(c, e, *te)))
            }
            (TypeExpr::Tuple(es), Ty::Tuple(ts)) if es.len() == ts.len() => Ty::Tuple(
                es.iter()
                    .zip(ts)
                    .map(|(e, t)| self.written_parts(c, e, t))
                    .collect(),
            ),
            _ => t,
        }
    }
}
