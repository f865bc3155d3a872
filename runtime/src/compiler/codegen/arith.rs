//! Arithmetic in generated code: unary and binary operators on numbers, comparisons of
//! numbers, raw pointers, function pointers and handles, and `as` casts.
//!
//! Integer operators wrap as release Rust; the operations that LLVM leaves undefined or
//! poison (division, shifts, float -> integer casts) go through `no_ub.rs`. Floats follow
//! IEEE without fast-math flags, as Rust's do.

use super::{FnCx, Val};
use crate::Type;
use crate::compiler::types::{int_type, reg_type};
use crate::compiler::{CgError, CgResult};
use inkwell::values::FloatValue;
use inkwell::{FloatPredicate, IntPredicate};
use jitclass_core::ir::{BinOp, ExprId, LocId, UnOp};

/// The integer predicate of a comparison operator.
pub(super) fn int_predicate(op: BinOp, signed: bool) -> IntPredicate {
    match (op, signed) {
        (BinOp::Eq, _) => IntPredicate::EQ,
        (BinOp::Ne, _) => IntPredicate::NE,
        (BinOp::Lt, true) => IntPredicate::SLT,
        (BinOp::Lt, false) => IntPredicate::ULT,
        (BinOp::Le, true) => IntPredicate::SLE,
        (BinOp::Le, false) => IntPredicate::ULE,
        (BinOp::Gt, true) => IntPredicate::SGT,
        (BinOp::Gt, false) => IntPredicate::UGT,
        (BinOp::Ge, true) => IntPredicate::SGE,
        (BinOp::Ge, false) => IntPredicate::UGE,
        _ => unreachable!("{} is not a comparison", op.symbol()),
    }
}

impl FnCx<'_> {
    /// `-x` and `!x` (`x` evaluated here).
    pub(super) fn unary(&mut self, op: UnOp, inner: ExprId) -> CgResult<Option<Val>> {
        let Some(v) = self.expr(inner)? else {
            return Ok(None);
        };
        let t = self.ty(inner).clone();
        Ok(Some(match (op, t.prim()) {
            (UnOp::Neg, Some(p)) if p.is_float() => self
                .b()
                .build_float_neg(v.into_float_value(), "neg")?
                .into(),
            (UnOp::Neg, _) => self.b().build_int_neg(v.into_int_value(), "neg")?.into(),
            (UnOp::Not, _) => self.b().build_not(v.into_int_value(), "not")?.into(),
        }))
    }

    pub(super) fn binop(
        &mut self,
        op: BinOp,
        x: Val,
        y: Val,
        t: &Type,
        loc: LocId,
    ) -> CgResult<Val> {
        if let Type::Ptr { .. } | Type::PassThru(_) | Type::FnPtr { .. } = t {
            // Pointers compare by address, handles by identity (the value's address);
            // inference allows `==` and `!=` only.
            let (x, y) = if let Type::PassThru(_) = t {
                let data = |v: Val| {
                    self.b()
                        .build_extract_value(v.into_struct_value(), 1, "data")
                };
                (data(x)?, data(y)?)
            } else {
                (x, y)
            };
            let i64t = self.ctx.i64_type();
            let a = self
                .b()
                .build_ptr_to_int(x.into_pointer_value(), i64t, "a")?;
            let b = self
                .b()
                .build_ptr_to_int(y.into_pointer_value(), i64t, "b")?;
            return Ok(self
                .b()
                .build_int_compare(int_predicate(op, false), a, b, "ptreq")?
                .into());
        }
        let p = t
            .prim()
            .ok_or_else(|| CgError::Internal(format!("binary operator on {t}")))?;
        if p.is_float() {
            return self.float_binop(op, x.into_float_value(), y.into_float_value());
        }
        let (x, y) = (x.into_int_value(), y.into_int_value());
        let signed = p.is_signed();
        let b = self.b();
        Ok(match op {
            BinOp::Add | BinOp::Sub | BinOp::Mul => self.wrapping(op, x, y)?.into(),
            BinOp::Div | BinOp::Rem => return self.int_div(op, x, y, signed, loc),
            BinOp::BitAnd => b.build_and(x, y, "and")?.into(),
            BinOp::BitOr => b.build_or(x, y, "or")?.into(),
            BinOp::BitXor => b.build_xor(x, y, "xor")?.into(),
            BinOp::Shl | BinOp::Shr => return self.shift(op, x, y, p),
            BinOp::Eq | BinOp::Ne | BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge => b
                .build_int_compare(int_predicate(op, signed), x, y, "cmp")?
                .into(),
            BinOp::And | BinOp::Or => {
                unreachable!("short-circuit operators are lowered separately")
            }
        })
    }

    fn float_binop(
        &self,
        op: BinOp,
        x: FloatValue<'static>,
        y: FloatValue<'static>,
    ) -> CgResult<Val> {
        let b = self.b();
        Ok(match op {
            BinOp::Add => b.build_float_add(x, y, "fadd")?.into(),
            BinOp::Sub => b.build_float_sub(x, y, "fsub")?.into(),
            BinOp::Mul => b.build_float_mul(x, y, "fmul")?.into(),
            BinOp::Div => b.build_float_div(x, y, "fdiv")?.into(),
            BinOp::Rem => b.build_float_rem(x, y, "frem")?.into(),
            BinOp::Eq | BinOp::Ne | BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge => {
                // Ordered predicates, except `!=`: NaN compares unequal to everything.
                let pred = match op {
                    BinOp::Eq => FloatPredicate::OEQ,
                    BinOp::Ne => FloatPredicate::UNE,
                    BinOp::Lt => FloatPredicate::OLT,
                    BinOp::Le => FloatPredicate::OLE,
                    BinOp::Gt => FloatPredicate::OGT,
                    _ => FloatPredicate::OGE,
                };
                b.build_float_compare(pred, x, y, "fcmp")?.into()
            }
            other => {
                return Err(CgError::Internal(format!(
                    "float operator {}",
                    other.symbol()
                )));
            }
        })
    }

    pub(super) fn cast(&mut self, v: Val, from: &Type, to: &Type) -> CgResult<Val> {
        // Raw pointers to and from addresses, and between pointee types.
        match (from, to) {
            // Inference admits only a function pointer's own type.
            (Type::FnPtr { .. }, Type::FnPtr { .. }) => return Ok(v),
            (Type::Ptr { .. }, Type::Ptr { .. }) => {
                let target = reg_type(self.ctx, to);
                return Ok(self.b().build_bit_cast(v, target, "cast")?);
            }
            (Type::Ptr { .. }, Type::Prim(p)) => {
                let target = int_type(self.ctx, *p);
                let p = v.into_pointer_value();
                return Ok(self.b().build_ptr_to_int(p, target, "addr")?.into());
            }
            (Type::Prim(p), Type::Ptr { .. }) => {
                // Through `usize`, as Rust does: a signed integer sign-extends.
                let i64t = self.ctx.i64_type();
                let address = self.b().build_int_cast_sign_flag(
                    v.into_int_value(),
                    i64t,
                    p.is_signed(),
                    "addr",
                )?;
                let target = reg_type(self.ctx, to).into_pointer_type();
                return Ok(self.b().build_int_to_ptr(address, target, "ptr")?.into());
            }
            _ => {}
        }
        let (Some(f), Some(t)) = (from.prim(), to.prim()) else {
            return Ok(v);
        };
        if f == t {
            return Ok(v);
        }
        let target = reg_type(self.ctx, to);
        let b = self.b();
        Ok(match (f.is_float(), t.is_float()) {
            (false, false) => b
                .build_int_cast_sign_flag(
                    v.into_int_value(),
                    target.into_int_type(),
                    f.is_signed(),
                    "cast",
                )?
                .into(),
            (false, true) => {
                let ft = target.into_float_type();
                if f.is_signed() {
                    b.build_signed_int_to_float(v.into_int_value(), ft, "cast")?
                        .into()
                } else {
                    b.build_unsigned_int_to_float(v.into_int_value(), ft, "cast")?
                        .into()
                }
            }
            (true, true) => b
                .build_float_cast(v.into_float_value(), target.into_float_type(), "cast")?
                .into(),
            // Saturating, NaN -> 0: Rust's `as`, without the poison of `fptosi`.
            (true, false) => self.float_to_int(v, from, t)?,
        })
    }
}
