//! Where the lend of a `String` a loop runs over (`for c in s.chars()`) ends: rustc's
//! borrow of `s` by the loop's iterator dies at its last use (NLL), so on a path that
//! leaves the loop for good the body may change or move `s` (`ir::loop_exits` finds
//! where). The lend (`lends.rs`) makes a change panic while the loop reads the text, so it
//! ends there: past such a point the loop's cursor never runs again and no view of the
//! text is read, so a change of the `String` moves no byte anyone uses, whatever the body
//! (rustc checks only bodies without type parameters, and no body's other handles).
//! Where the analysis finds no point, the lend lasts until the loop's block ends.

use jitclass_core::ir::loop_exits::{Point, borrow_end_points};
use jitclass_core::ir::{Block, ExprKind, LocalId, Stmt};

/// Whether a value of type `t` could hold a `&str` (conservatively: anything but the
/// types that own or copy what they hold).
fn may_hold_view(t: &jitclass_core::types::Type) -> bool {
    use jitclass_core::types::Type;
    match t {
        Type::Prim(_)
        | Type::Unit
        | Type::Never
        | Type::String
        | Type::Class(_)
        | Type::PassThru(_)
        | Type::Dyn { .. }
        | Type::FnPtr { .. }
        | Type::Ptr { .. } => false,
        Type::Tuple(parts) => parts.iter().any(may_hold_view),
        Type::Option(inner) | Type::Vec(inner) | Type::Array { elem: inner, .. } => {
            may_hold_view(inner)
        }
        Type::Map { key, value } => may_hold_view(key) || may_hold_view(value),
        Type::Str | Type::Slice { .. } | Type::Ref { .. } => true,
    }
}

impl super::FnCx<'_> {
    /// After the lend of the text `text` of the loop `block` holds began: where it ends
    /// early (the lend is the last one begun).
    pub(super) fn plan_text_lend_ends(&mut self, block: &Block, text: LocalId) {
        let Some(target) = block.stmts.iter().find_map(|s| match s {
            Stmt::Expr(e) if matches!(self.ir.expr(*e).kind, ExprKind::While { .. }) => Some(*e),
            _ => None,
        }) else {
            return;
        };
        let slot = self.lend_slots.len() - 1;
        let ExprKind::While { cond, body } = self.ir.expr(target).kind else {
            return;
        };
        let points = borrow_end_points(self.ir, target, body, &[text], &[cond, body], &|e| {
            may_hold_view(self.ty(e))
        });
        for p in points {
            self.text_lend_ends.entry(p).or_default().push(slot);
        }
    }

    /// Ends the lends of loop texts whose borrow dies at `point`.
    pub(super) fn end_text_lends_at(&mut self, point: Point) -> crate::compiler::CgResult<()> {
        let Some(slots) = self.text_lend_ends.get(&point).cloned() else {
            return Ok(());
        };
        for slot in slots {
            self.lower_count(slot)?;
        }
        Ok(())
    }
}
