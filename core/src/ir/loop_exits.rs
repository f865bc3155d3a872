//! Where a loop's borrow of what it runs over dies (rustc's NLL): the first points of
//! its body from which every path leaves the loop for good (`break`, `return`, a
//! `break`/`continue` of an outer loop, a panic) and nothing left on the way reads a
//! borrow the loop made (its text, its element, a local made from them). Past such a
//! point the loop's iterator never runs again, so the body may change or move what the
//! loop borrowed, as rustc allows: codegen ends the lend of a `String` a loop runs over
//! there (`text_loop_lend.rs`), and inference allows a change of a borrowed loop's `Vec`
//! or map there (`infer/loop_borrows.rs`).
//!
//! The analysis is conservative: a point it misses keeps the borrow to the loop's end.

use super::{BinOp, Block, ExprId, ExprKind, FnIr, LocalId, Stmt};
use std::collections::HashSet;

/// A position in a block: before its statement `k` (`k == stmts.len()`: before the tail).
pub type Point = (ExprId, usize);

/// The points of the body `body` of the loop `target` where the loop's borrow dies.
/// `roots` are the borrows the loop made (the hidden text of `for c in s.chars()`, the
/// element of `for x in &v`); `scanned` the parts of the loop (condition, body) where
/// locals made from them are bound; `may_hold_view(e)` says whether `e`'s value could
/// hold a borrow (so a local bound to it, made from a borrow of the loop's, is one too).
pub fn borrow_end_points(
    ir: &FnIr,
    target: ExprId,
    body: ExprId,
    roots: &[LocalId],
    scanned: &[ExprId],
    may_hold_view: &dyn Fn(ExprId) -> bool,
) -> Vec<Point> {
    let Some(views) = loop_borrows(ir, scanned, roots, may_hold_view) else {
        return Vec::new();
    };
    let mut walk = Walk {
        ir,
        target,
        views,
        out: Vec::new(),
    };
    walk.visit(body, &[], false);
    walk.out
}

/// The locals that may hold a borrow of the loop's (the `roots`, and what the loop makes
/// from them); `None` when one of them is declared outside the loop (`last = w` keeps a
/// view past the loop, which the borrow must then cover to the loop's end).
fn loop_borrows(
    ir: &FnIr,
    scanned: &[ExprId],
    roots: &[LocalId],
    may_hold_view: &dyn Fn(ExprId) -> bool,
) -> Option<HashSet<LocalId>> {
    let mut exprs = Vec::new();
    let mut stack = scanned.to_vec();
    while let Some(e) = stack.pop() {
        exprs.push(e);
        ir.expr(e).kind.for_each_child(|c| stack.push(c));
    }
    let mut declared = HashSet::new();
    for &e in &exprs {
        ir.expr(e).kind.for_each_local(|l| {
            if !matches!(ir.expr(e).kind, ExprKind::Local(_)) {
                declared.insert(l);
            }
        });
    }
    // Each binding the loop makes: the locals bound, the value bound to them, and the
    // expressions whose types say whether they may hold a borrow (all must).
    let mut bindings: Vec<(Vec<LocalId>, ExprId, Vec<ExprId>)> = Vec::new();
    for &e in &exprs {
        let pattern_locals = |p: &super::Pattern| {
            let mut out = Vec::new();
            p.for_each_local(&mut |l| out.push(l));
            out
        };
        match &ir.expr(e).kind {
            ExprKind::Block(block) => {
                for stmt in &block.stmts {
                    if let Stmt::Let {
                        pattern,
                        init: Some(init),
                        ..
                    } = stmt
                    {
                        bindings.push((pattern_locals(pattern), *init, vec![*init]));
                    }
                }
            }
            ExprKind::IfLetSome {
                pattern, scrutinee, ..
            } => bindings.push((pattern_locals(pattern), *scrutinee, vec![*scrutinee])),
            ExprKind::ForEach { var, iterable, .. } => {
                bindings.push((vec![*var], *iterable, vec![*iterable]))
            }
            ExprKind::Assign(place, value) => {
                if let Some(l) = root_local(ir, *place) {
                    bindings.push((vec![l], *value, vec![*value]));
                }
            }
            // `keep.push(w)`: a method may store its arguments in its receiver, which
            // then holds the borrow as a `let` would.
            ExprKind::MethodCall { receiver, args, .. } => {
                if let Some(l) = root_local(ir, *receiver) {
                    for a in args {
                        bindings.push((vec![l], *a, vec![*receiver, *a]));
                    }
                }
            }
            _ => {}
        }
    }
    // A name that is a `&T` in Rust (`let y = e;` of a number element) holds the borrow
    // whatever its type: jit code holds it as the value, Rust as the reference.
    bindings.retain(|(locals, _, holders)| {
        holders.iter().all(|h| may_hold_view(*h))
            || locals.iter().any(|l| ir.local(*l).held_reference)
    });
    let mut views: HashSet<LocalId> = roots.iter().copied().collect();
    loop {
        let before = views.len();
        for (locals, value, _) in &bindings {
            if mentions(ir, *value, &views) {
                views.extend(locals.iter().copied());
            }
        }
        if views.len() == before {
            break;
        }
    }
    views
        .iter()
        .all(|l| roots.contains(l) || declared.contains(l))
        .then_some(views)
}

/// The local a place (`x`, `x.0`, `x[i]`) is part of.
fn root_local(ir: &FnIr, place: ExprId) -> Option<LocalId> {
    match &ir.expr(place).kind {
        ExprKind::Local(l) => Some(*l),
        ExprKind::TupleField(base, _) | ExprKind::Index(base, _) | ExprKind::Field(base, _) => {
            root_local(ir, *base)
        }
        _ => None,
    }
}

/// Whether `e` reads one of `locals`.
fn mentions(ir: &FnIr, e: ExprId, locals: &HashSet<LocalId>) -> bool {
    if let ExprKind::Local(l) = ir.expr(e).kind
        && locals.contains(&l)
    {
        return true;
    }
    let mut found = false;
    ir.expr(e)
        .kind
        .for_each_child(|c| found = found || mentions(ir, c, locals));
    found
}

/// Whether some path through `e` completes normally (over-approximated: a loop may
/// always complete).
fn completes(ir: &FnIr, e: ExprId) -> bool {
    match &ir.expr(e).kind {
        ExprKind::Return(_)
        | ExprKind::Break { .. }
        | ExprKind::Continue { .. }
        | ExprKind::Panic(_) => false,
        ExprKind::Block(block) => block_exprs(block).all(|s| completes(ir, s)),
        ExprKind::If {
            cond,
            then_branch,
            else_branch,
        } => {
            completes(ir, *cond)
                && else_branch.is_none_or(|e| completes(ir, *then_branch) || completes(ir, e))
        }
        ExprKind::IfLetSome {
            scrutinee,
            then_branch,
            else_branch,
            ..
        } => {
            completes(ir, *scrutinee)
                && else_branch.is_none_or(|e| completes(ir, *then_branch) || completes(ir, e))
        }
        ExprKind::Loop { .. }
        | ExprKind::While { .. }
        | ExprKind::ForRange { .. }
        | ExprKind::ForEach { .. } => true,
        // The right operand may not run.
        ExprKind::Binary(BinOp::And | BinOp::Or, a, _) => completes(ir, *a),
        kind => {
            let mut all = true;
            kind.for_each_child(|c| all = all && completes(ir, c));
            all
        }
    }
}

/// A block's statements' expressions, then its tail, in order.
fn block_exprs(block: &Block) -> impl Iterator<Item = ExprId> + '_ {
    block
        .stmts
        .iter()
        .filter_map(|s| match s {
            Stmt::Let { init, .. } => *init,
            Stmt::Expr(e) => Some(*e),
        })
        .chain(block.tail)
}

struct Walk<'a> {
    ir: &'a FnIr,
    /// The loop.
    target: ExprId,
    /// The locals that may hold a borrow of the loop's.
    views: HashSet<LocalId>,
    out: Vec<Point>,
}

impl Walk<'_> {
    /// Whether `e` may jump back into the loop or a loop inside it that encloses the
    /// point (`enclosing`): such a path does not leave the loop.
    fn stays(&self, e: ExprId, enclosing: &[ExprId]) -> bool {
        let inside = |t: &ExprId| *t == self.target || enclosing.contains(t);
        match &self.ir.expr(e).kind {
            ExprKind::Continue { target } if inside(target) => return true,
            ExprKind::Break { target, .. } if enclosing.contains(target) => return true,
            _ => {}
        }
        let mut found = false;
        self.ir
            .expr(e)
            .kind
            .for_each_child(|c| found = found || self.stays(c, enclosing));
        found
    }

    /// Whether the borrow may end before `rest` (the rest of a block), given whether it
    /// may end after the block (`after`).
    fn ends_before(&self, rest: &[ExprId], enclosing: &[ExprId], after: bool) -> bool {
        rest.iter()
            .all(|e| !self.stays(*e, enclosing) && !mentions(self.ir, *e, &self.views))
            && (after || !rest.iter().all(|e| completes(self.ir, *e)))
    }

    fn visit(&mut self, e: ExprId, enclosing: &[ExprId], after: bool) {
        let ir = self.ir;
        match &ir.expr(e).kind {
            ExprKind::Block(block) => self.visit_block(e, block, enclosing, after),
            ExprKind::If {
                cond,
                then_branch,
                else_branch,
            } => {
                self.visit(*cond, enclosing, false);
                self.visit(*then_branch, enclosing, after);
                if let Some(x) = else_branch {
                    self.visit(*x, enclosing, after);
                }
            }
            ExprKind::IfLetSome {
                scrutinee,
                then_branch,
                else_branch,
                ..
            } => {
                self.visit(*scrutinee, enclosing, false);
                self.visit(*then_branch, enclosing, after);
                if let Some(x) = else_branch {
                    self.visit(*x, enclosing, after);
                }
            }
            kind @ (ExprKind::Loop { .. }
            | ExprKind::While { .. }
            | ExprKind::ForRange { .. }
            | ExprKind::ForEach { .. }) => {
                let inner: Vec<ExprId> = enclosing.iter().copied().chain([e]).collect();
                kind.for_each_child(|c| self.visit(c, &inner, false));
            }
            kind => kind.for_each_child(|c| self.visit(c, enclosing, false)),
        }
    }

    fn visit_block(&mut self, id: ExprId, block: &Block, enclosing: &[ExprId], after: bool) {
        let parts: Vec<ExprId> = block_exprs(block).collect();
        let n = block.stmts.len();
        for k in 0..=n {
            // The expressions from statement `k` on (a `let` without a value has none).
            let skipped = block.stmts[..k]
                .iter()
                .filter(|s| !matches!(s, Stmt::Let { init: None, .. }))
                .count();
            let rest = &parts[skipped..];
            if self.ends_before(rest, enclosing, after) {
                self.out.push((id, k));
                return;
            }
            if k == n {
                if let Some(t) = block.tail {
                    self.visit(t, enclosing, after);
                }
                return;
            }
            match &block.stmts[k] {
                Stmt::Let { init: Some(i), .. } => self.visit(*i, enclosing, false),
                Stmt::Let { init: None, .. } => {}
                Stmt::Expr(x) => {
                    let later = if skipped < parts.len() {
                        &parts[skipped + 1..]
                    } else {
                        &[]
                    };
                    let after_stmt = self.ends_before(later, enclosing, after);
                    self.visit(*x, enclosing, after_stmt);
                }
            }
        }
    }
}
