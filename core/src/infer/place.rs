//! Places and mutability: what may be assigned (`x = ..`, `x.f = ..`, `v[i] = ..`, `x op=
//! ..`), borrowed mutably (`&mut self.f`, a `&mut self` method's receiver), and where
//! `&self.field` may go.
//!
//! Rust's rules, as jit code meets them: a variable is assigned once unless `mut` (a `let
//! x;` once later), a field place is rooted in a mutable variable, a slice element, or an
//! instance from anywhere (instances are references), `self` is never rebound, and a
//! `#[getter]` property is a call, not memory.

use super::diagnostics;
use super::unify::Ty;
use super::{FnKind, Infer, Resolution};
use crate::ir::{ExprId, ExprKind, LOOP_INDEX, LocId, LocalId, Pattern, Stmt};
use crate::operators::OperatorMethod;

impl Infer<'_> {
    /// `place = value`.
    pub(super) fn assign(&mut self, id: ExprId, place: ExprId, value: ExprId) -> Ty {
        if let ExprKind::Field(base, name) = &self.ir.expr(place).kind {
            return self.field_assign(id, place, (*base, name), value);
        }
        let pt = self.place(place, false);
        let vt = self.expr(value);
        let vloc = self.loc(value);
        self.coerce_at(&vt, &pt, vloc);
        Ty::Unit
    }

    /// The type of an assignable place, after checking that it may be assigned.
    pub(super) fn place(&mut self, id: ExprId, compound: bool) -> Ty {
        let ir = self.ir;
        let loc = self.loc(id);
        match &ir.expr(id).kind {
            ExprKind::Local(l) => {
                let decl = ir.local(*l);
                // `let x;` may be assigned later (rustc's shadow check enforces "once" for
                // non-generic code; generic code is only checked for being initialised).
                let deferred_init = !compound && !self.local_assigned[l.index()];
                let is_self =
                    ir.receiver.is_some() && ir.params.first().map(|p| p.local) == Some(*l);
                if is_self {
                    // The receiver is borrowed from the caller: it cannot be rebound.
                    self.diags.push(diagnostics::assign_to_self(loc));
                } else if !decl.mutable && !deferred_init {
                    let is_param = ir.params.iter().any(|p| p.local == *l);
                    self.diags
                        .push(diagnostics::assign_to_immutable(loc, &decl.name, is_param));
                }
                self.expr(id)
            }
            ExprKind::Index(base, index) => {
                let bt = self.expr(*base);
                let it = self.expr(*index);
                if let Ty::Array(..) = self.resolve(&bt) {
                    // An array element is a place of the array's place, which a
                    // `#[getter]`'s value is not.
                    self.check_assignable_root(id, loc);
                    let mut inner = *base;
                    loop {
                        match &ir.expr(inner).kind {
                            ExprKind::TupleField(b, _) => inner = *b,
                            ExprKind::Index(b, _) if self.is_array(*b) => inner = *b,
                            ExprKind::Field(_, name) => {
                                self.not_a_property(inner, name, "assigned in place");
                                break;
                            }
                            _ => break,
                        }
                    }
                }
                if self.is_vec_like(&bt) {
                    // `v[i] = x` goes through `IndexMut::index_mut`.
                    self.check_mutable_receiver(*base, OperatorMethod::IndexMut.name());
                }
                let t = if let Ty::Class(key) | Ty::Applied(key, _) = self.resolve(&bt) {
                    // `v[i] = x` goes through `IndexMut::index_mut`.
                    let index_mut = OperatorMethod::IndexMut;
                    self.check_mutable_receiver(*base, index_mut.name());
                    if matches!(self.resolve(&bt), Ty::Applied(..)) {
                        // A generic class whose arguments are not known yet: its member's.
                        let form = super::class_op::OpenForm::Index {
                            key,
                            method: index_mut,
                            base: bt.clone(),
                            index: it.clone(),
                        };
                        self.defer_on_applied(id, form)
                    } else {
                        self.class_index(id, key, index_mut, (&bt, &it))
                    }
                } else {
                    let iloc = self.loc(*index);
                    self.index(id, &bt, &it, loc, iloc)
                };
                self.expr_types[id.index()] = t.clone();
                if let Ty::Slice(_, false) = self.resolve(&bt) {
                    self.diags
                        .push(diagnostics::assign_through_shared_slice(loc));
                }
                t
            }
            ExprKind::TupleField(..) | ExprKind::Field(..) => {
                self.check_assignable_root(id, loc);
                let t = self.expr(id);
                if let ExprKind::Field(_, name) = &ir.expr(id).kind {
                    self.not_a_property(id, name, "assigned in place");
                }
                t
            }
            _ => {
                self.expr(id);
                self.diags.push(diagnostics::not_assignable(loc));
                Ty::Unknown
            }
        }
    }

    /// `base.name = value`: a class field, or a `#[setter]` property (a call of
    /// `set_name(base, value)`).
    fn field_assign(
        &mut self,
        id: ExprId,
        place: ExprId,
        (base, name): (ExprId, &str),
        value: ExprId,
    ) -> Ty {
        let loc = self.loc(place);
        let bt = self.expr(base);
        // A generic class whose arguments are not known yet: its family's setter.
        let (key, leading) = match self.resolve(&bt) {
            Ty::Class(key) => (Some(key), Vec::new()),
            Ty::Applied(family, args) => (Some(family), args),
            _ => (None, Vec::new()),
        };
        if let Some(key) = key
            && !self.class_fields(&key, loc).iter().any(|f| f.name == name)
            && let Some(setter) = self.property(&key, name, FnKind::Setter, loc)
        {
            self.check_mutable_receiver(base, &setter.call.method);
            let vt = self.expr(value);
            self.expr_types[place.index()] = Ty::Unit;
            self.call_target_applied(id, setter, (&[base, value], &[bt, vt]), &leading);
            return Ty::Unit;
        }
        self.check_assignable_root(place, loc);
        let pt = self.field(place, &bt, name, loc);
        self.not_a_property(place, name, "assigned");
        self.expr_types[place.index()] = pt.clone();
        let vt = self.expr(value);
        let vloc = self.loc(value);
        self.coerce_at(&vt, &pt, vloc);
        Ty::Unit
    }

    /// `&place` / `&mut place` (only `&self.field`, in `index` / `index_mut`).
    pub(super) fn addr_of(&mut self, place: ExprId, mutable: bool) -> Ty {
        if mutable {
            let ploc = self.loc(place);
            self.check_assignable_root(place, ploc);
        }
        let t = self.expr(place);
        if let ExprKind::Field(_, name) = &self.ir.expr(place).kind {
            self.not_a_property(place, name, "borrowed");
        }
        Ty::Ref(Box::new(t), mutable)
    }

    /// A field place (`x.f`, `x.0.f`) must be rooted in a mutable variable, a slice
    /// element, or an instance from anywhere (instances are references).
    fn check_assignable_root(&mut self, place: ExprId, loc: LocId) {
        let ir = self.ir;
        let mut root = place;
        loop {
            match &ir.expr(root).kind {
                ExprKind::TupleField(b, _) | ExprKind::Field(b, _) => root = *b,
                ExprKind::Index(b, _) if self.is_array(*b) => root = *b,
                _ => break,
            }
        }
        if let ExprKind::Index(vec, _) = &ir.expr(root).kind
            && self.is_vec_like(&self.expr_types[vec.index()].clone())
        {
            // `v[i].f = x` mutably borrows `v` (`IndexMut`).
            self.check_mutable_receiver(*vec, OperatorMethod::IndexMut.name());
        }
        if let ExprKind::Local(l) = &ir.expr(root).kind {
            let decl = ir.local(*l);
            if !decl.mutable && decl.by_ref.is_some() {
                // Through a `&C` parameter (E0594).
                self.diags.push(
                    crate::diag::Diagnostic::new(
                        loc,
                        format!(
                            "cannot assign to a field of `*{}`, which is behind a `&` reference",
                            decl.name
                        ),
                    )
                    .note("help: take the parameter as `&mut`"),
                );
            } else if !decl.mutable && decl.name == "self" {
                self.diags
                    .push(diagnostics::assign_to_field_of_ref_self(loc));
            } else if !decl.mutable && matches!(ir.expr(place).kind, ExprKind::Index(..)) {
                self.diags
                    .push(diagnostics::assign_to_element_of_immutable(loc, &decl.name));
            } else if !decl.mutable {
                self.diags
                    .push(diagnostics::assign_to_field_of_immutable(loc, &decl.name));
            }
        } else if !matches!(ir.expr(root).kind, ExprKind::Index(..))
            && !matches!(ir.expr(place).kind, ExprKind::Field(..))
        {
            // A class field is a place whatever the instance comes from (a call,
            // another field): instances are references.
            self.diags.push(diagnostics::invalid_assignment_target(loc));
        }
    }

    /// Whether the place rooted in local `l` is behind a `&Vec<T>` / `&mut Vec<T>` (a
    /// parameter), whose mutability is the reference's, not the binding's: `true` once
    /// that is settled (a `&` reference refused, as rustc's E0596).
    fn behind_reference(&mut self, l: LocalId, place: ExprId) -> bool {
        let Some(t) = self.local_types[l.index()].clone() else {
            return false;
        };
        let Ty::Ref(_, mutable) = self.resolve(&t) else {
            return false;
        };
        if !mutable {
            let name = self.ir.local(l).name.clone();
            self.diags.push(diagnostics::borrow_behind_shared_reference(
                self.loc(place),
                &name,
            ));
        }
        true
    }

    /// The local a place expression (`x`, `x.f.g`, `x.0`) is rooted in, if any.
    fn root_local(&self, mut e: ExprId) -> Option<LocalId> {
        loop {
            match &self.ir.expr(e).kind {
                ExprKind::Local(l) => return Some(*l),
                ExprKind::Field(b, _) | ExprKind::TupleField(b, _) => e = *b,
                ExprKind::Index(b, _) if self.is_array(*b) => e = *b,
                _ => return None,
            }
        }
    }

    /// Whether expression `e` is (so far) known to be an array.
    pub(super) fn is_array(&self, e: ExprId) -> bool {
        matches!(self.resolve(&self.expr_types[e.index()]), Ty::Array(..))
    }

    /// `&mut v` needs `v` rooted in a mutable variable, as in Rust.
    pub(super) fn check_mutable_borrow(&mut self, place: ExprId) {
        let Some(l) = self.root_local(place) else {
            return;
        };
        let decl = self.ir.local(l);
        if decl.mutable && !decl.held_reference {
            return;
        }
        let loc = self.loc(place);
        let d = if decl.held_reference {
            change_through_shared_loop_element(loc, &decl.name)
        } else if decl.by_ref.is_some() {
            change_behind_shared_reference(loc, &decl.name)
        } else if self.is_shared_loop_element(l) {
            change_through_shared_loop_element(loc, &decl.name)
        } else if decl.name == "self" {
            diagnostics::mut_method_through_ref_self(loc, "&mut")
        } else {
            diagnostics::borrow_immutable_as_mutable(loc, &decl.name)
        };
        // One `&mut c` is checked where the borrow is typed and again where it is lent as
        // a `&mut dyn T`: rustc reports it once.
        if !self
            .diags
            .iter()
            .any(|e| e.loc == d.loc && e.message == d.message)
        {
            self.diags.push(d);
        }
    }

    /// `&mut v[a..b]`: as `check_mutable_borrow`, through a `&mut Vec<T>` parameter too
    /// (the index auto-derefs it).
    pub(super) fn check_mutable_deref_borrow(&mut self, place: ExprId) {
        if let Some(l) = self.root_local(place)
            && self.behind_reference(l, place)
        {
            return;
        }
        self.check_mutable_borrow(place);
    }

    /// A `&mut self` method needs a receiver rooted in a mutable variable, as in Rust.
    pub(super) fn check_mutable_receiver(&mut self, receiver: ExprId, method: &str) {
        let Some(l) = self.root_local(receiver) else {
            return;
        };
        if self.behind_reference(l, receiver) {
            return;
        }
        let decl = self.ir.local(l);
        let loc = self.loc(receiver);
        // A `&T` in Rust held as the value (`let mut w2 = w;` of a `for w in &v`
        // element): its `mut` is the binding's, not the reference's.
        if decl.held_reference {
            self.diags
                .push(change_through_shared_loop_element(loc, &decl.name));
            return;
        }
        if decl.mutable || self.mutably_looped_instance(l) || self.copies_mutable_reference(l, 0) {
            return;
        }
        let d = if decl.by_ref.is_some() {
            change_behind_shared_reference(loc, &decl.name)
        } else if self.is_shared_loop_element(l) {
            change_through_shared_loop_element(loc, &decl.name)
        } else if decl.name == "self" {
            diagnostics::mut_method_through_ref_self(loc, method)
        } else {
            diagnostics::mut_method_on_immutable(loc, &decl.name, method)
        };
        self.diags.push(d);
    }

    /// Whether `l` is bound to an element (or a part of one) of a shared borrowed loop
    /// (`for k in &s`, lowered to `let k = s[i]` with the loop's hidden index).
    fn is_shared_loop_element(&self, l: LocalId) -> bool {
        self.ir.exprs.iter().any(|e| {
            let ExprKind::Block(b) = &e.kind else {
                return false;
            };
            b.stmts.iter().any(|s| {
                let Stmt::Let {
                    pattern,
                    init: Some(init),
                    ..
                } = s
                else {
                    return false;
                };
                let ExprKind::Index(_, index) = &self.ir.expr(*init).kind else {
                    return false;
                };
                let loop_index = matches!(&self.ir.expr(*index).kind,
                    ExprKind::Local(i) if self.ir.local(*i).name == LOOP_INDEX);
                let mut binds = false;
                pattern.for_each_local(&mut |b| binds |= b == l);
                loop_index && binds
            })
        })
    }

    /// Whether `l` is the variable of a `for` over a `&mut [C]` / `&mut Vec<C>` of class
    /// instances: Rust's `&mut C`, through which a `&mut self` method changes the
    /// caller's instance (jit code holds the instance itself, which is that reference).
    fn mutably_looped_instance(&self, l: LocalId) -> bool {
        self.ir.exprs.iter().any(|e| {
            let ExprKind::ForEach { var, iterable, .. } = &e.kind else {
                return false;
            };
            if *var != l {
                return false;
            }
            let elem = match self.resolve(&self.expr_types[iterable.index()]) {
                Ty::Slice(elem, true) => *elem,
                Ty::Ref(inner, true) => match self.resolve(&inner) {
                    Ty::Vec(elem) => *elem,
                    _ => return false,
                },
                _ => return false,
            };
            matches!(self.resolve(&elem), Ty::Class(_) | Ty::Applied(..))
        })
    }

    /// Whether `l` is bound by an unannotated `let l = from;` of a class instance that
    /// `from` holds as Rust's `&mut C` (a `&mut S` parameter, the variable of a `for` over
    /// `&mut [C]`, another such copy): `l` is that reference moved, through which a
    /// `&mut self` method changes the caller's instance (`let t = s; t.bump(1)`).
    fn copies_mutable_reference(&self, l: LocalId, depth: usize) -> bool {
        if depth > 16 || !self.is_instance_local(l) {
            return false;
        }
        self.ir.exprs.iter().any(|e| {
            let ExprKind::Block(block) = &e.kind else {
                return false;
            };
            block.stmts.iter().any(|stmt| {
                let Stmt::Let {
                    pattern: Pattern::Bind(bound),
                    ty: None,
                    init: Some(init),
                    ..
                } = stmt
                else {
                    return false;
                };
                let ExprKind::Local(from) = self.ir.expr(*init).kind else {
                    return false;
                };
                *bound == l
                    && (self.ir.local(from).by_ref == Some(true)
                        || self.mutably_looped_instance(from)
                        || self.copies_mutable_reference(from, depth + 1))
            })
        })
    }

    /// Whether `l`'s type is a class instance.
    fn is_instance_local(&self, l: LocalId) -> bool {
        self.local_types[l.index()]
            .as_ref()
            .is_some_and(|t| matches!(self.resolve(t), Ty::Class(_) | Ty::Applied(..)))
    }

    /// The receiver of `method` (`entry`, `get_mut`), which works on its map in place,
    /// is not a `#[getter]` property (a new value at each read).
    pub(super) fn not_a_property_receiver(&mut self, receiver: ExprId, method: &str) {
        if let ExprKind::Field(_, name) = &self.ir.expr(receiver).kind {
            self.refuse_property(receiver, |loc| {
                diagnostics::property_map_in_place(loc, name, method)
            });
        }
    }

    /// A field place that turned out to be a `#[getter]` property (a call, not memory)
    /// cannot be written or borrowed.
    fn not_a_property(&mut self, place: ExprId, name: &str, how: &str) {
        self.refuse_property(place, |loc| {
            diagnostics::property_is_not_a_place(loc, name, how)
        });
    }

    /// If `place` is a `#[getter]` call: unresolves it and reports `diagnostic` at it.
    fn refuse_property(
        &mut self,
        place: ExprId,
        diagnostic: impl FnOnce(LocId) -> crate::diag::Diagnostic,
    ) {
        let slot = &mut self.resolutions[place.index()];
        if matches!(slot, Some(Resolution::ClassCall { .. })) {
            *slot = None;
            let d = diagnostic(self.loc(place));
            self.diags.push(d);
        }
    }

    /// `&self.field` (in `index` / `index_mut`) may only be the function's result (or a
    /// statement, dropped at once): as a local or an argument it could outlive the field
    /// it points into.
    pub(super) fn check_place_results(&mut self) {
        let ir = self.ir;
        let mut results = Vec::new();
        let mut pending = vec![ir.body];
        for e in &ir.exprs {
            if let ExprKind::Return(Some(v)) = e.kind {
                pending.push(v);
            }
        }
        while let Some(e) = pending.pop() {
            match &ir.expr(e).kind {
                ExprKind::Block(b) => pending.extend(b.tail),
                ExprKind::If {
                    then_branch,
                    else_branch,
                    ..
                }
                | ExprKind::IfLetSome {
                    then_branch,
                    else_branch,
                    ..
                } => {
                    pending.push(*then_branch);
                    pending.extend(*else_branch);
                }
                ExprKind::AddrOf { .. } => results.push(e),
                _ => {}
            }
        }
        // `&place;` drops the borrow at once (a `format!` argument's bounds check, where
        // the argument is: `lower/format_macro.rs`).
        for e in &ir.exprs {
            if let ExprKind::Block(b) = &e.kind {
                results.extend(b.stmts.iter().filter_map(|s| match s {
                    Stmt::Expr(e) if matches!(ir.expr(*e).kind, ExprKind::AddrOf { .. }) => {
                        Some(*e)
                    }
                    _ => None,
                }));
            }
        }
        for (i, e) in ir.exprs.iter().enumerate() {
            let id = ExprId(i as u32);
            if matches!(e.kind, ExprKind::AddrOf { .. })
                && !results.contains(&id)
                && !self.borrowed_args.contains(&id)
            {
                self.diags.push(diagnostics::borrowed_field_escapes(e.loc));
            }
        }
    }
}

impl Infer<'_> {
    /// A `&S` / `&mut S` parameter of a type parameter is held as the value: that is only
    /// what Rust means for an instance (a shared reference already) or a primitive (read
    /// through `&`); any other `S` is refused at the parameter.
    pub(super) fn check_by_ref_params(&mut self, local_types: &[Option<crate::types::Type>]) {
        use crate::types::Type;
        for p in &self.ir.params {
            let Some(mutable) = self.ir.local(p.local).by_ref else {
                continue;
            };
            let Some(t) = &local_types[p.local.index()] else {
                continue;
            };
            let fits = match t {
                Type::Class(_) => true,
                _ => t.is_scalar() && !mutable,
            };
            if !fits {
                let amp = if mutable { "&mut " } else { "&" };
                let d = crate::diag::Diagnostic::new(
                    p.loc,
                    format!(
                        "a `{amp}T` parameter takes a `#[jitclass]` instance in jit code, not `{t}`"
                    ),
                )
                .note("help: take the value itself (`T`), or a slice `&[T]`");
                self.diags.push(d);
            }
        }
    }
}

/// A change through a `&C` / `&S` parameter (E0596).
/// rustc's E0596 for a change through `k` of `for k in &s`: a `&K` in Rust, not a binding
/// a `mut` would help (so no help, unlike a parameter's).
fn change_through_shared_loop_element(loc: LocId, variable: &str) -> crate::diag::Diagnostic {
    crate::diag::Diagnostic::new(
        loc,
        format!("cannot borrow `*{variable}` as mutable, as it is behind a `&` reference"),
    )
    .note(format!(
        "note: `{variable}` is a `&` reference, so the data it refers to cannot be borrowed as mutable"
    ))
}

fn change_behind_shared_reference(loc: LocId, variable: &str) -> crate::diag::Diagnostic {
    crate::diag::Diagnostic::new(
        loc,
        format!("cannot borrow `*{variable}` as mutable, as it is behind a `&` reference"),
    )
    .note(format!(
        "note: `{variable}` is a `&` reference, so the data it refers to cannot be borrowed as mutable\nhelp: take the parameter as `&mut`"
    ))
}
