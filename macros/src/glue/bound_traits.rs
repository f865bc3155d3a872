//! The identities of the traits a function's bounds name (`S: Measure`, `impl<T: Price>`,
//! a default method's `where Self: Measure`), which jit code tells traits apart by (two
//! traits named `Measure` are two traits). A `#[jit] trait`'s companion macro gives its
//! identity; a bound may also be a plain Rust trait, which has no companion, and whose
//! identity is then `""` (jit code sees no impls of it; rustc checks calls from Rust).

use jitclass_core::ir::{ExprKind, FnIr};
use proc_macro2::TokenStream;
use quote::quote_spanned;
use syn::spanned::Spanned;

/// The traits (by `TraitRefId` index) that only bounds name, or a bare path before
/// `::f(..)` that may name a class instead (`FnIr::trait_owners`): no call by path of a
/// trait does, whose trait must be a `#[jit] trait`.
pub(super) fn tolerated(ir: &FnIr) -> Vec<u32> {
    let called: Vec<u32> = ir
        .exprs
        .iter()
        .filter_map(|e| match &e.kind {
            ExprKind::TraitCall { traits, .. } => Some(traits),
            _ => None,
        })
        .flatten()
        .map(|t| t.0)
        .collect();
    let self_bounds = ir.trait_scope.iter().flat_map(|s| &s.self_bounds);
    ir.trait_bounded
        .iter()
        .flat_map(|(_, traits)| traits)
        .chain(self_bounds)
        .chain(ir.trait_owners.iter().map(|(_, t)| t))
        .map(|t| t.0)
        .filter(|t| !called.contains(t))
        .collect()
}

/// The identity of the trait `path` names, `""` if it is not a `#[jit] trait` (a plain
/// Rust trait, a class or another type): the
/// import of the path in an inner block shadows the fallback imported in the outer one
/// in the macro namespace exactly when the trait has a companion macro (a glob import
/// of the fallback would do in one block, but rustc does not let a macro-expanded
/// import shadow a glob one).
pub(crate) fn tolerant_trait_id(path: &syn::Path) -> TokenStream {
    let span = path.span();
    // A generic trait (`Into<u8>`) is no `#[jit] trait`, and `use` takes no arguments.
    if path.segments.iter().any(|s| !s.arguments.is_none()) {
        return quote_spanned!(span=> "");
    }
    quote_spanned! {span=>
        {
            #[allow(unused_imports)]
            use ::jitclass::__private::bound_trait_fallback::__jitclass_bound_trait;
            {
                #[allow(unused_imports)]
                use #path as __jitclass_bound_trait;
                __jitclass_bound_trait!(@jitclass_trait_id)
            }
        }
    }
}
