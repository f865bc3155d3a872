//! `objmode!` blocks in generated code: a call of the Rust function the glue compiled for
//! the block (`FnInfo::objmodes`), with the inputs' reprs in a stack struct and the output
//! written through a pointer; a non-zero status is a panic the block recorded, which the
//! caller propagates like a callee's.

use super::{FnCx, Val};
use crate::Type;
use crate::compiler::types::{is_indirect, mem_type};
use crate::compiler::{CgError, CgResult};
use crate::escape::Sink;
use crate::helpers::HelperSignature;
use crate::objmode::ObjModeFn;
use inkwell::AddressSpace;
use inkwell::IntPredicate;
use jitclass_core::ir::ExprId;

impl FnCx<'_> {
    /// `objmode!(|a: A, ..| -> R { .. })`: the inputs' memory forms in a struct (the
    /// `TupleN` of their reprs), borrowed by the block, which writes the output's repr
    /// (owning its references); a non-zero status is a panic the block recorded.
    pub(super) fn objmode(
        &mut self,
        id: ExprId,
        index: u32,
        args: &[ExprId],
    ) -> CgResult<Option<Val>> {
        let block = *self
            .disp
            .info()
            .objmodes
            .get(index as usize)
            .ok_or_else(|| CgError::Internal("an objmode! block without its function".into()))?;
        let Some(operands) = self.operands(args)? else {
            return Ok(None);
        };
        let types: Vec<Type> = args.iter().map(|a| self.ty(*a).clone()).collect();
        // The block is Rust, which could keep an input past the call.
        for (((v, _), t), a) in operands.iter().zip(&types).zip(args) {
            let loc = self.ir.expr(*a).loc;
            self.refuse_unmanaged(*v, t, loc, Sink::ObjMode)?;
        }
        let input_struct = self.ctx.struct_type(
            &types
                .iter()
                .map(|t| mem_type(self.ctx, t))
                .collect::<Vec<_>>(),
            false,
        );
        let inputs = self.slot(input_struct.into(), "objmode.inputs")?;
        for (i, ((v, _), t)) in operands.iter().zip(&types).enumerate() {
            let at = self.b().build_struct_gep(inputs, i as u32, "input")?;
            self.write_value(at, *v, t, true)?;
        }
        let out_ty = self.ty(id).clone();
        let out = self.slot(mem_type(self.ctx, &out_ty), "objmode.out")?;
        let i8p = self.ctx.i8_type().ptr_type(AddressSpace::default());
        // The LLVM type of the block's Rust signature, as for a helper.
        let fn_ty = <ObjModeFn as HelperSignature>::fn_type(self.ctx);
        let function = self.m.mapped_function("objmode", block as usize, fn_ty);
        let inputs_arg = self.b().build_bit_cast(inputs, i8p, "inputs")?;
        let out_arg = self.b().build_bit_cast(out, i8p, "out")?;
        let status = self
            .b()
            .build_call(function, &[inputs_arg.into(), out_arg.into()], "objmode")?
            .try_as_basic_value()
            .basic()
            .expect("returns a status")
            .into_int_value();
        for (_, held) in operands {
            self.release(held)?;
        }
        let failed = self.b().build_int_compare(
            IntPredicate::NE,
            status,
            self.ctx.i8_type().const_zero(),
            "objmode.failed",
        )?;
        let ok = self.block("objmode.ok");
        let panicked = self.panic_block()?;
        crate::compiler::branch_unless_cold(self.ctx, self.b(), failed, panicked, ok)?;
        self.b().position_at_end(ok);
        // The output is this call's own memory: an indirect one needs no copy.
        if is_indirect(&out_ty) {
            return Ok(Some(out.into()));
        }
        Ok(Some(self.load_value(out, &out_ty, true, "output")?))
    }
}
