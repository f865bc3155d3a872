//! Generic arguments written on calls (`FnIr::explicit_generics`): the callee's own,
//! after those the receiver's generic class gives; a count that differs is rustc's E0107.

use super::Infer;
use super::diagnostics;
use super::unify::Ty;
use crate::diag::Diagnostic;
use crate::ir::{ExprId, LocId};

impl Infer<'_> {
    /// The first generic arguments of the call `id` of a callee with `generics`
    /// parameters, `leading` of them the receiver's class's (`instantiate`): those, then
    /// the ones written on the call, if any. `None` after rustc's E0107 (as many must be
    /// written as the callee declares of its own).
    pub(super) fn call_generics(
        &mut self,
        id: ExprId,
        what: &str,
        generics: usize,
        leading: &[Ty],
    ) -> Option<Vec<Ty>> {
        let leading = &leading[..leading.len().min(generics)];
        let Some(written) = self.ir.explicit_generics_of(id) else {
            return Some(leading.to_vec());
        };
        let written = written.to_vec();
        let own = generics - leading.len();
        if written.len() != own {
            let loc = self.loc(id);
            self.diags.push(diagnostics::wrong_generic_argument_count(
                loc,
                what,
                own,
                written.len(),
            ));
            return None;
        }
        let mut all = leading.to_vec();
        for t in &written {
            let ty = self.ty_of_expr_type_with(t, None);
            all.push(ty);
        }
        Some(all)
    }
}

impl Infer<'_> {
    /// The refusal of `supplied` generic arguments written on the method `method` of a
    /// receiver of type `recv` that is no class (through references: a `&C` parameter or a
    /// loop's element is its class): rustc's E0107 where the Rust method takes none (`v.push::<i64>(1)`);
    /// where it takes some (`m.get::<i64>(&k)`, valid Rust), jit code does not take them.
    pub(super) fn std_method_turbofish(
        &mut self,
        recv: &Ty,
        method: &str,
        supplied: usize,
        loc: LocId,
    ) -> Option<Diagnostic> {
        let mut base = self.resolve(recv);
        while let Ty::Ref(inner, _) | Ty::Ptr(inner, _) = &base {
            base = self.resolve(inner);
        }
        if matches!(
            base,
            Ty::Class(_) | Ty::Applied(..) | Ty::Unknown | Ty::Var(_)
        ) {
            return None;
        }
        if !takes_generic_arguments_in_rust(&base, method) {
            return Some(diagnostics::wrong_generic_argument_count(
                loc, "method", 0, supplied,
            ));
        }
        Some(Diagnostic::new(
            loc,
            format!(
                "generic arguments on `{method}` of std's types are not supported in jit code; write the call without them: they are inferred"
            ),
        ))
    }
}

/// Whether std's method `method` of a value of type `recv` declares type parameters of
/// its own (a key's borrowed form, a pattern, a closure's type, a sort key), so that a
/// turbofish on it is valid Rust.
fn takes_generic_arguments_in_rust(recv: &Ty, method: &str) -> bool {
    match recv {
        Ty::Map(..) => matches!(
            method,
            "get"
                | "get_mut"
                | "get_key_value"
                | "contains_key"
                | "contains"
                | "remove"
                | "remove_entry"
                | "take"
                | "extend"
                | "retain"
        ),
        Ty::Vec(_) | Ty::Slice(..) | Ty::Array(..) => matches!(
            method,
            "get"
                | "get_mut"
                | "sort_by"
                | "sort_by_key"
                | "sort_unstable_by"
                | "sort_unstable_by_key"
                | "sort_by_cached_key"
                | "binary_search_by"
                | "binary_search_by_key"
                | "select_nth_unstable_by"
                | "select_nth_unstable_by_key"
                | "extend"
                | "retain"
                | "dedup_by_key"
                | "concat"
                | "join"
        ),
        Ty::Str | Ty::String => matches!(
            method,
            "contains"
                | "starts_with"
                | "ends_with"
                | "find"
                | "rfind"
                | "split"
                | "rsplit"
                | "splitn"
                | "rsplitn"
                | "split_terminator"
                | "split_once"
                | "rsplit_once"
                | "matches"
                | "match_indices"
                | "replace"
                | "replacen"
                | "trim_matches"
                | "trim_start_matches"
                | "trim_end_matches"
                | "strip_prefix"
                | "strip_suffix"
                | "parse"
                | "extend"
        ),
        Ty::Option(_) => matches!(
            method,
            "map"
                | "map_or"
                | "map_or_else"
                | "and"
                | "and_then"
                | "ok_or"
                | "ok_or_else"
                | "or_else"
                | "unwrap_or_else"
                | "filter"
                | "zip"
                | "is_some_and"
                | "is_none_or"
                | "get_or_insert_with"
        ),
        _ => false,
    }
}
