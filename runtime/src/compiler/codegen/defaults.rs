//! `T::default()` / `Default::default()` of a type that is not a class (a class's is a
//! call of its derived `default()`, resolved by inference): zero, `false`, `'\0'`, `()`
//! and `None` are the zero value of their register type; `Vec`s, `String`s and maps are
//! new and empty; a tuple is its elements' defaults.

use super::{FnCx, Val};
use crate::Type;
use crate::compiler::CgResult;
use jitclass_core::ir::{ExprId, LocId};

impl FnCx<'_> {
    /// The `DefaultOf` expression `id`.
    pub(super) fn default_expr(&mut self, id: ExprId, loc: LocId) -> CgResult<Option<Val>> {
        let t = self.ty(id).clone();
        Ok(Some(self.default_value(&t, loc)?))
    }

    fn default_value(&mut self, t: &Type, loc: LocId) -> CgResult<Val> {
        let no_room = self.ctx.i64_type().const_zero();
        match t {
            Type::Vec(elem) => self.new_vec(elem, no_room, loc),
            Type::String => self.new_vec(&Type::U8, no_room, loc),
            Type::Map { key, value } => self.new_map((key, value), no_room, loc),
            Type::Tuple(parts) => {
                // Each element made is held while the next is made, whose allocation
                // may fail (a panic that releases what is held).
                let mut vals = Vec::with_capacity(parts.len());
                let mut held = Vec::with_capacity(parts.len());
                for part in parts {
                    let v = self.default_value(part, loc)?;
                    held.push(self.hold(v, part)?);
                    vals.push(v);
                }
                for h in held {
                    self.take(h)?;
                }
                self.make_value(t, &vals)
            }
            _ => self.none_value(t),
        }
    }
}
