//! The `sql` shape markers of an impl block's functions named like an SQL aggregate's parts.

use super::generic;
use super::impl_block::ImplBlock;
use crate::glue::{glue_signature, static_lifetimes};
use proc_macro2::TokenStream;
use quote::quote;

/// The `jitclass::__private::sql` marker a function named like an aggregate's parts
/// implements for its class (see `runtime/src/shapes.rs`); of a generic class, for each
/// instantiation the impl's bounds allow (`impl<T: ..> Step for Avg<T>`), so that
/// `register_aggregate::<Avg<f64>>` is checked as a non-generic class's registration.
pub(super) fn shape_marker(f: &syn::ImplItemFn, block: &ImplBlock<'_>) -> Option<TokenStream> {
    let (sig, _) = glue_signature(&f.sig, None);
    let receiver = sig
        .receiver()
        .map(|r| (r.reference.is_some(), r.mutability.is_some()));
    // `'static` for elided lifetimes (`&[u8]`), which an associated type cannot have.
    let params: Vec<syn::Type> = sig
        .inputs
        .iter()
        .filter_map(|a| match a {
            syn::FnArg::Typed(pt) => Some((*pt.ty).clone()),
            syn::FnArg::Receiver(_) => None,
        })
        .map(|mut t| {
            static_lifetimes(&mut t);
            t
        })
        .collect();
    let output = match &sig.output {
        syn::ReturnType::Default => quote!(()),
        syn::ReturnType::Type(_, t) => quote!(#t),
    };
    let shapes = quote!(::jitclass::__private::sql);
    let bounded = generic::with_jit_bounds(block.generics);
    let (impl_g, _, where_c) = bounded.split_for_impl();
    let self_path = block.self_ty;
    let body = match (f.sig.ident.to_string().as_str(), receiver) {
        ("new", None) if params.is_empty() => quote!(#shapes::New for #self_path #where_c {}),
        ("step", Some((true, true))) => {
            quote!(#shapes::Step for #self_path #where_c { type Args = (#(#params,)*); })
        }
        ("inverse", Some((true, true))) => {
            quote!(#shapes::Inverse for #self_path #where_c { type Args = (#(#params,)*); })
        }
        ("finalize", Some((true, _))) if params.is_empty() => {
            quote!(#shapes::Finalize for #self_path #where_c { type Output = #output; })
        }
        ("value", Some((true, _))) if params.is_empty() => {
            quote!(#shapes::Value for #self_path #where_c { type Output = #output; })
        }
        _ => return None,
    };
    Some(quote! {
        #[doc(hidden)]
        impl #impl_g #body
    })
}
