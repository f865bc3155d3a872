//! `ExprKind::DefaultOf` (`T::default()`, `Default::default()`): the type whose default
//! it builds, and whether that type has one jit code builds, as rustc's `T: Default`:
//! numbers, `bool`, `char`, `()`, `Option`, `Vec`, `String`, maps, tuples of those, and
//! a class that derives `Default` (whose generated `default()` the call resolves to).

use super::class::ClassFn;
use super::deferred::Deferred;
use super::unify::Ty;
use super::{ClassCall, Infer};
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
            Type::Tuple(es) => es.iter().find_map(|e| match e {
                Type::Class(_) => Some(Diagnostic::new(
                    loc,
                    format!("the default of a tuple holding an instance (`{t}`) is not supported in jit code yet\nhelp: build the tuple of each element's default"),
                )),
                e => self.lacks_default(id, e),
            }),
            Type::Array { .. } | Type::Str | Type::Slice { .. } | Type::PassThru(_) => {
                Some(Diagnostic::new(
                    loc,
                    format!("the default of `{t}` is not supported in jit code yet"),
                ))
            }
            _ => Some(not_default(loc, &t.to_string())),
        }
    }

    /// `C::default()` of a class deriving `Default` (the derive's jit `default()`);
    /// rustc's E0277 for one that does not.
    fn class_default(&mut self, id: ExprId, key: ClassKey) -> Ty {
        let loc = self.loc(id);
        let derives = self.callees.derives(&key).iter().any(|d| d == "Default");
        let candidates = if derives {
            self.callees.method(&key, "default").unwrap_or_default()
        } else {
            Vec::new()
        };
        let Some(i) = candidates
            .iter()
            .position(|m| m.receiver.is_none() && m.sig.params.is_empty() && m.of_trait.is_none())
        else {
            self.diags.push(not_default(loc, &key.name).note(
                "note: a `#[jitclass]` struct implements `Default` with `#[derive(Default)]`",
            ));
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
}

/// rustc's E0277 for a type without `Default`.
fn not_default(loc: crate::ir::LocId, shown: &str) -> Diagnostic {
    Diagnostic::new(
        loc,
        format!("the trait bound `{shown}: Default` is not satisfied"),
    )
}
