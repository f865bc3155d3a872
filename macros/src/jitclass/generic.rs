//! What a generic `#[jitclass]` (`struct Stack<T>`, `impl<T> Stack<T>`) adds to the
//! expansion of a class and its impl blocks: the family item (`__JitclassFamily_Stack`,
//! holding the one `static ClassInfo` of all instantiations, which the runtime
//! instantiates per type arguments), the bounds the glue needs of each parameter, and the
//! rewriting of `Self`'s class references to the family.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

/// The prefix of a family item's name, by which `glue::class_getters` recognises it.
pub(crate) const FAMILY_PREFIX: &str = "__JitclassFamily_";

/// The family item of the generic class `class`.
pub(super) fn family_ident(class: &syn::Ident) -> syn::Ident {
    format_ident!("{FAMILY_PREFIX}{}", class)
}

/// `path` (a class) with its last segment replaced by the class's family item.
pub(crate) fn family_path(path: &syn::Path) -> syn::Path {
    let mut path = path.clone();
    let last = path.segments.last_mut().expect("a segment");
    last.ident = family_ident(&last.ident);
    last.arguments = syn::PathArguments::None;
    path
}

/// The type parameters' identifiers.
pub(super) fn params(generics: &syn::Generics) -> Vec<syn::Ident> {
    generics.type_params().map(|tp| tp.ident.clone()).collect()
}

/// `generics` with `T: ::jitclass::JitType` for every type parameter: what crossing to
/// and from jit code needs of a value of type `T` (as a generic `#[jit] fn`'s glue asks).
pub(super) fn with_jit_bounds(generics: &syn::Generics) -> syn::Generics {
    let mut g = generics.clone();
    let idents = params(generics);
    let wc = g.make_where_clause();
    for ident in idents {
        wc.predicates
            .push(syn::parse_quote!(#ident: ::jitclass::JitType));
    }
    g
}

/// `generics` with `F: ::jitclass::JitType` for each field type `F` naming a parameter,
/// whose repr is then its payload field's type.
pub(super) fn with_field_bounds<'a>(
    mut generics: syn::Generics,
    field_types: impl Iterator<Item = &'a syn::Type>,
) -> syn::Generics {
    let wc = generics.make_where_clause();
    for ty in field_types {
        wc.predicates
            .push(syn::parse_quote!(#ty: ::jitclass::JitType));
    }
    generics
}

/// The class's type arguments as jit types, for the runtime (a `fn` pointer).
pub(super) fn type_args_fn(params: &[syn::Ident]) -> TokenStream {
    quote! {
        || ::std::vec![#(<#params as ::jitclass::JitArg>::jit_type()),*]
    }
}

/// The class references of a function or class with `Self`'s (`self_path`) replaced by
/// its family item, which a `static` can name without type arguments.
pub(super) fn family_class_paths(paths: &[syn::Path], self_path: &syn::Path) -> Vec<syn::Path> {
    paths
        .iter()
        .map(|p| {
            if p == self_path {
                family_path(p)
            } else {
                p.clone()
            }
        })
        .collect()
}
