//! Generic classes at macro time: a `#[jitclass]` struct's (or impl's) type parameters,
//! and `Class<T, ..>` spelled with them in order, which names `Self` (one family member
//! per instantiation is the runtime's, `runtime/src/generic_class.rs`).

use super::types::TypeScope;
use quote::ToTokens;
use syn::spanned::Spanned;

/// The names of a class's (or its impl's) type parameters; lifetimes and const
/// parameters are refused, each at its token.
pub fn type_params(generics: &syn::Generics) -> Result<Vec<String>, Vec<syn::Error>> {
    let mut names = Vec::new();
    let mut errors = Vec::new();
    for param in &generics.params {
        match param {
            syn::GenericParam::Type(tp) => names.push(tp.ident.to_string()),
            syn::GenericParam::Lifetime(lt) => errors.push(syn::Error::new(
                lt.span(),
                "lifetime parameters are not supported on `#[jitclass]` types: an instance is a counted reference that borrows nothing\nhelp: remove the lifetime and store owned values",
            )),
            syn::GenericParam::Const(c) => errors.push(syn::Error::new(
                c.span(),
                "const generic parameters are not supported on `#[jitclass]` types yet\nhelp: use a type parameter, or an associated constant of a non-generic class",
            )),
        }
    }
    if errors.is_empty() {
        Ok(names)
    } else {
        Err(errors)
    }
}

/// `Class<T, ..>` where `Class` is the generic class `Self` stands for and the arguments
/// are its own parameters in order: `Self`'s path. Any other arguments are not
/// supported in jit code yet (`None`, and the caller refuses them).
pub(super) fn self_applied(path: &syn::Path, scope: &TypeScope) -> Option<syn::Path> {
    let self_path = scope.self_path.as_ref()?;
    if scope.self_generics == 0 {
        return None;
    }
    let last = path.segments.last()?;
    let written_prefix: Vec<String> = path
        .segments
        .iter()
        .map(|s| s.ident.to_string())
        .collect();
    let self_names: Vec<String> = self_path
        .segments
        .iter()
        .map(|s| s.ident.to_string())
        .collect();
    if written_prefix != self_names
        || path
            .segments
            .iter()
            .rev()
            .skip(1)
            .any(|s| !s.arguments.is_none())
    {
        return None;
    }
    let syn::PathArguments::AngleBracketed(args) = &last.arguments else {
        return None;
    };
    let written: Vec<String> = args
        .args
        .iter()
        .map(|a| a.to_token_stream().to_string())
        .collect();
    (written[..] == scope.generics[..scope.self_generics.min(scope.generics.len())])
        .then(|| self_path.clone())
}
