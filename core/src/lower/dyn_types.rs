//! Trait objects in written types (`dyn Shape`, `&dyn Shape`, `Box<dyn Shape>`): refused
//! at the `dyn` token, in one wording, with static dispatch as the way that works today.

use quote::ToTokens;
use syn::spanned::Spanned;

/// The error for a trait object written in jit code, wherever it is (a parameter, a
/// `let` type, a `Vec`'s or a `Box`'s element). A trait the glue names must be one rustc
/// can make a trait object of: `glue/dyn_mentions.rs` in the macros has rustc check that
/// (E0038), so this error is not the only one for a trait that is not dyn compatible.
pub(super) fn trait_object_error(object: &syn::TypeTraitObject) -> syn::Error {
    let bounds = object.bounds.to_token_stream().to_string();
    let message = format!("trait objects (`dyn {bounds}`) are not supported in jit code yet");
    // Closures are not values of jit code, so only a trait of the user's has a way out.
    let help = object.bounds.iter().find_map(|b| match b {
        syn::TypeParamBound::Trait(t) if !is_closure_trait(&t.path) => Some(format!(
            "\nhelp: for static dispatch, take a generic parameter bounded by the trait (`fn f<S: {}>(s: &S)`), one specialisation per type",
            t.to_token_stream()
        )),
        _ => None,
    });
    syn::Error::new(object.span(), message + &help.unwrap_or_default())
}

/// `Fn(..)`, `FnMut(..)`, `FnOnce(..)`.
fn is_closure_trait(path: &syn::Path) -> bool {
    path.segments
        .last()
        .is_some_and(|s| matches!(s.ident.to_string().as_str(), "Fn" | "FnMut" | "FnOnce"))
}

/// The trait object a `Box<..>` holds (`Box<dyn Shape>`), so that the error is about the
/// trait object rather than about `Box`.
pub(super) fn boxed_trait_object(path: &syn::Path) -> Option<&syn::TypeTraitObject> {
    let last = path.segments.last()?;
    if last.ident != "Box" {
        return None;
    }
    let syn::PathArguments::AngleBracketed(args) = &last.arguments else {
        return None;
    };
    match args.args.iter().collect::<Vec<_>>().as_slice() {
        [syn::GenericArgument::Type(syn::Type::TraitObject(object))] => Some(object),
        _ => None,
    }
}
