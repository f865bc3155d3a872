//! Reading SQL arguments into jit values and setting jit results, in generated code, by
//! the SQL type rules of `crate::sqlite::args` (one rule per parameter type, shared with
//! the error messages).
//!
//! ```text
//! code = sqlite3_value_type(v)
//! NULL                      -> None, or the callback's NULL path (row skipped / NULL result)
//! INTEGER, rule Integer     -> sqlite3_value_int64(v), checked against min..=max, truncated
//! INTEGER, rule Bool        -> sqlite3_value_int64(v) != 0
//! INTEGER or REAL, F64      -> sqlite3_value_double(v) (SQLite converts an INTEGER as `as`)
//! INTEGER, F32              -> sqlite3_value_int64(v) as f32 (one rounding, as rusqlite)
//! REAL, F32                 -> sqlite3_value_double(v) as f32, refused if it overflows
//! anything else             -> jitclass_rt_sqlite_arg_error(ctx, site, v); return
//! ```
//!
//! `&[u8]` parameters and `Vec<u8>` results are BLOBs (`blobs.rs`), `&str` parameters
//! TEXT (`text.rs`).
//!
//! The refusal paths are cold; the hot path adds one compare to what the callback did
//! before (an integer range check one more).

use super::CallbackCx;
use crate::Type;
use crate::compiler::types::{int_type, reg_type};
use crate::compiler::{CgError, CgResult};
use crate::helpers::Helper;
use crate::sqlite::args::{ArgRule, MAX_SQL_INTEGER, Site, arg_rule};
use inkwell::basic_block::BasicBlock;
use inkwell::values::{FunctionValue, IntValue, PointerValue};
use inkwell::{FloatPredicate, IntPredicate};
use jitclass_core::PrimTy;

type Val = inkwell::values::BasicValueEnum<'static>;

/// SQLite's fundamental type codes.
const SQLITE_INTEGER: u64 = 1;
const SQLITE_FLOAT: u64 = 2;
const SQLITE_NULL: u64 = 5;

/// One SQL argument of a callback: where it is and what it becomes.
pub(super) struct Arg<'a> {
    /// 0-based index into `argv`.
    pub index: usize,
    /// The parameter's name, for messages.
    pub name: Option<String>,
    pub ty: &'a Type,
}

impl CallbackCx<'_> {
    /// Reads SQL argument `arg` as its type. A NULL for a non-`Option` type branches to
    /// `null`; a value its rule refuses sets the SQL error and returns from the callback.
    pub(super) fn argument(
        &self,
        func: FunctionValue<'static>,
        sqlite_ctx: Val,
        argv: PointerValue<'static>,
        arg: Arg<'_>,
        null: BasicBlock<'static>,
    ) -> CgResult<Val> {
        let ctx = self.m.ctx;
        let i64t = ctx.i64_type();
        // SAFETY (of the generated code): SQLite passes `argc` values, and registration
        // fixed `argc` to the number of parameters.
        let slot = unsafe {
            self.b()
                .build_gep(argv, &[i64t.const_int(arg.index as u64, false)], "argp")?
        };
        let value = self.b().build_load(slot, "arg")?;
        let code = self
            .call(Helper::SqliteValueType, &[value])?
            .expect("returns the type")
            .into_int_value();
        let is_null = self.is_code(code, SQLITE_NULL)?;
        if super::blobs::is_blob_param(arg.ty) || *arg.ty == Type::Str {
            let present = self.block(func, "present");
            self.b().build_conditional_branch(is_null, null, present)?;
            self.b().position_at_end(present);
            if *arg.ty == Type::Str {
                return self.text_argument(func, sqlite_ctx, value, arg.index, arg.name);
            }
            return self.blob_argument(func, sqlite_ctx, value);
        }
        let prim = match arg.ty {
            Type::Prim(p) => *p,
            Type::Option(inner) => inner
                .prim()
                .ok_or_else(|| CgError::Internal(format!("SQL argument `{}`", arg.ty)))?,
            other => return Err(CgError::Internal(format!("SQL argument `{other}`"))),
        };
        let site = Site {
            function: self.sql_name.to_string(),
            argument: Some((arg.index + 1, arg.name)),
            ty: prim,
        };
        let refused = self.refusal_block(func, sqlite_ctx, value, site)?;
        match arg.ty {
            Type::Option(inner) => {
                let present = self.block(func, "present");
                let absent = self.block(func, "absent");
                let joined = self.block(func, "joined");
                self.b()
                    .build_conditional_branch(is_null, absent, present)?;
                self.b().position_at_end(present);
                let read = self.convert(func, value, code, prim, refused)?;
                let present_end = self.b().get_insert_block().expect("positioned");
                self.b().build_unconditional_branch(joined)?;
                self.b().position_at_end(absent);
                self.b().build_unconditional_branch(joined)?;
                self.b().position_at_end(joined);
                let phi = self.b().build_phi(reg_type(ctx, inner), "v")?;
                let zero = reg_type(ctx, inner).const_zero();
                phi.add_incoming(&[(&read, present_end), (&zero, absent)]);
                let is_some = self.b().build_not(is_null, "is_some")?;
                let option = reg_type(ctx, arg.ty).into_struct_type().get_undef();
                let option = self.b().build_insert_value(option, is_some, 0, "opt")?;
                Ok(self
                    .b()
                    .build_insert_value(option, phi.as_basic_value(), 1, "opt")?
                    .into_struct_value()
                    .into())
            }
            _ => {
                let present = self.block(func, "present");
                self.b().build_conditional_branch(is_null, null, present)?;
                self.b().position_at_end(present);
                self.convert(func, value, code, prim, refused)
            }
        }
    }

    fn is_code(&self, code: IntValue<'static>, which: u64) -> CgResult<IntValue<'static>> {
        let i32t = self.m.ctx.i32_type();
        Ok(self.b().build_int_compare(
            IntPredicate::EQ,
            code,
            i32t.const_int(which, false),
            "is",
        )?)
    }

    /// The cold block that reports `value` as refused for `site` and returns.
    fn refusal_block(
        &self,
        func: FunctionValue<'static>,
        sqlite_ctx: Val,
        value: Val,
        site: Site,
    ) -> CgResult<BasicBlock<'static>> {
        let here = self.b().get_insert_block().expect("positioned");
        let refused = self.block(func, "refused");
        self.b().position_at_end(refused);
        let site = self.data_ptr("sql_site", site.leak());
        self.call(Helper::SqliteArgError, &[sqlite_ctx, site.into(), value])?;
        self.b().build_return(None)?;
        self.b().position_at_end(here);
        Ok(refused)
    }

    /// A non-NULL SQL value of type `code` as a `p`, by `p`'s rule; `refused` if the rule
    /// refuses it.
    fn convert(
        &self,
        func: FunctionValue<'static>,
        value: Val,
        code: IntValue<'static>,
        p: PrimTy,
        refused: BasicBlock<'static>,
    ) -> CgResult<Val> {
        let ctx = self.m.ctx;
        let is_integer = self.is_code(code, SQLITE_INTEGER)?;
        let rule = arg_rule(p);
        let accepted = if rule.takes_real() {
            let is_real = self.is_code(code, SQLITE_FLOAT)?;
            self.b().build_or(is_integer, is_real, "accepted")?
        } else {
            is_integer
        };
        let ok = self.block(func, "accepted");
        self.cold_if(self.b().build_not(accepted, "refused")?, refused, ok)?;
        self.b().position_at_end(ok);
        match rule {
            ArgRule::Integer { min, max } => {
                let i = self.int64(value)?;
                let i64t = ctx.i64_type();
                let mut in_range = None;
                if min != i64::MIN {
                    let low = i64t.const_int(min as u64, true);
                    in_range = Some(
                        self.b()
                            .build_int_compare(IntPredicate::SGE, i, low, "ge")?,
                    );
                }
                if max != i64::MAX {
                    let high = i64t.const_int(max as u64, true);
                    let le = self
                        .b()
                        .build_int_compare(IntPredicate::SLE, i, high, "le")?;
                    in_range = Some(match in_range {
                        Some(ge) => self.b().build_and(ge, le, "in_range")?,
                        None => le,
                    });
                }
                if let Some(in_range) = in_range {
                    let fits = self.block(func, "fits");
                    self.cold_if(self.b().build_not(in_range, "out")?, refused, fits)?;
                    self.b().position_at_end(fits);
                }
                Ok(self
                    .b()
                    .build_int_truncate_or_bit_cast(i, int_type(ctx, p), "int")?
                    .into())
            }
            ArgRule::Bool => {
                let i = self.int64(value)?;
                Ok(self
                    .b()
                    .build_int_compare(IntPredicate::NE, i, ctx.i64_type().const_zero(), "bool")?
                    .into())
            }
            ArgRule::F64 => Ok(self.double(value)?.into()),
            ArgRule::F32 => {
                let f32t = ctx.f32_type();
                let from_int = self.block(func, "f32.int");
                let from_real = self.block(func, "f32.real");
                let joined = self.block(func, "f32");
                self.b()
                    .build_conditional_branch(is_integer, from_int, from_real)?;
                self.b().position_at_end(from_int);
                let i = self.int64(value)?;
                let a = self.b().build_signed_int_to_float(i, f32t, "i.f32")?;
                self.b().build_unconditional_branch(joined)?;
                self.b().position_at_end(from_real);
                let d = self.double(value)?;
                let b = self.b().build_float_trunc(d, f32t, "d.f32")?;
                // Finite in, infinite out: beyond `f32`'s range.
                let inf = f32t.const_float(f64::INFINITY);
                let abs_b = self.fabs(b.into())?;
                let abs_d = self.fabs(d.into())?;
                let b_inf = self
                    .b()
                    .build_float_compare(FloatPredicate::OEQ, abs_b, inf, "inf")?;
                let d_inf = self.b().build_float_compare(
                    FloatPredicate::OEQ,
                    abs_d,
                    ctx.f64_type().const_float(f64::INFINITY),
                    "was_inf",
                )?;
                let d_finite = self.b().build_not(d_inf, "finite")?;
                let overflow = self.b().build_and(b_inf, d_finite, "overflow")?;
                let fits = self.block(func, "f32.fits");
                self.cold_if(overflow, refused, fits)?;
                self.b().position_at_end(fits);
                self.b().build_unconditional_branch(joined)?;
                self.b().position_at_end(joined);
                let phi = self.b().build_phi(f32t, "f32")?;
                phi.add_incoming(&[(&a, from_int), (&b, fits)]);
                Ok(phi.as_basic_value())
            }
        }
    }

    fn int64(&self, value: Val) -> CgResult<IntValue<'static>> {
        Ok(self
            .call(Helper::SqliteValueInt64, &[value])?
            .expect("returns an integer")
            .into_int_value())
    }

    fn double(&self, value: Val) -> CgResult<inkwell::values::FloatValue<'static>> {
        Ok(self
            .call(Helper::SqliteValueDouble, &[value])?
            .expect("returns a double")
            .into_float_value())
    }

    fn fabs(&self, x: Val) -> CgResult<inkwell::values::FloatValue<'static>> {
        let intrinsic = inkwell::intrinsics::Intrinsic::find("llvm.fabs")
            .ok_or_else(|| CgError::Internal("no llvm.fabs".into()))?;
        let f = intrinsic
            .get_declaration(&self.m.module, &[x.get_type()])
            .ok_or_else(|| CgError::Internal("cannot declare llvm.fabs".into()))?;
        Ok(self
            .b()
            .build_call(f, &[x.into()], "abs")?
            .try_as_basic_value()
            .basic()
            .expect("returns a float")
            .into_float_value())
    }

    /// `sqlite3_result_*` of a value of type `t` (`None` and `()` are NULL). A `u64` or
    /// `usize` beyond an SQL INTEGER sets the SQL error instead and branches to `refused`.
    pub(super) fn set_result(
        &self,
        func: FunctionValue<'static>,
        sqlite_ctx: Val,
        v: Val,
        t: &Type,
        refused: BasicBlock<'static>,
    ) -> CgResult<()> {
        let ctx = self.m.ctx;
        match t {
            Type::Unit | Type::Never => {
                self.call(Helper::SqliteResultNull, &[sqlite_ctx])?;
            }
            Type::Option(inner) => {
                let option = v.into_struct_value();
                let is_some = self
                    .b()
                    .build_extract_value(option, 0, "is_some")?
                    .into_int_value();
                let value = self.b().build_extract_value(option, 1, "value")?;
                let some = self.block(func, "some");
                let none = self.block(func, "none");
                let done = self.block(func, "done");
                self.b().build_conditional_branch(is_some, some, none)?;
                self.b().position_at_end(some);
                self.set_result(func, sqlite_ctx, value, inner, refused)?;
                self.b().build_unconditional_branch(done)?;
                self.b().position_at_end(none);
                self.call(Helper::SqliteResultNull, &[sqlite_ctx])?;
                self.b().build_unconditional_branch(done)?;
                self.b().position_at_end(done);
            }
            t if super::blobs::is_blob_result(t) => {
                self.set_copied_result(Helper::SqliteResultBytes, sqlite_ctx, v)?
            }
            t if super::text::is_text_result(t) => {
                self.set_copied_result(Helper::SqliteResultText, sqlite_ctx, v)?
            }
            Type::Prim(p) if p.is_float() => {
                let d = if *p == PrimTy::F32 {
                    self.b()
                        .build_float_ext(v.into_float_value(), ctx.f64_type(), "f64")?
                        .into()
                } else {
                    v
                };
                self.call(Helper::SqliteResultDouble, &[sqlite_ctx, d])?;
            }
            Type::Prim(p) => {
                let i = self.b().build_int_cast_sign_flag(
                    v.into_int_value(),
                    ctx.i64_type(),
                    p.is_signed() && *p != PrimTy::Bool,
                    "i64",
                )?;
                if matches!(p, PrimTy::U64 | PrimTy::Usize) {
                    let too_big = self.b().build_int_compare(
                        IntPredicate::UGT,
                        i,
                        ctx.i64_type().const_int(MAX_SQL_INTEGER, false),
                        "too_big",
                    )?;
                    let report = self.block(func, "result.refused");
                    let fits = self.block(func, "result.fits");
                    self.cold_if(too_big, report, fits)?;
                    self.b().position_at_end(report);
                    let site = Site {
                        function: self.sql_name.to_string(),
                        argument: None,
                        ty: *p,
                    };
                    let site = self.data_ptr("sql_site", site.leak());
                    self.call(
                        Helper::SqliteResultError,
                        &[sqlite_ctx, site.into(), i.into()],
                    )?;
                    self.b().build_unconditional_branch(refused)?;
                    self.b().position_at_end(fits);
                }
                self.call(Helper::SqliteResultInt64, &[sqlite_ctx, i.into()])?;
            }
            other => return Err(CgError::Internal(format!("SQL result `{other}`"))),
        }
        Ok(())
    }
}
