//! `v.method(args)` on a `Vec` in generated code: the methods of
//! `jitclass_core::vec_methods`, over the header and element helpers of `vecs.rs`.

use super::vecs::Header;
use super::{FnCx, Val};
use crate::Type;
use crate::compiler::CgResult;
use crate::compiler::types::reg_type;
use crate::escape::Sink;
use crate::helpers::Helper;
use inkwell::IntPredicate;
use inkwell::values::IntValue;
use jitclass_core::ir::{ExprId, ExprKind, LocId};
use jitclass_core::vec_methods::VecMethod;

impl FnCx<'_> {
    /// `v.method(args)`.
    pub(super) fn vec_method(
        &mut self,
        id: ExprId,
        method: VecMethod,
        receiver: ExprId,
        args: &[ExprId],
        loc: LocId,
    ) -> CgResult<Option<Val>> {
        let elem = Self::elem_of(self.ty(receiver))?;
        // `contains(&x)` reads the value `x` names.
        let args: Vec<ExprId> = args
            .iter()
            .map(|a| match self.ir.expr(*a).kind {
                ExprKind::AddrOf { place, .. } if method == VecMethod::Contains => place,
                _ => *a,
            })
            .collect();
        // A slice argument keeps the `Vec` it lends from (`lend_slice`) until the end.
        let lent_before = self.lent.len();
        let Some((handle, vals, hold)) = self.vec_operands(receiver, &args)? else {
            self.lent.truncate(lent_before);
            return Ok(None);
        };
        let h = self.header(handle, &elem)?;
        if method.resizes() {
            // Element writes through an index (and `swap`) stay allowed while a slice is
            // lent: they change elements in place, in the same buffer, and whoever reads
            // an element holds its own reference to what it read.
            let name = jitclass_core::vec_methods::VEC_METHODS
                .iter()
                .find(|m| m.method == method)
                .map_or("change", |m| m.name);
            self.refuse_while_lent(h.lends, super::lends::lent_message(name), loc)?;
        }
        let i64t = self.ctx.i64_type();
        let one = i64t.const_int(1, false);
        let result: Val = match method {
            VecMethod::Len => self.load_int(h.len, "len")?.into(),
            VecMethod::Capacity => self.load_int(h.cap, "cap")?.into(),
            VecMethod::IsEmpty => {
                let len = self.load_int(h.len, "len")?;
                self.b()
                    .build_int_compare(IntPredicate::EQ, len, i64t.const_zero(), "empty")?
                    .into()
            }
            VecMethod::Push => {
                let v = vals[0];
                let held = self.hold(v, &elem)?;
                self.refuse_unmanaged(v, &elem, loc, Sink::VecElement)?;
                self.reserve_one(&h, loc)?;
                let len = self.load_int(h.len, "len")?;
                let at = self.slot_at(&h, len)?;
                self.store_new(at, v, &elem)?;
                self.take(held)?;
                let len1 = self.b().build_int_add(len, one, "len")?;
                self.b().build_store(h.len, len1)?;
                self.unit()
            }
            VecMethod::Pop => {
                let opt = Type::Option(Box::new(elem.clone()));
                let none = self.none_value(&opt)?;
                let len = self.load_int(h.len, "len")?;
                let empty = self.b().build_int_compare(
                    IntPredicate::EQ,
                    len,
                    i64t.const_zero(),
                    "empty",
                )?;
                let some_block = self.block("pop.some");
                let join = self.block("pop.join");
                let none_from = self.current();
                self.b().build_conditional_branch(empty, join, some_block)?;
                self.b().position_at_end(some_block);
                let last = self.b().build_int_sub(len, one, "last")?;
                self.b().build_store(h.len, last)?;
                let at = self.slot_at(&h, last)?;
                let v = self.load_elem(at, &elem)?;
                let some = self.some_value(&opt, v)?;
                let some_from = self.current();
                self.b().build_unconditional_branch(join)?;
                self.b().position_at_end(join);
                let phi = self.b().build_phi(reg_type(self.ctx, &opt), "pop")?;
                phi.add_incoming(&[(&none, none_from), (&some, some_from)]);
                phi.as_basic_value()
            }
            VecMethod::Clear | VecMethod::Truncate => {
                let n = match method {
                    VecMethod::Clear => i64t.const_zero(),
                    _ => vals[0].into_int_value(),
                };
                if elem.is_managed() {
                    let f = self.m.helper(Helper::VecTruncate);
                    self.b().build_call(f, &[h.meminfo.into(), n.into()], "")?;
                } else {
                    let len = self.load_int(h.len, "len")?;
                    let shorter =
                        self.b()
                            .build_int_compare(IntPredicate::ULT, n, len, "shorter")?;
                    let new = self.b().build_select(shorter, n, len, "len")?;
                    self.b().build_store(h.len, new)?;
                }
                self.unit()
            }
            VecMethod::StdSort(how) => {
                let len = self.load_int(h.len, "len")?;
                let buf = self.load_ptr(h.buf)?;
                self.std_sort(how, &elem, buf, len, vals.first().copied())?;
                self.unit()
            }
            VecMethod::LendDuringSort => {
                return Err(crate::compiler::CgError::Internal(
                    "a sort's lend as a `Vec` method".into(),
                ));
            }
            VecMethod::Reserve => {
                self.reserve(&h, vals[0].into_int_value(), loc)?;
                self.unit()
            }
            VecMethod::Insert => {
                let (index, v) = (vals[0].into_int_value(), vals[1]);
                let held = self.hold(v, &elem)?;
                let len = self.load_int(h.len, "len")?;
                let past = self
                    .b()
                    .build_int_compare(IntPredicate::UGT, index, len, "past")?;
                self.check_with(
                    past,
                    loc,
                    vec![
                        "insertion index (is ".into(),
                        ") should be <= len (is ".into(),
                        ")".into(),
                    ],
                    &[(index.into(), Type::USIZE), (len.into(), Type::USIZE)],
                )?;
                self.refuse_unmanaged(v, &elem, loc, Sink::VecElement)?;
                self.reserve_one(&h, loc)?;
                let len = self.load_int(h.len, "len")?;
                self.shift_elements(&h, &elem, index, len, true)?;
                let at = self.slot_at(&h, index)?;
                self.store_new(at, v, &elem)?;
                self.take(held)?;
                let len1 = self.b().build_int_add(len, one, "len")?;
                self.b().build_store(h.len, len1)?;
                self.unit()
            }
            VecMethod::Remove | VecMethod::SwapRemove => {
                let index = vals[0].into_int_value();
                let len = self.load_int(h.len, "len")?;
                let out = self
                    .b()
                    .build_int_compare(IntPredicate::UGE, index, len, "out")?;
                let what = if method == VecMethod::Remove {
                    "removal index (is "
                } else {
                    "swap_remove index (is "
                };
                self.check_with(
                    out,
                    loc,
                    vec![what.into(), ") should be < len (is ".into(), ")".into()],
                    &[(index.into(), Type::USIZE), (len.into(), Type::USIZE)],
                )?;
                let at = self.slot_at(&h, index)?;
                let v = self.load_elem(at, &elem)?;
                let last = self.b().build_int_sub(len, one, "last")?;
                if method == VecMethod::Remove {
                    self.shift_elements(&h, &elem, index, len, false)?;
                } else {
                    let from = self.slot_at(&h, last)?;
                    self.move_element(at, from, &elem)?;
                }
                self.b().build_store(h.len, last)?;
                v
            }
            VecMethod::Swap => {
                let (a, b) = (vals[0].into_int_value(), vals[1].into_int_value());
                let len = self.load_int(h.len, "len")?;
                let buf = self.load_ptr(h.buf)?;
                let pa = self.checked_element_ptr(buf, len, a, loc)?;
                let pb = self.checked_element_ptr(buf, len, b, loc)?;
                // Through a copy of `a` (memory, for an indirect element).
                let va = self.load_elem(pa, &elem)?;
                self.move_element(pa, pb, &elem)?;
                self.store_new(pb, va, &elem)?;
                self.unit()
            }
            VecMethod::Contains => {
                // The argument's value is owned (a read counts it): released once compared.
                let x = vals[0];
                let held = self.hold(x, &elem)?;
                let found = self.slot(self.ctx.bool_type().into(), "found")?;
                self.b()
                    .build_store(found, self.ctx.bool_type().const_zero())?;
                let len = self.load_int(h.len, "len")?;
                self.counted_loop(len, |cx, i| {
                    let at = cx.slot_at(&h, i)?;
                    let e = cx.load_elem(at, &elem)?;
                    let eq = cx.values_eq(e, x, &elem, loc)?;
                    let old = cx.b().build_load(found, "found")?.into_int_value();
                    let new = cx.b().build_or(old, eq, "found")?;
                    cx.b().build_store(found, new)?;
                    Ok(())
                })?;
                self.release(held)?;
                self.b().build_load(found, "contains")?
            }
            VecMethod::Clone => self.clone_vec(&h, loc)?,
            VecMethod::FirstCopied
            | VecMethod::LastCopied
            | VecMethod::GetCopied
            | VecMethod::FirstRef
            | VecMethod::LastRef
            | VecMethod::GetRef => {
                let len = self.load_int(h.len, "len")?;
                let (index, present) = match method {
                    VecMethod::FirstCopied | VecMethod::FirstRef => (
                        i64t.const_zero(),
                        self.b().build_int_compare(
                            IntPredicate::NE,
                            len,
                            i64t.const_zero(),
                            "present",
                        )?,
                    ),
                    VecMethod::LastCopied | VecMethod::LastRef => (
                        self.b().build_int_sub(len, one, "last")?,
                        self.b().build_int_compare(
                            IntPredicate::NE,
                            len,
                            i64t.const_zero(),
                            "present",
                        )?,
                    ),
                    _ => {
                        let i = vals[0].into_int_value();
                        (
                            i,
                            self.b()
                                .build_int_compare(IntPredicate::ULT, i, len, "present")?,
                        )
                    }
                };
                // A reference is held as the element's value, another counted
                // reference to what it holds; `copied`/`cloned` make Rust's clone.
                let deep = !matches!(
                    method,
                    VecMethod::FirstRef | VecMethod::LastRef | VecMethod::GetRef
                );
                self.copied_element(&h, &elem, (index, present), deep, loc)?
            }
            VecMethod::ExtendFromSlice => {
                // The source was read before the receiver grows: inference refuses a
                // source that is (or may be) the receiver itself (`check_lending`).
                let s = vals[0].into_struct_value();
                let src = self
                    .b()
                    .build_extract_value(s, 0, "src")?
                    .into_pointer_value();
                let n = self.b().build_extract_value(s, 1, "n")?.into_int_value();
                self.reserve(&h, n, loc)?;
                self.counted_loop(n, |cx, i| {
                    // SAFETY (of the generated code): `i < n`, the source's length.
                    let from = unsafe { cx.b().build_in_bounds_gep(src, &[i], "from")? };
                    let v = cx.load_elem(from, &elem)?;
                    // A slice from Rust may hold an instance lent for the call only.
                    cx.refuse_unmanaged(v, &elem, loc, Sink::VecElement)?;
                    let e = cx.clone_value(v, &elem, loc)?;
                    // One element at a time, so a failed clone leaves a whole `Vec`.
                    let len = cx.load_int(h.len, "len")?;
                    let at = cx.slot_at(&h, len)?;
                    cx.store_new(at, e, &elem)?;
                    let len1 = cx.b().build_int_add(len, one, "len")?;
                    cx.b().build_store(h.len, len1)?;
                    Ok(())
                })?;
                self.unit()
            }
        };
        let _ = id;
        self.end_lends(lent_before)?;
        self.finish_vec_operands(hold)?;
        Ok(Some(result))
    }

    /// Moves the element at `from` to `at` (bytes: references move with it); `from` is
    /// then a free slot.
    fn move_element(
        &mut self,
        at: inkwell::values::PointerValue<'static>,
        from: inkwell::values::PointerValue<'static>,
        elem: &Type,
    ) -> CgResult<()> {
        if crate::compiler::types::is_indirect(elem) {
            return self.copy_indirect(at, from, elem);
        }
        let moved = self.b().build_load(from, "moved")?;
        self.b().build_store(at, moved)?;
        Ok(())
    }

    /// Moves `buf[index..len]` one slot up (`up`, for `insert`) or `buf[index+1..len]`
    /// one slot down (for `remove`), as `memmove`.
    fn shift_elements(
        &mut self,
        h: &Header,
        elem: &Type,
        index: IntValue<'static>,
        len: IntValue<'static>,
        up: bool,
    ) -> CgResult<()> {
        let i64t = self.ctx.i64_type();
        let one = i64t.const_int(1, false);
        let size = i64t.const_int(jitclass_core::layout::size_align(elem).size, false);
        let (from, to, count) = if up {
            (
                index,
                self.b().build_int_add(index, one, "to")?,
                self.b().build_int_sub(len, index, "n")?,
            )
        } else {
            let from = self.b().build_int_add(index, one, "from")?;
            let n = self.b().build_int_sub(len, from, "n")?;
            (from, index, n)
        };
        let src = self.slot_at(h, from)?;
        let dst = self.slot_at(h, to)?;
        let bytes = self.b().build_int_mul(count, size, "bytes")?;
        let align = jitclass_core::layout::size_align(elem).align as u32;
        self.b().build_memmove(dst, align, src, align, bytes)?;
        Ok(())
    }
}
