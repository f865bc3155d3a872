//! Locals and places in generated code: reading a local, assigning to a place (a local, a
//! tuple field, a slice element, a class field, a place `index_mut` returns), reading a
//! slice element, and building and taking apart tuples and `Some`s.
//!
//! Rust evaluates an assigned value before its place; a store drops the value it replaces
//! after the store (`ownership.rs`). Slice elements are reached after the bounds check of
//! `no_ub.rs`.

use super::{FnCx, Val};
use crate::Type;
use crate::compiler::types::is_indirect;
use crate::compiler::{CgError, CgResult};
use inkwell::values::PointerValue;
use jitclass_core::ir::{BinOp, ExprId, ExprKind, LocId, LocalId};

impl FnCx<'_> {
    /// A read of local `l`: a new reference, the local keeps its own (an indirect value
    /// is copied out of the local's slot).
    pub(super) fn local(&mut self, id: ExprId, l: LocalId) -> CgResult<Val> {
        let t = self.ty(id).clone();
        let v = self.load_value(self.locals[l.index()], &t, false, "load")?;
        self.copy_value(v, &t)?;
        Ok(v)
    }

    /// `place = value`.
    pub(super) fn assign(
        &mut self,
        place: ExprId,
        value: ExprId,
        loc: LocId,
    ) -> CgResult<Option<Val>> {
        // Rust evaluates the assigned value before the place.
        let Some(v) = self.expr(value)? else {
            return Ok(None);
        };
        let t = self.ty(place).clone();
        let held = self.hold(v, &t)?;
        let Some((ptr, in_memory)) = self.place(place)? else {
            return Ok(None);
        };
        self.refuse_unmanaged_in_place(v, &t, place, loc)?;
        if let Type::Vec(elem) = &t
            && self.inside_a_class_field(place)
        {
            // A `Vec` in a field (also a tuple field's or an element's: `self.pair.0`,
            // `self.rows[i]`) may be lent to a call (or a sort) that reached it another
            // way: replacing it would pull it from under them (`lends.rs`). A local's
            // own places are left alone: only its owner reaches them, and a moved-out
            // tuple field holds no `Vec` to check.
            let old = self.load_value(ptr, &t, in_memory, "old")?;
            let h = self.header(old, elem)?;
            self.refuse_while_lent(h.lends, super::lends::lent_replace_message(), loc)?;
        }
        self.take(held)?;
        self.store(ptr, in_memory, v, &t)?;
        self.release_place_temps()?;
        Ok(Some(self.unit()))
    }

    /// Whether `place` is a class field or lies inside one (a tuple field or an element
    /// of it), where another handle of the instance can reach it.
    fn inside_a_class_field(&self, place: ExprId) -> bool {
        match self.ir.expr(place).kind {
            ExprKind::Field(..) => true,
            ExprKind::TupleField(base, _) | ExprKind::Index(base, _) => {
                self.inside_a_class_field(base)
            }
            _ => false,
        }
    }

    /// `place op= value` on numbers.
    pub(super) fn compound_assign(
        &mut self,
        op: BinOp,
        place: ExprId,
        value: ExprId,
        loc: LocId,
    ) -> CgResult<Option<Val>> {
        let Some(v) = self.expr(value)? else {
            return Ok(None);
        };
        let Some((ptr, in_memory)) = self.place(place)? else {
            return Ok(None);
        };
        let t = self.ty(place).clone();
        let old = self.load_value(ptr, &t, in_memory, "old")?;
        let new = self.binop(op, old, v, &t, loc)?;
        self.refuse_unmanaged_in_place(new, &t, place, loc)?;
        self.store(ptr, in_memory, new, &t)?;
        self.release_place_temps()?;
        Ok(Some(self.unit()))
    }

    /// `slice[index]` read: another reference to the element, which the slice keeps.
    pub(super) fn index_read(
        &mut self,
        id: ExprId,
        base: ExprId,
        index: ExprId,
        loc: LocId,
    ) -> CgResult<Option<Val>> {
        let Some(ptr) = self.element_ptr(base, index, loc)? else {
            return Ok(None);
        };
        let t = self.ty(id).clone();
        let v = self.load_value(ptr, &t, true, "elem")?;
        // The slice keeps its element; the read is another reference.
        self.copy_value(v, &t)?;
        Ok(Some(v))
    }

    /// `(a, b, ..)`: the elements' values move into the tuple.
    pub(super) fn tuple(&mut self, id: ExprId, elements: &[ExprId]) -> CgResult<Option<Val>> {
        let Some(vals) = self.owned_values(elements)? else {
            return Ok(None);
        };
        let t = self.ty(id).clone();
        Ok(Some(self.make_value(&t, &vals)?))
    }

    /// `base.index` of a tuple value.
    pub(super) fn tuple_field(
        &mut self,
        id: ExprId,
        base: ExprId,
        index: u32,
    ) -> CgResult<Option<Val>> {
        let Some(v) = self.expr(base)? else {
            return Ok(None);
        };
        let (te, tt) = (self.ty(id).clone(), self.ty(base).clone());
        let elem = self.value_part(v, &tt, index)?;
        // The element gets its own reference; the rest of the tuple is dropped.
        self.copy_value(elem, &te)?;
        self.drop_value(v, &tt)?;
        Ok(Some(elem))
    }

    /// `Some(inner)`: `{1, value}`.
    pub(super) fn some(&mut self, id: ExprId, inner: ExprId) -> CgResult<Option<Val>> {
        let Some(v) = self.expr(inner)? else {
            return Ok(None);
        };
        let t = self.ty(id).clone();
        Ok(Some(self.some_value(&t, v)?))
    }

    /// The address of an assignable place, and whether it holds the memory form.
    pub(super) fn place(&mut self, id: ExprId) -> CgResult<Option<(PointerValue<'static>, bool)>> {
        let ir = self.ir;
        let loc = ir.expr(id).loc;
        match &ir.expr(id).kind {
            ExprKind::Local(l) if let Some(&place) = self.sort_aliases.get(l) => self.place(place),
            // An indirect local's slot holds the memory form (`slot_type`).
            ExprKind::Local(l) => Ok(Some((
                self.locals[l.index()],
                is_indirect(&self.typed.local_types[l.index()]),
            ))),
            ExprKind::Index(base, index) => match self.index_operator(id)? {
                Some(op) => {
                    let Some((ptr, held)) = self.class_index_ptr(id, &op, (*base, *index))? else {
                        return Ok(None);
                    };
                    self.place_temps.extend(held);
                    Ok(Some((ptr, true)))
                }
                None if matches!(self.ty(*base), Type::Array { .. }) => {
                    // A store into a copy would be lost: inference admits only places.
                    if !self.is_array_place(*base) {
                        return Err(CgError::Internal(
                            "an element of an array that is not a place assigned".into(),
                        ));
                    }
                    Ok(self.array_elem_ptr(*base, *index, loc)?.map(|p| (p, true)))
                }
                None if matches!(self.ty(*base), Type::Map { .. }) => {
                    Ok(self.map_index_place(*base, *index, loc)?.map(|p| (p, true)))
                }
                None if self.ty(*base).vec_elem().is_some() => {
                    Ok(self.vec_index_place(*base, *index, loc)?.map(|p| (p, true)))
                }
                None => Ok(self.element_ptr(*base, *index, loc)?.map(|p| (p, true))),
            },
            ExprKind::Field(base, _) => Ok(self.field_ptr(id, *base)?.map(|p| (p, true))),
            ExprKind::TupleField(base, index) => {
                let Some((ptr, in_memory)) = self.place(*base)? else {
                    return Ok(None);
                };
                Ok(Some((
                    self.b().build_struct_gep(ptr, *index, "field")?,
                    in_memory,
                )))
            }
            _ => Err(CgError::Internal(
                "assignment to a non-place expression".into(),
            )),
        }
    }

    /// Stores `v` (owned) into a place, dropping the value it replaces.
    pub(super) fn store(
        &mut self,
        ptr: PointerValue<'static>,
        in_memory: bool,
        v: Val,
        t: &Type,
    ) -> CgResult<()> {
        // (An indirect old value is copied out first, then dropped.)
        let old = if t.is_managed() {
            Some(self.load_value(ptr, t, in_memory, "old")?)
        } else {
            None
        };
        self.write_value(ptr, v, t, in_memory)?;
        if let Some(old) = old {
            self.drop_value(old, t)?;
        }
        Ok(())
    }

    /// `&slice[index]` after the bounds check.
    fn element_ptr(
        &mut self,
        base: ExprId,
        index: ExprId,
        loc: LocId,
    ) -> CgResult<Option<PointerValue<'static>>> {
        let Some(slice) = self.expr(base)? else {
            return Ok(None);
        };
        let Some(idx) = self.expr(index)? else {
            return Ok(None);
        };
        let slice = slice.into_struct_value();
        let ptr = self
            .b()
            .build_extract_value(slice, 0, "ptr")?
            .into_pointer_value();
        let len = self
            .b()
            .build_extract_value(slice, 1, "len")?
            .into_int_value();
        let idx = idx.into_int_value();
        let p = self.checked_element_ptr(ptr, len, idx, loc)?;
        Ok(Some(p))
    }
}
