//! Typing `&str`: its methods (the table of `crate::str_methods`, a searching method's
//! pattern being a `&str` or a `char` as its argument is), and `&s[a..b]`.

use super::unify::Ty;
use super::{Infer, Resolution, diagnostics};
use crate::diag::Diagnostic;
use crate::ir::{ExprId, ExprKind, LocId};
use crate::str_methods::{self, StrPattern, TextIter};
use crate::types::{PrimTy, Type};

impl Infer<'_> {
    /// `s.method(args)` with `s: &str`, or a `String` `s` deref'd to one (`receiver`
    /// says which, for messages).
    pub(super) fn str_method(
        &mut self,
        id: ExprId,
        method: &str,
        args: &[ExprId],
        arg_types: &[Ty],
        receiver: &Type,
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
            let (description, names) = if *receiver == Type::String {
                ("struct `String`", crate::string_methods::names())
            } else {
                ("reference `&str`", crate::string_methods::names_on_str())
            };
            self.diags.push(diagnostics::no_builtin_method(
                loc,
                method,
                receiver,
                description,
                &names,
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
            self.coerce_arg(*a, at, &Self::ty_of_type(pt));
        }
        self.record_resolution(id, Resolution::Builtin(sig.builtin));
        Self::ty_of_type(&sig.ret)
    }

    /// A loop over `x.chars()` (or another of a string's iterators) or `x.parse::<T>()`,
    /// which lowering takes for a `&str`'s, on `x` of another type: rustc's error of a
    /// missing method, or for a class, how to call its method of that name in a loop.
    pub(super) fn text_method_of_other(&mut self, loc: LocId, method: &str, recv: &Ty) {
        let shown = self.show(recv);
        let diag = match self.concrete(recv) {
            Some(Type::Class(_)) => Diagnostic::new(
                loc,
                format!(
                    "jit code runs `for x in value.{method}(..)` as a loop over a `&str`, and this value is a `{shown}`: bind what the method of `{shown}` returns first, `let items = value.{method}(..); for x in items {{ .. }}`"
                ),
            ),
            Some(t) => diagnostics::no_builtin_method(
                loc,
                method,
                &t,
                &crate::methods::receiver_description(&t),
                &crate::methods::names_for(&t),
            ),
            None => Diagnostic::new(
                loc,
                format!("no method named `{method}` found for `{shown}` in the current scope"),
            ),
        };
        self.diags.push(diag);
    }

    /// Whether `id` is an argument of a call (where `&v[a..b]` lends a part of a `Vec`).
    pub(super) fn is_call_argument(&self, id: ExprId) -> bool {
        self.ir.exprs.iter().any(|e| match &e.kind {
            ExprKind::Call { args, .. }
            | ExprKind::CallIndirect { args, .. }
            | ExprKind::MethodCall { args, .. }
            | ExprKind::AssocCall { args, .. }
            | ExprKind::TraitCall { args, .. } => args.contains(&id),
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
