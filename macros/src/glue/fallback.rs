//! After errors: a function with its signature and a body that panics, so that its
//! callers still type-check and produce no follow-up errors.

use proc_macro2::TokenStream;
use quote::quote;

/// `sig` (a glue signature) with a body that panics, keeping `attrs` and `vis`.
pub(crate) fn failed_fn<'a>(
    attrs: impl IntoIterator<Item = &'a syn::Attribute>,
    vis: &syn::Visibility,
    sig: &syn::Signature,
    block: &syn::Block,
) -> TokenStream {
    let attrs = attrs.into_iter();
    // Its `objmode!` calls stay named, so that their imports count as used.
    let objmodes = crate::objmode::paths_in(block);
    // Its trait objects stay written, so that rustc says which traits cannot be one.
    let objects = super::dyn_mentions::trait_objects_in(block);
    // A plain `panic!` with a literal, because `unreachable!` formats, which a `const fn`
    // (already reported) cannot.
    quote! {
        #(#attrs)*
        #[allow(unused_variables)]
        #vis #sig {
            #(#objmodes!(@check);)*
            #(let _: ::core::option::Option<&(#objects)> = ::core::option::Option::None;)*
            ::core::panic!("this jit fn failed to compile")
        }
    }
}
