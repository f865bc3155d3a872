//! Trait objects in generated code: `Box::new(c)` (`ExprKind::BoxNew`), the coercions
//! inference records as adjustments (`Adjustment::ToDyn`, `Adjustment::LendDyn`, applied
//! here, in `adjusted_expr`, the one place codegen applies them), and calls through a
//! vtable (`Resolution::DynCall`).
//!
//! A trait object is `{meminfo, vtable}` (`types::trait_object_type`), 16 bytes as in
//! Rust: a managed instance's meminfo, whose payload is at `memory::HEADER` from it, and
//! the address of the class's vtable for the trait (`compiler/vtables.rs`); an unmanaged
//! instance's trait object holds a block lending its payload instead, and the class's
//! lending vtable (`unmanaged_dyn.rs`). It holds one count of its block in every form, as
//! a class handle does (`ownership.rs`'s rules apply unchanged: its meminfo is its first
//! field), so a coercion moves the owned value it converts: `Box::new(c)` and `ToDyn`
//! take the instance's count, `LendDyn` the trait object's.

use super::{FnCx, Val, panics};
use crate::Type;
use crate::compiler::types::{instance_type, is_indirect, reg_type, result_type};
use crate::compiler::vtables::Receiver;
use crate::compiler::{CgError, CgResult};
use crate::helpers::Helper;
use inkwell::AddressSpace;
use inkwell::values::{CallableValue, PointerValue, StructValue};
use jitclass_core::infer::{Adjustment, DynCall};
use jitclass_core::ir::{ExprId, ExprKind, LocId, Pattern};
use jitclass_core::{ClassKey, TraitKey};

impl FnCx<'_> {
    /// The value of `id` with its adjustment applied: the value it converts (computed
    /// as its own type says, before the adjustment), converted.
    pub(super) fn adjusted_expr(
        &mut self,
        id: ExprId,
        adjustment: &Adjustment,
    ) -> CgResult<Option<Val>> {
        let source = self.coerced_source(id);
        let from = if source == id {
            self.unadjusted.push(id);
            let v = self.expr_unguarded(id);
            self.unadjusted.pop();
            v?
        } else {
            self.expr(source)?
        };
        let Some(v) = from else {
            return Ok(None);
        };
        // The type of the value converted: `id`'s own before its adjustment.
        let from_ty = if source == id {
            self.typed.expr_types[id.index()].clone()
        } else {
            self.ty(source).clone()
        };
        let v = match (adjustment, &from_ty) {
            (Adjustment::ToDyn { class, key, .. }, Type::Class(_)) => {
                let loc = self.ir.expr(id).loc;
                self.trait_object(v, (class, key), false, loc)?
            }
            // The same `{meminfo, vtable}`, now lent: the count moves with it.
            (Adjustment::LendDyn { .. }, Type::Dyn { .. }) => v,
            // A reference to a trait object in memory: a new count of what it holds.
            (Adjustment::LendDyn { .. }, Type::Ref { inner, .. })
                if matches!(**inner, Type::Dyn { .. }) =>
            {
                let v = self.load_value(v.into_pointer_value(), inner, true, "dyn")?;
                self.copy_value(v, inner)?;
                v
            }
            (adjustment, other) => {
                return Err(CgError::Internal(format!(
                    "{adjustment:?} of a `{other}` (e{})",
                    id.0
                )));
            }
        };
        Ok(Some(v))
    }

    /// The expression whose value a coercion of `id` converts: `id` itself, or, for
    /// `&c` / `&mut c` of an instance and `b.as_ref()` / `&*b` of a box, the instance or
    /// trait object (a reference to a handle is the handle in jit code).
    fn coerced_source(&self, id: ExprId) -> ExprId {
        let handle = |e: ExprId| {
            matches!(
                &self.typed.expr_types[e.index()],
                Type::Class(_) | Type::Dyn { .. }
            )
        };
        let mut source = id;
        loop {
            match &self.ir.expr(source).kind {
                ExprKind::AddrOf { place, .. } if handle(*place) => source = *place,
                // `b.as_ref()`, `&*b` (lowered to a hidden method) and their `mut`
                // forms: inference's `lend_call`, which resolves no function.
                ExprKind::MethodCall { receiver, .. }
                    if self.typed.resolution(source).is_none() && handle(*receiver) =>
                {
                    source = *receiver
                }
                _ => return source,
            }
        }
    }

    /// Binds `let s = v[i]`, the element of `for s in &v` over a local `Vec` of trait
    /// objects (the lowering's counted loop, `i` its hidden index), without a count, if
    /// that is what `pattern = init` is; `Ok(None)` if not, `Ok(Some(false))` if the
    /// element read diverged. In Rust `s` is a `&Box<dyn T>` borrowed from `v` for the
    /// loop, and rustc checks the borrow (the shadow of a body without generic arguments;
    /// a generic body is counted as usual): nothing changes `v` while the loop runs, so
    /// `v` keeps every element alive. A `Vec` of trait objects is jit code's alone (none
    /// crosses to Rust or into a field), so no other code reaches it either. A read of
    /// `s` still takes a count, as any local's.
    pub(super) fn lend_loop_element(
        &mut self,
        pattern: &Pattern,
        init: ExprId,
    ) -> CgResult<Option<bool>> {
        let Pattern::Bind(var) = pattern else {
            return Ok(None);
        };
        let ExprKind::Index(base, index) = self.ir.expr(init).kind else {
            return Ok(None);
        };
        let lent = self.type_args.is_empty()
            && !self.ir.local(*var).mutable
            && self.typed.adjustment(init).is_none()
            && matches!(self.typed.local_types[var.index()], Type::Dyn { .. })
            && matches!(self.ir.expr(index).kind,
                ExprKind::Local(i) if self.ir.local(i).name == jitclass_core::ir::LOOP_INDEX)
            && matches!(self.ir.expr(base).kind,
                ExprKind::Local(v) if self.typed.local_types[v.index()].vec_elem()
                    .is_some_and(|e| matches!(e, Type::Dyn { .. })));
        if !lent {
            return Ok(None);
        }
        let loc = self.ir.expr(init).loc;
        let Some((at, hold)) = self.vec_element(base, index, loc)? else {
            return Ok(Some(false));
        };
        let elem = self.typed.local_types[var.index()].clone();
        let v = self.load_elem(at, &elem)?;
        self.finish_vec_operands(hold)?;
        // The slot holds no count of its own: nothing drops what it holds.
        self.owned_locals[var.index()] = false;
        self.b().build_store(self.locals[var.index()], v)?;
        Ok(Some(true))
    }

    /// The trait object of the owned `instance` of `class` for the trait `key`: the
    /// instance's count moves into it. `fresh`: the instance was just allocated (a struct
    /// literal), so it is managed; otherwise an unmanaged one (null meminfo) gets a
    /// lending block (`unmanaged_dyn.rs`), whose allocation may fail at `loc`.
    fn trait_object(
        &mut self,
        instance: Val,
        (class, key): (&ClassKey, &TraitKey),
        fresh: bool,
        loc: LocId,
    ) -> CgResult<Val> {
        let vtable = self.m.vtable(class, key, Receiver::Managed)?;
        let instance = instance.into_struct_value();
        let meminfo = self
            .b()
            .build_extract_value(instance, 0, "meminfo")?
            .into_pointer_value();
        let (meminfo, vtable) = if fresh {
            (meminfo, vtable)
        } else {
            self.lend_if_unmanaged(instance, meminfo, vtable, (class, key), loc)?
        };
        let ty = crate::compiler::types::trait_object_type(self.ctx);
        let object = self
            .b()
            .build_insert_value(ty.get_undef(), meminfo, 0, "dyn")?;
        Ok(self
            .b()
            .build_insert_value(object, vtable, 1, "dyn")?
            .into_struct_value()
            .into())
    }

    /// The `{meminfo, vtable}` of the trait object of `instance`: its own `meminfo` and
    /// the managed `vtable`, or, for an unmanaged instance (null meminfo), a new lending
    /// block of its payload and the class's lending vtable.
    fn lend_if_unmanaged(
        &mut self,
        instance: StructValue<'static>,
        meminfo: PointerValue<'static>,
        vtable: PointerValue<'static>,
        (class, key): (&ClassKey, &TraitKey),
        loc: LocId,
    ) -> CgResult<(PointerValue<'static>, PointerValue<'static>)> {
        let lent_vtable = self.m.vtable(class, key, Receiver::Lent)?;
        let managed = self.block("dyn.managed");
        let unmanaged = self.block("dyn.unmanaged");
        let done = self.block("dyn.done");
        let is_null = self.b().build_is_null(meminfo, "unmanaged")?;
        crate::compiler::branch_unless_cold(self.ctx, self.b(), is_null, unmanaged, managed)?;
        self.b().position_at_end(unmanaged);
        let data = self.b().build_extract_value(instance, 1, "data")?;
        let lend = self.m.helper(Helper::LendUnmanaged);
        let lender = self
            .b()
            .build_call(lend, &[data.into()], "lender")?
            .try_as_basic_value()
            .basic()
            .expect("returns a pointer")
            .into_pointer_value();
        let message = panics::allocation_failed(8, &class.name);
        self.check_allocated(lender, loc, &message)?;
        let lent_end = self.b().get_insert_block().expect("positioned");
        self.b().build_unconditional_branch(done)?;
        self.b().position_at_end(managed);
        self.b().build_unconditional_branch(done)?;
        self.b().position_at_end(done);
        let i8p = meminfo.get_type();
        let meminfo_phi = self.b().build_phi(i8p, "dyn.meminfo")?;
        meminfo_phi.add_incoming(&[(&meminfo, managed), (&lender, lent_end)]);
        let vtable_phi = self.b().build_phi(i8p, "dyn.vtable")?;
        vtable_phi.add_incoming(&[(&vtable, managed), (&lent_vtable, lent_end)]);
        Ok((
            meminfo_phi.as_basic_value().into_pointer_value(),
            vtable_phi.as_basic_value().into_pointer_value(),
        ))
    }

    /// `Box::new(value)`: the class instance `value` (owned, moved in) as a
    /// `Box<dyn Trait>`.
    pub(super) fn box_new(&mut self, id: ExprId, value: ExprId) -> CgResult<Option<Val>> {
        let (class, key) = match (self.ty(value), self.ty(id)) {
            (Type::Class(class), Type::Dyn { key, .. }) => (class.clone(), key.clone()),
            (from, to) => {
                return Err(CgError::Internal(format!(
                    "`Box::new` of a `{from}` as `{to}`"
                )));
            }
        };
        let Some(v) = self.expr(value)? else {
            return Ok(None);
        };
        let fresh = matches!(self.ir.expr(value).kind, ExprKind::StructLit { .. });
        let loc = self.ir.expr(id).loc;
        Ok(Some(self.trait_object(v, (&class, &key), fresh, loc)?))
    }

    /// `s.m(args)` on a trait object: a call of the function in slot `call.slot` of its
    /// vtable, with the object's instance as the receiver; the arguments are borrowed
    /// as in any call (`emit_call`), and the callee's status is checked.
    /// `Trait::f(d, args)` of a borrowed trait object `d` is the same call, `d` first.
    pub(super) fn dyn_call(&mut self, id: ExprId, call: &DynCall) -> CgResult<Option<Val>> {
        let all = match &self.ir.expr(id).kind {
            ExprKind::MethodCall { receiver, args, .. } => {
                let mut all = vec![*receiver];
                all.extend_from_slice(args);
                all
            }
            ExprKind::TraitCall { args, .. } if !args.is_empty() => args.clone(),
            _ => {
                return Err(CgError::Internal(format!(
                    "a call through a vtable that is not a method call (e{})",
                    id.0
                )));
            }
        };
        let (receiver, args) = (&all[0], &all[1..]);
        let lent_before = self.lent.len();
        let Some(operands) = self.operands(&all)? else {
            self.lent.truncate(lent_before);
            return Ok(None);
        };
        let object = match self.ty(*receiver).clone() {
            Type::Dyn { .. } => operands[0].0,
            // `(&s).m()`: the trait object the reference points at, borrowed for the call.
            Type::Ref { inner, .. } if matches!(*inner, Type::Dyn { .. }) => {
                self.load_value(operands[0].0.into_pointer_value(), &inner, true, "dyn")?
            }
            other => {
                return Err(CgError::Internal(format!(
                    "`{}` called through the vtable of a `{other}`",
                    call.method
                )));
            }
        }
        .into_struct_value();
        let ret = self.ty(id).clone();
        let ctx = self.ctx;
        let mut params = Vec::with_capacity(all.len() + 1);
        if is_indirect(&ret) {
            params.push(reg_type(ctx, &ret).into());
        }
        params.push(instance_type(ctx).into());
        for a in args {
            params.push(reg_type(ctx, self.ty(*a)).into());
        }
        let fn_type = result_type(ctx, &ret).fn_type(&params, false);
        let fn_ptr = fn_type.ptr_type(AddressSpace::default());
        let vtable = self
            .b()
            .build_extract_value(object, 1, "vtable")?
            .into_pointer_value();
        let slots = self
            .b()
            .build_bit_cast(vtable, fn_ptr.ptr_type(AddressSpace::default()), "slots")?
            .into_pointer_value();
        let index = ctx.i64_type().const_int(u64::from(call.slot), false);
        // SAFETY (of the generated code): the vtable of the trait has a slot for each of
        // its vtable methods (`vtables.rs`), and inference took `slot` from the same
        // `TraitIr::method`.
        let at = unsafe { self.b().build_in_bounds_gep(slots, &[index], "slot")? };
        let f = self.b().build_load(at, "method")?.into_pointer_value();
        // The slots are constant: LLVM may load one once for a loop over one object.
        let invariant = ctx.get_kind_id("invariant.load");
        if let Some(load) = f.as_instruction() {
            load.set_metadata(ctx.metadata_node(&[]), invariant)
                .map_err(|e| CgError::Internal(e.to_string()))?;
        }
        let callee = CallableValue::try_from(f)
            .map_err(|()| CgError::Internal("a vtable slot of no function type".into()))?;
        // The receiver: the block's meminfo and its payload, `HEADER` bytes on (a lending
        // block's payload, which the lending vtable's slot unwraps: `vtables.rs`).
        let meminfo = self
            .b()
            .build_extract_value(object, 0, "meminfo")?
            .into_pointer_value();
        let header = ctx
            .i64_type()
            .const_int(crate::memory::HEADER as u64, false);
        // SAFETY (of the generated code): a trait object's meminfo is a live block's,
        // `HEADER` + payload bytes long.
        let data = unsafe { self.b().build_in_bounds_gep(meminfo, &[header], "data")? };
        let instance =
            self.b()
                .build_insert_value(instance_type(ctx).get_undef(), meminfo, 0, "self")?;
        let instance = self
            .b()
            .build_insert_value(instance, data, 1, "self")?
            .into_struct_value();
        let mut values: Vec<Val> = vec![instance.into()];
        values.extend(operands[1..].iter().map(|(v, _)| *v));
        let result = self.checked_call(callee, &ret, &values)?;
        for (_, held) in operands {
            self.release(held)?;
        }
        self.end_lends(lent_before)?;
        Ok(Some(result))
    }
}
