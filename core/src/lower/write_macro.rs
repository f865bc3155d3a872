//! `write!(s, ..)` and `writeln!(s, ..)` into a `String` (std's `fmt::Write for String`):
//! the `format!` lowering (`format_macro.rs`) appending to the written place instead of a
//! fresh `String`. Writing into a `String` never fails, so the macro's `fmt::Result` is
//! always `Ok(())`; jit code has no `Result` value yet, so it takes it in the forms that
//! consume it at once (`.unwrap()`, `.expect("..")`, `.is_ok()`, `.is_err()`, `let _ =
//! write!(..);`, `write!(..);`), and refuses any other use at the macro.

use super::format_macro::Dest;
use super::{Lowerer, strip_parens};
use crate::ir::*;
use crate::string_methods::hidden;
use syn::spanned::Spanned;

/// Some(`newline`) if `mac` is `write!` (false) or `writeln!` (true).
pub(super) fn write_kind(mac: &syn::Macro) -> Option<bool> {
    match mac.path.segments.last()?.ident.to_string().as_str() {
        "write" => Some(false),
        "writeln" => Some(true),
        _ => None,
    }
}

/// A place read afresh at each push without evaluating anything twice: a variable, a
/// field of one, an element at a variable or literal index, `*r`.
fn is_plain_place(e: &syn::Expr) -> bool {
    match strip_parens(e) {
        syn::Expr::Path(_) => true,
        syn::Expr::Field(f) => is_plain_place(&f.base),
        syn::Expr::Index(i) => {
            is_plain_place(&i.expr)
                && matches!(
                    strip_parens(&i.index),
                    syn::Expr::Path(_) | syn::Expr::Lit(_)
                )
        }
        syn::Expr::Unary(u) => matches!(u.op, syn::UnOp::Deref(_)) && is_plain_place(&u.expr),
        _ => false,
    }
}

/// The consuming forms of the `fmt::Result`, for the messages.
const FORMS: &str = "`write!(s, ..).unwrap()`, `.expect(\"..\")`, `.is_ok()`, `.is_err()`, `let _ = write!(s, ..);` or `write!(s, ..);`";

impl Lowerer {
    /// `write!`/`writeln!` whose `fmt::Result` is used any other way: an error.
    pub(super) fn write_result_unused_at_once(&mut self, mac: &syn::Macro) -> ExprId {
        self.invalid(
            mac.path.span(),
            format!("jit code has no `Result` yet: use the result of `write!` at once, as {FORMS}"),
        )
    }

    /// `write!(dest, ..)` / `writeln!(dest, ..)` whose result is consumed: the text
    /// appended to `dest`, as a `()` block.
    pub(super) fn write_macro(&mut self, mac: &syn::Macro, newline: bool) -> ExprId {
        let span = mac.span();
        let exprs = match self.macro_exprs(mac) {
            Ok(exprs) => exprs,
            Err(unit) => return unit,
        };
        let Some((dest, rest)) = exprs.split_first() else {
            let name = if newline { "writeln" } else { "write" };
            return self.invalid(
                span,
                format!("`{name}!` requires a destination and format arguments, like `{name}!(dest, \"format string\", args...)`"),
            );
        };
        // `&mut s` writes into `s` (`&mut String: fmt::Write`).
        let mut dest = strip_parens(dest);
        if let syn::Expr::Reference(r) = dest
            && r.mutability.is_some()
        {
            dest = strip_parens(&r.expr);
        }
        // `write!(t, ..)` into the `&mut String` a `&mut` loop or `get_mut` binds writes
        // into the element, as `write!(*t, ..)` does.
        let dest: syn::Expr = match dest {
            syn::Expr::Path(p)
                if p.path.get_ident().is_some_and(|i| {
                    self.lookup(&i.to_string())
                        .is_some_and(|l| self.is_place_elem_ref(l))
                }) =>
            {
                syn::parse_quote_spanned!(dest.span()=> *#dest)
            }
            dest => dest.clone(),
        };
        // `write!(v[i + 1], ..)`, `write!(v[i], ..)`: the index is evaluated once, before
        // the arguments, as rustc evaluates the receiver of `write_fmt` (an argument may
        // change `i`: `write!(v[i], "{}", { i += 1; i })` writes into the old `v[i]`).
        let computed_index = match &dest {
            syn::Expr::Index(ix)
                if is_plain_place(&ix.expr)
                    && !matches!(
                        strip_parens(&ix.index),
                        syn::Expr::Range(_) | syn::Expr::Lit(_)
                    ) =>
            {
                Some(ix)
            }
            _ => None,
        };
        if computed_index.is_none() && !is_plain_place(&dest) {
            return self.invalid(
                dest.span(),
                "jit code writes into a `String` variable, a field or an element: `write!(s, ..)`, `write!(self.text, ..)`, `write!(v[i], ..)`",
            );
        }
        self.scopes.push(Vec::new());
        let mut stmts = Vec::new();
        let (place, index) = match computed_index {
            Some(ix) => {
                let loc = self.loc(ix.index.span());
                let init = self.expr(&ix.index);
                let local = self.declare(" written index", false, loc);
                stmts.push(Stmt::Let {
                    pattern: Pattern::Bind(local),
                    ty: None,
                    init: Some(init),
                    loc,
                });
                (&*ix.expr, Some(local))
            }
            None => (&dest, None),
        };
        // The destination is a `String` before anything is written (rustc's "cannot
        // write into `i64`" otherwise, at the destination).
        let target = match index {
            Some(index) => self.written_element(place, index, dest.span()),
            None => self.expr(place),
        };
        let check = self.push(
            ExprKind::MethodCall {
                receiver: target,
                method: hidden::WRITE_TARGET.into(),
                args: vec![],
            },
            dest.span(),
        );
        stmts.push(Stmt::Expr(check));
        let written = self.write_text((place, index), rest, span, newline);
        self.scopes.pop();
        stmts.push(Stmt::Expr(written));
        self.push(ExprKind::Block(Block { stmts, tail: None }), span)
    }

    /// The pieces and values of a `write!` appended to `dest`.
    fn write_text(
        &mut self,
        (dest, index): (&syn::Expr, Option<LocalId>),
        rest: &[syn::Expr],
        span: proc_macro2::Span,
        newline: bool,
    ) -> ExprId {
        if rest.is_empty() && newline {
            // `writeln!(s)`: a newline alone.
            let empty = syn::Expr::Lit(syn::ExprLit {
                attrs: Vec::new(),
                lit: syn::Lit::Str(syn::LitStr::new("", span)),
            });
            return self.format_into(Dest::Place(dest, index), &[empty], span, true);
        }
        self.format_into(Dest::Place(dest, index), rest, span, newline)
    }

    /// `write!(..).form(..)` with `form` consuming the result at once; `None` if `m` is not
    /// a method call on `write!`/`writeln!`.
    pub(super) fn write_call(&mut self, m: &syn::ExprMethodCall) -> Option<ExprId> {
        let syn::Expr::Macro(mac) = strip_parens(&m.receiver) else {
            return None;
        };
        let newline = write_kind(&mac.mac)?;
        let at = m.method.span();
        let form = m.method.to_string();
        let ok = match (form.as_str(), m.args.len()) {
            ("unwrap", 0) | ("expect", 1) => None,
            ("is_ok", 0) => Some(true),
            ("is_err", 0) => Some(false),
            _ => {
                return Some(self.invalid(
                    at,
                    format!("jit code has no `Result` yet: use the result of `write!` at once, as {FORMS}"),
                ));
            }
        };
        let written = self.write_macro(&mac.mac, newline);
        let mut stmts = vec![Stmt::Expr(written)];
        // `expect`'s message is evaluated, as an argument is, and never shown.
        if let Some(message) = m.args.first() {
            let message = self.expr(message);
            stmts.push(Stmt::Expr(message));
        }
        let tail = ok.map(|ok| self.push(ExprKind::Lit(Lit::Bool(ok)), at));
        Some(self.push(ExprKind::Block(Block { stmts, tail }), at))
    }
}
