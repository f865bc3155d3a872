//! Fixed arrays `[T; N]` in generated code: literals, element places and reads, `len()`,
//! slices of an array lent to a call, and `==`.
//!
//! An array is the LLVM array `[N x T]` of its elements' memory form, in memory only: a
//! value is a pointer to it (`compiler/types.rs`, `memory_values.rs`), so a pointer into
//! one is a slice's pointer and an element read converts from the memory form. A literal
//! is written element by element into its temporary. An element access goes through a
//! pointer to the array: the array's own place when it is one (a local, a tuple field or
//! element of one, a class field), so that `a[i] = x` writes the array itself and a read
//! copies one element, not the array; else the value's own memory. Every index is checked
//! against `N` first (`no_ub.rs`). An array of counted references (instances, handles,
//! `Vec`s) is counted element by element (`ownership.rs`): a literal takes over its
//! elements, an element read is a new reference, a copy of the array one per element.

use super::{FnCx, Val};
use crate::Type;
use crate::compiler::types::from_mem;
use crate::compiler::{CgError, CgResult};
use inkwell::values::{IntValue, PointerValue};
use jitclass_core::infer::Resolution;
use jitclass_core::ir::{ArrayInit, BinOp, ExprId, ExprKind, LocId};

impl FnCx<'_> {
    /// `[a, b, c]` / `[value; N]`.
    pub(super) fn array_lit(&mut self, id: ExprId, init: &ArrayInit) -> CgResult<Option<Val>> {
        let ty = self.ty(id).clone();
        let Type::Array { elem, len } = &ty else {
            return Err(CgError::Internal(format!(
                "an array literal of type `{ty}`"
            )));
        };
        match init {
            ArrayInit::List(es) => {
                let Some(vals) = self.owned_values(es)? else {
                    return Ok(None);
                };
                let array = self.indirect_temp(&ty, "array")?;
                let first = self.first_elem(array)?;
                for (i, v) in vals.into_iter().enumerate() {
                    let index = self.ctx.i64_type().const_int(i as u64, false);
                    // SAFETY (of the generated code): `i` is below the literal's length.
                    let at = unsafe { self.b().build_in_bounds_gep(first, &[index], "elem")? };
                    self.write_value(at, v, elem, true)?;
                }
                Ok(Some(array.into()))
            }
            ArrayInit::Repeat { value, .. } => {
                let Some(v) = self.expr(*value)? else {
                    return Ok(None);
                };
                // A loop storing the element `len` times into the array's temporary (a
                // value that is not `Copy` only once: inference refuses more, E0277; and
                // none is dropped).
                if *len == 0 {
                    self.drop_value(v, elem)?;
                }
                let array = self.indirect_temp(&ty, "array.repeat")?;
                let first = self.first_elem(array)?;
                let i64t = self.ctx.i64_type();
                let n = i64t.const_int(*len, false);
                let elem = (**elem).clone();
                self.counted_loop(n, |cx, i| {
                    // SAFETY (of the generated code): `i < len`, the element count.
                    let at = unsafe { cx.b().build_in_bounds_gep(first, &[i], "elem")? };
                    cx.write_value(at, v, &elem, true)
                })?;
                Ok(Some(array.into()))
            }
        }
    }

    /// A pointer to the array `base` evaluates to: its place if it is one, else the
    /// value's memory. An instance whose field it is stays held in `place_temps`.
    pub(super) fn array_ptr(&mut self, base: ExprId) -> CgResult<Option<PointerValue<'static>>> {
        if self.is_array_place(base) {
            return Ok(self.place(base)?.map(|(ptr, _)| ptr));
        }
        self.array_value(base)
    }

    /// The memory of the array value `e` evaluates to (a copy, if it reads a place).
    fn array_value(&mut self, e: ExprId) -> CgResult<Option<PointerValue<'static>>> {
        Ok(self.expr(e)?.map(|v| v.into_pointer_value()))
    }

    /// Whether `e` is a place whose address `place` gives without side effects beyond
    /// evaluating it: a local, a tuple field or array element of one, a class field, an
    /// element of a `Vec`.
    pub(super) fn is_array_place(&self, e: ExprId) -> bool {
        match &self.ir.expr(e).kind {
            ExprKind::Local(_) => true,
            ExprKind::TupleField(b, _) => self.is_array_place(*b),
            ExprKind::Index(b, _) => match self.ty(*b) {
                Type::Array { .. } => self.is_array_place(*b),
                // `place` evaluates the `Vec` and the index as a read of the element does.
                Type::Vec(_) => self.index_operator(e).ok().flatten().is_none(),
                _ => false,
            },
            ExprKind::Field(..) => {
                matches!(self.typed.resolution(e), Some(Resolution::Field(_)))
            }
            _ => false,
        }
    }

    /// The address of the first element of the array at `array`.
    pub(super) fn first_elem(
        &self,
        array: PointerValue<'static>,
    ) -> CgResult<PointerValue<'static>> {
        let zero = self.ctx.i64_type().const_zero();
        // SAFETY (of the generated code): element 0 of an array type, whose address is in
        // bounds or one past the end for `N == 0` (never read then).
        Ok(unsafe {
            self.b()
                .build_in_bounds_gep(array, &[zero, zero], "first")?
        })
    }

    /// `&base[index]` of an array, after the bounds check against `N`.
    pub(super) fn array_elem_ptr(
        &mut self,
        base: ExprId,
        index: ExprId,
        loc: LocId,
    ) -> CgResult<Option<PointerValue<'static>>> {
        let Type::Array { len, .. } = *self.ty(base) else {
            return Err(CgError::Internal("an array index of a non-array".into()));
        };
        let Some(array) = self.array_ptr(base)? else {
            return Ok(None);
        };
        let Some(idx) = self.expr(index)? else {
            return Ok(None);
        };
        let first = self.first_elem(array)?;
        let n = self.ctx.i64_type().const_int(len, false);
        Ok(Some(self.checked_element_ptr(
            first,
            n,
            idx.into_int_value(),
            loc,
        )?))
    }

    /// `base[index]` read of an array: the element alone is loaded.
    pub(super) fn array_index_read(
        &mut self,
        id: ExprId,
        base: ExprId,
        index: ExprId,
        loc: LocId,
    ) -> CgResult<Option<Val>> {
        let before = self.place_temps.len();
        let Some(ptr) = self.array_elem_ptr(base, index, loc)? else {
            return Ok(None);
        };
        let t = self.ty(id).clone();
        let v = self.load_value(ptr, &t, true, "elem")?;
        // The array keeps its element; the read is another reference.
        self.copy_value(v, &t)?;
        for held in self.place_temps.split_off(before) {
            self.release(Some(held))?;
        }
        Ok(Some(v))
    }

    /// The pointer to the first element and the length of an array lent as a slice; an
    /// instance holding it is kept (in `lent`) until the call returns.
    pub(super) fn array_for_slice(
        &mut self,
        base: ExprId,
    ) -> CgResult<Option<(PointerValue<'static>, IntValue<'static>)>> {
        let Type::Array { len, .. } = *self.ty(base) else {
            return Err(CgError::Internal("a slice of a non-array".into()));
        };
        let before = self.place_temps.len();
        let array = if self.is_array_place(base) {
            match self.place(base)? {
                Some((ptr, _)) => ptr,
                None => return Ok(None),
            }
        } else {
            // A value: kept (with its references) until the call returns.
            let Some(v) = self.expr(base)? else {
                return Ok(None);
            };
            let t = self.ty(base).clone();
            if let Some(held) = self.hold(v, &t)? {
                self.hold_for_call(held);
            }
            v.into_pointer_value()
        };
        for held in self.place_temps.split_off(before) {
            self.hold_for_call(held);
        }
        let first = self.first_elem(array)?;
        Ok(Some((first, self.ctx.i64_type().const_int(len, false))))
    }

    /// `a.len()` / `a.is_empty()` of an array: its type's `N`, after the receiver is
    /// evaluated for what it may do (a place only as a place: its elements are neither
    /// copied nor counted).
    pub(super) fn array_len_method(
        &mut self,
        receiver: ExprId,
        is_empty: bool,
    ) -> CgResult<Option<Val>> {
        let Type::Array { len, .. } = *self.ty(receiver) else {
            return Err(CgError::Internal("`len` of a non-array".into()));
        };
        if self.is_array_place(receiver) {
            if self.place(receiver)?.is_none() {
                return Ok(None);
            }
            self.release_place_temps()?;
        } else {
            let Some(v) = self.expr(receiver)? else {
                return Ok(None);
            };
            let t = self.ty(receiver).clone();
            self.drop_value(v, &t)?;
        }
        Ok(Some(if is_empty {
            self.ctx
                .bool_type()
                .const_int(u64::from(len == 0), false)
                .into()
        } else {
            self.ctx.i64_type().const_int(len, false).into()
        }))
    }

    /// `a == b` / `a != b` on arrays of primitives: element by element, as Rust's
    /// `PartialEq` for arrays (so an array holding a NaN is not equal to itself). Both
    /// operands are evaluated to values first, so the right one cannot change the left.
    pub(super) fn array_eq(
        &mut self,
        op: BinOp,
        a: ExprId,
        b: ExprId,
        loc: LocId,
    ) -> CgResult<Option<Val>> {
        let Type::Array { elem, len } = self.ty(a).clone() else {
            return Err(CgError::Internal("`==` of a non-array".into()));
        };
        let Some(x) = self.array_value(a)? else {
            return Ok(None);
        };
        let Some(y) = self.array_value(b)? else {
            return Ok(None);
        };
        let (fx, fy) = (self.first_elem(x)?, self.first_elem(y)?);
        let ctx = self.ctx;
        let i64t = ctx.i64_type();
        let equal = self.slot(ctx.bool_type().into(), "array.eq")?;
        self.b()
            .build_store(equal, ctx.bool_type().const_int(1, false))?;
        let n = i64t.const_int(len, false);
        self.counted_loop(n, |cx, i| {
            // SAFETY (of the generated code): `i < len`, both arrays' element count.
            let (pa, pb) = unsafe {
                (
                    cx.b().build_in_bounds_gep(fx, &[i], "a")?,
                    cx.b().build_in_bounds_gep(fy, &[i], "b")?,
                )
            };
            let va = cx.b().build_load(pa, "a")?;
            let vb = cx.b().build_load(pb, "b")?;
            let va = from_mem(cx.ctx, cx.b(), va, &elem)?;
            let vb = from_mem(cx.ctx, cx.b(), vb, &elem)?;
            let same = cx.binop(BinOp::Eq, va, vb, &elem, loc)?.into_int_value();
            let so_far = cx.b().build_load(equal, "eq")?.into_int_value();
            let both = cx.b().build_and(so_far, same, "eq")?;
            cx.b().build_store(equal, both)?;
            Ok(())
        })?;
        let eq = self.b().build_load(equal, "eq")?.into_int_value();
        Ok(Some(match op {
            BinOp::Eq => eq.into(),
            _ => self.b().build_not(eq, "ne")?.into(),
        }))
    }
}
