//! Calls of `char`'s methods: each is a call to the runtime's wrapper of std's own method
//! (`crate::text`), declared with the wrapper's table row, and its `u32` result narrowed
//! to the method's result type; and `char::from_u32`, inline.

use super::{FnCx, Val};
use crate::Type;
use crate::compiler::types::reg_type;
use crate::compiler::{CgError, CgResult};
use crate::text;
use crate::text::char_fn;
use inkwell::IntPredicate;
use jitclass_core::char_methods::CharMethodResult;
use jitclass_core::ir::LocId;
use jitclass_core::methods::Builtin;

impl FnCx<'_> {
    /// `c.method()` on the `char` `c`, through std's implementation.
    pub(super) fn call_char(
        &self,
        method: &str,
        result: CharMethodResult,
        c: Val,
    ) -> CgResult<Val> {
        let wrapper =
            char_fn(method).ok_or_else(|| CgError::Internal(format!("no `char::{method}`")))?;
        let f = self.m.declare_pure_mapped(&wrapper.function);
        let b = self.b();
        let wide = b
            .build_call(f, &[c.into()], "char")?
            .try_as_basic_value()
            .basic()
            .ok_or_else(|| CgError::Internal(format!("`char::{method}` returns nothing")))?
            .into_int_value();
        Ok(match result {
            CharMethodResult::Bool => b
                .build_int_compare(IntPredicate::NE, wide, wide.get_type().const_zero(), "is")?
                .into(),
            CharMethodResult::Char => wide.into(),
            CharMethodResult::Usize => b
                .build_int_z_extend(wide, self.ctx.i64_type(), "len")?
                .into(),
        })
    }

    /// `char::from_u32(n)`: `Some(n)` when `n` is a Unicode scalar value (below the
    /// surrogates `0xD800..=0xDFFF`, or above them up to `0x10FFFF`: std's definition),
    /// else `None` (its value zeroed, as every `None`).
    pub(super) fn char_from_u32(&self, n: Val) -> CgResult<Val> {
        let b = self.b();
        let n = n.into_int_value();
        let i32t = self.ctx.i32_type();
        let below_surrogates =
            b.build_int_compare(IntPredicate::ULT, n, i32t.const_int(0xD800, false), "low")?;
        let above_surrogates =
            b.build_int_compare(IntPredicate::UGE, n, i32t.const_int(0xE000, false), "high")?;
        let in_range =
            b.build_int_compare(IntPredicate::ULE, n, i32t.const_int(0x10FFFF, false), "max")?;
        let high = b.build_and(above_surrogates, in_range, "high_ok")?;
        let valid = b.build_or(below_surrogates, high, "valid")?;
        let value = b.build_select(valid, n, i32t.const_zero(), "value")?;
        let ty = reg_type(self.ctx, &Type::Option(Box::new(Type::CHAR))).into_struct_type();
        let option = b.build_insert_value(ty.const_zero(), valid, 0, "is_some")?;
        Ok(b.build_insert_value(option, value, 1, "option")?
            .into_struct_value()
            .into())
    }

    /// `c.to_digit(radix)`, `c.is_digit(radix)`, `char::from_digit(n, radix)`: a call of
    /// the runtime's helper running std's, and std's panic where its radix is refused.
    pub(super) fn char_digit(
        &mut self,
        builtin: Builtin,
        first: Val,
        radix: Val,
        loc: LocId,
    ) -> CgResult<Val> {
        let (row, message, result) = match builtin {
            Builtin::CharToDigit => (
                text::to_digit_fn(),
                text::TO_DIGIT_RADIX_PANIC,
                Some(Type::Prim(jitclass_core::PrimTy::U32)),
            ),
            Builtin::CharIsDigit => (text::to_digit_fn(), text::TO_DIGIT_RADIX_PANIC, None),
            _ => (
                text::from_digit_fn(),
                text::FROM_DIGIT_RADIX_PANIC,
                Some(Type::CHAR),
            ),
        };
        let f = self.m.declare_mapped(&row);
        let i64t = self.ctx.i64_type();
        let encoded = self
            .b()
            .build_call(f, &[first.into(), radix.into()], "digit")?
            .try_as_basic_value()
            .basic()
            .ok_or_else(|| CgError::Internal("a digit helper returns nothing".into()))?
            .into_int_value();
        let invalid = self.b().build_int_compare(
            IntPredicate::EQ,
            encoded,
            i64t.const_int(text::INVALID_RADIX, false),
            "bad_radix",
        )?;
        self.check(invalid, loc, message)?;
        let b = self.b();
        let is_some = b.build_int_compare(
            IntPredicate::ULT,
            encoded,
            i64t.const_int(text::NONE, false),
            "is_some",
        )?;
        let Some(inner) = result else {
            return Ok(is_some.into());
        };
        let i32t = self.ctx.i32_type();
        let value = b.build_int_truncate(encoded, i32t, "value")?;
        let value = b.build_select(is_some, value, i32t.const_zero(), "value")?;
        let ty = reg_type(self.ctx, &Type::Option(Box::new(inner))).into_struct_type();
        let option = b.build_insert_value(ty.const_zero(), is_some, 0, "is_some")?;
        Ok(b.build_insert_value(option, value, 1, "option")?
            .into_struct_value()
            .into())
    }
}
