//! The escape check in generated code (see `crate::escape`): a value about to reach a
//! place that outlives the call (a field, lent memory, an `objmode!` block) must hold no
//! unmanaged instance; if it does, the code panics before storing. (Results returned to
//! Rust are checked by `call_N`, which knows their Rust type: compiled code may serve
//! several classes, see `subtype.rs`, so it cannot name the class itself.)

use super::{FnCx, Val};
use crate::Type;
use crate::compiler::{CgError, CgResult};
use crate::escape::{Sink, message};
use inkwell::values::IntValue;
use jitclass_core::ClassKey;
use jitclass_core::ir::{ExprId, ExprKind, LocId};

/// Per class instance in a value: a flag set when it is unmanaged, and its class.
type UnmanagedFlags = Vec<(IntValue<'static>, ClassKey)>;

impl FnCx<'_> {
    /// The instances `v` (of type `t`) holds outside `None`s, each with a flag set when it
    /// is unmanaged (its meminfo is null). Empty, emitting nothing, for a type that holds
    /// no class.
    fn unmanaged_flags(&mut self, v: Val, t: &Type) -> CgResult<UnmanagedFlags> {
        let mut out = Vec::new();
        self.collect_unmanaged(v, t, None, &mut out)?;
        Ok(out)
    }

    /// `present`: set when every `Option` around `v` is `Some` (`None` if there is none).
    /// A `None`'s value is not an instance, so its null meminfo must not count.
    fn collect_unmanaged(
        &mut self,
        v: Val,
        t: &Type,
        present: Option<IntValue<'static>>,
        out: &mut UnmanagedFlags,
    ) -> CgResult<()> {
        let b = self.b();
        match t {
            Type::Class(key) => {
                let meminfo = b
                    .build_extract_value(v.into_struct_value(), 0, "meminfo")?
                    .into_pointer_value();
                let null = b.build_is_null(meminfo, "unmanaged")?;
                let flag = match present {
                    Some(p) => b.build_and(p, null, "unmanaged")?,
                    None => null,
                };
                out.push((flag, key.clone()));
            }
            Type::Option(inner) if inner.is_managed() => {
                let is_some = self.value_part(v, t, 0)?.into_int_value();
                let present = match present {
                    Some(p) => b.build_and(p, is_some, "present")?,
                    None => is_some,
                };
                let value = self.value_part(v, t, 1)?;
                self.collect_unmanaged(value, inner, Some(present), out)?;
            }
            Type::Tuple(elems) => {
                for (i, e) in elems.iter().enumerate() {
                    if e.is_managed() {
                        let part = self.value_part(v, t, i as u32)?;
                        self.collect_unmanaged(part, e, present, out)?;
                    }
                }
            }
            // One flag per instance of an element, set when it is unmanaged in any
            // element: a loop over the array ORs each element's flags into stack slots.
            Type::Array { elem, len } if !unmanaged_keys(elem).is_empty() => {
                let keys = unmanaged_keys(elem);
                let bool_t = self.ctx.bool_type();
                let slots = keys
                    .iter()
                    .map(|_| self.slot(bool_t.into(), "unmanaged.any"))
                    .collect::<CgResult<Vec<_>>>()?;
                for slot in &slots {
                    self.b().build_store(*slot, bool_t.const_zero())?;
                }
                let first = self.first_elem(v.into_pointer_value())?;
                let n = self.ctx.i64_type().const_int(*len, false);
                self.counted_loop(n, |cx, i| {
                    // SAFETY (of the generated code): `i < len`, the element count.
                    let at = unsafe { cx.b().build_in_bounds_gep(first, &[i], "elem")? };
                    let part = cx.element_value(at, elem)?;
                    let mut flags = Vec::new();
                    cx.collect_unmanaged(part, elem, None, &mut flags)?;
                    for ((flag, _), slot) in flags.into_iter().zip(&slots) {
                        let so_far = cx.b().build_load(*slot, "any")?.into_int_value();
                        let any = cx.b().build_or(so_far, flag, "any")?;
                        cx.b().build_store(*slot, any)?;
                    }
                    Ok(())
                })?;
                for (slot, key) in slots.into_iter().zip(keys) {
                    let any = self.b().build_load(slot, "any")?.into_int_value();
                    let flag = match present {
                        Some(p) => self.b().build_and(p, any, "unmanaged")?,
                        None => any,
                    };
                    out.push((flag, key));
                }
            }
            _ => {}
        }
        Ok(())
    }
}

/// The classes of the instances a value of type `t` holds, in the order
/// `collect_unmanaged` gives their flags (an array's elements share theirs).
fn unmanaged_keys(t: &Type) -> Vec<ClassKey> {
    match t {
        Type::Class(key) => vec![key.clone()],
        Type::Option(inner) if inner.is_managed() => unmanaged_keys(inner),
        Type::Tuple(elems) => elems
            .iter()
            .filter(|e| e.is_managed())
            .flat_map(unmanaged_keys)
            .collect(),
        Type::Array { elem, .. } => unmanaged_keys(elem),
        _ => Vec::new(),
    }
}

impl FnCx<'_> {
    /// Panics at `loc` if `v` (of type `t`), about to reach `sink`, holds an unmanaged
    /// instance. Nothing is stored yet: the caller keeps `v` where the panic path drops it
    /// (a held temporary, an operand, a local).
    pub(super) fn refuse_unmanaged(
        &mut self,
        v: Val,
        t: &Type,
        loc: LocId,
        sink: Sink<'_>,
    ) -> CgResult<()> {
        let flags = self.unmanaged_flags(v, t)?;
        self.refuse_flags(flags, loc, sink)
    }

    fn refuse_flags(&mut self, flags: UnmanagedFlags, loc: LocId, sink: Sink<'_>) -> CgResult<()> {
        for (flag, key) in flags {
            self.check(flag, loc, &message(&key.name, &sink))?;
        }
        Ok(())
    }

    /// As [`FnCx::refuse_unmanaged`] for `place = v` (at `loc`): assigning a local, or a
    /// part of one, is no sink; a field, a slice element or an `index_mut` place is.
    pub(super) fn refuse_unmanaged_in_place(
        &mut self,
        v: Val,
        t: &Type,
        place: ExprId,
        loc: LocId,
    ) -> CgResult<()> {
        // A part of a value is stored where the value is: a tuple field, an array element.
        let mut root = place;
        loop {
            root = match self.ir.expr(root).kind {
                ExprKind::TupleField(base, _) => base,
                ExprKind::Index(base, _) if matches!(self.ty(base), Type::Array { .. }) => base,
                _ => break,
            };
        }
        if let ExprKind::Local(_) = self.ir.expr(root).kind {
            return Ok(());
        }
        let flags = self.unmanaged_flags(v, t)?;
        if flags.is_empty() {
            return Ok(());
        }
        match self.ir.expr(root).kind {
            ExprKind::Field(base, _) => {
                let class = self.class_of(base)?;
                let field = self.field_name(&class, self.field_index(root)?)?;
                let sink = Sink::Field {
                    class: self.certain_name(&class),
                    field,
                };
                self.refuse_flags(flags, loc, sink)
            }
            ExprKind::Index(base, _) => match self.index_operator(root)? {
                Some(_) => {
                    let class = self.class_of(base)?;
                    let sink = Sink::IndexMut { class: &class.name };
                    self.refuse_flags(flags, loc, sink)
                }
                None if self.ty(base).vec_elem().is_some() => {
                    self.refuse_flags(flags, loc, Sink::VecElement)
                }
                None => self.refuse_flags(flags, loc, Sink::SliceElement),
            },
            _ => Err(CgError::Internal(
                "assignment to a non-place expression".into(),
            )),
        }
    }

    /// `class`'s name, unless this code may also serve other classes in its place: those
    /// among the generic arguments (`subtype.rs` shares code that only reads and writes
    /// their fields).
    pub(super) fn certain_name<'k>(&self, class: &'k ClassKey) -> Option<&'k str> {
        let generic = self
            .type_args
            .iter()
            .any(|t| crate::subtype::occurrences(t, class) > 0);
        (!generic).then_some(class.name.as_str())
    }

    /// The name of field `index` of `class`.
    pub(super) fn field_name(&self, class: &ClassKey, index: u32) -> CgResult<&'static str> {
        let fields = crate::class::lookup(class)
            .map_err(CgError::Internal)?
            .decoded_fields()
            .map_err(CgError::Internal)?;
        fields
            .get(index as usize)
            .map(|f| f.name.as_str())
            .ok_or_else(|| CgError::Internal(format!("`{}` has no field {index}", class.name)))
    }
}
