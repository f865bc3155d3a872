//! `String` syntax: the type's paths and its constructors `String::new()`,
//! `String::with_capacity(n)` and `String::from(s)`, lowered to methods of `()` under
//! names users cannot write (`crate::string_methods::hidden`), as `HashMap::new()` is.

use super::{Lowerer, span};
use crate::ir::*;
use crate::string_methods::hidden;
use syn::spanned::Spanned;

/// `String`, `std::string::String` or `alloc::string::String`, without arguments.
pub(super) fn is_string_path(path: &syn::Path) -> bool {
    let names: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
    path.segments.iter().all(|s| s.arguments.is_none())
        && matches!(
            names.iter().map(String::as_str).collect::<Vec<_>>()[..],
            ["String"] | ["std" | "alloc", "string", "String"]
        )
}

impl Lowerer {
    /// `String::f(args)`; `None` for other paths.
    pub(super) fn string_call(&mut self, path: &syn::Path, c: &syn::ExprCall) -> Option<ExprId> {
        let (owner, n) = super::types::owner_of_assoc_path(path)?;
        if !is_string_path(&owner) {
            return None;
        }
        let span = span::of(&c.func);
        let name = &path.segments[n - 1].ident;
        let func = name.to_string();
        let (method, expected) = match func.as_str() {
            "new" => (hidden::NEW, 0),
            "with_capacity" => (hidden::WITH_CAPACITY, 1),
            "from" => (hidden::FROM, 1),
            _ => {
                return Some(self.invalid(
                    name.span(),
                    format!("`String::{func}` is not supported in jit code yet: jit code makes a `String` with `String::new()`, `String::with_capacity(n)`, `String::from(s)` or `s.to_string()`"),
                ));
            }
        };
        if !path.segments[n - 1].arguments.is_none() {
            return Some(self.invalid(
                path.segments[n - 1].arguments.span(),
                format!("`String::{func}` takes no type arguments"),
            ));
        }
        if c.args.len() != expected {
            return Some(self.invalid(
                span,
                format!(
                    "this function takes {expected} argument{} but {} argument{} supplied",
                    if expected == 1 { "" } else { "s" },
                    c.args.len(),
                    if c.args.len() == 1 { " was" } else { "s were" }
                ),
            ));
        }
        let args: Vec<ExprId> = c.args.iter().map(|a| self.call_arg(a)).collect();
        let unit = self.push(ExprKind::Lit(Lit::Unit), span);
        Some(self.push(
            ExprKind::MethodCall {
                receiver: unit,
                method: method.into(),
                args,
            },
            span,
        ))
    }
}
