//! Control flow: `if`, `if let`, `match` on an `Option`, `while`, `while let`, `loop` and
//! `for` loops (over ranges in `ranges.rs`, and over tuples and slices).

use super::scope::{LoopFrame, WHILE_CONDITION, label_name};
use super::{Lowerer, ranges, strip_parens};
use crate::ir::*;
use proc_macro2::Span;
use syn::spanned::Spanned;

impl Lowerer {
    pub(super) fn loop_expr(&mut self, l: &syn::ExprLoop, span: Span) -> ExprId {
        let id = self.push(ExprKind::Lit(Lit::Unit), span);
        self.loops.push(LoopFrame {
            label: label_name(&l.label),
            id,
        });
        let body = self.block_expr(&l.body);
        self.loops.pop();
        self.exprs[id.index()].kind = ExprKind::Loop { body };
        id
    }

    pub(super) fn break_expr(&mut self, b: &syn::ExprBreak, span: Span) -> ExprId {
        let value = b.expr.as_ref().map(|v| self.expr(v));
        match self.loop_target(&b.label, span, "break") {
            Some(target) => self.push(ExprKind::Break { target, value }, span),
            None => self.push(ExprKind::Lit(Lit::Unit), span),
        }
    }

    pub(super) fn continue_expr(&mut self, c: &syn::ExprContinue, span: Span) -> ExprId {
        match self.loop_target(&c.label, span, "continue") {
            Some(target) => self.push(ExprKind::Continue { target }, span),
            None => self.push(ExprKind::Lit(Lit::Unit), span),
        }
    }

    pub(super) fn if_expr(&mut self, i: &syn::ExprIf) -> ExprId {
        if let syn::Expr::Let(l) = strip_parens(&i.cond) {
            let scrutinee = match self.map_get_mut_scrutinee(&l.expr) {
                Some(find) => find,
                None => self.expr(&l.expr),
            };
            let then_block = &i.then_branch;
            let then = |cx: &mut Self| cx.block_expr(then_block);
            let else_branch = i.else_branch.as_ref().map(|(_, e)| &**e);
            return self.if_let(&l.pat, scrutinee, then, else_branch, i.if_token.span);
        }
        let cond = self.expr(&i.cond);
        self.scopes.push(Vec::new());
        if let syn::Expr::Let(l) = strip_parens(&i.cond) {
            self.declare_names_of(&l.pat);
        }
        let then_branch = self.block_expr(&i.then_branch);
        self.scopes.pop();
        let else_branch = i.else_branch.as_ref().map(|(_, e)| self.expr(e));
        self.push(
            ExprKind::If {
                cond,
                then_branch,
                else_branch,
            },
            i.if_token.span,
        )
    }

    pub(super) fn while_expr(&mut self, w: &syn::ExprWhile) -> ExprId {
        if let syn::Expr::Let(l) = strip_parens(&w.cond) {
            return self.while_let(w, l);
        }
        let id = self.push(ExprKind::Lit(Lit::Unit), w.while_token.span);
        // Rust refuses an unlabeled `break`/`continue` in the condition (E0590) rather than
        // letting it leave an enclosing loop; a frame without an id stands for that rule.
        self.loops.push(LoopFrame {
            label: None,
            id: WHILE_CONDITION,
        });
        let cond = self.expr(&w.cond);
        self.loops.pop();
        self.loops.push(LoopFrame {
            label: label_name(&w.label),
            id,
        });
        self.scopes.push(Vec::new());
        if let syn::Expr::Let(l) = strip_parens(&w.cond) {
            self.declare_names_of(&l.pat);
        }
        let body = self.block_expr(&w.body);
        self.scopes.pop();
        self.loops.pop();
        self.exprs[id.index()].kind = ExprKind::While { cond, body };
        id
    }

    /// `while let P = e { body }` as `loop { if let P = e { body } else { break } }`.
    fn while_let(&mut self, w: &syn::ExprWhile, l: &syn::ExprLet) -> ExprId {
        let span = w.while_token.span;
        let id = self.push(ExprKind::Lit(Lit::Unit), span);
        self.loops.push(LoopFrame {
            label: label_name(&w.label),
            id,
        });
        let scrutinee = self.expr(&l.expr);
        let body_block = &w.body;
        let then = |cx: &mut Self| cx.block_expr(body_block);
        let exit = self.push(
            ExprKind::Break {
                target: id,
                value: None,
            },
            span,
        );
        let stop = self.push(
            ExprKind::Block(Block {
                stmts: vec![Stmt::Expr(exit)],
                tail: None,
            }),
            span,
        );
        let body = self.if_let_inner(&l.pat, scrutinee, then, span);
        self.set_else(body, stop);
        self.loops.pop();
        let body = self.push(
            ExprKind::Block(Block {
                stmts: vec![Stmt::Expr(body)],
                tail: None,
            }),
            span,
        );
        self.exprs[id.index()].kind = ExprKind::Loop { body };
        id
    }

    /// `if let P = scrutinee { then } else { .. }` for the patterns `Some(p)` and `None`.
    fn if_let(
        &mut self,
        pat: &syn::Pat,
        scrutinee: ExprId,
        then: impl FnOnce(&mut Self) -> ExprId,
        else_branch: Option<&syn::Expr>,
        span: Span,
    ) -> ExprId {
        let id = self.if_let_inner(pat, scrutinee, then, span);
        // The `else` is outside the pattern's scope.
        if let Some(e) = else_branch {
            let else_id = self.expr(e);
            self.set_else(id, else_id);
        }
        id
    }

    /// Builds the `IfLetSome` without its `else`; `None` patterns swap the branches later.
    fn if_let_inner(
        &mut self,
        pat: &syn::Pat,
        scrutinee: ExprId,
        then: impl FnOnce(&mut Self) -> ExprId,
        span: Span,
    ) -> ExprId {
        match option_pattern(pat) {
            Ok(OptionPat::Some(inner)) => {
                self.scopes.push(Vec::new());
                let pattern = self.some_pattern(inner, scrutinee);
                let then_branch = then(self);
                self.scopes.pop();
                self.push(
                    ExprKind::IfLetSome {
                        pattern,
                        scrutinee,
                        then_branch,
                        else_branch: None,
                    },
                    span,
                )
            }
            Ok(OptionPat::None) => {
                // `if let None = x { a } else { b }` is `if let Some(_) = x { b } else { a }`;
                // the `then` code is kept in the `else` slot until `set_else` swaps it in.
                let then_branch = then(self);
                let unit = self.push(
                    ExprKind::Block(Block {
                        stmts: vec![],
                        tail: None,
                    }),
                    span,
                );
                let id = self.push(
                    ExprKind::IfLetSome {
                        pattern: Pattern::Wild,
                        scrutinee,
                        then_branch: unit,
                        else_branch: Some(then_branch),
                    },
                    span,
                );
                self.none_first.push(id);
                id
            }
            Err(message) => {
                self.error(pat.span(), message);
                self.scopes.push(Vec::new());
                self.declare_names_of(pat);
                let _ = then(self);
                self.scopes.pop();
                self.push(ExprKind::Lit(Lit::Unit), span)
            }
        }
    }

    /// Attaches the `else` code of an `if let` built by `if_let_inner`.
    fn set_else(&mut self, id: ExprId, else_id: ExprId) {
        let none_first = self.none_first.contains(&id);
        if let ExprKind::IfLetSome {
            then_branch,
            else_branch,
            ..
        } = &mut self.exprs[id.index()].kind
        {
            if none_first {
                *then_branch = else_id;
            } else {
                *else_branch = Some(else_id);
            }
        }
    }

    /// `match e { Some(p) => a, None => b }` (arms in either order, `_` for either).
    pub(super) fn match_expr(&mut self, m: &syn::ExprMatch) -> ExprId {
        if let Some(found) = self.search_match(m) {
            return found;
        }
        let span = m.match_token.span;
        let scrutinee = match self.map_get_mut_scrutinee(&m.expr) {
            Some(find) => find,
            None => self.expr(&m.expr),
        };
        for arm in &m.arms {
            if let Some((if_token, _)) = &arm.guard {
                return self.invalid(
                    if_token.span,
                    "match guards are not supported in jit code; use `if` inside the arm",
                );
            }
        }
        let some_arm = m
            .arms
            .iter()
            .position(|a| matches!(option_pattern(&a.pat), Ok(OptionPat::Some(_))));
        let other_arm = m.arms.iter().position(|a| {
            matches!(option_pattern(&a.pat), Ok(OptionPat::None))
                || matches!(a.pat, syn::Pat::Wild(_))
        });
        let (Some(some_i), Some(other_i), 2) = (some_arm, other_arm, m.arms.len()) else {
            return self.invalid(
                span,
                "`match` in jit code works on `Option` with two arms: `Some(..) => ..` and `None => ..` (or `_ => ..`)",
            );
        };
        let some_body = &m.arms[some_i].body;
        let then = |cx: &mut Self| cx.expr(some_body);
        let id = self.if_let_inner(&m.arms[some_i].pat, scrutinee, then, span);
        let other = self.expr(&m.arms[other_i].body);
        self.set_else(id, other);
        id
    }

    pub(super) fn for_expr(&mut self, f: &syn::ExprForLoop) -> ExprId {
        let id = self.push(ExprKind::Lit(Lit::Unit), f.for_token.span);
        match ranges::range_iter(&f.expr) {
            Some(Ok(range)) => self.for_range(f, id, range),
            Some(Err(e)) => {
                self.errors.push(e);
                id
            }
            None if let Some(desugared) = self.text_loop(f, id) => desugared,
            None if let Some(desugared) = self.for_borrowed(f, id) => desugared,
            None => {
                // A tuple or a slice: its elements, in order, by value (jit code has no
                // references); the shadow iterates `shadow::elements(..)` so that rustc
                // sees the same (see `is_range_loop`).
                let iterable = self.expr(strip_parens(&f.expr));
                // `for x in w` over a reference (`w` bound by `Some(w)` on a loop's `&Option<Vec<T>>`):
                // `x` is a `&T` in Rust, which `*x` reads.
                let over_reference = matches!(self.exprs[iterable.index()].kind,
                    ExprKind::Local(l) if self.reference_names.contains(&l));
                let (var, body) = self.for_variable_and_body(f, id, over_reference);
                self.exprs[id.index()].kind = ExprKind::ForEach {
                    var,
                    iterable,
                    body,
                };
                id
            }
        }
    }

    /// The loop variable, in a scope of its own, and the body of the `for` loop `id`.
    /// If `references`, the loop's elements are `&T`s in Rust: a variable the loop binds
    /// is read by `*x` too.
    pub(super) fn for_variable_and_body(
        &mut self,
        f: &syn::ExprForLoop,
        id: ExprId,
        references: bool,
    ) -> (LocalId, ExprId) {
        self.scopes.push(Vec::new());
        let destructured = !matches!(&*f.pat, syn::Pat::Ident(_) | syn::Pat::Wild(_));
        let var = if destructured {
            // `for (a, b) in v`: each element into a hidden variable, then `let (a, b) = ..`.
            let loc = self.loc(f.pat.span());
            self.declare(" item", false, loc)
        } else {
            let var = self.for_variable(&f.pat);
            if references {
                self.elem_refs.insert(var, super::vecs::ElemRef::Value);
                self.reference_names.insert(var);
            }
            var
        };
        self.loops.push(LoopFrame {
            label: label_name(&f.label),
            id,
        });
        let body = if destructured {
            let at = f.pat.span();
            let item = self.push(ExprKind::Local(var), at);
            let pattern = self.pattern(&f.pat);
            let loc = self.loc(at);
            let inner = self.block_expr(&f.body);
            let body_span = f.body.brace_token.span.join();
            self.push(
                ExprKind::Block(Block {
                    stmts: vec![
                        Stmt::Let {
                            pattern,
                            ty: None,
                            init: Some(item),
                            loc,
                        },
                        Stmt::Expr(inner),
                    ],
                    tail: None,
                }),
                body_span,
            )
        } else {
            self.block_expr(&f.body)
        };
        self.loops.pop();
        self.scopes.pop();
        (var, body)
    }

    fn for_variable(&mut self, pat: &syn::Pat) -> LocalId {
        match pat {
            syn::Pat::Ident(pi) if pi.by_ref.is_none() && pi.subpat.is_none() => {
                let loc = self.loc(pi.ident.span());
                self.declare(&pi.ident.to_string(), pi.mutability.is_some(), loc)
            }
            syn::Pat::Wild(w) => {
                let loc = self.loc(w.span());
                self.declare("_", false, loc)
            }
            other => {
                self.error(
                    other.span(),
                    "the `for` loop variable must be a name or `_`",
                );
                let loc = self.loc(other.span());
                self.declare("_", false, loc)
            }
        }
    }
}

enum OptionPat<'a> {
    Some(&'a syn::Pat),
    None,
}

/// Classifies an `Option` pattern; the error says what is supported.
fn option_pattern(pat: &syn::Pat) -> Result<OptionPat<'_>, &'static str> {
    const MESSAGE: &str = "jit code matches `Option` values with `Some(pattern)` and `None`";
    match pat {
        syn::Pat::TupleStruct(ts) if ts.qself.is_none() && ts.path.is_ident("Some") => {
            if ts.elems.len() == 1 {
                Ok(OptionPat::Some(&ts.elems[0]))
            } else {
                Err("`Some(..)` holds exactly one value")
            }
        }
        syn::Pat::Ident(pi) if pi.ident == "None" && pi.subpat.is_none() => Ok(OptionPat::None),
        syn::Pat::Path(pp) if pp.qself.is_none() && pp.path.is_ident("None") => Ok(OptionPat::None),
        syn::Pat::Paren(p) => option_pattern(&p.pat),
        _ => Err(MESSAGE),
    }
}

/// Whether `for _ in iterable` is a loop over a range (`a..b`, with `.rev()` and
/// `.step_by(k)`), which is Rust's own; otherwise it runs over a tuple's or a slice's
/// elements by value, which the shadow copy of the body writes so that rustc sees that.
pub fn is_range_loop(iterable: &syn::Expr) -> bool {
    ranges::range_iter(iterable).is_some()
}
