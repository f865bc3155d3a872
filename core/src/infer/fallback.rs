//! After the walk: literals that nothing typed take the types a cast gives them, or Rust's
//! defaults (`i32`, `f64`); literals are checked against their final type's range; and the types of the walk become concrete `Type`s (`finish`).
//!
//! `finish` reports the first expression, local or call whose type stayed open ("type
//! annotations needed") and nothing after it: one open type usually leaves many.

use super::deferred::Deferred;
use super::diagnostics;
use super::unify::{Ty, VarKind, VarState};
use super::{Infer, Typed};
use crate::diag::Diagnostic;
use crate::ir::{ExprId, ExprKind, Lit};
use crate::types::{PrimTy, Type};

impl Infer<'_> {
    /// `3_000_000_000 as u64`: like rustc, a literal written in the cast (also under `-` or
    /// as a block's tail) takes the cast's type. Any other operand keeps its own type,
    /// falling back to `i32`/`f64` first (rustc checks casts after fallback): `let n = 1;
    /// (n << 31) as i64` is an `i32` shift, `-2147483648`.
    pub(super) fn casts_type_literals(&mut self) {
        let casts: Vec<(ExprId, Ty, Ty)> = self
            .deferred
            .iter()
            .filter_map(|d| match d {
                Deferred::Cast(id, from, to) => Some((*id, from.clone(), to.clone())),
                _ => None,
            })
            .collect();
        for (id, from, to) in casts {
            if let (Ty::Var(v), Ty::Prim(p)) = (self.resolve(&from), self.resolve(&to)) {
                if !self.casts_a_literal(id) {
                    continue;
                }
                // `97 as char`: only a `u8` casts to `char`, so rustc types the literal
                // `u8` (`let n = 97; n as char` leaves `n` to fall back to `i32`, and the
                // cast is refused: E0604).
                let p = if p == PrimTy::Char { PrimTy::U8 } else { p };
                let fits = match self.var_kind(v) {
                    VarKind::Int => p.is_int(),
                    VarKind::Float => p.is_float(),
                    VarKind::General => false,
                };
                if fits {
                    let _ = self.unify(&from, &Ty::Prim(p));
                }
            }
        }
    }

    /// Whether the cast `id` casts a literal written in it (`97 as char`, `-1 as i64`,
    /// `{ 5 } as u8`): where rustc's expectation of the cast's type reaches.
    fn casts_a_literal(&self, id: ExprId) -> bool {
        match self.ir.expr(id).kind {
            ExprKind::Cast(inner, _) => self.is_literal_under_expectation(inner),
            _ => false,
        }
    }

    /// Whether `id` is a literal, possibly negated or a block's tail.
    fn is_literal_under_expectation(&self, id: ExprId) -> bool {
        match &self.ir.expr(id).kind {
            ExprKind::Lit(_) => true,
            ExprKind::Unary(crate::ir::UnOp::Neg, inner) => {
                self.is_literal_under_expectation(*inner)
            }
            ExprKind::Block(b) => b.tail.is_some_and(|t| self.is_literal_under_expectation(t)),
            _ => false,
        }
    }

    /// At macro time, a literal still untyped after the walk may be the argument of an
    /// unknown callee, whose parameter type only the first call knows: no range check on a
    /// guess.
    pub(super) fn forget_untyped_literals(&mut self) {
        let lits = std::mem::take(&mut self.int_lits);
        self.int_lits = lits
            .into_iter()
            .filter(|(_, _, t)| !matches!(self.resolve(t), Ty::Var(_)))
            .collect();
        let lits = std::mem::take(&mut self.overflowing_float_lits);
        self.overflowing_float_lits = lits
            .into_iter()
            .filter(|(_, t)| !matches!(self.resolve(t), Ty::Var(_)))
            .collect();
    }

    /// Gives unconstrained literals Rust's default types.
    pub(super) fn default_literals(&mut self) {
        for v in 0..self.vars.len() {
            if let VarState::Unbound(kind) = self.vars[v] {
                let t = match kind {
                    VarKind::Int => Ty::Prim(PrimTy::I32),
                    VarKind::Float => Ty::Prim(PrimTy::F64),
                    VarKind::General => continue,
                };
                self.vars[v] = VarState::Bound(t);
            }
        }
    }

    /// An integer literal fits its type (`300_u8` does not).
    pub(super) fn check_int_literals(&mut self) {
        for (id, v, t) in std::mem::take(&mut self.int_lits) {
            let Some(p) = self.prim_or_skip(&t) else {
                continue;
            };
            if let Some((lo, hi)) = p.int_range()
                && (v < lo || v > hi)
            {
                self.diags.push(diagnostics::literal_out_of_range(
                    self.loc(id),
                    p,
                    v,
                    lo,
                    hi,
                ));
            }
        }
    }

    /// A float literal fits its type: `1e400` does not fit `f64`, nor `1e39` `f32` (rustc's
    /// deny-by-default `overflowing_literals`; the literal would become infinity).
    pub(super) fn check_float_literals(&mut self) {
        for (id, t) in std::mem::take(&mut self.overflowing_float_lits) {
            let Some(p) = self.prim_or_skip(&t) else {
                continue;
            };
            let ExprKind::Lit(Lit::Float(v, _)) = &self.ir.expr(id).kind else {
                continue;
            };
            if let Some(text) = v.out_of_range_text(p) {
                self.diags.push(diagnostics::float_literal_out_of_range(
                    self.loc(id),
                    p,
                    text,
                ));
            }
        }
    }

    /// `diags` after the members that could not be made, which explain them (a type left
    /// open because its member is past a limit): those alone when there are any.
    pub(super) fn with_member_errors(&self, diags: Vec<Diagnostic>) -> Vec<Diagnostic> {
        let mut errors = std::mem::take(&mut *self.member_errors.borrow_mut());
        errors.dedup_by(|a, b| a.message == b.message);
        if errors.is_empty() { diags } else { errors }
    }

    /// The concrete types of everything, or the errors (run time only).
    pub(super) fn finish(mut self) -> Result<Typed, Vec<Diagnostic>> {
        if let Some(d) = self.type_limit_error() {
            return Err(vec![d]);
        }
        if let Some(d) = self.open_class_diagnostic() {
            return Err(self.with_member_errors(vec![d]));
        }
        let mut expr_types = Vec::with_capacity(self.expr_types.len());
        let mut reported = false;
        for (i, t) in self.expr_types.iter().enumerate() {
            match self.concrete(t) {
                Some(c) => expr_types.push(c),
                // Never reached by the walk (an expression the lowering built and dropped).
                None if *t == Ty::Unknown => expr_types.push(Type::Unit),
                None => {
                    if !reported {
                        self.diags
                            .push(diagnostics::type_annotations_needed(self.ir.exprs[i].loc));
                        reported = true;
                    }
                    expr_types.push(Type::Unit);
                }
            }
        }
        let mut local_types = Vec::with_capacity(self.local_types.len());
        for (i, t) in self.local_types.iter().enumerate() {
            match t.as_ref().and_then(|t| self.concrete(t)) {
                Some(c) => local_types.push(c),
                None => {
                    // A local that is declared but never reached (dead code) or never given a type.
                    if t.is_some() && !reported {
                        let decl = &self.ir.locals[i];
                        self.diags.push(diagnostics::local_type_annotations_needed(
                            decl.loc, &decl.name,
                        ));
                        reported = true;
                    }
                    local_types.push(Type::Unit);
                }
            }
        }
        let mut resolutions = Vec::with_capacity(self.resolutions.len());
        let mut open_call = None;
        for (i, resolution) in self.resolutions.iter().enumerate() {
            resolutions.push(resolution.as_ref().map(|r| {
                r.map_type_args(|v| {
                    self.concrete(v).unwrap_or_else(|| {
                        open_call.get_or_insert(i);
                        Type::Unit
                    })
                })
            }));
        }
        if let Some(i) = open_call
            && !reported
        {
            self.diags.push(diagnostics::call_type_annotations_needed(
                self.ir.exprs[i].loc,
            ));
        }
        let unknown_members = self.rewrite_family_calls(&mut resolutions);
        if self.diags.is_empty() {
            self.diags.extend(unknown_members);
        }
        if !self.diags.is_empty() || !self.member_errors.borrow().is_empty() {
            let diags = std::mem::take(&mut self.diags);
            return Err(self.with_member_errors(diags));
        }
        let ret = self.concrete(&self.ret).expect("return type is concrete");
        let params = self
            .ir
            .params
            .iter()
            .map(|p| local_types[p.local.index()].clone())
            .collect();
        Ok(Typed {
            expr_types,
            local_types,
            resolutions,
            adjustments: self.adjustments,
            opaque_equalities: self.opaque_equalities,
            slice_indexes: Vec::new(),
            consuming_loops: Vec::new(),
            ret,
            params,
        })
    }
}
