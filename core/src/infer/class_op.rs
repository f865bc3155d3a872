//! Operators on class instances, as calls of the class's operator trait methods (the
//! table of `crate::operators`): `-v`, `a op b` (with Rust's provided comparison methods
//! when a class does not define them), `v[i]` and `a op= b`.
//!
//! A class may implement one trait several times (`Mul<f64>`, `Mul<V>`): one impl is the
//! one, whose operand type then checks the argument; among several, the right operand's
//! type chooses, as in rustc (also for the provided comparisons: `a >= b` is `ge` of the
//! `PartialOrd<B>` impl, `B` being `b`'s type). While that type is still open (a literal's
//! `{float}` that two impls could take), the choice waits, as rustc's selection does, until
//! literals took their types (`choose_open_class_ops`): `s *= 2.0` with `MulAssign<f64>`
//! and `MulAssign<f32>` takes `f64`'s, and `s *= 2` with `MulAssign<i64>` and
//! `MulAssign<u8>` is "cannot multiply-assign `S` by `i32`". Meanwhile the operator's
//! value has an open type, which must not be used as a receiver ("type annotations
//! needed", as in rustc). What was chosen is recorded as the expression's
//! `Resolution::ClassOp`, with no generic arguments (operator methods have none).

use super::class::ClassFn;
use super::diagnostics;
use super::unify::{Ty, VarKind, VarState, concrete_type};
use super::{ClassCall, ClassOp, Infer, MethodSig, Resolution};
use crate::diag::Diagnostic;
use crate::ir::{BinOp, ExprId, ExprKind, LocId, UnOp};
use crate::operators::{OperatorMethod, Provided, Syntax};
use crate::types::{ClassKey, PrimTy};

/// An operator on a class instance whose impl waits for its right operand's type.
pub(super) struct OpenClassOp {
    id: ExprId,
    /// The operator's value meanwhile: a variable, unified with the chosen impl's result.
    value: Ty,
    form: OpenForm,
}

/// What `choose_open_class_ops` checks again once literals have their types. Of an
/// operand that is a generic class whose arguments are not known yet (`V2<{float}>` of
/// `V2::new(1.0, 2.0)`), `key` is its family until then (`defer_on_applied`).
pub(super) enum OpenForm {
    Unary {
        op: UnOp,
        method: OperatorMethod,
        operand: (ExprId, Ty),
        key: ClassKey,
    },
    Binary {
        op: BinOp,
        a: (ExprId, Ty),
        b: (ExprId, Ty),
        key: ClassKey,
    },
    Compound {
        op: BinOp,
        place: (ExprId, Ty),
        value: (ExprId, Ty),
        key: ClassKey,
    },
    Index {
        key: ClassKey,
        method: OperatorMethod,
        base: Ty,
        index: Ty,
    },
}

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
        if method.is_some_and(|m| self.binary_choice_waits(&key, m, &bt)) {
            let form = OpenForm::Binary {
                op,
                a: (a, at),
                b: (b, bt),
                key,
            };
            return self.open_class_op(id, form);
        }
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
        // Rust's provided methods: `ne` from `eq`, `gt`/`le`/`ge` from `partial_cmp` (which
        // the macro generates from `lt` and `eq`), of the impl the right operand chooses.
        let fallback = match method.and_then(OperatorMethod::provided) {
            Some(Provided::Negated(eq)) => self.operator_fn(&key, eq, Some(&bt), loc).map(|eq| {
                eq.map(|eq| {
                    self.operator_call(&eq, &operands);
                    ClassOp::Negated(eq.call)
                })
            }),
            Some(Provided::ByPartialCmp { lt, eq, accepts }) => {
                let lt = self.operator_fn(&key, lt, Some(&bt), loc);
                let eq = self.operator_fn(&key, eq, Some(&bt), loc);
                match (lt, eq) {
                    (Ok(Some(lt)), Ok(Some(eq))) => {
                        // `partial_cmp(a, b)` calls `lt(a, b)`, `lt(b, a)` and `eq(a, b)`;
                        // one mismatch of the operands is reported once.
                        let reported = self.diags.len();
                        self.operator_call(&lt, &operands);
                        if self.diags.len() == reported {
                            self.operator_call(&lt, &swapped);
                            self.operator_call(&eq, &operands);
                        }
                        Ok(Some(ClassOp::ByPartialCmp {
                            lt: lt.call,
                            eq: eq.call,
                            accepts,
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
        if self.choice_waits(&key, method, it) {
            let form = OpenForm::Index {
                key,
                method,
                base: bt.clone(),
                index: it.clone(),
            };
            return self.open_class_op(id, form);
        }
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
        if method.is_some_and(|m| self.choice_waits(&key, m, &vt)) {
            let form = OpenForm::Compound {
                op,
                place: (place, pt),
                value: (value, vt),
                key,
            };
            self.open_class_op(id, form);
            return Ty::Unit;
        }
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
    pub(super) fn operator_fn(
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
                .filter(|&i| self.could_take(&candidates[i], rhs))
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

    /// Whether impl `candidate` could take the right operand `rhs` (`None`: there is none).
    pub(super) fn could_take(&self, candidate: &MethodSig, rhs: Option<&Ty>) -> bool {
        match (rhs, candidate.sig.params.get(1)) {
            (None, _) => true,
            (Some(r), Some(p)) => concrete_type(p, &[]).is_some_and(|p| self.may_be(r, &p)),
            (Some(_), None) => false,
        }
    }

    /// Whether the impl of `method` for `rhs` must wait: `rhs` is still open and several
    /// impls could take it. Never once literals have their types.
    fn choice_waits(&self, key: &ClassKey, method: OperatorMethod, rhs: &Ty) -> bool {
        if self.operand_types_final || !matches!(self.resolve(rhs), Ty::Var(_)) {
            return false;
        }
        let Ok(candidates) = self.callees.method(key, &method.key()) else {
            return false;
        };
        candidates.len() > 1
            && candidates
                .iter()
                .filter(|c| self.could_take(c, Some(rhs)))
                .count()
                > 1
    }

    /// `choice_waits` for `a op b`: of the method, or of those Rust provides it from when
    /// the class does not define it.
    fn binary_choice_waits(&self, key: &ClassKey, method: OperatorMethod, rhs: &Ty) -> bool {
        if self.choice_waits(key, method, rhs) {
            return true;
        }
        let defined = self
            .callees
            .method(key, &method.key())
            .is_ok_and(|impls| !impls.is_empty());
        let from = match method.provided() {
            _ if defined => vec![],
            None => vec![],
            Some(Provided::Negated(eq)) => vec![eq],
            Some(Provided::ByPartialCmp { lt, eq, .. }) => vec![lt, eq],
        };
        from.into_iter().any(|m| self.choice_waits(key, m, rhs))
    }

    /// An operator on a generic class whose arguments are not known yet: its impl is the
    /// member's, chosen with the others that wait, once literals have their types.
    /// Meanwhile its value is of the type the family's one impl declares for those
    /// arguments (`V2<{float}>` of `a + b`), as rustc's selection knows it, so that it may
    /// be used (`(a + b).x`, `-(a + b)`).
    pub(super) fn defer_on_applied(&mut self, id: ExprId, form: OpenForm) -> Ty {
        let provisional = match &form {
            OpenForm::Binary { op, .. } if op.is_comparison() => Some(Ty::Prim(PrimTy::Bool)),
            OpenForm::Compound { .. } => Some(Ty::Unit),
            OpenForm::Unary {
                method, operand, ..
            } => self.declared_operator_result(&operand.1, *method),
            OpenForm::Binary { op, a, .. } => OperatorMethod::for_syntax(Syntax::Binary(*op))
                .and_then(|m| self.declared_operator_result(&a.1, m)),
            OpenForm::Index { method, base, .. } => self.declared_operator_result(base, *method),
        };
        let value = self.open_class_op(id, form);
        if let Some(t) = provisional {
            // A fresh variable: binding it cannot fail.
            let _ = self.unify(&value, &t);
        }
        value
    }

    /// The result type of operator `method` on `operand`, a generic class whose arguments
    /// are not all known yet, when its family has one impl of it.
    fn declared_operator_result(&mut self, operand: &Ty, method: OperatorMethod) -> Option<Ty> {
        let Ty::Applied(family, args) = self.resolve(operand) else {
            return None;
        };
        let candidates = self.callees.method(&family, &method.key()).ok()?;
        let [one] = candidates.as_slice() else {
            return None;
        };
        let mut generics = args;
        while generics.len() < one.sig.generics {
            let v = self.fresh(VarKind::General);
            generics.push(v);
        }
        Some(self.ty_of_expr_type_with(&one.sig.ret, Some(&generics)))
    }

    /// The class of an operand whose impl waited: a member by now, or `key` as it was;
    /// a generic class whose arguments are still not known is "type annotations needed"
    /// at the operand.
    fn settled_class(&mut self, (e, t): (ExprId, &Ty), key: ClassKey) -> Option<ClassKey> {
        match self.resolve(t) {
            Ty::Class(k) => Some(k),
            Ty::Applied(..) => {
                self.diags
                    .push(diagnostics::type_annotations_needed(self.loc(e)));
                None
            }
            _ => Some(key),
        }
    }

    /// Defers the choice of `form`'s impl; the operator's value is a fresh variable.
    fn open_class_op(&mut self, id: ExprId, form: OpenForm) -> Ty {
        let value = self.fresh(VarKind::General);
        self.open_class_ops.push(OpenClassOp {
            id,
            value: value.clone(),
            form,
        });
        value
    }

    /// Once literals took their types: chooses the impls that waited, as the walk would
    /// have with these types, and gives each operator's value the chosen impl's result.
    pub(super) fn choose_open_class_ops(&mut self) {
        self.operand_types_final = true;
        for OpenClassOp { id, value, form } in std::mem::take(&mut self.open_class_ops) {
            let chosen = match form {
                OpenForm::Unary {
                    op,
                    method,
                    operand,
                    key,
                } => match self.settled_class((operand.0, &operand.1), key) {
                    Some(key) => self.class_unary(id, op, method, operand, key),
                    None => Ty::Unknown,
                },
                OpenForm::Binary { op, a, b, key } => match self.settled_class((a.0, &a.1), key) {
                    Some(key) => self.class_binary(id, op, a, b, key),
                    None => Ty::Unknown,
                },
                OpenForm::Compound {
                    op,
                    place,
                    value,
                    key,
                } => match self.settled_class((place.0, &place.1), key) {
                    Some(key) => self.class_compound(id, op, place, value, key),
                    None => Ty::Unknown,
                },
                OpenForm::Index {
                    key,
                    method,
                    base,
                    index,
                } => match self.settled_class((id, &base), key) {
                    Some(key) => self.class_index(id, key, method, (&base, &index)),
                    None => Ty::Unknown,
                },
            };
            if self.is_unknownish(&chosen) {
                // Reported: nothing more to say about the value.
                if let Ty::Var(v) = self.resolve(&value) {
                    self.vars[v as usize] = VarState::Bound(Ty::Unknown);
                }
                self.expr_types[id.index()] = Ty::Unknown;
            } else if self.unify(&value, &chosen).is_err() {
                let d = self.mismatch(self.loc(id), &value, &chosen);
                self.diags.push(d);
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
