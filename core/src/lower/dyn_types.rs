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

/// A trait object of one `#[jit] trait` (`dyn Shape`), held as `pointer` says: its trait
/// is named like a trait call's (`FnIr::traits`, resolved by the glue through the trait's
/// companion macro, so a trait without `#[jit]` is rustc's "cannot find macro"). Other
/// bounds (`dyn Shape + Send`, `dyn Fn(i64)`, `?Sized`) are refused at their token.
#[allow(dead_code)] // Wired when trait objects are lifted (issue 17's last step).
pub(super) fn lower_trait_object(
    object: &syn::TypeTraitObject,
    pointer: crate::types::DynPointer,
    scope: &mut super::types::TypeScope,
) -> syn::Result<crate::ir::TypeExpr> {
    let mut bounds = object.bounds.iter();
    let Some(syn::TypeParamBound::Trait(bound)) = bounds.next() else {
        return Err(trait_object_error(object));
    };
    if let Some(extra) = bounds.next() {
        return Err(syn::Error::new(
            extra.span(),
            "a trait object in jit code names one `#[jit] trait` and no other bound",
        ));
    }
    let plain = matches!(bound.modifier, syn::TraitBoundModifier::None)
        && bound.lifetimes.is_none()
        && !is_closure_trait(&bound.path)
        && bound.path.segments.iter().all(|s| s.arguments.is_none());
    if !plain {
        return Err(trait_object_error(object));
    }
    Ok(crate::ir::TypeExpr::Dyn {
        trait_ref: scope.trait_ref(&bound.path),
        pointer,
    })
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::{TraitRefId, TypeExpr};
    use crate::types::DynPointer;

    fn lower(src: &str, scope: &mut super::super::types::TypeScope) -> Result<TypeExpr, String> {
        let syn::Type::TraitObject(object) = syn::parse_str::<syn::Type>(src).expect("a type")
        else {
            panic!("not a trait object: {src}");
        };
        lower_trait_object(&object, DynPointer::Box, scope).map_err(|e| e.to_string())
    }

    #[test]
    fn a_trait_object_names_its_trait_once_per_path() {
        let mut scope = Default::default();
        let dyn_of = |i| TypeExpr::Dyn {
            trait_ref: TraitRefId(i),
            pointer: DynPointer::Box,
        };
        assert_eq!(lower("dyn Shape", &mut scope), Ok(dyn_of(0)));
        assert_eq!(lower("dyn shapes::Shape", &mut scope), Ok(dyn_of(1)));
        assert_eq!(lower("dyn Shape", &mut scope), Ok(dyn_of(0)));
        assert_eq!(scope.traits.len(), 2);
    }

    #[test]
    fn other_bounds_are_refused() {
        let mut scope = Default::default();
        let err = lower("dyn Shape + Send", &mut scope).unwrap_err();
        assert!(
            err.contains("one `#[jit] trait` and no other bound"),
            "{err}"
        );
        for src in ["dyn Fn(i64) -> i64", "dyn Shape<f64>", "dyn for<'a> Shape"] {
            let err = lower(src, &mut scope).unwrap_err();
            assert!(
                err.contains("are not supported in jit code yet"),
                "{src}: {err}"
            );
        }
        assert!(scope.traits.is_empty());
    }
}
