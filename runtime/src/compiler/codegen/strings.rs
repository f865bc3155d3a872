//! `&str` in generated code: literals as constants of the module, the methods of
//! `jitclass_core::str_methods` (reads of `{ptr, len}` inline, everything else a call of
//! the runtime's helper running std's code, `crate::string`), comparisons by std's `Ord`,
//! and `&s[a..b]` after std's checks, panicking with std's message.

use super::{FnCx, Val};
use crate::Type;
use crate::compiler::types::reg_type;
use crate::compiler::{CgError, CgResult};
use crate::helpers::MappedFn;
use crate::string;
use inkwell::IntPredicate;
use inkwell::module::Linkage;
use inkwell::values::{IntValue, PointerValue};
use jitclass_core::PrimTy;
use jitclass_core::ir::{BinOp, ExprId, LocId};
use jitclass_core::str_methods::{StrMethod, StrPattern, TextIter};

impl FnCx<'_> {
    /// A literal's bytes as a private constant of the module, and the `{ptr, len}` of
    /// them (a `&str`, or a `&[u8]` for a byte string: the same struct).
    pub(super) fn text_constant(&self, bytes: &[u8]) -> Val {
        let array = self.ctx.const_string(bytes, false);
        let global = self.m.module.add_global(array.get_type(), None, "text");
        global.set_initializer(&array);
        global.set_constant(true);
        global.set_linkage(Linkage::Private);
        global.set_unnamed_addr(true);
        let i8p = self
            .ctx
            .i8_type()
            .ptr_type(inkwell::AddressSpace::default());
        let ptr = global.as_pointer_value().const_cast(i8p);
        let len = self.ctx.i64_type().const_int(bytes.len() as u64, false);
        reg_type(self.ctx, &Type::Str)
            .into_struct_type()
            .const_named_struct(&[ptr.into(), len.into()])
            .into()
    }

    /// The `ptr` and `len` of a `&str`.
    pub(super) fn text_parts(
        &self,
        s: Val,
    ) -> CgResult<(PointerValue<'static>, IntValue<'static>)> {
        let b = self.b();
        let s = s.into_struct_value();
        let ptr = b.build_extract_value(s, 0, "str.ptr")?.into_pointer_value();
        let len = b.build_extract_value(s, 1, "str.len")?.into_int_value();
        Ok((ptr, len))
    }

    /// The `&str` of `ptr, len`.
    pub(super) fn text_value(
        &self,
        ptr: PointerValue<'static>,
        len: IntValue<'static>,
    ) -> CgResult<Val> {
        let ty = reg_type(self.ctx, &Type::Str).into_struct_type();
        let b = self.b();
        let s = b.build_insert_value(ty.get_undef(), ptr, 0, "str")?;
        Ok(b.build_insert_value(s, len, 1, "str")?
            .into_struct_value()
            .into())
    }

    /// `ptr + offset` inside a `&str` (an offset a check or std's method gave).
    fn text_offset(
        &self,
        ptr: PointerValue<'static>,
        offset: IntValue<'static>,
    ) -> CgResult<PointerValue<'static>> {
        // SAFETY (of the GEP): `offset` is at most the length of the `&str` at `ptr`.
        Ok(unsafe { self.b().build_in_bounds_gep(ptr, &[offset], "str.at")? })
    }

    /// Calls the helper `row` with `args`; its result, if it has one.
    fn call_text_helper(&self, row: &MappedFn, args: &[Val]) -> CgResult<Option<Val>> {
        let f = self.m.declare_mapped(row);
        // Helpers take every pointer as an `i8*`.
        let i8p = self
            .ctx
            .i8_type()
            .ptr_type(inkwell::AddressSpace::default());
        let mut cast = Vec::new();
        for a in args {
            cast.push(match a {
                Val::PointerValue(p) => self.b().build_bit_cast(*p, i8p, "arg")?.into(),
                v => (*v).into(),
            });
        }
        let args = cast;
        Ok(self
            .b()
            .build_call(f, &args, "str.call")?
            .try_as_basic_value()
            .basic())
    }

    fn call_text_value(&self, row: &MappedFn, args: &[Val]) -> CgResult<IntValue<'static>> {
        self.call_text_helper(row, args)?
            .map(|v| v.into_int_value())
            .ok_or_else(|| CgError::Internal(format!("`{}` returns nothing", row.symbol)))
    }

    /// An `Option<usize>` of a helper's position ([`string::NONE`] for `None`).
    fn position_option(&self, found: IntValue<'static>) -> CgResult<Val> {
        let b = self.b();
        let i64t = self.ctx.i64_type();
        let none = i64t.const_int(string::NONE, false);
        let is_some = b.build_int_compare(IntPredicate::NE, found, none, "found")?;
        let value = b.build_select(is_some, found, i64t.const_zero(), "at")?;
        let ty = reg_type(self.ctx, &Type::Option(Box::new(Type::USIZE))).into_struct_type();
        let option = b.build_insert_value(ty.const_zero(), is_some, 0, "is_some")?;
        Ok(b.build_insert_value(option, value, 1, "option")?
            .into_struct_value()
            .into())
    }

    /// Panics with the text the helper just recorded when `failed` holds.
    pub(super) fn check_text(&mut self, failed: IntValue<'static>, loc: LocId) -> CgResult<()> {
        let zero = self.ctx.i64_type().const_zero().into();
        self.check_with(
            failed,
            loc,
            vec![String::new(), String::new()],
            &[(zero, Type::Str)],
        )
    }

    /// `s.method(args)` of a `&str` `s`.
    pub(super) fn str_builtin(
        &mut self,
        method: StrMethod,
        recv: Val,
        args: &[Val],
        loc: LocId,
    ) -> CgResult<Val> {
        let (ptr, len) = self.text_parts(recv)?;
        let i64t = self.ctx.i64_type();
        Ok(match method {
            StrMethod::Len => len.into(),
            StrMethod::IsEmpty => self
                .b()
                .build_int_compare(IntPredicate::EQ, len, i64t.const_zero(), "empty")?
                .into(),
            // The same `{ptr, len}`.
            StrMethod::AsBytes => recv,
            StrMethod::Search(search, pattern) => {
                let mut operands: Vec<Val> = vec![ptr.into(), len.into()];
                match pattern {
                    StrPattern::Str => {
                        let (p, plen) = self.text_parts(args[0])?;
                        operands.extend::<[Val; 2]>([p.into(), plen.into()]);
                    }
                    StrPattern::Char => operands.push(args[0]),
                }
                let found = self.call_text_value(&string::search_fn(search, pattern), &operands)?;
                if search.finds() {
                    self.position_option(found)?
                } else {
                    self.b()
                        .build_int_compare(IntPredicate::NE, found, i64t.const_zero(), "is")?
                        .into()
                }
            }
            StrMethod::Trim(how) => {
                let out = self.slot(i64t.array_type(2).into(), "trim")?;
                let out_ptr = self.b().build_bit_cast(
                    out,
                    i64t.ptr_type(inkwell::AddressSpace::default()),
                    "trim.out",
                )?;
                self.call_text_helper(&string::trim_fn(how), &[ptr.into(), len.into(), out_ptr])?;
                let (offset, new_len) = self.load_pair(out)?;
                let start = self.text_offset(ptr, offset)?;
                self.text_value(start, new_len)?
            }
            StrMethod::EqIgnoreAsciiCase => {
                let (p, plen) = self.text_parts(args[0])?;
                let eq = self.call_text_value(
                    &string::eq_ignore_ascii_case_fn(),
                    &[ptr.into(), len.into(), p.into(), plen.into()],
                )?;
                self.b()
                    .build_int_compare(IntPredicate::NE, eq, i64t.const_zero(), "eq")?
                    .into()
            }
            StrMethod::Step(iter) => self.text_step(iter, (ptr, len), args)?,
            StrMethod::CharAt => self
                .call_text_value(&string::char_at_fn(), &[ptr.into(), len.into(), args[0]])?
                .into(),
            StrMethod::ByteAt => {
                let at = self.text_offset(ptr, args[0].into_int_value())?;
                self.b().build_load(at, "byte")?
            }
            StrMethod::Piece => {
                let (a, b) = (args[0].into_int_value(), args[1].into_int_value());
                let start = self.text_offset(ptr, a)?;
                let piece_len = self.b().build_int_sub(b, a, "piece.len")?;
                self.text_value(start, piece_len)?
            }
            StrMethod::Parse { prim, unwrap } => self.text_parse(prim, unwrap, (ptr, len), loc)?,
        })
    }

    /// The two `i64`s at `pair`.
    fn load_pair(
        &self,
        pair: PointerValue<'static>,
    ) -> CgResult<(IntValue<'static>, IntValue<'static>)> {
        let b = self.b();
        let i32t = self.ctx.i32_type();
        let mut out = Vec::new();
        for i in 0..2 {
            // SAFETY (of the GEP): `pair` is a `[2 x i64]`.
            let at = unsafe {
                b.build_in_bounds_gep(pair, &[i32t.const_zero(), i32t.const_int(i, false)], "at")?
            };
            out.push(b.build_load(at, "part")?.into_int_value());
        }
        Ok((out[0], out[1]))
    }

    /// One step of a string loop (`lower/strings.rs`): the helper moves the cursor tuple.
    fn text_step(
        &self,
        iter: TextIter,
        (ptr, len): (PointerValue<'static>, IntValue<'static>),
        args: &[Val],
    ) -> CgResult<Val> {
        let i64t = self.ctx.i64_type();
        let i32t = self.ctx.i32_type();
        let (pattern, state) = match args {
            [pattern, state] => (Some(*pattern), *state),
            [state] => (None, *state),
            _ => return Err(CgError::Internal("a string step's operands".into())),
        };
        let (p, plen) = match pattern {
            // A `char` pattern: a null pointer and the scalar value (`string::step`).
            Some(Val::IntValue(c)) => (
                self.ctx
                    .i8_type()
                    .ptr_type(inkwell::AddressSpace::default())
                    .const_null(),
                self.b().build_int_z_extend(c, i64t, "char")?,
            ),
            Some(pattern) => self.text_parts(pattern)?,
            None => (ptr, i64t.const_zero()),
        };
        let slot = self.slot(i64t.array_type(4).into(), "step")?;
        let b = self.b();
        let state = state.into_struct_value();
        let element = |i: u64| {
            // SAFETY (of the GEP): `slot` is a `[4 x i64]`.
            unsafe {
                b.build_in_bounds_gep(
                    slot,
                    &[i32t.const_zero(), i32t.const_int(i, false)],
                    "state",
                )
            }
        };
        for i in 0..4 {
            let v = b.build_extract_value(state, i as u32, "state")?;
            b.build_store(element(i)?, v)?;
        }
        let kind = TextIter::ALL
            .iter()
            .position(|&k| k == iter)
            .expect("every iterator is listed") as u64;
        let out = b.build_bit_cast(slot, i64t.ptr_type(inkwell::AddressSpace::default()), "io")?;
        self.call_text_helper(
            &string::step_fn(),
            &[
                i32t.const_int(kind, false).into(),
                ptr.into(),
                len.into(),
                p.into(),
                plen.into(),
                out,
            ],
        )?;
        let ty = reg_type(self.ctx, &jitclass_core::str_methods::step_state()).into_struct_type();
        let mut next = ty.get_undef();
        for i in 0..4 {
            let v = b.build_load(element(i)?, "next")?;
            next = b
                .build_insert_value(next, v, i as u32, "next")?
                .into_struct_value();
        }
        Ok(next.into())
    }

    /// `s.parse::<prim>()`: its `Option` (`.ok()`), or its value, panicking with std's
    /// message of `Result::unwrap` (`unwrap`).
    fn text_parse(
        &mut self,
        prim: PrimTy,
        unwrap: bool,
        (ptr, len): (PointerValue<'static>, IntValue<'static>),
        loc: LocId,
    ) -> CgResult<Val> {
        let i64t = self.ctx.i64_type();
        let i8t = self.ctx.i8_type();
        let out = self.slot(i64t.into(), "parsed")?;
        let failed = self.call_text_value(
            &string::parse_fn(prim),
            &[
                ptr.into(),
                len.into(),
                out.into(),
                i8t.const_int(u64::from(unwrap), false).into(),
            ],
        )?;
        let failed =
            self.b()
                .build_int_compare(IntPredicate::NE, failed, i8t.const_zero(), "failed")?;
        if unwrap {
            self.check_text(failed, loc)?;
        }
        let b = self.b();
        let bits = b.build_load(out, "bits")?.into_int_value();
        let value: Val = match prim {
            PrimTy::F64 => b.build_bit_cast(bits, self.ctx.f64_type(), "f")?,
            PrimTy::F32 => {
                let narrow = b.build_int_truncate(bits, self.ctx.i32_type(), "f")?;
                b.build_bit_cast(narrow, self.ctx.f32_type(), "f")?
            }
            PrimTy::Bool => b
                .build_int_compare(IntPredicate::NE, bits, i64t.const_zero(), "b")?
                .into(),
            PrimTy::Char => b.build_int_truncate(bits, self.ctx.i32_type(), "c")?.into(),
            p => {
                let t = reg_type(self.ctx, &Type::Prim(p)).into_int_type();
                b.build_int_truncate_or_bit_cast(bits, t, "n")?.into()
            }
        };
        if unwrap {
            return Ok(value);
        }
        let ok = b.build_not(failed, "ok")?;
        let ty = reg_type(self.ctx, &Type::Option(Box::new(Type::Prim(prim)))).into_struct_type();
        let option = b.build_insert_value(ty.const_zero(), ok, 0, "is_some")?;
        // The value zeroed for `None`, as every `None`.
        let zero = ty
            .get_field_type_at_index(1)
            .ok_or_else(|| CgError::Internal("an `Option`'s value".into()))?
            .const_zero();
        let value = b.build_select(ok, value, zero, "value")?;
        Ok(b.build_insert_value(option, value, 1, "option")?
            .into_struct_value()
            .into())
    }

    /// `a op b` of two `&str`s, or `String`s (or one of each): std's `Ord for str`
    /// (byte order), a `String` viewed as its `&str` for the comparison.
    pub(super) fn str_compare(&mut self, op: BinOp, a: ExprId, b: ExprId) -> CgResult<Option<Val>> {
        let from = self.lent.len();
        let Some(x) = self.text_operand(a)? else {
            self.lent.truncate(from);
            return Ok(None);
        };
        let Some(y) = self.text_operand(b)? else {
            self.lent.truncate(from);
            return Ok(None);
        };
        let (p, plen) = self.text_parts(x)?;
        let (q, qlen) = self.text_parts(y)?;
        let order = self.call_text_value(
            &string::cmp_fn(),
            &[p.into(), plen.into(), q.into(), qlen.into()],
        )?;
        let predicate = match op {
            BinOp::Eq => IntPredicate::EQ,
            BinOp::Ne => IntPredicate::NE,
            BinOp::Lt => IntPredicate::SLT,
            BinOp::Le => IntPredicate::SLE,
            BinOp::Gt => IntPredicate::SGT,
            BinOp::Ge => IntPredicate::SGE,
            _ => return Err(CgError::Internal(format!("`&str` {op:?}"))),
        };
        let zero = self.ctx.i32_type().const_zero();
        let result = self.b().build_int_compare(predicate, order, zero, "cmp")?;
        self.end_lends(from)?;
        Ok(Some(result.into()))
    }

    /// `&s[start..end]` (`..=end` if `inclusive`) of a `&str` (or a `String`, lent while
    /// the part is used): std's checks (bounds, order, char boundaries) with std's
    /// messages, then the part.
    pub(super) fn str_range(
        &mut self,
        base: ExprId,
        (start, end, inclusive): (Option<ExprId>, Option<ExprId>, bool),
        loc: LocId,
    ) -> CgResult<Option<Val>> {
        let Some(s) = self.text_operand(base)? else {
            return Ok(None);
        };
        let i64t = self.ctx.i64_type();
        let begin = match start {
            Some(e) => match self.expr(e)? {
                Some(v) => v.into_int_value(),
                None => return Ok(None),
            },
            None => i64t.const_zero(),
        };
        let (ptr, len) = self.text_parts(s)?;
        let end = match end {
            Some(e) => match self.expr(e)? {
                Some(v) => v.into_int_value(),
                None => return Ok(None),
            },
            None => len,
        };
        // std checks `a..=b` in an order of its own, with messages naming `b` (the helper
        // of `inclusive`); once it passes, `b < len`, so `b + 1` does not overflow.
        let failed = self.call_text_value(
            &string::slice_fn(inclusive),
            &[ptr.into(), len.into(), begin.into(), end.into()],
        )?;
        let failed = self.b().build_int_compare(
            IntPredicate::NE,
            failed,
            self.ctx.i8_type().const_zero(),
            "bad",
        )?;
        self.check_text(failed, loc)?;
        let end = if inclusive {
            self.b()
                .build_int_add(end, i64t.const_int(1, false), "end")?
        } else {
            end
        };
        let at = self.text_offset(ptr, begin)?;
        let part_len = self.b().build_int_sub(end, begin, "part.len")?;
        Ok(Some(self.text_value(at, part_len)?))
    }
}
