//! `?Sized` on a type parameter of jit code, refused at its token.

use syn::spanned::Spanned;

/// What jit code says of a `?Sized` bound: every instantiation is compiled over sized types.
pub(crate) const UNSIZED_PARAM: &str = "`?Sized` type parameters are not supported in jit code: jit code is compiled for each instantiation's sized types\nhelp: remove `?Sized`";

/// The spans of the `?Sized` bounds in `generics`: on a parameter (`T: ?Sized + Shape`)
/// and in the where clause (`where T: ?Sized`).
pub(crate) fn unsized_bounds(generics: &syn::Generics) -> Vec<proc_macro2::Span> {
    let param_bounds = generics.type_params().flat_map(|tp| tp.bounds.iter());
    let where_bounds = generics
        .where_clause
        .iter()
        .flat_map(|wc| wc.predicates.iter())
        .filter_map(|p| match p {
            syn::WherePredicate::Type(pt) => Some(pt.bounds.iter()),
            _ => None,
        })
        .flatten();
    param_bounds
        .chain(where_bounds)
        .filter_map(|b| match b {
            syn::TypeParamBound::Trait(tb)
                if matches!(tb.modifier, syn::TraitBoundModifier::Maybe(_)) =>
            {
                Some(tb.span())
            }
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::unsized_bounds;

    #[test]
    fn finds_maybe_sized_on_params_and_in_where_clauses() {
        let g: syn::Generics = syn::parse_quote!(<T: ?Sized + Clone, U: Copy, V>);
        assert_eq!(unsized_bounds(&g).len(), 1);
        let mut g: syn::Generics = syn::parse_quote!(<T, U>);
        g.where_clause = Some(syn::parse_quote!(where U: ?Sized, T: Copy));
        assert_eq!(unsized_bounds(&g).len(), 1);
        let g: syn::Generics = syn::parse_quote!(<T: Sized>);
        assert!(unsized_bounds(&g).is_empty());
    }
}
