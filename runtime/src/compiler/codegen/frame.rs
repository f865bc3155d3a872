//! The function frame: entry block, prologue (parameters, slots), return and panic exits.

use super::{FnCx, Val};
use crate::compiler::CgResult;
use crate::compiler::types::{is_indirect, reg_type, result_type, slot_type};
use jitclass_core::ir::*;

impl FnCx<'_> {
    pub(super) fn emit(&mut self) -> CgResult<()> {
        let entry = self.block("entry");
        let body = self.block("body");
        self.b().position_at_end(entry);
        let to_body = self.b().build_unconditional_branch(body)?;
        self.prologue.position_before(&to_body);
        // Every local lives in a zeroed stack slot of the entry block; mem2reg promotes them
        // (an indirect one's slot holds the value itself: `memory_values.rs`).
        for (i, t) in self.typed.local_types.iter().enumerate() {
            let slot = self.slot(slot_type(self.ctx, t), &self.ir.locals[i].name)?;
            self.locals.push(slot);
        }
        let mut max_panic_args = 2; // bounds checks format two numbers
        for (i, e) in self.ir.exprs.iter().enumerate() {
            match &e.kind {
                ExprKind::ForRange { var, .. } => {
                    let ty = reg_type(self.ctx, &self.typed.local_types[var.index()]);
                    let slot = self.prologue.build_alloca(ty, "for.counter")?;
                    self.counters.insert(ExprId(i as u32), slot);
                }
                ExprKind::Panic(msg) => max_panic_args = max_panic_args.max(msg.args.len()),
                // Nothing else needs frame space before the body is emitted: locals have
                // their slots (above), temporaries get theirs when they are emitted.
                ExprKind::Lit(_)
                | ExprKind::Const(_)
                | ExprKind::Local(_)
                | ExprKind::Unary(..)
                | ExprKind::Binary(..)
                | ExprKind::Assign(..)
                | ExprKind::CompoundAssign(..)
                | ExprKind::Cast(..)
                | ExprKind::Block(_)
                | ExprKind::If { .. }
                | ExprKind::While { .. }
                | ExprKind::Loop { .. }
                | ExprKind::Break { .. }
                | ExprKind::Continue { .. }
                | ExprKind::Return(_)
                | ExprKind::Tuple(_)
                | ExprKind::Array(_)
                | ExprKind::TupleField(..)
                | ExprKind::Index(..)
                | ExprKind::Call { .. }
                | ExprKind::CallIndirect { .. }
                | ExprKind::FnRef(_)
                | ExprKind::ForEach { .. }
                | ExprKind::MethodCall { .. }
                | ExprKind::Field(..)
                | ExprKind::StructLit { .. }
                | ExprKind::AddrOf { .. }
                | ExprKind::AssocCall { .. }
                | ExprKind::TraitCall { .. }
                | ExprKind::Intrinsic { .. }
                | ExprKind::ObjMode { .. }
                | ExprKind::Some(_)
                | ExprKind::BoxNew(_)
                | ExprKind::DefaultOf(_)
                | ExprKind::None
                | ExprKind::VecNew { .. }
                | ExprKind::SubSlice { .. }
                | ExprKind::IfLetSome { .. } => {}
            }
        }
        let arg_ty = self.panic_arg_type();
        let array = arg_ty.array_type(max_panic_args as u32);
        self.panic_args = Some(self.prologue.build_alloca(array, "panic.args")?);
        // An indirect result goes straight to the caller's memory (`emit_return`).
        if !is_indirect(&self.typed.ret) {
            let ret_ty = reg_type(self.ctx, &self.typed.ret);
            self.return_slot = Some(self.prologue.build_alloca(ret_ty, "ret")?);
        }
        self.return_block = Some(self.block("return"));
        self.b().position_at_end(body);
        let params: Vec<LocalId> = self.ir.params.iter().map(|p| p.local).collect();
        // `self` is never reassigned (`&mut self` only makes its fields assignable).
        let self_param = self.ir.receiver.map(|_| params[0]);
        self.owned_locals = self
            .typed
            .local_types
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let l = LocalId(i as u32);
                let reassignable_param = self.ir.local(l).mutable && Some(l) != self_param;
                t.is_managed() && (!params.contains(&l) || reassignable_param)
            })
            .collect();
        let first_param = u32::from(is_indirect(&self.typed.ret));
        for (i, l) in params.iter().enumerate() {
            let v = self
                .func
                .get_nth_param(first_param + i as u32)
                .expect("declared with every parameter");
            let t = self.typed.local_types[l.index()].clone();
            self.write_value(self.locals[l.index()], v, &t, false)?;
            // Arguments are borrowed; a parameter the body may reassign owns its value.
            if self.owned_locals[l.index()] {
                let t = self.typed.local_types[l.index()].clone();
                self.copy_value(v, &t)?;
            }
        }
        if let Some(v) = self.expr(self.ir.body)? {
            self.emit_return(v)?;
        }
        self.finish_exits()
    }

    /// Leaves through the return block, which drops the owned slots first. An indirect
    /// result is written to the caller's memory, the function's first parameter.
    pub(super) fn emit_return(&mut self, v: Val) -> CgResult<()> {
        match self.return_slot {
            Some(slot) => {
                self.b().build_store(slot, v)?;
            }
            None => {
                let out = self.out_param();
                let t = self.typed.ret.clone();
                self.copy_indirect(out, v.into_pointer_value(), &t)?;
            }
        }
        self.b()
            .build_unconditional_branch(self.return_block.expect("made in the prologue"))?;
        Ok(())
    }

    /// Where an indirect result goes: the caller's memory, passed first.
    pub(super) fn out_param(&self) -> inkwell::values::PointerValue<'static> {
        self.func
            .get_nth_param(0)
            .expect("an indirect result's memory")
            .into_pointer_value()
    }

    /// Fills the return and panic blocks, now that every slot is known.
    pub(super) fn finish_exits(&mut self) -> CgResult<()> {
        let rt = result_type(self.ctx, &self.typed.ret);
        self.b()
            .position_at_end(self.return_block.expect("made in the prologue"));
        self.end_all_lends()?;
        self.drop_owned_slots()?;
        let v: Val = match self.return_slot {
            Some(slot) => self.b().build_load(slot, "ret")?,
            None => self.out_param().into(),
        };
        let r = self.b().build_insert_value(
            rt.get_undef(),
            self.ctx.bool_type().const_zero(),
            0,
            "r",
        )?;
        let r = self.b().build_insert_value(r, v, 1, "r")?;
        self.b().build_return(Some(&r.into_struct_value()))?;
        if let Some(bb) = self.panic_block {
            self.b().position_at_end(bb);
            self.end_all_lends()?;
            self.drop_owned_slots()?;
            let r = self.b().build_insert_value(
                rt.const_zero(),
                self.ctx.bool_type().const_int(1, false),
                0,
                "r",
            )?;
            self.b().build_return(Some(&r.into_struct_value()))?;
        }
        Ok(())
    }
}
