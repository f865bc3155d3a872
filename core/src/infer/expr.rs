//! The walk over expressions: each expression's type, by its kind, with the forms of
//! their own concern (calls, places, operators, loops, classes) handed to their files;
//! blocks, `if` branches, tuples and `return`.
//!
//! Every expression's type is recorded (`Infer::expr_types`) as the walk leaves it, after
//! the guard on the type limits; the walk recurses on a grown stack (`stack::deep`), as
//! expressions nest as deep as the source does.

use super::deferred::Deferred;
use super::diagnostics;
use super::unify::{Ty, VarKind};
use super::{Infer, Mode};
use crate::ir::{Block, ExprId, ExprKind, Lit, LocId, Stmt};
use crate::types::PrimTy;

impl Infer<'_> {
    /// The type of expression `id`, recorded.
    pub(super) fn expr(&mut self, id: ExprId) -> Ty {
        // While `id` is typed (its parts walked), the walk is at it.
        let outer = self.walk_loc.replace(self.loc(id));
        let t = crate::stack::deep(|| self.expr_inner(id));
        self.walk_loc.set(outer);
        let t = self.guard_type_size(t, id);
        self.expr_types[id.index()] = t.clone();
        t
    }

    fn expr_inner(&mut self, id: ExprId) -> Ty {
        let ir = self.ir;
        let e = ir.expr(id);
        let loc = e.loc;
        match &e.kind {
            ExprKind::Lit(lit) => self.literal(id, lit),
            // Only at macro time: the runtime writes the value in as a literal first.
            ExprKind::Const(c) => match ir.consts[c.index()].ty {
                Some(t) => Ty::Prim(t),
                None => Ty::Unknown,
            },
            ExprKind::Local(l) => match &self.local_types[l.index()] {
                Some(t) => t.clone(),
                None => Ty::Unknown,
            },
            ExprKind::Unary(op, inner) => self.unary(id, *op, *inner),
            ExprKind::Binary(op, a, b) => self.binary(id, *op, *a, *b),
            ExprKind::Assign(place, value) => self.assign(id, *place, *value),
            ExprKind::CompoundAssign(op, place, value) => {
                self.compound_assign(id, *op, *place, *value)
            }
            ExprKind::Cast(inner, target) => self.cast(id, *inner, target),
            ExprKind::Block(block) => self.block(block),
            ExprKind::If {
                cond,
                then_branch,
                else_branch,
            } => {
                let ct = self.expr(*cond);
                let cloc = self.loc(*cond);
                self.coerce_at(&ct, &Ty::Prim(PrimTy::Bool), cloc);
                self.branches(loc, *then_branch, *else_branch)
            }
            ExprKind::While { cond, body } => self.while_loop(*cond, *body),
            ExprKind::Loop { body } => self.plain_loop(id, *body),
            ExprKind::ForRange { .. } => self.for_range(id),
            ExprKind::Break { target, value } => self.break_loop(loc, *target, *value),
            ExprKind::Continue { .. } => Ty::Never,
            ExprKind::Return(value) => {
                let (vt, vloc) = match value {
                    Some(v) => (self.expr(*v), self.loc(*v)),
                    None => (Ty::Unit, loc),
                };
                let ret = self.ret.clone();
                if self.coerce(&vt, &ret).is_err() {
                    let d = self.mismatch(vloc, &ret, &vt);
                    let d = self.return_type_note(d);
                    self.diags.push(d);
                }
                Ty::Never
            }
            ExprKind::Tuple(es) => Ty::Tuple(es.iter().map(|e| self.expr(*e)).collect()),
            ExprKind::Array(init) => self.array_lit(id, init),
            ExprKind::TupleField(base, index) => {
                let bt = self.expr(*base);
                self.tuple_field(&bt, *index, (loc, self.loc(*base)))
            }
            ExprKind::Index(base, index) => {
                let bt = self.expr(*base);
                let it = self.expr(*index);
                self.index(id, &bt, &it, loc, self.loc(*index))
            }
            ExprKind::Call { callee, args } => self.call(id, *callee, args),
            ExprKind::CallIndirect { callee, args } => self.call_indirect(*callee, args, loc),
            ExprKind::FnRef(item) => self.fn_ref(*item, loc),
            ExprKind::ForEach {
                var,
                iterable,
                body,
            } => self.for_each(*var, *iterable, *body),
            ExprKind::MethodCall {
                receiver,
                method,
                args,
            } => self.method_call(id, *receiver, method, args),
            ExprKind::Some(inner) => Ty::Option(Box::new(self.expr(*inner))),
            ExprKind::BoxNew(inner) => self.box_new(id, *inner),
            ExprKind::DefaultOf(ty) => self.default_of(id, ty),
            ExprKind::None => Ty::Option(Box::new(self.fresh(VarKind::General))),
            ExprKind::IfLetSome {
                pattern,
                scrutinee,
                then_branch,
                else_branch,
            } => {
                self.if_let_some(loc, pattern, *scrutinee);
                self.branches(loc, *then_branch, *else_branch)
            }
            ExprKind::Panic(msg) => {
                for a in &msg.args {
                    let t = self.expr(*a);
                    self.deferred.push(Deferred::PanicArg(*a, t));
                }
                Ty::Never
            }
            ExprKind::Field(base, name) => {
                let bt = self.expr(*base);
                self.field(id, &bt, name, loc)
            }
            ExprKind::StructLit { class, fields } => self.struct_lit(id, *class, fields),
            ExprKind::Intrinsic { which, ty, args } => self.intrinsic(id, *which, ty, args),
            ExprKind::ObjMode {
                args,
                inputs,
                output,
                ..
            } => self.obj_mode(loc, args, inputs, output),
            ExprKind::AddrOf { place, mutable }
                if self.is_call_arg(id) || self.is_added(id) || self.is_lent_to_dyn(id) =>
            {
                self.borrowed_arg(id, *place, *mutable)
            }
            ExprKind::AddrOf { place, mutable } => self.addr_of(*place, *mutable),
            ExprKind::SubSlice {
                base,
                start,
                end,
                mutable,
                ..
            } => self.sub_slice(id, *base, (*start, *end), *mutable),
            ExprKind::AssocCall { class, name, args } => self.assoc_call(id, *class, name, args),
            ExprKind::TraitCall {
                class,
                param,
                traits,
                name,
                args,
            } => self.trait_call(id, (*class, *param), traits, name, args),
            ExprKind::VecNew { elem, init } => self.vec_new(id, elem, init),
        }
    }

    /// An unsuffixed literal is a variable of its kind (`{integer}`, `{float}`), which
    /// takes its type from its uses or its default at the end.
    fn literal(&mut self, id: ExprId, lit: &Lit) -> Ty {
        match lit {
            Lit::Int(v, suffix) => {
                let t = match suffix {
                    Some(p) => Ty::Prim(*p),
                    None => self.fresh(VarKind::Int),
                };
                self.int_lits.push((id, *v, t.clone()));
                t
            }
            Lit::Float(v, suffix) => {
                let t = match suffix {
                    Some(p) => Ty::Prim(*p),
                    None => self.fresh(VarKind::Float),
                };
                if v.overflowing_text.is_some() {
                    self.overflowing_float_lits.push((id, t.clone()));
                }
                t
            }
            Lit::Bool(_) => Ty::Prim(PrimTy::Bool),
            Lit::Char(_) => Ty::Prim(PrimTy::Char),
            Lit::Str(_) => Ty::Str,
            Lit::ByteStr(_) => Ty::Slice(Box::new(Ty::Prim(PrimTy::U8)), false),
            Lit::Unit => Ty::Unit,
        }
    }

    /// Where the value of expression `e` comes from: the tail of a block, recursively;
    /// `None` for a block without a tail.
    pub(super) fn tail_loc(&self, e: ExprId) -> Option<LocId> {
        // A loop: blocks may nest as deep as expressions do.
        let mut e = e;
        loop {
            match &self.ir.expr(e).kind {
                ExprKind::Block(b) => match (b.tail, b.tail.map(|t| &self.ir.expr(t).kind)) {
                    (None, _) => return None,
                    (Some(t), Some(ExprKind::Block(inner))) if inner.tail.is_none() => {
                        return Some(self.loc(t));
                    }
                    (Some(t), _) => e = t,
                },
                _ => return Some(self.loc(e)),
            }
        }
    }

    /// A receiver whose type must be known now; reports "type annotations needed" otherwise.
    pub(super) fn known_receiver(&mut self, t: &Ty, loc: LocId) -> Option<Ty> {
        match self.resolve(t) {
            Ty::Unknown => None,
            Ty::Var(v) if self.var_kind(v) == VarKind::General => {
                if self.mode == Mode::Runtime {
                    self.diags.push(diagnostics::type_annotations_needed(loc));
                }
                None
            }
            // Auto-deref, as Rust's method calls, indexes and fields do: a `&Vec<T>` /
            // `&mut Vec<T>` parameter is used as the `Vec` it borrows (whether it may be
            // changed is its reference's mutability: `check_mutable_receiver`).
            Ty::Ref(inner, _) if matches!(self.resolve(&inner), Ty::Vec(_)) => {
                Some(self.resolve(&inner))
            }
            t => Some(t),
        }
    }

    fn block(&mut self, block: &Block) -> Ty {
        let mut diverges = false;
        for stmt in &block.stmts {
            match stmt {
                Stmt::Let {
                    pattern,
                    ty,
                    init,
                    loc,
                } => {
                    let decl = match ty {
                        Some(te) => self.ty_of_expr_type(te, *loc),
                        None => self.fresh(VarKind::General),
                    };
                    if let Some(init) = init {
                        let it = self.expr(*init);
                        if self.set_has_no_part(*init) {
                            self.bind_pattern(pattern, &Ty::Unknown, *loc, true);
                            continue;
                        }
                        if self.resolve(&it) == Ty::Never {
                            diverges = true;
                            // The binding is never reached; any type will do.
                            if matches!(self.resolve(&decl), Ty::Var(v) if self.var_kind(v) == VarKind::General)
                            {
                                let _ = self.unify(&decl, &Ty::Unit);
                            }
                        }
                        let iloc = self.tail_loc(*init).unwrap_or(self.loc(*init));
                        if self.coerce_expr(*init, &it, &decl).is_err() {
                            let d = self.mismatch(iloc, &decl, &it);
                            self.diags.push(d);
                        }
                    }
                    self.bind_pattern(pattern, &decl, *loc, init.is_some());
                }
                Stmt::Expr(e) => {
                    let t = self.expr(*e);
                    if self.resolve(&t) == Ty::Never {
                        diverges = true;
                    }
                }
            }
        }
        match block.tail {
            Some(t) => self.expr(t),
            None if diverges => Ty::Never,
            None => Ty::Unit,
        }
    }

    /// The type of `if`/`if let` branches: a missing `else` needs a `()` then-branch.
    fn branches(&mut self, loc: LocId, then_branch: ExprId, else_branch: Option<ExprId>) -> Ty {
        let tt = self.expr(then_branch);
        let Some(els) = else_branch else {
            if self.coerce(&tt, &Ty::Unit).is_err() {
                let shown = self.show(&tt);
                self.diags.push(diagnostics::missing_else(loc, &shown));
                // Its value was meant to be used: no follow-up "found `()`".
                return Ty::Unknown;
            }
            return Ty::Unit;
        };
        let et = self.expr(els);
        if self.resolve(&tt) == Ty::Never {
            et
        } else if self.resolve(&et) == Ty::Never {
            tt
        } else {
            if self.unify(&tt, &et).is_err() {
                let eloc = self.tail_loc(els).unwrap_or(self.loc(els));
                let (a, b) = (self.show(&tt), self.show(&et));
                self.diags
                    .push(diagnostics::incompatible_branches(eloc, &a, &b));
            }
            tt
        }
    }

    /// `base.index`; an open type of `base` is reported at `base`, as rustc does.
    fn tuple_field(&mut self, bt: &Ty, index: u32, (loc, base_loc): (LocId, LocId)) -> Ty {
        match self.known_receiver(bt, base_loc) {
            None => Ty::Unknown,
            Some(Ty::Tuple(es)) if (index as usize) < es.len() => es[index as usize].clone(),
            Some(other) => {
                let shown = self.show(&other);
                self.diags
                    .push(diagnostics::no_tuple_field(loc, index, &shown));
                Ty::Unknown
            }
        }
    }
}
