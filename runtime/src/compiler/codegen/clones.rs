//! Rust's `Clone` of a value in generated code: another reference to each instance and
//! handle it holds, and a deep copy of each `Vec` (`.clone()` of a tuple or `Option`, the
//! elements of `vec![x; n]` and `extend_from_slice`). A value holding no `Vec` is copied
//! with its counts raised; a `Vec` by `clone_vec`; a tuple or `Option` holding one by the
//! `ValueClone` helper (`vec.rs`), over a copy of the value in memory, which either clones
//! every member or, when an allocation fails, releases what it made (then a panic).

use super::{FnCx, Val};
use crate::Type;
use crate::compiler::CgResult;
use crate::compiler::types::{from_mem, mem_type, to_mem};
use crate::helpers::Helper;
use jitclass_core::ir::LocId;

/// What a failed clone of a `Vec` panics with (the allocator refused).
const CLONE_ALLOCATION_FAILED: &str = "memory allocation failed for a `Vec` buffer";

impl FnCx<'_> {
    /// A clone of the borrowed value `v` of type `t`, owned.
    pub(super) fn clone_value(&mut self, v: Val, t: &Type, loc: LocId) -> CgResult<Val> {
        if !t.holds_vec() {
            self.copy_value(v, t)?;
            return Ok(v);
        }
        if let Some(elem) = t.block_elem() {
            let h = self.header(v, &elem)?;
            return self.clone_vec(&h, loc);
        }
        let mem = mem_type(self.ctx, t);
        let src = self.slot(mem, "clone.src")?;
        let dst = self.slot(mem, "clone.dst")?;
        let m = to_mem(self.ctx, self.b(), v, t)?;
        self.b().build_store(src, m)?;
        let info = self.vec_drop_info(t);
        let i8p = self
            .ctx
            .i8_type()
            .ptr_type(inkwell::AddressSpace::default());
        let src8 = self.b().build_bit_cast(src, i8p, "src")?;
        let dst8 = self.b().build_bit_cast(dst, i8p, "dst")?;
        let f = self.m.helper(Helper::ValueClone);
        let status = self
            .b()
            .build_call(f, &[info.into(), src8.into(), dst8.into()], "clone")?
            .try_as_basic_value()
            .basic()
            .expect("returns a status")
            .into_int_value();
        let failed = self
            .b()
            .build_int_truncate(status, self.ctx.bool_type(), "failed")?;
        self.check(failed, loc, CLONE_ALLOCATION_FAILED)?;
        let copy = self.b().build_load(dst, "clone")?;
        from_mem(self.ctx, self.b(), copy, t)
    }
}
