//! `<`, `<=`, `>`, `>=` on `Option`s and tuples, as std's `PartialOrd` impls define them:
//! `partial_cmp` of tuples is the first element's that is not `Equal` (lexicographic),
//! of `Option`s `None < Some` and two `Some`s by their values, and the operator is true
//! for the orderings it names (`None`, incomparable, as for a NaN, for none). The leaves
//! are numbers, `bool`, `char`, `()`, text and raw pointers (`infer/structural_eq.rs`),
//! none of which runs user code, so every element may be compared.

use super::{FnCx, Val};
use crate::Type;
use crate::compiler::{CgError, CgResult};
use inkwell::IntPredicate;
use inkwell::values::IntValue;
use jitclass_core::ir::{BinOp, ExprId, LocId};

/// `partial_cmp`'s results as an `i8`: `Less`, `Equal`, `Greater`, and `None`.
const LESS: i64 = -1;
const EQUAL: i64 = 0;
const GREATER: i64 = 1;
const INCOMPARABLE: i64 = 2;

impl FnCx<'_> {
    /// `a op b` (`op` one of `<`, `<=`, `>`, `>=`) on the `Option`s or tuples `a` and
    /// `b`, borrowed for the comparison.
    pub(super) fn structural_order(
        &mut self,
        op: BinOp,
        (a, b): (ExprId, ExprId),
        loc: LocId,
    ) -> CgResult<Option<Val>> {
        let Some(operands) = self.operands(&[a, b])? else {
            return Ok(None);
        };
        let t = self.ty(a).clone();
        let order = self.partial_cmp(operands[0].0, operands[1].0, &t, loc)?;
        let is = |cx: &Self, which: i64| {
            let c = cx.ctx.i8_type().const_int(which as u64, true);
            cx.b().build_int_compare(IntPredicate::EQ, order, c, "is")
        };
        let r = match op {
            BinOp::Lt => is(self, LESS)?,
            BinOp::Gt => is(self, GREATER)?,
            BinOp::Le | BinOp::Ge => {
                let strict = is(self, if op == BinOp::Le { LESS } else { GREATER })?;
                let equal = is(self, EQUAL)?;
                self.b().build_or(strict, equal, "or.equal")?
            }
            other => return Err(CgError::Internal(format!("ordering by `{other:?}`"))),
        };
        for (_, held) in operands {
            self.release(held)?;
        }
        Ok(Some(r.into()))
    }

    /// `partial_cmp(x, y)` of values of type `t`, as an `i8` (`LESS` .. `INCOMPARABLE`).
    fn partial_cmp(&mut self, x: Val, y: Val, t: &Type, loc: LocId) -> CgResult<IntValue<'static>> {
        let i8t = self.ctx.i8_type();
        let constant = |v: i64| i8t.const_int(v as u64, true);
        match t {
            Type::Unit => Ok(constant(EQUAL)),
            Type::Prim(_) | Type::Ptr { .. } => {
                let lt = self.binop(BinOp::Lt, x, y, t, loc)?.into_int_value();
                let gt = self.binop(BinOp::Gt, x, y, t, loc)?.into_int_value();
                let eq = self.binop(BinOp::Eq, x, y, t, loc)?.into_int_value();
                let b = self.b();
                let r = b.build_select(eq, constant(EQUAL), constant(INCOMPARABLE), "cmp")?;
                let r = b.build_select(gt, constant(GREATER), r.into_int_value(), "cmp")?;
                let r = b.build_select(lt, constant(LESS), r.into_int_value(), "cmp")?;
                Ok(r.into_int_value())
            }
            Type::Str | Type::String => {
                let order = if *t == Type::String {
                    self.strings_order(x, y)?
                } else {
                    let p = self.text_parts(x)?;
                    let q = self.text_parts(y)?;
                    self.text_order(p, q)?
                };
                let zero = self.ctx.i32_type().const_zero();
                let b = self.b();
                let lt = b.build_int_compare(IntPredicate::SLT, order, zero, "lt")?;
                let gt = b.build_int_compare(IntPredicate::SGT, order, zero, "gt")?;
                let r = b.build_select(gt, constant(GREATER), constant(EQUAL), "cmp")?;
                let r = b.build_select(lt, constant(LESS), r.into_int_value(), "cmp")?;
                Ok(r.into_int_value())
            }
            Type::Tuple(es) => {
                // The first element's order that is not `Equal`: from the last one back.
                let mut r = constant(EQUAL);
                for (i, e) in es.iter().enumerate().rev() {
                    let field = |v: Val, cx: &Self| {
                        cx.b()
                            .build_extract_value(v.into_struct_value(), i as u32, "field")
                    };
                    let (a, b) = (field(x, self)?, field(y, self)?);
                    let c = self.partial_cmp(a, b, e, loc)?;
                    let equal =
                        self.b()
                            .build_int_compare(IntPredicate::EQ, c, constant(EQUAL), "eq")?;
                    r = self.b().build_select(equal, r, c, "lex")?.into_int_value();
                }
                Ok(r)
            }
            Type::Option(inner) => self.options_partial_cmp(x, y, inner, loc),
            other => Err(CgError::Internal(format!("ordering `{other}`"))),
        }
    }

    /// `None < Some`; two `Some`s by their values, compared only when both are `Some`
    /// (a `None`'s zeroed `String` is no `String`).
    fn options_partial_cmp(
        &mut self,
        x: Val,
        y: Val,
        inner: &Type,
        loc: LocId,
    ) -> CgResult<IntValue<'static>> {
        self.by_options(
            (x, y),
            "option.cmp",
            |cx, sx, sy| {
                // The tags' order: `is_some` as 0 or 1, subtracted.
                let i8t = cx.ctx.i8_type();
                let tx = cx.b().build_int_z_extend(sx, i8t, "tag")?;
                let ty = cx.b().build_int_z_extend(sy, i8t, "tag")?;
                Ok(cx.b().build_int_sub(tx, ty, "tags.cmp")?)
            },
            |cx, vx, vy| cx.partial_cmp(vx, vy, inner, loc),
        )
    }
}
