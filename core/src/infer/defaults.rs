//! `ExprKind::DefaultOf` (`T::default()`, `Default::default()`): the type whose default
//! it builds, and whether that type has one jit code builds, as rustc's `T: Default`:
//! numbers, `bool`, `char`, `()`, `Option`, `Vec`, `String`, maps, tuples of those, and
//! a class that derives `Default` (whose generated `default()` the call resolves to; inside a
//! tuple or an array, codegen calls it), arrays of those.

use super::class::ClassFn;
use super::deferred::Deferred;
use super::unify::Ty;
use super::{ClassCall, Infer, MethodSig};
use crate::diag::Diagnostic;
use crate::ir::{ExprId, TypeExpr};
use crate::types::{ClassKey, Type};

impl Infer<'_> {
    /// The type of `ty`'s default; a class's is its `default()` call, a type known only
    /// later (`Default::default()` from its context) is checked once it is.
    pub(super) fn default_of(&mut self, id: ExprId, ty: &TypeExpr) -> Ty {
        let loc = self.loc(id);
        let t = self.ty_of_expr_type(ty, loc);
        if let Ty::Class(key) = self.resolve(&t) {
            return self.class_default(id, key);
        }
        self.deferred.push(Deferred::DefaultOf(id, t.clone()));
        t
    }

    /// Deferred: the final type of a `DefaultOf` has a default jit code builds.
    pub(super) fn check_default(&mut self, id: ExprId, t: &Ty) {
        if let Ty::Class(key) = self.resolve(t) {
            self.class_default(id, key);
            return;
        }
        let Some(t) = self.concrete(t) else {
            return;
        };
        if let Some(d) = self.lacks_default(id, &t) {
            self.diags.push(d);
        }
    }

    /// Why a value of type `t` (not a class) has no default jit code builds, if so.
    fn lacks_default(&self, id: ExprId, t: &Type) -> Option<Diagnostic> {
        let loc = self.loc(id);
        match t {
            Type::Prim(_) | Type::Unit | Type::String | Type::Option(_) => None,
            Type::Vec(_) | Type::Map { .. } => None,
            // Inside a tuple or an array, a class's default is a call codegen makes of
            // its derived `default()` (the expression resolves to one call only).
            Type::Class(key) => self
                .class_default_candidate(key)
                .is_none()
                .then(|| not_default_class(loc, key)),
            Type::Tuple(es) => es.iter().find_map(|e| self.lacks_default(id, e)),
            Type::Array { elem, .. } => self.lacks_default(id, elem),
            Type::Str | Type::Slice { .. } | Type::PassThru(_) => Some(Diagnostic::new(
                loc,
                format!("the default of `{t}` is not supported in jit code yet"),
            )),
            _ => Some(not_default(loc, &t.to_string())),
        }
    }

    /// `C::default()` of a class deriving `Default` (the derive's jit `default()`);
    /// rustc's E0277 for one that does not.
    fn class_default(&mut self, id: ExprId, key: ClassKey) -> Ty {
        let loc = self.loc(id);
        let Some((i, candidates)) = self.class_default_candidate(&key) else {
            self.diags.push(not_default_class(loc, &key));
            return Ty::Unknown;
        };
        let f = ClassFn {
            call: ClassCall {
                class: key,
                method: "default".to_string(),
                candidate: i,
            },
            sig: candidates[i].clone(),
        };
        self.call_target(id, f, &[], &[])
    }

    /// The derived `default()` of a class (its index among the class's functions named
    /// `default`, and those), if the class derives `Default`.
    fn class_default_candidate(&self, key: &ClassKey) -> Option<(usize, Vec<MethodSig>)> {
        if !self.callees.derives(key).iter().any(|d| d == "Default") {
            return None;
        }
        let candidates = self.callees.method(key, "default").unwrap_or_default();
        let i = candidates.iter().position(|m| {
            m.receiver.is_none() && m.sig.params.is_empty() && m.of_trait.is_none()
        })?;
        Some((i, candidates))
    }
}

/// rustc's E0277 for a class that does not derive `Default`.
fn not_default_class(loc: crate::ir::LocId, key: &ClassKey) -> Diagnostic {
    not_default(loc, &key.name)
        .note("note: a `#[jitclass]` struct implements `Default` with `#[derive(Default)]`")
}

/// rustc's E0277 for a type without `Default`.
fn not_default(loc: crate::ir::LocId, shown: &str) -> Diagnostic {
    Diagnostic::new(
        loc,
        format!("the trait bound `{shown}: Default` is not satisfied"),
    )
}
