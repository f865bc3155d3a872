//! Calls of std's sorts (`crate::std_sort`) on a `Vec`'s buffer or a `&mut [T]`.

use super::{FnCx, Val};
use crate::compiler::{CgError, CgResult};
use crate::std_sort::std_sort_fn;
use inkwell::values::{BasicMetadataValueEnum, IntValue, PointerValue};
use jitclass_core::ir::ExprId;
use jitclass_core::std_sort::StdSort;
use jitclass_core::{PrimTy, Type};

impl FnCx<'_> {
    /// `a.sort()` & co. (std's algorithm) on the array `a`, in its place; an instance
    /// holding it is kept alive for the call and released after it.
    pub(super) fn array_std_sort(
        &mut self,
        array: ExprId,
        how: StdSort,
        elem: Option<PrimTy>,
        args: &[ExprId],
    ) -> CgResult<Option<Val>> {
        let from = self.lent.len();
        let Some((buf, len)) = self.array_for_slice(array)? else {
            return Ok(None);
        };
        let Some(k) = self.owned_values(args)? else {
            return Ok(None);
        };
        let elem = elem.map_or(Type::Unit, Type::Prim);
        self.std_sort(how, &elem, buf, len, k.first().copied())?;
        self.end_lends(from)?;
        Ok(Some(self.unit()))
    }

    /// Sorts (or selects in) the `len` elements of type `elem` at `buf` with std's
    /// algorithm `how`; `k` is a selection's index, already checked against `len`. No jit
    /// code runs during the call, so nothing can see or change the buffer mid-sort.
    pub(super) fn std_sort(
        &mut self,
        how: StdSort,
        elem: &Type,
        buf: PointerValue<'static>,
        len: IntValue<'static>,
        k: Option<Val>,
    ) -> CgResult<()> {
        let f = elem
            .prim()
            .and_then(|p| std_sort_fn(how, p))
            .ok_or_else(|| CgError::Internal(format!("no std sort of `{elem}` elements")))?;
        let f = self.m.declare_mapped(f);
        let i8p = self
            .ctx
            .i8_type()
            .ptr_type(inkwell::AddressSpace::default());
        let buf = self.b().build_pointer_cast(buf, i8p, "sort.buf")?;
        let mut args: Vec<BasicMetadataValueEnum> = vec![buf.into(), len.into()];
        if let Some(k) = k {
            args.push(k.into_int_value().into());
        }
        self.b().build_call(f, &args, "")?;
        Ok(())
    }
}
