//! The shadow of a struct literal: its values probed against the fields the handle has,
//! its fields named as the user wrote them, spanning the literal's tokens.

use super::{Rewriter, unraw};
use proc_macro2::{Span, TokenStream};
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;
use syn::visit_mut::VisitMut;

impl Rewriter<'_> {
    /// `C { name: value, .. }` as rustc checks it (see the module doc of `body`).
    pub(super) fn literal(&mut self, s: &mut syn::ExprStruct) -> syn::Expr {
        // The literal's own extent, from its first token to its closing brace.
        let extent = (s.path.span(), s.brace_token.span.join());
        for field in &mut s.fields {
            self.visit_expr_mut(&mut field.expr);
        }
        self.visit_path_mut(&mut s.path);
        let path = &s.path;
        let path_span = path
            .segments
            .last()
            .map_or(Span::call_site(), |s| s.ident.span());
        let mut checks = Vec::new();
        let mut probes = Vec::new();
        let mut names = Vec::new();
        for field in &s.fields {
            let syn::Member::Named(name) = &field.member else {
                continue;
            };
            let text = unraw(name);
            let key = super::super::keys::key_ident(&text);
            self.names.insert(text.clone());
            // Hygienic: the slot sees no user local, and no user code sees it.
            let slot = syn::Ident::new(
                &format!("{text}_"),
                Span::mixed_site().located_at(name.span()),
            );
            let value = &field.expr;
            let span = name.span();
            checks.push(quote_spanned! {span=>
                let #slot = ::jitclass::__private::shadow::Probe::<#path, __keys::#key>::new().slot();
                *#slot = #value;
            });
            probes.push((slot, key, value, span));
            names.push(name.clone());
        }
        // `Pair::<i64, _> { .. }` too: rustc infers what `_` writes, from the values.
        let bare = path.segments.last().is_some_and(|s| {
            (s.arguments.is_none() || crate::jitclass::generic::infers_arguments(&s.arguments))
                && s.ident != "Self"
        });
        if bare {
            return bare_literal(path, (path_span, extent), &names, &probes);
        }
        let literal = quote_spanned!(path_span=> ::jitclass::__private::Literal::<#path>);
        let fields = literal_fields(&names);
        let fieldless = fieldless_check(path, path_span, &names);
        spanning(
            extent,
            quote! {
                #(#checks)*
                #fieldless
                #literal #fields
            },
        )
    }
}

/// The braces of a shadow's struct literal: the fields the user wrote, each with a value
/// of any type (the values are checked through probes), as the class's handle has exactly
/// the class's fields, so that rustc names the user's fields only (missing, unknown,
/// private). A literal without fields is `{ ..never() }`: a class without fields has a
/// hidden one, which the literal cannot name.
fn literal_fields(names: &[syn::Ident]) -> TokenStream {
    if names.is_empty() {
        quote!({ ..::jitclass::__private::shadow::never() })
    } else {
        quote!({ #(#names: ::jitclass::__private::shadow::never(),)* })
    }
}

/// For a literal without fields (`C {}`), whose handle literal is `C { ..never() }`, the
/// literal as rustc checks it: of the class itself if it has fields (rustc's E0063 "missing
/// fields `x` and `y` in initializer of `C`", at the path), of a struct without fields if
/// it has none (its `FieldlessLiteral`). Nothing for a literal with fields.
fn fieldless_check(path: &syn::Path, path_span: Span, names: &[syn::Ident]) -> TokenStream {
    if !names.is_empty() {
        return TokenStream::new();
    }
    let literal = quote_spanned!(path_span=> ::jitclass::__private::FieldlessLiteral::<#path>);
    quote! { let _ = #literal {}; }
}

/// The shadow of a struct literal whose path has no type arguments (`Pair { a: 1i64, b:
/// 2.0 }`), which may name a generic class: the literal in rustc's expression syntax
/// (which infers a generic struct's arguments, where `Literal::<Pair>` would be rustc's
/// E0107), each value put into its field's slot, probed through the literal's type, so
/// that rustc infers the arguments from the values as it does for the real literal.
/// The values are computed first, in the order written, each into a hygienic local (the
/// user's code stays outside any closure: a move, a `&mut` borrow, `return` or `break` in
/// a value is rustc's as written), then `shadow::literal` takes the literal and a closure
/// that puts the locals into the slots, so that rustc types the literal from what the
/// code around it expects (`-> Wrap<S>`), as it does the user's, before a value of
/// another type is its E0308 at the value. `probes`: each field's slot name, key and
/// value.
fn bare_literal(
    path: &syn::Path,
    (path_span, extent): (Span, (Span, Span)),
    names: &[syn::Ident],
    probes: &[(syn::Ident, syn::Ident, &syn::Expr, Span)],
) -> syn::Expr {
    // Hygienic: no user code sees it.
    let literal = syn::Ident::new(
        "__jitclass_literal",
        Span::mixed_site().located_at(path_span),
    );
    let mut values = Vec::new();
    let mut checks = Vec::new();
    for (slot, key, value, span) in probes {
        let (first, last) = first_and_last(value);
        // Hygienic too, and at the value, where rustc's errors about it point.
        let local = syn::Ident::new(
            &format!("{slot}value"),
            Span::mixed_site().located_at(first),
        );
        values.push(quote_spanned! {first=> let #local = #value; });
        // `(local,).0` spans the value's first token to its last (`(` at the first, `0`
        // at the last), as rustc points at the value as a whole.
        let mut tuple =
            proc_macro2::Group::new(proc_macro2::Delimiter::Parenthesis, quote!(#local,));
        tuple.set_span(first);
        let index = proc_macro2::Literal::usize_unsuffixed(0);
        let mut index = proc_macro2::TokenTree::Literal(index);
        index.set_span(last);
        checks.push(quote_spanned! {*span=>
            let #slot = ::jitclass::__private::shadow::Probe::<_, __keys::#key>::of(#literal).slot();
            *#slot = #tuple.#index;
        });
    }
    let path_with_span = quote_spanned!(path_span=> #path);
    let fields = literal_fields(names);
    let fieldless = fieldless_check(path, path_span, names);
    spanning(
        extent,
        quote! {
            #fieldless
            #(#values)*
            ::jitclass::__private::shadow::literal(#path_with_span #fields, |#literal| {
                #(#checks)*
            })
        },
    )
}

/// The spans of the first and the last token of `value`.
fn first_and_last(value: &syn::Expr) -> (Span, Span) {
    let tokens: Vec<proc_macro2::TokenTree> = quote::ToTokens::to_token_stream(value)
        .into_iter()
        .collect();
    let first = tokens.first().map_or_else(|| value.span(), |t| t.span());
    let last = tokens.last().map_or(first, |t| t.span());
    (first, last)
}

/// The block `{ statements }` as an expression that rustc sees spanning a literal's
/// extent (its first token's span and its braces'), where it points at the value as a
/// whole: a literal passed to a call whose bound the class lacks (E0277). A block of the
/// macro's own braces would point at `#[jit]`; `match () { _ => { .. } }`, written at the
/// first token and with the literal's braces, spans from one to the other.
fn spanning((first, braces): (Span, Span), statements: TokenStream) -> syn::Expr {
    let mut arms =
        proc_macro2::Group::new(proc_macro2::Delimiter::Brace, quote!(_ => { #statements }));
    arms.set_span(braces);
    let keyword = quote_spanned!(first=> match);
    syn::parse_quote!(#keyword () #arms)
}
