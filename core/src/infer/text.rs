//! Typing `&str`: its methods (the table of `crate::str_methods`, a searching method's
//! pattern being a `&str` or a `char` as its argument is), and `&s[a..b]`.

use super::unify::Ty;
use super::{Infer, Resolution, diagnostics};
use crate::diag::Diagnostic;
use crate::ir::{ExprId, ExprKind};
use crate::str_methods::{self, StrPattern, TextIter};
use crate::types::{PrimTy, Type};

impl Infer<'_> {
    /// `s.method(args)` with `s: &str`.
    pub(super) fn str_method(
        &mut self,
        id: ExprId,
        method: &str,
        args: &[ExprId],
        arg_types: &[Ty],
    ) -> Ty {
        let loc = self.loc(id);
        let pattern = match arg_types.first().map(|t| self.resolve(t)) {
            Some(Ty::Prim(PrimTy::Char)) => StrPattern::Char,
            _ => StrPattern::Str,
        };
        let Some(sig) = str_methods::lookup(method, pattern) else {
            if TextIter::ALL.iter().any(|i| i.name() == method) {
                self.diags.push(Diagnostic::new(
                    loc,
                    format!(
                        "jit code runs `{method}` of a `&str` only as the iterable of a `for` loop: `for x in s.{method}({}) {{ .. }}`",
                        if method == "split" { "pattern" } else { "" }
                    ),
                ));
                return Ty::Unknown;
            }
            self.diags.push(diagnostics::no_builtin_method(
                loc,
                method,
                &Type::Str,
                "reference `&str`",
                &str_methods::names(),
            ));
            return Ty::Unknown;
        };
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
            let aloc = self.loc(*a);
            self.coerce_at(at, &Self::ty_of_type(pt), aloc);
        }
        self.record_resolution(id, Resolution::Builtin(sig.builtin));
        Self::ty_of_type(&sig.ret)
    }

    /// A `for` loop over `e.chars()` (or another of a string's iterators, which the
    /// lowering knows by name) whose `e` is not a `&str`: reported, `true`.
    pub(super) fn text_loop_on_other(
        &mut self,
        loc: crate::ir::LocId,
        method: &str,
        recv: &Ty,
    ) -> bool {
        let Some(iter) = TextIter::ALL.iter().find(|i| i.step_method() == method) else {
            return false;
        };
        let name = iter.name();
        let shown = self.show(recv);
        self.diags.push(
            Diagnostic::new(
                loc,
                format!("`for x in e.{name}(..)` loops over a `&str` in jit code, and this `e` is a `{shown}`"),
            )
            .note(format!("note: jit code knows this loop by the method's name; to loop over what another `{name}` returns, bind it first: `let items = e.{name}(..); for x in items {{ .. }}`")),
        );
        true
    }

    /// Whether `id` is an argument of a call (where `&v[a..b]` lends a part of a `Vec`).
    pub(super) fn is_call_argument(&self, id: ExprId) -> bool {
        self.ir.exprs.iter().any(|e| match &e.kind {
            ExprKind::Call { args, .. }
            | ExprKind::CallIndirect { args, .. }
            | ExprKind::MethodCall { args, .. }
            | ExprKind::AssocCall { args, .. } => args.contains(&id),
            _ => false,
        })
    }

    /// A `&v[a..b]` (or the receiver `v[a..b]` of a method) of a `Vec`, slice or array
    /// outside a call's argument.
    pub(super) fn range_borrow_outside_call(&mut self, id: ExprId) {
        let loc = self.loc(id);
        let receiver =
            self.ir.exprs.iter().any(
                |e| matches!(&e.kind, ExprKind::MethodCall { receiver, .. } if *receiver == id),
            );
        self.diags.push(Diagnostic::new(
            loc,
            if receiver {
                "sub-slicing (`xs[a..b]`) is not supported in jit code"
            } else {
                "borrowing (`&x`) is not supported in jit code; values are copied, and slices arrive as parameters"
            },
        ));
    }
}
