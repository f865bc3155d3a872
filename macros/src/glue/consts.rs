//! The constants rustc evaluates for a function or class (`jitclass_core::lower::
//! LoweredConst`): array lengths and `const` items hoisted as associated constants of the
//! function's type (its *owner*: `f` for `#[jit] fn f`, the class for its fields, a type
//! of its own per method), the getters through which the runtime reads every constant's
//! value, and what the shadow names in place of each hoisted expression, so that rustc
//! evaluates each once and reports its errors once.

use super::pin_type;
use crate::shadow::span_key;
use jitclass_core::lower::{ConstKind, LoweredConst};
use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use std::collections::HashMap;

/// The hoisted constants, as associated items of the owner's impl (`Self::` names one
/// another in their values).
pub(crate) fn hoisted_items(consts: &[LoweredConst]) -> TokenStream {
    let items = consts.iter().filter_map(|c| {
        let (name, value, ty) = (&c.name, &c.value, hoisted_type(c)?);
        Some(quote! {
            #[doc(hidden)]
            #[allow(arithmetic_overflow, unconditional_panic, non_upper_case_globals, clippy::all)]
            const #name: #ty = #value;
        })
    });
    quote! { #(#items)* }
}

/// The hoisted constants of a method, as `const` items of its glue method's body, so that
/// rustc names a failed evaluation by the method (`Circle::scaled::K`, where the owner's
/// own items would be its hidden name), and the owner's impl, in that body too, whose
/// associated constants read them (for the getters and the shadow, outside the body).
pub(crate) fn hoisted_in_body(owner: &syn::Ident, consts: &[LoweredConst]) -> TokenStream {
    let names: Vec<&syn::Ident> = consts.iter().map(|c| &c.name).collect();
    let mut items = Vec::new();
    let mut reads = Vec::new();
    for c in consts {
        let Some(ty) = hoisted_type(c) else {
            continue;
        };
        let name = &c.name;
        // Beside one another in the body, the constants name each other bare.
        let value = unqualified(c.value.clone(), &names);
        // rustc's note on a constant whose evaluation failed points at its reads, this
        // one among them: at a `const` item's name, at a length's expression; and a
        // cycle between constants at the item, not at the attribute.
        let at = match c.kind {
            ConstKind::Item { .. } => name.span(),
            _ => c.span,
        };
        items.push(quote_spanned! {at=>
            #[allow(arithmetic_overflow, unconditional_panic, non_upper_case_globals, clippy::all)]
            const #name: #ty = #value;
        });
        let mut read = name.clone();
        read.set_span(at);
        reads.push(quote! {
            #[doc(hidden)]
            #[allow(non_upper_case_globals)]
            const #name: #ty = #read;
        });
    }
    quote! {
        #(#items)*
        // Not local to the method by design: the getters and the shadow read it.
        #[allow(non_local_definitions)]
        impl #owner {
            #(#reads)*
        }
    }
}

/// The type a constant is hoisted with; none for a path, which is not hoisted.
fn hoisted_type(c: &LoweredConst) -> Option<TokenStream> {
    Some(match &c.kind {
        // At the length, so that a mismatch's note about the expected type points there,
        // not at the attribute.
        ConstKind::Len => quote_spanned!(c.span=> ::core::primitive::usize),
        ConstKind::Item { ty } => {
            let mut ty = (**ty).clone();
            pin_type(&mut ty);
            quote!(#ty)
        }
        ConstKind::Path => return None,
    })
}

/// `value` with each `Self::name` of a hoisted constant (how the lowering names a local
/// `const` in another's value) written `name`.
fn unqualified(value: TokenStream, names: &[&syn::Ident]) -> TokenStream {
    use proc_macro2::{Group, TokenTree};
    let tokens: Vec<TokenTree> = value.into_iter().collect();
    let mut out = Vec::with_capacity(tokens.len());
    let mut i = 0;
    while i < tokens.len() {
        if let [
            TokenTree::Ident(this),
            TokenTree::Punct(c1),
            TokenTree::Punct(c2),
            TokenTree::Ident(name),
            ..,
        ] = &tokens[i..]
            && this == "Self"
            && c1.as_char() == ':'
            && c2.as_char() == ':'
            && names.contains(&name)
        {
            out.push(TokenTree::Ident(name.clone()));
            i += 4;
            continue;
        }
        out.push(match &tokens[i] {
            TokenTree::Group(g) => {
                let mut inner = Group::new(g.delimiter(), unqualified(g.stream(), names));
                inner.set_span(g.span());
                TokenTree::Group(inner)
            }
            t => t.clone(),
        });
        i += 1;
    }
    out.into_iter().collect()
}

/// One `fn() -> ConstValue` per constant, by `ConstId`: the hoisted item of `owner`, or
/// the path itself (whose type rustc checks there, at the path).
pub(crate) fn const_getters(owner: &TokenStream, consts: &[LoweredConst]) -> Vec<TokenStream> {
    consts
        .iter()
        .map(|c| {
            // At the constant: rustc's note on a constant whose evaluation failed points
            // at the reads of it, this one among them.
            let value = match c.kind {
                ConstKind::Path => c.value.clone(),
                ConstKind::Len | ConstKind::Item { .. } => {
                    let mut name = c.name.clone();
                    name.set_span(c.span);
                    let owner = respan(owner, c.span);
                    quote_spanned!(c.span=> #owner::#name)
                }
            };
            // A trait method, not a bounded fn: a constant of another type gets the
            // trait's message without a note about a function of the glue.
            quote_spanned! {c.span=>
                {
                    fn __jitclass_const() -> ::jitclass::__private::ConstValue {
                        ::jitclass::__private::JitConst::lit(#value)
                    }
                    __jitclass_const as fn() -> ::jitclass::__private::ConstValue
                }
            }
        })
        .collect()
}

/// What the shadow writes in place of each hoisted expression (found by its span): the
/// hoisted constant of `owner`.
pub(crate) fn shadow_replacements(
    owner: &TokenStream,
    consts: &[LoweredConst],
) -> HashMap<crate::shadow::SpanKey, TokenStream> {
    consts
        .iter()
        .filter(|c| !matches!(c.kind, ConstKind::Path))
        .map(|c| {
            let mut name = c.name.clone();
            name.set_span(c.span);
            let owner = respan(owner, c.span);
            (span_key(c.span), quote_spanned!(c.span=> #owner::#name))
        })
        .collect()
}

/// `tokens` with every token at `span`.
fn respan(tokens: &TokenStream, span: proc_macro2::Span) -> TokenStream {
    tokens
        .clone()
        .into_iter()
        .map(|mut t| {
            t.set_span(span);
            t
        })
        .collect()
}
