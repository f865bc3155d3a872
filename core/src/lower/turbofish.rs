//! Generic arguments written on calls (`f::<T>(..)`, `v.m::<U>(..)`, `C::f::<U>(..)`):
//! lowered to `TypeExpr`s and recorded by call (`FnIr::explicit_generics`) for inference
//! to take as the callee's own generic arguments; rustc checks their count (E0107) and
//! bounds (E0277) where it checks the call (the shadow, or the glue's `check` fn).

use super::Lowerer;
use super::types::{TypePos, replace_self};
use crate::ir::{ExprId, TypeExpr};
use syn::spanned::Spanned;

impl Lowerer {
    /// The types of a turbofish on a `what` ("function", "method"), each lowered as a
    /// type written in the body (`_` is `Infer`); `None` after an error at a lifetime or a
    /// constant, which jit code's generic functions never take, in rustc's words.
    pub(super) fn turbofish_types(
        &mut self,
        what: &str,
        args: &syn::AngleBracketedGenericArguments,
    ) -> Option<Vec<TypeExpr>> {
        let lifetimes: Vec<_> = args
            .args
            .iter()
            .filter(|a| matches!(a, syn::GenericArgument::Lifetime(_)))
            .collect();
        if let Some(first) = lifetimes.first() {
            // rustc's E0107: jit code's functions declare no lifetime parameters.
            let message =
                crate::diag::takes_but_supplied(what, "lifetime argument", 0, lifetimes.len());
            self.error(first.span(), message);
            return None;
        }
        let mut types = Vec::new();
        for arg in &args.args {
            let syn::GenericArgument::Type(ty) = arg else {
                let message = match arg {
                    // rustc's E0747: jit code's functions declare no const parameters.
                    syn::GenericArgument::Const(_) => "constant provided when a type was expected",
                    // rustc's E0229.
                    _ => "associated item constraints are not allowed here",
                };
                self.error(arg.span(), message);
                return None;
            };
            match self.lower_written_type(ty, TypePos::Other) {
                Ok(t) => types.push(t),
                Err(e) => {
                    self.errors.push(e);
                    return None;
                }
            }
        }
        Some(types)
    }

    /// Records the generic arguments written on the call `call`, if any.
    pub(super) fn record_turbofish(
        &mut self,
        what: &str,
        call: ExprId,
        arguments: &syn::PathArguments,
    ) {
        match arguments {
            syn::PathArguments::None => {}
            syn::PathArguments::AngleBracketed(args) => {
                if let Some(types) = self.turbofish_types(what, args) {
                    self.explicit_generics.push((call, types));
                }
            }
            syn::PathArguments::Parenthesized(p) => {
                self.error(
                    p.span(),
                    "parenthesized type parameters may only be used with a `Fn` trait",
                );
            }
        }
    }
}

impl Lowerer {
    /// `path` with `Self` in its generic arguments spelled out: the glue's checks are
    /// items of their own.
    pub(super) fn with_self_spelled_out(&self, path: &syn::Path) -> syn::Path {
        let mut path = path.clone();
        if let Some(self_path) = &self.scope.self_path
            && let Some(syn::PathArguments::AngleBracketed(args)) =
                path.segments.last_mut().map(|s| &mut s.arguments)
        {
            for arg in &mut args.args {
                if let syn::GenericArgument::Type(t) = arg {
                    replace_self(t, self_path);
                }
            }
        }
        path
    }
}

/// `path` without the generic arguments of its last segment (`f::<T>` is `f`): the item
/// the glue resolves, the turbofish being the call's.
pub(super) fn without_turbofish(path: &syn::Path) -> syn::Path {
    let mut path = path.clone();
    if let Some(last) = path.segments.last_mut() {
        last.arguments = syn::PathArguments::None;
    }
    path
}
