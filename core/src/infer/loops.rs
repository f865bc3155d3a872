//! Loops: `while`, `loop` (whose `break` values give its type), `for` over ranges and
//! over tuples and slices, and `break`; with the checks of range bounds and of
//! `.step_by(k).rev()`, which wait for final types.
//!
//! A loop body is a `()` block. A `loop` without a `break` diverges (`!`); its `break`
//! values must agree, the first one (that does not diverge) setting the type.

use super::Infer;
use super::deferred::Deferred;
use super::diagnostics;
use super::unify::{Ty, VarKind};
use crate::ir::{ExprId, ExprKind, LocId, LocalId, RangeOrder};
use crate::types::PrimTy;

impl Infer<'_> {
    pub(super) fn while_loop(&mut self, cond: ExprId, body: ExprId) -> Ty {
        let ct = self.expr(cond);
        let cloc = self.loc(cond);
        self.coerce_at(&ct, &Ty::Prim(PrimTy::Bool), cloc);
        self.unit_body(body);
        Ty::Unit
    }

    /// `loop { .. }`: the type of its `break` values, or `!` if nothing breaks it.
    pub(super) fn plain_loop(&mut self, id: ExprId, body: ExprId) -> Ty {
        self.loop_break.insert(id, None);
        self.unit_body(body);
        match self.loop_break.remove(&id).flatten() {
            Some(t) => t,
            None => Ty::Never,
        }
    }

    /// `for var in start..end` (with an optional `.step_by(k)` and `.rev()`).
    pub(super) fn for_range(&mut self, id: ExprId) -> Ty {
        let ExprKind::ForRange {
            var,
            start,
            end,
            step,
            order,
            body,
            ..
        } = self.ir.expr(id).kind
        else {
            unreachable!("a `for` loop over a range")
        };
        let st = self.expr(start);
        let et = self.expr(end);
        let eloc = self.loc(end);
        self.coerce_at(&et, &st, eloc);
        if let Some(k) = step {
            let kt = self.expr(k);
            let kloc = self.loc(k);
            self.coerce_at(&kt, &Ty::Prim(PrimTy::Usize), kloc);
        }
        self.deferred.push(Deferred::RangeBound(start, st.clone()));
        if let RangeOrder::DownFromLastStep(_) = order {
            self.deferred.push(Deferred::ExactSizeRange(id, st.clone()));
        }
        self.local_types[var.index()] = Some(st);
        self.unit_body(body);
        Ty::Unit
    }

    /// `for var in iterable` over a tuple or a slice.
    pub(super) fn for_each(&mut self, var: LocalId, iterable: ExprId, body: ExprId) -> Ty {
        let it = self.expr(iterable);
        let elem = self.element_type(&it, self.loc(iterable));
        self.local_types[var.index()] = Some(elem);
        self.unit_body(body);
        Ty::Unit
    }

    /// `break` (with a value only out of a `loop`).
    pub(super) fn break_loop(&mut self, loc: LocId, target: ExprId, value: Option<ExprId>) -> Ty {
        let vt = match value {
            Some(v) => self.expr(v),
            None => Ty::Unit,
        };
        match &self.ir.expr(target).kind {
            ExprKind::Loop { .. } => {
                let prev = self.loop_break.get(&target).cloned().flatten();
                match prev {
                    None => {
                        if self.resolve(&vt) != Ty::Never {
                            self.loop_break.insert(target, Some(vt));
                        }
                    }
                    Some(p) => {
                        let vloc = value.map(|v| self.loc(v)).unwrap_or(loc);
                        self.coerce_at(&vt, &p, vloc);
                    }
                }
            }
            _ => {
                if let Some(v) = value {
                    self.diags
                        .push(diagnostics::break_value_outside_loop(self.loc(v)));
                }
            }
        }
        Ty::Never
    }

    fn unit_body(&mut self, body: ExprId) {
        let bt = self.expr(body);
        if self.coerce(&bt, &Ty::Unit).is_err() {
            let loc = self.tail_loc(body).unwrap_or(self.loc(body));
            let d = self.mismatch(loc, &Ty::Unit, &bt);
            self.diags.push(diagnostics::loop_body_value(d));
        }
    }

    /// The type of the elements a `for` loop walks: of a tuple whose elements share one
    /// type, or of a slice.
    fn element_type(&mut self, iterable: &Ty, loc: LocId) -> Ty {
        match self.resolve(iterable) {
            Ty::Tuple(elems) if !elems.is_empty() => {
                let first = elems[0].clone();
                for (i, e) in elems.iter().enumerate().skip(1) {
                    if self.unify(e, &first).is_err() {
                        let (a, b) = (self.show(&first), self.show(e));
                        self.diags
                            .push(diagnostics::tuple_elements_differ(loc, &a, i, &b));
                        break;
                    }
                }
                first
            }
            // By value (Rust 2021's `IntoIterator` for arrays; the elements are `Copy`).
            Ty::Slice(elem, _) | Ty::Array(elem, _) => *elem,
            // By value, consuming the `Vec` (a move, which `init::check_moves` follows), or
            // the elements of a `&Vec<T>` (as values, as a borrowed loop's).
            Ty::Vec(elem) => *elem,
            Ty::Ref(inner, _) if let Ty::Vec(elem) = self.resolve(&inner) => *elem,
            // By value, consuming a set: its keys.
            Ty::Map(key, value) if *value == Ty::Never => *key,
            // By value, consuming the map: its entries `(K, V)`.
            Ty::Map(key, value) => Ty::Tuple(vec![*key, *value]),
            Ty::Unknown => Ty::Unknown,
            Ty::Var(v) if self.var_kind(v) == VarKind::General => Ty::Unknown,
            other => {
                let shown = self.show(&other);
                self.diags.push(diagnostics::not_iterable(loc, &shown));
                Ty::Unknown
            }
        }
    }

    /// Deferred: the bounds of a `for` range are integers.
    pub(super) fn check_range_bound(&mut self, id: ExprId, t: &Ty) {
        if let Some(p) = self.prim_or_skip(t) {
            if !p.is_int() {
                self.diags.push(diagnostics::range_bound_not_integer(
                    self.loc(id),
                    &p.to_string(),
                ));
            }
        } else if let Some(c) = self.concrete(t) {
            self.diags.push(diagnostics::range_bound_not_integer(
                self.loc(id),
                &c.to_string(),
            ));
        }
    }

    /// Deferred: `(a..b).step_by(k).rev()` counts down from the last element, which std
    /// finds from the range's length as a `usize`: rustc accepts it only for ranges that
    /// know it.
    pub(super) fn check_exact_size_range(&mut self, id: ExprId, t: &Ty) {
        let ExprKind::ForRange {
            inclusive,
            order: RangeOrder::DownFromLastStep(rev),
            ..
        } = self.ir.expr(id).kind
        else {
            return;
        };
        let Some(p) = self.prim_or_skip(t).filter(|p| p.is_int()) else {
            return;
        };
        if p.has_exact_size_range(inclusive) {
            return;
        }
        self.diags
            .push(diagnostics::not_exact_size_range(rev, p, inclusive));
    }
}
