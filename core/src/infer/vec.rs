//! `Vec<T>`: construction (`Vec::new()`, `Vec::with_capacity(n)`, `vec![..]`), its
//! methods (`crate::vec_methods`, std's signatures), what it may hold, and `==`.

use super::deferred::Deferred;
use super::diagnostics;
use super::unify::{Ty, VarKind};
use super::{Infer, Resolution};
use crate::ir::{ExprId, ExprKind, TypeExpr, VecInit};
use crate::methods::Builtin;
use crate::types::PrimTy;
use crate::vec_methods::{self, VecTy};

impl Infer<'_> {
    /// `Vec::new()`, `Vec::with_capacity(n)`, `vec![x; n]`, `vec![a, b, c]`.
    pub(super) fn vec_new(&mut self, id: ExprId, elem: &TypeExpr, init: &VecInit) -> Ty {
        let loc = self.loc(id);
        let elem = match elem {
            TypeExpr::Infer => self.fresh(VarKind::General),
            written => self.ty_of_expr_type(written, loc),
        };
        let usize_t = Ty::Prim(PrimTy::Usize);
        match init {
            VecInit::Empty => {}
            VecInit::WithCapacity(n) => {
                let nt = self.expr(*n);
                let nloc = self.loc(*n);
                self.coerce_at(&nt, &usize_t, nloc);
            }
            VecInit::Repeat { value, count } => {
                let vt = self.expr(*value);
                let vloc = self.loc(*value);
                self.coerce_at(&vt, &elem, vloc);
                let ct = self.expr(*count);
                let cloc = self.loc(*count);
                self.coerce_at(&ct, &usize_t, cloc);
            }
            VecInit::List(es) => {
                for e in es {
                    let t = self.expr(*e);
                    let eloc = self.loc(*e);
                    self.coerce_at(&t, &elem, eloc);
                }
            }
        }
        self.deferred.push(Deferred::VecElem(id, elem.clone()));
        Ty::Vec(Box::new(elem))
    }

    /// `v.name(args)` on a `Vec<elem>`.
    pub(super) fn vec_method(
        &mut self,
        id: ExprId,
        receiver: ExprId,
        elem: &Ty,
        method: &str,
        args: &[ExprId],
        arg_types: &[Ty],
    ) -> Ty {
        let loc = self.loc(id);
        let Some(sig) = vec_methods::lookup(method) else {
            let shown = format!("Vec<{}>", self.show(elem));
            let unsupported = vec_methods::UNSUPPORTED_STD_METHODS.contains(&method);
            self.diags.push(diagnostics::no_vec_method(
                loc,
                method,
                &shown,
                unsupported,
                &vec_methods::names(),
            ));
            return Ty::Unknown;
        };
        if sig.mutates {
            self.check_mutable_receiver(receiver, method);
        }
        let of = |t: VecTy| -> Ty {
            match t {
                VecTy::Elem => elem.clone(),
                VecTy::ElemRef => Ty::Ref(Box::new(elem.clone()), false),
                VecTy::Usize => Ty::Prim(PrimTy::Usize),
                VecTy::Bool => Ty::Prim(PrimTy::Bool),
                VecTy::Unit => Ty::Unit,
                VecTy::OptionElem => Ty::Option(Box::new(elem.clone())),
                VecTy::SelfTy => Ty::Vec(Box::new(elem.clone())),
            }
        };
        let ret = of(sig.ret);
        if sig.params.len() != args.len() {
            self.diags.push(diagnostics::builtin_wrong_argument_count(
                loc,
                method,
                sig.params.len(),
                args.len(),
            ));
            return ret;
        }
        for ((a, at), p) in args.iter().zip(arg_types).zip(sig.params) {
            let aloc = self.loc(*a);
            if *p == VecTy::ElemRef {
                // `v.contains(&x)`: the argument is written `&x` (rustc wants `&T`).
                if let ExprKind::AddrOf {
                    place,
                    mutable: false,
                } = self.ir.expr(*a).kind
                {
                    self.borrowed_args.push(*a);
                    let pt = self.expr_types[place.index()].clone();
                    self.coerce_at(&pt, elem, self.loc(place));
                } else {
                    let found = self.show(at);
                    let expected = format!("&{}", self.show(elem));
                    self.diags.push(diagnostics::expected_reference_argument(
                        aloc, &expected, &found,
                    ));
                }
                continue;
            }
            self.coerce_at(at, &of(*p), aloc);
        }
        if sig.method == vec_methods::VecMethod::Contains {
            self.deferred.push(Deferred::VecEq(id, elem.clone()));
        }
        self.record_resolution(id, Resolution::Builtin(Builtin::Vec(sig.method)));
        ret
    }

    /// Uses of moved `Vec`s (`init::check_moves`), over the locals whose types are known
    /// to hold one: in generic bodies at specialisation, which rustc never checks.
    pub(super) fn check_moves(&mut self) {
        let tracked: Vec<bool> = (0..self.ir.locals.len())
            .map(|i| {
                self.local_types[i]
                    .clone()
                    .and_then(|t| self.concrete(&t))
                    .is_some_and(|t| matches!(t, crate::types::Type::Vec(_)) || has_vec(&t))
            })
            .collect();
        let diags = crate::init::check_moves(self.ir, &tracked);
        self.diags.extend(diags);
        self.check_moves_out_of_places();
    }

    /// A `Vec` (or a value holding one) is not moved out of a field or an element, as
    /// rustc refuses (E0507): so every `Vec` block has one owner, and the only other way
    /// to it is a borrow for the duration of an operation.
    fn check_moves_out_of_places(&mut self) {
        let borrowed = crate::init::borrowing_reads(self.ir);
        for (i, e) in self.ir.exprs.iter().enumerate() {
            let id = ExprId(i as u32);
            let place = match &e.kind {
                ExprKind::Field(..) => {
                    matches!(self.resolutions[i], Some(Resolution::Field(_)))
                }
                ExprKind::Index(_, index) => {
                    self.resolutions[i].is_none() && !self.is_loop_element(*index)
                }
                ExprKind::TupleField(base, _) => self.is_place_expr(*base),
                _ => false,
            };
            if !place || borrowed.contains(&id) {
                continue;
            }
            let holds_vec = self
                .concrete(&self.expr_types[i].clone())
                .is_some_and(|t| matches!(t, crate::types::Type::Vec(_)) || has_vec(&t));
            if holds_vec {
                let shown = self.show(&self.expr_types[i].clone());
                let what = match &e.kind {
                    ExprKind::Index(base, _) => {
                        let bt = self.expr_types[base.index()].clone();
                        format!("index of `{}`", self.show(&bt))
                    }
                    _ => "a field".to_string(),
                };
                self.diags
                    .push(diagnostics::move_out_of_place(e.loc, &what, &shown));
            }
        }
    }

    /// `v[i]` with the hidden index of a borrowed loop: the loop's element, a borrow in
    /// Rust (`for x in &v`).
    fn is_loop_element(&self, index: ExprId) -> bool {
        matches!(self.ir.expr(index).kind, ExprKind::Local(l) if self.ir.local(l).name == crate::ir::LOOP_INDEX)
    }

    /// A field, an element or a part of one (not a local: moving a local is fine).
    fn is_place_expr(&self, e: ExprId) -> bool {
        match &self.ir.expr(e).kind {
            ExprKind::Field(..) | ExprKind::Index(..) => true,
            ExprKind::TupleField(base, _) => self.is_place_expr(*base),
            _ => false,
        }
    }

    /// Deferred: what a `Vec` may hold (every value type of jit code, but no slices or
    /// references, which only live as long as a call).
    pub(super) fn check_vec_elem(&mut self, id: ExprId, elem: &Ty) {
        if let Some(t) = self.concrete(elem) {
            if !vec_elem_ok(&t) {
                self.diags
                    .push(diagnostics::bad_vec_elem(self.loc(id), &t.to_string()));
            } else if matches!(
                self.ir.expr(id).kind,
                ExprKind::VecNew {
                    init: VecInit::Repeat { .. },
                    ..
                }
            ) && !matches!(t, crate::types::Type::Vec(_))
                && has_vec(&t)
            {
                self.diags
                    .push(diagnostics::repeat_nested_vec(self.loc(id), &t.to_string()));
            }
        }
    }

    /// Deferred: `a == b` on `Vec`s, and `v.contains(&x)`, compare elements with `==`:
    /// jit code compares numbers and `bool`s (and `Vec`s of them).
    pub(super) fn check_vec_eq(&mut self, id: ExprId, t: &Ty) {
        let Some(c) = self.concrete(t) else {
            return;
        };
        let mut inner = &c;
        while let crate::types::Type::Vec(e) = inner {
            inner = e;
        }
        if inner.prim().is_none() {
            self.diags.push(diagnostics::vec_eq_unsupported(
                self.loc(id),
                &c.to_string(),
            ));
        }
    }
}

/// Whether a `Vec` is inside `t`.
fn has_vec(t: &crate::types::Type) -> bool {
    let mut found = false;
    crate::limits::type_children(t, &mut |c| {
        found |= matches!(c, crate::types::Type::Vec(_)) || has_vec(c)
    });
    found
}

/// Whether `Vec<t>` is a jit type.
fn vec_elem_ok(t: &crate::types::Type) -> bool {
    use crate::types::Type;
    match t {
        Type::Slice { .. } | Type::Ref { .. } | Type::Never | Type::Unit => false,
        Type::Tuple(es) => es.iter().all(vec_elem_ok),
        Type::Option(e) | Type::Vec(e) => vec_elem_ok(e),
        Type::Prim(_)
        | Type::Class(_)
        | Type::PassThru(_)
        | Type::Ptr { .. }
        | Type::FnPtr { .. } => true,
    }
}
