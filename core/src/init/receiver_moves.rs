//! The move check of a method call's receiver: an argument that moves the local the call
//! borrows as its receiver is rustc's E0505 (`v.push(C { items: v })`).

use super::{Checker, MovedPath, State, show_path};
use crate::ir::{ExprId, ExprKind, LocalId};
use std::collections::BTreeSet;

impl Checker<'_> {
    /// The local (and the tuple fields from it) a method call borrows as its receiver
    /// for the whole call: a place of a tracked local that the method does not take by
    /// value (`v.push(..)`, `t.0.push(..)`, `h.items.push(..)`).
    pub(super) fn borrowed_receiver(&self, receiver: ExprId) -> Option<(LocalId, MovedPath)> {
        let moves = self.moves.as_ref()?;
        if !moves.borrowing_reads.contains(&receiver) {
            return None;
        }
        let mut path = MovedPath::new();
        let mut e = receiver;
        loop {
            match self.ir.expr(e).kind {
                ExprKind::TupleField(base, i) => {
                    path.push(i);
                    e = base;
                }
                // Past a field or an element, the whole of what is before is borrowed.
                ExprKind::Field(base, _) | ExprKind::Index(base, _) => {
                    path.clear();
                    e = base;
                }
                ExprKind::Local(l) if moves.tracked[l.index()] => {
                    path.reverse();
                    return Some((l, path));
                }
                _ => return None,
            }
        }
    }

    /// An argument moved the receiver's local, which the call borrows until it returns:
    /// rustc's E0505 (`v.push(C { items: v })`), at the move.
    pub(super) fn borrowed_receiver_moved(
        &mut self,
        (local, path): (LocalId, &MovedPath),
        before: &BTreeSet<MovedPath>,
        method: &str,
        state: &State,
    ) {
        if state.diverged {
            return;
        }
        let moved = &state.moved[local.index()];
        let Some(gone) = moved
            .difference(before)
            .find(|g| g.starts_with(path) || path.starts_with(g))
        else {
            return;
        };
        let name = self.ir.local(local).name.clone();
        let gone = show_path(&name, gone);
        let borrowed = show_path(&name, path);
        let Some(&at) = self.move_sites.get(&local) else {
            return;
        };
        self.report(
            local,
            at,
            format!("cannot move out of `{gone}` because it is borrowed"),
            format!(
                "note: `{borrowed}` is borrowed by the call of `{method}` on it until the call returns, so its arguments cannot move it"
            ),
        );
    }
}
