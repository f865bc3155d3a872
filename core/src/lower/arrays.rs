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

/// An array type past the limits of `infer::array_type_error` (its length, Rust's largest
/// value) is an error at the type. (Its elements are checked once their types are known:
/// a name may be a class or an alias, which only the run time tells apart.)
pub(crate) fn check_array_type(t: &TypeExpr, span: proc_macro2::Span) -> syn::Result<()> {
    if let Some(concrete) = crate::infer::concrete_type(t, &[])
        && let Some(error) = crate::infer::array_type_error(&concrete)
    {
        let (message, note) = error.message();
        return Err(syn::Error::new(span, format!("{message}\n{note}")));
    }
    Ok(())
}
