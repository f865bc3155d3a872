//! The trait bounds of a generic jit fn called from jit code, checked once the call's
//! generic arguments are known: a class without an impl of a bound's `#[jit] trait` is
//! rustc's E0277, "the trait bound `Square: Shape` is not satisfied", at the argument.
//!
//! A bound is a trait's identity (`crate::Name@file:line:col`, which the glue resolves
//! from the path the callee writes through the trait's companion macro), so another
//! trait of the bound's name does not satisfy it (`Callees::implements`).

use super::unify::Ty;
use super::{CalleeSig, Infer};
use crate::diag::Diagnostic;
use crate::ir::{ExprId, LocId, TypeExpr};

/// A call's generic argument that its callee bounds with traits.
pub(super) struct BoundCheck {
    /// The generic argument (a variable until inference ends).
    ty: Ty,
    /// The identities of the bounds' traits.
    traits: Vec<String>,
    /// Where rustc reports: the argument whose parameter's type names the parameter.
    loc: LocId,
}

impl Infer<'_> {
    /// Records the bounds of a call of `sig` (at `loc`) whose generic arguments are
    /// `type_args`.
    pub(super) fn record_bound_checks(
        &mut self,
        sig: &CalleeSig,
        args: &[ExprId],
        type_args: &[Ty],
        loc: LocId,
    ) {
        for (g, traits) in &sig.bounds {
            let Some(ty) = type_args.get(*g) else {
                continue;
            };
            let names_g = |t: &TypeExpr| {
                let mut found = false;
                t.for_each_part(&mut |p| {
                    found |= matches!(p, TypeExpr::Generic(i) if *i as usize == *g)
                });
                found
            };
            let at = sig
                .params
                .iter()
                .position(names_g)
                .and_then(|i| args.get(i))
                .map_or(loc, |a| self.loc(*a));
            self.bound_checks.push(BoundCheck {
                ty: ty.clone(),
                traits: traits.clone(),
                loc: at,
            });
        }
    }

    /// Reports each recorded bound a class argument does not satisfy.
    pub(super) fn check_bounds(&mut self) {
        for check in std::mem::take(&mut self.bound_checks) {
            let Ty::Class(key) = self.resolve(&check.ty) else {
                continue;
            };
            for id in &check.traits {
                let name = super::trait_methods::trait_name_of_id(id);
                if self.callees.implements(&key, id) == Some(false) {
                    let d = Diagnostic::new(
                        check.loc,
                        format!("the trait bound `{}: {name}` is not satisfied", key.name),
                    );
                    let unmet = self.callees.unmet_impl_bounds(&key, id);
                    // An instantiation outside its generic impl's bounds: rustc names the
                    // unmet bound (an impl of the one instantiation is no fix jit code has).
                    let d = if unmet.is_empty() {
                        d.note(format!(
                            "note: the trait `{name}` is not implemented for `{}`",
                            key.name
                        ))
                        .note(format!(
                            "help: implement it: `#[jitclass] impl {name} for {} {{ .. }}`",
                            key.name
                        ))
                    } else {
                        impl_bound_notes(d, &unmet, &key.name, name)
                    };
                    self.diags.push(d);
                }
            }
        }
    }
}

/// rustc's notes for an instantiation (`class`) whose generic impl of `trait_name` has
/// bounds its type arguments fail (`unmet`, each `` `Plain: Shape` ``): each bound's trait
/// missing for its type, then the impl that needed it.
pub(super) fn impl_bound_notes(
    mut d: Diagnostic,
    unmet: &[String],
    class: &str,
    trait_name: &str,
) -> Diagnostic {
    for bound in unmet {
        let bound = bound.trim_matches('`');
        d = match bound.split_once(": ") {
            Some((ty, tr)) => d.note(format!(
                "help: the trait `{tr}` is not implemented for `{ty}`"
            )),
            None => d.note(format!("help: the trait bound `{bound}` is not satisfied")),
        };
    }
    d.note(format!(
        "note: required for `{class}` to implement `{trait_name}`"
    ))
}
