//! `for x in v` over a `Vec` by value, which consumes it as Rust's `IntoIterator` does: the
//! elements move out one by one (the loop variable takes each without a count), and the
//! ones a `break`, `return` or panic leaves behind are released with the buffer.
//!
//! The loop first takes the buffer out of `v`'s block into a block of its own, leaving `v`
//! empty: nothing but the loop can then reach the slots it empties (a moved-from `v` is
//! not used again, by Rust's rules, which rustc and `init::check_moves` enforce; were it
//! used, it would be an empty `Vec`, never a half-moved buffer). Taking the buffer is
//! refused while a slice of it is lent to a call, as a resize is (`lends.rs`). Over a
//! `&Vec<T>` (a reference copied into another name; the lowering makes `for x in v` over a
//! parameter a borrowed loop) the elements are read as values, each with its count. A
//! block with other references (a `Vec` bound by a `match` or `if let` over a borrowed
//! `Option<Vec<T>>`, a `&Vec<T>` in Rust that jit code holds as another reference to the
//! same block) is cloned first, and the clone consumed: what it borrows stays as it was.

use super::{FnCx, Val};
use crate::Type;
use crate::compiler::CgResult;
use crate::compiler::types::mem_type;
use inkwell::{AddressSpace, IntPredicate};
use jitclass_core::ir::{ExprId, LocId, LocalId};

impl FnCx<'_> {
    /// `for var in iterable { body }` with `iterable` a `Vec` (consumed) or a `&Vec<T>`.
    pub(super) fn for_each_vec(
        &mut self,
        id: ExprId,
        var: LocalId,
        (iterable, body): (ExprId, ExprId),
        loc: LocId,
    ) -> CgResult<Option<Val>> {
        let Some(it) = self.expr(iterable)? else {
            return Ok(None);
        };
        let it_ty = self.ty(iterable).clone();
        let elem = Self::elem_of(&it_ty)?;
        let consuming = matches!(it_ty, Type::Vec(_));
        let (h, held_buffer) = if consuming {
            let held = self.hold(it, &it_ty)?;
            let lent = self.header(it, &elem)?;
            self.refuse_while_lent(lent.lends, super::lends::lent_message("into_iter"), loc)?;
            if let Some(held) = held {
                self.consume_a_clone_if_shared(held, &lent, loc)?;
            }
            let it = match held {
                Some(held) => self.held_value(held)?,
                None => it,
            };
            let source = self.header(it, &elem)?;
            let own = self.new_vec(&elem, self.ctx.i64_type().const_zero(), loc)?;
            let held_own = self.hold(own, &it_ty)?;
            let h = self.header(own, &elem)?;
            // The buffer changes blocks: `v` keeps the new block's empty one.
            for (a, b) in [
                (source.len, h.len),
                (source.cap, h.cap),
                (source.buf, h.buf),
            ] {
                let va = self.b().build_load(a, "from")?;
                let vb = self.b().build_load(b, "to")?;
                self.b().build_store(a, vb)?;
                self.b().build_store(b, va)?;
            }
            self.release(held)?;
            (h, held_own)
        } else {
            (self.header(it, &elem)?, None)
        };
        self.index_for_loop(
            (id, body),
            "into_iter",
            |cx| cx.load_int(h.len, "len"),
            |cx, i| {
                let at = cx.slot_at(&h, i)?;
                let v = cx.load_elem(at, &elem)?;
                if !consuming {
                    cx.copy_value(v, &elem)?;
                } else if elem.is_managed() {
                    // Moved out: the slot holds nothing the release at the end must drop.
                    cx.b()
                        .build_store(at, mem_type(cx.ctx, &elem).const_zero())?;
                }
                cx.store(cx.locals[var.index()], false, v, &elem)
            },
        )?;
        self.release(held_buffer)?;
        Ok(Some(self.unit()))
    }

    /// A block with other references (the `Vec` a `match` or `if let` bound out of a
    /// borrowed `Option<Vec<T>>` or tuple, which jit code holds as another reference to
    /// the same block) keeps its elements, as the `&Vec<T>` it is in Rust: the loop
    /// consumes a clone of it instead (the held value becomes the clone).
    fn consume_a_clone_if_shared(
        &mut self,
        held: super::ownership::Held,
        h: &super::vecs::Header,
        loc: LocId,
    ) -> CgResult<()> {
        let i64t = self.ctx.i64_type();
        // The block's count is the first word of its `MemInfo` (`memory.rs`).
        let count_at = self
            .b()
            .build_bit_cast(
                h.meminfo,
                i64t.ptr_type(AddressSpace::default()),
                "count.at",
            )?
            .into_pointer_value();
        let count = self.load_int(count_at, "count")?;
        let shared = self.b().build_int_compare(
            IntPredicate::UGT,
            count,
            i64t.const_int(1, false),
            "shared",
        )?;
        let copy = self.block("into_iter.shared");
        let join = self.block("into_iter.own");
        self.b().build_conditional_branch(shared, copy, join)?;
        self.b().position_at_end(copy);
        let clone = self.clone_vec(h, loc)?;
        self.replace_held(held, clone)?;
        self.b().build_unconditional_branch(join)?;
        self.b().position_at_end(join);
        Ok(())
    }
}
