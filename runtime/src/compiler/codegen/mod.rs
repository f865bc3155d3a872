//! Typed IR -> LLVM IR for one function instance.
//!
//! Rust semantics, never LLVM UB: integer arithmetic wraps (no `nsw`/`nuw`), division and
//! remainder check for zero and overflow, shifts mask their amount, float -> int casts
//! saturate (`fptosi.sat`), slice indexing checks bounds. A failed check calls the panic
//! helper and returns `{1, zero}`; every call site checks its callee's status.
//!
//! `expr` returns `None` when control cannot reach past the expression (it diverged); the
//! caller then stops emitting, so no code is ever emitted into a terminated block.
//!
//! Values of managed types (class instances, and options and tuples holding them) follow
//! the ownership rules in `ownership.rs`; class fields, literals and calls are emitted by
//! `classes.rs`, `for` loops over ranges by `ranges.rs`.

pub(crate) mod c_calls;
mod classes;
mod escape;
mod math;
mod ownership;
mod ranges;

use super::types::{from_mem, int_type, reg_type, result_type, to_mem};
use super::{CgError, CgResult, ModuleCx};
use crate::Type;
use crate::panic::{self, PanicSite};
use inkwell::basic_block::BasicBlock;
use inkwell::builder::Builder;
use inkwell::context::Context;
use inkwell::intrinsics::Intrinsic;
use inkwell::module::Linkage;
use inkwell::types::{BasicType, BasicTypeEnum};
use inkwell::values::{BasicValueEnum, FloatValue, FunctionValue, IntValue, PointerValue};
use inkwell::{AddressSpace, FloatPredicate, IntPredicate};
use jitclass_core::PrimTy;
use jitclass_core::infer::Typed;
use jitclass_core::ir::*;
use jitclass_core::methods::{Builtin, OptionMethod};
use std::collections::HashMap;
use std::rc::Rc;

type Val = BasicValueEnum<'static>;

/// The integer predicate of a comparison operator.
fn int_predicate(op: BinOp, signed: bool) -> IntPredicate {
    match (op, signed) {
        (BinOp::Eq, _) => IntPredicate::EQ,
        (BinOp::Ne, _) => IntPredicate::NE,
        (BinOp::Lt, true) => IntPredicate::SLT,
        (BinOp::Lt, false) => IntPredicate::ULT,
        (BinOp::Le, true) => IntPredicate::SLE,
        (BinOp::Le, false) => IntPredicate::ULE,
        (BinOp::Gt, true) => IntPredicate::SGT,
        (BinOp::Gt, false) => IntPredicate::UGT,
        (BinOp::Ge, true) => IntPredicate::SGE,
        (BinOp::Ge, false) => IntPredicate::UGE,
        _ => unreachable!("{} is not a comparison", op.symbol()),
    }
}

pub(super) fn emit_body(m: &mut ModuleCx, index: usize) -> CgResult<()> {
    let inst = &m.instances[index];
    let ctx = m.ctx;
    let func = inst.func;
    let mut cx = FnCx {
        ctx,
        disp: inst.disp,
        ir: inst.ir,
        typed: Rc::clone(&inst.typed),
        type_args: inst.type_args.clone(),
        func,
        prologue: ctx.create_builder(),
        m,
        locals: Vec::new(),
        owned_locals: Vec::new(),
        temps: Vec::new(),
        free_temps: Vec::new(),
        place_temps: Vec::new(),
        counters: HashMap::new(),
        loops: HashMap::new(),
        panic_block: None,
        panic_args: None,
        return_block: None,
        return_slot: None,
    };
    cx.emit()
}

struct LoopFrame {
    continue_bb: BasicBlock<'static>,
    exit_bb: BasicBlock<'static>,
    breaks: Vec<(Val, BasicBlock<'static>)>,
}

struct FnCx<'m> {
    ctx: &'static Context,
    m: &'m mut ModuleCx,
    disp: &'static crate::Dispatcher,
    ir: &'static FnIr,
    typed: Rc<Typed>,
    type_args: Vec<Type>,
    func: FunctionValue<'static>,
    /// Positioned in the entry block, before its branch to the body: where stack slots
    /// (allocas) and their zero initialisation go, whenever codegen needs a new one.
    prologue: Builder<'static>,
    locals: Vec<PointerValue<'static>>,
    /// Per local: whether its slot owns a reference (a managed local that is not a
    /// borrowed, immutable parameter); every exit drops what owned slots hold.
    owned_locals: Vec<bool>,
    /// Slots of managed temporaries (see `ownership.rs`); every exit drops them.
    temps: Vec<(PointerValue<'static>, Type)>,
    /// Indices of `temps` not holding anything on the path being emitted.
    free_temps: Vec<usize>,
    /// Temporaries a place expression (the instance of an assigned field) keeps until
    /// the assignment is done.
    place_temps: Vec<ownership::Held>,
    /// The hidden counter of each `for` loop.
    counters: HashMap<ExprId, PointerValue<'static>>,
    loops: HashMap<ExprId, LoopFrame>,
    /// Returns `{1, zero}`: where a panic leaves the function.
    panic_block: Option<BasicBlock<'static>>,
    /// Stack space for panic message arguments, sized for the largest panic.
    panic_args: Option<PointerValue<'static>>,
    /// Where every `return` goes: it drops the owned slots, then returns `return_slot`.
    return_block: Option<BasicBlock<'static>>,
    return_slot: Option<PointerValue<'static>>,
}

impl FnCx<'_> {
    fn b(&self) -> &Builder<'static> {
        &self.m.builder
    }

    fn ty(&self, e: ExprId) -> &Type {
        &self.typed.expr_types[e.index()]
    }

    fn unit(&self) -> Val {
        self.ctx.struct_type(&[], false).const_zero().into()
    }

    fn block(&self, name: &str) -> BasicBlock<'static> {
        self.ctx.append_basic_block(self.func, name)
    }

    fn current(&self) -> BasicBlock<'static> {
        self.b().get_insert_block().expect("builder is positioned")
    }

    fn emit(&mut self) -> CgResult<()> {
        let entry = self.block("entry");
        let body = self.block("body");
        self.b().position_at_end(entry);
        let to_body = self.b().build_unconditional_branch(body)?;
        self.prologue.position_before(&to_body);
        // Every local lives in a zeroed stack slot of the entry block; mem2reg promotes them.
        for (i, t) in self.typed.local_types.iter().enumerate() {
            let slot = self.slot(reg_type(self.ctx, t), &self.ir.locals[i].name)?;
            self.locals.push(slot);
        }
        let mut max_panic_args = 2; // bounds checks format two numbers
        for (i, e) in self.ir.exprs.iter().enumerate() {
            match &e.kind {
                ExprKind::ForRange { var, .. } => {
                    let ty = reg_type(self.ctx, &self.typed.local_types[var.index()]);
                    let slot = self.prologue.build_alloca(ty, "for.counter")?;
                    self.counters.insert(ExprId(i as u32), slot);
                }
                ExprKind::Panic(msg) => max_panic_args = max_panic_args.max(msg.args.len()),
                _ => {}
            }
        }
        let arg_ty = self.panic_arg_type();
        let array = arg_ty.array_type(max_panic_args as u32);
        self.panic_args = Some(self.prologue.build_alloca(array, "panic.args")?);
        let ret_ty = reg_type(self.ctx, &self.typed.ret);
        self.return_slot = Some(self.prologue.build_alloca(ret_ty, "ret")?);
        self.return_block = Some(self.block("return"));
        self.b().position_at_end(body);
        let params: Vec<LocalId> = self.ir.params.iter().map(|p| p.local).collect();
        // `self` is never reassigned (`&mut self` only makes its fields assignable).
        let self_param = self.ir.receiver.map(|_| params[0]);
        self.owned_locals = self
            .typed
            .local_types
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let l = LocalId(i as u32);
                let reassignable_param = self.ir.local(l).mutable && Some(l) != self_param;
                t.is_managed() && (!params.contains(&l) || reassignable_param)
            })
            .collect();
        for (i, l) in params.iter().enumerate() {
            let v = self
                .func
                .get_nth_param(i as u32)
                .expect("declared with every parameter");
            self.b().build_store(self.locals[l.index()], v)?;
            // Arguments are borrowed; a parameter the body may reassign owns its value.
            if self.owned_locals[l.index()] {
                let t = self.typed.local_types[l.index()].clone();
                self.copy_value(v, &t)?;
            }
        }
        if let Some(v) = self.expr(self.ir.body)? {
            self.emit_return(v)?;
        }
        self.finish_exits()
    }

    /// A zero-initialised stack slot in the entry block.
    fn slot(&self, ty: BasicTypeEnum<'static>, name: &str) -> CgResult<PointerValue<'static>> {
        let slot = self.prologue.build_alloca(ty, name)?;
        self.prologue.build_store(slot, ty.const_zero())?;
        Ok(slot)
    }

    /// Leaves through the return block, which drops the owned slots first.
    fn emit_return(&mut self, v: Val) -> CgResult<()> {
        self.b()
            .build_store(self.return_slot.expect("made in the prologue"), v)?;
        self.b()
            .build_unconditional_branch(self.return_block.expect("made in the prologue"))?;
        Ok(())
    }

    /// Fills the return and panic blocks, now that every slot is known.
    fn finish_exits(&mut self) -> CgResult<()> {
        let rt = result_type(self.ctx, &self.typed.ret);
        self.b()
            .position_at_end(self.return_block.expect("made in the prologue"));
        self.drop_owned_slots()?;
        let v = self
            .b()
            .build_load(self.return_slot.expect("made in the prologue"), "ret")?;
        let r = self.b().build_insert_value(
            rt.get_undef(),
            self.ctx.bool_type().const_zero(),
            0,
            "r",
        )?;
        let r = self.b().build_insert_value(r, v, 1, "r")?;
        self.b().build_return(Some(&r.into_struct_value()))?;
        if let Some(bb) = self.panic_block {
            self.b().position_at_end(bb);
            self.drop_owned_slots()?;
            let r = self.b().build_insert_value(
                rt.const_zero(),
                self.ctx.bool_type().const_int(1, false),
                0,
                "r",
            )?;
            self.b().build_return(Some(&r.into_struct_value()))?;
        }
        Ok(())
    }

    fn panic_block(&mut self) -> CgResult<BasicBlock<'static>> {
        if let Some(bb) = self.panic_block {
            return Ok(bb);
        }
        // Filled by `finish_exits`.
        let bb = self.block("panicked");
        self.panic_block = Some(bb);
        Ok(bb)
    }

    // ---- panics ---------------------------------------------------------------------

    fn panic_arg_type(&self) -> inkwell::types::StructType<'static> {
        self.ctx.struct_type(
            &[self.ctx.i8_type().into(), self.ctx.i64_type().into()],
            false,
        )
    }

    /// Calls the panic helper with a message made of `pieces` and `args`, then leaves.
    fn emit_panic(
        &mut self,
        loc: LocId,
        pieces: Vec<String>,
        debug: Vec<bool>,
        args: &[(Val, Type)],
    ) -> CgResult<()> {
        let site = Box::leak(Box::new(PanicSite {
            pieces,
            debug,
            location: self.disp.location(loc),
            function: self.disp.name().to_string(),
        }));
        let i8p = self.ctx.i8_type().ptr_type(AddressSpace::default());
        let arg_ty = self.panic_arg_type();
        let array = self.panic_args.expect("allocated in the prologue");
        let zero = self.ctx.i32_type().const_zero();
        for (i, (v, t)) in args.iter().enumerate() {
            let (kind, bits) = self.panic_arg_bits(*v, t)?;
            let idx = self.ctx.i32_type().const_int(i as u64, false);
            // SAFETY: `i` is below the array length, which is the largest panic's arity.
            let slot = unsafe { self.b().build_in_bounds_gep(array, &[zero, idx], "arg")? };
            let kind_ptr = self.b().build_struct_gep(slot, 0, "kind")?;
            let bits_ptr = self.b().build_struct_gep(slot, 1, "bits")?;
            self.b().build_store(
                kind_ptr,
                self.ctx.i8_type().const_int(u64::from(kind), false),
            )?;
            self.b().build_store(bits_ptr, bits)?;
        }
        let helper = match self.m.module.get_function(panic::RT_PANIC) {
            Some(f) => f,
            None => {
                let fn_ty = self.ctx.void_type().fn_type(
                    &[
                        i8p.into(),
                        arg_ty.ptr_type(AddressSpace::default()).into(),
                        self.ctx.i64_type().into(),
                    ],
                    false,
                );
                self.m
                    .module
                    .add_function(panic::RT_PANIC, fn_ty, Some(Linkage::External))
            }
        };
        let site_ptr = self
            .ctx
            .i64_type()
            .const_int(site as *const PanicSite as u64, false)
            .const_to_pointer(i8p);
        let first =
            self.b()
                .build_bit_cast(array, arg_ty.ptr_type(AddressSpace::default()), "args")?;
        let n = self.ctx.i64_type().const_int(args.len() as u64, false);
        self.b()
            .build_call(helper, &[site_ptr.into(), first.into(), n.into()], "")?;
        let bb = self.panic_block()?;
        self.b().build_unconditional_branch(bb)?;
        Ok(())
    }

    fn panic_arg_bits(&self, v: Val, t: &Type) -> CgResult<(u8, IntValue<'static>)> {
        let b = self.b();
        let i64t = self.ctx.i64_type();
        let p = t
            .prim()
            .ok_or_else(|| CgError::Internal(format!("panic argument of type {t}")))?;
        Ok(match p {
            PrimTy::Bool => (
                panic::ARG_BOOL,
                b.build_int_z_extend(v.into_int_value(), i64t, "a")?,
            ),
            PrimTy::F32 => {
                let bits = b
                    .build_bit_cast(v, self.ctx.i32_type(), "a")?
                    .into_int_value();
                (panic::ARG_F32, b.build_int_z_extend(bits, i64t, "a")?)
            }
            PrimTy::F64 => (
                panic::ARG_F64,
                b.build_bit_cast(v, i64t, "a")?.into_int_value(),
            ),
            p if p.is_signed() => (
                panic::ARG_SIGNED,
                b.build_int_s_extend_or_bit_cast(v.into_int_value(), i64t, "a")?,
            ),
            _ => (
                panic::ARG_UNSIGNED,
                b.build_int_z_extend_or_bit_cast(v.into_int_value(), i64t, "a")?,
            ),
        })
    }

    /// Branches to a panic with a fixed message when `failed` holds.
    fn check(&mut self, failed: IntValue<'static>, loc: LocId, message: &str) -> CgResult<()> {
        self.check_with(failed, loc, vec![message.to_string()], &[])
    }

    fn check_with(
        &mut self,
        failed: IntValue<'static>,
        loc: LocId,
        pieces: Vec<String>,
        args: &[(Val, Type)],
    ) -> CgResult<()> {
        let fail = self.block("check.fail");
        let ok = self.block("check.ok");
        crate::compiler::branch_unless_cold(self.ctx, self.b(), failed, fail, ok)?;
        self.b().position_at_end(fail);
        let debug = vec![false; args.len()];
        self.emit_panic(loc, pieces, debug, args)?;
        self.b().position_at_end(ok);
        Ok(())
    }

    // ---- expressions ----------------------------------------------------------------

    fn exprs(&mut self, ids: &[ExprId]) -> CgResult<Option<Vec<Val>>> {
        let mut out = Vec::with_capacity(ids.len());
        for id in ids {
            match self.expr(*id)? {
                Some(v) => out.push(v),
                None => return Ok(None),
            }
        }
        Ok(Some(out))
    }

    fn expr(&mut self, id: ExprId) -> CgResult<Option<Val>> {
        jitclass_core::stack::deep(|| self.expr_unguarded(id))
    }

    fn expr_unguarded(&mut self, id: ExprId) -> CgResult<Option<Val>> {
        let ir = self.ir;
        let e = ir.expr(id);
        let loc = e.loc;
        Ok(Some(match &e.kind {
            ExprKind::Lit(lit) => self.lit(lit, self.ty(id).clone()),
            ExprKind::Local(l) => {
                // A read makes a new reference: the local keeps its own.
                let v = self.b().build_load(self.locals[l.index()], "load")?;
                let t = self.ty(id).clone();
                self.copy_value(v, &t)?;
                v
            }
            ExprKind::Unary(_, inner) if self.typed.class_ops.contains_key(&id) => {
                return self.class_op(id, &[*inner]);
            }
            ExprKind::Binary(_, a, b) | ExprKind::CompoundAssign(_, a, b)
                if self.typed.class_ops.contains_key(&id) =>
            {
                return self.class_op(id, &[*a, *b]);
            }
            ExprKind::Unary(op, inner) => {
                let Some(v) = self.expr(*inner)? else {
                    return Ok(None);
                };
                let t = self.ty(*inner).clone();
                match (op, t.prim()) {
                    (UnOp::Neg, Some(p)) if p.is_float() => self
                        .b()
                        .build_float_neg(v.into_float_value(), "neg")?
                        .into(),
                    (UnOp::Neg, _) => self.b().build_int_neg(v.into_int_value(), "neg")?.into(),
                    (UnOp::Not, _) => self.b().build_not(v.into_int_value(), "not")?.into(),
                }
            }
            ExprKind::Binary(BinOp::And, a, b) => return self.short_circuit(true, *a, *b),
            ExprKind::Binary(BinOp::Or, a, b) => return self.short_circuit(false, *a, *b),
            ExprKind::Binary(op, a, b) if self.ty(*a).is_managed() => {
                // Handles compare by identity; the comparison borrows its operands.
                let Some(operands) = self.operands(&[*a, *b])? else {
                    return Ok(None);
                };
                let (ta, tb) = (self.ty(*a).clone(), self.ty(*b).clone());
                let v = self.binop(*op, operands[0].0, operands[1].0, &ta, &tb, loc)?;
                for (_, held) in operands {
                    self.release(held)?;
                }
                v
            }
            ExprKind::Binary(op, a, b) => {
                let Some(x) = self.expr(*a)? else {
                    return Ok(None);
                };
                let Some(y) = self.expr(*b)? else {
                    return Ok(None);
                };
                let (ta, tb) = (self.ty(*a).clone(), self.ty(*b).clone());
                self.binop(*op, x, y, &ta, &tb, loc)?
            }
            // A `#[setter]` property: `set_name(base, value)`.
            ExprKind::Assign(place, value) if self.typed.class_calls.contains_key(&id) => {
                let ExprKind::Field(base, _) = self.ir.expr(*place).kind else {
                    return Err(CgError::Internal("a setter call without a field".into()));
                };
                return self.class_call(id, &[base, *value]);
            }
            ExprKind::Assign(place, value) => {
                // Rust evaluates the assigned value before the place.
                let Some(v) = self.expr(*value)? else {
                    return Ok(None);
                };
                let t = self.ty(*place).clone();
                let held = self.hold(v, &t)?;
                let Some((ptr, in_memory)) = self.place(*place)? else {
                    return Ok(None);
                };
                self.refuse_unmanaged_in_place(v, &t, *place, loc)?;
                self.take(held)?;
                self.store(ptr, in_memory, v, &t)?;
                self.release_place_temps()?;
                self.unit()
            }
            ExprKind::CompoundAssign(op, place, value) => {
                let Some(v) = self.expr(*value)? else {
                    return Ok(None);
                };
                let Some((ptr, in_memory)) = self.place(*place)? else {
                    return Ok(None);
                };
                let (t, tv) = (self.ty(*place).clone(), self.ty(*value).clone());
                let old = self.b().build_load(ptr, "old")?;
                let old = if in_memory {
                    from_mem(self.ctx, self.b(), old, &t)?
                } else {
                    old
                };
                let new = self.binop(*op, old, v, &t, &tv, loc)?;
                self.refuse_unmanaged_in_place(new, &t, *place, loc)?;
                self.store(ptr, in_memory, new, &t)?;
                self.release_place_temps()?;
                self.unit()
            }
            ExprKind::Cast(inner, _) => {
                let Some(v) = self.expr(*inner)? else {
                    return Ok(None);
                };
                let (from, to) = (self.ty(*inner).clone(), self.ty(id).clone());
                self.cast(v, &from, &to)?
            }
            ExprKind::Block(block) => return self.block_expr(block),
            ExprKind::If {
                cond,
                then_branch,
                else_branch,
            } => {
                return self.if_expr(id, *cond, *then_branch, *else_branch);
            }
            ExprKind::While { cond, body } => return self.while_expr(id, *cond, *body),
            ExprKind::Loop { body } => return self.loop_expr(id, *body),
            ExprKind::ForRange {
                var,
                start,
                end,
                inclusive,
                step,
                order,
                body,
            } => {
                let range = ranges::RangeLoop {
                    var: *var,
                    start: *start,
                    end: *end,
                    inclusive: *inclusive,
                    step: *step,
                    order: *order,
                    body: *body,
                };
                return self.for_range(id, range);
            }
            ExprKind::Break { target, value } => {
                let v = match value {
                    Some(v) => match self.expr(*v)? {
                        Some(v) => v,
                        None => return Ok(None),
                    },
                    None => self.unit(),
                };
                let here = self.current();
                let frame = self.loops.get_mut(target).expect("break inside its loop");
                frame.breaks.push((v, here));
                let exit = frame.exit_bb;
                self.b().build_unconditional_branch(exit)?;
                return Ok(None);
            }
            ExprKind::Continue { target } => {
                let cont = self.loops[target].continue_bb;
                self.b().build_unconditional_branch(cont)?;
                return Ok(None);
            }
            ExprKind::Return(value) => {
                let v = match value {
                    Some(v) => match self.expr(*v)? {
                        Some(v) => v,
                        None => return Ok(None),
                    },
                    None => self.unit(),
                };
                self.emit_return(v)?;
                return Ok(None);
            }
            ExprKind::Tuple(es) => {
                let Some(vals) = self.owned_values(es)? else {
                    return Ok(None);
                };
                let ty = reg_type(self.ctx, self.ty(id)).into_struct_type();
                let mut agg = ty.get_undef();
                for (i, v) in vals.into_iter().enumerate() {
                    agg = self
                        .b()
                        .build_insert_value(agg, v, i as u32, "tuple")?
                        .into_struct_value();
                }
                agg.into()
            }
            ExprKind::TupleField(base, index) => {
                let Some(v) = self.expr(*base)? else {
                    return Ok(None);
                };
                let elem = self
                    .b()
                    .build_extract_value(v.into_struct_value(), *index, "field")?;
                // The element gets its own reference; the rest of the tuple is dropped.
                let (te, tt) = (self.ty(id).clone(), self.ty(*base).clone());
                self.copy_value(elem, &te)?;
                self.drop_value(v, &tt)?;
                elem
            }
            ExprKind::Index(base, index) if self.typed.class_ops.contains_key(&id) => {
                return self.class_index_read(id, *base, *index);
            }
            ExprKind::AddrOf { place, .. } => {
                let Some((ptr, _)) = self.place(*place)? else {
                    return Ok(None);
                };
                // `self`'s fields: the instance outlives the address (see `classes.rs`).
                self.release_place_temps()?;
                ptr.into()
            }
            ExprKind::Index(base, index) => {
                let Some(ptr) = self.element_ptr(*base, *index, loc)? else {
                    return Ok(None);
                };
                let v = self.b().build_load(ptr, "elem")?;
                let t = self.ty(id).clone();
                let v = from_mem(self.ctx, self.b(), v, &t)?;
                // The slice keeps its element; the read is another reference.
                self.copy_value(v, &t)?;
                v
            }
            ExprKind::Call { callee, args } => {
                let callee_disp = (self.disp.info().refs[callee.index()])();
                if callee_disp.is_foreign() {
                    return self.foreign_call(callee_disp, args);
                }
                return self.emit_call(id, callee_disp, args);
            }
            ExprKind::CallIndirect { callee, args } => return self.call_indirect(*callee, args),
            ExprKind::FnRef(item) => self.fn_ref(*item)?,
            ExprKind::ForEach {
                var,
                iterable,
                body,
            } => return self.for_each_expr(id, *var, *iterable, *body),
            ExprKind::MethodCall { receiver, args, .. } => {
                if self.typed.class_calls.contains_key(&id) {
                    let mut all = vec![*receiver];
                    all.extend_from_slice(args);
                    return self.class_call(id, &all);
                }
                let mut all = vec![*receiver];
                all.extend_from_slice(args);
                let Some(vals) = self.owned_values(&all)? else {
                    return Ok(None);
                };
                let builtin = self.typed.methods[&id];
                let rt = self.ty(*receiver).clone();
                self.builtin(builtin, vals[0], &vals[1..], &rt, loc)?
            }
            ExprKind::AssocCall { args, .. } => return self.class_call(id, args),
            ExprKind::Intrinsic { which, args, .. } => return self.intrinsic(id, *which, args),
            ExprKind::ObjMode { index, args, .. } => return self.objmode(id, *index, args),
            // A `#[getter]` property.
            ExprKind::Field(base, _) if self.typed.class_calls.contains_key(&id) => {
                return self.class_call(id, &[*base]);
            }
            ExprKind::Field(base, _) => return self.field_read(id, *base),
            ExprKind::StructLit { fields, .. } => {
                let values: Vec<ExprId> = fields.iter().map(|(_, e)| *e).collect();
                return self.struct_lit(id, &values, loc);
            }
            ExprKind::Some(inner) => {
                let Some(v) = self.expr(*inner)? else {
                    return Ok(None);
                };
                let ty = reg_type(self.ctx, self.ty(id)).into_struct_type();
                let some = self.b().build_insert_value(
                    ty.const_zero(),
                    self.ctx.bool_type().const_int(1, false),
                    0,
                    "some",
                )?;
                self.b()
                    .build_insert_value(some, v, 1, "some")?
                    .into_struct_value()
                    .into()
            }
            ExprKind::None => reg_type(self.ctx, self.ty(id)).const_zero(),
            ExprKind::IfLetSome {
                pattern,
                scrutinee,
                then_branch,
                else_branch,
            } => {
                return self.if_let_expr(id, pattern, *scrutinee, *then_branch, *else_branch);
            }
            ExprKind::Panic(msg) => {
                let Some(vals) = self.exprs(&msg.args)? else {
                    return Ok(None);
                };
                let args: Vec<(Val, Type)> = vals
                    .into_iter()
                    .zip(msg.args.iter().map(|a| self.ty(*a).clone()))
                    .collect();
                self.emit_panic(loc, msg.pieces.clone(), msg.debug.clone(), &args)?;
                return Ok(None);
            }
        }))
    }

    fn lit(&self, lit: &Lit, t: Type) -> Val {
        match (lit, t) {
            (Lit::Int(v, _), Type::Prim(p)) if p.is_int() => {
                int_type(self.ctx, p).const_int(*v as u64, false).into()
            }
            (Lit::Float(v, _), Type::Prim(PrimTy::F32)) => {
                self.ctx.f32_type().const_float(f64::from(v.f32)).into()
            }
            (Lit::Float(v, _), Type::Prim(_)) => self.ctx.f64_type().const_float(v.f64).into(),
            (Lit::Bool(v), _) => self.ctx.bool_type().const_int(u64::from(*v), false).into(),
            _ => self.unit(),
        }
    }

    /// `a && b` / `a || b`, evaluating `b` only when needed.
    fn short_circuit(&mut self, is_and: bool, a: ExprId, b: ExprId) -> CgResult<Option<Val>> {
        let Some(x) = self.expr(a)? else {
            return Ok(None);
        };
        let from_a = self.current();
        let rhs = self.block(if is_and { "and.rhs" } else { "or.rhs" });
        let merge = self.block("sc.merge");
        if is_and {
            self.b()
                .build_conditional_branch(x.into_int_value(), rhs, merge)?;
        } else {
            self.b()
                .build_conditional_branch(x.into_int_value(), merge, rhs)?;
        }
        self.b().position_at_end(rhs);
        let y = self.expr(b)?;
        let from_b = self.current();
        if y.is_some() {
            self.b().build_unconditional_branch(merge)?;
        }
        self.b().position_at_end(merge);
        let phi = self.b().build_phi(self.ctx.bool_type(), "sc")?;
        let short = self.ctx.bool_type().const_int(u64::from(!is_and), false);
        phi.add_incoming(&[(&short, from_a)]);
        if let Some(y) = y {
            phi.add_incoming(&[(&y, from_b)]);
        }
        Ok(Some(phi.as_basic_value()))
    }

    fn binop(
        &mut self,
        op: BinOp,
        x: Val,
        y: Val,
        t: &Type,
        ty_rhs: &Type,
        loc: LocId,
    ) -> CgResult<Val> {
        if let Type::Ptr { .. } | Type::PassThru(_) | Type::FnPtr { .. } = t {
            // Pointers compare by address, handles by identity (the value's address);
            // inference allows `==` and `!=` only.
            let (x, y) = if let Type::PassThru(_) = t {
                let data = |v: Val| {
                    self.b()
                        .build_extract_value(v.into_struct_value(), 1, "data")
                };
                (data(x)?, data(y)?)
            } else {
                (x, y)
            };
            let i64t = self.ctx.i64_type();
            let a = self
                .b()
                .build_ptr_to_int(x.into_pointer_value(), i64t, "a")?;
            let b = self
                .b()
                .build_ptr_to_int(y.into_pointer_value(), i64t, "b")?;
            return Ok(self
                .b()
                .build_int_compare(int_predicate(op, false), a, b, "ptreq")?
                .into());
        }
        let p = t
            .prim()
            .ok_or_else(|| CgError::Internal(format!("binary operator on {t}")))?;
        if p.is_float() {
            return self.float_binop(op, x.into_float_value(), y.into_float_value());
        }
        let (x, y) = (x.into_int_value(), y.into_int_value());
        let signed = p.is_signed();
        let b = self.b();
        Ok(match op {
            BinOp::Add => b.build_int_add(x, y, "add")?.into(),
            BinOp::Sub => b.build_int_sub(x, y, "sub")?.into(),
            BinOp::Mul => b.build_int_mul(x, y, "mul")?.into(),
            BinOp::Div | BinOp::Rem => return self.int_div(op, x, y, signed, loc),
            BinOp::BitAnd => b.build_and(x, y, "and")?.into(),
            BinOp::BitOr => b.build_or(x, y, "or")?.into(),
            BinOp::BitXor => b.build_xor(x, y, "xor")?.into(),
            BinOp::Shl | BinOp::Shr => {
                let bits = p.bits();
                let amount = b.build_int_cast_sign_flag(y, x.get_type(), false, "amt")?;
                let _ = ty_rhs;
                let mask = x.get_type().const_int(u64::from(bits - 1), false);
                let amount = b.build_and(amount, mask, "amt")?;
                if op == BinOp::Shl {
                    b.build_left_shift(x, amount, "shl")?.into()
                } else {
                    b.build_right_shift(x, amount, signed, "shr")?.into()
                }
            }
            BinOp::Eq | BinOp::Ne | BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge => b
                .build_int_compare(int_predicate(op, signed), x, y, "cmp")?
                .into(),
            BinOp::And | BinOp::Or => {
                unreachable!("short-circuit operators are lowered separately")
            }
        })
    }

    fn float_binop(
        &self,
        op: BinOp,
        x: FloatValue<'static>,
        y: FloatValue<'static>,
    ) -> CgResult<Val> {
        let b = self.b();
        Ok(match op {
            BinOp::Add => b.build_float_add(x, y, "fadd")?.into(),
            BinOp::Sub => b.build_float_sub(x, y, "fsub")?.into(),
            BinOp::Mul => b.build_float_mul(x, y, "fmul")?.into(),
            BinOp::Div => b.build_float_div(x, y, "fdiv")?.into(),
            BinOp::Rem => b.build_float_rem(x, y, "frem")?.into(),
            BinOp::Eq | BinOp::Ne | BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge => {
                // Ordered predicates, except `!=`: NaN compares unequal to everything.
                let pred = match op {
                    BinOp::Eq => FloatPredicate::OEQ,
                    BinOp::Ne => FloatPredicate::UNE,
                    BinOp::Lt => FloatPredicate::OLT,
                    BinOp::Le => FloatPredicate::OLE,
                    BinOp::Gt => FloatPredicate::OGT,
                    _ => FloatPredicate::OGE,
                };
                b.build_float_compare(pred, x, y, "fcmp")?.into()
            }
            other => {
                return Err(CgError::Internal(format!(
                    "float operator {}",
                    other.symbol()
                )));
            }
        })
    }

    /// Integer `/` and `%` with Rust's panics instead of LLVM's undefined behaviour.
    fn int_div(
        &mut self,
        op: BinOp,
        x: IntValue<'static>,
        y: IntValue<'static>,
        signed: bool,
        loc: LocId,
    ) -> CgResult<Val> {
        let ty = x.get_type();
        let is_zero =
            self.b()
                .build_int_compare(IntPredicate::EQ, y, ty.const_zero(), "divzero")?;
        let (zero_msg, overflow_msg) = if op == BinOp::Div {
            (
                "attempt to divide by zero",
                "attempt to divide with overflow",
            )
        } else {
            (
                "attempt to calculate the remainder with a divisor of zero",
                "attempt to calculate the remainder with overflow",
            )
        };
        self.check(is_zero, loc, zero_msg)?;
        if signed {
            let bits = ty.get_bit_width();
            let min = ty.const_int(1u64 << (bits - 1), false);
            let is_min = self
                .b()
                .build_int_compare(IntPredicate::EQ, x, min, "ismin")?;
            let is_neg1 =
                self.b()
                    .build_int_compare(IntPredicate::EQ, y, ty.const_all_ones(), "isneg1")?;
            let overflow = self.b().build_and(is_min, is_neg1, "overflow")?;
            self.check(overflow, loc, overflow_msg)?;
        }
        let b = self.b();
        Ok(match (op, signed) {
            (BinOp::Div, true) => b.build_int_signed_div(x, y, "sdiv")?.into(),
            (BinOp::Div, false) => b.build_int_unsigned_div(x, y, "udiv")?.into(),
            (_, true) => b.build_int_signed_rem(x, y, "srem")?.into(),
            (_, false) => b.build_int_unsigned_rem(x, y, "urem")?.into(),
        })
    }

    fn cast(&mut self, v: Val, from: &Type, to: &Type) -> CgResult<Val> {
        // Raw pointers to and from addresses, and between pointee types.
        match (from, to) {
            // Inference admits only a function pointer's own type.
            (Type::FnPtr { .. }, Type::FnPtr { .. }) => return Ok(v),
            (Type::Ptr { .. }, Type::Ptr { .. }) => {
                let target = reg_type(self.ctx, to);
                return Ok(self.b().build_bit_cast(v, target, "cast")?);
            }
            (Type::Ptr { .. }, Type::Prim(p)) => {
                let target = int_type(self.ctx, *p);
                let p = v.into_pointer_value();
                return Ok(self.b().build_ptr_to_int(p, target, "addr")?.into());
            }
            (Type::Prim(p), Type::Ptr { .. }) => {
                // Through `usize`, as Rust does: a signed integer sign-extends.
                let i64t = self.ctx.i64_type();
                let address = self.b().build_int_cast_sign_flag(
                    v.into_int_value(),
                    i64t,
                    p.is_signed(),
                    "addr",
                )?;
                let target = reg_type(self.ctx, to).into_pointer_type();
                return Ok(self.b().build_int_to_ptr(address, target, "ptr")?.into());
            }
            _ => {}
        }
        let (Some(f), Some(t)) = (from.prim(), to.prim()) else {
            return Ok(v);
        };
        if f == t {
            return Ok(v);
        }
        let b = self.b();
        let target = reg_type(self.ctx, to);
        Ok(match (f.is_float(), t.is_float()) {
            (false, false) => b
                .build_int_cast_sign_flag(
                    v.into_int_value(),
                    target.into_int_type(),
                    f.is_signed(),
                    "cast",
                )?
                .into(),
            (false, true) => {
                let ft = target.into_float_type();
                if f.is_signed() {
                    b.build_signed_int_to_float(v.into_int_value(), ft, "cast")?
                        .into()
                } else {
                    b.build_unsigned_int_to_float(v.into_int_value(), ft, "cast")?
                        .into()
                }
            }
            (true, true) => b
                .build_float_cast(v.into_float_value(), target.into_float_type(), "cast")?
                .into(),
            (true, false) => {
                // Saturating, NaN -> 0: Rust's `as`, without the UB of `fptosi`.
                let name = if t.is_signed() {
                    "llvm.fptosi.sat"
                } else {
                    "llvm.fptoui.sat"
                };
                let src = reg_type(self.ctx, from);
                self.call_intrinsic(name, &[target, src], &[v])?
            }
        })
    }

    fn call_intrinsic(
        &self,
        name: &str,
        overloads: &[BasicTypeEnum<'static>],
        args: &[Val],
    ) -> CgResult<Val> {
        let intrinsic = Intrinsic::find(name)
            .ok_or_else(|| CgError::Internal(format!("no intrinsic {name}")))?;
        let f = intrinsic
            .get_declaration(&self.m.module, overloads)
            .ok_or_else(|| CgError::Internal(format!("cannot declare {name}")))?;
        let args: Vec<_> = args.iter().map(|a| (*a).into()).collect();
        self.b()
            .build_call(f, &args, "call")?
            .try_as_basic_value()
            .basic()
            .ok_or_else(|| CgError::Internal(format!("{name} returns void")))
    }

    fn builtin(
        &mut self,
        builtin: Builtin,
        recv: Val,
        args: &[Val],
        rt: &Type,
        loc: LocId,
    ) -> CgResult<Val> {
        let ctx = self.ctx;
        let rty = reg_type(ctx, rt);
        let mut all = vec![recv];
        all.extend_from_slice(args);
        let p = rt.prim();
        let b = self.b();
        Ok(match builtin {
            Builtin::Option(method) => return self.option_builtin(method, recv, args, rt, loc),
            Builtin::SliceLen => b.build_extract_value(recv.into_struct_value(), 1, "len")?,
            Builtin::PtrIsNull => b
                .build_is_null(recv.into_pointer_value(), "is_null")?
                .into(),
            Builtin::PtrWrappingAdd => {
                // SAFETY (of the generated code): no `inbounds`: the address wraps, as
                // `wrapping_add` does, and nothing is read through it here.
                let p = unsafe {
                    b.build_gep(
                        recv.into_pointer_value(),
                        &[args[0].into_int_value()],
                        "add",
                    )?
                };
                p.into()
            }
            Builtin::SliceIsEmpty => {
                let len = b
                    .build_extract_value(recv.into_struct_value(), 1, "len")?
                    .into_int_value();
                b.build_int_compare(IntPredicate::EQ, len, ctx.i64_type().const_zero(), "empty")?
                    .into()
            }
            Builtin::FloatIntrinsic { intrinsic, .. } => {
                self.call_intrinsic(&format!("llvm.{intrinsic}"), &[rty], &all)?
            }
            Builtin::FloatLibm { method, .. } => self.call_math(method, p.expect("float"), &all)?,
            Builtin::FloatPowi => {
                self.call_intrinsic("llvm.powi", &[rty, ctx.i32_type().into()], &all)?
            }
            Builtin::FloatSignum => {
                let one = rty.into_float_type().const_float(1.0);
                let signed = self.call_intrinsic("llvm.copysign", &[rty], &[one.into(), recv])?;
                let x = recv.into_float_value();
                let nan = self
                    .b()
                    .build_float_compare(FloatPredicate::UNO, x, x, "isnan")?;
                self.b().build_select(nan, recv, signed, "signum")?
            }
            Builtin::FloatRecip => {
                let one = rty.into_float_type().const_float(1.0);
                b.build_float_div(one, recv.into_float_value(), "recip")?
                    .into()
            }
            Builtin::FloatToDegrees | Builtin::FloatToRadians => {
                let factor = if builtin == Builtin::FloatToDegrees {
                    if p == Some(PrimTy::F32) {
                        f64::from(57.295_78_f32)
                    } else {
                        180.0f64 / std::f64::consts::PI
                    }
                } else {
                    std::f64::consts::PI / 180.0
                };
                let c = rty.into_float_type().const_float(factor);
                b.build_float_mul(recv.into_float_value(), c, "conv")?
                    .into()
            }
            Builtin::FloatIsNan => {
                let x = recv.into_float_value();
                b.build_float_compare(FloatPredicate::UNO, x, x, "isnan")?
                    .into()
            }
            Builtin::FloatIsInfinite | Builtin::FloatIsFinite => {
                let abs = self
                    .call_intrinsic("llvm.fabs", &[rty], &[recv])?
                    .into_float_value();
                let inf = rty.into_float_type().const_float(f64::INFINITY);
                let pred = if builtin == Builtin::FloatIsInfinite {
                    FloatPredicate::OEQ
                } else {
                    FloatPredicate::OLT
                };
                self.b()
                    .build_float_compare(pred, abs, inf, "class")?
                    .into()
            }
            Builtin::IntAbs => {
                let x = recv.into_int_value();
                let neg = b.build_int_neg(x, "neg")?;
                let is_neg =
                    b.build_int_compare(IntPredicate::SLT, x, x.get_type().const_zero(), "isneg")?;
                b.build_select(is_neg, neg, x, "abs")?
            }
            Builtin::IntSignum => {
                let x = recv.into_int_value();
                let zero = x.get_type().const_zero();
                let pos = b.build_int_compare(IntPredicate::SGT, x, zero, "pos")?;
                let neg = b.build_int_compare(IntPredicate::SLT, x, zero, "neg")?;
                let pos = b.build_int_z_extend(pos, x.get_type(), "p")?;
                let neg = b.build_int_z_extend(neg, x.get_type(), "n")?;
                b.build_int_sub(pos, neg, "signum")?.into()
            }
            Builtin::IntMin | Builtin::IntMax => {
                let (x, y) = (recv.into_int_value(), args[0].into_int_value());
                let signed = p.expect("int").is_signed();
                let op = if builtin == Builtin::IntMin {
                    BinOp::Lt
                } else {
                    BinOp::Gt
                };
                let pred = int_predicate(op, signed);
                let pick_x = b.build_int_compare(pred, x, y, "pick")?;
                b.build_select(pick_x, x, y, "minmax")?
            }
            Builtin::IntPow => self.int_pow(recv.into_int_value(), args[0].into_int_value())?,
            Builtin::IntCountOnes | Builtin::IntLeadingZeros | Builtin::IntTrailingZeros => {
                let (name, extra): (&str, Option<Val>) = match builtin {
                    Builtin::IntCountOnes => ("llvm.ctpop", None),
                    Builtin::IntLeadingZeros => {
                        ("llvm.ctlz", Some(ctx.bool_type().const_zero().into()))
                    }
                    _ => ("llvm.cttz", Some(ctx.bool_type().const_zero().into())),
                };
                let mut a = vec![recv];
                a.extend(extra);
                let n = self.call_intrinsic(name, &[rty], &a)?.into_int_value();
                self.b()
                    .build_int_cast_sign_flag(n, ctx.i32_type(), false, "count")?
                    .into()
            }
            Builtin::IntWrapping(op) => {
                let (x, y) = (recv.into_int_value(), args[0].into_int_value());
                match op {
                    BinOp::Add => b.build_int_add(x, y, "wadd")?.into(),
                    BinOp::Sub => b.build_int_sub(x, y, "wsub")?.into(),
                    _ => b.build_int_mul(x, y, "wmul")?.into(),
                }
            }
            Builtin::IntSaturatingAdd | Builtin::IntSaturatingSub => {
                let signed = p.expect("int").is_signed();
                let name = match (builtin == Builtin::IntSaturatingAdd, signed) {
                    (true, true) => "llvm.sadd.sat",
                    (true, false) => "llvm.uadd.sat",
                    (false, true) => "llvm.ssub.sat",
                    (false, false) => "llvm.usub.sat",
                };
                self.call_intrinsic(name, &[rty], &all)?
            }
        })
    }

    /// An `Option` register value's `is_some` flag and (meaningful only if set) value.
    fn option_parts(&self, option: Val) -> CgResult<(IntValue<'static>, Val)> {
        let option = option.into_struct_value();
        let is_some = self
            .b()
            .build_extract_value(option, 0, "is_some")?
            .into_int_value();
        let value = self.b().build_extract_value(option, 1, "value")?;
        Ok((is_some, value))
    }

    /// The methods of `Option`; `recv` and `args` are owned.
    fn option_builtin(
        &mut self,
        method: OptionMethod,
        recv: Val,
        args: &[Val],
        rt: &Type,
        loc: LocId,
    ) -> CgResult<Val> {
        let (is_some, value) = self.option_parts(recv)?;
        let inner = super::types::fields(rt)[1].clone();
        Ok(match method {
            OptionMethod::IsSome | OptionMethod::IsNone => {
                self.drop_value(recv, rt)?;
                if method == OptionMethod::IsSome {
                    is_some.into()
                } else {
                    self.b().build_not(is_some, "is_none")?.into()
                }
            }
            OptionMethod::UnwrapOr => {
                // The default is dropped when the option's value is taken instead.
                let zero = reg_type(self.ctx, &inner).const_zero();
                let unused = self.b().build_select(is_some, args[0], zero, "unused")?;
                self.drop_value(unused, &inner)?;
                self.b()
                    .build_select(is_some, value, args[0], "unwrap_or")?
            }
            OptionMethod::Unwrap => {
                let is_none = self.b().build_not(is_some, "is_none")?;
                self.check(is_none, loc, "called `Option::unwrap()` on a `None` value")?;
                value
            }
        })
    }

    /// Wrapping `x.pow(e)` by binary exponentiation.
    fn int_pow(&mut self, x: IntValue<'static>, e: IntValue<'static>) -> CgResult<Val> {
        let ty = x.get_type();
        let u32t = self.ctx.i32_type();
        let before = self.current();
        let head = self.block("pow.head");
        let body = self.block("pow.body");
        let done = self.block("pow.done");
        self.b().build_unconditional_branch(head)?;
        self.b().position_at_end(head);
        let acc = self.b().build_phi(ty, "acc")?;
        let base = self.b().build_phi(ty, "base")?;
        let exp = self.b().build_phi(u32t, "exp")?;
        let (accv, basev, expv) = (
            acc.as_basic_value().into_int_value(),
            base.as_basic_value().into_int_value(),
            exp.as_basic_value().into_int_value(),
        );
        let finished =
            self.b()
                .build_int_compare(IntPredicate::EQ, expv, u32t.const_zero(), "fin")?;
        self.b().build_conditional_branch(finished, done, body)?;
        self.b().position_at_end(body);
        let odd = self.b().build_and(expv, u32t.const_int(1, false), "odd")?;
        let odd = self
            .b()
            .build_int_compare(IntPredicate::NE, odd, u32t.const_zero(), "isodd")?;
        let mul = self.b().build_int_mul(accv, basev, "mul")?;
        let next_acc = self.b().build_select(odd, mul, accv, "acc2")?;
        let next_base = self.b().build_int_mul(basev, basev, "sq")?;
        let next_exp = self
            .b()
            .build_right_shift(expv, u32t.const_int(1, false), false, "half")?;
        self.b().build_unconditional_branch(head)?;
        acc.add_incoming(&[(&ty.const_int(1, false), before), (&next_acc, body)]);
        base.add_incoming(&[(&x, before), (&next_base, body)]);
        exp.add_incoming(&[(&e, before), (&next_exp, body)]);
        self.b().position_at_end(done);
        Ok(accv.into())
    }

    // ---- places ---------------------------------------------------------------------

    /// The address of an assignable place, and whether it holds the memory form.
    fn place(&mut self, id: ExprId) -> CgResult<Option<(PointerValue<'static>, bool)>> {
        let ir = self.ir;
        let loc = ir.expr(id).loc;
        match &ir.expr(id).kind {
            ExprKind::Local(l) => Ok(Some((self.locals[l.index()], false))),
            ExprKind::Index(base, index) if self.typed.class_ops.contains_key(&id) => {
                let Some((ptr, held)) = self.class_index_ptr(id, *base, *index)? else {
                    return Ok(None);
                };
                self.place_temps.extend(held);
                Ok(Some((ptr, true)))
            }
            ExprKind::Index(base, index) => {
                Ok(self.element_ptr(*base, *index, loc)?.map(|p| (p, true)))
            }
            ExprKind::Field(base, _) => Ok(self.field_ptr(id, *base)?.map(|p| (p, true))),
            ExprKind::TupleField(base, index) => {
                let Some((ptr, in_memory)) = self.place(*base)? else {
                    return Ok(None);
                };
                Ok(Some((
                    self.b().build_struct_gep(ptr, *index, "field")?,
                    in_memory,
                )))
            }
            _ => Err(CgError::Internal(
                "assignment to a non-place expression".into(),
            )),
        }
    }

    /// Stores `v` (owned) into a place, dropping the value it replaces.
    fn store(
        &mut self,
        ptr: PointerValue<'static>,
        in_memory: bool,
        v: Val,
        t: &Type,
    ) -> CgResult<()> {
        let old = if t.is_managed() {
            let old = self.b().build_load(ptr, "old")?;
            Some(if in_memory {
                from_mem(self.ctx, self.b(), old, t)?
            } else {
                old
            })
        } else {
            None
        };
        let v = if in_memory {
            to_mem(self.ctx, self.b(), v, t)?
        } else {
            v
        };
        self.b().build_store(ptr, v)?;
        if let Some(old) = old {
            self.drop_value(old, t)?;
        }
        Ok(())
    }

    /// `&slice[index]` after the bounds check.
    fn element_ptr(
        &mut self,
        base: ExprId,
        index: ExprId,
        loc: LocId,
    ) -> CgResult<Option<PointerValue<'static>>> {
        let Some(slice) = self.expr(base)? else {
            return Ok(None);
        };
        let Some(idx) = self.expr(index)? else {
            return Ok(None);
        };
        let slice = slice.into_struct_value();
        let ptr = self
            .b()
            .build_extract_value(slice, 0, "ptr")?
            .into_pointer_value();
        let len = self
            .b()
            .build_extract_value(slice, 1, "len")?
            .into_int_value();
        let idx = idx.into_int_value();
        let out = self
            .b()
            .build_int_compare(IntPredicate::UGE, idx, len, "oob")?;
        let usize_t = Type::USIZE;
        self.check_with(
            out,
            loc,
            vec![
                "index out of bounds: the len is ".into(),
                " but the index is ".into(),
                String::new(),
            ],
            &[(len.into(), usize_t.clone()), (idx.into(), usize_t)],
        )?;
        // SAFETY (of the generated code): `idx < len` was checked just above.
        let p = unsafe { self.b().build_in_bounds_gep(ptr, &[idx], "elem")? };
        Ok(Some(p))
    }

    // ---- control flow ---------------------------------------------------------------

    fn block_expr(&mut self, block: &Block) -> CgResult<Option<Val>> {
        for stmt in &block.stmts {
            match stmt {
                Stmt::Let { pattern, init, .. } => {
                    if let Some(init) = init {
                        let Some(v) = self.expr(*init)? else {
                            return Ok(None);
                        };
                        let t = self.ty(*init).clone();
                        self.bind(pattern, v, &t)?;
                    }
                }
                Stmt::Expr(e) => {
                    let Some(v) = self.expr(*e)? else {
                        return Ok(None);
                    };
                    let t = self.ty(*e).clone();
                    self.drop_value(v, &t)?;
                }
            }
        }
        match block.tail {
            Some(t) => self.expr(t),
            None => Ok(Some(self.unit())),
        }
    }

    /// Moves `v` (owned) into the pattern's locals; what `_` matches is dropped.
    fn bind(&mut self, pattern: &Pattern, v: Val, t: &Type) -> CgResult<()> {
        match pattern {
            Pattern::Bind(l) => {
                self.store(self.locals[l.index()], false, v, t)?;
            }
            Pattern::Wild => self.drop_value(v, t)?,
            Pattern::Tuple(ps) => {
                let elems = super::types::fields(t);
                for (i, p) in ps.iter().enumerate() {
                    let f = self.b().build_extract_value(
                        v.into_struct_value(),
                        i as u32,
                        "destructure",
                    )?;
                    self.bind(p, f, &elems[i])?;
                }
            }
        }
        Ok(())
    }

    /// Joins the values flowing into `merge`; `None` if nothing reaches it.
    fn join(
        &mut self,
        id: ExprId,
        merge: BasicBlock<'static>,
        incoming: &[(Val, BasicBlock<'static>)],
    ) -> CgResult<Option<Val>> {
        self.b().position_at_end(merge);
        if incoming.is_empty() {
            // No predecessor: the block is dead; it still needs a terminator.
            self.b().build_unreachable()?;
            return Ok(None);
        }
        let t = self.ty(id).clone();
        if matches!(t, Type::Unit | Type::Never) {
            return Ok(Some(self.unit()));
        }
        let phi = self.b().build_phi(reg_type(self.ctx, &t), "join")?;
        for (v, bb) in incoming {
            phi.add_incoming(&[(v, *bb)]);
        }
        Ok(Some(phi.as_basic_value()))
    }

    fn if_expr(
        &mut self,
        id: ExprId,
        cond: ExprId,
        then_branch: ExprId,
        else_branch: Option<ExprId>,
    ) -> CgResult<Option<Val>> {
        let Some(c) = self.expr(cond)? else {
            return Ok(None);
        };
        self.two_way(id, c.into_int_value(), None, then_branch, else_branch)
    }

    /// `if let Some(pattern) = scrutinee { then } else { .. }`.
    fn if_let_expr(
        &mut self,
        id: ExprId,
        pattern: &Pattern,
        scrutinee: ExprId,
        then_branch: ExprId,
        else_branch: Option<ExprId>,
    ) -> CgResult<Option<Val>> {
        let Some(option) = self.expr(scrutinee)? else {
            return Ok(None);
        };
        let (is_some, value) = self.option_parts(option)?;
        let inner = super::types::fields(self.ty(scrutinee))[1].clone();
        self.two_way(
            id,
            is_some,
            Some((pattern, value, inner)),
            then_branch,
            else_branch,
        )
    }

    /// Branches on `cond`; the `then` side first binds `bind`'s pattern to its value.
    fn two_way(
        &mut self,
        id: ExprId,
        cond: IntValue<'static>,
        bind: Option<(&Pattern, Val, Type)>,
        then_branch: ExprId,
        else_branch: Option<ExprId>,
    ) -> CgResult<Option<Val>> {
        let then_bb = self.block("then");
        let else_bb = self.block("else");
        let merge = self.block("endif");
        self.b().build_conditional_branch(cond, then_bb, else_bb)?;
        let mut incoming = Vec::new();
        self.b().position_at_end(then_bb);
        if let Some((pattern, value, t)) = bind {
            self.bind(pattern, value, &t)?;
        }
        if let Some(v) = self.expr(then_branch)? {
            incoming.push((v, self.current()));
            self.b().build_unconditional_branch(merge)?;
        }
        self.b().position_at_end(else_bb);
        let else_value = match else_branch {
            Some(e) => self.expr(e)?,
            None => Some(self.unit()),
        };
        if let Some(v) = else_value {
            incoming.push((v, self.current()));
            self.b().build_unconditional_branch(merge)?;
        }
        self.join(id, merge, &incoming)
    }

    fn while_expr(&mut self, id: ExprId, cond: ExprId, body: ExprId) -> CgResult<Option<Val>> {
        let head = self.block("while.cond");
        let body_bb = self.block("while.body");
        let exit = self.block("while.exit");
        self.b().build_unconditional_branch(head)?;
        self.b().position_at_end(head);
        let Some(c) = self.expr(cond)? else {
            self.b().position_at_end(body_bb);
            self.b().build_unreachable()?;
            return self.join(id, exit, &[]);
        };
        let from_cond = self.current();
        self.b()
            .build_conditional_branch(c.into_int_value(), body_bb, exit)?;
        self.b().position_at_end(body_bb);
        let mut incoming = self.loop_body(id, body, head, exit)?;
        incoming.push((self.unit(), from_cond));
        self.join(id, exit, &incoming)
    }

    fn loop_expr(&mut self, id: ExprId, body: ExprId) -> CgResult<Option<Val>> {
        let head = self.block("loop");
        let exit = self.block("loop.exit");
        self.b().build_unconditional_branch(head)?;
        self.b().position_at_end(head);
        let breaks = self.loop_body(id, body, head, exit)?;
        self.join(id, exit, &breaks)
    }

    /// Emits the body of the loop `id`, whose `continue` goes to `continue_bb` (as does
    /// falling off the end) and whose `break` to `exit_bb`; returns the breaks' values
    /// and blocks.
    fn loop_body(
        &mut self,
        id: ExprId,
        body: ExprId,
        continue_bb: BasicBlock<'static>,
        exit_bb: BasicBlock<'static>,
    ) -> CgResult<Vec<(Val, BasicBlock<'static>)>> {
        self.loops.insert(
            id,
            LoopFrame {
                continue_bb,
                exit_bb,
                breaks: Vec::new(),
            },
        );
        if self.expr(body)?.is_some() {
            self.b().build_unconditional_branch(continue_bb)?;
        }
        Ok(self.loops.remove(&id).expect("inserted above").breaks)
    }

    /// `for x in xs` over a tuple whose elements share one type, or a slice: a loop over
    /// the element index, reading element `i` from memory (a tuple is spilled to a stack
    /// slot, where its elements lie like an array's).
    fn for_each_expr(
        &mut self,
        id: ExprId,
        var: LocalId,
        iterable: ExprId,
        body: ExprId,
    ) -> CgResult<Option<Val>> {
        let Some(it) = self.expr(iterable)? else {
            return Ok(None);
        };
        let it_ty = self.ty(iterable).clone();
        let elem_ty = self.typed.local_types[var.index()].clone();
        let i64t = self.ctx.i64_type();
        // The loop owns the tuple (its elements' references) until it ends.
        let held = self.hold(it, &it_ty)?;
        let (base, len, in_memory) = match &it_ty {
            Type::Tuple(elems) => {
                let spill = self.slot(reg_type(self.ctx, &it_ty), "foreach.tuple")?;
                self.b().build_store(spill, it)?;
                let elem_ptr = reg_type(self.ctx, &elem_ty).ptr_type(AddressSpace::default());
                let base = self
                    .b()
                    .build_bit_cast(spill, elem_ptr, "foreach.elems")?
                    .into_pointer_value();
                (base, i64t.const_int(elems.len() as u64, false), false)
            }
            Type::Slice { .. } => {
                let s = it.into_struct_value();
                let base = self
                    .b()
                    .build_extract_value(s, 0, "foreach.ptr")?
                    .into_pointer_value();
                let len = self
                    .b()
                    .build_extract_value(s, 1, "foreach.len")?
                    .into_int_value();
                (base, len, true)
            }
            other => {
                return Err(CgError::Internal(format!("a `for` loop over `{other}`")));
            }
        };
        let counter = self.prologue.build_alloca(i64t, "foreach.i")?;
        self.b().build_store(counter, i64t.const_zero())?;
        let head = self.block("foreach.cond");
        let body_bb = self.block("foreach.body");
        let latch = self.block("foreach.next");
        let exit = self.block("foreach.exit");
        self.b().build_unconditional_branch(head)?;
        self.b().position_at_end(head);
        let cur = self.b().build_load(counter, "i")?.into_int_value();
        let more = self
            .b()
            .build_int_compare(IntPredicate::ULT, cur, len, "more")?;
        self.b().build_conditional_branch(more, body_bb, exit)?;
        self.b().position_at_end(body_bb);
        // SAFETY (of the generated code): `cur < len`, the element count.
        let at = unsafe { self.b().build_in_bounds_gep(base, &[cur], "elem.ptr")? };
        let elem = self.b().build_load(at, "elem")?;
        let elem = if in_memory {
            from_mem(self.ctx, self.b(), elem, &elem_ty)?
        } else {
            elem
        };
        // The variable holds its own reference; the iterable keeps the element's.
        self.copy_value(elem, &elem_ty)?;
        self.store(self.locals[var.index()], false, elem, &elem_ty)?;
        // `for` loops have no value: the breaks only lead to `exit`.
        self.loop_body(id, body, latch, exit)?;
        self.b().position_at_end(latch);
        let cur = self.b().build_load(counter, "i")?.into_int_value();
        let next = self
            .b()
            .build_int_add(cur, i64t.const_int(1, false), "next")?;
        self.b().build_store(counter, next)?;
        self.b().build_unconditional_branch(head)?;
        self.b().position_at_end(exit);
        self.release(held)?;
        Ok(Some(self.unit()))
    }
}
