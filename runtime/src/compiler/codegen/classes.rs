//! Calls, and class instances in generated code: field reads and writes, struct
//! literals (allocation), calls of class functions and operators, class indexing, and the
//! memory-control intrinsics.
//!
//! An instance is `{meminfo, data}`; `data` points to the payload, a C struct of the
//! fields' memory forms in declaration order, which is exactly the `#[repr(C)]` payload
//! struct the macro emits (`ClassInfo` checks rustc's offsets against this layout).

use super::ownership::Held;
use super::{FnCx, Val, panics};
use crate::compiler::types::{instance_type, is_indirect, mem_type};
use crate::compiler::{CgError, CgResult};
use crate::error::ErrorKind;
use crate::escape::Sink;
use crate::helpers::Helper;
use crate::{Dispatcher, Type};
use inkwell::AddressSpace;
use inkwell::types::StructType;
use inkwell::values::{CallableValue, PointerValue};
use jitclass_core::ClassKey;
use jitclass_core::infer::{ClassCall, ClassOp, Resolution};
use jitclass_core::ir::{ExprId, ExprKind, Intrinsic, LocId};
use jitclass_core::operators::Orderings;

/// A class function to call, with its generic arguments.
type MethodCallee = (&'static Dispatcher, Vec<Type>);

/// A [`MethodCallee`], borrowed.
type CalleeRef<'a> = (&'static Dispatcher, &'a [Type]);

/// The dispatcher of the class function inference chose, with its generic arguments:
/// an instantiation's type arguments (its impl's generics) before the call's own.
pub(super) fn class_function(call: &ClassCall, type_args: &[Type]) -> CgResult<MethodCallee> {
    let info = crate::class::lookup(&call.class).map_err(CgError::Internal)?;
    let dispatcher = info
        .functions(&call.method)
        .get(call.candidate)
        .map(|entry| entry.dispatcher)
        .ok_or_else(|| {
            CgError::Internal(format!(
                "`{}::{}` disappeared after inference",
                call.class.name, call.method
            ))
        })?;
    let mut args = info.type_args().to_vec();
    args.extend_from_slice(type_args);
    Ok((dispatcher, args))
}

impl FnCx<'_> {
    /// A call of `callee` for `type_args` with `args` (borrowed by the callee); the
    /// result is owned.
    pub(super) fn emit_call(
        &mut self,
        id: ExprId,
        (callee, type_args): CalleeRef<'_>,
        args: &[ExprId],
    ) -> CgResult<Option<Val>> {
        // The `Vec`s whose slices the arguments lend are kept until the call returns.
        let lent_before = self.lent.len();
        let Some(operands) = self.operands(args)? else {
            self.lent.truncate(lent_before);
            return Ok(None);
        };
        let values: Vec<Val> = operands.iter().map(|(v, _)| *v).collect();
        let result = self.call_values(id, (callee, type_args), &values)?;
        for (_, held) in operands {
            self.release(held)?;
        }
        self.end_lends(lent_before)?;
        Ok(Some(result))
    }

    /// A call of `callee` for `type_args` (for the call expression `id`) with evaluated
    /// arguments.
    pub(super) fn call_values(
        &mut self,
        id: ExprId,
        (callee, type_args): CalleeRef<'_>,
        values: &[Val],
    ) -> CgResult<Val> {
        let loc = self.ir.expr(id).loc;
        let target = self.m.instance(callee, type_args).map_err(|e| {
            if *e.kind() == ErrorKind::Limit {
                // Said at the call that reached the limit; a chain of notes down a
                // polymorphic recursion would only repeat it.
                return match e.location() {
                    Some(_) => e,
                    None => e.at(self.disp.location(loc)),
                };
            }
            let caller = match self.disp.describe_type_args(&self.type_args) {
                spec if spec.is_empty() => format!("`{}`", self.ir.name),
                spec => format!("`{}` ({spec})", self.ir.name),
            };
            e.with_notes(vec![format!(
                "note: required by the call in {caller} at {}",
                self.disp.location(loc)
            )])
        })?;
        let f = self.m.instances[target].func;
        let ret = self.m.instances[target].typed.ret.clone();
        self.checked_call(f, &ret, values)
    }

    /// A call of an internal function (`ModuleCx::declare`'s type: `{i1 status, ret}`,
    /// an indirect result's memory first) returning `ret`, with evaluated arguments: the
    /// result, once the status says the callee did not panic (else on to the panic exit).
    pub(super) fn checked_call(
        &mut self,
        f: impl Into<CallableValue<'static>>,
        ret: &Type,
        values: &[Val],
    ) -> CgResult<Val> {
        // An indirect result is written into a temporary of this call, passed first.
        let out = if is_indirect(ret) {
            Some(self.indirect_temp(ret, "call.out")?)
        } else {
            None
        };
        let values: Vec<_> = out
            .map(Into::into)
            .into_iter()
            .chain(values.iter().copied())
            .map(Into::into)
            .collect();
        let r = self
            .b()
            .build_call(f, &values, "call")?
            .try_as_basic_value()
            .basic()
            .expect("internal functions return a struct")
            .into_struct_value();
        let status = self
            .b()
            .build_extract_value(r, 0, "status")?
            .into_int_value();
        let ok = self.block("call.ok");
        let panicked = self.panic_block()?;
        crate::compiler::branch_unless_cold(self.ctx, self.b(), status, panicked, ok)?;
        self.b().position_at_end(ok);
        Ok(self.b().build_extract_value(r, 1, "value")?)
    }

    /// `v.name(args)`, `Class::name(args)`, or a property: a call of the class function
    /// `call` for `type_args`; `args` include the receiver, if any.
    pub(super) fn class_call(
        &mut self,
        id: ExprId,
        (call, type_args): (&ClassCall, &[Type]),
        args: &[ExprId],
    ) -> CgResult<Option<Val>> {
        let (callee, type_args) = class_function(call, type_args)?;
        self.emit_call(id, (callee, &type_args), args)
    }

    /// An operator on class instances (`a + b`, `-a`, `a += b`, `a < b`): calls of the
    /// class's operator methods `op`, with the operands evaluated once.
    pub(super) fn class_op(
        &mut self,
        id: ExprId,
        op: &ClassOp,
        operands: &[ExprId],
    ) -> CgResult<Option<Val>> {
        if let ClassOp::Structural(impls) = op {
            let (ExprKind::Binary(op, ..), [a, b]) = (&self.ir.expr(id).kind, operands) else {
                return Err(CgError::Internal("a structural `==` is binary".into()));
            };
            let classes = super::equality::ClassEqs { id, impls };
            let loc = self.ir.expr(id).loc;
            return self.structural_eq(*op, (*a, *b), Some(classes), loc);
        }
        let Some(ops) = self.operands(operands)? else {
            return Ok(None);
        };
        let values: Vec<Val> = ops.iter().map(|(v, _)| *v).collect();
        // Operator methods take no generic arguments.
        let method = |call: &ClassCall| class_function(call, &[]);
        let result = match op {
            ClassOp::Call(call) => {
                let (f, args) = method(call)?;
                self.call_values(id, (f, &args), &values)?
            }
            ClassOp::Negated(call) => {
                let (f, args) = method(call)?;
                let r = self.call_values(id, (f, &args), &values)?;
                self.b().build_not(r.into_int_value(), "ne")?.into()
            }
            ClassOp::ByPartialCmp { lt, eq, accepts } => {
                let (lt, eq) = (method(lt)?, method(eq)?);
                self.by_partial_cmp(id, ((lt.0, &lt.1), (eq.0, &eq.1)), *accepts, &values)?
            }
            ClassOp::Structural(_) => unreachable!("compared above"),
        };
        for (_, held) in ops {
            self.release(held)?;
        }
        Ok(Some(result))
    }

    /// `a > b`, `a <= b`, `a >= b` as Rust's default methods compute them: whether the
    /// generated `partial_cmp(a, b)` is one of `accepts`. It is `Less` if `lt(a, b)`, else
    /// `Greater` if `lt(b, a)`, else `Equal` if `eq(a, b)` (else none); each call only if
    /// the ones before it were false, as in the generated method.
    fn by_partial_cmp(
        &mut self,
        id: ExprId,
        (lt, eq): (CalleeRef<'_>, CalleeRef<'_>),
        accepts: Orderings,
        values: &[Val],
    ) -> CgResult<Val> {
        let bool_t = self.ctx.bool_type();
        let swapped: Vec<Val> = values.iter().rev().copied().collect();
        let merge = self.block("cmp.merge");
        let mut incoming = Vec::new();
        for (args, decided) in [(values, accepts.less), (&swapped[..], accepts.greater)] {
            let less = self.call_values(id, lt, args)?.into_int_value();
            let next = self.block("cmp.next");
            incoming.push((bool_t.const_int(u64::from(decided), false), self.current()));
            self.b().build_conditional_branch(less, merge, next)?;
            self.b().position_at_end(next);
        }
        let equal = self.call_values(id, eq, values)?.into_int_value();
        let last = if accepts.equal {
            equal
        } else {
            bool_t.const_zero()
        };
        incoming.push((last, self.current()));
        self.b().build_unconditional_branch(merge)?;
        self.b().position_at_end(merge);
        let phi = self.b().build_phi(bool_t, "cmp")?;
        for (v, from) in &incoming {
            phi.add_incoming(&[(v, *from)]);
        }
        Ok(phi.as_basic_value())
    }

    /// `v[i]` on a class instance: the address `index` / `index_mut` returns, and the
    /// operands the caller keeps (and releases) until its read or write through it is done.
    pub(super) fn class_index_ptr(
        &mut self,
        id: ExprId,
        op: &ClassOp,
        (base, index): (ExprId, ExprId),
    ) -> CgResult<Option<(PointerValue<'static>, Vec<Held>)>> {
        let Some(ops) = self.operands(&[base, index])? else {
            return Ok(None);
        };
        let ClassOp::Call(call) = op else {
            return Err(CgError::Internal("indexing is a plain call".into()));
        };
        let values: Vec<Val> = ops.iter().map(|(v, _)| *v).collect();
        let (f, args) = class_function(call, &[])?;
        let ptr = self
            .call_values(id, (f, &args), &values)?
            .into_pointer_value();
        Ok(Some((
            ptr,
            ops.into_iter().filter_map(|(_, h)| h).collect(),
        )))
    }

    /// `v[i]` read: a new reference to (or copy of) what `index` points at.
    pub(super) fn class_index_read(
        &mut self,
        id: ExprId,
        op: &ClassOp,
        (base, index): (ExprId, ExprId),
    ) -> CgResult<Option<Val>> {
        let Some((ptr, held)) = self.class_index_ptr(id, op, (base, index))? else {
            return Ok(None);
        };
        let t = self.ty(id).clone();
        let v = self.load_value(ptr, &t, true, "elem")?;
        self.copy_value(v, &t)?;
        for h in held {
            self.release(Some(h))?;
        }
        Ok(Some(v))
    }

    /// `sizeof::<T>()`, `alignof::<T>()`, `unsafe_cast::<T>(ptr)`, `construct_at::<T>(ptr,
    /// value)`, `destroy_at::<T>(ptr)`; see `crate::placement` for their meaning.
    pub(super) fn intrinsic(
        &mut self,
        id: ExprId,
        which: Intrinsic,
        args: &[ExprId],
    ) -> CgResult<Option<Val>> {
        let ExprKind::Intrinsic { ty, .. } = &self.ir.expr(id).kind else {
            return Err(CgError::Internal("not an intrinsic".into()));
        };
        let loc = self.ir.expr(id).loc;
        let resolved = self
            .disp
            .resolve_classes(ty, &self.type_args)
            .map_err(CgError::Internal)?;
        let t =
            jitclass_core::infer::concrete_type(&resolved, &self.type_args).ok_or_else(|| {
                CgError::Internal(format!("the type of `{}` is not concrete", which.name()))
            })?;
        let (size, align) = match &t {
            Type::Class(key) => {
                let layout = crate::class::lookup(key)
                    .map_err(CgError::Internal)?
                    .payload_layout();
                (layout.size() as u64, layout.align() as u64)
            }
            other => {
                let l = jitclass_core::layout::size_align(other);
                (l.size, l.align)
            }
        };
        let usize_t = self.ctx.i64_type();
        if let Intrinsic::SizeOf | Intrinsic::AlignOf = which {
            let v = if which == Intrinsic::SizeOf {
                size
            } else {
                align
            };
            return Ok(Some(usize_t.const_int(v, false).into()));
        }
        let Some(values) = self.owned_values(args)? else {
            return Ok(None);
        };
        // `construct_at`'s value stays held until it is moved: the check below may panic.
        let held = match which {
            Intrinsic::ConstructAt => {
                let vt = self.ty(args[1]).clone();
                self.hold(values[1], &vt)?
            }
            _ => None,
        };
        let ptr = values[0].into_pointer_value();
        let Type::Class(key) = t else {
            return Err(CgError::Internal(format!("`{}` of a `{t}`", which.name())));
        };
        // As in Rust: a null or misaligned place is refused, not dereferenced.
        let message = panics::misplaced_payload(which.name(), &key.name, align);
        self.check_payload_place(ptr, align, loc, &message)?;
        let i8p = self.ctx.i8_type().ptr_type(AddressSpace::default());
        let data = self.b().build_bit_cast(ptr, i8p, "data")?;
        let unmanaged = instance_type(self.ctx).const_zero();
        let instance: Val = self
            .b()
            .build_insert_value(unmanaged, data, 1, "unmanaged")?
            .into_struct_value()
            .into();
        let fields = crate::class::lookup(&key)
            .map_err(CgError::Internal)?
            .decoded_fields()
            .map_err(CgError::Internal)?;
        match which {
            Intrinsic::UnsafeCast => Ok(Some(instance)),
            Intrinsic::ConstructAt => {
                // The payload is copied field by field; each copy of a member is a new
                // reference, and the value (owned here) is dropped.
                self.take(held)?;
                let (value, vt) = (values[1], self.ty(args[1]).clone());
                for (i, field) in fields.iter().enumerate() {
                    let from = self.field_addr(value, &key, i as u32)?;
                    let to = self.field_addr(instance, &key, i as u32)?;
                    let v = self.load_value(from, &field.ty, true, "field")?;
                    self.write_value(to, v, &field.ty, true)?;
                    self.copy_value(v, &field.ty)?;
                }
                self.drop_value(value, &vt)?;
                Ok(Some(instance))
            }
            Intrinsic::DestroyAt => {
                for (i, field) in fields.iter().enumerate() {
                    let at = self.field_addr(instance, &key, i as u32)?;
                    if field.ty.is_managed() {
                        let v = self.load_value(at, &field.ty, true, "field")?;
                        self.drop_value(v, &field.ty)?;
                    }
                    self.zero_memory(at, &field.ty)?;
                }
                Ok(Some(self.unit()))
            }
            Intrinsic::SizeOf | Intrinsic::AlignOf => unreachable!("returned above"),
        }
    }

    /// The LLVM type of a class's payload.
    fn payload_type(&self, key: &ClassKey) -> CgResult<StructType<'static>> {
        let info = crate::class::lookup(key).map_err(CgError::Internal)?;
        let fields = info.decoded_fields().map_err(CgError::Internal)?;
        let types: Vec<_> = fields.iter().map(|f| mem_type(self.ctx, &f.ty)).collect();
        Ok(self.ctx.struct_type(&types, false))
    }

    /// The address of field `index` of the instance `instance`.
    fn field_addr(
        &mut self,
        instance: Val,
        key: &ClassKey,
        index: u32,
    ) -> CgResult<PointerValue<'static>> {
        let data = self
            .b()
            .build_extract_value(instance.into_struct_value(), 1, "data")?
            .into_pointer_value();
        let payload = self.payload_type(key)?;
        let typed = self
            .b()
            .build_bit_cast(data, payload.ptr_type(AddressSpace::default()), "payload")?
            .into_pointer_value();
        Ok(self.b().build_struct_gep(typed, index, "field")?)
    }

    /// The payload index of the field a `Field` place names.
    pub(super) fn field_index(&self, id: ExprId) -> CgResult<u32> {
        match self.typed.resolution(id) {
            Some(Resolution::Field(index)) => Ok(*index),
            _ => Err(CgError::Internal("a field place without its field".into())),
        }
    }

    /// The operator method `v[i]` calls on a class instance; `None` for a slice element.
    pub(super) fn index_operator(&self, id: ExprId) -> CgResult<Option<ClassOp>> {
        match self.typed.resolution(id) {
            Some(Resolution::ClassOp(op)) => Ok(Some(op.clone())),
            None => Ok(None),
            Some(other) => Err(CgError::Internal(format!("indexing resolved to {other:?}"))),
        }
    }

    pub(super) fn class_of(&self, e: ExprId) -> CgResult<ClassKey> {
        match self.ty(e) {
            Type::Class(k) => Ok(k.clone()),
            other => Err(CgError::Internal(format!("field of a `{other}`"))),
        }
    }

    /// `base.field`, the payload field `index`: a new reference to what the field holds.
    pub(super) fn field_read(
        &mut self,
        id: ExprId,
        base: ExprId,
        index: u32,
    ) -> CgResult<Option<Val>> {
        let Some(operands) = self.operands(&[base])? else {
            return Ok(None);
        };
        let (instance, held) = operands[0];
        let key = self.class_of(base)?;
        let ptr = self.field_addr(instance, &key, index)?;
        let t = self.ty(id).clone();
        let v = self.load_value(ptr, &t, true, "field")?;
        self.copy_value(v, &t)?;
        self.release(held)?;
        Ok(Some(v))
    }

    /// The address of `base.field` for an assignment; the instance is kept alive (in
    /// `place_temps`) until the assignment releases it.
    pub(super) fn field_ptr(
        &mut self,
        id: ExprId,
        base: ExprId,
    ) -> CgResult<Option<PointerValue<'static>>> {
        let Some(operands) = self.operands(&[base])? else {
            return Ok(None);
        };
        let (instance, held) = operands[0];
        self.place_temps.extend(held);
        let key = self.class_of(base)?;
        Ok(Some(self.field_addr(
            instance,
            &key,
            self.field_index(id)?,
        )?))
    }

    /// `Class { .. }`: allocates a zeroed instance and moves the values into its fields
    /// (`indices`: the payload index of each value's field).
    pub(super) fn struct_lit(
        &mut self,
        id: ExprId,
        (values, indices): (&[ExprId], &[u32]),
        loc: LocId,
    ) -> CgResult<Option<Val>> {
        let mut held = Vec::with_capacity(values.len());
        for v in values {
            let Some(val) = self.expr(*v)? else {
                return Ok(None);
            };
            let t = self.ty(*v).clone();
            held.push((val, t.clone(), self.hold(val, &t)?));
        }
        let key = self.class_of(id)?;
        // Checked before the allocation, so that a refusal has nothing to free.
        for ((val, t, _), (index, v)) in held.iter().zip(indices.iter().zip(values)) {
            let field = self.field_name(&key, *index)?;
            let loc = self.ir.expr(*v).loc;
            let sink = Sink::Field {
                class: self.certain_name(&key),
                field,
            };
            self.refuse_unmanaged(*val, t, loc, sink)?;
        }
        let info = crate::class::lookup(&key).map_err(CgError::Internal)?;
        // The block kind itself, not the class: the helper allocates without a lookup.
        let kind = info.block_kind().map_err(CgError::Internal)?;
        let alloc = self.m.helper(Helper::AllocBlock);
        // A fresh block, as from `malloc`: nothing else points into it, so LLVM may keep
        // its fields in registers across loops that read other memory.
        let noalias = inkwell::attributes::Attribute::get_named_enum_kind_id("noalias");
        alloc.add_attribute(
            inkwell::attributes::AttributeLoc::Return,
            self.ctx.create_enum_attribute(noalias, 0),
        );
        let kind_ptr = self
            .m
            .mapped_data("kind", kind as *const crate::memory::BlockKind as usize);
        let meminfo = self
            .b()
            .build_call(alloc, &[kind_ptr.into()], "meminfo")?
            .try_as_basic_value()
            .basic()
            .expect("returns a pointer")
            .into_pointer_value();
        let message = panics::allocation_failed(info.payload_layout().size(), &key.name);
        self.check_allocated(meminfo, loc, &message)?;
        let header = self
            .ctx
            .i64_type()
            .const_int(crate::memory::HEADER as u64, false);
        // SAFETY (of the generated code): the block is `HEADER` + payload bytes long.
        let data = unsafe { self.b().build_gep(meminfo, &[header], "data")? };
        // The helper leaves the payload to us: zeroed here, at a size LLVM knows, so that
        // the stores of the fields below replace the `memset` where they cover it.
        let size = self
            .ctx
            .i64_type()
            .const_int(kind.payload_size() as u64, false);
        self.b()
            .build_memset(data, 8, self.ctx.i8_type().const_zero(), size)
            .map_err(|e| CgError::Internal(e.to_string()))?;
        let instance = instance_type(self.ctx).get_undef();
        let instance = self.b().build_insert_value(instance, meminfo, 0, "inst")?;
        let instance: Val = self
            .b()
            .build_insert_value(instance, data, 1, "inst")?
            .into_struct_value()
            .into();
        for ((val, t, h), &index) in held.into_iter().zip(indices) {
            self.take(h)?;
            let ptr = self.field_addr(instance, &key, index)?;
            self.write_value(ptr, val, &t, true)?;
        }
        Ok(Some(instance))
    }
}
