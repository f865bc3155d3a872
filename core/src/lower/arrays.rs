//! Fixed arrays: the literals `[a, b, c]` and `[value; N]`, and the check of written
//! array types (lengths that are not literals are constants: `constants.rs`).

use super::Lowerer;
use crate::ir::{ArrayInit, ExprId, ExprKind, TypeExpr};

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
        let len = self.repeat_len(&r.len);
        self.push(
            ExprKind::Array(ArrayInit::Repeat { value, len }),
            r.bracket_token.span.join(),
        )
    }
}

/// An array type written with elements jitclass does not store in arrays (handles,
/// `Vec`s), or past the limits of `infer::array_type_error` (its length, Rust's largest
/// value), is an error at the type. (A name may be a class or
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
