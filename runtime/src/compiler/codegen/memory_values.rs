//! Values in memory: how codegen reads, writes, copies and takes apart values of every
//! type, so that *indirect* ones (types holding an array, `compiler/types.rs`) are never
//! loaded or stored whole.
//!
//! An indirect value is a pointer to its memory form, which stays unchanged until the
//! value is consumed: a temporary of the expression that made it (entry-block slots, one
//! per site), or memory the consumer reads at once (a `for` loop's element, a part of
//! such a value). Reading a place (a local, a field, an element) copies it into a new
//! temporary, since later code may change the place before the value is used; writing a
//! place copies into it with `memcpy`. A part of an indirect value is a pointer into it
//! when indirect itself, else loaded. Direct values stay SSA values, as before.

use super::{FnCx, Val};
use crate::Type;
use crate::compiler::CgResult;
use crate::compiler::types::{fields, from_mem, is_indirect, mem_type, to_mem};
use inkwell::values::PointerValue;
use jitclass_core::layout::size_align;

impl FnCx<'_> {
    /// A new zeroed temporary for an indirect value of type `t`.
    pub(super) fn indirect_temp(&self, t: &Type, name: &str) -> CgResult<PointerValue<'static>> {
        self.slot(mem_type(self.ctx, t), name)
    }

    /// Copies the indirect value of type `t` at `src` into `dest`, which is `src` itself
    /// or does not overlap it (values are whole objects, or disjoint parts of one).
    pub(super) fn copy_indirect(
        &self,
        dest: PointerValue<'static>,
        src: PointerValue<'static>,
        t: &Type,
    ) -> CgResult<()> {
        let layout = size_align(t);
        let size = self.ctx.i64_type().const_int(layout.size, false);
        let align = layout.align as u32;
        self.b().build_memcpy(dest, align, src, align, size)?;
        Ok(())
    }

    /// Zeroes the memory form of `t` at `dest` (a `None`, a destroyed payload field).
    pub(super) fn zero_memory(&self, dest: PointerValue<'static>, t: &Type) -> CgResult<()> {
        if !is_indirect(t) {
            self.b()
                .build_store(dest, mem_type(self.ctx, t).const_zero())?;
            return Ok(());
        }
        let layout = size_align(t);
        let size = self.ctx.i64_type().const_int(layout.size, false);
        let zero = self.ctx.i8_type().const_zero();
        self.b()
            .build_memset(dest, layout.align as u32, zero, size)?;
        Ok(())
    }

    /// The value of type `t` at `ptr`, a place: for a direct type the loaded value (from
    /// the memory form if `in_memory`), for an indirect one a copy in a new temporary
    /// (`name`s either). No reference is taken (`copy_value` does that).
    pub(super) fn load_value(
        &self,
        ptr: PointerValue<'static>,
        t: &Type,
        in_memory: bool,
        name: &str,
    ) -> CgResult<Val> {
        if is_indirect(t) {
            let temp = self.indirect_temp(t, name)?;
            self.copy_indirect(temp, ptr, t)?;
            return Ok(temp.into());
        }
        let v = self.b().build_load(ptr, name)?;
        if in_memory {
            from_mem(self.ctx, self.b(), v, t)
        } else {
            Ok(v)
        }
    }

    /// Writes `v` (of type `t`) to `ptr`: a direct value as itself (in the memory form if
    /// `in_memory`), an indirect one copied. References move with it.
    pub(super) fn write_value(
        &self,
        ptr: PointerValue<'static>,
        v: Val,
        t: &Type,
        in_memory: bool,
    ) -> CgResult<()> {
        if is_indirect(t) {
            return self.copy_indirect(ptr, v.into_pointer_value(), t);
        }
        let v = if in_memory {
            to_mem(self.ctx, self.b(), v, t)?
        } else {
            v
        };
        self.b().build_store(ptr, v)?;
        Ok(())
    }

    /// Part `i` of the tuple or `Option` value `v` of type `t` (an `Option`'s parts are
    /// `is_some` and the value): extracted from a direct value; from an indirect one,
    /// loaded if direct, else a pointer into `v`'s memory (which stays until `v` is
    /// consumed, so the part needs no copy).
    pub(super) fn value_part(&self, v: Val, t: &Type, i: u32) -> CgResult<Val> {
        if !is_indirect(t) {
            return Ok(self
                .b()
                .build_extract_value(v.into_struct_value(), i, "part")?);
        }
        let part_ty = fields(t)[i as usize].clone();
        let at = self
            .b()
            .build_struct_gep(v.into_pointer_value(), i, "part")?;
        if is_indirect(&part_ty) {
            return Ok(at.into());
        }
        let loaded = self.b().build_load(at, "part")?;
        from_mem(self.ctx, self.b(), loaded, &part_ty)
    }

    /// A `None` of the `Option` type `t` (all zero): a constant, or for an indirect type a
    /// zeroed temporary (which nothing writes).
    pub(super) fn none_value(&self, t: &Type) -> CgResult<Val> {
        if is_indirect(t) {
            return Ok(self.indirect_temp(t, "none")?.into());
        }
        Ok(crate::compiler::types::reg_type(self.ctx, t).const_zero())
    }

    /// `Some(v)` of the `Option` type `t`, `v` moved in.
    pub(super) fn some_value(&self, t: &Type, v: Val) -> CgResult<Val> {
        let is_some = self.ctx.bool_type().const_int(1, false).into();
        self.make_value(t, &[is_some, v])
    }

    /// The element of type `t` at `at` inside a value (an array's): a pointer to it if
    /// indirect, else loaded, without a copy or a reference taken (the value keeps it).
    pub(super) fn element_value(&self, at: PointerValue<'static>, t: &Type) -> CgResult<Val> {
        if is_indirect(t) {
            return Ok(at.into());
        }
        let loaded = self.b().build_load(at, "elem")?;
        from_mem(self.ctx, self.b(), loaded, t)
    }

    /// The tuple or `Option` of type `t` made of `parts` (owned, moved in): an SSA
    /// aggregate, or for an indirect type a new temporary written part by part.
    pub(super) fn make_value(&self, t: &Type, parts: &[Val]) -> CgResult<Val> {
        if !is_indirect(t) {
            let ty = crate::compiler::types::reg_type(self.ctx, t).into_struct_type();
            let mut agg = ty.get_undef();
            for (i, v) in parts.iter().enumerate() {
                agg = self
                    .b()
                    .build_insert_value(agg, *v, i as u32, "agg")?
                    .into_struct_value();
            }
            return Ok(agg.into());
        }
        let temp = self.indirect_temp(t, "agg")?;
        for ((i, v), pt) in parts.iter().enumerate().zip(fields(t)) {
            let at = self.b().build_struct_gep(temp, i as u32, "part")?;
            self.write_value(at, *v, &pt, true)?;
        }
        Ok(temp.into())
    }
}
