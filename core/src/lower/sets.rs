//! `HashSet` syntax: the type `HashSet<K>` (also `std::collections::HashSet<K>` and
//! `std::collections::hash_set::HashSet<K>`), a map whose values never exist
//! (`Type::set`), and `HashSet::new()`, `HashSet::with_capacity(n)`. Its methods,
//! loops (`for k in &s`, `s.iter()`, `for k in s`) and places are the map's
//! (`lower/maps.rs`, `lower/vecs.rs`); inference tells the two apart by the value type.

use super::Lowerer;
use super::maps::{collection_call, one_path};
use crate::ir::*;
use crate::map_methods::hidden;
use syn::spanned::Spanned;

impl Lowerer {
    /// `HashSet::new()`, `HashSet::with_capacity(n)`; `None` if `path` is not an
    /// associated function path of `HashSet`.
    pub(super) fn set_call(&mut self, path: &syn::Path, c: &syn::ExprCall) -> Option<ExprId> {
        collection_call(self, path, c, "HashSet", is_set_path, hidden::SET_NEW)
    }
}

/// `HashSet<K>` and its std paths; `None` for other paths.
pub(super) fn lower_set_type(
    path: &syn::Path,
    scope: &mut super::types::TypeScope,
) -> syn::Result<Option<TypeExpr>> {
    if !is_set_path(path) {
        return Ok(None);
    }
    let last = path.segments.last().expect("a `HashSet` path has segments");
    let syn::PathArguments::AngleBracketed(args) = &last.arguments else {
        return Ok(None);
    };
    let [syn::GenericArgument::Type(key)] = args.args.iter().collect::<Vec<_>>()[..] else {
        return Err(syn::Error::new(
            args.span(),
            "`HashSet` takes one type in jit code: `HashSet<K>` (std's default hasher; no hasher parameter)",
        ));
    };
    let key = super::types::lower_type(key, scope, super::types::TypePos::Other)?;
    Ok(Some(TypeExpr::Map {
        key: Box::new(key),
        value: Box::new(TypeExpr::Never),
    }))
}

/// Whether `path` names std's `HashSet`, with or without arguments on its last segment.
pub(super) fn is_set_path(path: &syn::Path) -> bool {
    one_path(
        path,
        &[
            &["HashSet"],
            &["std", "collections", "HashSet"],
            &["std", "collections", "hash_set", "HashSet"],
        ],
    )
}
