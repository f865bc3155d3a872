//! Typed IR -> LLVM IR for one function instance: the function frame (entry block, stack
//! slots, the shared return and panic exits) and `expr`, which dispatches each expression
//! to the file of its concern: by what inference resolved it to (its `Resolution`: a
//! call, a builtin method, a class function or operator, a field, a struct literal) if
//! anything, matched once, else by its kind.
//!
//! Rust semantics, never LLVM UB: every check that closes one of LLVM's undefined-behaviour
//! or poison hazards is in `no_ub.rs`; a failed check calls the panic helper (`panics.rs`)
//! and returns `{1, zero}`; every call site checks its callee's status.
//!
//! `expr` returns `None` when control cannot reach past the expression (it diverged); the
//! caller then stops emitting, so no code is ever emitted into a terminated block.
//!
//! Values of managed types (class instances, and options and tuples holding them) follow
//! the ownership rules in `ownership.rs`. The other files: `arith.rs` (operators, casts),
//! `builtins.rs` (builtin methods), `math.rs` (libm-backed float methods),
//! `control_flow.rs` (blocks, branches, loops), `ranges.rs` (`for` over ranges),
//! `places.rs` (locals, assignments, tuples, slice elements), `memory_values.rs` (values
//! in memory: types holding arrays live there only), `classes.rs` (calls, fields,
//! literals, memory-control intrinsics), `c_calls.rs` (C calls and function values),
//! `objmode.rs` (`objmode!` blocks), `escape.rs` (refusing unmanaged instances at sinks).

mod arith;
mod arrays;
mod builtins;
pub(crate) mod c_calls;
mod classes;
mod clones;
mod control_flow;
mod equality;
mod escape;
mod format;
mod index_loops;
mod lends;
mod map_refs;
mod maps;
mod math;
mod memory_values;
pub(super) mod no_ub;
mod objmode;
mod ordering;
mod owned_text;
mod ownership;
mod panics;
mod places;
mod ranges;
mod slices;
mod std_sort;
mod strings;
mod text;
mod trait_objects;
mod vec_loops;
mod vec_methods;
mod vecs;

use super::types::{int_type, is_indirect, reg_type, result_type, slot_type};
use super::{CgError, CgResult, ModuleCx};
use crate::Type;
use inkwell::basic_block::BasicBlock;
use inkwell::builder::Builder;
use inkwell::context::Context;
use inkwell::values::{BasicValueEnum, FunctionValue, PointerValue};
use jitclass_core::PrimTy;
use jitclass_core::infer::{Resolution, Typed};
use jitclass_core::ir::*;
use jitclass_core::methods::Builtin;
use jitclass_core::string_methods::StringMethod;
use std::collections::HashMap;
use std::rc::Rc;

type Val = BasicValueEnum<'static>;

pub(super) fn emit_body(m: &mut ModuleCx, index: usize) -> CgResult<()> {
    let inst = &m.instances[index];
    let ctx = m.ctx;
    let func = inst.func;
    let mut cx = FnCx {
        ctx,
        disp: inst.disp,
        ir: inst.ir,
        typed: Rc::clone(&inst.typed),
        adjusted_types: inst
            .typed
            .adjustments
            .iter()
            .map(|a| a.as_ref().map(|a| a.target()))
            .collect(),
        unadjusted: Vec::new(),
        type_args: inst.type_args.clone(),
        func,
        prologue: ctx.create_builder(),
        m,
        locals: Vec::new(),
        owned_locals: Vec::new(),
        temps: Vec::new(),
        free_temps: Vec::new(),
        place_temps: Vec::new(),
        lent: Vec::new(),
        lend_slots: Vec::new(),
        counters: HashMap::new(),
        pending_map_loop: None,
        map_loop_generations: HashMap::new(),
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
    /// `lent.len()` when the loop started: a `break` or `continue` ends the lends after.
    lent_depth: usize,
}

struct FnCx<'m> {
    ctx: &'static Context,
    m: &'m mut ModuleCx,
    disp: &'static crate::Dispatcher,
    ir: &'static FnIr,
    typed: Rc<Typed>,
    /// By `ExprId`: the type of an expression inference adjusted, after its adjustment
    /// (what its users see: `ty`).
    adjusted_types: Vec<Option<Type>>,
    /// The adjusted expressions whose own value is being computed, which see their type
    /// before the adjustment (`trait_objects.rs`).
    unadjusted: Vec<ExprId>,
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
    /// The `Vec`s whose slices are lent to the call being evaluated (`vecs.rs`), kept
    /// alive (and counted as lent, `lends.rs`) until it returns.
    lent: Vec<lends::Lent>,
    /// Per lend site: the slot holding the address of the lend count it raised (`lends.rs`).
    lend_slots: Vec<PointerValue<'static>>,
    /// The hidden counter of each `for` loop.
    counters: HashMap<ExprId, PointerValue<'static>>,
    /// The index of a loop over a map whose bounds are being evaluated (`map_refs.rs`).
    pending_map_loop: Option<jitclass_core::ir::LocalId>,
    /// Per loop over a map (its index): the slot holding the map's generation when the
    /// loop started (`map_refs.rs`).
    map_loop_generations: HashMap<jitclass_core::ir::LocalId, PointerValue<'static>>,
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

    /// The type of `e`'s value as its user sees it: after its adjustment, if any (except
    /// while the value it converts is computed).
    fn ty(&self, e: ExprId) -> &Type {
        match self.adjusted_types.get(e.index()) {
            Some(Some(t)) if !self.unadjusted.contains(&e) => t,
            _ => &self.typed.expr_types[e.index()],
        }
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
        // Every local lives in a zeroed stack slot of the entry block; mem2reg promotes them
        // (an indirect one's slot holds the value itself: `memory_values.rs`).
        for (i, t) in self.typed.local_types.iter().enumerate() {
            let slot = self.slot(slot_type(self.ctx, t), &self.ir.locals[i].name)?;
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
                // Nothing else needs frame space before the body is emitted: locals have
                // their slots (above), temporaries get theirs when they are emitted.
                ExprKind::Lit(_)
                | ExprKind::Const(_)
                | ExprKind::Local(_)
                | ExprKind::Unary(..)
                | ExprKind::Binary(..)
                | ExprKind::Assign(..)
                | ExprKind::CompoundAssign(..)
                | ExprKind::Cast(..)
                | ExprKind::Block(_)
                | ExprKind::If { .. }
                | ExprKind::While { .. }
                | ExprKind::Loop { .. }
                | ExprKind::Break { .. }
                | ExprKind::Continue { .. }
                | ExprKind::Return(_)
                | ExprKind::Tuple(_)
                | ExprKind::Array(_)
                | ExprKind::TupleField(..)
                | ExprKind::Index(..)
                | ExprKind::Call { .. }
                | ExprKind::CallIndirect { .. }
                | ExprKind::FnRef(_)
                | ExprKind::ForEach { .. }
                | ExprKind::MethodCall { .. }
                | ExprKind::Field(..)
                | ExprKind::StructLit { .. }
                | ExprKind::AddrOf { .. }
                | ExprKind::AssocCall { .. }
                | ExprKind::TraitCall { .. }
                | ExprKind::Intrinsic { .. }
                | ExprKind::ObjMode { .. }
                | ExprKind::Some(_)
                | ExprKind::BoxNew(_)
                | ExprKind::None
                | ExprKind::VecNew { .. }
                | ExprKind::SubSlice { .. }
                | ExprKind::IfLetSome { .. } => {}
            }
        }
        let arg_ty = self.panic_arg_type();
        let array = arg_ty.array_type(max_panic_args as u32);
        self.panic_args = Some(self.prologue.build_alloca(array, "panic.args")?);
        // An indirect result goes straight to the caller's memory (`emit_return`).
        if !is_indirect(&self.typed.ret) {
            let ret_ty = reg_type(self.ctx, &self.typed.ret);
            self.return_slot = Some(self.prologue.build_alloca(ret_ty, "ret")?);
        }
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
        let first_param = u32::from(is_indirect(&self.typed.ret));
        for (i, l) in params.iter().enumerate() {
            let v = self
                .func
                .get_nth_param(first_param + i as u32)
                .expect("declared with every parameter");
            let t = self.typed.local_types[l.index()].clone();
            self.write_value(self.locals[l.index()], v, &t, false)?;
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

    /// Leaves through the return block, which drops the owned slots first. An indirect
    /// result is written to the caller's memory, the function's first parameter.
    fn emit_return(&mut self, v: Val) -> CgResult<()> {
        match self.return_slot {
            Some(slot) => {
                self.b().build_store(slot, v)?;
            }
            None => {
                let out = self.out_param();
                let t = self.typed.ret.clone();
                self.copy_indirect(out, v.into_pointer_value(), &t)?;
            }
        }
        self.b()
            .build_unconditional_branch(self.return_block.expect("made in the prologue"))?;
        Ok(())
    }

    /// Where an indirect result goes: the caller's memory, passed first.
    fn out_param(&self) -> inkwell::values::PointerValue<'static> {
        self.func
            .get_nth_param(0)
            .expect("an indirect result's memory")
            .into_pointer_value()
    }

    /// Fills the return and panic blocks, now that every slot is known.
    fn finish_exits(&mut self) -> CgResult<()> {
        let rt = result_type(self.ctx, &self.typed.ret);
        self.b()
            .position_at_end(self.return_block.expect("made in the prologue"));
        self.end_all_lends()?;
        self.drop_owned_slots()?;
        let v: Val = match self.return_slot {
            Some(slot) => self.b().build_load(slot, "ret")?,
            None => self.out_param().into(),
        };
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
            self.end_all_lends()?;
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

    /// The value of `id`, owned, with its adjustment (a coercion to a trait object)
    /// applied.
    fn expr(&mut self, id: ExprId) -> CgResult<Option<Val>> {
        let typed = Rc::clone(&self.typed);
        jitclass_core::stack::deep(|| match typed.adjustment(id) {
            Some(adjustment) => self.adjusted_expr(id, adjustment),
            None => self.expr_unguarded(id),
        })
    }

    fn expr_unguarded(&mut self, id: ExprId) -> CgResult<Option<Val>> {
        let typed = Rc::clone(&self.typed);
        if let Some(resolution) = typed.resolution(id) {
            return self.resolved_expr(id, resolution);
        }
        let ir = self.ir;
        let e = ir.expr(id);
        let loc = e.loc;
        Ok(Some(match &e.kind {
            ExprKind::Lit(lit) => self.lit(lit, self.ty(id).clone()),
            // A `&Vec<T>` parameter passed where a slice is expected (inference retyped
            // the use): its elements, lent for the call.
            ExprKind::Local(l)
                if matches!(self.ty(id), Type::Slice { .. })
                    && self.typed.local_types[l.index()].vec_elem().is_some() =>
            {
                let v = self.b().build_load(self.locals[l.index()], "load")?;
                let t = self.typed.local_types[l.index()].clone();
                return self.lend_value(v, &t, None, loc);
            }
            // `FnIr::resolve_consts` made every one a literal before inference.
            ExprKind::Const(c) => {
                return Err(CgError::Internal(format!(
                    "the constant k{} unresolved",
                    c.0
                )));
            }
            ExprKind::Local(l) => self.local(id, *l)?,
            ExprKind::Unary(op, inner) => return self.unary(*op, *inner),
            ExprKind::Binary(BinOp::And, a, b) => return self.short_circuit(true, *a, *b),
            ExprKind::Binary(BinOp::Or, a, b) => return self.short_circuit(false, *a, *b),
            ExprKind::Binary(BinOp::Add, a, b) if *self.ty(*a) == Type::String => {
                return self.string_concat(*a, *b, loc);
            }
            ExprKind::CompoundAssign(BinOp::Add, place, value)
                if *self.ty(*place) == Type::String =>
            {
                return self.string_method(StringMethod::PushStr, *place, &[*value], loc);
            }
            ExprKind::Binary(op, a, b)
                if matches!(self.ty(*a), Type::Str | Type::String)
                    || *self.ty(*b) == Type::String =>
            {
                return self.str_compare(*op, *a, *b);
            }
            ExprKind::Binary(op, a, b) if matches!(self.ty(*a), Type::Array { .. }) => {
                return self.array_eq(*op, *a, *b, loc);
            }
            ExprKind::Binary(op, a, b) if self.ty(*a).vec_elem().is_some() => {
                return self.vec_eq(*op, *a, *b, loc);
            }
            // `Option`s and tuples holding no class instance (else a `ClassOp::Structural`).
            ExprKind::Binary(op, a, b)
                if matches!(self.ty(*a), Type::Option(_) | Type::Tuple(_)) =>
            {
                return match op {
                    BinOp::Eq | BinOp::Ne => self.structural_eq(*op, (*a, *b), None, loc),
                    _ => self.structural_order(*op, (*a, *b), loc),
                };
            }
            ExprKind::Binary(op, a, b) if self.ty(*a).is_managed() => {
                // Handles compare by identity; the comparison borrows its operands.
                let Some(operands) = self.operands(&[*a, *b])? else {
                    return Ok(None);
                };
                let ta = self.ty(*a).clone();
                let v = self.binop(*op, operands[0].0, operands[1].0, &ta, loc)?;
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
                let ta = self.ty(*a).clone();
                self.binop(*op, x, y, &ta, loc)?
            }
            ExprKind::Assign(place, value) => return self.assign(*place, *value, loc),
            ExprKind::CompoundAssign(op, place, value) => {
                return self.compound_assign(*op, *place, *value, loc);
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
            ExprKind::Break { target, value } => return self.break_expr(*target, *value),
            ExprKind::Continue { target } => return self.continue_expr(*target),
            ExprKind::Return(value) => return self.return_expr(*value),
            ExprKind::Tuple(es) => return self.tuple(id, es),
            ExprKind::TupleField(base, index) => return self.tuple_field(id, *base, *index),
            // `&s` of a `String` where a `&str` is expected (inference retyped it).
            ExprKind::AddrOf { place, .. } if *self.ty(id) == Type::Str => {
                return self.text_operand(*place);
            }
            ExprKind::AddrOf { place, .. } if matches!(self.ty(id), Type::Slice { .. }) => {
                return self.lend_slice(*place, None, loc);
            }
            // `&v` for a `&Vec<T>` / `&mut Vec<T>` parameter: the `Vec`'s handle, held by
            // the call's operands (a place's read is counted) until it returns.
            ExprKind::AddrOf { place, .. } if self.ty(id).vec_elem().is_some() => {
                return self.borrowed_vec(*place);
            }
            // `&c` as the receiver of a method called by path (`C::f(&c)`): the
            // instance's handle, as a method call's receiver (inference retyped it).
            ExprKind::AddrOf { place, .. } if matches!(self.ty(id), Type::Class(_)) => {
                return self.expr(*place);
            }
            ExprKind::AddrOf { place, .. } if !matches!(self.ty(id), Type::Ref { .. }) => {
                return Err(CgError::Internal(format!(
                    "`&e{}` of type `{}`",
                    place.0,
                    self.ty(id)
                )));
            }
            ExprKind::AddrOf { place, .. } => {
                let Some((ptr, _)) = self.place(*place)? else {
                    return Ok(None);
                };
                // `self`'s fields: the instance outlives the address (see `classes.rs`).
                self.release_place_temps()?;
                ptr.into()
            }
            ExprKind::Index(base, index) if self.ty(*base).vec_elem().is_some() => {
                return self.vec_index_read(id, *base, *index, loc);
            }
            ExprKind::Index(base, index) if matches!(self.ty(*base), Type::Map { .. }) => {
                return self.map_index_read(id, *base, *index, loc);
            }
            ExprKind::Index(base, index) if matches!(self.ty(*base), Type::Array { .. }) => {
                return self.array_index_read(id, *base, *index, loc);
            }
            ExprKind::Index(base, index) => return self.index_read(id, *base, *index, loc),
            ExprKind::Array(init) => return self.array_lit(id, init),
            ExprKind::VecNew { init, .. } => return self.vec_new(id, init, loc),
            ExprKind::SubSlice {
                base,
                start,
                end,
                inclusive,
                ..
            } if matches!(self.ty(*base), Type::Str | Type::String) => {
                return self.str_range(*base, (*start, *end, *inclusive), loc);
            }
            ExprKind::SubSlice {
                base,
                start,
                end,
                inclusive,
                ..
            } => return self.lend_slice(*base, Some((*start, *end, *inclusive)), loc),
            ExprKind::CallIndirect { callee, args } => return self.call_indirect(*callee, args),
            ExprKind::FnRef(item) => self.fn_ref(*item)?,
            ExprKind::ForEach {
                var,
                iterable,
                body,
            } if self.ty(*iterable).vec_elem().is_some() => {
                return self.for_each_vec(id, *var, (*iterable, *body), loc);
            }
            ExprKind::ForEach {
                var,
                iterable,
                body,
            } if matches!(self.ty(*iterable), Type::Map { .. }) => {
                return self.for_each_map(id, *var, (*iterable, *body), loc);
            }
            ExprKind::ForEach {
                var,
                iterable,
                body,
            } => return self.for_each_expr(id, *var, *iterable, *body),
            ExprKind::Intrinsic { which, args, .. } => return self.intrinsic(id, *which, args),
            ExprKind::ObjMode { index, args, .. } => return self.objmode(id, *index, args),
            // Inference resolves every one of these (`resolved_expr`).
            ExprKind::Call { .. }
            | ExprKind::MethodCall { .. }
            | ExprKind::AssocCall { .. }
            | ExprKind::TraitCall { .. }
            | ExprKind::Field(..)
            | ExprKind::StructLit { .. } => {
                return Err(CgError::Internal(format!(
                    "expression e{} was not resolved by inference",
                    id.0
                )));
            }
            ExprKind::Some(inner) => return self.some(id, *inner),
            ExprKind::BoxNew(value) => return self.box_new(id, *value),
            ExprKind::None => self.none_value(self.ty(id))?,
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

    /// An expression inference resolved: its `Resolution` says what it calls or reaches,
    /// its kind gives the operands.
    fn resolved_expr(&mut self, id: ExprId, resolution: &Resolution) -> CgResult<Option<Val>> {
        let e = self.ir.expr(id);
        let mismatch = || {
            CgError::Internal(format!(
                "expression e{} resolved to {resolution:?}, which it cannot take",
                id.0
            ))
        };
        match resolution {
            Resolution::Call { type_args } => {
                let ExprKind::Call { callee, args } = &e.kind else {
                    return Err(mismatch());
                };
                let callee = (self.disp.info().refs[callee.index()])();
                if callee.is_foreign() {
                    return self.foreign_call(callee, args);
                }
                self.emit_call(id, (callee, type_args), args)
            }
            Resolution::Builtin(Builtin::Map(method)) => self.map_method(id, *method, e.loc),
            Resolution::Builtin(Builtin::String(method)) => {
                let ExprKind::MethodCall { receiver, args, .. } = &e.kind else {
                    return Err(mismatch());
                };
                self.string_method(*method, *receiver, args, e.loc)
            }
            Resolution::Builtin(Builtin::Vec(method)) => {
                let ExprKind::MethodCall { receiver, args, .. } = &e.kind else {
                    return Err(mismatch());
                };
                if method.is_copied_accessor() {
                    // `v.first().copied()`: the accessor's receiver and operands.
                    let ExprKind::MethodCall { receiver, args, .. } = &self.ir.expr(*receiver).kind
                    else {
                        return Err(mismatch());
                    };
                    return self.vec_method(id, *method, *receiver, args, e.loc);
                }
                self.vec_method(id, *method, *receiver, args, e.loc)
            }
            Resolution::Builtin(builtin) => {
                let ExprKind::MethodCall { receiver, args, .. } = &e.kind else {
                    return Err(mismatch());
                };
                if let Builtin::SliceStdSort { how, elem } = builtin
                    && let Type::Array { .. } = self.ty(*receiver)
                {
                    // An array sorts in its own place, not in a copy of its value.
                    return self.array_std_sort(*receiver, *how, *elem, args);
                }
                if let Builtin::SliceLen | Builtin::SliceIsEmpty = builtin
                    && let Type::Array { .. } = self.ty(*receiver)
                {
                    return self.array_len_method(*receiver, *builtin == Builtin::SliceIsEmpty);
                }
                // A `String` receiver of a `&str` method is viewed as one, lent (as are
                // the views among the operands) until the result no longer needs them.
                let from = self.lent.len();
                let recv = match builtin {
                    Builtin::Str(_) => self.text_operand(*receiver)?,
                    _ => self.expr(*receiver)?,
                };
                let Some(recv) = recv else {
                    self.lent.truncate(from);
                    return Ok(None);
                };
                let rt = match builtin {
                    Builtin::Str(_) => Type::Str,
                    _ => self.ty(*receiver).clone(),
                };
                let held = self.hold(recv, &rt)?;
                let Some(vals) = self.owned_values(args)? else {
                    self.lent.truncate(from);
                    return Ok(None);
                };
                self.take(held)?;
                let v = self.builtin(*builtin, recv, &vals, &rt, e.loc)?;
                if !matches!(self.ty(id), Type::Str | Type::Slice { .. }) {
                    self.end_lends(from)?;
                }
                Ok(Some(v))
            }
            Resolution::ClassCall { call, type_args } => {
                let args = match &e.kind {
                    ExprKind::MethodCall { receiver, args, .. } => {
                        let mut all = vec![*receiver];
                        all.extend_from_slice(args);
                        all
                    }
                    ExprKind::AssocCall { args, .. } | ExprKind::TraitCall { args, .. } => {
                        args.clone()
                    }
                    // A `#[getter]` property: `name(base)`.
                    ExprKind::Field(base, _) => vec![*base],
                    // A `#[setter]` property: `set_name(base, value)`.
                    ExprKind::Assign(place, value) => match self.ir.expr(*place).kind {
                        ExprKind::Field(base, _) => vec![base, *value],
                        _ => return Err(mismatch()),
                    },
                    _ => return Err(mismatch()),
                };
                self.class_call(id, (call, type_args), &args)
            }
            Resolution::ClassOp(op) => match &e.kind {
                ExprKind::Unary(_, inner) => self.class_op(id, op, &[*inner]),
                ExprKind::Binary(_, a, b) | ExprKind::CompoundAssign(_, a, b) => {
                    self.class_op(id, op, &[*a, *b])
                }
                ExprKind::Index(base, index) => self.class_index_read(id, op, (*base, *index)),
                _ => Err(mismatch()),
            },
            Resolution::Field(index) => {
                let ExprKind::Field(base, _) = &e.kind else {
                    return Err(mismatch());
                };
                self.field_read(id, *base, *index)
            }
            Resolution::Literal(indices) => {
                let ExprKind::StructLit { fields, .. } = &e.kind else {
                    return Err(mismatch());
                };
                let values: Vec<ExprId> = fields.iter().map(|(_, e)| *e).collect();
                self.struct_lit(id, (&values, indices), e.loc)
            }
            Resolution::DynCall(call) => self.dyn_call(id, call),
        }
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
            (Lit::Char(c), _) => self.ctx.i32_type().const_int(u64::from(*c), false).into(),
            (Lit::Str(s), _) => self.text_constant(s.as_bytes()),
            (Lit::ByteStr(b), _) => self.text_constant(b),
            _ => self.unit(),
        }
    }
}
