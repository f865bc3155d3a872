//! An associated constant written without a type (`const UNIT = 1.0;`), which syn cannot
//! parse as an impl item: the impl is expanded without it, and the constant is emitted in
//! a plain impl of the same type, where rustc's parser reports it in its own words
//! ("missing type for `const` item", with the type to write).

use proc_macro2::{Delimiter, Group, TokenStream, TokenTree};
use quote::quote;

/// `item` (an impl block that failed to parse) without its untyped constants, and the
/// constants, each with its attributes and visibility; `None` when it has none.
pub(super) fn split(item: &TokenStream) -> Option<(TokenStream, TokenStream)> {
    let mut tokens: Vec<TokenTree> = item.clone().into_iter().collect();
    let Some(TokenTree::Group(body)) = tokens.last() else {
        return None;
    };
    if body.delimiter() != Delimiter::Brace
        || !tokens
            .iter()
            .any(|t| matches!(t, TokenTree::Ident(i) if i == "impl"))
    {
        return None;
    }
    let (kept, removed) = split_body(body.stream());
    if removed.is_empty() {
        return None;
    }
    let mut group = Group::new(Delimiter::Brace, kept);
    group.set_span(body.span());
    *tokens.last_mut().expect("a body") = TokenTree::Group(group);
    Some((tokens.into_iter().collect(), removed))
}

/// The body's items, split at top-level `;` and brace groups, into those kept and the
/// `const NAME = ..;` ones.
fn split_body(body: TokenStream) -> (TokenStream, TokenStream) {
    let (mut kept, mut removed) = (TokenStream::new(), TokenStream::new());
    let mut current: Vec<TokenTree> = Vec::new();
    for t in body {
        let ends = match &t {
            TokenTree::Punct(p) => p.as_char() == ';',
            // A function's body ends it; attributes' brackets do not.
            TokenTree::Group(g) => g.delimiter() == Delimiter::Brace,
            _ => false,
        };
        current.push(t);
        if ends {
            let item: TokenStream = std::mem::take(&mut current).into_iter().collect();
            if is_untyped_const(&item) {
                removed.extend(item);
            } else {
                kept.extend(item);
            }
        }
    }
    kept.extend(current);
    (kept, removed)
}

/// `#[..] pub const NAME = ..;`: `const`, a name, then `=`.
fn is_untyped_const(item: &TokenStream) -> bool {
    let tokens: Vec<TokenTree> = item.clone().into_iter().collect();
    tokens.windows(3).any(|w| {
        matches!(&w[0], TokenTree::Ident(i) if i == "const")
            && matches!(&w[1], TokenTree::Ident(i) if i != "fn" && i != "unsafe")
            && matches!(&w[2], TokenTree::Punct(p) if p.as_char() == '=')
    })
}

/// The plain impl in which rustc reports the constants.
pub(super) fn emit(self_ty: &syn::Type, removed: &TokenStream) -> TokenStream {
    quote! { impl #self_ty { #removed } }
}
