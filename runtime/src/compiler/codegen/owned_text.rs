//! `String` in generated code: its constructors and methods (`jitclass_core::
//! string_methods`) over the `Vec<u8>` block it is (`Type::block_elem`), through the
//! `Vec` code (`vecs.rs`: header, allocation, growth; `vec_methods.rs`'s operands), and
//! its views: the `&str` of a `String`'s bytes, lent (`lends.rs`) while it is used, so
//! that nothing changes the `String` meanwhile (a change panics as `RefCell` does).
//!
//! A view's lend ends when the call it is an argument of returns, when the operation
//! using it (a method of `&str` not returning a part of it, a comparison) is done, or at
//! the end of its statement (`control_flow.rs`'s `block_expr`); the text of a `for` loop
//! over a string's iterator stays lent for the loop. Inference allows a view to be kept
//! in a local only where rustc's checks make that sound (`infer/owned_text.rs`).

use super::{FnCx, Val};
use crate::Type;
use crate::compiler::{CgError, CgResult};
use inkwell::IntPredicate;
use inkwell::values::{IntValue, PointerValue};
use jitclass_core::ir::{ExprId, LocId};
use jitclass_core::string_methods::StringMethod;

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
            StringMethod::New
            | StringMethod::WithCapacity
            | StringMethod::FromStr
            | StringMethod::AsStr
            | StringMethod::AsBytes
            | StringMethod::PushFormatted
            | StringMethod::Display => unreachable!("handled above"),
        };
        self.finish_vec_operands(hold)?;
        self.end_lends(from)?;
        Ok(Some(result))
    }
}
