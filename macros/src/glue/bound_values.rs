//! Values of a bounded type parameter used where the signature types them otherwise,
//! checked by rustc as a generic Rust fn's body is: a `&S` parameter returned as the `S`
//! the signature returns (`fn id<S: Get>(s: &S) -> S { s }`), or passed to a method of a
//! `Vec<S>` parameter that takes an `S` (`v.push(s)`), is its E0308 "expected type
//! parameter `S`, found `&S`" at build time. (Jit code holds a `&S` parameter as the
//! instance, so its own types cannot tell the reference from the value.)
//!
//! Each such return, and each method call on a `Vec` parameter with an argument the
//! signature types, is repeated in the generic `check` fn as a closure over those values
//! with the user's names and tokens (the other arguments stand in as `unreachable!()`).
//! Only for a fn with an unbounded parameter beside its bounded ones: one whose
//! parameters are all bounded has a shadow, which checks the whole body (`crate::shadow`).

use super::bound_methods::{
    LocalMethodCall, by_value_mut, local_method_calls, respanned, signature_typed_locals,
};
use super::signature::bounded_params;
use jitclass_core::ir::{ExprId, ExprKind, LocalId, TypeExpr};
use jitclass_core::lower::Lowered;
use proc_macro2::TokenStream;
use quote::{ToTokens, format_ident, quote, quote_spanned};

/// The checks of the body's returns of, and `Vec` method calls with, values whose type
/// the signature writes with a parameter `written` bounds.
pub(crate) fn bound_value_checks(l: &Lowered, written: &syn::Generics) -> Vec<TokenStream> {
    let bounded = bounded_params(written);
    let param = |t: &TypeExpr| match t {
        TypeExpr::Generic(i) => bounded.get(*i as usize).copied().flatten(),
        _ => None,
    };
    let reference = |inner: TokenStream, mutable: bool| {
        if mutable {
            quote!(&mut #inner)
        } else {
            quote!(&#inner)
        }
    };
    // `S`, `&S`, `&mut S`.
    let value_type = |ty: &TypeExpr| -> Option<TokenStream> {
        match ty {
            TypeExpr::Ref { inner, mutable } => {
                Some(reference(param(inner)?.to_token_stream(), *mutable))
            }
            other => Some(param(other)?.to_token_stream()),
        }
    };
    // `Vec<S>`, `&Vec<S>`, `&mut Vec<S>`.
    let vec_type = |ty: &TypeExpr| -> Option<TokenStream> {
        let vec = |t: &TypeExpr| match t {
            TypeExpr::Vec(elem) => param(elem).map(|p| quote!(::std::vec::Vec<#p>)),
            _ => None,
        };
        match ty {
            TypeExpr::Ref { inner, mutable } => Some(reference(vec(inner)?, *mutable)),
            other => vec(other),
        }
    };
    let values = signature_typed_locals(l, value_type);
    let vecs = signature_typed_locals(l, vec_type);
    // A local's declaration in a check closure: the user's name at `span`, its type at the
    // written type of the parameter it comes from.
    let declared = |local: LocalId, span: proc_macro2::Span| -> Option<TokenStream> {
        let typed = values.iter().chain(&vecs).find(|t| t.local == local)?;
        let name = format_ident!("{}", l.ir.local(local).name, span = span);
        let binding = by_value_mut(&typed.ty);
        let ty = respanned(typed.ty.clone(), l.param_type_spans[typed.param]);
        Some(quote!(#binding #name: #ty))
    };
    let span_of = |e: ExprId| l.spans[l.ir.expr(e).loc.index()];
    let typed_local = |e: ExprId| match l.ir.expr(e).kind {
        ExprKind::Local(local) if values.iter().any(|t| t.local == local) => Some(local),
        _ => None,
    };
    let mut checks = Vec::new();
    // Returns: the body's tail and each `return e`, of a value the signature types.
    if let Some(ret) = value_type(&l.ir.ret) {
        let ret = respanned(ret, l.spans[l.ir.ret_loc.index()]);
        let mut returned: Vec<ExprId> = Vec::new();
        if let ExprKind::Block(block) = &l.ir.expr(l.ir.body).kind
            && let Some(tail) = block.tail
        {
            returned.push(tail);
        }
        for e in &l.ir.exprs {
            if let ExprKind::Return(Some(value)) = e.kind {
                returned.push(value);
            }
        }
        for value in returned {
            let Some(local) = typed_local(value) else {
                continue;
            };
            let span = span_of(value);
            let Some(decl) = declared(local, span) else {
                continue;
            };
            let name = format_ident!("{}", l.ir.local(local).name, span = span);
            checks.push(quote_spanned! {span=>
                #[allow(unused_mut)]
                let _ = |#decl| -> #ret { #name };
            });
        }
    }
    // Method calls on a `Vec` parameter with an argument the signature types.
    for call in local_method_calls(l) {
        let LocalMethodCall {
            receiver,
            local: vec,
            method,
            span,
            args,
            ..
        } = call;
        if !vecs.iter().any(|t| t.local == vec) || !args.iter().any(|a| typed_local(*a).is_some()) {
            continue;
        }
        let mut decls: Vec<(LocalId, TokenStream)> = Vec::new();
        let mut declare = |local: LocalId, span| {
            if !decls.iter().any(|(l, _)| *l == local)
                && let Some(d) = declared(local, span)
            {
                decls.push((local, d));
            }
        };
        let receiver_span = span_of(receiver);
        declare(vec, receiver_span);
        let args: Vec<TokenStream> = args
            .iter()
            .map(|a| {
                let span = span_of(*a);
                match typed_local(*a) {
                    Some(local) => {
                        declare(local, span);
                        let name = format_ident!("{}", l.ir.local(local).name, span = span);
                        quote!(#name)
                    }
                    None => quote_spanned!(span=> ::core::unreachable!()),
                }
            })
            .collect();
        let decls = decls.iter().map(|(_, d)| d);
        let receiver = format_ident!("{}", l.ir.local(vec).name, span = receiver_span);
        let method = format_ident!("{method}", span = span);
        // A typed argument after a stand-in (`v.insert(0, s)`) is never reached: no
        // unused-variable warning at the user's token for it.
        checks.push(quote_spanned! {span=>
            #[allow(unused_variables, unused_mut)]
            let _ = |#(#decls),*| {
                let _ = #receiver.#method(#(#args),*);
            };
        });
    }
    checks
}
