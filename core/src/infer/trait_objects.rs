//! Trait objects in jit bodies: `Box::new(instance)`, typed by its use; the coercions of
//! class instances and boxes where a `&dyn Trait` / `&mut dyn Trait` is expected
//! (`Adjustment`); calls through the vtable (`Resolution::DynCall`); and the check, once
//! types are final, that each class put in a trait object implements its trait
//! (rustc's E0277).

use super::trait_object_diagnostics as diag;
use super::unify::{Ty, VarKind};
use super::{Adjustment, DynCall, Infer, Mode, Resolution};
use crate::ir::{ExprId, ExprKind, LocId, Receiver, TraitDispatch};
use crate::types::{ClassKey, DynPointer, TraitKey, Type};

/// A `Box::new(value)` whose type its use decides.
pub(super) struct BoxedValue {
    /// The `BoxNew` expression.
    expr: ExprId,
    /// The value's type.
    operand: Ty,
    /// The expression's type: a variable until a use binds it.
    result: Ty,
}

/// A borrow lent where a trait object is expected, before its referent's type is known.
pub(super) struct PendingLend {
    expr: ExprId,
    /// The borrow's type (`&_`, `&mut _`).
    actual: Ty,
    /// The trait object's.
    expected: Ty,
}

/// A class put in a trait object, to check against the trait's impls at the end.
pub(super) struct DynImplCheck {
    class: ClassKey,
    key: TraitKey,
    loc: LocId,
    /// The pointer types of rustc's "required for the cast" note.
    from: String,
    to: String,
}

impl Infer<'_> {
    /// `Box::new(inner)`: the operand must be a class instance; the type is a fresh
    /// variable, which the use binds (an annotated `let`, a `Vec<Box<dyn T>>`'s `push`).
    pub(super) fn box_new(&mut self, id: ExprId, inner: ExprId) -> Ty {
        let operand = self.expr(inner);
        let result = self.fresh(VarKind::General);
        self.boxes.push(BoxedValue {
            expr: id,
            operand,
            result: result.clone(),
        });
        result
    }

    /// Whether a value of type `actual` is a borrowed class instance or a lent trait
    /// object that becomes `expected`, a trait object, where it is used, as rustc's
    /// coercions make it one; records the `Adjustment` of `id`. `None`: not a trait
    /// object coercion (the caller unifies as usual, which reports rustc's E0308).
    fn dyn_coercion(&mut self, id: ExprId, actual: &Ty, expected: &Ty) -> Option<()> {
        let Ty::Dyn(key, pointer) = self.resolve(expected) else {
            return None;
        };
        if pointer == DynPointer::Box {
            return None;
        }
        let (inner, lent_mutably) = match self.resolve(actual) {
            Ty::Ref(inner, mutable) => (self.resolve(&inner), Some(mutable)),
            other => (other, self.self_by_reference(id)),
        };
        // `&x` can go where a `&dyn T` is expected, `&mut x` where either is.
        let lends = lent_mutably.is_some_and(|m| m || pointer == DynPointer::Ref);
        let adjustment = match inner {
            // A local whose type its initialiser tells later (at macro time, when the
            // class is unknown, never): decided once types are final.
            Ty::Var(v) if lends && self.var_kind(v) == VarKind::General => {
                self.pending_lends.push(PendingLend {
                    expr: id,
                    actual: actual.clone(),
                    expected: expected.clone(),
                });
                self.check_lent_local(id);
                return Some(());
            }
            Ty::Class(class) if lends => {
                let from = match lent_mutably {
                    Some(true) => format!("&mut {}", class.name),
                    _ => format!("&{}", class.name),
                };
                self.dyn_impl_checks.push(DynImplCheck {
                    class: class.clone(),
                    key: key.clone(),
                    loc: self.loc(id),
                    from,
                    to: Type::Dyn {
                        key: key.clone(),
                        pointer,
                    }
                    .to_string(),
                });
                Adjustment::ToDyn {
                    class,
                    key,
                    pointer,
                }
            }
            // An instance itself (E0308), with rustc's help to borrow a variable.
            Ty::Class(_) if lent_mutably.is_none() => {
                let ExprKind::Local(l) = self.ir.expr(id).kind else {
                    return None;
                };
                let borrow = if pointer == DynPointer::RefMut {
                    "&mut "
                } else {
                    "&"
                };
                let name = &self.ir.local(l).name;
                let d = self
                    .mismatch(self.loc(id), expected, actual)
                    .note(format!("help: consider borrowing here: `{borrow}{name}`"));
                self.diags.push(d);
                return Some(());
            }
            // `&b` of a `Box<dyn T>` (or `&r` of a `&dyn T`): rustc's unsizing coercion
            // does not look through the box, it asks for `Box<dyn T>: T` (E0277). The
            // element of `for s in &v` / `&mut v` is such a borrow too.
            Ty::Dyn(..) if lends => {
                let mutably = lent_mutably == Some(true);
                self.push_dyn_not_implemented(id, &inner, mutably, &key, pointer);
                return Some(());
            }
            Ty::Dyn(..) if lent_mutably.is_none() && self.is_loop_element_of(id).is_some() => {
                let mutably = self.is_loop_element_of(id) == Some(true);
                if mutably || pointer == DynPointer::Ref {
                    self.push_dyn_not_implemented(id, &inner, mutably, &key, pointer);
                    return Some(());
                }
                return None;
            }
            // A `&mut dyn T` reborrowed as a `&dyn T` (rustc's reborrow coercion).
            Ty::Dyn(held, DynPointer::RefMut)
                if lent_mutably.is_none() && held == key && pointer == DynPointer::Ref =>
            {
                Adjustment::LendDyn { key, pointer }
            }
            _ => return None,
        };
        self.check_lent_local(id);
        self.adjustments[id.index()] = Some(adjustment);
        Some(())
    }

    /// `Some(mutable)` if `id` is `self` in a `&self` (`false`) or `&mut self` (`true`)
    /// method: a reference in Rust, which coerces to a trait object as `&c` / `&mut c` do
    /// (jit code holds it as the instance).
    fn self_by_reference(&self, id: ExprId) -> Option<bool> {
        let (this, mutable) = self.ir.self_reference()?;
        matches!(self.ir.expr(id).kind, ExprKind::Local(l) if l == this).then_some(mutable)
    }

    /// Whether rustc judges the body at build time, in its shadow (a non-generic body at
    /// macro time): what it refuses about trait objects (`==` of boxes, `{:?}` of one,
    /// `r.as_ref()` of a `&dyn T`), it reports with its own code and notes.
    pub(super) fn shadow_judges(&self) -> bool {
        self.mode == Mode::MacroTime && self.ir.generics.is_empty()
    }

    /// Whether `t` is a trait object or a reference to one.
    pub(super) fn is_trait_object(&self, t: &Ty) -> bool {
        match self.resolve(t) {
            Ty::Dyn(..) => true,
            Ty::Ref(inner, _) => matches!(self.resolve(&inner), Ty::Dyn(..)),
            _ => false,
        }
    }

    /// `&mut x` of a local lends it mutably: it must be `mut` (E0596).
    fn check_lent_local(&mut self, id: ExprId) {
        if let ExprKind::AddrOf {
            place,
            mutable: true,
        } = self.ir.expr(id).kind
            && matches!(self.ir.expr(place).kind, ExprKind::Local(_))
        {
            self.check_mutable_borrow(place);
        }
    }

    /// rustc's E0277 for a borrow of a trait object (`inner`) where a `&dyn T` /
    /// `&mut dyn T` is expected.
    fn push_dyn_not_implemented(
        &mut self,
        id: ExprId,
        inner: &Ty,
        mutably: bool,
        key: &TraitKey,
        pointer: DynPointer,
    ) {
        // A non-generic body is rustc's to judge at build time (the shadow): its E0277
        // has rustc's code and points at the whole borrow.
        if self.shadow_judges() {
            return;
        }
        let found = self.show(inner);
        let from = format!("{}{found}", if mutably { "&mut " } else { "&" });
        let to = Type::Dyn {
            key: key.clone(),
            pointer,
        }
        .to_string();
        let loc = self.loc(id);
        self.diags.push(diag::pointer_not_implemented(
            loc, &found, &key.name, &from, &to,
        ));
    }

    /// `Some(mutably)` if `id` is the element of a borrowed loop over a `Vec`: `s` of
    /// `for s in &v` (bound by the lowering's `let s = v[i]`), or `v[i]` itself, which
    /// `s` of `for s in &mut v` names. Jit code types it as the element; in Rust it is a
    /// `&` / `&mut` reference to it.
    fn is_loop_element_of(&self, id: ExprId) -> Option<bool> {
        let hidden_index = |e: ExprId| match self.ir.expr(e).kind {
            ExprKind::Index(_, i) => matches!(self.ir.expr(i).kind,
                ExprKind::Local(l) if self.ir.local(l).name == crate::ir::LOOP_INDEX),
            _ => false,
        };
        match self.ir.expr(id).kind {
            _ if hidden_index(id) => Some(true),
            ExprKind::Local(l) => self.ir.exprs.iter().find_map(|e| match &e.kind {
                ExprKind::Block(b) => b.stmts.iter().find_map(|s| match s {
                    crate::ir::Stmt::Let {
                        pattern: crate::ir::Pattern::Bind(v),
                        init: Some(init),
                        ..
                    } if *v == l && hidden_index(*init) => Some(false),
                    _ => None,
                }),
                _ => None,
            }),
            _ => None,
        }
    }

    /// The name of the `Vec` variable whose borrowed loop binds the local `l`, if it is one.
    fn loop_container_name(&self, l: crate::ir::LocalId) -> Option<String> {
        self.ir.exprs.iter().find_map(|e| match &e.kind {
            ExprKind::Block(b) => b.stmts.iter().find_map(|s| match s {
                crate::ir::Stmt::Let {
                    pattern: crate::ir::Pattern::Bind(v),
                    init: Some(init),
                    ..
                } if *v == l => match self.ir.expr(*init).kind {
                    ExprKind::Index(base, _) => match self.ir.expr(base).kind {
                        ExprKind::Local(c) => Some(self.ir.local(c).name.clone()),
                        _ => None,
                    },
                    _ => None,
                },
                _ => None,
            }),
            _ => None,
        })
    }

    /// The borrows whose referent's type was open where they were lent to a trait object
    /// (`let c = Circle { .. }; let r: &dyn Shape = &c;` at macro time), decided now.
    fn decide_pending_lends(&mut self) {
        for lend in std::mem::take(&mut self.pending_lends) {
            let inner = match self.resolve(&lend.actual) {
                Ty::Ref(inner, _) => self.resolve(&inner),
                other => other,
            };
            // Still open: at macro time the class is unknown, and the first call's
            // inference, which knows it, decides.
            if matches!(inner, Ty::Var(_) | Ty::Unknown) && self.mode == Mode::MacroTime {
                continue;
            }
            if matches!(inner, Ty::Var(_)) {
                let d = self.mismatch(self.loc(lend.expr), &lend.expected, &lend.actual);
                self.diags.push(d);
                continue;
            }
            if self
                .dyn_coercion(lend.expr, &lend.actual, &lend.expected)
                .is_none()
                && self.coerce(&lend.actual, &lend.expected).is_err()
            {
                let d = self.mismatch(self.loc(lend.expr), &lend.expected, &lend.actual);
                self.diags.push(d);
            }
        }
    }

    /// Whether `id` initialises a `let` of a borrowed trait object (`let s: &dyn Shape =
    /// &c;`), the one borrow besides a call's arguments.
    pub(super) fn is_lent_to_dyn(&self, id: ExprId) -> bool {
        self.ir.exprs.iter().any(|e| match &e.kind {
            ExprKind::Block(b) => b.stmts.iter().any(|s| {
                matches!(s, crate::ir::Stmt::Let { init: Some(init), ty: Some(crate::ir::TypeExpr::Dyn { pointer, .. }), .. }
                    if *init == id && *pointer != DynPointer::Box)
            }),
            _ => false,
        })
    }

    /// `coerce` of expression `id`'s value (of type `actual`) where `expected` is
    /// expected, with the coercions to trait objects; `Err` on a mismatch.
    pub(super) fn coerce_expr(&mut self, id: ExprId, actual: &Ty, expected: &Ty) -> Result<(), ()> {
        if self.dyn_coercion(id, actual, expected).is_some() {
            return Ok(());
        }
        self.coerce(actual, expected)
    }

    /// `b.as_ref()` / `b.as_mut()` of a `Box<dyn T>`, and `&*b` / `&mut *b` (lowered to
    /// the hidden `REBORROW` / `REBORROW_MUT`): the trait object the box holds, lent as a
    /// `&dyn T` / `&mut dyn T`. Typed as the box, with a `LendDyn` adjustment (so codegen
    /// lends the receiver's value, `coerced_source`), seen by the rest of the body as the
    /// lent type. `None`: not such a call.
    pub(super) fn lend_call(
        &mut self,
        id: ExprId,
        receiver: ExprId,
        recv: &Ty,
        method: &str,
        args: &[ExprId],
    ) -> Option<Ty> {
        let hidden = method == crate::ir::REBORROW || method == crate::ir::REBORROW_MUT;
        let mutably = match method {
            "as_ref" if args.is_empty() => false,
            "as_mut" if args.is_empty() => true,
            crate::ir::REBORROW => false,
            crate::ir::REBORROW_MUT => true,
            _ => return None,
        };
        // `&*r` / `&mut *m` of a `&dyn T` / `&mut dyn T`: a reborrow.
        if hidden
            && let Ty::Dyn(key, from) = recv
            && *from != DynPointer::Box
        {
            if mutably && *from == DynPointer::Ref {
                let variable = match self.ir.expr(receiver).kind {
                    ExprKind::Local(l) => Some(self.ir.local(l).name.clone()),
                    _ => None,
                };
                let rloc = self.loc(receiver);
                self.diags
                    .push(diag::mut_through_shared(rloc, variable.as_deref()));
                return Some(Ty::Unknown);
            }
            return Some(self.lend(id, recv, key, mutably));
        }
        // `r.as_ref()` of a `&dyn T`: rustc finds `AsRef` for `&T` where `T: AsRef<U>`,
        // which `dyn T` is not (E0599).
        if !hidden && let Ty::Dyn(_, pointer @ (DynPointer::Ref | DynPointer::RefMut)) = recv {
            if !self.shadow_judges() {
                let shown = self.show(recv);
                let d = diag::lend_of_borrowed(self.loc(id), method, &shown, *pointer);
                self.diags.push(d);
            }
            return Some(Ty::Unknown);
        }
        let Ty::Dyn(key, DynPointer::Box) = recv else {
            if hidden {
                let shown = self.show(recv);
                self.diags
                    .push(diag::deref_of_non_box(self.loc(id), &shown));
                return Some(Ty::Unknown);
            }
            return None;
        };
        if mutably {
            self.check_mutable_borrow(receiver);
        }
        Some(self.lend(id, recv, key, mutably))
    }

    /// Records that call `id` lends its receiver (of type `recv`) as a `&dyn T` /
    /// `&mut dyn T` of trait `key`, and gives that type.
    fn lend(&mut self, id: ExprId, recv: &Ty, key: &TraitKey, mutably: bool) -> Ty {
        let pointer = if mutably {
            DynPointer::RefMut
        } else {
            DynPointer::Ref
        };
        self.adjustments[id.index()] = Some(Adjustment::LendDyn {
            key: key.clone(),
            pointer,
        });
        self.lend_calls.push((id, recv.clone()));
        Ty::Dyn(key.clone(), pointer)
    }

    /// `receiver.method(args)` on a trait object: a call through the vtable; `None` if
    /// `recv` is not a trait object.
    pub(super) fn dyn_method_call(
        &mut self,
        id: ExprId,
        receiver: ExprId,
        recv: &Ty,
        method: &str,
        args: &[ExprId],
        arg_types: &[Ty],
    ) -> Option<Ty> {
        let Ty::Dyn(key, pointer) = recv else {
            return None;
        };
        let loc = self.loc(id);
        let sig = match self.callees.dyn_trait(key) {
            Ok(Some(sig)) => sig,
            Ok(None) => return Some(Ty::Unknown),
            Err(message) => {
                self.diags.push(crate::diag::Diagnostic::new(loc, message));
                return Some(Ty::Unknown);
            }
        };
        let shown = self.show(recv);
        let trait_name = sig.of_trait.name.clone();
        let Some((m, slot)) = sig.ir.method(method) else {
            self.diags.push(diag::no_method(loc, method, &shown));
            return Some(Ty::Unknown);
        };
        let (receiver_kind, params, ret) = match &m.dispatch {
            TraitDispatch::Vtable {
                receiver,
                params,
                ret,
            } => (*receiver, params.clone(), ret.clone()),
            TraitDispatch::Associated { .. } => {
                self.diags
                    .push(diag::associated_fn(loc, method, &shown, &trait_name));
                return Some(Ty::Unknown);
            }
            TraitDispatch::SizedSelf => {
                self.diags.push(diag::sized_method(loc, method));
                return Some(Ty::Unknown);
            }
            TraitDispatch::Untyped(why) => {
                self.diags
                    .push(diag::untyped_method(loc, method, &trait_name, why));
                return Some(Ty::Unknown);
            }
        };
        let slot = slot.expect("a vtable method has a slot") as u32;
        let rloc = self.loc(receiver);
        match (receiver_kind, pointer) {
            (Receiver::Value, _) => {
                self.diags.push(diag::moved_trait_object(rloc, &trait_name));
                return Some(Ty::Unknown);
            }
            (Receiver::RefMut, DynPointer::Ref) => {
                let variable = match self.ir.expr(receiver).kind {
                    ExprKind::Local(l) => Some(self.ir.local(l).name.clone()),
                    _ => None,
                };
                self.diags
                    .push(diag::mut_through_shared(rloc, variable.as_deref()));
                return Some(Ty::Unknown);
            }
            (Receiver::RefMut, DynPointer::Box) => match self.ir.expr(receiver).kind {
                // `s` of `for s in &v`: a `&Box<dyn T>` in Rust (E0596), also in a
                // generic body, which rustc does not check.
                ExprKind::Local(l) if self.is_loop_element_of(receiver) == Some(false) => {
                    let name = self.ir.local(l).name.clone();
                    let vec = self.loop_container_name(l);
                    self.diags
                        .push(diag::mut_through_loop_element(rloc, &name, vec.as_deref()));
                }
                ExprKind::Local(l) if !self.ir.local(l).mutable => {
                    let name = self.ir.local(l).name.clone();
                    self.diags
                        .push(diag::mut_of_immutable_box(rloc, &name, method));
                }
                _ => self.check_mutable_receiver(receiver, method),
            },
            _ => {}
        }
        if params.len() != args.len() {
            self.diags.push(super::diagnostics::wrong_argument_count(
                loc,
                "this method",
                params.len(),
                args.len(),
            ));
            return Some(Ty::Unknown);
        }
        for ((a, at), p) in args.iter().zip(arg_types).zip(&params) {
            let pt = self.ty_of_expr_type_with(p, Some(&[]));
            self.coerce_arg(*a, at, &pt);
        }
        let ret = self.ty_of_expr_type_with(&ret, Some(&[]));
        self.record_resolution(
            id,
            Resolution::DynCall(DynCall {
                key: key.clone(),
                method: method.to_string(),
                slot,
            }),
        );
        Some(ret)
    }

    /// Once types are final: each `Box::new` made a `Box<dyn Trait>` of a class that
    /// implements the trait, and each class coerced to a trait object implements it.
    pub(super) fn check_trait_objects(&mut self) {
        self.decide_pending_lends();
        // A lending call's own type is the box it lends from (`Typed::expr_types` holds
        // the type before the adjustment).
        for (id, boxed) in std::mem::take(&mut self.lend_calls) {
            self.expr_types[id.index()] = boxed;
        }
        for boxed in std::mem::take(&mut self.boxes) {
            let loc = self.loc(boxed.expr);
            let operand = self.resolve(&boxed.operand);
            let class = match &operand {
                Ty::Class(class) => Some(class.clone()),
                Ty::Unknown => None,
                // Whatever the use, the value must be an instance.
                Ty::Var(v) if self.var_kind(*v) == VarKind::General => None,
                other => {
                    let shown = self.show(other);
                    let at = match self.ir.expr(boxed.expr).kind {
                        ExprKind::BoxNew(inner) => self.loc(inner),
                        _ => loc,
                    };
                    self.diags.push(diag::boxed_non_class(at, &shown));
                    continue;
                }
            };
            match self.resolve(&boxed.result) {
                Ty::Dyn(key, DynPointer::Box) => {
                    if let Some(class) = class {
                        let to = format!("Box<dyn {}>", key.name);
                        self.dyn_impl_checks.push(DynImplCheck {
                            from: format!("Box<{}>", class.name),
                            class,
                            key,
                            loc,
                            to,
                        });
                    }
                }
                Ty::Unknown => {}
                Ty::Var(_) => {
                    let name = class.as_ref().map(|c| c.name.as_str());
                    self.diags.push(diag::box_type_unknown(loc, name));
                }
                other => {
                    let (expected, found) = (self.show(&other), self.show(&operand));
                    self.diags.push(diag::box_mismatch(loc, &expected, &found));
                }
            }
        }
        for check in std::mem::take(&mut self.dyn_impl_checks) {
            let Ok(Some(sig)) = self.callees.dyn_trait(&check.key) else {
                continue;
            };
            if self.callees.implements(&check.class, &sig.of_trait.id) == Some(false) {
                let unmet = self
                    .callees
                    .unmet_impl_bounds(&check.class, &sig.of_trait.id);
                self.diags.push(diag::not_implemented(
                    check.loc,
                    &check.class.name,
                    &sig.of_trait.name,
                    &unmet,
                    (&check.from, &check.to),
                ));
            }
        }
    }

    /// The type of a written trait object whose trait is not known (macro time): keyed by
    /// the trait's path as written, as `PassThru<T>`s are, so that a `Box::new` bound to
    /// one counts as typed and two trait objects of one trait are one type.
    pub(super) fn macro_time_dyn(
        &self,
        trait_ref: crate::ir::TraitRefId,
        pointer: DynPointer,
    ) -> Ty {
        if self.mode != Mode::MacroTime {
            return Ty::Unknown;
        }
        let Some(written) = self.ir.traits.get(trait_ref.index()) else {
            return Ty::Unknown;
        };
        let id = written.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        }) as usize;
        let name = written
            .rsplit("::")
            .next()
            .unwrap_or(written)
            .trim()
            .to_string();
        Ty::Dyn(TraitKey { id, name }, pointer)
    }
}
