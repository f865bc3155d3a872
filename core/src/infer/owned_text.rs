//! Typing `String`: its constructors and methods (`crate::string_methods`), the methods
//! of `&str` it derefs to, comparisons with `String`s and `&str`s, and where a `&str`
//! borrowed from a `String` may be kept.
//!
//! A `&str` view of a `String` lives in the `String`'s buffer, which a change of the
//! `String` may move. Codegen counts every view as a lend of the block (`lends.rs`) until
//! the call it is an argument of returns, or its statement ends; a view kept longer, in a
//! local, is only sound where nothing can change the `String` while the local is live:
//! a `String` held by a local variable (never shared: reading a place copies a
//! `String`'s handle only to move or borrow it), in a body rustc checks (the shadow of a
//! fn without type parameters refuses E0502/E0505/E0506 as for any borrow), or the
//! hidden text of a `for` loop over a string's iterator, which stays lent for the loop
//! (but on a path leaving it once nothing reads the text, `codegen/text_loop_lend.rs`). [`Infer::check_string_views`] refuses the others.

use super::unify::Ty;
use super::{Infer, Resolution, diagnostics};
use crate::diag::Diagnostic;
use crate::ir::{BinOp, ExprId, ExprKind, Pattern, Stmt};
use crate::methods::Builtin;
use crate::str_methods::{LOOP_TEXT, StrMethod};
use crate::string_methods::{self, StringMethod};
use crate::types::Type;

impl Infer<'_> {
    /// `String::new()`, `String::with_capacity(n)`, `String::from(s)`: methods of `()`
    /// under hidden names; `None` for other methods.
    pub(super) fn string_new(&mut self, id: ExprId, method: &str, args: &[ExprId]) -> Option<Ty> {
        let sig = string_methods::constructor(method)?;
        for (a, p) in args.iter().zip(&sig.params) {
            let at = self.expr(*a);
            self.coerce_arg(*a, &at, &Self::ty_of_type(p));
        }
        self.record_resolution(id, Resolution::Builtin(sig.builtin));
        Some(Ty::String)
    }

    /// `s.method(args)` with `s: String`: its own methods, else those of the `&str` it
    /// derefs to.
    pub(super) fn string_method(
        &mut self,
        id: ExprId,
        receiver: ExprId,
        method: &str,
        args: &[ExprId],
        arg_types: &[Ty],
    ) -> Ty {
        if method == string_methods::hidden::PUSH_FORMATTED {
            return self.push_formatted(id, args, arg_types);
        }
        let Some(sig) = string_methods::lookup(method) else {
            return self.str_method(id, method, args, arg_types, &Type::String);
        };
        let loc = self.loc(id);
        let Builtin::String(which) = sig.builtin else {
            unreachable!("the table holds `String` methods")
        };
        if which.mutates() {
            self.check_mutable_receiver(receiver, method);
        }
        if sig.params.len() != args.len() {
            self.diags.push(diagnostics::builtin_wrong_argument_count(
                loc,
                method,
                sig.params.len(),
                args.len(),
            ));
            return Self::ty_of_type(&sig.ret);
        }
        for ((a, at), pt) in args.iter().zip(arg_types).zip(&sig.params) {
            self.coerce_arg(*a, at, &Self::ty_of_type(pt));
        }
        self.record_resolution(id, Resolution::Builtin(sig.builtin));
        Self::ty_of_type(&sig.ret)
    }

    /// `write!`'s destination (`string_methods::hidden::WRITE_TARGET`): a `String`, which
    /// is resolved as its `len()` (a read whose value is dropped); anything else is
    /// rustc's E0599 for `write!` into a value without `write_fmt`.
    pub(super) fn write_target(&mut self, id: ExprId, receiver: ExprId, recv: &Ty) -> Ty {
        if let Ty::String = recv {
            return self.string_method(id, receiver, "len", &[], &[]);
        }
        let shown = self.show(recv);
        self.diags.push(
            Diagnostic::new(self.loc(receiver), format!("cannot write into `{shown}`")).note(
                "note: must implement `io::Write`, `fmt::Write`, or have a `write_fmt` method\nnote: jit code writes into a `String`",
            ),
        );
        Ty::Unknown
    }

    /// `v.join(sep)` of a `Vec<String>`; `None` for other calls.
    pub(super) fn string_join(
        &mut self,
        id: ExprId,
        recv: &Ty,
        method: &str,
        args: &[ExprId],
        arg_types: &[Ty],
    ) -> Option<Ty> {
        let Ty::Vec(elem) = self.resolve(recv) else {
            return None;
        };
        if method != "join" || self.resolve(&elem) != Ty::String || args.len() != 1 {
            return None;
        }
        self.coerce_arg(args[0], &arg_types[0], &Ty::Str);
        self.record_resolution(id, Resolution::Builtin(string_methods::join().builtin));
        Some(Ty::String)
    }

    /// `a op b` where `a` or `b` is a `String`: std's `PartialEq` and `PartialOrd` of
    /// `String` with `String`, and `PartialEq` of `String` with `&str` both ways (byte
    /// order, `Ord for str`); `None` when neither operand is a `String`.
    pub(super) fn string_binary(
        &mut self,
        op: BinOp,
        (a, at): (ExprId, &Ty),
        (b, bt): (ExprId, &Ty),
    ) -> Option<Ty> {
        let (ra, rb) = (self.resolve(at), self.resolve(bt));
        if ra != Ty::String && rb != Ty::String {
            return None;
        }
        // `String + &str` (std's `Add<&str> for String`): the `String`, appended to.
        if op == BinOp::Add && ra == Ty::String {
            self.coerce_arg(b, bt, &Ty::Str);
            return Some(Ty::String);
        }
        let mixed_ok = matches!(op, BinOp::Eq | BinOp::Ne);
        let ok = match (&ra, &rb) {
            (Ty::String, Ty::String) => op.is_comparison(),
            (Ty::String, Ty::Str) | (Ty::Str, Ty::String) => mixed_ok,
            _ => false,
        };
        if ok {
            return Some(Ty::Prim(crate::types::PrimTy::Bool));
        }
        if op.is_comparison() {
            let bloc = self.loc(b);
            let d = self.mismatch(bloc, at, bt);
            self.diags.push(d);
        } else {
            let shown = self.show(at);
            self.diags
                .push(diagnostics::binary_not_applicable(self.loc(a), op, &shown));
        }
        Some(if op.is_comparison() {
            Ty::Prim(crate::types::PrimTy::Bool)
        } else {
            Ty::Unknown
        })
    }

    /// `place += value` on a `String` place: std's `AddAssign<&str>`, a `push_str`;
    /// `None` for other places.
    pub(super) fn string_add_assign(
        &mut self,
        op: BinOp,
        pt: &Ty,
        (value, vt): (ExprId, &Ty),
    ) -> Option<Ty> {
        if self.resolve(pt) != Ty::String {
            return None;
        }
        if op == BinOp::Add {
            self.coerce_arg(value, vt, &Ty::Str);
        } else {
            let loc = self.loc(value);
            self.diags
                .push(diagnostics::compound_not_applicable(loc, op, "String"));
        }
        Some(Ty::Unit)
    }

    /// Whether `id` is the right operand of `+` or `+=` (where the lowering made `&y` a
    /// borrow, which a `String` derefs).
    pub(super) fn is_added(&self, id: ExprId) -> bool {
        self.ir.exprs.iter().any(|e| {
            matches!(e.kind, ExprKind::Binary(BinOp::Add, _, b) | ExprKind::CompoundAssign(BinOp::Add, _, b) if b == id)
        })
    }

    /// `x + &y` where `x` is no `String`: jit code borrows only to call, and to add to a
    /// `String` (the lowering made `&y` a borrow for that). Whether it was refused.
    pub(super) fn refuse_borrow_added(&mut self, rhs: ExprId) -> bool {
        let ExprKind::AddrOf { place, .. } = self.ir.expr(rhs).kind else {
            return false;
        };
        // A `&T` held as the value, added as one (`added_reference_value`).
        if let ExprKind::Local(l) = self.ir.expr(place).kind
            && self.ir.local(l).added_reference
        {
            return false;
        }
        self.diags.push(Diagnostic::new(
            self.loc(rhs),
            "borrowing (`&x`) is not supported in jit code; values are copied, and slices arrive as parameters",
        ));
        true
    }

    /// Whether `e` is a `String` (so that a `&str` made of it is a view of it).
    pub(super) fn is_string(&self, e: ExprId) -> bool {
        self.resolve(&self.expr_types[e.index()]) == Ty::String
    }

    /// The `String`s a `&str` expression `e` may borrow from: those it views, directly or
    /// through what it calls with them.
    pub(super) fn viewed_strings(&self, e: ExprId, out: &mut Vec<ExprId>) {
        let view_of = |this: &Self, base: ExprId, out: &mut Vec<ExprId>| {
            if this.is_string(base) {
                out.push(base);
            } else {
                this.viewed_strings(base, out);
            }
        };
        match &self.ir.expr(e).kind {
            ExprKind::AddrOf { place, .. } | ExprKind::SubSlice { base: place, .. } => {
                view_of(self, *place, out)
            }
            ExprKind::MethodCall { receiver, args, .. } => match &self.resolutions[e.index()] {
                Some(Resolution::Builtin(Builtin::Str(m))) if returns_view(*m) => {
                    view_of(self, *receiver, out)
                }
                Some(Resolution::Builtin(Builtin::String(StringMethod::AsStr))) => {
                    view_of(self, *receiver, out)
                }
                Some(Resolution::Builtin(_)) => {}
                // A jit function's `&str` result may borrow any `&str` argument.
                _ => {
                    for a in std::iter::once(receiver).chain(args) {
                        view_of(self, *a, out);
                    }
                }
            },
            ExprKind::Call { args, .. }
            | ExprKind::AssocCall { args, .. }
            | ExprKind::TraitCall { args, .. } => {
                for a in args {
                    view_of(self, *a, out);
                }
            }
            ExprKind::Block(block) => {
                if let Some(t) = block.tail {
                    self.viewed_strings(t, out);
                }
            }
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
                self.viewed_strings(*then_branch, out);
                if let Some(e) = else_branch {
                    self.viewed_strings(*e, out);
                }
            }
            _ => {}
        }
    }

    /// Every `let` (or assignment) keeping a `&str` borrowed from a `String` in a local:
    /// refused unless the `String` is a local variable and rustc checks the body, or it
    /// is the text of a `for` loop over a string's iterator (see the module docs).
    pub(super) fn check_string_views(&mut self) {
        let generic = !self.ir.generics.is_empty();
        let mut kept = Vec::new();
        for e in &self.ir.exprs {
            match &e.kind {
                ExprKind::Block(block) => {
                    for stmt in &block.stmts {
                        if let Stmt::Let {
                            init: Some(init),
                            pattern,
                            ..
                        } = stmt
                        {
                            // A loop's text stays lent for the loop (codegen).
                            let loop_text = matches!(pattern, Pattern::Bind(l)
                                if self.ir.local(*l).name == LOOP_TEXT);
                            if !loop_text {
                                kept.push(*init);
                            }
                        }
                    }
                }
                ExprKind::Assign(_, value) => kept.push(*value),
                _ => {}
            }
        }
        for value in kept {
            if self.resolve(&self.expr_types[value.index()]) != Ty::Str {
                continue;
            }
            let mut strings = Vec::new();
            self.viewed_strings(value, &mut strings);
            for s in strings {
                let local = match self.ir.expr(s).kind {
                    ExprKind::Local(l) => Some(l),
                    _ => None,
                };
                let loop_text = local.is_some_and(|l| self.ir.local(l).name == LOOP_TEXT);
                let owning = local.is_some_and(|l| !self.may_share_block(l));
                if loop_text || (owning && !generic) {
                    continue;
                }
                let d = if !owning {
                    Diagnostic::new(
                        self.loc(s),
                        "a `&str` borrowed from a `String` that is not a local variable owning it cannot be kept in a local in jit code: the `String` could change through another handle while the `&str` is live",
                    )
                    .note("help: borrow from a local copy (`let text = self.name.clone();`), keep an owned `String` (`.to_string()`), or use the `&str` where it is made (`f(self.name.trim())`)")
                } else {
                    Diagnostic::new(
                        self.loc(s),
                        "a `&str` borrowed from a `String` cannot be kept in a local in a generic jit fn: rustc checks the borrows of fns without type parameters only",
                    )
                    .note("help: keep an owned `String` (`.to_string()`), or use the `&str` where it is made (`f(s.trim())`)")
                };
                self.diags.push(d);
            }
        }
    }
}

impl Infer<'_> {
    /// Whether the `String` local `l` may share its block with a place another handle
    /// reaches: a reference the body keeps into a `Vec` (`v.first()`), or a name bound to
    /// an element or field read in place (`for s in &v`, whose `s` is `v[i]`). (A
    /// `String` a local owns came from a move, which rustc allows only of what the body
    /// owns.)
    pub(super) fn may_share_block(&self, l: crate::ir::LocalId) -> bool {
        if self.ir.local(l).elem_ref {
            return true;
        }
        self.ir.exprs.iter().any(|e| {
            let ExprKind::Block(block) = &e.kind else {
                return false;
            };
            block.stmts.iter().any(|stmt| match stmt {
                Stmt::Let {
                    pattern,
                    init: Some(init),
                    ..
                } => {
                    let mut binds = false;
                    pattern.for_each_local(&mut |b| binds |= b == l);
                    binds
                        && matches!(
                            self.ir.expr(*init).kind,
                            ExprKind::Index(..) | ExprKind::Field(..) | ExprKind::TupleField(..)
                        )
                }
                _ => false,
            })
        })
    }
}

/// Whether a method of `&str` returns a part of its receiver.
fn returns_view(m: StrMethod) -> bool {
    matches!(m, StrMethod::Trim(_) | StrMethod::Piece)
}
