//! No LLVM undefined behaviour or poison from safe DSL code: every place where codegen
//! closes one of LLVM's hazards, in one file (the table in `ARCHITECTURE.md`'s invariants
//! points here).
//!
//! - Integer `+`, `-`, `*` wrap, as release Rust: no `nsw`/`nuw` flags (`wrapping`).
//! - `/` and `%` check for a zero divisor and for `MIN / -1` before `sdiv`/`udiv`/`srem`/
//!   `urem`, and panic with Rust's messages (`int_div`).
//! - Shift amounts are cast to the operand's width and masked with `bits - 1`: a shift by
//!   the width or more is poison in LLVM (`shift`).
//! - Float -> integer casts saturate through `llvm.fptosi.sat`/`llvm.fptoui.sat` (NaN -> 0),
//!   never `fptosi`/`fptoui`, which are poison out of range (`float_to_int`).
//! - Slice elements are addressed with `getelementptr inbounds` only after an unsigned
//!   `index >= len` check (`checked_element_ptr`); a pointer's `wrapping_add` uses a plain
//!   `getelementptr` (`wrapping_offset`). The two other `inbounds` addresses are in bounds
//!   by construction: a `for` loop's element below the length it compares against
//!   (`control_flow.rs`), a panic argument below the arity the array was sized for
//!   (`panics.rs`).
//! - Payloads over raw pointers are used only after a null and alignment check
//!   (`check_payload_place`), and a fresh instance only after a null check of the block
//!   the memory runtime returned (`check_allocated`).
//! - `bool` in memory is a byte, read back as `!= 0` and written as the `zext` of an `i1`
//!   (`bool_from_byte`, `bool_to_byte`), so no byte other than 0/1 becomes an `i1`.
//! - `abs` is a compare and select (`llvm.abs` of `MIN` is poison with its flag set), and
//!   `leading_zeros`/`trailing_zeros` call `llvm.ctlz`/`llvm.cttz` with the
//!   zero-is-poison flag off (`int_abs`, `count_bits`).
//! - Every stack slot that is read before a store on some path is zero-initialised in the
//!   entry block (`slot`), so no `undef` is ever read.
//!
//! What codegen never emits needs no check here: no fast-math flags, no `mustprogress`
//! (an infinite loop without side effects stays), and `unreachable` only in blocks without
//! predecessors (`control_flow.rs`'s `join`).

use super::{FnCx, Val, panics};
use crate::Type;
use crate::compiler::CgResult;
use inkwell::IntPredicate;
use inkwell::builder::Builder;
use inkwell::context::Context;
use inkwell::types::{BasicType, BasicTypeEnum};
use inkwell::values::{IntValue, PointerValue};
use jitclass_core::PrimTy;
use jitclass_core::ir::{BinOp, LocId};
use jitclass_core::methods::Builtin;

/// Whether an LLVM type has an array inside.
fn holds_array(ty: BasicTypeEnum<'static>) -> bool {
    match ty {
        BasicTypeEnum::ArrayType(_) => true,
        BasicTypeEnum::StructType(s) => s.get_field_types().into_iter().any(holds_array),
        _ => false,
    }
}

/// A `bool` read from memory (a byte) as an `i1`: any non-zero byte is `true`.
pub(in crate::compiler) fn bool_from_byte(
    ctx: &'static Context,
    b: &Builder<'static>,
    byte: IntValue<'static>,
    name: &str,
) -> CgResult<IntValue<'static>> {
    Ok(b.build_int_compare(IntPredicate::NE, byte, ctx.i8_type().const_zero(), name)?)
}

/// A `bool` (`i1`) as the byte stored to memory or passed to C: 0 or 1.
pub(in crate::compiler) fn bool_to_byte(
    ctx: &'static Context,
    b: &Builder<'static>,
    v: IntValue<'static>,
    name: &str,
) -> CgResult<IntValue<'static>> {
    Ok(b.build_int_z_extend(v, ctx.i8_type(), name)?)
}

impl FnCx<'_> {
    /// A zero-initialised stack slot in the entry block (by `memset` when it holds an
    /// array: a whole-aggregate store of a large array is split element by element).
    pub(super) fn slot(
        &self,
        ty: BasicTypeEnum<'static>,
        name: &str,
    ) -> CgResult<PointerValue<'static>> {
        let slot = self.prologue.build_alloca(ty, name)?;
        if holds_array(ty) {
            let size = ty.size_of().expect("a sized type");
            let zero = self.ctx.i8_type().const_zero();
            self.prologue.build_memset(slot, 1, zero, size)?;
        } else {
            self.prologue.build_store(slot, ty.const_zero())?;
        }
        Ok(slot)
    }

    /// Wrapping `x op y` for `+`, `-` and `*` (release Rust; `wrapping_add` and friends).
    pub(super) fn wrapping(
        &self,
        op: BinOp,
        x: IntValue<'static>,
        y: IntValue<'static>,
    ) -> CgResult<IntValue<'static>> {
        let b = self.b();
        Ok(match op {
            BinOp::Add => b.build_int_add(x, y, "add")?,
            BinOp::Sub => b.build_int_sub(x, y, "sub")?,
            _ => b.build_int_mul(x, y, "mul")?,
        })
    }

    /// Integer `/` and `%` with Rust's panics instead of LLVM's undefined behaviour.
    pub(super) fn int_div(
        &mut self,
        op: BinOp,
        x: IntValue<'static>,
        y: IntValue<'static>,
        signed: bool,
        loc: LocId,
    ) -> CgResult<Val> {
        let ty = x.get_type();
        let is_zero =
            self.b()
                .build_int_compare(IntPredicate::EQ, y, ty.const_zero(), "divzero")?;
        let (zero_msg, overflow_msg) = if op == BinOp::Div {
            (panics::DIVIDE_BY_ZERO, panics::DIVIDE_OVERFLOW)
        } else {
            (panics::REMAINDER_BY_ZERO, panics::REMAINDER_OVERFLOW)
        };
        self.check(is_zero, loc, zero_msg)?;
        if signed {
            let bits = ty.get_bit_width();
            let min = ty.const_int(1u64 << (bits - 1), false);
            let is_min = self
                .b()
                .build_int_compare(IntPredicate::EQ, x, min, "ismin")?;
            let is_neg1 =
                self.b()
                    .build_int_compare(IntPredicate::EQ, y, ty.const_all_ones(), "isneg1")?;
            let overflow = self.b().build_and(is_min, is_neg1, "overflow")?;
            self.check(overflow, loc, overflow_msg)?;
        }
        let b = self.b();
        Ok(match (op, signed) {
            (BinOp::Div, true) => b.build_int_signed_div(x, y, "sdiv")?.into(),
            (BinOp::Div, false) => b.build_int_unsigned_div(x, y, "udiv")?.into(),
            (_, true) => b.build_int_signed_rem(x, y, "srem")?.into(),
            (_, false) => b.build_int_unsigned_rem(x, y, "urem")?.into(),
        })
    }

    /// `x << y` / `x >> y` on a `bits`-wide integer: the amount (of any integer type) is
    /// taken modulo the width, as release Rust does.
    pub(super) fn shift(
        &self,
        op: BinOp,
        x: IntValue<'static>,
        y: IntValue<'static>,
        p: PrimTy,
    ) -> CgResult<Val> {
        let b = self.b();
        let amount = b.build_int_cast_sign_flag(y, x.get_type(), false, "amt")?;
        let mask = x.get_type().const_int(u64::from(p.bits() - 1), false);
        let amount = b.build_and(amount, mask, "amt")?;
        Ok(if op == BinOp::Shl {
            b.build_left_shift(x, amount, "shl")?.into()
        } else {
            b.build_right_shift(x, amount, p.is_signed(), "shr")?.into()
        })
    }

    /// `v as T` from a float type `from` to the integer type `to`: saturating, NaN -> 0,
    /// Rust's `as`.
    pub(super) fn float_to_int(&self, v: Val, from: &Type, to: PrimTy) -> CgResult<Val> {
        let name = if to.is_signed() {
            "llvm.fptosi.sat"
        } else {
            "llvm.fptoui.sat"
        };
        let target = super::super::types::int_type(self.ctx, to).into();
        let src = super::super::types::reg_type(self.ctx, from);
        self.call_intrinsic(name, &[target, src], &[v])
    }

    /// `&elements[index]` of a slice `{ptr, len}`, after the bounds check that panics as
    /// Rust's does.
    pub(super) fn checked_element_ptr(
        &mut self,
        ptr: PointerValue<'static>,
        len: IntValue<'static>,
        idx: IntValue<'static>,
        loc: LocId,
    ) -> CgResult<PointerValue<'static>> {
        let out = self
            .b()
            .build_int_compare(IntPredicate::UGE, idx, len, "oob")?;
        let usize_t = Type::USIZE;
        self.check_with(
            out,
            loc,
            panics::index_out_of_bounds(),
            &[(len.into(), usize_t.clone()), (idx.into(), usize_t)],
        )?;
        // SAFETY (of the generated code): `idx < len` was checked just above.
        Ok(unsafe { self.b().build_in_bounds_gep(ptr, &[idx], "elem")? })
    }

    /// `p.wrapping_add(n)`: no `inbounds`, so the address wraps as `wrapping_add` does
    /// (nothing is read through it here).
    pub(super) fn wrapping_offset(
        &self,
        p: PointerValue<'static>,
        n: IntValue<'static>,
    ) -> CgResult<Val> {
        // SAFETY (of the generated code): a plain `getelementptr` is never poison.
        Ok(unsafe { self.b().build_gep(p, &[n], "add")? }.into())
    }

    /// Refuses a pointer that is null or not `align`-aligned before it is used as a
    /// payload, with `message`.
    pub(super) fn check_payload_place(
        &mut self,
        ptr: PointerValue<'static>,
        align: u64,
        loc: LocId,
        message: &str,
    ) -> CgResult<()> {
        let usize_t = self.ctx.i64_type();
        let addr = self.b().build_ptr_to_int(ptr, usize_t, "addr")?;
        let misaligned =
            self.b()
                .build_and(addr, usize_t.const_int(align - 1, false), "misaligned")?;
        let misaligned = self.b().build_int_compare(
            IntPredicate::NE,
            misaligned,
            usize_t.const_zero(),
            "mis",
        )?;
        let null = self.b().build_is_null(ptr, "null")?;
        let bad = self.b().build_or(null, misaligned, "bad")?;
        self.check(bad, loc, message)
    }

    /// Panics with `message` if the memory runtime returned no block (`meminfo` null),
    /// before anything is stored into it.
    pub(super) fn check_allocated(
        &mut self,
        meminfo: PointerValue<'static>,
        loc: LocId,
        message: &str,
    ) -> CgResult<()> {
        let failed = self.b().build_is_null(meminfo, "oom")?;
        self.check(failed, loc, message)
    }

    /// `x.abs()`, wrapping (`MIN.abs()` is `MIN`, as release Rust): a compare and a select.
    pub(super) fn int_abs(&self, x: IntValue<'static>) -> CgResult<Val> {
        let b = self.b();
        let neg = b.build_int_neg(x, "neg")?;
        let is_neg =
            b.build_int_compare(IntPredicate::SLT, x, x.get_type().const_zero(), "isneg")?;
        Ok(b.build_select(is_neg, neg, x, "abs")?)
    }

    /// `count_ones`, `leading_zeros`, `trailing_zeros` of `x` (LLVM type `ty`) as a `u32`;
    /// zero has as many leading and trailing zeros as bits.
    pub(super) fn count_bits(
        &self,
        builtin: Builtin,
        x: Val,
        ty: BasicTypeEnum<'static>,
    ) -> CgResult<Val> {
        let zero_is_poison: Val = self.ctx.bool_type().const_zero().into();
        let (name, extra) = match builtin {
            Builtin::IntCountOnes => ("llvm.ctpop", None),
            Builtin::IntLeadingZeros => ("llvm.ctlz", Some(zero_is_poison)),
            _ => ("llvm.cttz", Some(zero_is_poison)),
        };
        let mut args = vec![x];
        args.extend(extra);
        let n = self.call_intrinsic(name, &[ty], &args)?.into_int_value();
        Ok(self
            .b()
            .build_int_cast_sign_flag(n, self.ctx.i32_type(), false, "count")?
            .into())
    }
}
