//! `==` / `!=` of values as std's `PartialEq` impls define them, for what a `Vec`'s `==`,
//! `!=` and `contains` compare and for `a == b` on `Option`s and tuples: numbers (floats as
//! IEEE does: NaN is not equal to itself), `bool`, pointers and handles by address, text
//! by its bytes, class instances by their class's `eq` (`ne`), tuples element by element
//! (`&&` of the elements' `==`, `||` of their `!=`, short-circuiting left to right),
//! `Option`s (`None == None`, two `Some`s by their values; `!=` is `!eq`) and `Vec`s (equal
//! lengths, then element by element). Which types have `==` is `infer/structural_eq.rs`'s
//! rule; `ordering.rs` orders `Option`s and tuples.
//!
//! The operands are borrowed register values. Nothing here writes memory, and the only
//! user code it runs is a class's `eq` / `ne`, which takes its operands by reference, so
//! the elements read stay valid for the whole comparison.

use super::classes::class_function;
use super::{FnCx, Val};
use crate::Type;
use crate::compiler::{CgError, CgResult};
use inkwell::IntPredicate;
use inkwell::values::IntValue;
use jitclass_core::infer::ElementEq;
use jitclass_core::ir::{BinOp, ExprId, LocId};
use jitclass_core::types::ClassKey;

/// The class impls a comparison calls: those inference recorded for the expression `id`
/// (`ClassOp::Structural`); none for values holding no class instance.
#[derive(Clone, Copy)]
pub(super) struct ClassEqs<'a> {
    pub(super) id: ExprId,
    pub(super) impls: &'a [ElementEq],
}

impl FnCx<'_> {
    /// Whether `x == y`, both of type `t`, which holds no class instance.
    pub(super) fn values_eq(
        &mut self,
        x: Val,
        y: Val,
        t: &Type,
        loc: LocId,
    ) -> CgResult<IntValue<'static>> {
        self.values_eq_by(x, y, t, (None, false), loc)
    }

    /// `a == b` (`!=`) of the `Option`s or tuples `a` and `b`, borrowed for the comparison,
    /// calling `classes`' impls for the instances they hold.
    pub(super) fn structural_eq(
        &mut self,
        op: BinOp,
        (a, b): (ExprId, ExprId),
        classes: Option<ClassEqs<'_>>,
        loc: LocId,
    ) -> CgResult<Option<Val>> {
        let Some(operands) = self.operands(&[a, b])? else {
            return Ok(None);
        };
        let t = self.ty(a).clone();
        let ne = op == BinOp::Ne;
        let r = self.values_eq_by(operands[0].0, operands[1].0, &t, (classes, ne), loc)?;
        for (_, held) in operands {
            self.release(held)?;
        }
        Ok(Some(r.into()))
    }

    /// Whether `x == y` (`x != y` if `ne`), both of type `t`, calling `classes`' impls.
    fn values_eq_by(
        &mut self,
        x: Val,
        y: Val,
        t: &Type,
        (classes, ne): (Option<ClassEqs<'_>>, bool),
        loc: LocId,
    ) -> CgResult<IntValue<'static>> {
        let eq = match t {
            Type::Prim(_) | Type::Ptr { .. } | Type::FnPtr { .. } | Type::PassThru(_) => {
                let op = if ne { BinOp::Ne } else { BinOp::Eq };
                return Ok(self.binop(op, x, y, t, loc)?.into_int_value());
            }
            Type::Tuple(es) => return self.tuples_eq(x, y, es, (classes, ne), loc),
            Type::Class(key) => return self.instances_eq(x, y, key, (classes, ne)),
            Type::Unit => self.ctx.bool_type().const_int(1, false),
            Type::Vec(_) => self.vec_values_eq(x, y, t, loc)?,
            Type::String => self.strings_eq(x, y)?,
            Type::Str => {
                let (p, plen) = self.text_parts(x)?;
                let (q, qlen) = self.text_parts(y)?;
                let order = self.text_order((p, plen), (q, qlen))?;
                let zero = self.ctx.i32_type().const_zero();
                self.b()
                    .build_int_compare(IntPredicate::EQ, order, zero, "str.eq")?
            }
            // `Option`'s `!=` is the provided `!eq`.
            Type::Option(inner) => self.options_eq(x, y, inner, classes, loc)?,
            other => return Err(CgError::Internal(format!("`==` on `{other}`"))),
        };
        Ok(if ne {
            self.b().build_not(eq, "ne")?
        } else {
            eq
        })
    }

    /// std's tuple `eq` (`x.0 == y.0 && ..`) or `ne` (`x.0 != y.0 || ..`): each element
    /// compared only if the ones before it did not decide.
    fn tuples_eq(
        &mut self,
        x: Val,
        y: Val,
        es: &[Type],
        (classes, ne): (Option<ClassEqs<'_>>, bool),
        loc: LocId,
    ) -> CgResult<IntValue<'static>> {
        let bool_t = self.ctx.bool_type();
        let Some(last) = es.len().checked_sub(1) else {
            return Ok(bool_t.const_int(u64::from(!ne), false));
        };
        let merge = self.block("tuple.eq");
        // Every element but the last decides the result when it is `ne`.
        let decided = bool_t.const_int(u64::from(ne), false);
        let field = |v: Val, i: usize, cx: &Self| {
            cx.b()
                .build_extract_value(v.into_struct_value(), i as u32, "field")
        };
        let mut incoming = Vec::new();
        for (i, e) in es[..last].iter().enumerate() {
            let (a, b) = (field(x, i, self)?, field(y, i, self)?);
            let r = self.values_eq_by(a, b, e, (classes, ne), loc)?;
            incoming.push(self.current());
            let next = self.block("tuple.eq.next");
            let (on_true, on_false) = if ne { (merge, next) } else { (next, merge) };
            self.b().build_conditional_branch(r, on_true, on_false)?;
            self.b().position_at_end(next);
        }
        let (a, b) = (field(x, last, self)?, field(y, last, self)?);
        let result = self.values_eq_by(a, b, &es[last], (classes, ne), loc)?;
        let from_last = self.current();
        self.b().build_unconditional_branch(merge)?;
        self.b().position_at_end(merge);
        let phi = self.b().build_phi(bool_t, "tuple.eq")?;
        for from in incoming {
            phi.add_incoming(&[(&decided, from)]);
        }
        phi.add_incoming(&[(&result, from_last)]);
        Ok(phi.as_basic_value().into_int_value())
    }

    /// `None == None`, `Some(a) == Some(b)` as `a == b`, else `false`. The values are
    /// compared only when both are `Some` (a `None`'s zeroed `Vec` is no `Vec`).
    fn options_eq(
        &mut self,
        x: Val,
        y: Val,
        inner: &Type,
        classes: Option<ClassEqs<'_>>,
        loc: LocId,
    ) -> CgResult<IntValue<'static>> {
        self.by_options(
            (x, y),
            "option.eq",
            |cx, sx, sy| {
                Ok(cx
                    .b()
                    .build_int_compare(IntPredicate::EQ, sx, sy, "same.tag")?)
            },
            |cx, vx, vy| cx.values_eq_by(vx, vy, inner, (classes, false), loc),
        )
    }

    /// A comparison of the `Option`s `x` and `y`: `by_values` of their values when both
    /// are `Some`, in a branch of its own (a `None`'s zeroed payload is no value), else
    /// `by_tags` of their `is_some` flags; `name` names the blocks.
    pub(super) fn by_options(
        &mut self,
        (x, y): (Val, Val),
        name: &str,
        by_tags: impl FnOnce(
            &mut Self,
            IntValue<'static>,
            IntValue<'static>,
        ) -> CgResult<IntValue<'static>>,
        by_values: impl FnOnce(&mut Self, Val, Val) -> CgResult<IntValue<'static>>,
    ) -> CgResult<IntValue<'static>> {
        let part = |v: Val, i: u32, cx: &Self| {
            cx.b()
                .build_extract_value(v.into_struct_value(), i, "option")
        };
        let sx = part(x, 0, self)?.into_int_value();
        let sy = part(y, 0, self)?.into_int_value();
        let from_tags_value = by_tags(self, sx, sy)?;
        let both = self.b().build_and(sx, sy, "both.some")?;
        let from_tags = self.current();
        let some = self.block(&format!("{name}.some"));
        let merge = self.block(name);
        self.b().build_conditional_branch(both, some, merge)?;
        self.b().position_at_end(some);
        let (vx, vy) = (part(x, 1, self)?, part(y, 1, self)?);
        let from_values_value = by_values(self, vx, vy)?;
        let from_values = self.current();
        self.b().build_unconditional_branch(merge)?;
        self.b().position_at_end(merge);
        let phi = self.b().build_phi(from_tags_value.get_type(), name)?;
        phi.add_incoming(&[
            (&from_tags_value, from_tags),
            (&from_values_value, from_values),
        ]);
        Ok(phi.as_basic_value().into_int_value())
    }

    /// `x == y` of two instances of the class `key`: its `eq(&x, &y)`; `x != y` its
    /// `ne`, or `!eq` when it defines none (Rust's provided method).
    fn instances_eq(
        &mut self,
        x: Val,
        y: Val,
        key: &ClassKey,
        (classes, ne): (Option<ClassEqs<'_>>, bool),
    ) -> CgResult<IntValue<'static>> {
        let found = classes.and_then(|c| {
            c.impls
                .iter()
                .find(|e| e.eq.class == *key)
                .map(|e| (c.id, e))
        });
        let Some((id, impls)) = found else {
            return Err(CgError::Internal(format!(
                "`==` on `{}` without its `eq`",
                key.name
            )));
        };
        let (call, negate) = match (&impls.ne, ne) {
            (Some(ne_call), true) => (ne_call, false),
            (None, true) => (&impls.eq, true),
            (_, false) => (&impls.eq, false),
        };
        // Operator methods take no generic arguments.
        let (f, args) = class_function(call, &[])?;
        let r = self.call_values(id, (f, &args), &[x, y])?.into_int_value();
        Ok(if negate {
            self.b().build_not(r, "ne")?
        } else {
            r
        })
    }
}
