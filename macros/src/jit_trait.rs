//! `#[jit] trait Shape { .. }`: the trait as written (a real Rust trait, so that rustc
//! checks its impls and Rust code calls its methods), and a companion `macro_rules!`
//! named like the trait (macros have their own namespace, so `use shapes::Shape`
//! imports both) that carries the trait's tokens to its impls.
//!
//! `#[jitclass] impl Shape for Circle { .. }` expands to `Shape! { impl .. }`, which
//! hands the trait and the impl to the hidden proc macro `__jit_trait_impl`
//! (`jitclass::impl_block::expand_trait_impl`): each default method the impl does not
//! override is compiled for the class as if written in the impl, so jit code and Rust
//! code alike run it as jit code, monomorphised as rustc would.

use crate::ctxt::Ctxt;
use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use syn::spanned::Spanned;

pub(crate) fn expand(cx: &Ctxt, item: syn::ItemTrait) -> TokenStream {
    let mark = cx.mark();
    check_trait(cx, &item);
    crate::trait_default_names::check(cx, &item);
    let name = &item.ident;
    let id = identity(name);
    let module = format_ident!("__jitclass_trait_{}", name);
    // A refused trait (generic methods, say) gets no descriptor, whose getters would add
    // follow-up errors.
    let descriptor = if cx.failed_since(mark) {
        TokenStream::new()
    } else {
        descriptor(&item, &id)
    };
    // The companion's visibility: a private trait's is the module's (and its children's)
    // through a private import, anything wider is the crate's, since a `macro_rules!`
    // cannot be re-exported beyond it.
    let reexport = match &item.vis {
        syn::Visibility::Inherited => TokenStream::new(),
        _ => quote!(pub(crate)),
    };
    let rust_trait = crate::trait_default_bounds::with_jit_self(&item);
    quote! {
        // Jit code's calls of its methods go through dispatchers, which rustc cannot see.
        #[allow(dead_code)]
        #rust_trait

        #descriptor

        #[doc(hidden)]
        #[allow(non_snake_case)]
        mod #module {
            #[doc(hidden)]
            #[allow(unused_macros)]
            macro_rules! #name {
                // The trait's identity, for jit code's calls of its functions by path.
                (@jitclass_trait_id) => { #id };
                // `Shape::area(&c)`: the path names this trait, not a class, and jit code
                // calls the trait's function (`FnIr::trait_owners`), never this getter.
                (@jitclass_class_info $($getter:tt)*) => {
                    ::core::unreachable!("a `#[jit] trait` is not a class")
                };
                // A generic body's call of a function by this trait's path (`Meter::read(s)`),
                // with a value of an unbounded parameter: rustc checks it (E0277).
                (@jitclass_trait_call_check $($check:tt)*) => { $($check)* };
                ($($impl_:tt)*) => {
                    ::jitclass::__private::jit_trait_impl! { #id { #item } $($impl_)* }
                };
            }
            #[allow(unused_imports)]
            pub(crate) use #name;
        }
        #[doc(hidden)]
        #[allow(unused_imports)]
        #reexport use #module::#name;
    }
}

/// The trait's descriptor (`jitclass::__private::TraitInfo`) and its entry in the
/// registry of traits, where jit code finds it by the trait's identity: its lowered
/// declaration, and the getters of the classes and `PassThru` types its signatures name,
/// resolved here, in the trait's scope. A named type that is not a class is no error
/// (the trait may be implemented by Rust types): its getter finds no class.
fn descriptor(item: &syn::ItemTrait, id: &str) -> TokenStream {
    let lowered = jitclass_core::lower::lower_trait(item);
    let ir = syn::LitByteStr::new(&lowered.ir.encode(), proc_macro2::Span::call_site());
    let name = item.ident.to_string();
    let info = format_ident!("__JITCLASS_TRAIT_INFO_{}", item.ident);
    let entry = format_ident!("__JITCLASS_TRAIT_ENTRY_{}", item.ident);
    let classes = lowered.class_paths.iter().map(|path| {
        quote! {
            {
                fn __jitclass_class_info() -> ::core::option::Option<&'static ::jitclass::ClassInfo> {
                    ::jitclass::__private::ClassProbe::<#path>::new().class_info()
                }
                __jitclass_class_info as fn() -> ::core::option::Option<&'static ::jitclass::ClassInfo>
            }
        }
    });
    let opaques = crate::glue::opaque_getters(&lowered.opaque_types);
    quote! {
        #[doc(hidden)]
        #[allow(non_upper_case_globals)]
        static #info: ::jitclass::__private::TraitInfo = ::jitclass::__private::TraitInfo::new(
            #name,
            #id,
            #ir,
            &[#(#classes),*],
            &[#(#opaques),*],
        );
        #[doc(hidden)]
        #[allow(non_upper_case_globals)]
        #[::jitclass::__private::linkme::distributed_slice(::jitclass::__private::TRAITS)]
        #[linkme(crate = ::jitclass::__private::linkme)]
        static #entry: &'static ::jitclass::__private::TraitInfo = &#info;
    }
}

/// The trait's identity in the registry of class functions: its crate, name and where
/// it is written, which no other trait of the program shares (two traits of one name in
/// two modules are two traits).
fn identity(name: &syn::Ident) -> String {
    let span = name.span();
    let at = span.start();
    let krate = std::env::var("CARGO_CRATE_NAME").unwrap_or_default();
    format!("{krate}::{name}@{}:{}:{}", span.file(), at.line, at.column)
}

/// What a `#[jit] trait` may hold: functions, not generic (rustc's monomorphisation of
/// a generic method is not there yet), without supertraits or generics on the trait.
fn check_trait(cx: &Ctxt, item: &syn::ItemTrait) {
    if let Some(g) = item.generics.params.first() {
        cx.error(g.span(), "`#[jit]` traits cannot be generic yet");
    }
    if let Some(bound) = item.supertraits.first() {
        cx.error(bound.span(), "`#[jit]` traits cannot have supertraits yet");
    }
    if let Some(unsafety) = &item.unsafety {
        cx.error(unsafety.span, "`#[jit]` traits cannot be `unsafe`");
    }
    for it in &item.items {
        match it {
            syn::TraitItem::Fn(f) => {
                if let Some(g) = f.sig.generics.params.first() {
                    cx.error(g.span(), "methods of `#[jit]` traits cannot be generic yet");
                }
            }
            other => cx.error(
                other.span(),
                "only functions are supported in `#[jit]` traits",
            ),
        }
    }
}
