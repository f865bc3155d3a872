//! Operators on class instances, as calls of the class's operator trait methods (the
//! table of `crate::operators`): `-v`, `a op b` (with Rust's provided comparison methods
//! when a class does not define them), `v[i]` and `a op= b`.
//!
//! A class may implement one trait several times (`Mul<f64>`, `Mul<V>`): one impl is the
//! one, whose operand type then checks the argument; among several, the right operand's
//! type chooses, as in rustc. What was chosen is recorded as the expression's
//! `Resolution::ClassOp`, with no generic arguments (operator methods have none).

use super::class::ClassFn;
use super::diagnostics;
use super::unify::{Ty, concrete_type};
use super::{ClassCall, ClassOp, Infer, Resolution};
use crate::diag::Diagnostic;
use crate::ir::{BinOp, ExprId, ExprKind, LocId, UnOp};
use crate::operators::{OperatorMethod, Provided, Syntax};
use crate::types::{ClassKey, PrimTy};

impl Infer<'_> {
    /// `op v` on a class instance: `method(v)`.
    pub(super) fn class_unary(
        &mut self,
        id: ExprId,
        op: UnOp,
        method: OperatorMethod,
        operand: (ExprId, Ty),
        key: ClassKey,
    ) -> Ty {
        let loc = self.loc(id);
        match self.operator_fn(&key, method, None, loc) {
            Ok(Some(f)) => {
                let r = self.operator_call(&f, &[operand]);
                self.record_resolution(id, Resolution::ClassOp(ClassOp::Call(f.call)));
                r
            }
            Ok(None) => {
                self.diags.push(diagnostics::class_unary_without_impl(
                    loc,
                    op,
                    &key.name,
                    method.operator_trait().name(),
                ));
                Ty::Unknown
            }
            Err(()) => Ty::Unknown,
        }
    }

    /// `a op b` with a class instance on the left.
    pub(super) fn class_binary(
        &mut self,
        id: ExprId,
        op: BinOp,
        (a, at): (ExprId, Ty),
        (b, bt): (ExprId, Ty),
        key: ClassKey,
    ) -> Ty {
        let loc = self.loc(id);
        let method = OperatorMethod::for_syntax(Syntax::Binary(op));
        let operands = [(a, at.clone()), (b, bt.clone())];
        let swapped = [(b, bt.clone()), (a, at.clone())];
        let Ok(direct) = (match method {
            None => Ok(None),
            Some(m) => self.operator_fn(&key, m, Some(&bt), loc),
        }) else {
            return Ty::Unknown;
        };
        if let Some(f) = direct {
            let t = self.operator_call(&f, &operands);
            self.record_resolution(id, Resolution::ClassOp(ClassOp::Call(f.call)));
            return t;
        }
        // Rust's provided methods: `ne` from `eq`, `gt`/`le`/`ge` from `lt` (and `eq`).
        let fallback = match method.and_then(OperatorMethod::provided) {
            Some(Provided::Negated(eq)) => self.operator_fn(&key, eq, Some(&bt), loc).map(|eq| {
                eq.map(|eq| {
                    self.operator_call(&eq, &operands);
                    ClassOp::Negated(eq.call)
                })
            }),
            Some(Provided::Swapped(lt)) => self.operator_fn(&key, lt, Some(&at), loc).map(|lt| {
                lt.map(|lt| {
                    self.operator_call(&lt, &swapped);
                    ClassOp::Swapped(lt.call)
                })
            }),
            Some(Provided::OrEq {
                lt,
                eq,
                swapped: swapped_form,
            }) => {
                let lt = self.operator_fn(&key, lt, Some(&bt), loc);
                let eq = self.operator_fn(&key, eq, Some(&bt), loc);
                match (lt, eq) {
                    (Ok(Some(lt)), Ok(Some(eq))) => {
                        self.operator_call(&lt, if swapped_form { &swapped } else { &operands });
                        self.operator_call(&eq, &operands);
                        Ok(Some(ClassOp::OrEq {
                            lt: lt.call,
                            eq: eq.call,
                            swapped: swapped_form,
                        }))
                    }
                    (Err(()), _) | (_, Err(())) => Err(()),
                    _ => Ok(None),
                }
            }
            None => Ok(None),
        };
        match fallback {
            Ok(Some(class_op)) => {
                self.record_resolution(id, Resolution::ClassOp(class_op));
                Ty::Prim(PrimTy::Bool)
            }
            Ok(None) => {
                let shown = self.show(&bt);
                self.diags.push(diagnostics::class_binary_without_impl(
                    loc,
                    op,
                    &key.name,
                    method.and_then(|m| m.no_impl_for_rhs(&key.name, &shown)),
                    method.map(|m| m.operator_trait().name()),
                    &shown,
                ));
                Ty::Unknown
            }
            Err(()) => Ty::Unknown,
        }
    }

    /// `v[i]` on a class instance: `*index(v, i)`, or `*index_mut(v, i)` as a place.
    pub(super) fn class_index(
        &mut self,
        id: ExprId,
        key: ClassKey,
        method: OperatorMethod,
        (bt, it): (&Ty, &Ty),
    ) -> Ty {
        let loc = self.loc(id);
        let ExprKind::Index(base, index) = self.ir.expr(id).kind else {
            unreachable!("an index expression")
        };
        match self.operator_fn(&key, method, Some(it), loc) {
            Ok(Some(f)) => {
                let r = self.operator_call(&f, &[(base, bt.clone()), (index, it.clone())]);
                self.record_resolution(id, Resolution::ClassOp(ClassOp::Call(f.call)));
                match self.resolve(&r) {
                    Ty::Ref(inner, _) => *inner,
                    _ => Ty::Unknown,
                }
            }
            Ok(None) => {
                let shown = self.show(it);
                let mutable = method.syntax() == (Syntax::Index { mutable: true });
                self.diags.push(diagnostics::class_index_without_impl(
                    loc,
                    &key.name,
                    mutable,
                    method.operator_trait().name(),
                    &shown,
                ));
                Ty::Unknown
            }
            Err(()) => Ty::Unknown,
        }
    }

    /// `place op= value` on a class instance: its `*Assign` trait method.
    pub(super) fn class_compound(
        &mut self,
        id: ExprId,
        op: BinOp,
        (place, pt): (ExprId, Ty),
        (value, vt): (ExprId, Ty),
        key: ClassKey,
    ) -> Ty {
        let loc = self.loc(id);
        let method = OperatorMethod::for_syntax(Syntax::Compound(op));
        let found = match method {
            None => Ok(None),
            Some(m) => self.operator_fn(&key, m, Some(&vt), loc),
        };
        match found {
            Ok(Some(f)) => {
                self.operator_call(&f, &[(place, pt), (value, vt)]);
                self.record_resolution(id, Resolution::ClassOp(ClassOp::Call(f.call)));
            }
            Ok(None) => {
                // As rustc: impls for other right-hand types are named by the trait's
                // own message; with no impl at all, the operator is not applicable.
                let has_impls = method.is_some_and(|m| {
                    self.callees
                        .method(&key, &m.key())
                        .is_ok_and(|impls| !impls.is_empty())
                });
                let shown = self.show(&vt);
                self.diags.push(diagnostics::class_compound_without_impl(
                    loc,
                    op,
                    &key.name,
                    (
                        method.and_then(|m| m.no_impl_for_rhs(&key.name, &shown)),
                        has_impls,
                    ),
                    method.map(|m| m.operator_trait().name()),
                    &shown,
                ));
            }
            Err(()) => {}
        }
        Ty::Unit
    }

    /// The impl of operator method `method` whose right-hand operand takes `rhs` (`None`
    /// for `Neg`); `Ok(None)` if the class has no such method.
    fn operator_fn(
        &mut self,
        key: &ClassKey,
        method: OperatorMethod,
        rhs: Option<&Ty>,
        loc: LocId,
    ) -> Result<Option<ClassFn>, ()> {
        let name = method.key();
        let candidates = match self.callees.method(key, &name) {
            Ok(c) => c,
            Err(message) => {
                self.diags.push(Diagnostic::new(loc, message));
                return Err(());
            }
        };
        if candidates.is_empty() {
            return Ok(None);
        }
        // As rustc: one impl is the one (its operand type then checks the argument, with
        // rustc's "mismatched types"); among several, the right operand's type chooses.
        let fits: Vec<usize> = if candidates.len() == 1 {
            vec![0]
        } else {
            (0..candidates.len())
                .filter(|&i| match (rhs, candidates[i].sig.params.get(1)) {
                    (None, _) => true,
                    (Some(r), Some(p)) => concrete_type(p, &[]).is_some_and(|p| self.may_be(r, &p)),
                    (Some(_), None) => false,
                })
                .collect()
        };
        match fits.as_slice() {
            [i] => Ok(Some(ClassFn {
                call: ClassCall {
                    class: key.clone(),
                    method: name,
                    candidate: *i,
                },
                sig: candidates[*i].clone(),
            })),
            [] => Ok(None),
            _ => {
                self.diags
                    .push(diagnostics::several_operator_impls(loc, &name, &key.name));
                Err(())
            }
        }
    }

    /// Checks the operands of an operator call against its method, returning its result.
    fn operator_call(&mut self, f: &ClassFn, operands: &[(ExprId, Ty)]) -> Ty {
        for ((e, t), p) in operands.iter().zip(&f.sig.sig.params) {
            let pt = self.ty_of_expr_type_with(p, Some(&[]));
            let loc = self.loc(*e);
            self.coerce_at(t, &pt, loc);
        }
        self.ty_of_expr_type_with(&f.sig.sig.ret, Some(&[]))
    }
}
