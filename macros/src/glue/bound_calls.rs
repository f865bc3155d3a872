//! Calls of jit fns with values of a bounded type parameter, checked by rustc against the
//! callee's bounds (E0277 "the trait bound `U: Tag` is not satisfied" at the argument),
//! as a generic Rust fn's body is: `fn layer2<U: Weigh>(xs: &[U]) { layer3(xs) }` with
//! `layer3<V: Weigh + Tag>` is refused at build time, not at the first call.
//!
//! A call is repeated in the generic `check` fn when each of its arguments is a value the
//! signature types with a bounded parameter (`s: S`, `s: &S`, `xs: &[S]`, a `for`
//! variable over such a slice), so that rustc infers the callee's generic arguments from
//! them alone (a parameter with no written bound keeps duck typing).

use super::signature::in_where_clause;
use jitclass_core::ir::{ExprKind, TypeExpr};
use jitclass_core::lower::Lowered;
use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned};

/// The checks of the body's calls of jit fns whose arguments are all values of the type
/// parameters `written` bounds.
pub(crate) fn bound_call_checks(l: &Lowered, written: &syn::Generics) -> Vec<TokenStream> {
    let params: Vec<&syn::Ident> = written.type_params().map(|tp| &tp.ident).collect();
    let bounded = |i: u32| {
        written
            .type_params()
            .nth(i as usize)
            .is_some_and(|tp| !tp.bounds.is_empty() || in_where_clause(written, &tp.ident))
    };
    // The Rust type of a value of IR type `ty` naming a bounded parameter.
    let rust_type = |ty: &TypeExpr| -> Option<TokenStream> {
        let generic = |t: &TypeExpr| match t {
            TypeExpr::Generic(i) if bounded(*i) => Some(params[*i as usize]),
            _ => None,
        };
        Some(match ty {
            TypeExpr::Ref { inner, mutable } => {
                let p = generic(inner)?;
                if *mutable {
                    quote!(&mut #p)
                } else {
                    quote!(&#p)
                }
            }
            TypeExpr::Slice { elem, mutable } => {
                let p = generic(elem)?;
                if *mutable {
                    quote!(&mut [#p])
                } else {
                    quote!(&[#p])
                }
            }
            other => {
                let p = generic(other)?;
                quote!(#p)
            }
        })
    };
    let typed = super::bound_methods::signature_typed_locals(l, rust_type);
    let mut checks = Vec::new();
    for e in &l.ir.exprs {
        let ExprKind::Call { callee, args } = &e.kind else {
            continue;
        };
        if args.is_empty() {
            continue;
        }
        let arg_types: Option<Vec<(&TokenStream, proc_macro2::Span)>> = args
            .iter()
            .map(|a| {
                let ExprKind::Local(local) = l.ir.expr(*a).kind else {
                    return None;
                };
                let (_, ty) = typed.iter().find(|(t, _)| *t == local)?;
                Some((ty, l.spans[l.ir.expr(*a).loc.index()]))
            })
            .collect();
        let Some(arg_types) = arg_types else {
            continue;
        };
        let path = &l.ref_paths[callee.index()];
        let names: Vec<syn::Ident> = arg_types
            .iter()
            .enumerate()
            .map(|(i, (_, span))| format_ident!("__jitclass_arg{i}", span = *span))
            .collect();
        let types = arg_types.iter().map(|(ty, _)| ty);
        let span = l.spans[e.loc.index()];
        checks.push(quote_spanned! {span=>
            let _ = |#(#names: #types),*| {
                let _ = #path(#(#names),*);
            };
        });
    }
    checks
}
