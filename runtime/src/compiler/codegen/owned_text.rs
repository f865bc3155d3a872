//! `String` in generated code: its constructors and methods (`jitclass_core::
//! string_methods`) over the `Vec<u8>` block it is (`Type::block_elem`), through the
//! `Vec` code (`vecs.rs`: header, allocation, growth; `vec_methods.rs`'s operands), and
//! its views: the `&str` of a `String`'s bytes, lent (`lends.rs`) while it is used, so
//! that nothing changes the `String` meanwhile (a change panics as `RefCell` does).
//!
//! A view's lend ends when the call it is an argument of returns, when the operation
//! using it (a method of `&str` not returning a part of it, a comparison) is done, or at
//! the end of its statement (`control_flow.rs`'s `block_expr`); the text of a `for` loop
//! over a string's iterator stays lent for the loop, or until its borrow dies on a path
//! leaving it (`text_loop_lend.rs`). Inference allows a view to be kept
//! in a local only where rustc's checks make that sound (`infer/owned_text.rs`).

use super::{FnCx, Val};
use crate::Type;
use crate::compiler::types::reg_type;
use crate::compiler::{CgError, CgResult};
use inkwell::IntPredicate;
use inkwell::values::{IntValue, PointerValue};
use jitclass_core::ir::{ExprId, LocId};
use jitclass_core::string_methods::{CaseMap, StringMethod};

/// What a change of a `String` panics with while a `&str` of it is lent, in `RefCell`'s
/// words.
pub(crate) fn string_lent_message(method: &str) -> String {
    format!("already borrowed: cannot `{method}` a `String` while a `&str` of it is in use")
}

impl FnCx<'_> {
    /// The `&str` of the text expression `e`: its value if it is a `&str`; for a
    /// `String`, a view of its bytes, lent until `end_lends` (the view holds a reference
    /// to the block, so the bytes outlive it whatever happens to the place it came from).
    pub(super) fn text_operand(&mut self, e: ExprId) -> CgResult<Option<Val>> {
        if *self.ty(e) != Type::String {
            return self.expr(e);
        }
        let Some(v) = self.expr(e)? else {
            return Ok(None);
        };
        Ok(Some(self.lend_text(v)?))
    }

    /// A view of the owned `String` `v`, which the lend keeps (see `text_operand`).
    fn lend_text(&mut self, v: Val) -> CgResult<Val> {
        let held = self.hold(v, &Type::String)?;
        let h = self.header(v, &Type::U8)?;
        self.begin_lend(h.lends, held)?;
        let len = self.load_int(h.len, "len")?;
        let buf = self.load_ptr(h.buf)?;
        self.text_value(buf, len)
    }

    /// A new `String` holding a copy of the `len` bytes at `ptr`.
    pub(super) fn string_from(
        &mut self,
        (ptr, len): (PointerValue<'static>, IntValue<'static>),
        loc: LocId,
    ) -> CgResult<Val> {
        let s = self.new_vec(&Type::U8, len, loc)?;
        let h = self.header(s, &Type::U8)?;
        let buf = self.load_ptr(h.buf)?;
        self.b().build_memcpy(buf, 1, ptr, 1, len)?;
        self.b().build_store(h.len, len)?;
        Ok(s)
    }

    /// Appends the `len` bytes at `ptr` (valid UTF-8) to the `String` of header `h`.
    pub(super) fn append_text(
        &mut self,
        h: &super::vecs::Header,
        (ptr, len): (PointerValue<'static>, IntValue<'static>),
        loc: LocId,
    ) -> CgResult<()> {
        let old = self.load_int(h.len, "len")?;
        let cap = self.load_int(h.cap, "cap")?;
        let room = self.b().build_int_sub(cap, old, "room")?;
        let short = self
            .b()
            .build_int_compare(IntPredicate::UGT, len, room, "short")?;
        let grow = self.block("string.grow");
        let copy = self.block("string.copy");
        crate::compiler::branch_unless_cold(self.ctx, self.b(), short, grow, copy)?;
        self.b().position_at_end(grow);
        self.reserve(h, len, loc)?;
        self.b().build_unconditional_branch(copy)?;
        self.b().position_at_end(copy);
        // After a reserve, `buf` may have moved: read it now.
        let buf = self.load_ptr(h.buf)?;
        // SAFETY (of the generated code): `old + len <= cap`.
        let end = unsafe { self.b().build_in_bounds_gep(buf, &[old], "string.end")? };
        self.b().build_memcpy(end, 1, ptr, 1, len)?;
        let new = self.b().build_int_add(old, len, "len")?;
        self.b().build_store(h.len, new)?;
        Ok(())
    }

    /// Calls the helper `row` returning a failure byte: whether it failed.
    fn call_u8(
        &mut self,
        row: &crate::helpers::MappedFn,
        args: &[inkwell::values::BasicMetadataValueEnum<'static>],
    ) -> CgResult<IntValue<'static>> {
        let f = self.m.declare_mapped(row);
        let status = self
            .b()
            .build_call(f, args, "status")?
            .try_as_basic_value()
            .basic()
            .ok_or_else(|| CgError::Internal(format!("`{}` returns a status", row.symbol)))?
            .into_int_value();
        Ok(self.b().build_int_compare(
            IntPredicate::NE,
            status,
            self.ctx.i8_type().const_zero(),
            "failed",
        )?)
    }

    /// A new `String` std's helper makes of the text `receiver` (a case map, `repeat`,
    /// `replace`),
    /// lent while the helper runs.
    fn string_of_text(
        &mut self,
        method: StringMethod,
        receiver: ExprId,
        args: &[ExprId],
        loc: LocId,
    ) -> CgResult<Option<Val>> {
        let from = self.lent.len();
        let Some(t) = self.text_operand(receiver)? else {
            self.lent.truncate(from);
            return Ok(None);
        };
        let Some(vals) = self.owned_values(args)? else {
            self.lent.truncate(from);
            return Ok(None);
        };
        let (ptr, len) = self.text_parts(t)?;
        let string_ty = reg_type(self.ctx, &Type::String);
        let out = self.slot(string_ty, "string.out")?;
        let i8p = self
            .ctx
            .i8_type()
            .ptr_type(inkwell::AddressSpace::default());
        let out8 = self.b().build_bit_cast(out, i8p, "string.out")?;
        match method {
            StringMethod::CaseMap(case) => {
                let kind = CaseMap::ALL
                    .iter()
                    .position(|&c| c == case)
                    .expect("every case map is listed") as u64;
                let f = self.m.declare_mapped(&crate::owned_string::case_map_fn());
                let kind = self.ctx.i32_type().const_int(kind, false);
                self.b()
                    .build_call(f, &[kind.into(), ptr.into(), len.into(), out8.into()], "")?;
            }
            StringMethod::Replace => {
                let (from, from_len) = self.text_parts(vals[0])?;
                let (to, to_len) = self.text_parts(vals[1])?;
                let f = self.m.declare_mapped(&crate::owned_string::replace_fn());
                self.b().build_call(
                    f,
                    &[
                        ptr.into(),
                        len.into(),
                        from.into(),
                        from_len.into(),
                        to.into(),
                        to_len.into(),
                        out8.into(),
                    ],
                    "",
                )?;
            }
            _ => {
                let failed = self.call_u8(
                    &crate::owned_string::repeat_fn(),
                    &[ptr.into(), len.into(), vals[0].into(), out8.into()],
                )?;
                self.check_text(failed, loc)?;
            }
        }
        let s = self.b().build_load(out, "string")?;
        self.end_lends(from)?;
        Ok(Some(s))
    }

    /// `v.join(sep)` of a `Vec<String>` `v`: std's, over views of the elements (the
    /// `Vec` held while std's code runs, which cannot reach jit code).
    fn join_strings(
        &mut self,
        receiver: ExprId,
        args: &[ExprId],
        _loc: LocId,
    ) -> CgResult<Option<Val>> {
        let from = self.lent.len();
        let Some((handle, vals, hold)) = self.vec_operands(receiver, args)? else {
            self.lent.truncate(from);
            return Ok(None);
        };
        let h = self.header(handle, &Type::String)?;
        let len = self.load_int(h.len, "len")?;
        let buf = self.load_ptr(h.buf)?;
        let (sep, sep_len) = self.text_parts(vals[0])?;
        let string_ty = reg_type(self.ctx, &Type::String);
        let out = self.slot(string_ty, "join.out")?;
        let i8p = self
            .ctx
            .i8_type()
            .ptr_type(inkwell::AddressSpace::default());
        let out8 = self.b().build_bit_cast(out, i8p, "join.out")?;
        let buf8 = self.b().build_bit_cast(buf, i8p, "join.elems")?;
        let f = self.m.declare_mapped(&crate::owned_string::join_fn());
        self.b().build_call(
            f,
            &[
                buf8.into(),
                len.into(),
                sep.into(),
                sep_len.into(),
                out8.into(),
            ],
            "",
        )?;
        let s = self.b().build_load(out, "joined")?;
        self.finish_vec_operands(hold)?;
        self.end_lends(from)?;
        Ok(Some(s))
    }

    /// `s.pop()` of the `String` of header `h`: its last `char`, removed.
    fn pop_char(&mut self, h: &super::vecs::Header) -> CgResult<Val> {
        let i64t = self.ctx.i64_type();
        let len = self.load_int(h.len, "len")?;
        let buf = self.load_ptr(h.buf)?;
        let new_len = self.slot(i64t.into(), "pop.len")?;
        let i8p = self
            .ctx
            .i8_type()
            .ptr_type(inkwell::AddressSpace::default());
        let new_len8 = self.b().build_bit_cast(new_len, i8p, "pop.len")?;
        let f = self.m.declare_mapped(&crate::owned_string::pop_fn());
        let c = self
            .b()
            .build_call(f, &[buf.into(), len.into(), new_len8.into()], "pop")?
            .try_as_basic_value()
            .basic()
            .ok_or_else(|| CgError::Internal("`pop` returns a char".into()))?
            .into_int_value();
        let none = i64t.const_int(crate::string::NONE, false);
        let is_some = self
            .b()
            .build_int_compare(IntPredicate::NE, c, none, "popped")?;
        let shorter = self.b().build_load(new_len, "len")?;
        let new = self.b().build_select(is_some, shorter, len.into(), "len")?;
        self.b().build_store(h.len, new)?;
        let c = self.b().build_select(is_some, c, i64t.const_zero(), "c")?;
        let c = self
            .b()
            .build_int_truncate(c.into_int_value(), self.ctx.i32_type(), "char")?;
        let opt = Type::Option(Box::new(Type::CHAR));
        let ty = reg_type(self.ctx, &opt).into_struct_type();
        let option = self
            .b()
            .build_insert_value(ty.const_zero(), is_some, 0, "is_some")?;
        Ok(self
            .b()
            .build_insert_value(option, c, 1, "option")?
            .into_struct_value()
            .into())
    }

    /// Whether the borrowed `String`s `x` and `y` hold the same bytes (std's `Ord for
    /// str`; an element comparison of `Vec<String>`s, which runs no user code).
    pub(super) fn strings_eq(&mut self, x: Val, y: Val) -> CgResult<IntValue<'static>> {
        let order = self.strings_order(x, y)?;
        Ok(self.b().build_int_compare(
            IntPredicate::EQ,
            order,
            self.ctx.i32_type().const_zero(),
            "eq",
        )?)
    }

    /// How the `String`s `x` and `y` compare by their bytes: negative, 0 or positive.
    pub(super) fn strings_order(&mut self, x: Val, y: Val) -> CgResult<IntValue<'static>> {
        let mut parts = Vec::new();
        for v in [x, y] {
            let h = self.header(v, &Type::U8)?;
            parts.push((self.load_ptr(h.buf)?, self.load_int(h.len, "len")?));
        }
        self.text_order(parts[0], parts[1])
    }

    /// How the texts `p` and `q` (`ptr, len`) compare by their bytes, as `str`'s `Ord`:
    /// negative, 0 or positive.
    pub(super) fn text_order(
        &mut self,
        (p, plen): (PointerValue<'static>, IntValue<'static>),
        (q, qlen): (PointerValue<'static>, IntValue<'static>),
    ) -> CgResult<IntValue<'static>> {
        let f = self.m.declare_mapped(&crate::string::cmp_fn());
        Ok(self
            .b()
            .build_call(f, &[p.into(), plen.into(), q.into(), qlen.into()], "cmp")?
            .try_as_basic_value()
            .basic()
            .ok_or_else(|| CgError::Internal("`cmp` returns an order".into()))?
            .into_int_value())
    }

    /// `a + b` of a `String` `a` (moved) and a `&str` `b`: `a` with `b` appended.
    pub(super) fn string_concat(
        &mut self,
        a: ExprId,
        b: ExprId,
        loc: LocId,
    ) -> CgResult<Option<Val>> {
        let from = self.lent.len();
        let Some(s) = self.expr(a)? else {
            return Ok(None);
        };
        let held = self.hold(s, &Type::String)?;
        let Some(t) = self.text_operand(b)? else {
            self.lent.truncate(from);
            return Ok(None);
        };
        let h = self.header(s, &Type::U8)?;
        let lent = self.load_int(h.lends, "lends")?;
        let lent = self.b().build_int_compare(
            IntPredicate::NE,
            lent,
            self.ctx.i64_type().const_zero(),
            "lent",
        )?;
        self.check_with(lent, loc, vec![string_lent_message("add")], &[])?;
        let parts = self.text_parts(t)?;
        self.append_text(&h, parts, loc)?;
        self.end_lends(from)?;
        self.take(held)?;
        Ok(Some(s))
    }

    /// `String::new()` and the other constructors, and `s.method(args)` of a `String`
    /// (or `t.to_string()` of a `&str` `t`).
    pub(super) fn string_method(
        &mut self,
        method: StringMethod,
        receiver: ExprId,
        args: &[ExprId],
        loc: LocId,
    ) -> CgResult<Option<Val>> {
        let i64t = self.ctx.i64_type();
        match method {
            StringMethod::New | StringMethod::WithCapacity => {
                let Some(vals) = self.owned_values(args)? else {
                    return Ok(None);
                };
                let cap = vals
                    .first()
                    .map_or(i64t.const_zero(), |v| v.into_int_value());
                return Ok(Some(self.new_vec(&Type::U8, cap, loc)?));
            }
            StringMethod::FromStr | StringMethod::AsStr | StringMethod::AsBytes => {
                // `String::from(t)`'s text is its argument, the others' their receiver.
                let text = args.first().copied().unwrap_or(receiver);
                let from = self.lent.len();
                let Some(t) = self.text_operand(text)? else {
                    self.lent.truncate(from);
                    return Ok(None);
                };
                if method != StringMethod::FromStr {
                    // The view stays lent (`text_operand`) while it is used.
                    return Ok(Some(t));
                }
                let parts = self.text_parts(t)?;
                let s = self.string_from(parts, loc)?;
                self.end_lends(from)?;
                return Ok(Some(s));
            }
            StringMethod::CaseMap(_) | StringMethod::Repeat | StringMethod::Replace => {
                return self.string_of_text(method, receiver, args, loc);
            }
            StringMethod::Join => return self.join_strings(receiver, args, loc),
            StringMethod::PushFormatted => return self.push_formatted(receiver, args, loc),
            StringMethod::Display => return self.display_string(receiver, loc),
            _ => {}
        }
        let from = self.lent.len();
        let Some((handle, vals, hold)) = self.vec_operands(receiver, args)? else {
            self.lent.truncate(from);
            return Ok(None);
        };
        let h = self.header(handle, &Type::U8)?;
        if method.mutates() {
            let name = match method {
                StringMethod::PushStr => "push_str",
                StringMethod::Push => "push",
                StringMethod::Clear => "clear",
                StringMethod::Truncate => "truncate",
                StringMethod::Pop => "pop",
                StringMethod::PushFormatted => "push_str",
                _ => "reserve",
            };
            let lent = self.load_int(h.lends, "lends")?;
            let lent =
                self.b()
                    .build_int_compare(IntPredicate::NE, lent, i64t.const_zero(), "lent")?;
            self.check_with(lent, loc, vec![string_lent_message(name)], &[])?;
        }
        let result: Val = match method {
            StringMethod::Len => self.load_int(h.len, "len")?.into(),
            StringMethod::Capacity => self.load_int(h.cap, "cap")?.into(),
            StringMethod::IsEmpty => {
                let len = self.load_int(h.len, "len")?;
                self.b()
                    .build_int_compare(IntPredicate::EQ, len, i64t.const_zero(), "empty")?
                    .into()
            }
            StringMethod::Clear => {
                self.b().build_store(h.len, i64t.const_zero())?;
                self.unit()
            }
            StringMethod::Reserve => {
                self.reserve(&h, vals[0].into_int_value(), loc)?;
                self.unit()
            }
            StringMethod::PushStr => {
                let parts = self.text_parts(vals[0])?;
                self.append_text(&h, parts, loc)?;
                self.unit()
            }
            StringMethod::Push => {
                let i8t = self.ctx.i8_type();
                let bytes = self.slot(i8t.array_type(4).into(), "utf8")?;
                let at = self
                    .b()
                    .build_bit_cast(
                        bytes,
                        i8t.ptr_type(inkwell::AddressSpace::default()),
                        "utf8",
                    )?
                    .into_pointer_value();
                let f = self.m.declare_mapped(&crate::owned_string::char_utf8_fn());
                let n = self
                    .b()
                    .build_call(f, &[vals[0].into(), at.into()], "utf8.len")?
                    .try_as_basic_value()
                    .basic()
                    .ok_or_else(|| CgError::Internal("`char_utf8` returns a length".into()))?
                    .into_int_value();
                self.append_text(&h, (at, n), loc)?;
                self.unit()
            }
            StringMethod::Truncate => {
                let n = vals[0].into_int_value();
                let len = self.load_int(h.len, "len")?;
                let buf = self.load_ptr(h.buf)?;
                let failed = self.call_u8(
                    &crate::owned_string::truncate_check_fn(),
                    &[buf.into(), len.into(), n.into()],
                )?;
                self.check_text(failed, loc)?;
                let shorter = self
                    .b()
                    .build_int_compare(IntPredicate::ULT, n, len, "shorter")?;
                let new = self.b().build_select(shorter, n, len, "len")?;
                self.b().build_store(h.len, new)?;
                self.unit()
            }
            StringMethod::Pop => self.pop_char(&h)?,
            StringMethod::New
            | StringMethod::WithCapacity
            | StringMethod::FromStr
            | StringMethod::AsStr
            | StringMethod::AsBytes
            | StringMethod::CaseMap(_)
            | StringMethod::Repeat
            | StringMethod::Replace
            | StringMethod::Join
            | StringMethod::PushFormatted
            | StringMethod::Display => unreachable!("handled above"),
        };
        self.finish_vec_operands(hold)?;
        self.end_lends(from)?;
        Ok(Some(result))
    }
}
