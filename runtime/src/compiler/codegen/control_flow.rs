//! Control flow in generated code: blocks and `let`, `if`, `if let Some`, `&&`/`||`,
//! `while`, `loop`, `for` over tuples and slices (`ranges.rs` has `for` over ranges),
//! `break`, `continue` and `return`.
//!
//! An expression that cannot complete returns `None` and leaves the builder in a
//! terminated block; the join of a construct's branches gets a phi of the values that do
//! arrive, and a join nothing reaches ends in `unreachable` (it has no predecessors).

use super::{FnCx, LoopFrame, Val};
use crate::Type;
use crate::compiler::types::{fields, from_mem, is_indirect, mem_type, reg_type};
use crate::compiler::{CgError, CgResult};
use inkwell::AddressSpace;
use inkwell::basic_block::BasicBlock;
use inkwell::types::BasicType;
use inkwell::values::IntValue;
use jitclass_core::ir::{Block, ExprId, ExprKind, LocalId, Pattern, Stmt};
use jitclass_core::str_methods::LOOP_TEXT;

impl FnCx<'_> {
    /// `break 'target value`: the value joins the loop's exit.
    pub(super) fn break_expr(
        &mut self,
        target: ExprId,
        value: Option<ExprId>,
    ) -> CgResult<Option<Val>> {
        let v = match value {
            Some(v) => match self.expr(v)? {
                Some(v) => v,
                None => return Ok(None),
            },
            None => self.unit(),
        };
        self.end_lends_for_jump(self.loops[&target].lent_depth)?;
        let here = self.current();
        let frame = self.loops.get_mut(&target).expect("break inside its loop");
        frame.breaks.push((v, here));
        let exit = frame.exit_bb;
        self.b().build_unconditional_branch(exit)?;
        Ok(None)
    }

    /// `continue 'target`.
    pub(super) fn continue_expr(&mut self, target: ExprId) -> CgResult<Option<Val>> {
        self.end_lends_for_jump(self.loops[&target].lent_depth)?;
        let cont = self.loops[&target].continue_bb;
        self.b().build_unconditional_branch(cont)?;
        Ok(None)
    }

    /// `return value`.
    pub(super) fn return_expr(&mut self, value: Option<ExprId>) -> CgResult<Option<Val>> {
        let v = match value {
            Some(v) => match self.expr(v)? {
                Some(v) => v,
                None => return Ok(None),
            },
            None => self.unit(),
        };
        self.emit_return(v)?;
        Ok(None)
    }

    /// `a && b` / `a || b`, evaluating `b` only when needed.
    pub(super) fn short_circuit(
        &mut self,
        is_and: bool,
        a: ExprId,
        b: ExprId,
    ) -> CgResult<Option<Val>> {
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

    pub(super) fn block_expr(&mut self, id: ExprId, block: &Block) -> CgResult<Option<Val>> {
        // The views of `String`s a statement made are lent until it ends
        // (`owned_text.rs`), but the text of a loop over a string's iterator, lent until
        // the block holding the loop ends, or the loop's borrow dies on a path leaving it
        // (`text_loop_lend.rs`).
        let block_lends = self.lent.len();
        let mut loop_text = false;
        for (k, stmt) in block.stmts.iter().enumerate() {
            self.end_text_lends_at((id, k))?;
            let from = self.lent.len();
            match stmt {
                Stmt::Let { pattern, init, .. } => {
                    if let Some(init) = init {
                        match self.lend_loop_element(pattern, *init)? {
                            Some(true) => continue,
                            Some(false) => {
                                self.lent.truncate(from);
                                return Ok(None);
                            }
                            None => {}
                        }
                        let Some(v) = self.expr(*init)? else {
                            self.lent.truncate(from);
                            return Ok(None);
                        };
                        let t = self.ty(*init).clone();
                        if let Pattern::Bind(l) = pattern
                            && self.ir.local(*l).name == LOOP_TEXT
                        {
                            loop_text = true;
                            if t == Type::String {
                                // The local's reference keeps the block; the lend keeps
                                // its bytes in place.
                                let h = self.header(v, &Type::U8)?;
                                self.begin_lend(h.lends, None)?;
                                self.plan_text_lend_ends(block, *l);
                            }
                            self.bind(pattern, v, &t)?;
                            continue;
                        }
                        self.bind(pattern, v, &t)?;
                    }
                }
                Stmt::Expr(e) => {
                    let Some(v) = self.expr(*e)? else {
                        self.lent.truncate(from);
                        return Ok(None);
                    };
                    let t = self.ty(*e).clone();
                    self.drop_value(v, &t)?;
                }
            }
            self.end_lends(from)?;
        }
        self.end_text_lends_at((id, block.stmts.len()))?;
        let value = match block.tail {
            Some(t) => self.expr(t)?,
            None => Some(self.unit()),
        };
        if loop_text {
            match value {
                Some(_) => self.end_lends(block_lends)?,
                None => self.lent.truncate(block_lends),
            }
        }
        Ok(value)
    }

    /// Moves `v` (owned) into the pattern's locals; what `_` matches is dropped.
    pub(super) fn bind(&mut self, pattern: &Pattern, v: Val, t: &Type) -> CgResult<()> {
        match pattern {
            Pattern::Bind(l) => {
                self.store(self.locals[l.index()], false, v, t)?;
            }
            Pattern::Wild => self.drop_value(v, t)?,
            Pattern::Tuple(ps) => {
                let elems = fields(t);
                for (i, p) in ps.iter().enumerate() {
                    let f = self.value_part(v, t, i as u32)?;
                    self.bind(p, f, &elems[i])?;
                }
            }
        }
        Ok(())
    }

    /// Joins the values flowing into `merge`; `None` if nothing reaches it.
    pub(super) fn join(
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

    pub(super) fn if_expr(
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
    pub(super) fn if_let_expr(
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
        let option_ty = self.ty(scrutinee).clone();
        let (is_some, value) = self.option_parts(option, &option_ty)?;
        let inner = fields(&option_ty)[1].clone();
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

    pub(super) fn while_expr(
        &mut self,
        id: ExprId,
        cond: ExprId,
        body: ExprId,
    ) -> CgResult<Option<Val>> {
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

    pub(super) fn loop_expr(&mut self, id: ExprId, body: ExprId) -> CgResult<Option<Val>> {
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
    pub(super) fn loop_body(
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
                lent_depth: self.lent.len(),
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
    pub(super) fn for_each_expr(
        &mut self,
        id: ExprId,
        var: LocalId,
        iterable: ExprId,
        body: ExprId,
    ) -> CgResult<Option<Val>> {
        let it_ty = self.ty(iterable).clone();
        // Rust iterates a copy of an array; a local array the body never names cannot
        // change while the loop runs, so the loop reads the local itself, without the copy
        // (and without the stall of reading a whole array just written element-wise).
        let (it, borrowed) = match self.ir.expr(iterable).kind {
            ExprKind::Local(l)
                if matches!(it_ty, Type::Array { .. }) && !self.mentions_local(body, l) =>
            {
                (self.locals[l.index()].into(), true)
            }
            _ => match self.expr(iterable)? {
                Some(it) => (it, false),
                None => return Ok(None),
            },
        };
        let elem_ty = self.typed.local_types[var.index()].clone();
        let i64t = self.ctx.i64_type();
        // The loop owns the tuple (its elements' references) until it ends; a local it
        // reads in place keeps its own.
        let held = if borrowed {
            None
        } else {
            self.hold(it, &it_ty)?
        };
        let (base, len, in_memory) = match &it_ty {
            // An indirect tuple is in memory already, in the memory form.
            Type::Tuple(elems) if is_indirect(&it_ty) => {
                let elem_ptr = mem_type(self.ctx, &elem_ty).ptr_type(AddressSpace::default());
                let base = self
                    .b()
                    .build_bit_cast(it, elem_ptr, "foreach.elems")?
                    .into_pointer_value();
                (base, i64t.const_int(elems.len() as u64, false), true)
            }
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
            // In memory (indirect), its elements in their memory form.
            Type::Array { len, .. } => {
                let elem_ptr = mem_type(self.ctx, &elem_ty).ptr_type(AddressSpace::default());
                let base = self
                    .b()
                    .build_bit_cast(it, elem_ptr, "foreach.elems")?
                    .into_pointer_value();
                (base, i64t.const_int(*len, false), true)
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
        self.index_for_loop(
            (id, body),
            "foreach",
            |_| Ok(len),
            |cx, cur| {
                // SAFETY (of the generated code): `cur < len`, the element count.
                let at = unsafe { cx.b().build_in_bounds_gep(base, &[cur], "elem.ptr")? };
                // An indirect element is the iterable's memory, copied into the variable
                // below.
                let elem = if is_indirect(&elem_ty) {
                    at.into()
                } else {
                    let elem = cx.b().build_load(at, "elem")?;
                    if in_memory {
                        from_mem(cx.ctx, cx.b(), elem, &elem_ty)?
                    } else {
                        elem
                    }
                };
                // The variable holds its own reference; the iterable keeps the element's.
                cx.copy_value(elem, &elem_ty)?;
                cx.store(cx.locals[var.index()], false, elem, &elem_ty)
            },
        )?;
        self.release(held)?;
        Ok(Some(self.unit()))
    }
}
