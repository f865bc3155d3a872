//! Operators and casts: unary, binary and compound-assignment operators, indexing and
//! `as`; on class instances they go to the class's operator traits (`class_op`).
//!
//! On primitives, the operands are unified as the walk meets them, and whether the
//! operator applies to their type is checked once types are final (`Deferred`), so that
//! `let x = 1; x << 2u8` or `a + b` before `a`'s type is known are judged by the types
//! they end with. Shifts take any integer on the right; `&&`/`||` take `bool`s.

use super::class_op::OpenForm;
use super::deferred::Deferred;
use super::diagnostics;
use super::unify::{Ty, VarKind, VarState};
use super::{Infer, Mode};
use crate::ir::{BinOp, ExprId, ExprKind, LocId, LocalId, TypeExpr, UnOp};
use crate::operators::{OperatorMethod, Syntax};
use crate::types::PrimTy;

impl Infer<'_> {
    /// `op inner`.
    pub(super) fn unary(&mut self, id: ExprId, op: UnOp, inner: ExprId) -> Ty {
        let t = self.expr(inner);
        let (t, _) = self.operand_value(inner, t, None);
        match (
            OperatorMethod::for_syntax(Syntax::Unary(op)),
            self.resolve(&t),
        ) {
            (Some(method), Ty::Class(key)) => {
                return self.class_unary(id, op, method, (inner, t), key);
            }
            (Some(method), Ty::Applied(key, _)) => {
                let operand = (inner, t);
                let form = OpenForm::Unary {
                    op,
                    method,
                    operand,
                    key,
                };
                return self.defer_on_applied(id, form);
            }
            _ => {}
        }
        self.deferred.push(Deferred::Unary(id, op, t.clone()));
        t
    }

    /// The added operand `b` (of type `bt`) that the lowering wrote `&r` for a `&T` held as
    /// the value (`LocalDecl::added_reference`): a number's is the number (std's
    /// `Add<&i64> for i64` & co., codegen reads the place), as is any but a `String`'s,
    /// whose stays a borrow, lent as `&str` (`other`: the left operand's type).
    fn added_reference_value(&mut self, b: ExprId, bt: Ty, other: &Ty) -> Ty {
        if let ExprKind::AddrOf { place, .. } = self.ir.expr(b).kind
            && let ExprKind::Local(l) = self.ir.expr(place).kind
            && self.ir.local(l).added_reference
            && let Ty::Ref(inner, _) = self.resolve(&bt)
        {
            let value = self.resolve(&inner);
            let is_value = match &value {
                Ty::String => false,
                // Not known yet (a class's field at macro time is `Unknown`): a `String`'s
                // only where added to a `String`.
                Ty::Var(_) => self.resolve(other) != Ty::String,
                _ => true,
            };
            if is_value {
                self.expr_types[b.index()] = value.clone();
                return value;
            }
        }
        bt
    }

    /// An operand `&e` of an operator (`a * &b`, `&a < &b`, `-&a`; `lower/expr.rs`'s
    /// `operand`): std implements the operators of primitives for their references too,
    /// so a primitive's borrow is read as the value (its type retyped to the value's, which
    /// codegen reads from the place). Anything else's stays a borrow (`other`: the other
    /// operand's type, which a `String` makes the borrow a `&str`). Whether it was one.
    fn operand_value(&mut self, e: ExprId, t: Ty, other: Option<&Ty>) -> (Ty, bool) {
        if !matches!(
            self.ir.expr(e).kind,
            ExprKind::AddrOf { mutable: false, .. }
        ) {
            return (t, false);
        }
        // A borrow used up by the operator, which outlives nothing.
        if !self.borrowed_args.contains(&e) {
            self.borrowed_args.push(e);
        }
        let value = match self.resolve(&t) {
            Ty::Ref(inner, false) => self.resolve(&inner),
            // A place whose type is not known at macro time (`&self.x`).
            Ty::Unknown => Ty::Unknown,
            _ => return (t, false),
        };
        let is_value = match &value {
            Ty::Prim(_) | Ty::Unknown => true,
            Ty::Var(_) => other.is_none_or(|o| self.resolve(o) != Ty::String),
            _ => false,
        };
        if !is_value {
            return (t, false);
        }
        self.expr_types[e.index()] = value.clone();
        (value, true)
    }

    /// The variable a place is rooted in and the fields down to it (cut at an index,
    /// whose elements borrowck does not tell apart).
    fn borrowed_place_path(&self, mut e: ExprId) -> Option<(LocalId, Vec<String>)> {
        let mut path = Vec::new();
        loop {
            match &self.ir.expr(e).kind {
                ExprKind::Field(b, name) => {
                    path.push(name.clone());
                    e = *b;
                }
                ExprKind::TupleField(b, i) => {
                    path.push(i.to_string());
                    e = *b;
                }
                ExprKind::Index(b, _) => {
                    path.clear();
                    e = *b;
                }
                ExprKind::Local(l) => {
                    path.reverse();
                    return Some((*l, path));
                }
                _ => return None,
            }
        }
    }

    /// `x += &y` where `y` overlaps `x` (`a += &a`, `s.n += &s.n`): std's `AddAssign<&T>`
    /// borrows `x` mutably while `&y` is alive (E0502); disjoint fields are fine.
    fn borrow_overlaps(&self, place: ExprId, borrow: ExprId) -> bool {
        let ExprKind::AddrOf { place: lent, .. } = self.ir.expr(borrow).kind else {
            return false;
        };
        match (
            self.borrowed_place_path(place),
            self.borrowed_place_path(lent),
        ) {
            (Some((a, pa)), Some((b, pb))) => a == b && pa.iter().zip(&pb).all(|(x, y)| x == y),
            _ => false,
        }
    }

    /// Where a place's text starts (`s` of `s.n`), where rustc points at it.
    fn place_start(&self, mut place: ExprId) -> LocId {
        while let ExprKind::Field(b, _) | ExprKind::TupleField(b, _) | ExprKind::Index(b, _) =
            self.ir.expr(place).kind
        {
            place = b;
        }
        self.loc(place)
    }

    fn place_root_name(&self, place: ExprId) -> String {
        match self.borrowed_place_path(place) {
            Some((l, path)) if !path.is_empty() && !path.iter().any(|p| p.is_empty()) => {
                format!("{}.{}", self.ir.local(l).name, path.join("."))
            }
            Some((l, _)) => self.ir.local(l).name.clone(),
            None => "_".to_string(),
        }
    }

    /// `place += &place` (rustc's E0502 at the place): the expression is `()`.
    fn refuse_added_to_itself(&mut self, place: ExprId, string: bool) -> Ty {
        let name = self.place_root_name(place);
        let loc = self.place_start(place);
        self.diags
            .push(diagnostics::added_to_itself(loc, &name, string));
        Ty::Unit
    }

    /// `a op b`.
    pub(super) fn binary(&mut self, id: ExprId, op: BinOp, a: ExprId, b: ExprId) -> Ty {
        let at = self.expr(a);
        let bt = self.expr(b);
        let bt = self.added_reference_value(b, bt, &at);
        let bloc = self.loc(b);
        if !matches!(op, BinOp::And | BinOp::Or) {
            self.unknown_at_macro_time(&at);
            match self.resolve(&at) {
                Ty::Class(key) => return self.class_binary(id, op, (a, at), (b, bt), key),
                Ty::Applied(key, _) => {
                    let form = OpenForm::Binary {
                        op,
                        a: (a, at),
                        b: (b, bt),
                        key,
                    };
                    return self.defer_on_applied(id, form);
                }
                _ => {}
            }
        }
        if let Some(t) = self.string_binary(op, (a, &at), (b, &bt)) {
            return t;
        }
        let logical = matches!(op, BinOp::And | BinOp::Or);
        let (at, a_borrowed) = match logical {
            true => (at, false),
            false => self.operand_value(a, at, Some(&bt)),
        };
        let (bt, b_borrowed) = match logical {
            true => (bt, false),
            false => self.operand_value(b, bt, Some(&at)),
        };
        if !b_borrowed && self.refuse_borrow_added(b) {
            return Ty::Unknown;
        }
        // std compares two references (`&a < &b`) or two values, not one of each (E0308).
        if op.is_comparison() && a_borrowed != b_borrowed {
            let as_borrowed = |t: &Ty, borrowed: bool| match borrowed {
                true => Ty::Ref(Box::new(t.clone()), false),
                false => t.clone(),
            };
            let expected = as_borrowed(&at, a_borrowed);
            let found = as_borrowed(&bt, b_borrowed);
            let d = self.mismatch(bloc, &expected, &found);
            self.diags.push(d);
            return Ty::Prim(PrimTy::Bool);
        }
        match op {
            BinOp::And | BinOp::Or => {
                let aloc = self.loc(a);
                self.coerce_at(&at, &Ty::Prim(PrimTy::Bool), aloc);
                self.coerce_at(&bt, &Ty::Prim(PrimTy::Bool), bloc);
                Ty::Prim(PrimTy::Bool)
            }
            BinOp::Shl | BinOp::Shr => {
                self.deferred.push(Deferred::Binary(id, op, at.clone()));
                self.deferred.push(Deferred::Binary(b, BinOp::Shl, bt));
                at
            }
            _ => {
                if self.coerce(&bt, &at).is_err() {
                    let d = self.mismatch(bloc, &at, &bt);
                    self.diags.push(d);
                }
                self.deferred.push(Deferred::Binary(id, op, at.clone()));
                if op.is_comparison() {
                    Ty::Prim(PrimTy::Bool)
                } else {
                    at
                }
            }
        }
    }

    /// `place op= value`.
    pub(super) fn compound_assign(
        &mut self,
        id: ExprId,
        op: BinOp,
        place: ExprId,
        value: ExprId,
    ) -> Ty {
        let pt = self.place(place, true);
        let vt = self.expr(value);
        let vt = self.added_reference_value(value, vt, &pt);
        let is_string = self.resolve(&pt) == Ty::String;
        if is_string && self.borrow_overlaps(place, value) {
            return self.refuse_added_to_itself(place, true);
        }
        if let Some(t) = self.string_add_assign(op, &pt, (value, &vt)) {
            return t;
        }
        let (vt, borrowed) = self.operand_value(value, vt, Some(&pt));
        if !borrowed && self.refuse_borrow_added(value) {
            return Ty::Unit;
        }
        if borrowed && self.borrow_overlaps(place, value) {
            return self.refuse_added_to_itself(place, false);
        }
        self.unknown_at_macro_time(&pt);
        match self.resolve(&pt) {
            Ty::Class(key) => return self.class_compound(id, op, (place, pt), (value, vt), key),
            Ty::Applied(key, _) => {
                let form = OpenForm::Compound {
                    op,
                    place: (place, pt),
                    value: (value, vt),
                    key,
                };
                self.defer_on_applied(id, form);
                return Ty::Unit;
            }
            _ => {}
        }
        // A primitive place without the operator gets rustc's E0368 alone (the deferred
        // check reports it): the value's type is then moot, so no mismatch at it.
        let place_lacks_op = matches!(self.prim_or_skip(&pt), Some(p) if !prim_has_binary(p, op));
        if op.is_shift() {
            self.deferred.push(Deferred::Binary(value, BinOp::Shl, vt));
        } else if !place_lacks_op {
            let vloc = self.loc(value);
            self.coerce_at(&vt, &pt, vloc);
        }
        self.deferred.push(Deferred::Binary(id, op, pt));
        Ty::Unit
    }

    /// `inner as target`.
    pub(super) fn cast(&mut self, id: ExprId, inner: ExprId, target: &TypeExpr) -> Ty {
        let from = self.expr(inner);
        let to = self.ty_of_expr_type(target, self.loc(id));
        self.deferred.push(Deferred::Cast(id, from, to.clone()));
        to
    }

    /// `base[index]` (`bt`, `it`: their types), read.
    pub(super) fn index(&mut self, id: ExprId, bt: &Ty, it: &Ty, loc: LocId, iloc: LocId) -> Ty {
        let usize_t = Ty::Prim(PrimTy::Usize);
        match self.known_receiver(bt, loc) {
            None => Ty::Unknown,
            Some(Ty::Class(key)) => self.class_index(id, key, OperatorMethod::Index, (bt, it)),
            Some(Ty::Applied(key, _)) => {
                let form = OpenForm::Index {
                    key,
                    method: OperatorMethod::Index,
                    base: bt.clone(),
                    index: it.clone(),
                };
                self.defer_on_applied(id, form)
            }
            Some(Ty::Array(elem, len)) => {
                if self.coerce(it, &usize_t).is_err() {
                    let shown = self.show(it);
                    self.diags
                        .push(diagnostics::slice_index_not_usize(iloc, &shown));
                } else if let ExprKind::Index(_, index) = self.ir.expr(id).kind
                    && let Some(len) = len.known()
                {
                    self.check_constant_index(index, len);
                }
                *elem
            }
            Some(Ty::Map(key, value)) => match self.ir.expr(id).kind {
                ExprKind::Index(_, index) => self.map_index(id, index, (*key, *value)),
                _ => Ty::Unknown,
            },
            Some(Ty::Slice(elem, _) | Ty::Vec(elem)) => {
                if self.coerce(it, &usize_t).is_err() {
                    let shown = self.show(it);
                    self.diags
                        .push(diagnostics::slice_index_not_usize(iloc, &shown));
                }
                *elem
            }
            Some(Ty::Str) => {
                // rustc's E0277: a `str` is indexed by ranges only (`&s[a..b]`).
                let shown = self.show(it);
                self.diags.push(
                    crate::diag::Diagnostic::new(
                        iloc,
                        format!("the type `str` cannot be indexed by `{shown}`"),
                    )
                    .note("note: a `&str` is indexed by byte ranges (`&s[a..b]`); its bytes are `s.as_bytes()[i]`"),
                );
                Ty::Unknown
            }
            Some(other) => {
                let shown = self.show(&other);
                self.diags.push(diagnostics::cannot_index(loc, &shown));
                Ty::Unknown
            }
        }
    }

    /// At macro time, a left operand whose type is still open comes from a value only the
    /// run time knows (a class instance, a callee's result, copied into a local): it may
    /// be a class, whose operator impls take other right-hand types, so the right operand
    /// must not decide its type. It stays unknown, like the value it came from.
    fn unknown_at_macro_time(&mut self, t: &Ty) {
        if self.mode == Mode::MacroTime
            && let Ty::Var(v) = self.resolve(t)
            && self.var_kind(v) == VarKind::General
        {
            self.vars[v as usize] = VarState::Bound(Ty::Unknown);
        }
    }

    // ---- deferred checks --------------------------------------------------------------

    /// Deferred: `op x` on a primitive that has the operator.
    pub(super) fn check_unary(&mut self, id: ExprId, op: UnOp, t: &Ty) {
        let Some(p) = self.prim_or_skip(t) else {
            if !self.is_unknownish(t) && self.concrete(t).is_some() {
                let shown = self.show(t);
                self.diags.push(diagnostics::unary_not_applicable(
                    self.loc(id),
                    op,
                    &shown,
                    false,
                ));
            }
            return;
        };
        let ok = match op {
            UnOp::Neg => p.is_signed(),
            UnOp::Not => p.is_int() || p == PrimTy::Bool,
        };
        if !ok {
            let unsigned = op == UnOp::Neg && p.is_int();
            self.diags.push(diagnostics::unary_not_applicable(
                self.loc(id),
                op,
                &p.to_string(),
                unsigned,
            ));
        }
    }

    /// Deferred: `a op b` on operands of type `t` that have the operator.
    pub(super) fn check_binary(&mut self, id: ExprId, op: BinOp, t: &Ty) {
        let loc = self.loc(id);
        // Raw and function pointers compare by address, pass-through handles by
        // identity.
        if matches!(
            self.resolve(t),
            Ty::Ptr(..) | Ty::PassThru(_) | Ty::FnPtr(..)
        ) && matches!(op, BinOp::Eq | BinOp::Ne)
        {
            return;
        }
        if matches!(op, BinOp::Eq | BinOp::Ne)
            && let Some(c) = self.concrete(t)
            && super::vec::holds_map(&c)
        {
            self.diags
                .push(diagnostics::map_comparison_unsupported(loc, &c.to_string()));
            return;
        }
        if self.is_vec_like(t) && matches!(op, BinOp::Eq | BinOp::Ne) {
            return self.check_vec_eq(id, t);
        }
        // `()` (also a `PhantomData`'s value) compares equal to itself, as std's impls.
        if matches!(self.resolve(t), Ty::Option(_) | Ty::Tuple(_) | Ty::Unit) && op.is_comparison()
        {
            return self.check_structural_op(id, op, t);
        }
        // `&str`s compare by their bytes, as Rust's `Ord for str`.
        if self.resolve(t) == Ty::Str && op.is_comparison() {
            return;
        }
        if let Ty::Array(elem, _) = self.resolve(t)
            && matches!(op, BinOp::Eq | BinOp::Ne)
        {
            return self.check_array_eq(id, op, t, &elem);
        }
        let Some(p) = self.prim_or_skip(t) else {
            // Trait objects: rustc's E0369 (with its code and labels) in the shadow of a
            // non-generic body.
            if self.is_trait_object(t) && self.shadow_judges() {
                return;
            }
            if !self.is_unknownish(t) && self.concrete(t).is_some() {
                let shown = self.show(t);
                self.diags
                    .push(diagnostics::binary_not_applicable(loc, op, &shown));
            }
            return;
        };
        if !prim_has_binary(p, op) {
            let d = match self.ir.expr(id).kind {
                ExprKind::CompoundAssign(_, place, _) => {
                    diagnostics::compound_not_applicable(self.loc(place), op, &p.to_string())
                }
                _ => diagnostics::binary_not_applicable(loc, op, &p.to_string()),
            };
            self.diags.push(d);
        }
    }

    /// Deferred: `x as T` between numbers, from `bool` and `char` to integers, from `u8`
    /// to `char`, between pointers and
    /// integers (addresses) and other pointers, and of a function pointer to its own type.
    pub(super) fn check_cast(&mut self, id: ExprId, from: &Ty, to: &Ty) {
        let loc = self.loc(id);
        match (self.resolve(from), self.resolve(to)) {
            (Ty::Ptr(..), Ty::Ptr(..)) => return,
            (f @ Ty::FnPtr(..), t) | (f, t @ Ty::FnPtr(..)) => {
                if self.unify(&f, &t).is_err() {
                    let (fc, tc) = (self.show(&f), self.show(&t));
                    self.diags.push(diagnostics::fn_pointer_cast(loc, &fc, &tc));
                }
                return;
            }
            (Ty::Ptr(..), Ty::Prim(p)) | (Ty::Prim(p), Ty::Ptr(..)) if p.is_int() => return,
            (Ty::Ptr(..), Ty::Prim(_)) | (Ty::Prim(_), Ty::Ptr(..)) => {
                let (fc, tc) = (self.show(from), self.show(to));
                self.diags.push(diagnostics::pointer_cast(loc, &fc, &tc));
                return;
            }
            _ => {}
        }
        let (Some(f), Some(t)) = (self.prim_or_skip(from), self.prim_or_skip(to)) else {
            if let (Some(fc), Some(tc)) = (self.concrete(from), self.concrete(to)) {
                self.diags
                    .push(diagnostics::non_primitive_cast(loc, &fc, &tc));
            }
            return;
        };
        if t == PrimTy::Char && !matches!(f, PrimTy::U8 | PrimTy::Char) {
            self.diags.push(diagnostics::cast_to_char(loc, f));
        } else if f == PrimTy::Char && t == PrimTy::Bool {
            self.diags.push(diagnostics::char_to_bool(loc));
        } else if f == PrimTy::Char && t.is_float() {
            self.diags.push(diagnostics::char_to_float(loc, t));
        } else if t == PrimTy::Bool && f != PrimTy::Bool {
            self.diags.push(diagnostics::cast_to_bool(loc, f));
        } else if f == PrimTy::Bool && t.is_float() {
            self.diags.push(diagnostics::bool_to_float(loc, t));
        }
    }
}

/// Whether the primitive `p` has the binary operator `op` (its compound form too).
fn prim_has_binary(p: PrimTy, op: BinOp) -> bool {
    match op {
        BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::Div | BinOp::Rem => p.is_numeric(),
        BinOp::BitAnd | BinOp::BitOr | BinOp::BitXor => p.is_int() || p == PrimTy::Bool,
        BinOp::Shl | BinOp::Shr => p.is_int(),
        BinOp::Eq | BinOp::Ne | BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge => true,
        BinOp::And | BinOp::Or => p == PrimTy::Bool,
    }
}
