//! `Vec<T>` in generated code: construction, the header and element helpers the methods
//! (`vec_methods.rs`) and lent slices (`slices.rs`) use, element places and reads, and `==`.
//!
//! A `Vec` value is `{meminfo, data}` where `data` points at the block's `VecHeader`
//! `{len, cap, buf}` (`runtime/src/vec.rs`). Every element access loads `len` and `buf`
//! from the header at that point and checks the index against that `len`, so no access
//! reads past the initialised elements or a buffer that was reallocated or freed. Growth,
//! cloning and releasing elements go through the helpers of `vec.rs`. A value moved into
//! the `Vec` (`push`, `insert`) stays in a held slot until it is stored, so a panic
//! before the store (a failed allocation) releases it.

use super::{FnCx, Val, ownership::Held};
use crate::Type;
use crate::compiler::types::{from_mem, mem_type, reg_type};
use crate::compiler::{CgError, CgResult};
use crate::escape::Sink;
use crate::helpers::Helper;
use inkwell::AddressSpace;
use inkwell::IntPredicate;
use inkwell::types::BasicType;
use inkwell::values::{IntValue, PointerValue};
use jitclass_core::infer::Resolution;
use jitclass_core::ir::{BinOp, ExprId, ExprKind, LocId, VecInit};

/// Pointers to a `Vec`'s header fields.
pub(super) struct Header {
    pub(super) meminfo: PointerValue<'static>,
    pub(super) len: PointerValue<'static>,
    pub(super) cap: PointerValue<'static>,
    pub(super) buf: PointerValue<'static>,
    /// The lend count (`lends.rs`).
    pub(super) lends: PointerValue<'static>,
}

/// "capacity overflow", std's panic when a `Vec`'s size would pass `isize::MAX`.
const CAPACITY_OVERFLOW: &str = "capacity overflow";
/// The allocator failed.
const VEC_ALLOCATION_FAILED: &str = "memory allocation failed for a `Vec` buffer";

impl FnCx<'_> {
    pub(super) fn elem_of(t: &Type) -> CgResult<Type> {
        match t.vec_elem() {
            Some(e) => Ok(e.clone()),
            None => Err(CgError::Internal(format!("a `Vec` operation on `{t}`"))),
        }
    }

    pub(super) fn header(&mut self, handle: Val, elem: &Type) -> CgResult<Header> {
        let b = self.b();
        let meminfo = b
            .build_extract_value(handle.into_struct_value(), 0, "vec.meminfo")?
            .into_pointer_value();
        let data = b
            .build_extract_value(handle.into_struct_value(), 1, "vec.data")?
            .into_pointer_value();
        let i64t = self.ctx.i64_type();
        let elem_ptr = mem_type(self.ctx, elem).ptr_type(AddressSpace::default());
        let header_ty = self.ctx.struct_type(
            &[i64t.into(), i64t.into(), elem_ptr.into(), i64t.into()],
            false,
        );
        let h = b
            .build_bit_cast(
                data,
                header_ty.ptr_type(AddressSpace::default()),
                "vec.header",
            )?
            .into_pointer_value();
        Ok(Header {
            meminfo,
            len: b.build_struct_gep(h, 0, "vec.len")?,
            cap: b.build_struct_gep(h, 1, "vec.cap")?,
            buf: b.build_struct_gep(h, 2, "vec.buf")?,
            lends: b.build_struct_gep(h, 3, "vec.lends")?,
        })
    }

    pub(super) fn load_int(
        &self,
        p: PointerValue<'static>,
        name: &str,
    ) -> CgResult<IntValue<'static>> {
        Ok(self.b().build_load(p, name)?.into_int_value())
    }

    pub(super) fn load_ptr(&self, p: PointerValue<'static>) -> CgResult<PointerValue<'static>> {
        Ok(self.b().build_load(p, "vec.bufptr")?.into_pointer_value())
    }

    /// `&buf[i]`, unchecked: callers compare `i` with `len` first.
    pub(super) fn slot_at(
        &self,
        h: &Header,
        i: IntValue<'static>,
    ) -> CgResult<PointerValue<'static>> {
        let buf = self.load_ptr(h.buf)?;
        // SAFETY (of the generated code): every caller checked `i < len <= cap`.
        Ok(unsafe { self.b().build_in_bounds_gep(buf, &[i], "vec.slot")? })
    }

    /// The drop info of `Vec<elem>`'s blocks, as a mapped symbol.
    pub(super) fn vec_drop_info(&self, elem: &Type) -> PointerValue<'static> {
        let info = crate::vec::drop_info_for(elem);
        self.m
            .mapped_data("vec_elems", info as *const crate::memory::DropInfo as usize)
    }

    /// A new empty `Vec` with room for `cap` elements, or a panic.
    pub(super) fn new_vec(
        &mut self,
        elem: &Type,
        cap: IntValue<'static>,
        loc: LocId,
    ) -> CgResult<Val> {
        let f = self.m.helper(Helper::VecNew);
        let info = self.vec_drop_info(elem);
        let meminfo = self
            .b()
            .build_call(f, &[info.into(), cap.into()], "vec")?
            .try_as_basic_value()
            .basic()
            .expect("returns a pointer")
            .into_pointer_value();
        self.check_allocated(meminfo, loc, CAPACITY_OVERFLOW)?;
        self.handle_of(meminfo)
    }

    /// `{meminfo, data}` of a block.
    pub(super) fn handle_of(&mut self, meminfo: PointerValue<'static>) -> CgResult<Val> {
        // The payload is `HEADER` bytes into the block (`memory.rs`).
        let header = self
            .ctx
            .i64_type()
            .const_int(crate::memory::HEADER as u64, false);
        // SAFETY (of the generated code): the block is `HEADER` + payload bytes long.
        let data = unsafe { self.b().build_in_bounds_gep(meminfo, &[header], "data")? };
        let ty = crate::compiler::types::instance_type(self.ctx);
        let v = self
            .b()
            .build_insert_value(ty.get_undef(), meminfo, 0, "vec")?;
        Ok(self
            .b()
            .build_insert_value(v, data, 1, "vec")?
            .into_struct_value()
            .into())
    }

    /// Makes room for `additional` elements, panicking as std does if it cannot.
    pub(super) fn reserve(
        &mut self,
        h: &Header,
        additional: IntValue<'static>,
        loc: LocId,
    ) -> CgResult<()> {
        let f = self.m.helper(Helper::VecReserve);
        let status = self
            .b()
            .build_call(f, &[h.meminfo.into(), additional.into()], "reserve")?
            .try_as_basic_value()
            .basic()
            .expect("returns a status")
            .into_int_value();
        let i8t = self.ctx.i8_type();
        let overflow = self.b().build_int_compare(
            IntPredicate::EQ,
            status,
            i8t.const_int(1, false),
            "overflow",
        )?;
        self.check(overflow, loc, CAPACITY_OVERFLOW)?;
        let failed =
            self.b()
                .build_int_compare(IntPredicate::EQ, status, i8t.const_int(2, false), "oom")?;
        self.check(failed, loc, VEC_ALLOCATION_FAILED)
    }

    /// Room for one more element: the helper only when `len == cap`.
    pub(super) fn reserve_one(&mut self, h: &Header, loc: LocId) -> CgResult<()> {
        let len = self.load_int(h.len, "len")?;
        let cap = self.load_int(h.cap, "cap")?;
        let full = self
            .b()
            .build_int_compare(IntPredicate::EQ, len, cap, "full")?;
        let grow = self.block("vec.grow");
        let done = self.block("vec.room");
        crate::compiler::branch_unless_cold(self.ctx, self.b(), full, grow, done)?;
        self.b().position_at_end(grow);
        let one = self.ctx.i64_type().const_int(1, false);
        self.reserve(h, one, loc)?;
        self.b().build_unconditional_branch(done)?;
        self.b().position_at_end(done);
        Ok(())
    }

    /// `Some(clone of buf[index])` if `present`, else `None`; the clone is Rust's (`deep`)
    /// or another reference to what the element holds.
    pub(super) fn copied_element(
        &mut self,
        h: &Header,
        elem: &Type,
        (index, present): (IntValue<'static>, IntValue<'static>),
        deep: bool,
        loc: LocId,
    ) -> CgResult<Val> {
        let opt = Type::Option(Box::new(elem.clone()));
        let none = self.none_value(&opt)?;
        let some_block = self.block("copied.some");
        let join = self.block("copied.join");
        let none_from = self.current();
        self.b()
            .build_conditional_branch(present, some_block, join)?;
        self.b().position_at_end(some_block);
        // SAFETY (of the generated code): `index < len` on this path.
        let at = self.slot_at(h, index)?;
        let v = self.load_elem(at, elem)?;
        let v = if deep {
            self.clone_value(v, elem, loc)?
        } else {
            self.copy_value(v, elem)?;
            v
        };
        let some = self.some_value(&opt, v)?;
        let some_from = self.current();
        self.b().build_unconditional_branch(join)?;
        self.b().position_at_end(join);
        let phi = self.b().build_phi(reg_type(self.ctx, &opt), "copied")?;
        phi.add_incoming(&[(&none, none_from), (&some, some_from)]);
        Ok(phi.as_basic_value())
    }

    /// A deep copy of the `Vec` `h` (`clone`), or a panic.
    pub(super) fn clone_vec(&mut self, h: &Header, loc: LocId) -> CgResult<Val> {
        let f = self.m.helper(Helper::VecClone);
        let meminfo = self
            .b()
            .build_call(f, &[h.meminfo.into()], "clone")?
            .try_as_basic_value()
            .basic()
            .expect("returns a pointer")
            .into_pointer_value();
        self.check_allocated(meminfo, loc, VEC_ALLOCATION_FAILED)?;
        self.handle_of(meminfo)
    }

    /// Stores owned `v` into the uninitialised slot `at`.
    pub(super) fn store_new(
        &mut self,
        at: PointerValue<'static>,
        v: Val,
        elem: &Type,
    ) -> CgResult<()> {
        self.write_value(at, v, elem, true)
    }

    /// Reads the element at `at` (not counted): its value, an indirect one copied out of
    /// the buffer, whose slot a later push may reuse.
    pub(super) fn load_elem(&mut self, at: PointerValue<'static>, elem: &Type) -> CgResult<Val> {
        self.load_value(at, elem, true, "elem")
    }

    /// `Vec::new()`, `Vec::with_capacity(n)`, `vec![x; n]`, `vec![a, b]`.
    pub(super) fn vec_new(
        &mut self,
        id: ExprId,
        init: &VecInit,
        loc: LocId,
    ) -> CgResult<Option<Val>> {
        let elem = Self::elem_of(self.ty(id))?;
        let i64t = self.ctx.i64_type();
        match init {
            VecInit::Empty => Ok(Some(self.new_vec(&elem, i64t.const_zero(), loc)?)),
            VecInit::WithCapacity(n) => {
                let Some(n) = self.expr(*n)? else {
                    return Ok(None);
                };
                Ok(Some(self.new_vec(&elem, n.into_int_value(), loc)?))
            }
            VecInit::Repeat { value, count } => {
                let Some(v) = self.expr(*value)? else {
                    return Ok(None);
                };
                let held = self.hold(v, &elem)?;
                let Some(n) = self.expr(*count)? else {
                    return Ok(None);
                };
                let n = n.into_int_value();
                self.refuse_unmanaged(v, &elem, loc, Sink::VecElement)?;
                let vec = self.new_vec(&elem, n, loc)?;
                // Cloning a `Vec` (or a value holding one) may fail (a panic: the
                // allocator refused): the new `Vec` is then held, with the clones made so
                // far counted in `len`, so the panic block releases them all. Other
                // elements cannot fail.
                let may_fail = elem.holds_vec();
                let vec_type = Type::Vec(Box::new(elem.clone()));
                let held_vec = if may_fail {
                    self.hold(vec, &vec_type)?
                } else {
                    None
                };
                let h = self.header(vec, &elem)?;
                let buf = self.load_ptr(h.buf)?;
                self.counted_loop(n, |cx, i| {
                    // SAFETY (of the generated code): `i < n == cap`.
                    let at = unsafe { cx.b().build_in_bounds_gep(buf, &[i], "slot")? };
                    // Each element is a clone, as Rust's `vec![x; n]` makes: each `Vec`
                    // in it deeply, others as another reference.
                    let e = cx.clone_value(v, &elem, loc)?;
                    cx.store_new(at, e, &elem)?;
                    if may_fail {
                        let one = cx.ctx.i64_type().const_int(1, false);
                        let len = cx.b().build_int_add(i, one, "len")?;
                        cx.b().build_store(h.len, len)?;
                    }
                    Ok(())
                })?;
                self.b().build_store(h.len, n)?;
                self.take(held_vec)?;
                // Each element took its own reference; the original goes.
                self.release(held)?;
                Ok(Some(vec))
            }
            VecInit::List(es) => {
                let Some(vals) = self.owned_values(es)? else {
                    return Ok(None);
                };
                let mut held: Vec<Option<Held>> = Vec::new();
                for v in &vals {
                    held.push(self.hold(*v, &elem)?);
                    self.refuse_unmanaged(*v, &elem, loc, Sink::VecElement)?;
                }
                let n = i64t.const_int(vals.len() as u64, false);
                let vec = self.new_vec(&elem, n, loc)?;
                let h = self.header(vec, &elem)?;
                for (i, v) in vals.into_iter().enumerate() {
                    let at = self.slot_at(&h, i64t.const_int(i as u64, false))?;
                    self.store_new(at, v, &elem)?;
                }
                for h in held {
                    self.take(h)?;
                }
                self.b().build_store(h.len, n)?;
                Ok(Some(vec))
            }
        }
    }

    /// The handle of the `Vec` (or map) `base`, evaluated before `rest` (which are then
    /// evaluated, owned): borrowed from its place when it is one and `rest` cannot change
    /// it, else an owned value kept in `held` until `finish_vec_operands`.
    #[allow(clippy::type_complexity)]
    pub(super) fn vec_operands(
        &mut self,
        base: ExprId,
        rest: &[ExprId],
    ) -> CgResult<Option<(Val, Vec<Val>, VecHold)>> {
        if let Some(handle) = self.getter_loop_read(base)? {
            // Borrowed from the loop over a getter's value (`getter_loops.rs`).
            let Some(vals) = self.owned_values(rest)? else {
                return Ok(None);
            };
            return Ok(Some((handle, vals, VecHold::Value(None))));
        }
        if self.is_vec_place(base)
            && (rest.iter().all(|e| self.is_simple(*e)) || self.keeps_its_reference(base, rest))
        {
            let saved = std::mem::take(&mut self.place_temps);
            let Some((ptr, in_memory)) = self.place(base)? else {
                self.place_temps = saved;
                return Ok(None);
            };
            let Some(vals) = self.owned_values(rest)? else {
                self.place_temps = saved;
                return Ok(None);
            };
            let handle = self.b().build_load(ptr, "vec.handle")?;
            let t = self.ty(base).clone();
            let handle = if in_memory {
                from_mem(self.ctx, self.b(), handle, &t)?
            } else {
                handle
            };
            return Ok(Some((handle, vals, VecHold::Place(saved))));
        }
        let Some(v) = self.expr(base)? else {
            return Ok(None);
        };
        let t = self.ty(base).clone();
        let held = self.hold(v, &t)?;
        let Some(vals) = self.owned_values(rest)? else {
            return Ok(None);
        };
        Ok(Some((v, vals, VecHold::Value(held))))
    }

    pub(super) fn finish_vec_operands(&mut self, hold: VecHold) -> CgResult<()> {
        match hold {
            VecHold::Place(saved) => {
                self.release_place_temps()?;
                self.place_temps = saved;
                Ok(())
            }
            VecHold::Value(held) => self.release(held),
        }
    }

    /// A local, or a field (of a field ..) of a local: a place whose handle can be
    /// borrowed while nothing else runs.
    fn is_vec_place(&self, e: ExprId) -> bool {
        match &self.ir.expr(e).kind {
            ExprKind::Local(_) => true,
            ExprKind::Field(base, _) => {
                matches!(
                    self.typed.resolution(e),
                    Some(jitclass_core::infer::Resolution::Field(_))
                ) && self.is_vec_place(*base)
            }
            _ => false,
        }
    }

    /// Whether `base` is a local that owns its reference (a `let` or a `mut` parameter,
    /// not a borrowed parameter whose owner jit code cannot see) and that no expression
    /// of `rest` assigns: its reference then stays for as long as `rest` runs, whatever
    /// calls `rest` makes, since nothing but this function's assignments to the local
    /// releases it (other handles of the block, a field or Rust's through `objmode!`,
    /// can change its contents, which are read after `rest`, never drop it). So
    /// `*counts.entry(keys[i]).or_insert(0) += 1` costs no atomic count and no release
    /// call per element (the "HashMap entry counts" row of README.md's table).
    fn keeps_its_reference(&self, base: ExprId, rest: &[ExprId]) -> bool {
        matches!(self.ir.expr(base).kind, ExprKind::Local(l)
            if self.owned_locals[l.index()]
                && !rest.iter().any(|e| self.assigns_local(*e, l)))
    }

    /// An expression that neither calls nor assigns anything (so it cannot change a
    /// borrowed `Vec`).
    fn is_simple(&self, e: ExprId) -> bool {
        match &self.ir.expr(e).kind {
            ExprKind::Lit(_) | ExprKind::Const(_) | ExprKind::Local(_) => true,
            ExprKind::Binary(_, a, b) => self.is_simple(*a) && self.is_simple(*b),
            ExprKind::Unary(_, a)
            | ExprKind::Cast(a, _)
            | ExprKind::TupleField(a, _)
            | ExprKind::Some(a)
            | ExprKind::BoxNew(a) => self.is_simple(*a),
            // An element read of a `Vec`, slice, array or map (not a class's `Index`
            // operator, which runs the user's code): a bounds check that may panic.
            ExprKind::Index(a, i) => {
                self.typed.resolution(e).is_none() && self.is_simple(*a) && self.is_simple(*i)
            }
            // A literal only allocates and moves its values in: no code of the user's
            // runs (`v.push(Box::new(C { x }))` borrows `v` without a count, as
            // `v.push(x)` does).
            ExprKind::StructLit { fields, .. } => {
                matches!(self.typed.resolution(e), Some(Resolution::Literal(_)))
                    && fields.iter().all(|(_, v)| self.is_simple(*v))
            }
            _ => false,
        }
    }

    /// `&v[i]` (an element's address after the bounds check), with what to release once
    /// the element is used.
    pub(super) fn vec_element(
        &mut self,
        base: ExprId,
        index: ExprId,
        loc: LocId,
    ) -> CgResult<Option<(PointerValue<'static>, VecHold)>> {
        let elem = Self::elem_of(self.ty(base))?;
        let Some((handle, vals, hold)) = self.vec_operands(base, &[index])? else {
            return Ok(None);
        };
        let h = self.header(handle, &elem)?;
        let len = self.load_int(h.len, "len")?;
        let buf = self.load_ptr(h.buf)?;
        let at = self.checked_element_ptr(buf, len, vals[0].into_int_value(), loc)?;
        Ok(Some((at, hold)))
    }

    /// `v[i]` read: another reference to the element.
    pub(super) fn vec_index_read(
        &mut self,
        id: ExprId,
        base: ExprId,
        index: ExprId,
        loc: LocId,
    ) -> CgResult<Option<Val>> {
        let Some((at, hold)) = self.vec_element(base, index, loc)? else {
            return Ok(None);
        };
        self.read_held_element(id, at, hold).map(Some)
    }

    /// The element at `at` (of a `Vec`, or a map's entry) read as expression `id`: another
    /// reference to it; then `hold`'s operands are released.
    pub(super) fn read_held_element(
        &mut self,
        id: ExprId,
        at: PointerValue<'static>,
        hold: VecHold,
    ) -> CgResult<Val> {
        let t = self.ty(id).clone();
        let v = self.load_elem(at, &t)?;
        self.copy_value(v, &t)?;
        self.finish_vec_operands(hold)?;
        Ok(v)
    }

    /// `&v[i]` as an assigned place; the `Vec` is kept (in `place_temps`) until the
    /// assignment releases it.
    pub(super) fn vec_index_place(
        &mut self,
        base: ExprId,
        index: ExprId,
        loc: LocId,
    ) -> CgResult<Option<PointerValue<'static>>> {
        let Some((at, hold)) = self.vec_element(base, index, loc)? else {
            return Ok(None);
        };
        self.keep_for_assignment(hold);
        Ok(Some(at))
    }

    /// `hold`'s operands (of an element or a map entry being assigned) kept in
    /// `place_temps` until the assignment releases them.
    pub(super) fn keep_for_assignment(&mut self, hold: VecHold) {
        match hold {
            VecHold::Place(saved) => {
                // The place's own temporaries stay for the assignment to release.
                let mine = std::mem::replace(&mut self.place_temps, saved);
                self.place_temps.extend(mine);
            }
            VecHold::Value(held) => self.place_temps.extend(held),
        }
    }

    /// `a == b` (`!=`) on `Vec`s: equal lengths and equal elements.
    pub(super) fn vec_eq(
        &mut self,
        op: BinOp,
        a: ExprId,
        b: ExprId,
        loc: LocId,
    ) -> CgResult<Option<Val>> {
        let Some(operands) = self.operands(&[a, b])? else {
            return Ok(None);
        };
        let t = self.ty(a).clone();
        let eq = self.vec_values_eq(operands[0].0, operands[1].0, &t, loc)?;
        for (_, held) in operands {
            self.release(held)?;
        }
        Ok(Some(if op == BinOp::Ne {
            self.b().build_not(eq, "ne")?.into()
        } else {
            eq.into()
        }))
    }

    pub(super) fn vec_values_eq(
        &mut self,
        x: Val,
        y: Val,
        t: &Type,
        loc: LocId,
    ) -> CgResult<IntValue<'static>> {
        let elem = Self::elem_of(t)?;
        let hx = self.header(x, &elem)?;
        let hy = self.header(y, &elem)?;
        let lx = self.load_int(hx.len, "len")?;
        let ly = self.load_int(hy.len, "len")?;
        let same = self.slot(self.ctx.bool_type().into(), "same")?;
        let len_eq = self
            .b()
            .build_int_compare(IntPredicate::EQ, lx, ly, "len.eq")?;
        self.b().build_store(same, len_eq)?;
        let n = self
            .b()
            .build_select(len_eq, lx, self.ctx.i64_type().const_zero(), "n")?
            .into_int_value();
        self.counted_loop(n, |cx, i| {
            let px = cx.slot_at(&hx, i)?;
            let py = cx.slot_at(&hy, i)?;
            let ex = cx.load_elem(px, &elem)?;
            let ey = cx.load_elem(py, &elem)?;
            let eq = cx.values_eq(ex, ey, &elem, loc)?;
            let old = cx.b().build_load(same, "same")?.into_int_value();
            let new = cx.b().build_and(old, eq, "same")?;
            cx.b().build_store(same, new)?;
            Ok(())
        })?;
        Ok(self.b().build_load(same, "eq")?.into_int_value())
    }
}

/// What a `Vec` operation releases when done.
pub(super) enum VecHold {
    /// The place temporaries of a borrowed handle, and the ones saved around them.
    Place(Vec<Held>),
    /// An owned handle.
    Value(Option<Held>),
}
