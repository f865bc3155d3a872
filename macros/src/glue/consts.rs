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
        let name = &c.name;
        let value = &c.value;
        let ty = match &c.kind {
            // At the length, so that a mismatch's note about the expected type points
            // there, not at the attribute.
            ConstKind::Len => quote_spanned!(c.span=> ::core::primitive::usize),
            ConstKind::Item { ty } => {
                let mut ty = (**ty).clone();
                pin_type(&mut ty);
                quote!(#ty)
            }
            ConstKind::Path => return None,
        };
        // rustc's overflow lints judge an associated constant, but neither an array length
        // (an anonymous constant) nor a `const` item in a fn body, as the user wrote each:
        // there the evaluation fails with its own error (E0080) alone.
        Some(quote! {
            #[doc(hidden)]
            #[allow(arithmetic_overflow, unconditional_panic, non_upper_case_globals, clippy::all)]
            const #name: #ty = #value;
        })
    });
    quote! { #(#items)* }
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
