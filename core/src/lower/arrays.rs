//! Fixed arrays: the literals `[a, b, c]` and `[value; N]`, and array lengths, which are
//! integer literals (a `const` item's value is not known to the macro).

use super::{Lowerer, strip_parens};
use crate::ir::{ArrayInit, ExprId, ExprKind, TypeExpr};
use syn::spanned::Spanned;

impl Lowerer {
    /// `[a, b, c]`.
    pub(super) fn array_list(&mut self, a: &syn::ExprArray) -> ExprId {
        let elems = a.elems.iter().map(|e| self.expr(e)).collect();
        self.push(
            ExprKind::Array(ArrayInit::List(elems)),
            a.bracket_token.span.join(),
        )
    }

    /// `[value; N]`.
    pub(super) fn array_repeat(&mut self, r: &syn::ExprRepeat) -> ExprId {
        let value = self.expr(&r.expr);
        let is_local = |name: &str| self.lookup(name).is_some();
        match array_len(&r.len, &is_local) {
            Ok(len) => self.push(
                ExprKind::Array(ArrayInit::Repeat { value, len }),
                r.bracket_token.span.join(),
            ),
            Err(e) => {
                self.errors.push(e);
                self.push(
                    ExprKind::Array(ArrayInit::Repeat { value, len: 0 }),
                    r.bracket_token.span.join(),
                )
            }
        }
    }
}

/// An array type written with elements jitclass does not store in arrays (handles,
/// `Vec`s), or past `MAX_ARRAY_VALUES`, is an error at the type. (A name may be a class or
/// an alias, which only the run time tells apart: inference refuses arrays of instances
/// at the first call, and a class's layout check a field holding one.)
pub(crate) fn check_array_type(t: &TypeExpr, span: proc_macro2::Span) -> syn::Result<()> {
    let mut managed = None;
    t.for_each_part(&mut |p| {
        if managed.is_none()
            && let TypeExpr::Array { elem, .. } = p
        {
            elem.for_each_part(&mut |e| {
                if matches!(e, TypeExpr::PassThru(_) | TypeExpr::Vec(_)) {
                    managed = Some(());
                }
            });
        }
    });
    if managed.is_some() {
        return Err(syn::Error::new(
            span,
            "arrays of `PassThru` handles or `Vec`s are not supported in jit code yet\nnote: array elements are numbers, `bool`, tuples, `Option`s, raw and function pointers, or arrays of them; keep instances, handles and `Vec`s in a `Vec`",
        ));
    }
    if let Some(concrete) = crate::infer::concrete_type(t, &[])
        && let Some(error) = crate::infer::array_type_error(&concrete)
    {
        let (message, note) = error.message();
        return Err(syn::Error::new(span, format!("{message}\n{note}")));
    }
    Ok(())
}

/// The length `N` of `[T; N]` or `[value; N]`: an integer literal. `is_local` says
/// whether a name is a local variable, which rustc refuses in a constant (E0435).
pub(crate) fn array_len(e: &syn::Expr, is_local: &dyn Fn(&str) -> bool) -> syn::Result<u64> {
    match strip_parens(e) {
        syn::Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Int(i),
            ..
        }) if matches!(i.suffix(), "" | "usize") => i
            .base10_parse::<u64>()
            .map_err(|_| syn::Error::new(i.span(), "array length too large for `usize`")),
        syn::Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Int(i),
            ..
        }) => Err(syn::Error::new(
            i.span(),
            format!(
                "mismatched types: expected `usize`, found `{}`\nnote: array lengths are `usize`",
                i.suffix()
            ),
        )),
        syn::Expr::Path(p) if p.path.get_ident().is_some_and(|i| is_local(&i.to_string())) => {
            Err(syn::Error::new(
                p.span(),
                "attempt to use a non-constant value in a constant\nhelp: an array's length is known at compile time; for a length known at run time, use a `Vec`: `vec![x; n]`",
            ))
        }
        syn::Expr::Path(p) => Err(syn::Error::new(
            p.span(),
            "array lengths that name a constant are not supported in jit code yet; write the length as an integer literal",
        )),
        other => Err(syn::Error::new(
            other.span(),
            "array lengths in jit code are integer literals",
        )),
    }
}
