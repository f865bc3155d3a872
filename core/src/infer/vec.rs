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

    /// `v.first().copied()`, `v.get(i).cloned()`, ...: the accessor's `Option<&T>` copied
    /// at once (`vec_methods::COPIED_ACCESSORS`), as one operation resolved on the outer
    /// call; `None` if `id` is not such a pair on a `Vec`.
    pub(super) fn copied_accessor(
        &mut self,
        id: ExprId,
        outer_receiver: ExprId,
        method: &str,
        args: &[ExprId],
    ) -> Option<Ty> {
        if !matches!(method, "copied" | "cloned") || !args.is_empty() {
            return None;
        }
        let ExprKind::MethodCall {
            receiver,
            method: accessor,
            args: accessor_args,
        } = &self.ir.expr(outer_receiver).kind
        else {
            return None;
        };
        let (_, which, params) = vec_methods::COPIED_ACCESSORS
            .iter()
            .find(|(name, ..)| name == accessor)?;
        // Only on a `Vec` (or a `&Vec<T>`) whose type is known here; anything else takes
        // the usual path.
        let rt = self.expr(*receiver);
        if let Ty::Map(..) = self.resolve(&rt) {
            return self.map_copied_get(id, outer_receiver, method, &rt);
        }
        let Some(elem) = self.vec_elem(&rt) else {
            // Walk the accessor as usual, for its diagnostics.
            let t = self.method_call(outer_receiver, *receiver, accessor, accessor_args);
            self.expr_types[outer_receiver.index()] = t;
            return Some(Ty::Unknown);
        };
        if params.len() != accessor_args.len() {
            self.diags.push(diagnostics::builtin_wrong_argument_count(
                self.loc(outer_receiver),
                accessor,
                params.len(),
                accessor_args.len(),
            ));
            return Some(Ty::Unknown);
        }
        for a in accessor_args {
            let t = self.expr(*a);
            let aloc = self.loc(*a);
            self.coerce_at(&t, &Ty::Prim(PrimTy::Usize), aloc);
        }
        self.expr_types[outer_receiver.index()] =
            Ty::Option(Box::new(Ty::Ref(Box::new(elem.clone()), false)));
        if method == "copied" {
            self.deferred.push(Deferred::VecCopy(id, elem.clone()));
        }
        self.record_resolution(id, Resolution::Builtin(Builtin::Vec(*which)));
        Some(Ty::Option(Box::new(elem)))
    }

    /// Whether `id` is an argument of a call (of a jit fn, a class function or a method),
    /// where lowering makes `&x` an `AddrOf`.
    pub(super) fn is_call_arg(&self, id: ExprId) -> bool {
        self.ir.exprs.iter().any(|e| match &e.kind {
            ExprKind::Call { args, .. }
            | ExprKind::MethodCall { args, .. }
            | ExprKind::AssocCall { args, .. }
            | ExprKind::TraitCall { args, .. } => args.contains(&id),
            _ => false,
        })
    }

    /// `&x` / `&mut x` as a call's argument: a `Vec` (or a slice) lends its elements as a
    /// slice, as `&Vec<T>` derefs to `&[T]` in Rust; anything else is a reference to the
    /// value (which only `v.contains(&x)` takes).
    pub(super) fn borrowed_arg(&mut self, id: ExprId, place: ExprId, mutable: bool) -> Ty {
        let t = self.expr(place);
        self.borrowed_args.push(id);
        if let Some(elem) = self.vec_elem(&t) {
            // `&v` is a `&Vec<T>`, which the use coerces to `&[T]` where a slice is
            // expected (`coerce_arg`), as Rust's deref coercion does.
            if mutable {
                self.check_mutable_borrow(place);
            }
            return Ty::Ref(Box::new(Ty::Vec(Box::new(elem))), mutable);
        }
        match self.resolve(&t) {
            Ty::Array(elem, _) => {
                if mutable {
                    self.check_mutable_borrow(place);
                }
                Ty::Slice(elem, mutable)
            }
            Ty::Slice(elem, m) => {
                if mutable && !m {
                    self.diags
                        .push(diagnostics::assign_through_shared_slice(self.loc(id)));
                }
                Ty::Slice(elem, mutable)
            }
            // A place whose type is not known here (a field of a class at macro time):
            // unknown, so the use decides (`&self.items` where a slice is expected).
            Ty::Unknown => Ty::Unknown,
            class @ (Ty::Class(_) | Ty::Applied(..)) => {
                // `&mut c` lends the instance mutably: `c` must be `mut` (E0596).
                if mutable {
                    self.check_mutable_deref_borrow(place);
                }
                Ty::Ref(Box::new(class), mutable)
            }
            _ => Ty::Ref(Box::new(t), mutable),
        }
    }

    /// `&v[a..b]` / `&mut v[a..]` of a `Vec` or a slice, as a call's argument.
    pub(super) fn sub_slice(
        &mut self,
        id: ExprId,
        base: ExprId,
        (start, end): (Option<ExprId>, Option<ExprId>),
        mutable: bool,
    ) -> Ty {
        let bt = self.expr(base);
        let usize_t = Ty::Prim(PrimTy::Usize);
        for b in [start, end].into_iter().flatten() {
            let t = self.expr(b);
            let bloc = self.loc(b);
            self.coerce_at(&t, &usize_t, bloc);
        }
        if let Ty::Str | Ty::String = self.resolve(&bt) {
            if mutable {
                self.diags
                    .push(diagnostics::assign_through_shared_slice(self.loc(id)));
            }
            return Ty::Str;
        }
        if !self.is_call_argument(id) {
            self.range_borrow_outside_call(id);
            return Ty::Unknown;
        }
        self.borrowed_args.push(id);
        match self.known_receiver(&bt, self.loc(base)) {
            Some(Ty::Vec(elem) | Ty::Array(elem, _)) => {
                if mutable {
                    self.check_mutable_deref_borrow(base);
                }
                Ty::Slice(elem, mutable)
            }
            Some(Ty::Slice(elem, m)) => {
                if mutable && !m {
                    self.diags
                        .push(diagnostics::assign_through_shared_slice(self.loc(id)));
                }
                Ty::Slice(elem, mutable)
            }
            None => Ty::Unknown,
            Some(other) => {
                let shown = self.show(&other);
                self.diags
                    .push(diagnostics::cannot_index(self.loc(id), &shown));
                Ty::Unknown
            }
        }
    }

    /// The element type of a `Vec`, or of the `Vec` a `&Vec<T>` / `&mut Vec<T>` borrows.
    pub(super) fn vec_elem(&self, t: &Ty) -> Option<Ty> {
        match self.resolve(t) {
            Ty::Vec(elem) => Some(*elem),
            Ty::Ref(inner, _) => match self.resolve(&inner) {
                Ty::Vec(elem) => Some(*elem),
                _ => None,
            },
            _ => None,
        }
    }

    /// Whether `t` is a `Vec` or a reference to one.
    pub(super) fn is_vec_like(&self, t: &Ty) -> bool {
        self.vec_elem(t).is_some()
    }

    /// A call's argument `a` (of type `at`) for a parameter of type `pt`, with Rust's
    /// coercions of a borrowed `Vec`: `&v` (a `&Vec<T>` or `&mut Vec<T>`) where a slice is
    /// expected lends its elements as that slice (the argument is retyped, which is what
    /// codegen lends by), and a `&mut Vec<T>` goes where a `&Vec<T>` is expected.
    pub(super) fn coerce_arg(&mut self, a: ExprId, at: &Ty, pt: &Ty) {
        let aloc = self.loc(a);
        if matches!(self.resolve(pt), Ty::Dyn(..)) {
            if self.coerce_expr(a, at, pt).is_err() {
                let d = self.mismatch(aloc, pt, at);
                self.diags.push(d);
            }
            return;
        }
        // `f(w)` of a name that is a `&T` in Rust held as the value (the lowering wrote
        // `&w`), where a type parameter is expected: jit code passes the value.
        if let ExprKind::AddrOf { place, .. } = self.ir.expr(a).kind
            && let ExprKind::Local(l) = self.ir.expr(place).kind
            && self.ir.local(l).held_reference
            && let Ty::Ref(inner, false) = self.resolve(at)
            && matches!(self.resolve(pt), Ty::Var(_) | Ty::Unknown)
        {
            self.expr_types[a.index()] = (*inner).clone();
            self.coerce_at(&inner, pt, aloc);
            return;
        }
        // `&s` of a `String` where a `&str` is expected: deref'd, lending the text. (A
        // reference whose referent is not known yet, as a loop's element of a generic
        // class's field, is a `String`'s: no other referent coerces to `&str`.)
        if let Ty::Ref(inner, _) = self.resolve(at)
            && self.resolve(pt) == Ty::Str
            && (self.resolve(&inner) == Ty::String
                || (matches!(self.resolve(&inner), Ty::Var(_))
                    && self.unify(&inner, &Ty::String).is_ok()))
        {
            self.expr_types[a.index()] = Ty::Str;
            return;
        }
        // `&c` / `&mut c` of an instance where a class (a `&C` / `&mut C` parameter) or a
        // type parameter (`&S`) is expected: the instance itself, which the call borrows.
        if let Ty::Ref(inner, _) = self.resolve(at)
            && let class @ (Ty::Class(_) | Ty::Applied(..)) = self.resolve(&inner)
            && !matches!(self.resolve(pt), Ty::Ref(..))
        {
            self.expr_types[a.index()] = class.clone();
            self.coerce_at(&class, pt, aloc);
            return;
        }
        if let Ty::Ref(inner, mutable) = self.resolve(at)
            && let Ty::Vec(elem) = self.resolve(&inner)
        {
            match self.resolve(pt) {
                Ty::Slice(pe, pm) if mutable || !pm => {
                    if self.unify(&elem, &pe).is_err() {
                        let d = self.mismatch(aloc, pt, at);
                        self.diags.push(d);
                    }
                    self.expr_types[a.index()] = Ty::Slice(elem, mutable);
                    return;
                }
                Ty::Ref(_, false) if mutable => {
                    self.coerce_at(&Ty::Ref(inner, false), pt, aloc);
                    return;
                }
                _ => {}
            }
        }
        self.coerce_at(at, pt, aloc);
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
        // A std sort's block has written an element back already, which refused an
        // immutable receiver in the prelude's words (`lower/std_sort.rs`).
        if sig.mutates && !matches!(sig.method, vec_methods::VecMethod::StdSort(_)) {
            self.check_mutable_receiver(receiver, method);
        }
        let of = |t: VecTy| -> Ty {
            match t {
                VecTy::Elem => elem.clone(),
                VecTy::ElemRef => Ty::Ref(Box::new(elem.clone()), false),
                VecTy::ElemSlice => Ty::Slice(Box::new(elem.clone()), false),
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
            self.coerce_arg(*a, at, &of(*p));
        }
        if sig.method == vec_methods::VecMethod::Contains {
            self.deferred.push(Deferred::VecEq(id, elem.clone()));
        }
        self.record_resolution(id, Resolution::Builtin(Builtin::Vec(sig.method)));
        ret
    }

    /// Uses of moved values (`init::check_moves`), over the locals whose types are known
    /// to hold a `Vec`; in a generic body, which rustc never checks, also those holding
    /// any value that is not `Copy` (an instance, a handle, an array of them), which rustc
    /// checks in the others.
    pub(super) fn check_moves(&mut self) {
        let generic = !self.ir.generics.is_empty();
        let moves = |t: &crate::types::Type| {
            t.holds_vec() || (generic && super::array::not_copy(t).is_some())
        };
        let local_types: Vec<Option<crate::types::Type>> = (0..self.ir.locals.len())
            .map(|i| self.local_types[i].clone().and_then(|t| self.concrete(&t)))
            .collect();
        // `self` of a `&self` / `&mut self` method is a reference, which no use moves
        // (`Self::f(self)` reborrows it).
        // So is a `&C` / `&S` parameter (`LocalDecl::by_ref`), and a `&T` held as the
        // value (`LocalDecl::held_reference`: `let w2 = w;` copies the reference).
        let this = self.ir.self_reference().map(|(l, _)| l.index());
        let tracked = local_types
            .iter()
            .enumerate()
            .map(|(i, t)| {
                Some(i) != this
                    && self.ir.locals[i].by_ref.is_none()
                    && !self.ir.locals[i].held_reference
                    && t.as_ref().is_some_and(moves)
            })
            .collect();
        self.check_by_ref_params(&local_types);
        let holds_vec = local_types
            .iter()
            .map(|t| t.as_ref().is_some_and(crate::types::Type::holds_vec))
            .collect();
        let moves_value: Vec<bool> = (0..self.ir.exprs.len())
            .map(|i| {
                self.concrete(&self.expr_types[i].clone())
                    .is_some_and(|t| moves(&t))
            })
            .collect();
        let not_clone = local_types
            .iter()
            .map(|t| t.as_ref().is_some_and(holds_box))
            .collect();
        let facts = crate::init::MoveFacts {
            tracked,
            holds_vec,
            not_clone,
            moves_value,
            consuming: self.consuming_calls(),
        };
        let diags = crate::init::check_moves(self.ir, &facts);
        self.diags.extend(diags);
        self.check_moves_out_of_places();
        self.check_lending();
        self.check_borrowed_loops();
        self.check_elem_ref_borrows();
    }

    /// A `Vec` (or a value holding one) is not moved out of a field or an element, as
    /// rustc refuses (E0507): so every `Vec` block has one owner, and the only other way
    /// to it is a borrow for the duration of an operation.
    fn check_moves_out_of_places(&mut self) {
        let borrowed = crate::init::borrowing_reads(self.ir, &self.consuming_calls());
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
                .is_some_and(|t| t.holds_vec());
            if holds_vec {
                let shown = self.show(&self.expr_types[i].clone());
                let what = match &e.kind {
                    ExprKind::Index(base, _) => {
                        // Through a `&Vec<T>`, rustc names the `Vec` it borrows.
                        let bt = match self.resolve(&self.expr_types[base.index()].clone()) {
                            Ty::Ref(inner, _) => *inner,
                            bt => bt,
                        };
                        format!("index of `{}`", self.show(&bt))
                    }
                    _ => "a field".to_string(),
                };
                self.diags
                    .push(diagnostics::move_out_of_place(e.loc, &what, &shown));
            }
        }
    }

    /// The method calls whose builtin takes its receiver by value (`Option::unwrap`).
    pub(super) fn consuming_calls(&self) -> std::collections::HashSet<ExprId> {
        (0..self.ir.exprs.len())
            .filter(|&i| {
                matches!(self.resolutions[i], Some(Resolution::Builtin(b)) if b.consumes_receiver())
            })
            .map(|i| ExprId(i as u32))
            .collect()
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
        if let Some(t) = self.concrete(elem)
            && !vec_elem_ok(&t)
        {
            self.diags
                .push(diagnostics::bad_vec_elem(self.loc(id), &t.to_string()));
        }
    }

    /// Deferred: `.copied()` needs `T: Copy`, which instances, handles and `Vec`s are not.
    pub(super) fn check_vec_copy(&mut self, id: ExprId, elem: &Ty) {
        fn is_copy(t: &crate::types::Type) -> bool {
            use crate::types::Type;
            match t {
                Type::Class(_) | Type::PassThru(_) | Type::Vec(_) => false,
                Type::Tuple(es) => es.iter().all(is_copy),
                Type::Option(e) => is_copy(e),
                _ => true,
            }
        }
        if let Some(t) = self.concrete(elem)
            && !is_copy(&t)
        {
            self.diags
                .push(diagnostics::not_copy(self.loc(id), &t.to_string()));
        }
    }

    /// Deferred: `a == b` / `a != b` on `Vec`s, and `v.contains(&x)`, compare elements
    /// with `PartialEq` (`structural_eq.rs`'s rule; `codegen/equality.rs`). A class has
    /// no `PartialEq` that `Vec`'s can call yet: rustc's E0369 / E0277 when the class does
    /// not implement it, "not supported yet" when it does (rustc would call its `eq`).
    pub(super) fn check_vec_eq(&mut self, id: ExprId, t: &Ty) {
        if let Some(c) = self.concrete(t) {
            self.judge_eq_leaves(id, &c);
        }
    }
}

/// Whether `t` holds a `HashMap`, which jit code does not compare yet.
pub(super) fn holds_map(t: &crate::types::Type) -> bool {
    use crate::types::Type;
    match t {
        Type::Map { .. } => true,
        Type::Vec(e) | Type::Option(e) | Type::Array { elem: e, .. } => holds_map(e),
        Type::Ref { inner, .. } => holds_map(inner),
        Type::Tuple(es) => es.iter().any(holds_map),
        _ => false,
    }
}

/// Whether a value of type `t` holds a `Box<dyn Trait>`, which is not `Clone`.
fn holds_box(t: &crate::types::Type) -> bool {
    if matches!(
        t,
        crate::types::Type::Dyn {
            pointer: crate::types::DynPointer::Box,
            ..
        }
    ) {
        return true;
    }
    let mut found = false;
    crate::limits::type_children(t, &mut |c| found = found || holds_box(c));
    found
}

/// Whether `Vec<t>` is a jit type.
pub(super) fn vec_elem_ok(t: &crate::types::Type) -> bool {
    use crate::types::Type;
    match t {
        Type::Slice { .. } | Type::Str | Type::Ref { .. } | Type::Never | Type::Unit => false,
        Type::Tuple(es) => es.iter().all(vec_elem_ok),
        Type::Option(e) | Type::Vec(e) | Type::Array { elem: e, .. } => vec_elem_ok(e),
        // A set's values never exist (`Type::set`).
        Type::Map { key, value } => {
            vec_elem_ok(key) && (**value == Type::Never || vec_elem_ok(value))
        }
        Type::Prim(_)
        | Type::String
        | Type::Class(_)
        | Type::PassThru(_)
        | Type::Ptr { .. }
        | Type::FnPtr { .. } => true,
        // `Vec<Box<dyn T>>`; a `Vec` of borrowed trait objects is not supported yet.
        Type::Dyn { pointer, .. } => *pointer == crate::types::DynPointer::Box,
    }
}
