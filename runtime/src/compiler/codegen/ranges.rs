//! `for` loops over integer ranges (`a..b`, `a..=b`, with `.rev()` and `.step_by(k)`) as
//! counted loops with Rust's semantics: the bounds and the step are evaluated once, a
//! zero step panics as `Iterator::step_by` does (also for an empty range), and no value
//! past the range's ends is ever computed, so `..=MAX` and large steps cannot overflow.
//!
//! A plain `a..b` / `a..=b` keeps the form LLVM vectorises best (compare at the head,
//! add one at the latch). With a step or in reverse, the loop runs `m + 1` times for
//! `m = (last - first) / k` (unsigned, computed once), with the element as a second
//! induction variable: a trip count SCEV reads directly.

use super::arith::int_predicate;
use super::{FnCx, Val, panics};
use crate::compiler::CgResult;
use inkwell::IntPredicate;
use inkwell::values::IntValue;
use jitclass_core::PrimTy;
use jitclass_core::ir::{BinOp, ExprId, LocalId, RangeOrder};

/// The parts of an `ExprKind::ForRange`.
pub(super) struct RangeLoop {
    pub var: LocalId,
    pub start: ExprId,
    pub end: ExprId,
    pub inclusive: bool,
    pub step: Option<ExprId>,
    pub order: RangeOrder,
    pub body: ExprId,
}

impl FnCx<'_> {
    /// The loop `id`; `None` if control cannot continue after evaluating its bounds.
    pub(super) fn for_range(&mut self, id: ExprId, r: RangeLoop) -> CgResult<Option<Val>> {
        let getter_loop = match self.getter_loop(r.var, r.end, r.body)? {
            Some(None) => return Ok(None),
            Some(Some(g)) => Some(g),
            None => None,
        };
        let result = self.counted_range(id, r)?;
        if let Some(g) = getter_loop {
            // At the loop's exit (a `break` leads there too); a `return` or a panic drops
            // the held value with every temporary.
            if result.is_some() {
                self.end_getter_loop(g)?;
            } else {
                self.forget_getter_loop(g);
            }
        }
        Ok(result)
    }

    /// As [`FnCx::for_range`], the loop itself.
    fn counted_range(&mut self, id: ExprId, r: RangeLoop) -> CgResult<Option<Val>> {
        let Some(start) = self.expr(r.start)? else {
            return Ok(None);
        };
        self.expect_map_loop(r.var, r.end);
        let Some(end) = self.expr(r.end)? else {
            return Ok(None);
        };
        let step = match r.step {
            None => None,
            Some(k) => match self.expr(k)? {
                Some(v) => Some((k, v.into_int_value())),
                None => return Ok(None),
            },
        };
        let signed = self.ty(r.start).prim().is_some_and(PrimTy::is_signed);
        let (start, end) = (start.into_int_value(), end.into_int_value());
        if let Some((k, value)) = step {
            // `Iterator::step_by` asserts when the adapter is made, before any element.
            let zero = value.get_type().const_zero();
            let is_zero = self
                .b()
                .build_int_compare(IntPredicate::EQ, value, zero, "step.zero")?;
            let loc = self.ir.expr(k).loc;
            self.check(is_zero, loc, panics::STEP_BY_ZERO)?;
        }
        let bounds = Bounds {
            start,
            end,
            inclusive: r.inclusive,
            signed,
        };
        match (step, r.order) {
            (None, RangeOrder::Up) => self.count_up(id, r.var, bounds, r.body),
            (step, order) => self.count_steps(id, r.var, bounds, step.map(|s| s.1), order, r.body),
        }
    }

    /// `for var in start..end` (`..=end`): compare at the head, add one at the latch.
    fn count_up(
        &mut self,
        id: ExprId,
        var: LocalId,
        b: Bounds,
        body: ExprId,
    ) -> CgResult<Option<Val>> {
        let counter = self.counters[&id];
        self.b().build_store(counter, b.start)?;
        let head = self.block("for.cond");
        let body_bb = self.block("for.body");
        let latch = self.block("for.next");
        let exit = self.block("for.exit");
        self.b().build_unconditional_branch(head)?;
        self.b().position_at_end(head);
        let cur = self.b().build_load(counter, "i")?.into_int_value();
        let pred = int_predicate(if b.inclusive { BinOp::Le } else { BinOp::Lt }, b.signed);
        let more = self.b().build_int_compare(pred, cur, b.end, "more")?;
        self.b().build_conditional_branch(more, body_bb, exit)?;
        self.b().position_at_end(body_bb);
        // The loop variable is a fresh copy each iteration; the body cannot move the counter.
        self.b().build_store(self.locals[var.index()], cur)?;
        // `for` loops have no value: the breaks only lead to `exit`.
        self.loop_body(id, body, latch, exit)?;
        self.b().position_at_end(latch);
        let cur = self.b().build_load(counter, "i")?.into_int_value();
        let one = cur.get_type().const_int(1, false);
        if b.inclusive {
            // `a..=b` stops after `b` without computing `b + 1`, which could overflow.
            let last = self
                .b()
                .build_int_compare(IntPredicate::EQ, cur, b.end, "last")?;
            let step = self.block("for.step");
            self.b().build_conditional_branch(last, exit, step)?;
            self.b().position_at_end(step);
        }
        let next = self.b().build_int_add(cur, one, "next")?;
        self.b().build_store(counter, next)?;
        self.b().build_unconditional_branch(head)?;
        self.b().position_at_end(exit);
        Ok(Some(self.unit()))
    }

    /// A range with a step (`None`: 1) or in reverse: the elements `first`, `first ± k`,
    /// ..., `m + 1` of them, where `m = (last - start) / k` and `first` is the end the
    /// order starts from.
    fn count_steps(
        &mut self,
        id: ExprId,
        var: LocalId,
        b: Bounds,
        step: Option<IntValue<'static>>,
        order: RangeOrder,
        body: ExprId,
    ) -> CgResult<Option<Val>> {
        let elem_ty = b.start.get_type();
        let i64t = self.ctx.i64_type();
        let counter = self.counters[&id];
        let index = self.prologue.build_alloca(i64t, "for.index")?;
        let pre = self.block("for.pre");
        let body_bb = self.block("for.body");
        let latch = self.block("for.next");
        let advance = self.block("for.step");
        let exit = self.block("for.exit");
        let pred = int_predicate(if b.inclusive { BinOp::Le } else { BinOp::Lt }, b.signed);
        let nonempty = self
            .b()
            .build_int_compare(pred, b.start, b.end, "nonempty")?;
        self.b().build_conditional_branch(nonempty, pre, exit)?;

        self.b().position_at_end(pre);
        // The last element: `end - 1` does not overflow, the range being non-empty.
        let last = if b.inclusive {
            b.end
        } else {
            let one = elem_ty.const_int(1, false);
            self.b().build_int_sub(b.end, one, "last")?
        };
        // `last - start` fits the type's width read as unsigned; widened without sign.
        let span = self.b().build_int_sub(last, b.start, "span")?;
        let span = self
            .b()
            .build_int_z_extend_or_bit_cast(span, i64t, "span")?;
        let k = step.unwrap_or(i64t.const_int(1, false));
        let m = match step {
            Some(k) => self.b().build_int_unsigned_div(span, k, "steps")?,
            None => span,
        };
        let first = match order {
            RangeOrder::Up => b.start,
            RangeOrder::Down => last,
            RangeOrder::DownFromLastStep(_) => {
                // `m * k <= last - start`: no overflow, and the sum stays in the range.
                let offset = self.b().build_int_mul(m, k, "offset")?;
                let offset = self
                    .b()
                    .build_int_truncate_or_bit_cast(offset, elem_ty, "offset")?;
                self.b().build_int_add(b.start, offset, "first")?
            }
        };
        self.b().build_store(counter, first)?;
        self.b().build_store(index, i64t.const_zero())?;
        self.b().build_unconditional_branch(body_bb)?;

        self.b().position_at_end(body_bb);
        let cur = self.b().build_load(counter, "i")?;
        self.b().build_store(self.locals[var.index()], cur)?;
        self.loop_body(id, body, latch, exit)?;

        self.b().position_at_end(latch);
        let j = self.b().build_load(index, "j")?.into_int_value();
        let done = self.b().build_int_compare(IntPredicate::EQ, j, m, "done")?;
        self.b().build_conditional_branch(done, exit, advance)?;

        self.b().position_at_end(advance);
        let one = i64t.const_int(1, false);
        let j_next = self.b().build_int_add(j, one, "j.next")?;
        self.b().build_store(index, j_next)?;
        // Another element exists, so `k <= last - start` fits the element type.
        let k = self.b().build_int_truncate_or_bit_cast(k, elem_ty, "k")?;
        let cur = self.b().build_load(counter, "i")?.into_int_value();
        let next = match order {
            RangeOrder::Up => self.b().build_int_add(cur, k, "next")?,
            RangeOrder::Down | RangeOrder::DownFromLastStep(_) => {
                self.b().build_int_sub(cur, k, "next")?
            }
        };
        self.b().build_store(counter, next)?;
        self.b().build_unconditional_branch(body_bb)?;

        self.b().position_at_end(exit);
        Ok(Some(self.unit()))
    }
}

/// A range's evaluated bounds.
#[derive(Clone, Copy)]
struct Bounds {
    start: IntValue<'static>,
    end: IntValue<'static>,
    inclusive: bool,
    signed: bool,
}
