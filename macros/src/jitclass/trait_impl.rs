//! `#[jitclass] impl Shape for Circle`, `Shape` a `#[jit] trait`: the attribute cannot
//! see the trait, so it forwards the impl to the trait's companion macro (`Shape! { .. }`,
//! `crate::jit_trait`), which calls `__jit_trait_impl` with the trait's tokens in front.
//! There the impl is expanded as an inherent one whose functions are also the trait's:
//! the header stays `impl Shape for Circle`, so rustc checks the impl against the trait
//! (missing, extra and mismatched methods: E0046, E0407, E0053, at the user's tokens), and
//! every default method the impl does not override is compiled for the class, so that it
//! runs as jit code from Rust and from jit code alike.

use crate::ctxt::Ctxt;
use proc_macro2::{Group, Span, TokenStream, TokenTree};
use quote::quote;
use syn::parse::{Parse, ParseStream};
use syn::spanned::Spanned;

/// An impl of a trait that is no operator trait: `Trait! { impl .. }`.
pub(super) fn forward(cx: &Ctxt, item: syn::ItemImpl) -> TokenStream {
    let (bang, path, _) = item.trait_.as_ref().expect("a trait impl");
    if let Some(bang) = bang {
        cx.error(bang.span, "negative impls are not supported");
        return TokenStream::new();
    }
    if let Some(seg) = path
        .segments
        .iter()
        .find(|s| !matches!(s.arguments, syn::PathArguments::None))
    {
        cx.error(
            seg.arguments.span(),
            "`#[jit]` traits with generic parameters are not supported yet",
        );
        return TokenStream::new();
    }
    let path = path.clone();
    quote! { #path! { #item } }
}

/// The input of `__jit_trait_impl`: `{ trait } impl`.
struct TraitAndImpl {
    trait_: syn::ItemTrait,
    item: syn::ItemImpl,
}

impl Parse for TraitAndImpl {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let inner;
        syn::braced!(inner in input);
        Ok(TraitAndImpl {
            trait_: inner.parse()?,
            item: input.parse()?,
        })
    }
}

pub(crate) fn expand(input: TokenStream) -> TokenStream {
    let cx = Ctxt::new();
    let tokens = match syn::parse2::<TraitAndImpl>(in_call_site_context(input)) {
        Ok(TraitAndImpl { trait_, item }) => {
            let trait_name = trait_.ident.to_string();
            let item = with_defaults(item, &trait_);
            super::impl_block::expand_trait_impl(&cx, item, &trait_name)
        }
        Err(e) => {
            cx.push(e);
            TokenStream::new()
        }
    };
    cx.finish(tokens)
}

/// `input`'s tokens where they are, in the hygiene context of this macro's call site.
/// The trait's tokens come from the companion's definition and the impl's from its
/// invocation, two contexts, and the glue's own tokens (`Span::call_site()`) a third: a
/// `self` written in one is not the `self` of another. Resolved alike, they are one
/// function's, as in a `#[jitclass]` impl; names of items still resolve where the impl
/// is (a `macro_rules!` call site).
fn in_call_site_context(input: TokenStream) -> TokenStream {
    input
        .into_iter()
        .map(|mut t| {
            let span = Span::call_site().located_at(t.span());
            if let TokenTree::Group(g) = &t {
                let mut group = Group::new(g.delimiter(), in_call_site_context(g.stream()));
                group.set_span(span);
                t = TokenTree::Group(group);
            } else {
                t.set_span(span);
            }
            t
        })
        .collect()
}

/// The impl with the trait's default methods it does not override, written out (the
/// trait's tokens, so messages about their bodies point into the trait).
fn with_defaults(mut item: syn::ItemImpl, trait_: &syn::ItemTrait) -> syn::ItemImpl {
    let defined: Vec<String> = item
        .items
        .iter()
        .filter_map(|it| match it {
            syn::ImplItem::Fn(f) => Some(f.sig.ident.to_string()),
            _ => None,
        })
        .collect();
    for it in &trait_.items {
        let syn::TraitItem::Fn(f) = it else { continue };
        let Some(block) = &f.default else { continue };
        if defined.contains(&f.sig.ident.to_string()) {
            continue;
        }
        item.items.push(syn::ImplItem::Fn(syn::ImplItemFn {
            attrs: f.attrs.clone(),
            vis: syn::Visibility::Inherited,
            defaultness: None,
            sig: f.sig.clone(),
            block: block.clone(),
        }));
    }
    item
}

/// Whether `impl Trait for V` names an operator trait, which the class's own expansion
/// implements (`operator.rs`), rather than a `#[jit] trait`.
pub(super) fn is_operator(item: &syn::ItemImpl) -> bool {
    let Some((_, path, _)) = &item.trait_ else {
        return false;
    };
    let last = path.segments.last().expect("a segment");
    jitclass_core::operators::OperatorTrait::named(&last.ident.to_string()).is_some()
}
