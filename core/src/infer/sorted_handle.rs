//! The hidden handle a sort evaluates its receiver into once (`lower/sort.rs`): its type.

use super::Infer;
use super::unify::Ty;
use crate::ir::{ExprId, ExprKind, LOOP_INDEX};

impl Infer<'_> {
    /// Types the hidden local of `sorted` (an `ExprKind::Local`) for the sort of
    /// `receiver` (of type `rt`): a `Vec` is held through a `&mut Vec<T>` to the one the
    /// sort lends; anything else (an array, which the sort reaches in its place) has the
    /// receiver's type, and codegen reads the receiver's place for it. Such a place is
    /// re-read at each access, so an element of one at an index the comparator could
    /// change is refused (only the index of a `&mut` loop cannot change).
    pub(super) fn sorted_handle(&mut self, receiver: ExprId, rt: &Ty, sorted: ExprId) {
        let ExprKind::Local(l) = self.ir.expr(sorted).kind else {
            return;
        };
        let t = match self.resolve(rt) {
            Ty::Vec(_) => Ty::Ref(Box::new(rt.clone()), true),
            // (Unknown where the macro checks a body without every type: jit compilation
            // decides.)
            Ty::Array(..) => {
                if self.has_changeable_index(receiver) {
                    let loc = self.loc(receiver);
                    self.diags.push(
                        crate::diag::Diagnostic::new(
                            loc,
                            "jit code sorts an array that is an element only through the variable of a `&mut` loop".to_string(),
                        )
                        .note("help: copy it out, sort it, and write it back: `let mut a = v[i]; a.sort(); v[i] = a;`"),
                    );
                }
                rt.clone()
            }
            _ => rt.clone(),
        };
        self.local_types[l.index()] = Some(t);
        self.local_assigned[l.index()] = true;
    }

    /// Whether the place `e` goes through an index other than a `&mut` loop's.
    fn has_changeable_index(&self, e: ExprId) -> bool {
        match &self.ir.expr(e).kind {
            ExprKind::Field(base, _) | ExprKind::TupleField(base, _) => {
                self.has_changeable_index(*base)
            }
            ExprKind::Index(base, index) => {
                !matches!(self.ir.expr(*index).kind,
                    ExprKind::Local(i) if self.ir.local(i).name == LOOP_INDEX)
                    || self.has_changeable_index(*base)
            }
            _ => false,
        }
    }
}
