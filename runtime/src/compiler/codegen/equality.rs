//! `==` of values as Rust's `PartialEq` derives it, for what a `Vec`'s `==`, `!=` and
//! `contains` compare: numbers (floats as IEEE does: NaN is not equal to itself), `bool`,
//! pointers and handles by address, `String`s by their bytes, tuples field by field,
//! `Option`s (`None == None`, two `Some`s by their values) and `Vec`s (equal lengths, then
//! element by element).
//!
//! The operands are borrowed register values; nothing here runs user code or writes
//! memory, so the elements read stay valid for the whole comparison.

use super::{FnCx, Val};
use crate::Type;
use crate::compiler::{CgError, CgResult};
use inkwell::IntPredicate;
use inkwell::values::IntValue;
use jitclass_core::ir::{BinOp, LocId};

impl FnCx<'_> {
    /// Whether `x == y`, both of type `t`.
    pub(super) fn values_eq(
        &mut self,
        x: Val,
        y: Val,
        t: &Type,
        loc: LocId,
    ) -> CgResult<IntValue<'static>> {
        match t {
            Type::Prim(_) | Type::Ptr { .. } | Type::FnPtr { .. } | Type::PassThru(_) => {
                Ok(self.binop(BinOp::Eq, x, y, t, loc)?.into_int_value())
            }
            Type::Unit => Ok(self.ctx.bool_type().const_int(1, false)),
            Type::Vec(_) => self.vec_values_eq(x, y, t, loc),
            Type::String => self.strings_eq(x, y),
            Type::Tuple(es) => {
                // Rust's `&&` over the fields; without side effects, one `and` chain.
                let mut all = self.ctx.bool_type().const_int(1, false);
                for (i, e) in es.iter().enumerate() {
                    let field = |v: Val, cx: &Self| {
                        cx.b()
                            .build_extract_value(v.into_struct_value(), i as u32, "field")
                    };
                    let (a, b) = (field(x, self)?, field(y, self)?);
                    let eq = self.values_eq(a, b, e, loc)?;
                    all = self.b().build_and(all, eq, "fields.eq")?;
                }
                Ok(all)
            }
            Type::Option(inner) => self.options_eq(x, y, inner, loc),
            other => Err(CgError::Internal(format!("`==` on `{other}`"))),
        }
    }

    /// `None == None`, `Some(a) == Some(b)` as `a == b`, else `false`. The values are
    /// compared only when both are `Some` (a `None`'s zeroed `Vec` is no `Vec`).
    fn options_eq(
        &mut self,
        x: Val,
        y: Val,
        inner: &Type,
        loc: LocId,
    ) -> CgResult<IntValue<'static>> {
        let part = |v: Val, i: u32, cx: &Self| {
            cx.b()
                .build_extract_value(v.into_struct_value(), i, "option")
        };
        let sx = part(x, 0, self)?.into_int_value();
        let sy = part(y, 0, self)?.into_int_value();
        let same_tag = self
            .b()
            .build_int_compare(IntPredicate::EQ, sx, sy, "same.tag")?;
        let both = self.b().build_and(sx, sy, "both.some")?;
        let from_tags = self.current();
        let some = self.block("option.eq.some");
        let merge = self.block("option.eq");
        self.b().build_conditional_branch(both, some, merge)?;
        self.b().position_at_end(some);
        let (vx, vy) = (part(x, 1, self)?, part(y, 1, self)?);
        let eq = self.values_eq(vx, vy, inner, loc)?;
        let from_values = self.current();
        self.b().build_unconditional_branch(merge)?;
        self.b().position_at_end(merge);
        let phi = self.b().build_phi(self.ctx.bool_type(), "option.eq")?;
        phi.add_incoming(&[(&same_tag, from_tags), (&eq, from_values)]);
        Ok(phi.as_basic_value().into_int_value())
    }
}
