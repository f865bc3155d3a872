//! Generic arguments written on calls (`f::<T>(..)`, `v.m::<U>(..)`, `C::f::<U>(..)`):
//! lowered to `TypeExpr`s and recorded by call (`FnIr::explicit_generics`) for inference
//! to take as the callee's own generic arguments; rustc checks their count (E0107) and
//! bounds (E0277) where it checks the call (the shadow, or the glue's `check` fn).

use super::Lowerer;
use super::types::{TypePos, replace_self};
use crate::ir::{ExprId, TypeExpr};
use syn::spanned::Spanned;

impl Lowerer {
    /// The types of a turbofish, each lowered as a type written in the body (`_` is
    /// `Infer`); `None` after an error at a lifetime or a constant, which jit code's
    /// generic functions never take.
    pub(super) fn turbofish_types(
        &mut self,
        args: &syn::AngleBracketedGenericArguments,
    ) -> Option<Vec<TypeExpr>> {
        let mut types = Vec::new();
        for arg in &args.args {
            let syn::GenericArgument::Type(ty) = arg else {
                self.error(
                    arg.span(),
                    "jit code's generic functions take types only: no lifetime, constant or associated type arguments",
                );
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
    pub(super) fn record_turbofish(&mut self, call: ExprId, arguments: &syn::PathArguments) {
        match arguments {
            syn::PathArguments::None => {}
            syn::PathArguments::AngleBracketed(args) => {
                if let Some(types) = self.turbofish_types(args) {
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
