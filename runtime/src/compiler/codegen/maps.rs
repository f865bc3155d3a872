//! `HashMap<K, V>` and `HashSet<K>` (a map whose values are `!`, `Type::set`) in
//! generated code: construction, the methods of `jitclass_core::map_methods`, and the
//! places `m[slot]` of entries' values (a set's loops read its entries' keys).
//!
//! A map value is `{meminfo, data}` where `data` points at the block's `MapHeader`
//! (`runtime/src/map.rs`), which starts with the `VecHeader` of its entries `(hash, K,
//! V)`. Finding, inserting and removing keys are calls of the helpers of `map.rs` with
//! the key in a stack temporary (its memory form); a value is read, written or moved out
//! here, through the entry's address after a bounds check against the entries' `len`
//! loaded at that point (as every `Vec` element access), so a stale position can never
//! reach past the entries. A value moved into the map stays in a held slot until it is
//! stored, so a panic before the store (a failed allocation) releases it.

use super::vecs::{Header, VecHold};
use super::{FnCx, Val};
use crate::Type;
use crate::compiler::types::{mem_type, reg_type};
use crate::compiler::{CgError, CgResult};
use crate::escape::Sink;
use crate::helpers::Helper;
use inkwell::IntPredicate;
use inkwell::types::{BasicType, BasicTypeEnum};
use inkwell::values::{IntValue, PointerValue};
use jitclass_core::ir::{ExprId, ExprKind, LocId};
use jitclass_core::map_methods::{MapMethod, entry_ref_type, entry_type};

/// std's panic (hashbrown's) when a map's or set's table would pass `isize::MAX` bytes.
const CAPACITY_OVERFLOW: &str = "Hash table capacity overflow";
/// The allocator failed.
const MAP_ALLOCATION_FAILED: &str = "memory allocation failed for a `HashMap`";

impl FnCx<'_> {
    /// `K` and `V` of a map type.
    fn map_parts(t: &Type) -> CgResult<(Type, Type)> {
        match t {
            Type::Map { key, value } => Ok(((**key).clone(), (**value).clone())),
            _ => Err(CgError::Internal(format!("a map operation on `{t}`"))),
        }
    }

    /// The `MapInfo` of `HashMap<key, value>`, as a mapped symbol.
    fn map_info(&self, key: &Type, value: &Type) -> PointerValue<'static> {
        let info = crate::map::map_info_for(key, value);
        self.m
            .mapped_data("map_info", info as *const crate::map::MapInfo as usize)
    }

    /// `&entries[slot].value` after the bounds check.
    fn entry_value_ptr(
        &mut self,
        h: &Header,
        value_index: u32,
        slot: IntValue<'static>,
        loc: LocId,
    ) -> CgResult<PointerValue<'static>> {
        let len = self.load_int(h.len, "len")?;
        let buf = self.load_ptr(h.buf)?;
        let entry = self.checked_element_ptr(buf, len, slot, loc)?;
        Ok(self
            .b()
            .build_struct_gep(entry, value_index, "entry.value")?)
    }

    /// The map operand `base`'s header, with the position `index` evaluated after it.
    fn map_entry(
        &mut self,
        base: ExprId,
        index: ExprId,
        loc: LocId,
    ) -> CgResult<Option<(PointerValue<'static>, VecHold)>> {
        let (key, value) = Self::map_parts(self.ty(base))?;
        let Some((handle, vals, hold)) = self.vec_operands(base, &[index])? else {
            return Ok(None);
        };
        let h = self.header(handle, &entry_type(&key, &value))?;
        let loop_index = match self.ir.expr(index).kind {
            ExprKind::Local(l) if self.ir.local(l).name == jitclass_core::ir::LOOP_INDEX => Some(l),
            _ => None,
        };
        let Some(loop_index) = loop_index else {
            let pos = self.entry_ref_position(&h, index, vals[0], loc)?;
            let at = self.entry_value_ptr(&h, 2, pos, loc)?;
            return Ok(Some((at, hold)));
        };
        self.check_map_loop(&h, loop_index, value == Type::Never, loc)?;
        // A borrowed loop's element: the entry's `(K, V)`, laid out from the key on as the
        // tuple is (the hash before it is 8 bytes, a multiple of every alignment); a set's
        // key.
        let key_at = self.entry_value_ptr(&h, 1, vals[0].into_int_value(), loc)?;
        if value == Type::Never {
            return Ok(Some((key_at, hold)));
        }
        let pair = Type::Tuple(vec![key, value]);
        let at = self
            .b()
            .build_bit_cast(
                key_at,
                mem_type(self.ctx, &pair).ptr_type(inkwell::AddressSpace::default()),
                "entry.pair",
            )?
            .into_pointer_value();
        Ok(Some((at, hold)))
    }

    /// `m[slot]` read: another reference to the entry's value.
    pub(super) fn map_index_read(
        &mut self,
        id: ExprId,
        base: ExprId,
        index: ExprId,
        loc: LocId,
    ) -> CgResult<Option<Val>> {
        let Some((at, hold)) = self.map_entry(base, index, loc)? else {
            return Ok(None);
        };
        self.read_held_element(id, at, hold).map(Some)
    }

    /// `m[slot]` as an assigned place; the map is kept (in `place_temps`) until the
    /// assignment releases it.
    pub(super) fn map_index_place(
        &mut self,
        base: ExprId,
        index: ExprId,
        loc: LocId,
    ) -> CgResult<Option<PointerValue<'static>>> {
        let Some((at, hold)) = self.map_entry(base, index, loc)? else {
            return Ok(None);
        };
        self.keep_for_assignment(hold);
        Ok(Some(at))
    }

    /// The key value `k` in a stack temporary of its memory form.
    fn key_temp(&mut self, k: Val, key: &Type) -> CgResult<PointerValue<'static>> {
        let slot = self.slot(mem_type(self.ctx, key), "map.key")?;
        self.write_value(slot, k, key, true)?;
        Ok(slot)
    }

    fn call_helper(
        &mut self,
        helper: Helper,
        args: &[inkwell::values::BasicMetadataValueEnum<'static>],
        name: &str,
    ) -> CgResult<Val> {
        let f = self.m.helper(helper);
        // Every pointer crosses as an `i8*` (`helpers.rs`).
        let i8p = self
            .ctx
            .i8_type()
            .ptr_type(inkwell::AddressSpace::default());
        let mut cast = Vec::with_capacity(args.len());
        for a in args {
            cast.push(match a {
                inkwell::values::BasicMetadataValueEnum::PointerValue(p) => self
                    .b()
                    .build_bit_cast(*p, i8p, "arg")?
                    .into_pointer_value()
                    .into(),
                other => *other,
            });
        }
        Ok(self
            .b()
            .build_call(f, &cast, name)?
            .try_as_basic_value()
            .basic()
            .expect("returns a value"))
    }

    /// The searched key `k` of type `probe` (the key type, or `&str` searching a
    /// `String`-keyed map as std's `Borrow<str>` allows) in a stack temporary, and the
    /// helpers' `str_probe` flag saying which.
    fn probe_temp(
        &mut self,
        k: Val,
        probe: &Type,
    ) -> CgResult<(PointerValue<'static>, IntValue<'static>)> {
        let kp = self.key_temp(k, probe)?;
        let str_probe = self
            .ctx
            .i8_type()
            .const_int(u64::from(*probe == Type::Str), false);
        Ok((kp, str_probe))
    }

    /// Removes `k`'s entry (`k` of type `probe`, see `probe_temp`; an owned `k` is
    /// released after the search), the helper moving its value's bits (and references)
    /// to a new slot of type `room` named `name`: whether there was one, and the slot.
    fn map_remove(
        &mut self,
        h: &Header,
        k: Val,
        probe: &Type,
        room: BasicTypeEnum<'static>,
        name: &str,
    ) -> CgResult<(IntValue<'static>, PointerValue<'static>)> {
        let held = self.hold(k, probe)?;
        let (kp, str_probe) = self.probe_temp(k, probe)?;
        let out = self.slot(room, name)?;
        let found = self
            .call_helper(
                Helper::MapRemove,
                &[h.meminfo.into(), kp.into(), str_probe.into(), out.into()],
                "removed",
            )?
            .into_int_value();
        self.release(held)?;
        let found = self.b().build_int_compare(
            IntPredicate::NE,
            found,
            self.ctx.i8_type().const_zero(),
            "found",
        )?;
        Ok((found, out))
    }

    /// The position of `k`'s entry (`k` of type `probe`, see `probe_temp`), or
    /// `usize::MAX`. An owned `k` (a `String` written `&s`) is released after the search.
    fn map_find(
        &mut self,
        h: &Header,
        k: Val,
        probe: &Type,
    ) -> CgResult<(IntValue<'static>, IntValue<'static>)> {
        let held = self.hold(k, probe)?;
        let (kp, str_probe) = self.probe_temp(k, probe)?;
        let at = self
            .call_helper(
                Helper::MapFind,
                &[h.meminfo.into(), kp.into(), str_probe.into()],
                "found",
            )?
            .into_int_value();
        self.release(held)?;
        let i64t = self.ctx.i64_type();
        let present =
            self.b()
                .build_int_compare(IntPredicate::NE, at, i64t.const_all_ones(), "present")?;
        Ok((at, present))
    }

    /// Finds or appends `k`'s entry: its position, and whether it is new; panics as std
    /// does if the map cannot grow. A new entry takes `k` (what it holds moves into the
    /// map); if the key was there, `k` is dropped and the stored key kept, as std does.
    fn map_insert_slot(
        &mut self,
        h: &Header,
        k: Val,
        key: &Type,
        loc: LocId,
    ) -> CgResult<(IntValue<'static>, IntValue<'static>)> {
        let held = self.hold(k, key)?;
        let kp = self.key_temp(k, key)?;
        let i64t = self.ctx.i64_type();
        let slot = self.slot(i64t.into(), "map.slot")?;
        let status = self
            .call_helper(
                Helper::MapInsert,
                &[h.meminfo.into(), kp.into(), slot.into()],
                "insert",
            )?
            .into_int_value();
        let i8t = self.ctx.i8_type();
        let overflow = self.b().build_int_compare(
            IntPredicate::EQ,
            status,
            i8t.const_int(2, false),
            "overflow",
        )?;
        self.check(overflow, loc, CAPACITY_OVERFLOW)?;
        let failed =
            self.b()
                .build_int_compare(IntPredicate::EQ, status, i8t.const_int(3, false), "oom")?;
        self.check(failed, loc, MAP_ALLOCATION_FAILED)?;
        let is_new =
            self.b()
                .build_int_compare(IntPredicate::EQ, status, i8t.const_int(1, false), "new")?;
        if key.is_managed() {
            let drop_block = self.block("map.key_drop");
            let join = self.block("map.key_kept");
            self.b()
                .build_conditional_branch(is_new, join, drop_block)?;
            self.b().position_at_end(drop_block);
            self.drop_value(k, key)?;
            self.b().build_unconditional_branch(join)?;
            self.b().position_at_end(join);
        }
        // Moved into the map or dropped.
        self.take(held)?;
        Ok((self.load_int(slot, "slot")?, is_new))
    }

    /// `m.method(args)` (resolved on `id`).
    pub(super) fn map_method(
        &mut self,
        id: ExprId,
        method: MapMethod,
        loc: LocId,
    ) -> CgResult<Option<Val>> {
        let ExprKind::MethodCall { receiver, args, .. } = &self.ir.expr(id).kind else {
            return Err(CgError::Internal("a map method that is not a call".into()));
        };
        let (receiver, args) = (*receiver, args.clone());
        if method == MapMethod::New {
            return self.map_new(id, &args, loc);
        }
        if method == MapMethod::GetCopied {
            // `m.get(&k).copied()`: the accessor's receiver and operands.
            let ExprKind::MethodCall { receiver, args, .. } = &self.ir.expr(receiver).kind else {
                return Err(CgError::Internal("`copied` of no `get`".into()));
            };
            let (receiver, args) = (*receiver, args.clone());
            return self.map_method_on(MapMethod::GetCopied, receiver, &args, loc);
        }
        self.map_method_on(method, receiver, &args, loc)
    }

    fn map_new(&mut self, id: ExprId, args: &[ExprId], loc: LocId) -> CgResult<Option<Val>> {
        let (key, value) = Self::map_parts(self.ty(id))?;
        let cap = match args.first() {
            Some(n) => match self.expr(*n)? {
                Some(v) => v.into_int_value(),
                None => return Ok(None),
            },
            None => self.ctx.i64_type().const_zero(),
        };
        Ok(Some(self.new_map((&key, &value), cap, loc)?))
    }

    /// A new empty map of these key and value types, with room for `cap` entries.
    pub(super) fn new_map(
        &mut self,
        (key, value): (&Type, &Type),
        cap: IntValue<'static>,
        loc: LocId,
    ) -> CgResult<Val> {
        let info = self.map_info(key, value);
        let meminfo = self
            .call_helper(Helper::MapNew, &[info.into(), cap.into()], "map")?
            .into_pointer_value();
        self.check_allocated(meminfo, loc, CAPACITY_OVERFLOW)?;
        self.handle_of(meminfo)
    }

    fn map_method_on(
        &mut self,
        method: MapMethod,
        receiver: ExprId,
        args: &[ExprId],
        loc: LocId,
    ) -> CgResult<Option<Val>> {
        let (key, value) = Self::map_parts(self.ty(receiver))?;
        // `&k` arguments: the key's value is read (a copy, released after the search).
        let mut args: Vec<ExprId> = args
            .iter()
            .map(|a| match self.ir.expr(*a).kind {
                ExprKind::AddrOf { place, .. } => place,
                _ => *a,
            })
            .collect();
        if method == MapMethod::EntrySlotByText {
            // The key `w.to_string()` / `String::from(w)` is not made here: its text `w`
            // is the operand (`map_entry_by_text`).
            let ExprKind::MethodCall {
                receiver,
                args: from,
                ..
            } = &self.ir.expr(args[0]).kind
            else {
                return Err(CgError::Internal("a key by text that is not a call".into()));
            };
            args[0] = from.first().copied().unwrap_or(*receiver);
        }
        let Some((handle, vals, hold)) = self.vec_operands(receiver, &args)? else {
            return Ok(None);
        };
        let h = self.header(handle, &entry_type(&key, &value))?;
        // A searched key's type: `K`, or `&str` searching a `String`-keyed map.
        let probe = match args.first() {
            Some(a) if *self.ty(*a) == Type::Str => Type::Str,
            _ => key.clone(),
        };
        let i64t = self.ctx.i64_type();
        let result: Val = match method {
            MapMethod::Len => {
                self.note_map_loop(&h)?;
                self.load_int(h.len, "len")?.into()
            }
            MapMethod::IsEmpty => {
                let len = self.load_int(h.len, "len")?;
                self.b()
                    .build_int_compare(IntPredicate::EQ, len, i64t.const_zero(), "empty")?
                    .into()
            }
            MapMethod::Clear => {
                let f = self.m.helper(Helper::MapClear);
                self.b().build_call(f, &[h.meminfo.into()], "")?;
                // (`meminfo` is an `i8*` already.)
                self.unit()
            }
            MapMethod::ContainsKey => self.map_find(&h, vals[0], &probe)?.1.into(),
            // A set's entry has no value to write: a new one is complete as the helper
            // leaves it.
            MapMethod::SetInsert => self.map_insert_slot(&h, vals[0], &key, loc)?.1.into(),
            MapMethod::GetRef | MapMethod::GetCopied => {
                let (at, present) = self.map_find(&h, vals[0], &probe)?;
                let deep = method == MapMethod::GetCopied;
                self.map_value_option(&h, &value, (at, present), deep, loc)?
            }
            MapMethod::FindSlot => {
                let (at, present) = self.map_find(&h, vals[0], &probe)?;
                let opt = Type::Option(Box::new(entry_ref_type()));
                let none = self.none_value(&opt)?;
                let r = self.entry_ref(&h, at)?;
                let some = self.some_value(&opt, r)?;
                self.b().build_select(present, some, none, "slot")?
            }
            MapMethod::Insert | MapMethod::EntrySlot => {
                let v = vals[1];
                let held = self.hold(v, &value)?;
                self.refuse_unmanaged(v, &value, loc, Sink::VecElement)?;
                let (slot, is_new) = self.map_insert_slot(&h, vals[0], &key, loc)?;
                let at = self.entry_value_ptr(&h, 2, slot, loc)?;
                let opt = Type::Option(Box::new(value.clone()));
                let present_block = self.block("map.present");
                let new_block = self.block("map.new");
                let join = self.block("map.join");
                self.b()
                    .build_conditional_branch(is_new, new_block, present_block)?;
                // A new entry: the value moves into its zeroed slot.
                self.b().position_at_end(new_block);
                self.store_new(at, v, &value)?;
                let none = self.none_value(&opt)?;
                let new_from = self.current();
                self.b().build_unconditional_branch(join)?;
                // The key was there: `insert` swaps the value and returns the old one;
                // `or_insert` keeps the entry and drops its argument.
                self.b().position_at_end(present_block);
                let old = if method == MapMethod::Insert {
                    let old = self.load_elem(at, &value)?;
                    let old = self.some_value(&opt, old)?;
                    self.store_new(at, v, &value)?;
                    old
                } else {
                    self.drop_value(v, &value)?;
                    none
                };
                let present_from = self.current();
                self.b().build_unconditional_branch(join)?;
                self.b().position_at_end(join);
                let result = if method == MapMethod::EntrySlot {
                    self.entry_ref(&h, slot)?
                } else {
                    let phi = self.b().build_phi(reg_type(self.ctx, &opt), "replaced")?;
                    phi.add_incoming(&[(&none, new_from), (&old, present_from)]);
                    phi.as_basic_value()
                };
                // Stored or dropped on both paths.
                self.take(held)?;
                result
            }
            MapMethod::EntrySlotByText => {
                self.map_entry_by_text(&h, vals[0], (vals[1], &value), loc)?
            }
            MapMethod::SetRemove => {
                // No value to move out (`!` has no bytes): a byte of room.
                let room = self.ctx.i8_type().into();
                let (found, _) = self.map_remove(&h, vals[0], &probe, room, "set.removed")?;
                found.into()
            }
            MapMethod::Remove => {
                let room = mem_type(self.ctx, &value);
                let (found, out) = self.map_remove(&h, vals[0], &probe, room, "map.removed")?;
                let opt = Type::Option(Box::new(value.clone()));
                let none = self.none_value(&opt)?;
                let some_block = self.block("remove.some");
                let join = self.block("remove.join");
                let none_from = self.current();
                self.b().build_conditional_branch(found, some_block, join)?;
                self.b().position_at_end(some_block);
                // The helper moved the value's bits (and references) out to `out`.
                let v = self.load_elem(out, &value)?;
                let some = self.some_value(&opt, v)?;
                let some_from = self.current();
                self.b().build_unconditional_branch(join)?;
                self.b().position_at_end(join);
                let phi = self.b().build_phi(reg_type(self.ctx, &opt), "removed")?;
                phi.add_incoming(&[(&none, none_from), (&some, some_from)]);
                phi.as_basic_value()
            }
            MapMethod::New => unreachable!("handled above"),
        };
        self.finish_vec_operands(hold)?;
        Ok(Some(result))
    }

    /// `m.entry(w.to_string()).or_insert(v)` of a `&str` `text` (`EntrySlotByText`):
    /// the reference to the entry found by `text`, or to a new one whose key is a
    /// `String` made of `text` only now; `v` is dropped if the key was there, else stored
    /// (what `or_insert` does with the `String` made first, minus its allocation).
    fn map_entry_by_text(
        &mut self,
        h: &Header,
        text: Val,
        (v, value): (Val, &Type),
        loc: LocId,
    ) -> CgResult<Val> {
        let held = self.hold(v, value)?;
        self.refuse_unmanaged(v, value, loc, Sink::VecElement)?;
        let (found, present) = self.map_find(h, text, &Type::Str)?;
        let present_block = self.block("entry.present");
        let new_block = self.block("entry.new");
        let store_block = self.block("entry.store");
        let drop_block = self.block("entry.drop");
        let join = self.block("entry.join");
        self.b()
            .build_conditional_branch(present, present_block, new_block)?;
        self.b().position_at_end(present_block);
        self.b().build_unconditional_branch(drop_block)?;
        self.b().position_at_end(new_block);
        let parts = self.text_parts(text)?;
        let key = self.string_from(parts, loc)?;
        let (slot, is_new) = self.map_insert_slot(h, key, &Type::String, loc)?;
        let inserted_from = self.current();
        // (Nothing ran since the search, so the entry is new; were it not, `v` would be
        // dropped as for a key that was there.)
        self.b()
            .build_conditional_branch(is_new, store_block, drop_block)?;
        self.b().position_at_end(store_block);
        let at = self.entry_value_ptr(h, 2, slot, loc)?;
        self.store_new(at, v, value)?;
        let stored_from = self.current();
        self.b().build_unconditional_branch(join)?;
        self.b().position_at_end(drop_block);
        let i64t = self.ctx.i64_type();
        let kept = self.b().build_phi(i64t, "entry.kept")?;
        kept.add_incoming(&[(&found, present_block), (&slot, inserted_from)]);
        self.drop_value(v, value)?;
        let dropped_from = self.current();
        self.b().build_unconditional_branch(join)?;
        self.b().position_at_end(join);
        let pos = self.b().build_phi(i64t, "entry.slot")?;
        pos.add_incoming(&[
            (&slot, stored_from),
            (&kept.as_basic_value().into_int_value(), dropped_from),
        ]);
        // Stored or dropped on every path.
        self.take(held)?;
        self.entry_ref(h, pos.as_basic_value().into_int_value())
    }

    /// `Some(value at entry at)` if `present`, else `None`: another reference to what the
    /// value holds, or Rust's clone (`deep`).
    fn map_value_option(
        &mut self,
        h: &Header,
        value: &Type,
        (at, present): (IntValue<'static>, IntValue<'static>),
        deep: bool,
        loc: LocId,
    ) -> CgResult<Val> {
        let opt = Type::Option(Box::new(value.clone()));
        let none = self.none_value(&opt)?;
        let some_block = self.block("get.some");
        let join = self.block("get.join");
        let none_from = self.current();
        self.b()
            .build_conditional_branch(present, some_block, join)?;
        self.b().position_at_end(some_block);
        let ptr = self.entry_value_ptr(h, 2, at, loc)?;
        let v = self.load_elem(ptr, value)?;
        let v = if deep {
            self.clone_value(v, value, loc)?
        } else {
            self.copy_value(v, value)?;
            v
        };
        let some = self.some_value(&opt, v)?;
        let some_from = self.current();
        self.b().build_unconditional_branch(join)?;
        self.b().position_at_end(join);
        let phi = self.b().build_phi(reg_type(self.ctx, &opt), "get")?;
        phi.add_incoming(&[(&none, none_from), (&some, some_from)]);
        Ok(phi.as_basic_value())
    }

    /// `for (k, v) in m`: the map is consumed (moved into the loop, which releases it,
    /// with whatever entries a `break`, `return` or panic left, at its end); each entry
    /// is read as a value with its counts, so the loop variable owns what it binds.
    pub(super) fn for_each_map(
        &mut self,
        id: ExprId,
        var: jitclass_core::ir::LocalId,
        (iterable, body): (ExprId, ExprId),
        loc: LocId,
    ) -> CgResult<Option<Val>> {
        let Some(it) = self.expr(iterable)? else {
            return Ok(None);
        };
        let it_ty = self.ty(iterable).clone();
        let (key, value) = Self::map_parts(&it_ty)?;
        let held = self.hold(it, &it_ty)?;
        let h = self.header(it, &entry_type(&key, &value))?;
        // A set's element is its key.
        let pair = if value == Type::Never {
            key
        } else {
            Type::Tuple(vec![key, value])
        };
        self.index_for_loop(
            (id, body),
            "map_iter",
            |cx| cx.load_int(h.len, "len"),
            |cx, i| {
                let key_at = cx.entry_value_ptr(&h, 1, i, loc)?;
                let at = cx
                    .b()
                    .build_bit_cast(
                        key_at,
                        mem_type(cx.ctx, &pair).ptr_type(inkwell::AddressSpace::default()),
                        "entry.pair",
                    )?
                    .into_pointer_value();
                let v = cx.load_elem(at, &pair)?;
                cx.copy_value(v, &pair)?;
                cx.store(cx.locals[var.index()], false, v, &pair)
            },
        )?;
        self.release(held)?;
        Ok(Some(self.unit()))
    }
}
