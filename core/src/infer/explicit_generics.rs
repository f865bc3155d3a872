//! Generic arguments written on calls (`FnIr::explicit_generics`): the callee's own,
//! after those the receiver's generic class gives; a count that differs is rustc's E0107.

use super::Infer;
use super::diagnostics;
use super::unify::Ty;
use crate::ir::ExprId;

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
