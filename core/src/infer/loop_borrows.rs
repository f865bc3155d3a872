//! A borrowed loop (`for x in &v`, lowered to a counted loop over `v`'s indices) keeps
//! `v` borrowed for its body, as in Rust: the body may not change `v`'s length or lend it
//! mutably (rustc's E0502) where the loop's borrow is live, that is but on a path leaving
//! the loop once nothing reads the element any more (NLL: `v.push(x); break;`, found by
//! `ir::loop_exits`). Codegen re-indexes `v` at each iteration, so breaking the rule could
//! not read freed memory; the check keeps jitclass refusing what rustc refuses in generic
//! bodies, which rustc never sees (non-generic ones it checks itself).

use super::Infer;
use super::diagnostics;
use super::resolution::Resolution;
use super::unify::Ty;
use crate::ir::{ExprId, ExprKind, LOOP_INDEX, Stmt, loop_exits};
use crate::methods::Builtin;
use crate::vec_methods;
use std::collections::HashSet;

impl Infer<'_> {
    /// Refuses, in the body of each `for x in &v` loop, a call of a `Vec` method taking
    /// `&mut self` on `v` (or a place overlapping it) and a mutable slice of it.
    pub(super) fn check_borrowed_loops(&mut self) {
        for (i, e) in self.ir.exprs.iter().enumerate() {
            let ExprKind::ForRange { var, end, body, .. } = e.kind else {
                continue;
            };
            if self.ir.local(var).name != LOOP_INDEX {
                continue;
            }
            let ExprKind::MethodCall { receiver, .. } = self.ir.expr(end).kind else {
                continue;
            };
            // `for x in &mut v` binds no element (`x` names `v[i]`): only shared loops,
            // whose body starts by binding the element, are checked here.
            let shared = match &self.ir.expr(body).kind {
                ExprKind::Block(b) => matches!(
                    b.stmts.first(),
                    Some(Stmt::Let { init: Some(init), .. })
                        if matches!(self.ir.expr(*init).kind, ExprKind::Index(_, i)
                            if matches!(self.ir.expr(i).kind, ExprKind::Local(l) if l == var))
                ),
                _ => false,
            };
            if !shared || !self.is_place_chain(receiver) {
                continue;
            }
            let Some(root) = self.root_local_of(receiver) else {
                continue;
            };
            let container = self.place_path(receiver);
            let after_last_use = self.after_loop_borrow_ends(ExprId(i as u32), body);
            let mut stack = vec![body];
            while let Some(x) = stack.pop() {
                let kind = &self.ir.expr(x).kind;
                kind.for_each_child(|c| stack.push(c));
                let changed = match kind {
                    ExprKind::MethodCall { receiver: r, .. } => match self.resolutions[x.index()] {
                        Some(Resolution::Builtin(Builtin::Vec(m))) => vec_methods::VEC_METHODS
                            .iter()
                            .any(|s| s.method == m && s.mutates),
                        // A map's and a set's too (`for (k, v) in &m`, `m.keys()`).
                        Some(Resolution::Builtin(Builtin::Map(m))) => {
                            crate::map_methods::mutates(m)
                        }
                        _ => false,
                    }
                    .then_some(*r),
                    _ => self.lent_place(x).filter(|(_, m)| *m).map(|(p, _)| p),
                };
                let Some(place) = changed else {
                    continue;
                };
                if after_last_use.contains(&x) {
                    continue;
                }
                if !self.is_place_chain(place) || self.root_local_of(place) != Some(root) {
                    continue;
                }
                let path = self.place_path(place);
                if path.starts_with(&container) || container.starts_with(&path) {
                    let name = self.ir.local(root).name.clone();
                    self.diags.push(diagnostics::changed_while_iterated(
                        self.ir.expr(place).loc,
                        &name,
                    ));
                    return;
                }
            }
        }
    }
}

impl Infer<'_> {
    /// The expressions of the body of the borrowed loop `target` that run after its
    /// borrow died, on paths leaving the loop (`loop_exits`).
    fn after_loop_borrow_ends(&self, target: ExprId, body: ExprId) -> HashSet<ExprId> {
        let ExprKind::Block(b) = &self.ir.expr(body).kind else {
            return HashSet::new();
        };
        let Some(Stmt::Let { pattern, .. }) = b.stmts.first() else {
            return HashSet::new();
        };
        let mut element = Vec::new();
        pattern.for_each_local(&mut |l| element.push(l));
        // A `String` place (`let y = e;` of a `&String` element, which jit code holds
        // by value) is a reference in Rust: a `String` cannot move out of a borrow. A
        // `String` made by a call (`e.clone()`) owns its bytes.
        let is_place = |e: ExprId| {
            matches!(
                self.ir.expr(e).kind,
                ExprKind::Local(_)
                    | ExprKind::Field(..)
                    | ExprKind::TupleField(..)
                    | ExprKind::Index(..)
            )
        };
        let may_borrow = |e: ExprId| match self.resolve(&self.expr_types[e.index()]) {
            Ty::Prim(_) | Ty::Unit | Ty::Never => false,
            Ty::String => is_place(e),
            _ => true,
        };
        let points =
            loop_exits::borrow_end_points(self.ir, target, body, &element, &[body], &may_borrow);
        self.exprs_after(&points)
    }

    /// The expressions that run past the points `points` (`loop_exits::Point`s) of their
    /// blocks, where a loop's borrow is dead.
    pub(super) fn exprs_after(&self, points: &[loop_exits::Point]) -> HashSet<ExprId> {
        let mut after = HashSet::new();
        for &(block, k) in points {
            let ExprKind::Block(b) = &self.ir.expr(block).kind else {
                continue;
            };
            let mut stack: Vec<ExprId> = b.stmts[k..]
                .iter()
                .filter_map(|s| match s {
                    Stmt::Let { init, .. } => *init,
                    Stmt::Expr(e) => Some(*e),
                })
                .chain(b.tail)
                .collect();
            while let Some(x) = stack.pop() {
                after.insert(x);
                self.ir.expr(x).kind.for_each_child(|c| stack.push(c));
            }
        }
        after
    }
}
