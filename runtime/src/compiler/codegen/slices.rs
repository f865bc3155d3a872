//! Slices lent to calls: `&v`, `&mut v[a..]`, `&a[i..j]` of a `Vec`, a slice or an array,
//! with std's range checks in its order and words, and the lend that keeps a `Vec`'s
//! buffer in place while the call runs (`lends.rs`).

use super::{FnCx, Val};
use crate::Type;
use crate::compiler::types::reg_type;
use crate::compiler::{CgError, CgResult};
use inkwell::IntPredicate;
use inkwell::values::{IntValue, PointerValue};
use jitclass_core::ir::{ExprId, LocId};

impl FnCx<'_> {
    /// A slice lent to a call: `&v` / `&mut v` (`range` `None`) or `&v[a..b]` of a `Vec`
    /// or a slice, with std's checks of the range. A `Vec` is kept (in `lent`) until the
    /// call returns, so its block outlives the slice, and counted as lent (`lends.rs`), so
    /// nothing the call runs can reallocate its buffer or release its elements meanwhile.
    /// The range's bounds are evaluated before `len` and `buf` are read: a bound may run
    /// code (inference refuses one that changes the `Vec`, `check_lending`, but a bound
    /// may still call a function that reaches it through an instance).
    pub(super) fn lend_slice(
        &mut self,
        base: ExprId,
        range: Option<(Option<ExprId>, Option<ExprId>, bool)>,
        loc: LocId,
    ) -> CgResult<Option<Val>> {
        let bt = self.ty(base).clone();
        if let Type::Array { elem, .. } = &bt {
            // The bounds run first, so that nothing they do can move the array's place
            // (a class field of an instance they replace) after its address is taken.
            let Some(bounds) = self.range_bounds(range)? else {
                return Ok(None);
            };
            let Some((ptr, len)) = self.array_for_slice(base)? else {
                return Ok(None);
            };
            return self.slice_of(((**elem).clone(), ptr, len), bounds, loc);
        }
        let Some(b) = self.expr(base)? else {
            return Ok(None);
        };
        self.lend_value(b, &bt, range, loc)
    }

    /// `lend_slice` of the value `b` (of type `bt`) once evaluated: also a `&Vec<T>`
    /// parameter passed where a slice is expected (its `Vec` outlives the call: the
    /// caller's).
    pub(super) fn lend_value(
        &mut self,
        b: Val,
        bt: &Type,
        range: Option<(Option<ExprId>, Option<ExprId>, bool)>,
        loc: LocId,
    ) -> CgResult<Option<Val>> {
        // The `Vec` stays held while the bounds run, so it is alive when lent.
        let held = match bt {
            Type::Vec(_) => self.hold(b, bt)?,
            _ => None,
        };
        // Diverged: the held `Vec` stays in its slot (dropped at the exit).
        let Some(bounds) = self.range_bounds(range)? else {
            return Ok(None);
        };
        let (elem, ptr, len) = match bt {
            Type::Vec(_) | Type::Ref { .. } if let Some(elem) = bt.vec_elem() => {
                let elem = elem.clone();
                let h = self.header(b, &elem)?;
                self.begin_lend(h.lends, held)?;
                let len = self.load_int(h.len, "len")?;
                (elem, self.load_ptr(h.buf)?, len)
            }
            Type::Slice { elem, .. } => {
                let elem = (**elem).clone();
                let s = b.into_struct_value();
                let ptr = self
                    .b()
                    .build_extract_value(s, 0, "ptr")?
                    .into_pointer_value();
                let len = self.b().build_extract_value(s, 1, "len")?.into_int_value();
                (elem, ptr, len)
            }
            other => return Err(CgError::Internal(format!("a slice of `{other}`"))),
        };
        self.slice_of((elem, ptr, len), bounds, loc)
    }

    /// `&v` passed for a `&Vec<T>` / `&mut Vec<T>` parameter: `v`'s handle. A `Vec`
    /// place's read is counted: that reference is kept until the call returns (with the
    /// lent slices), so the `Vec` outlives the call whatever the callee reaches.
    pub(super) fn borrowed_vec(&mut self, place: ExprId) -> CgResult<Option<Val>> {
        let Some(v) = self.expr(place)? else {
            return Ok(None);
        };
        let t = self.ty(place).clone();
        if let Some(held) = self.hold(v, &t)? {
            self.hold_for_call(held);
        }
        Ok(Some(v))
    }

    /// The values of a range's bounds, evaluated before the sliced place's length and
    /// buffer are read (a bound may change them). `None` if a bound diverged.
    #[allow(clippy::type_complexity)]
    fn range_bounds(
        &mut self,
        range: Option<(Option<ExprId>, Option<ExprId>, bool)>,
    ) -> CgResult<Option<Option<(Option<IntValue<'static>>, Option<IntValue<'static>>, bool)>>>
    {
        let Some((start, end, inclusive)) = range else {
            return Ok(Some(None));
        };
        let mut value = |e: Option<ExprId>| -> CgResult<Option<Option<IntValue<'static>>>> {
            Ok(match e {
                Some(e) => self.expr(e)?.map(|v| Some(v.into_int_value())),
                None => Some(None),
            })
        };
        let Some(start) = value(start)? else {
            return Ok(None);
        };
        let Some(end) = value(end)? else {
            return Ok(None);
        };
        Ok(Some(Some((start, end, inclusive))))
    }

    /// The slice `ptr[start..end]` of `len` elements of type `elem` (all if `bounds` is
    /// `None`), after std's range checks.
    #[allow(clippy::type_complexity)]
    fn slice_of(
        &mut self,
        (elem, ptr, len): (Type, PointerValue<'static>, IntValue<'static>),
        bounds: Option<(Option<IntValue<'static>>, Option<IntValue<'static>>, bool)>,
        loc: LocId,
    ) -> CgResult<Option<Val>> {
        let zero = self.ctx.i64_type().const_zero();
        let (start, end) = match bounds {
            None => (zero, len),
            Some((start, end, inclusive)) => {
                let start = start.unwrap_or(zero);
                let end = self.check_range(start, end, inclusive, len, loc)?;
                (start, end)
            }
        };
        // SAFETY (of the generated code): `start <= end <= len` was checked.
        let first = unsafe { self.b().build_in_bounds_gep(ptr, &[start], "slice")? };
        let n = self.b().build_int_sub(end, start, "n")?;
        let ty = reg_type(
            self.ctx,
            &Type::Slice {
                elem: Box::new(elem),
                mutable: false,
            },
        )
        .into_struct_type();
        let s = self
            .b()
            .build_insert_value(ty.get_undef(), first, 0, "slice")?;
        let s = self.b().build_insert_value(s, n, 1, "slice")?;
        Ok(Some(s.into_struct_value().into()))
    }

    /// std's checks of `start..end` (`..=end` if `inclusive`; `end` `None`: to the end)
    /// against `len`, in its order and words; the exclusive end.
    fn check_range(
        &mut self,
        start: IntValue<'static>,
        end: Option<IntValue<'static>>,
        inclusive: bool,
        len: IntValue<'static>,
        loc: LocId,
    ) -> CgResult<IntValue<'static>> {
        let u = Type::USIZE;
        let of_len = |what: &str| {
            vec![
                format!("range {what} index "),
                " out of range for slice of length ".to_string(),
                String::new(),
            ]
        };
        let past = self
            .b()
            .build_int_compare(IntPredicate::UGT, start, len, "start.past")?;
        self.check_with(
            past,
            loc,
            of_len("start"),
            &[(start.into(), u.clone()), (len.into(), u.clone())],
        )?;
        let Some(end) = end else {
            return Ok(len);
        };
        let pred = if inclusive {
            IntPredicate::UGE
        } else {
            IntPredicate::UGT
        };
        let end_past = self.b().build_int_compare(pred, end, len, "end.past")?;
        self.check_with(
            end_past,
            loc,
            of_len("end"),
            &[(end.into(), u.clone()), (len.into(), u.clone())],
        )?;
        let end = if inclusive {
            // `end < len` here, so `end + 1` does not overflow.
            self.b()
                .build_int_add(end, self.ctx.i64_type().const_int(1, false), "end")?
        } else {
            end
        };
        let order = self
            .b()
            .build_int_compare(IntPredicate::UGT, start, end, "order")?;
        self.check_with(
            order,
            loc,
            vec![
                "slice index starts at ".into(),
                " but ends at ".into(),
                String::new(),
            ],
            &[(start.into(), u.clone()), (end.into(), u)],
        )?;
        Ok(end)
    }
}
