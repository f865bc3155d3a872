//! Loops over the positions `0..n` in generated code: a helper's own, and a `for`'s skeleton.

use super::FnCx;
use crate::compiler::CgResult;
use inkwell::IntPredicate;
use inkwell::values::IntValue;
use jitclass_core::ir::ExprId;

impl FnCx<'_> {
    /// Runs `body(i)` for `i` in `0..n` (no `break`; the body emits no exits).
    pub(super) fn counted_loop(
        &mut self,
        n: IntValue<'static>,
        mut body: impl FnMut(&mut Self, IntValue<'static>) -> CgResult<()>,
    ) -> CgResult<()> {
        let i64t = self.ctx.i64_type();
        let counter = self.slot(i64t.into(), "counted.i")?;
        self.b().build_store(counter, i64t.const_zero())?;
        let head = self.block("counted.cond");
        let body_bb = self.block("counted.body");
        let exit = self.block("counted.exit");
        self.b().build_unconditional_branch(head)?;
        self.b().position_at_end(head);
        let i = self.load_int(counter, "i")?;
        let more = self
            .b()
            .build_int_compare(IntPredicate::ULT, i, n, "more")?;
        self.b().build_conditional_branch(more, body_bb, exit)?;
        self.b().position_at_end(body_bb);
        body(self, i)?;
        let next = self
            .b()
            .build_int_add(i, i64t.const_int(1, false), "next")?;
        self.b().build_store(counter, next)?;
        self.b().build_unconditional_branch(head)?;
        self.b().position_at_end(exit);
        Ok(())
    }

    /// The `for` loop `id` over the positions `0..len` of an iterable: at the head of
    /// each iteration `len()` gives the bound (a length read from memory is read afresh,
    /// so the position is in bounds whatever the body did), `bind(i)` binds the loop
    /// variable for position `i`, then `body` runs as the loop's body (a `continue` goes
    /// to the step, a `break` to the exit: `for` loops have no value). Blocks are named
    /// after `name`; the builder is left at the exit.
    pub(super) fn index_for_loop(
        &mut self,
        (id, body): (ExprId, ExprId),
        name: &str,
        mut len: impl FnMut(&mut Self) -> CgResult<IntValue<'static>>,
        bind: impl FnOnce(&mut Self, IntValue<'static>) -> CgResult<()>,
    ) -> CgResult<()> {
        let i64t = self.ctx.i64_type();
        let counter = self.slot(i64t.into(), &format!("{name}.i"))?;
        // From zero each time the loop starts (it may run again, nested in another loop).
        self.b().build_store(counter, i64t.const_zero())?;
        let head = self.block(&format!("{name}.cond"));
        let body_bb = self.block(&format!("{name}.body"));
        let latch = self.block(&format!("{name}.next"));
        let exit = self.block(&format!("{name}.exit"));
        self.b().build_unconditional_branch(head)?;
        self.b().position_at_end(head);
        let i = self.load_int(counter, "i")?;
        let len = len(self)?;
        let more = self
            .b()
            .build_int_compare(IntPredicate::ULT, i, len, "more")?;
        self.b().build_conditional_branch(more, body_bb, exit)?;
        self.b().position_at_end(body_bb);
        bind(self, i)?;
        self.loop_body(id, body, latch, exit)?;
        self.b().position_at_end(latch);
        let i = self.load_int(counter, "i")?;
        let next = self
            .b()
            .build_int_add(i, i64t.const_int(1, false), "next")?;
        self.b().build_store(counter, next)?;
        self.b().build_unconditional_branch(head)?;
        self.b().position_at_end(exit);
        Ok(())
    }
}
