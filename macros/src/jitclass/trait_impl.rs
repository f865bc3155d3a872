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
    if let Some(shown) = never_a_class(&item.self_ty) {
        // rustc's words of the runtime's `JitClass` check, once, at the type; the impl
        // stays as written, a Rust impl of the trait (which Rust types may implement).
        cx.push(syn::Error::new_spanned(
            &item.self_ty,
            format!("`{shown}` is not a `#[jitclass]` type\nnote: a `#[jitclass]` impl of a `#[jit] trait` is for a `#[jitclass]` struct; implement the trait for other types without `#[jitclass]`"),
        ));
        return quote! { #item };
    }
    let path = path.clone();
    quote! { #path! { #item } }
}

/// The type as shown, if it can be no `#[jitclass]` struct whatever is in scope: a
/// primitive (`i64`, `str`) or a type that is not a path (`(i64, f64)`, `&Circle`).
fn never_a_class(ty: &syn::Type) -> Option<String> {
    let primitive = match ty {
        syn::Type::Path(p) if p.qself.is_none() => p.path.get_ident().is_some_and(|i| {
            let name = i.to_string();
            name == "str" || jitclass_core::types::PrimTy::from_name(&name).is_some()
        }),
        syn::Type::Paren(p) => return never_a_class(&p.elem),
        syn::Type::Group(g) => return never_a_class(&g.elem),
        _ => true,
    };
    primitive.then(|| {
        quote!(#ty)
            .to_string()
            .replace(" ,", ",")
            .replace("( ", "(")
            .replace(" )", ")")
            .replace("& ", "&")
    })
}

/// The input of `__jit_trait_impl`: `"trait id" { trait } impl`.
struct TraitAndImpl {
    id: syn::LitStr,
    trait_: syn::ItemTrait,
    item: syn::ItemImpl,
}

impl Parse for TraitAndImpl {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let id = input.parse()?;
        let inner;
        syn::braced!(inner in input);
        Ok(TraitAndImpl {
            id,
            trait_: inner.parse()?,
            item: input.parse()?,
        })
    }
}

pub(crate) fn expand(input: TokenStream) -> TokenStream {
    let cx = Ctxt::new();
    let Some(context) = impl_context(&input) else {
        cx.error(Span::call_site(), "expected `{ trait } impl`");
        return cx.finish(TokenStream::new());
    };
    let tokens = match syn::parse2::<TraitAndImpl>(resolved_at(input, context)) {
        Ok(TraitAndImpl { id, trait_, item }) => {
            let (item, defaults) = with_defaults(item, &trait_);
            let (_, path, _) = item.trait_.as_ref().expect("a trait impl");
            let user_trait = UserTrait {
                name: trait_.ident.to_string(),
                id: id.value(),
                written: quote!(#path).to_string(),
                defaults,
            };
            let tokens = super::impl_block::expand_trait_impl(&cx, item, &user_trait);
            // The impl's items are named after its class and trait: in an unnamed const,
            // two impls of one trait for one class are rustc's E0119 alone.
            quote! { const _: () = { #tokens }; }
        }
        Err(e) => {
            cx.push(e);
            TokenStream::new()
        }
    };
    // The glue's own tokens too: all of it is then the `#[jitclass]` impl's, as if the
    // attribute had expanded it itself.
    resolved_at(cx.finish(tokens), context)
}

/// The `#[jit] trait` an impl implements, as its expansion reads it.
pub(crate) struct UserTrait {
    /// The trait's name, for the functions' names (`<Circle as Shape>::area`).
    pub(crate) name: String,
    /// The trait's identity (`jit_trait::identity`), which the impl's registry entries
    /// carry, so that jit code tells the functions of two traits of one name apart.
    pub(crate) id: String,
    /// The trait's path as the impl writes it (`a::Shape`), which tells the items of
    /// impls of two traits of one name apart.
    pub(crate) written: String,
    /// The default methods the impl does not override, written out by `with_defaults`:
    /// rustc has checked their bodies in the trait, so no shadow repeats that.
    pub(crate) defaults: Vec<String>,
}

/// A span in the hygiene context of the impl as the user wrote it (its first token,
/// after the trait's identity and group).
fn impl_context(input: &TokenStream) -> Option<Span> {
    input.clone().into_iter().nth(2).map(|t| t.span())
}

/// `input`'s tokens where they are, resolved in `context`. The trait's tokens come from
/// the companion's definition, the impl's from the user, and the glue's own tokens
/// (`Span::call_site()`) from this macro's call inside the companion: three contexts, in
/// which a `self` written in one is not the `self` of another. Resolved alike, they are
/// one function's, as in a `#[jitclass]` impl, and rustc's messages carry no note of
/// this macro.
fn resolved_at(input: TokenStream, context: Span) -> TokenStream {
    input
        .into_iter()
        .map(|mut t| {
            let span = t.span().resolved_at(context);
            if let TokenTree::Group(g) = &t {
                let mut group = Group::new(g.delimiter(), resolved_at(g.stream(), context));
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
fn with_defaults(mut item: syn::ItemImpl, trait_: &syn::ItemTrait) -> (syn::ItemImpl, Vec<String>) {
    let defined: Vec<String> = item
        .items
        .iter()
        .filter_map(|it| match it {
            syn::ImplItem::Fn(f) => Some(f.sig.ident.to_string()),
            _ => None,
        })
        .collect();
    let mut defaults = Vec::new();
    for it in &trait_.items {
        let syn::TraitItem::Fn(f) = it else { continue };
        let Some(block) = &f.default else { continue };
        if defined.contains(&f.sig.ident.to_string()) {
            continue;
        }
        defaults.push(f.sig.ident.to_string());
        item.items.push(syn::ImplItem::Fn(syn::ImplItemFn {
            attrs: f.attrs.clone(),
            vis: syn::Visibility::Inherited,
            defaultness: None,
            sig: f.sig.clone(),
            block: block.clone(),
        }));
    }
    (item, defaults)
}

/// Whether `impl Trait for V` is for the class's own expansion (`operator.rs`), rather
/// than a `#[jit] trait`'s: an operator trait, or another trait of the standard library,
/// which `operator.rs` refuses with the list of those jit code calls (a `#[jit] trait`
/// of that name would be confusing anyway).
pub(super) fn is_operator(item: &syn::ItemImpl) -> bool {
    let Some((_, path, _)) = &item.trait_ else {
        return false;
    };
    jitclass_core::lower::is_std_trait(path)
}
