//! The lend count of a `Vec` (`VecHeader::lends`): a slice of a `Vec` lent to a call
//! counts itself in the block for the duration of the call, and every operation that
//! could reallocate the buffer, shorten it or release elements panics while the count is
//! not zero, as `RefCell::borrow_mut` does while a borrow is live.
//!
//! Why a dynamic check: instances are shared (`Rc<RefCell<_>>`-like), so a callee reading
//! a slice of `self.items` may reach the same instance another way (a handle cloned into
//! Rust and used from an `objmode!` block, a field pointing back) and push to the `Vec`.
//! rustc's static rule cannot be checked through those paths; the count can.
//!
//! Every lend has its own stack slot holding the address of the count it raised (null
//! when none), so each way out of the lend lowers the count exactly once: the end of the
//! call (`end_lends`), a `break`/`continue` leaving a loop entered after the lend
//! (`end_lends_for_jump`), and the return and panic blocks (`end_all_lends`, before the
//! held `Vec`s are dropped, so the count is lowered while its block is alive).

use super::{FnCx, Val, ownership::Held};
use crate::Type;
use crate::compiler::{CgError, CgResult};
use inkwell::AddressSpace;
use inkwell::IntPredicate;
use inkwell::values::PointerValue;
use jitclass_core::ir::{ExprId, ExprKind, LocId};

/// A slice lent to the call being evaluated: the reference keeping its `Vec` alive, and
/// the index of the slot holding the address of the count it raised.
#[derive(Clone, Copy, Debug)]
pub(super) struct Lent {
    pub(super) held: Option<Held>,
    /// The lend slot of the count raised, if any (an array lent from an instance's
    /// field raises none: an array is never resized, only its holder must stay alive).
    slot: Option<usize>,
}

impl FnCx<'_> {
    /// Counts a lend in the `Vec` whose `lends` field is at `lends`; the `Vec` is kept
    /// alive by `held` until `end_lends`.
    pub(super) fn begin_lend(
        &mut self,
        lends: PointerValue<'static>,
        held: Option<Held>,
    ) -> CgResult<()> {
        let i64p = self.ctx.i64_type().ptr_type(AddressSpace::default());
        let slot = self.slot(i64p.into(), "lend")?;
        self.lend_slots.push(slot);
        let one = self.ctx.i64_type().const_int(1, false);
        let n = self.b().build_load(lends, "lends")?.into_int_value();
        // No overflow: each lend is a live stack frame's.
        let n = self.b().build_int_add(n, one, "lends")?;
        self.b().build_store(lends, n)?;
        self.b().build_store(slot, lends)?;
        self.lent.push(Lent {
            held,
            slot: Some(self.lend_slots.len() - 1),
        });
        Ok(())
    }

    /// Keeps `held` (an instance holding an array lent as a slice) alive until the call
    /// returns, without a count.
    pub(super) fn hold_for_call(&mut self, held: Held) {
        self.lent.push(Lent {
            held: Some(held),
            slot: None,
        });
    }

    /// The call the lends from `from` on were made for returned: lowers their counts,
    /// then releases the `Vec`s they kept alive.
    pub(super) fn end_lends(&mut self, from: usize) -> CgResult<()> {
        for lent in self.lent.split_off(from) {
            // A lend made in one branch of an `if`/`match` is ended after the statement,
            // where the path taken may not have made it: its slot is null there.
            if let Some(slot) = lent.slot {
                self.lower_count(slot)?;
            }
            self.release(lent.held)?;
        }
        Ok(())
    }

    /// A `break` or `continue` leaves the lends made since `from` (the loop's start)
    /// behind: lowers their counts (their `Vec`s stay held until the slots are reused or
    /// the function exits, as every temporary a jump leaves behind).
    pub(super) fn end_lends_for_jump(&mut self, from: usize) -> CgResult<()> {
        for i in from..self.lent.len() {
            if let Some(slot) = self.lent[i].slot {
                self.lower_count(slot)?;
            }
        }
        Ok(())
    }

    /// In the return and panic blocks: lowers every count still raised.
    pub(super) fn end_all_lends(&mut self) -> CgResult<()> {
        for i in 0..self.lend_slots.len() {
            self.lower_count(i)?;
        }
        Ok(())
    }

    /// Lowers the count whose address lend slot `slot` holds, and clears the slot; the
    /// slot may hold nothing on this path (tested).
    pub(super) fn lower_count(&mut self, slot: usize) -> CgResult<()> {
        let slot = self.lend_slots[slot];
        let lends = self.b().build_load(slot, "lent")?.into_pointer_value();
        let lower = self.block("lend.lower");
        let done = self.block("lend.done");
        let null = self.b().build_is_null(lends, "none")?;
        self.b().build_conditional_branch(null, done, lower)?;
        self.b().position_at_end(lower);
        let one = self.ctx.i64_type().const_int(1, false);
        let n = self.b().build_load(lends, "lends")?.into_int_value();
        let n = self.b().build_int_sub(n, one, "lends")?;
        self.b().build_store(lends, n)?;
        let null = lends.get_type().const_null();
        self.b().build_store(slot, null)?;
        self.b().build_unconditional_branch(done)?;
        self.b().position_at_end(done);
        Ok(())
    }

    /// A sort whose comparator is jit code (`VecMethod::LendDuringSort`): the `Vec`
    /// `receiver` is lent while the block `sort` runs, so that the comparator cannot
    /// resize or replace it through another path, as `sort_by`'s `&mut self` would not
    /// let it in Rust. A slice is lent by whoever lent it; an array is never resized.
    ///
    /// `sorted`, when the lowering made one, is the hidden local the block reaches the
    /// receiver through (`lower/sort.rs`): a `&mut Vec<T>` to the `Vec` evaluated here,
    /// once, and held (counted) until the sort ends, so the sort works on exactly the
    /// `Vec` it lent even if the comparator replaces what holds it; for an array, the
    /// receiver's place itself (`sort_aliases`).
    pub(super) fn lend_during_sort(
        &mut self,
        receiver: ExprId,
        sort: ExprId,
        sorted: Option<ExprId>,
    ) -> CgResult<Option<Val>> {
        let from = self.lent.len();
        let t = self.ty(receiver).clone();
        let sorted = match sorted.map(|e| &self.ir.expr(e).kind) {
            Some(ExprKind::Local(l)) => Some(*l),
            None => None,
            Some(_) => return Err(CgError::Internal("a sort's handle is not a local".into())),
        };
        let handle = sorted.filter(|l| self.typed.local_types[l.index()].vec_elem().is_some());
        if let Some(l) = sorted
            && handle.is_none()
        {
            self.sort_aliases.insert(l, receiver);
        }
        if let Type::Vec(_) | Type::Ref { .. } = &t
            && let Some(elem) = t.vec_elem().cloned()
        {
            let Some(v) = self.expr(receiver)? else {
                return Ok(None);
            };
            let held = match &t {
                Type::Vec(_) => self.hold(v, &t)?,
                _ => None,
            };
            if let Some(l) = handle {
                // Uncounted, as a `&mut Vec<T>` parameter: `held` keeps it alive.
                let lt = self.typed.local_types[l.index()].clone();
                self.write_value(self.locals[l.index()], v, &lt, false)?;
            }
            let h = self.header(v, &elem)?;
            self.begin_lend(h.lends, held)?;
        }
        let Some(done) = self.expr(sort)? else {
            // Diverged: the panic and return blocks lower the count (`end_all_lends`).
            self.lent.truncate(from);
            return Ok(None);
        };
        self.end_lends(from)?;
        Ok(Some(done))
    }

    /// Panics with `message` (`lent_message`), before an operation changes the `Vec`
    /// whose `lends` field is at `lends`, if a slice of it is lent to a call that has
    /// not returned. One load and one (cold)
    /// branch per changing operation.
    pub(super) fn refuse_while_lent(
        &mut self,
        lends: PointerValue<'static>,
        message: String,
        loc: LocId,
    ) -> CgResult<()> {
        let n = self.b().build_load(lends, "lends")?.into_int_value();
        let lent = self.b().build_int_compare(
            IntPredicate::NE,
            n,
            self.ctx.i64_type().const_zero(),
            "lent",
        )?;
        self.check_with(lent, loc, vec![message], &[])
    }
}

/// The panic of a changing operation on a `Vec` with a slice lent, in `RefCell`'s words.
pub(crate) fn lent_message(method: &str) -> String {
    format!("already borrowed: cannot `{method}` a `Vec` while a slice of it is lent to a call")
}

/// The panic of an assignment replacing a `Vec` field with a slice lent, in `RefCell`'s
/// words.
pub(crate) fn lent_replace_message() -> String {
    "already borrowed: cannot assign to a `Vec` while a slice of it is lent to a call".into()
}
