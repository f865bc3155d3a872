//! A borrowed `for` loop over a `#[getter]`'s value (`for (k, v) in &g.counts`) reads the
//! getter once, as Rust does.
//!
//! The lowering re-reads a borrowed loop's container at each use (`lower/vecs.rs`: the
//! `len` of its bound and the base of each `container[index]`), which is right for a
//! place but, for a getter (which the lowering cannot tell from a field), calls it at each
//! step: each call makes a new map, `Vec` or `String`, and a map loop's generation check
//! then panics "already borrowed" on valid code. Rust calls the getter once and loops over
//! that temporary; so does jit code: the value is made before the loop, held in a
//! temporary's slot (`ownership.rs`: a `return` or panic in the body drops it), every
//! container read of the loop borrows it, and it is released where the loop exits (a
//! `break` goes there too).

use super::ownership::Held;
use super::{FnCx, Val};
use crate::Type;
use crate::compiler::CgResult;
use jitclass_core::infer::Resolution;
use jitclass_core::ir::{ExprId, ExprKind, LOOP_INDEX, LocalId};

/// The value a getter loop reads, while the loop is emitted.
pub(super) struct GetterLoop {
    held: Option<Held>,
    reads: Vec<ExprId>,
}

impl FnCx<'_> {
    /// Before the bounds of the loop over `var` (ending at `end`, with `body`): if it is a
    /// borrowed loop whose container reads a getter, the getter's value, made now and
    /// borrowed by the loop's container reads: `None` if it is no such loop, `Some(None)`
    /// if the getter's call diverged.
    pub(super) fn getter_loop(
        &mut self,
        var: LocalId,
        end: ExprId,
        body: ExprId,
    ) -> CgResult<Option<Option<GetterLoop>>> {
        if self.ir.local(var).name != LOOP_INDEX {
            return Ok(None);
        }
        let ExprKind::MethodCall {
            receiver,
            method,
            args,
        } = &self.ir.expr(end).kind
        else {
            return Ok(None);
        };
        let container = *receiver;
        let block = matches!(
            self.ty(container),
            Type::Vec(_) | Type::Map { .. } | Type::String
        );
        if method != "len" || !args.is_empty() || !block || !self.reads_a_getter(container) {
            return Ok(None);
        }
        let Some(value) = self.expr(container)? else {
            return Ok(Some(None));
        };
        let t = self.ty(container).clone();
        let held = self.hold(value, &t)?;
        let mut reads = vec![container];
        self.container_reads(body, var, &mut reads);
        if let Some(h) = held {
            for read in &reads {
                self.getter_loop_reads.insert(*read, h);
            }
        }
        Ok(Some(Some(GetterLoop { held, reads })))
    }

    /// After the loop (at its exit): releases the getter's value.
    pub(super) fn end_getter_loop(&mut self, getter_loop: GetterLoop) -> CgResult<()> {
        let held = getter_loop.held;
        self.forget_getter_loop(getter_loop);
        self.release(held)
    }

    /// After a loop past whose bounds control cannot continue: its reads end; the held
    /// value stays in its slot, which every exit drops.
    pub(super) fn forget_getter_loop(&mut self, getter_loop: GetterLoop) {
        for read in &getter_loop.reads {
            self.getter_loop_reads.remove(read);
        }
    }

    /// The getter's value if `e` is a container read of a getter loop being emitted,
    /// borrowed from the loop.
    pub(super) fn getter_loop_read(&mut self, e: ExprId) -> CgResult<Option<Val>> {
        match self.getter_loop_reads.get(&e).copied() {
            Some(held) => Ok(Some(self.held_value(held)?)),
            None => Ok(None),
        }
    }

    /// As [`FnCx::getter_loop_read`], owned (with its own count), for a user of `e` that
    /// takes an expression's value.
    pub(super) fn getter_loop_value(&mut self, e: ExprId) -> CgResult<Option<Val>> {
        let Some(v) = self.getter_loop_read(e)? else {
            return Ok(None);
        };
        let t = self.ty(e).clone();
        self.copy_value(v, &t)?;
        Ok(Some(v))
    }

    /// Whether the place `e` (a local, or fields of one) reads a `#[getter]` on its way.
    fn reads_a_getter(&self, e: ExprId) -> bool {
        match &self.ir.expr(e).kind {
            ExprKind::Field(base, _) => {
                matches!(self.typed.resolution(e), Some(Resolution::ClassCall { .. }))
                    || self.reads_a_getter(*base)
            }
            ExprKind::TupleField(base, _) => self.reads_a_getter(*base),
            _ => false,
        }
    }

    /// The bases of the accesses `container[var]` in `e`: the loop's re-reads of its
    /// container (no user code names the hidden index `var`).
    fn container_reads(&self, e: ExprId, var: LocalId, out: &mut Vec<ExprId>) {
        let kind = &self.ir.expr(e).kind;
        if let ExprKind::Index(base, index) = kind
            && matches!(self.ir.expr(*index).kind, ExprKind::Local(l) if l == var)
        {
            out.push(*base);
        }
        kind.for_each_child(|c| self.container_reads(c, var, out));
    }
}
