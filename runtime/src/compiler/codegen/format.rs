//! `format!` arguments and `x.to_string()` of a number, `bool` or `char` in generated
//! code: the value and its spec go to the runtime's formatting helper (`crate::format`,
//! std's own formatting), whose text is appended to the `String` being built or copied
//! into a new one.

use super::{FnCx, Val};
use crate::Type;
use crate::compiler::{CgError, CgResult};
use inkwell::values::{IntValue, PointerValue};
use inkwell::{AddressSpace, IntPredicate};
use jitclass_core::PrimTy;
use jitclass_core::format_spec::Spec;
use jitclass_core::ir::{ExprId, ExprKind, LocId};

/// std's panic for a width or precision past `u16::MAX`.
const FORMAT_ARGUMENT_OUT_OF_RANGE: &str = "Formatting argument out of range";

impl FnCx<'_> {
    /// `s.<PUSH_FORMATTED>(&value, fill, flags, width, precision)`.
    pub(super) fn push_formatted(
        &mut self,
        receiver: ExprId,
        args: &[ExprId],
        loc: LocId,
    ) -> CgResult<Option<Val>> {
        let [value, fill, flags, width, precision] = args else {
            return Err(CgError::Internal(
                "`format!` argument of the wrong shape".into(),
            ));
        };
        let from = self.lent.len();
        // The value is borrowed: a `String` as the `&str` of its text (inference retyped
        // the `&`), anything else read as itself.
        let value_ty = self.ty(*value).clone();
        let read = match self.ir.expr(*value).kind {
            ExprKind::AddrOf { place, .. } if value_ty != Type::Str => place,
            _ => *value,
        };
        let Some(v) = self.expr(read)? else {
            self.lent.truncate(from);
            return Ok(None);
        };
        let Some(rest) = self.owned_values(&[*fill, *flags, *width, *precision])? else {
            self.lent.truncate(from);
            return Ok(None);
        };
        // std keeps widths and precisions in a `u16` and panics past it (a runtime `w$` or
        // `.*`; written ones were refused at build time); its helper must not panic.
        let (width, precision) = (rest[2].into_int_value(), rest[3].into_int_value());
        let limit = width.get_type().const_int(u64::from(u16::MAX), false);
        let b = self.b();
        let wide = b.build_int_compare(IntPredicate::UGT, width, limit, "width.big")?;
        let precise = b.build_int_compare(IntPredicate::UGT, precision, limit, "prec.big")?;
        let out_of_range = b.build_or(wide, precise, "fmt.out_of_range")?;
        self.check(out_of_range, loc, FORMAT_ARGUMENT_OUT_OF_RANGE)?;
        let Some((handle, _, hold)) = self.vec_operands(receiver, &[])? else {
            self.lent.truncate(from);
            return Ok(None);
        };
        let flags = rest[1].into_int_value();
        let (ptr, len) = self.format_call(
            v,
            &value_ty,
            flags,
            rest[0].into_int_value(),
            (width, precision),
        )?;
        let h = self.header(handle, &Type::U8)?;
        self.append_text(&h, (ptr, len), loc)?;
        self.finish_vec_operands(hold)?;
        self.end_lends(from)?;
        Ok(Some(self.unit()))
    }

    /// `x.to_string()` of a number, `bool` or `char`: std's `Display` of it.
    pub(super) fn display_string(&mut self, receiver: ExprId, loc: LocId) -> CgResult<Option<Val>> {
        let Some(v) = self.expr(receiver)? else {
            return Ok(None);
        };
        let ty = self.ty(receiver).clone();
        let i32t = self.ctx.i32_type();
        let i64t = self.ctx.i64_type();
        let flags = i32t.const_int(u64::from(Spec::default().pack()), false);
        let fill = i32t.const_int(u64::from(' '), false);
        let parts =
            self.format_call(v, &ty, flags, fill, (i64t.const_zero(), i64t.const_zero()))?;
        Ok(Some(self.string_from(parts, loc)?))
    }

    /// Calls the formatting helper on `v` (of type `ty`); the text it made (valid until
    /// the thread's next call of it).
    fn format_call(
        &mut self,
        v: Val,
        ty: &Type,
        flags: IntValue<'static>,
        fill: IntValue<'static>,
        (width, precision): (IntValue<'static>, IntValue<'static>),
    ) -> CgResult<(PointerValue<'static>, IntValue<'static>)> {
        let tag = crate::format::tag_of(ty)
            .ok_or_else(|| CgError::Internal(format!("`format!` of a `{ty}`")))?;
        let i64t = self.ctx.i64_type();
        let i8p = self.ctx.i8_type().ptr_type(AddressSpace::default());
        let b = self.b();
        let (bits, text) = if *ty == Type::Str {
            let (ptr, len) = self.text_parts(v)?;
            (len, ptr)
        } else {
            let bits = match ty.prim() {
                Some(PrimTy::F32) => {
                    let x = b.build_bit_cast(v, self.ctx.i32_type(), "f32.bits")?;
                    b.build_int_z_extend(x.into_int_value(), i64t, "bits")?
                }
                Some(PrimTy::F64) => b.build_bit_cast(v, i64t, "bits")?.into_int_value(),
                Some(p) if p.is_signed() => {
                    b.build_int_s_extend_or_bit_cast(v.into_int_value(), i64t, "bits")?
                }
                _ => b.build_int_z_extend_or_bit_cast(v.into_int_value(), i64t, "bits")?,
            };
            (bits, i8p.const_null())
        };
        let tag_flags = b.build_or(
            flags,
            self.ctx.i32_type().const_int(u64::from(tag) << 16, false),
            "tag.flags",
        )?;
        let f = self.m.declare_mapped(&crate::format::format_arg_fn());
        let len = self
            .b()
            .build_call(
                f,
                &[
                    tag_flags.into(),
                    fill.into(),
                    bits.into(),
                    text.into(),
                    width.into(),
                    precision.into(),
                ],
                "formatted.len",
            )?
            .try_as_basic_value()
            .basic()
            .ok_or_else(|| CgError::Internal("`format_arg` returns a length".into()))?
            .into_int_value();
        let g = self.m.declare_mapped(&crate::format::formatted_text_fn());
        let ptr = self
            .b()
            .build_call(g, &[], "formatted")?
            .try_as_basic_value()
            .basic()
            .ok_or_else(|| CgError::Internal("`formatted_text` returns a pointer".into()))?
            .into_pointer_value();
        Ok((ptr, len))
    }
}
