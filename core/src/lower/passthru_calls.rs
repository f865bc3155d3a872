//! Associated functions of `PassThru` written by path in jit code (`PassThru::clone(&x)`).

use super::Lowerer;
use crate::ir::{ExprId, ExprKind};
use syn::spanned::Spanned;

impl Lowerer {
    /// `PassThru::clone(&x)` (also `jitclass::PassThru::clone`): Rust's `Clone::clone`
    /// of the handle, the method call `x.clone()`. Another function of `PassThru` is an
    /// error at its name; `None` for a path whose owner is not `PassThru`.
    pub(super) fn passthru_call(&mut self, path: &syn::Path, c: &syn::ExprCall) -> Option<ExprId> {
        let (owner, n) = super::types::owner_of_assoc_path(path)?;
        let last_owner = owner.segments.last()?;
        if last_owner.ident != "PassThru" || !last_owner.arguments.is_none() {
            return None;
        }
        let name = &path.segments[n - 1].ident;
        let receiver = match (c.args.first(), c.args.len()) {
            (Some(syn::Expr::Reference(r)), 1)
                if name == "clone"
                    && r.mutability.is_none()
                    && path.segments[n - 1].arguments.is_none() =>
            {
                &r.expr
            }
            _ => {
                return Some(self.invalid(
                    name.span(),
                    format!(
                        "`PassThru::{name}` is not supported in jit code\nhelp: jit code clones a handle with `x.clone()` or `PassThru::clone(&x)`"
                    ),
                ));
            }
        };
        let receiver = self.expr(receiver);
        Some(self.push(
            ExprKind::MethodCall {
                receiver,
                method: "clone".to_string(),
                args: Vec::new(),
            },
            c.span(),
        ))
    }
}
