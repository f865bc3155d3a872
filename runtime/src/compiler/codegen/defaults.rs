//! `T::default()` / `Default::default()` of a type that is not a class (a class's is a
//! call of its derived `default()`, resolved by inference): zero, `false`, `'\0'`, `()`
//! and `None` are the zero value of their register type; `Vec`s, `String`s and maps are
//! new and empty; a tuple or an array is its elements' defaults, and a class inside one
//! is a call of its derived `default()`.

use super::{FnCx, Val};
use crate::Type;
use crate::compiler::CgError;
use crate::compiler::CgResult;
use jitclass_core::infer::ClassCall;
use jitclass_core::ir::{ExprId, LocId};

impl FnCx<'_> {
    /// The `DefaultOf` expression `id`.
    pub(super) fn default_expr(&mut self, id: ExprId, loc: LocId) -> CgResult<Option<Val>> {
        let t = self.ty(id).clone();
        Ok(Some(self.default_value(&t, (id, loc))?))
    }

    /// The default of `t` for the `DefaultOf` expression `id` at `loc`.
    fn default_value(&mut self, t: &Type, (id, loc): (ExprId, LocId)) -> CgResult<Val> {
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
                    let v = self.default_value(part, (id, loc))?;
                    held.push(self.hold(v, part)?);
                    vals.push(v);
                }
                for h in held {
                    self.take(h)?;
                }
                self.make_value(t, &vals)
            }
            Type::Array { elem, len } => self.default_array(t, (elem, *len), (id, loc)),
            Type::Class(key) => {
                // Inference checked that the class derives `Default`.
                let info = crate::class::lookup(key).map_err(CgError::Internal)?;
                let candidate = info
                    .functions("default")
                    .iter()
                    .position(|entry| {
                        entry.of_trait.is_none()
                            && entry
                                .dispatcher
                                .ir()
                                .is_ok_and(|ir| ir.receiver.is_none() && ir.params.is_empty())
                    })
                    .ok_or_else(|| {
                        CgError::Internal(format!("`{}` has no derived `default()`", key.name))
                    })?;
                let call = ClassCall {
                    class: key.clone(),
                    method: "default".to_string(),
                    candidate,
                };
                let callee = super::classes::class_function(&call, &[])?;
                self.call_values(id, (callee.0, &callee.1), &[])
            }
            _ => self.none_value(t),
        }
    }

    /// `[T; N]`'s default: zeroed memory when `T`'s default is all zeros, else each
    /// element's default written in turn, each held while the next is made (whose
    /// allocation may fail: a panic that releases what is held).
    fn default_array(
        &mut self,
        t: &Type,
        (elem, len): (&Type, u64),
        at: (ExprId, LocId),
    ) -> CgResult<Val> {
        let array = self.indirect_temp(t, "array.default")?;
        // The temporary is zeroed once, in the prologue: a loop makes the value again.
        self.zero_memory(array, t)?;
        if is_zero_default(elem) {
            return Ok(array.into());
        }
        let first = self.first_elem(array)?;
        let mut held = Vec::with_capacity(len as usize);
        for i in 0..len {
            let v = self.default_value(elem, at)?;
            held.push(self.hold(v, elem)?);
            let index = self.ctx.i64_type().const_int(i, false);
            // SAFETY (of the generated code): `i` is below the array's length.
            let slot = unsafe { self.b().build_in_bounds_gep(first, &[index], "elem")? };
            self.write_value(slot, v, elem, true)?;
        }
        for h in held {
            self.take(h)?;
        }
        Ok(array.into())
    }
}

/// Whether the default of `t` is the zero value of its memory (numbers, `bool`, `char`,
/// `()`, `None`, and arrays and tuples of those).
fn is_zero_default(t: &Type) -> bool {
    match t {
        Type::Option(_) | Type::Unit => true,
        Type::Array { elem, .. } => is_zero_default(elem),
        Type::Tuple(parts) => parts.iter().all(is_zero_default),
        Type::Prim(_) => true,
        _ => false,
    }
}
