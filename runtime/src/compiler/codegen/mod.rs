//! Typed IR -> LLVM IR for one function instance: the function frame (entry block, stack
//! slots, the shared return and panic exits: `frame.rs`) and `expr`, which dispatches each
//! expression to the file of its concern: by what inference resolved it to (its
//! `Resolution`: a call, a builtin method, a class function or operator, a field, a struct
//! literal; `resolved.rs`) if anything, matched once, else by its kind.
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
mod defaults;
mod equality;
mod escape;
mod format;
mod frame;
mod getter_loops;
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
mod resolved;
mod slices;
mod std_sort;
mod strings;
mod text;
mod text_loop_lend;
mod trait_objects;
mod vec_loops;
mod vec_methods;
mod vecs;

use super::types::int_type;
use super::{CgError, CgResult, ModuleCx};
use crate::Type;
use inkwell::basic_block::BasicBlock;
use inkwell::builder::Builder;
use inkwell::context::Context;
use inkwell::values::{BasicValueEnum, FunctionValue, PointerValue};
use jitclass_core::PrimTy;
use jitclass_core::infer::Typed;
use jitclass_core::ir::*;
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
        sort_aliases: HashMap::new(),
        text_lend_ends: HashMap::new(),
        counters: HashMap::new(),
        pending_map_loop: None,
        map_loop_generations: HashMap::new(),
        getter_loop_reads: HashMap::new(),
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
    /// The hidden local of a sort of an array (`lends.rs`'s `lend_during_sort`): its uses
    /// are the receiver's place.
    sort_aliases: HashMap<LocalId, ExprId>,
    /// The points of loop bodies where the lend of a `String` a loop runs over ends
    /// (`text_loop_lend.rs`), each with the lend slots it ends.
    text_lend_ends: HashMap<jitclass_core::ir::loop_exits::Point, Vec<usize>>,
    /// The hidden counter of each `for` loop.
    counters: HashMap<ExprId, PointerValue<'static>>,
    /// The index of a loop over a map whose bounds are being evaluated (`map_refs.rs`).
    pending_map_loop: Option<jitclass_core::ir::LocalId>,
    /// Per loop over a map (its index): the slot holding the map's generation when the
    /// loop started (`map_refs.rs`).
    map_loop_generations: HashMap<jitclass_core::ir::LocalId, PointerValue<'static>>,
    /// The container reads of the loops over a getter's value being emitted, each with
    /// the slot holding that value (`getter_loops.rs`).
    getter_loop_reads: HashMap<ExprId, ownership::Held>,
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
        if let Some(v) = self.getter_loop_value(id)? {
            return Ok(Some(v));
        }
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
            ExprKind::Local(l) if let Some(&place) = self.sort_aliases.get(l) => {
                return self.expr(place);
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
            // `Option`s and tuples holding no class instance (else a `ClassOp::Structural`),
            // and `()`.
            ExprKind::Binary(op, a, b)
                if matches!(self.ty(*a), Type::Option(_) | Type::Tuple(_) | Type::Unit) =>
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
            ExprKind::Block(block) => return self.block_expr(id, block),
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
            // `f(w)` of a name that is a `&T` in Rust held as the value, passed where a
            // type parameter is expected (inference retyped the `&w` the lowering wrote to
            // `w`'s type): an owned read, which the call drops after it returns as it drops
            // every owned argument. (Lent as a `&Vec<T>` below, the call's hold and that
            // drop would release it twice.)
            ExprKind::AddrOf { place, .. }
                if self.ty(id) == self.ty(*place) && !matches!(self.ty(id), Type::Ref { .. }) =>
            {
                return self.expr(*place);
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
            // (`x + r` of a number `r` held for a `&T`, `LocalDecl::added_reference`, is
            // such a retyped borrow too: the value, read above.)
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
            ExprKind::DefaultOf(_) => return self.default_expr(id, loc),
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
