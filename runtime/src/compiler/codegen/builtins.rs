//! The builtin methods of numbers, slices, raw pointers and `Option` (the table in
//! `jitclass_core::methods`), and calls of LLVM intrinsics.
//!
//! A method whose result depends on a math library calls the runtime's wrapper of Rust's
//! own implementation (`math.rs`); those LLVM could leave undefined (`abs` of `MIN`,
//! `leading_zeros` of zero) go through `no_ub.rs`.

use super::arith::int_predicate;
use super::{FnCx, Val, panics};
use crate::Type;
use crate::compiler::types::{fields, reg_type};
use crate::compiler::{CgError, CgResult};
use inkwell::intrinsics::Intrinsic;
use inkwell::types::BasicTypeEnum;
use inkwell::values::IntValue;
use inkwell::{FloatPredicate, IntPredicate};
use jitclass_core::PrimTy;
use jitclass_core::ir::{BinOp, LocId};
use jitclass_core::methods::{Builtin, OptionMethod};

impl FnCx<'_> {
    pub(super) fn builtin(
        &mut self,
        builtin: Builtin,
        recv: Val,
        args: &[Val],
        rt: &Type,
        loc: LocId,
    ) -> CgResult<Val> {
        let ctx = self.ctx;
        let rty = reg_type(ctx, rt);
        let mut all = vec![recv];
        all.extend_from_slice(args);
        let p = rt.prim();
        let b = self.b();
        Ok(match builtin {
            Builtin::Option(method) => return self.option_builtin(method, recv, args, rt, loc),
            Builtin::Str(method) => return self.str_builtin(method, recv, args, loc),
            // The receiver's value is already owned (reading a place takes new references);
            // the `Vec`s it holds are copied, as Rust's `Clone` copies them, and the
            // references the read took to them go.
            Builtin::Clone if rt.holds_vec() => {
                let held = self.hold(recv, rt)?;
                let copy = self.clone_value(recv, rt, loc)?;
                self.release(held)?;
                copy
            }
            Builtin::Clone => recv,
            // `vecs.rs` emits these, from their places (`resolved_expr`).
            Builtin::Vec(_) => return Err(CgError::Internal("a `Vec` method as a builtin".into())),
            Builtin::Map(_) => return Err(CgError::Internal("a map method as a builtin".into())),
            Builtin::String(_) => {
                return Err(CgError::Internal("a `String` method as a builtin".into()));
            }
            // (An array's `len` and `is_empty` are `arrays.rs`'s, from its place.)
            Builtin::SliceLen => b.build_extract_value(recv.into_struct_value(), 1, "len")?,
            Builtin::SliceStdSort { how, elem } => {
                let slice = recv.into_struct_value();
                let buf = b.build_extract_value(slice, 0, "buf")?.into_pointer_value();
                let len = b.build_extract_value(slice, 1, "len")?.into_int_value();
                let elem = elem.map_or(Type::Unit, Type::Prim);
                self.std_sort(how, &elem, buf, len, args.first().copied())?;
                return Ok(self.unit());
            }
            Builtin::PtrIsNull => b
                .build_is_null(recv.into_pointer_value(), "is_null")?
                .into(),
            Builtin::PtrWrappingAdd => {
                self.wrapping_offset(recv.into_pointer_value(), args[0].into_int_value())?
            }
            Builtin::SliceIsEmpty => {
                let len = b
                    .build_extract_value(recv.into_struct_value(), 1, "len")?
                    .into_int_value();
                b.build_int_compare(IntPredicate::EQ, len, ctx.i64_type().const_zero(), "empty")?
                    .into()
            }
            Builtin::FloatIntrinsic { intrinsic, .. } => {
                self.call_intrinsic(&format!("llvm.{intrinsic}"), &[rty], &all)?
            }
            Builtin::FloatLibm { method, .. } => self.call_math(method, p.expect("float"), &all)?,
            Builtin::Char { method, result } => self.call_char(method, result, recv)?,
            Builtin::CharFromU32 => self.char_from_u32(recv)?,
            Builtin::CharToDigit | Builtin::CharIsDigit | Builtin::CharFromDigit => {
                return self.char_digit(builtin, recv, args[0], loc);
            }
            Builtin::FloatPowi => {
                self.call_intrinsic("llvm.powi", &[rty, ctx.i32_type().into()], &all)?
            }
            Builtin::FloatSignum => {
                let one = rty.into_float_type().const_float(1.0);
                let signed = self.call_intrinsic("llvm.copysign", &[rty], &[one.into(), recv])?;
                let x = recv.into_float_value();
                let nan = self
                    .b()
                    .build_float_compare(FloatPredicate::UNO, x, x, "isnan")?;
                self.b().build_select(nan, recv, signed, "signum")?
            }
            Builtin::FloatRecip => {
                let one = rty.into_float_type().const_float(1.0);
                b.build_float_div(one, recv.into_float_value(), "recip")?
                    .into()
            }
            Builtin::FloatToDegrees | Builtin::FloatToRadians => {
                let factor = if builtin == Builtin::FloatToDegrees {
                    if p == Some(PrimTy::F32) {
                        f64::from(57.295_78_f32)
                    } else {
                        180.0f64 / std::f64::consts::PI
                    }
                } else {
                    std::f64::consts::PI / 180.0
                };
                let c = rty.into_float_type().const_float(factor);
                b.build_float_mul(recv.into_float_value(), c, "conv")?
                    .into()
            }
            Builtin::FloatIsNan => {
                let x = recv.into_float_value();
                b.build_float_compare(FloatPredicate::UNO, x, x, "isnan")?
                    .into()
            }
            Builtin::FloatIsInfinite | Builtin::FloatIsFinite => {
                let abs = self
                    .call_intrinsic("llvm.fabs", &[rty], &[recv])?
                    .into_float_value();
                let inf = rty.into_float_type().const_float(f64::INFINITY);
                let pred = if builtin == Builtin::FloatIsInfinite {
                    FloatPredicate::OEQ
                } else {
                    FloatPredicate::OLT
                };
                self.b()
                    .build_float_compare(pred, abs, inf, "class")?
                    .into()
            }
            // A float's bits as they are in memory (Rust's `to_bits` is a transmute).
            Builtin::FloatToBits => {
                let bits = if p == Some(PrimTy::F32) {
                    ctx.i32_type()
                } else {
                    ctx.i64_type()
                };
                b.build_bit_cast(recv, bits, "bits")?
            }
            Builtin::IntAbs => self.int_abs(recv.into_int_value())?,
            Builtin::IntSignum => {
                let x = recv.into_int_value();
                let zero = x.get_type().const_zero();
                let pos = b.build_int_compare(IntPredicate::SGT, x, zero, "pos")?;
                let neg = b.build_int_compare(IntPredicate::SLT, x, zero, "neg")?;
                let pos = b.build_int_z_extend(pos, x.get_type(), "p")?;
                let neg = b.build_int_z_extend(neg, x.get_type(), "n")?;
                b.build_int_sub(pos, neg, "signum")?.into()
            }
            Builtin::IntMin | Builtin::IntMax => {
                let (x, y) = (recv.into_int_value(), args[0].into_int_value());
                let signed = p.expect("int").is_signed();
                let op = if builtin == Builtin::IntMin {
                    BinOp::Lt
                } else {
                    BinOp::Gt
                };
                let pred = int_predicate(op, signed);
                let pick_x = b.build_int_compare(pred, x, y, "pick")?;
                b.build_select(pick_x, x, y, "minmax")?
            }
            Builtin::IntPow => self.int_pow(recv.into_int_value(), args[0].into_int_value())?,
            Builtin::IntCountOnes | Builtin::IntLeadingZeros | Builtin::IntTrailingZeros => {
                self.count_bits(builtin, recv, rty)?
            }
            Builtin::IntWrapping(op) => {
                let (x, y) = (recv.into_int_value(), args[0].into_int_value());
                self.wrapping(op, x, y)?.into()
            }
            Builtin::OrdCmp { signed } | Builtin::PartialCmpUnwrap { signed }
                if recv.is_int_value() =>
            {
                let (x, y) = (recv.into_int_value(), args[0].into_int_value());
                self.ordering_of(
                    int_predicate(BinOp::Lt, signed),
                    int_predicate(BinOp::Gt, signed),
                    x,
                    y,
                )?
            }
            Builtin::PartialCmpUnwrap { .. } => {
                let (x, y) = (recv.into_float_value(), args[0].into_float_value());
                let unordered = b.build_float_compare(FloatPredicate::UNO, x, y, "nan")?;
                self.check(unordered, loc, panics::UNWRAP_NONE)?;
                let lt = self
                    .b()
                    .build_float_compare(FloatPredicate::OLT, x, y, "lt")?;
                let gt = self
                    .b()
                    .build_float_compare(FloatPredicate::OGT, x, y, "gt")?;
                self.ordering_from(lt, gt)?
            }
            Builtin::FloatTotalCmp => {
                // Rust's `total_cmp`: flip every bit but the sign of a negative number's
                // bits, then compare as signed integers.
                let x = recv.into_float_value();
                let bits = if x.get_type() == ctx.f32_type() {
                    ctx.i32_type()
                } else {
                    ctx.i64_type()
                };
                let key = |v: Val| -> CgResult<IntValue<'static>> {
                    let i = b.build_bit_cast(v, bits, "bits")?.into_int_value();
                    let width = bits.const_int(u64::from(bits.get_bit_width() - 1), false);
                    let sign = b.build_right_shift(i, width, true, "sign")?;
                    let one = bits.const_int(1, false);
                    let mask = b.build_right_shift(sign, one, false, "mask")?;
                    Ok(b.build_xor(i, mask, "key")?)
                };
                let (x, y) = (key(recv)?, key(args[0])?);
                self.ordering_of(IntPredicate::SLT, IntPredicate::SGT, x, y)?
            }
            Builtin::OrdCmp { .. } => {
                return Err(CgError::Internal("`cmp` of a non-integer".into()));
            }
            Builtin::IntSaturatingAdd | Builtin::IntSaturatingSub => {
                let signed = p.expect("int").is_signed();
                let name = match (builtin == Builtin::IntSaturatingAdd, signed) {
                    (true, true) => "llvm.sadd.sat",
                    (true, false) => "llvm.uadd.sat",
                    (false, true) => "llvm.ssub.sat",
                    (false, false) => "llvm.usub.sat",
                };
                self.call_intrinsic(name, &[rty], &all)?
            }
        })
    }

    /// The `Ordering` of `x` and `y` as an `i8` (`methods::ORDERING`): `-1`, `0` or `1`.
    fn ordering_of(
        &self,
        lt: IntPredicate,
        gt: IntPredicate,
        x: IntValue<'static>,
        y: IntValue<'static>,
    ) -> CgResult<Val> {
        let less = self.b().build_int_compare(lt, x, y, "lt")?;
        let greater = self.b().build_int_compare(gt, x, y, "gt")?;
        self.ordering_from(less, greater)
    }

    /// `greater - less` as an `i8`.
    fn ordering_from(&self, less: IntValue<'static>, greater: IntValue<'static>) -> CgResult<Val> {
        let i8t = self.ctx.i8_type();
        let less = self.b().build_int_z_extend(less, i8t, "l")?;
        let greater = self.b().build_int_z_extend(greater, i8t, "g")?;
        Ok(self.b().build_int_sub(greater, less, "ordering")?.into())
    }

    /// An `Option` value's `is_some` flag and (meaningful only if set) value.
    pub(super) fn option_parts(&self, option: Val, t: &Type) -> CgResult<(IntValue<'static>, Val)> {
        let is_some = self.value_part(option, t, 0)?.into_int_value();
        let value = self.value_part(option, t, 1)?;
        Ok((is_some, value))
    }

    /// The methods of `Option`; `recv` and `args` are owned.
    fn option_builtin(
        &mut self,
        method: OptionMethod,
        recv: Val,
        args: &[Val],
        rt: &Type,
        loc: LocId,
    ) -> CgResult<Val> {
        let (is_some, value) = self.option_parts(recv, rt)?;
        let inner = fields(rt)[1].clone();
        Ok(match method {
            OptionMethod::IsSome | OptionMethod::IsNone => {
                self.drop_value(recv, rt)?;
                if method == OptionMethod::IsSome {
                    is_some.into()
                } else {
                    self.b().build_not(is_some, "is_none")?.into()
                }
            }
            OptionMethod::UnwrapOr => {
                // The default is dropped when the option's value is taken instead.
                if inner.is_managed() {
                    let dropped = self.block("unwrap_or.drop");
                    let kept = self.block("unwrap_or.kept");
                    self.b().build_conditional_branch(is_some, dropped, kept)?;
                    self.b().position_at_end(dropped);
                    self.drop_value(args[0], &inner)?;
                    self.b().build_unconditional_branch(kept)?;
                    self.b().position_at_end(kept);
                }
                self.b()
                    .build_select(is_some, value, args[0], "unwrap_or")?
            }
            OptionMethod::Unwrap => {
                let is_none = self.b().build_not(is_some, "is_none")?;
                self.check(is_none, loc, panics::UNWRAP_NONE)?;
                value
            }
            // The reference is held as the value (`VecMethod::FirstRef`): it is its copy.
            OptionMethod::Copied => recv,
        })
    }

    /// Wrapping `x.pow(e)` by binary exponentiation.
    fn int_pow(&mut self, x: IntValue<'static>, e: IntValue<'static>) -> CgResult<Val> {
        let ty = x.get_type();
        let u32t = self.ctx.i32_type();
        let before = self.current();
        let head = self.block("pow.head");
        let body = self.block("pow.body");
        let done = self.block("pow.done");
        self.b().build_unconditional_branch(head)?;
        self.b().position_at_end(head);
        let acc = self.b().build_phi(ty, "acc")?;
        let base = self.b().build_phi(ty, "base")?;
        let exp = self.b().build_phi(u32t, "exp")?;
        let (accv, basev, expv) = (
            acc.as_basic_value().into_int_value(),
            base.as_basic_value().into_int_value(),
            exp.as_basic_value().into_int_value(),
        );
        let finished =
            self.b()
                .build_int_compare(IntPredicate::EQ, expv, u32t.const_zero(), "fin")?;
        self.b().build_conditional_branch(finished, done, body)?;
        self.b().position_at_end(body);
        let odd = self.b().build_and(expv, u32t.const_int(1, false), "odd")?;
        let odd = self
            .b()
            .build_int_compare(IntPredicate::NE, odd, u32t.const_zero(), "isodd")?;
        let mul = self.b().build_int_mul(accv, basev, "mul")?;
        let next_acc = self.b().build_select(odd, mul, accv, "acc2")?;
        let next_base = self.b().build_int_mul(basev, basev, "sq")?;
        let next_exp = self
            .b()
            .build_right_shift(expv, u32t.const_int(1, false), false, "half")?;
        self.b().build_unconditional_branch(head)?;
        acc.add_incoming(&[(&ty.const_int(1, false), before), (&next_acc, body)]);
        base.add_incoming(&[(&x, before), (&next_base, body)]);
        exp.add_incoming(&[(&e, before), (&next_exp, body)]);
        self.b().position_at_end(done);
        Ok(accv.into())
    }

    /// A call of the LLVM intrinsic `name`, declared for the overloaded types `overloads`.
    pub(super) fn call_intrinsic(
        &self,
        name: &str,
        overloads: &[BasicTypeEnum<'static>],
        args: &[Val],
    ) -> CgResult<Val> {
        let intrinsic = Intrinsic::find(name)
            .ok_or_else(|| CgError::Internal(format!("no intrinsic {name}")))?;
        let f = intrinsic
            .get_declaration(&self.m.module, overloads)
            .ok_or_else(|| CgError::Internal(format!("cannot declare {name}")))?;
        let args: Vec<_> = args.iter().map(|a| (*a).into()).collect();
        self.b()
            .build_call(f, &args, "call")?
            .try_as_basic_value()
            .basic()
            .ok_or_else(|| CgError::Internal(format!("{name} returns void")))
    }
}
