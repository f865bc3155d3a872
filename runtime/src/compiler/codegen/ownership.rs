//! Reference counting in generated code: who owns each class instance, and when it is
//! released.
//!
//! Values of managed types (`Type::is_managed`: class instances and `PassThru` handles,
//! and options and tuples holding them) follow three rules:
//!
//! - **An expression's value is owned.** `expr` returns a value holding its own references:
//!   reading a local increfs, a field read increfs, a call returns an owned result, a
//!   literal allocates. Whoever receives it moves it somewhere (a local, a field, a
//!   tuple, the return value) or drops it (an expression statement, `_`).
//! - **Callees borrow their arguments.** A call passes arguments without increfs and
//!   drops the owned ones after it returns. An argument that is a plain read of a local is
//!   passed straight from the local, unless a later argument assigns that local; so
//!   `v.step(x)` in a loop costs no reference counting at all. A parameter the body may
//!   reassign (`mut`) takes its own reference at entry.
//! - **Every slot holds zero or one owned reference**, so any exit can release
//!   everything. Managed locals and temporaries live in zero-initialised stack slots;
//!   storing into one drops its old value; an owned temporary is kept in a slot while
//!   its siblings are evaluated (they may panic or `return`), and the slot is zeroed when
//!   the value moves on (an indirect temporary's slot holds the pointer to the value's
//!   memory, `memory_values.rs`; null is nothing). The return and panic blocks drop every owned slot. mem2reg turns
//!   the slots back into registers, and the drops of slots known to be zero fold away.
//!
//! Unmanaged instances (null meminfo) are skipped by every incref and decref.

use super::{FnCx, Val};
use crate::Type;
use crate::compiler::CgResult;
use crate::compiler::types::{fields, is_indirect, reg_type};
use crate::helpers::Helper;
use inkwell::AddressSpace;
use inkwell::values::IntValue;
use inkwell::{AtomicOrdering, AtomicRMWBinOp};
use jitclass_core::infer::Adjustment;
use jitclass_core::ir::{ExprId, ExprKind, LocalId};

/// A managed temporary's slot, while the temporary is owned there.
#[derive(Clone, Copy, Debug)]
pub(super) struct Held(usize);

/// An evaluated argument, and the slot of its value if the caller owns it.
pub(super) type Operand = (Val, Option<Held>);

impl FnCx<'_> {
    /// Keeps an owned managed value in a slot until `take` or `release`; `None` for
    /// values that hold no references.
    pub(super) fn hold(&mut self, v: Val, t: &Type) -> CgResult<Option<Held>> {
        if !t.is_managed() {
            return Ok(None);
        }
        let index = match self.free_temps.iter().position(|&i| self.temps[i].1 == *t) {
            Some(i) => self.free_temps.swap_remove(i),
            None => {
                // An indirect value's slot holds its pointer (null: nothing), so that it
                // is held without a copy; its memory stays until it is consumed.
                let slot = self.slot(reg_type(self.ctx, t), "tmp")?;
                self.temps.push((slot, t.clone()));
                self.temps.len() - 1
            }
        };
        let slot = self.temps[index].0;
        // Zero on every path but one left by a `break` out of the middle of an
        // expression; then the old value is dropped here.
        self.drop_held_slot(slot, t)?;
        self.b().build_store(slot, v)?;
        Ok(Some(Held(index)))
    }

    /// The value a slot holds now.
    pub(super) fn held_value(&mut self, held: Held) -> CgResult<Val> {
        let slot = self.temps[held.0].0;
        Ok(self.b().build_load(slot, "held")?)
    }

    /// The slot owns `v` (an owned value of its type) instead of what it held, which is
    /// dropped.
    pub(super) fn replace_held(&mut self, held: Held, v: Val) -> CgResult<()> {
        let (slot, t) = self.temps[held.0].clone();
        let old = self.b().build_load(slot, "old")?;
        self.b().build_store(slot, v)?;
        self.drop_value(old, &t)
    }

    /// The held value moves on: its slot no longer owns it.
    pub(super) fn take(&mut self, held: Option<Held>) -> CgResult<()> {
        if let Some(Held(i)) = held {
            let (slot, t) = self.temps[i].clone();
            self.b()
                .build_store(slot, reg_type(self.ctx, &t).const_zero())?;
            self.free_temps.push(i);
        }
        Ok(())
    }

    /// The held value is no longer needed: drop it and zero its slot.
    pub(super) fn release(&mut self, held: Option<Held>) -> CgResult<()> {
        if let Some(Held(i)) = held {
            let (slot, t) = self.temps[i].clone();
            let v = self.b().build_load(slot, "tmp")?;
            self.take(held)?;
            self.drop_value(v, &t)?;
        }
        Ok(())
    }

    /// Drops what a temporary's slot holds: a value, or the pointer to an indirect one
    /// (if not null).
    fn drop_held_slot(
        &mut self,
        slot: inkwell::values::PointerValue<'static>,
        t: &Type,
    ) -> CgResult<()> {
        let v = self.b().build_load(slot, "held")?;
        if !is_indirect(t) {
            return self.drop_value(v, t);
        }
        let is_null = self.b().build_is_null(v.into_pointer_value(), "none")?;
        let held = self.block("held");
        let done = self.block("held.done");
        self.b().build_conditional_branch(is_null, done, held)?;
        self.b().position_at_end(held);
        self.drop_value(v, t)?;
        self.b().build_unconditional_branch(done)?;
        self.b().position_at_end(done);
        Ok(())
    }

    /// Evaluates `ids` in order into owned values, keeping each in a slot until all are
    /// evaluated (a later one may diverge); the caller then owns them all.
    pub(super) fn owned_values(&mut self, ids: &[ExprId]) -> CgResult<Option<Vec<Val>>> {
        let mut vals = Vec::with_capacity(ids.len());
        let mut held = Vec::new();
        for id in ids {
            let Some(v) = self.expr(*id)? else {
                return Ok(None);
            };
            let t = self.ty(*id).clone();
            held.push(self.hold(v, &t)?);
            vals.push(v);
        }
        for h in held {
            self.take(h)?;
        }
        Ok(Some(vals))
    }

    /// Evaluates call arguments in order for a callee that borrows them: each value, and
    /// the slot of those the caller owns (to `release` after the call).
    pub(super) fn operands(&mut self, ids: &[ExprId]) -> CgResult<Option<Vec<Operand>>> {
        let mut out = Vec::with_capacity(ids.len());
        for (i, id) in ids.iter().enumerate() {
            let t = self.ty(*id).clone();
            // (Not a local converted to a trait object, whose value is the conversion's;
            // a trait object lent as one is itself.)
            if t.is_managed()
                && let ExprKind::Local(l) = self.ir.expr(*id).kind
                && self.lent_as_itself(*id, l)
                && !ids[i + 1..].iter().any(|e| self.assigns_local(*e, l))
            {
                // Borrowed from the local, which keeps its reference across the call (an
                // indirect value is the local's own memory, which the call cannot change).
                let slot = self.locals[l.index()];
                let v = if is_indirect(&t) {
                    slot.into()
                } else {
                    self.b().build_load(slot, "borrow")?
                };
                out.push((v, None));
                continue;
            }
            let Some(v) = self.expr(*id)? else {
                return Ok(None);
            };
            let held = self.hold(v, &t)?;
            out.push((v, held));
        }
        Ok(Some(out))
    }

    /// Whether the value of `e`, a read of the local `l`, is what the local holds: `e` is
    /// not adjusted, or lends the local's trait object as one (`LendDyn`, which changes
    /// no bits).
    fn lent_as_itself(&self, e: ExprId, l: LocalId) -> bool {
        match self.typed.adjustment(e) {
            None => true,
            Some(Adjustment::LendDyn { .. }) => {
                matches!(self.typed.local_types[l.index()], Type::Dyn { .. })
            }
            Some(Adjustment::ToDyn { .. }) => false,
        }
    }

    /// Whether evaluating `e` may assign the local `l` or a part of it (`l.0 = ..`
    /// replaces an element of the tuple the local holds). Assigning a field of an
    /// instance (`l.f = ..`) does not: it changes the payload, not the reference.
    pub(super) fn assigns_local(&self, e: ExprId, l: LocalId) -> bool {
        let mut found = false;
        let mut stack = vec![e];
        while let Some(e) = stack.pop() {
            let kind = &self.ir.expr(e).kind;
            if let Some(place) = kind.assigned_place() {
                let mut root = place;
                while let ExprKind::TupleField(base, _) = self.ir.expr(root).kind {
                    root = base;
                }
                if matches!(self.ir.expr(root).kind, ExprKind::Local(p) if p == l) {
                    found = true;
                    break;
                }
            }
            kind.for_each_child(|c| stack.push(c));
        }
        found
    }

    /// Whether `e` or anything inside it reads, binds or assigns the local `l`.
    pub(super) fn mentions_local(&self, e: ExprId, l: LocalId) -> bool {
        let mut stack = vec![e];
        while let Some(e) = stack.pop() {
            let kind = &self.ir.expr(e).kind;
            let mut found = false;
            kind.for_each_local(|m| found |= m == l);
            if found {
                return true;
            }
            kind.for_each_child(|c| stack.push(c));
        }
        false
    }

    /// Drops the temporaries a place expression (a field's instance) left to release.
    pub(super) fn release_place_temps(&mut self) -> CgResult<()> {
        for held in std::mem::take(&mut self.place_temps) {
            self.release(Some(held))?;
        }
        Ok(())
    }

    /// Adds a reference to every instance `v` holds.
    pub(super) fn copy_value(&mut self, v: Val, t: &Type) -> CgResult<()> {
        self.each_instance(v, t, &mut |cx, meminfo| {
            let count = cx
                .b()
                .build_bit_cast(
                    meminfo,
                    cx.ctx.i64_type().ptr_type(AddressSpace::default()),
                    "count",
                )?
                .into_pointer_value();
            // Relaxed, as in `Arc::clone` and `MemInfo::incref`.
            cx.b().build_atomicrmw(
                AtomicRMWBinOp::Add,
                count,
                cx.ctx.i64_type().const_int(1, false),
                AtomicOrdering::Monotonic,
            )?;
            Ok(())
        })
    }

    /// Drops the references `v` holds.
    pub(super) fn drop_value(&mut self, v: Val, t: &Type) -> CgResult<()> {
        self.each_instance(v, t, &mut |cx, meminfo| {
            let decref = cx.m.helper(Helper::Decref);
            cx.b().build_call(decref, &[meminfo.into()], "")?;
            Ok(())
        })
    }

    /// Calls `f` with the meminfo of every managed instance in `v`, skipping null ones
    /// (unmanaged instances, and the zeroed values of `None`s).
    fn each_instance(
        &mut self,
        v: Val,
        t: &Type,
        f: &mut dyn FnMut(&mut Self, inkwell::values::PointerValue<'static>) -> CgResult<()>,
    ) -> CgResult<()> {
        match t {
            // A trait object's meminfo is its first field too (`types::trait_object_type`).
            Type::Class(_)
            | Type::PassThru(_)
            | Type::Dyn { .. }
            | Type::Vec(_)
            | Type::String
            | Type::Map { .. } => {
                let meminfo = self
                    .b()
                    .build_extract_value(v.into_struct_value(), 0, "meminfo")?
                    .into_pointer_value();
                let is_null: IntValue<'static> = self.b().build_is_null(meminfo, "unmanaged")?;
                let counted = self.block("counted");
                let done = self.block("counted.done");
                self.b().build_conditional_branch(is_null, done, counted)?;
                self.b().position_at_end(counted);
                f(self, meminfo)?;
                self.b().build_unconditional_branch(done)?;
                self.b().position_at_end(done);
            }
            Type::Option(_) | Type::Tuple(_) if t.is_managed() => {
                for (i, ft) in fields(t).iter().enumerate() {
                    if ft.is_managed() {
                        let part = self.value_part(v, t, i as u32)?;
                        self.each_instance(part, ft, f)?;
                    }
                }
            }
            // Element by element, in a loop over the array's memory.
            Type::Array { elem, len } if elem.is_managed() => {
                let first = self.first_elem(v.into_pointer_value())?;
                let n = self.ctx.i64_type().const_int(*len, false);
                self.counted_loop(n, |cx, i| {
                    // SAFETY (of the generated code): `i < len`, the element count.
                    let at = unsafe { cx.b().build_in_bounds_gep(first, &[i], "elem")? };
                    let part = cx.element_value(at, elem)?;
                    cx.each_instance(part, elem, f)
                })?;
            }
            _ => {}
        }
        Ok(())
    }

    /// Drops what every owned local and temporary slot holds (at an exit).
    pub(super) fn drop_owned_slots(&mut self) -> CgResult<()> {
        let slots: Vec<(inkwell::values::PointerValue<'static>, Type)> = self
            .owned_locals
            .iter()
            .enumerate()
            .filter(|(_, owned)| **owned)
            .map(|(i, _)| (self.locals[i], self.typed.local_types[i].clone()))
            .collect();
        for (slot, t) in slots {
            // An indirect local's slot is the value's memory.
            let v = if is_indirect(&t) {
                slot.into()
            } else {
                self.b().build_load(slot, "drop")?
            };
            self.drop_value(v, &t)?;
        }
        for (slot, t) in self.temps.clone() {
            self.drop_held_slot(slot, &t)?;
        }
        Ok(())
    }
}
