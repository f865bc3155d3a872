//! The macros jit code may call: `panic!`, `unreachable!`, `assert!`, `assert_eq!` and
//! `assert_ne!`, expanded into `If` + `Panic` nodes with their messages (format strings in
//! `format.rs`); `objmode!` goes to `objmode.rs`.

use super::{Lowerer, format};
use crate::ir::*;
use proc_macro2::Span;
use quote::ToTokens;
use syn::spanned::Spanned;

impl Lowerer {
    /// The comma-separated expressions of a macro's body (`panic!(..)`, `format!(..)`,
    /// `write!(..)`); if the body does not parse, its error is recorded and `Err` holds
    /// the `()` that stands for the macro.
    pub(super) fn macro_exprs(&mut self, mac: &syn::Macro) -> Result<Vec<syn::Expr>, ExprId> {
        match mac.parse_body_with(
            syn::punctuated::Punctuated::<syn::Expr, syn::Token![,]>::parse_terminated,
        ) {
            Ok(exprs) => Ok(exprs.into_iter().collect()),
            Err(e) => {
                self.errors.push(e);
                Err(self.push(ExprKind::Lit(Lit::Unit), mac.span()))
            }
        }
    }

    pub(super) fn macro_call(&mut self, mac: &syn::Macro) -> ExprId {
        let span = mac.span();
        if super::is_objmode(mac) {
            self.macro_paths.push(mac.path.clone());
            return self.objmode(mac);
        }
        let name = mac
            .path
            .segments
            .last()
            .map(|s| s.ident.to_string())
            .unwrap_or_default();
        if name == "vec" {
            return self.vec_macro(mac);
        }
        if name == "format" {
            return self.format_macro(mac);
        }
        if super::write_macro::write_kind(mac).is_some() {
            return self.write_result_unused_at_once(mac);
        }
        if let Some(less) = self.comparison(mac) {
            return less;
        }
        if let Some(sorted) = self.std_sort_macro(mac) {
            return sorted;
        }
        let args = match self.macro_exprs(mac) {
            Ok(exprs) => exprs,
            Err(unit) => return unit,
        };
        match name.as_str() {
            "panic" => {
                if args.is_empty() {
                    return self.panic_static("explicit panic", span);
                }
                self.panic_fmt(&args[0], &args[1..], span)
            }
            "unreachable" => {
                if args.is_empty() {
                    return self.panic_static("internal error: entered unreachable code", span);
                }
                self.panic_fmt_prefixed("internal error: entered unreachable code: ", &args[0], &args[1..], span)
            }
            "assert" => {
                let Some(cond_expr) = args.first() else {
                    return self.invalid(span, "`assert!` needs a condition");
                };
                let cond = self.expr(cond_expr);
                let fail = if args.len() > 1 {
                    self.panic_fmt(&args[1], &args[2..], span)
                } else {
                    let text = cond_expr.to_token_stream().to_string();
                    self.panic_static(&format!("assertion failed: {text}"), span)
                };
                self.if_not_then(cond, fail, span)
            }
            "assert_eq" | "assert_ne" => self.assert_cmp(&name, &args, span),
            _ => self.invalid(
                mac.path.span(),
                format!("macro `{name}!` is not supported in jit code\nnote: jit code supports `format!`, `write!`, `writeln!`, `panic!`, `assert!`, `assert_eq!`, `assert_ne!` and `unreachable!`"),
            ),
        }
    }

    fn panic_static(&mut self, message: &str, span: Span) -> ExprId {
        self.push(
            ExprKind::Panic(PanicMessage {
                pieces: vec![message.to_string()],
                args: vec![],
                debug: vec![],
            }),
            span,
        )
    }

    fn panic_fmt(&mut self, fmt: &syn::Expr, args: &[syn::Expr], span: Span) -> ExprId {
        self.panic_fmt_prefixed("", fmt, args, span)
    }

    fn panic_fmt_prefixed(
        &mut self,
        prefix: &str,
        fmt: &syn::Expr,
        args: &[syn::Expr],
        span: Span,
    ) -> ExprId {
        match self.format_message(prefix, fmt, args) {
            Some(msg) => self.push(ExprKind::Panic(msg), span),
            None => self.push(ExprKind::Lit(Lit::Unit), span),
        }
    }

    /// Parses a format string and its arguments; `None` after reporting an error.
    fn format_message(
        &mut self,
        prefix: &str,
        fmt: &syn::Expr,
        args: &[syn::Expr],
    ) -> Option<PanicMessage> {
        let syn::Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Str(s),
            ..
        }) = fmt
        else {
            self.error(fmt.span(), "the panic message must be a string literal");
            return None;
        };
        let (mut pieces, holes) = match format::parse(&s.value()) {
            Ok(parsed) => parsed,
            Err(message) => {
                self.error(s.span(), message);
                return None;
            }
        };
        pieces[0].insert_str(0, prefix);
        let positional: Vec<ExprId> = args.iter().map(|a| self.expr(a)).collect();
        let mut used = vec![false; positional.len()];
        let mut next = 0;
        let mut arg_ids = Vec::new();
        let mut debug = Vec::new();
        for (hole, spec) in holes {
            if !format::plain_or_debug(&spec) {
                self.error(
                    s.span(),
                    "this format spec is not supported in jit panic messages; use `{}` or `{:?}`, or `format!` the text first",
                );
                return None;
            }
            debug.push(spec.kind == crate::format_spec::Kind::Debug);
            let id = match hole {
                format::Placeholder::Next | format::Placeholder::Index(_) => {
                    let i = match hole {
                        format::Placeholder::Index(i) => i,
                        _ => {
                            next += 1;
                            next - 1
                        }
                    };
                    match positional.get(i) {
                        Some(id) => {
                            used[i] = true;
                            *id
                        }
                        None => {
                            self.error(
                                s.span(),
                                format!(
                                    "the format string refers to argument {i}, but {} argument(s) were given",
                                    positional.len()
                                ),
                            );
                            return None;
                        }
                    }
                }
                format::Placeholder::Named(name) => match self.lookup(&name) {
                    Some(local) => self.push(ExprKind::Local(local), s.span()),
                    None => {
                        self.error(
                            s.span(),
                            format!("cannot find value `{name}` in this scope"),
                        );
                        return None;
                    }
                },
            };
            arg_ids.push(id);
        }
        if let Some(unused) = used.iter().position(|u| !u) {
            self.error(
                args[unused].span(),
                "argument never used in the format string",
            );
            return None;
        }
        Some(PanicMessage {
            pieces,
            args: arg_ids,
            debug,
        })
    }

    /// `if !cond { fail }`.
    fn if_not_then(&mut self, cond: ExprId, fail: ExprId, span: Span) -> ExprId {
        let not = self.push(ExprKind::Unary(UnOp::Not, cond), span);
        let then_branch = self.push(
            ExprKind::Block(Block {
                stmts: vec![Stmt::Expr(fail)],
                tail: None,
            }),
            span,
        );
        self.push(
            ExprKind::If {
                cond: not,
                then_branch,
                else_branch: None,
            },
            span,
        )
    }

    /// `assert_eq!(a, b)` as `{ let l = a; let r = b; if !(l == r) { panic!(..) } }`.
    fn assert_cmp(&mut self, name: &str, args: &[syn::Expr], span: Span) -> ExprId {
        if args.len() < 2 {
            return self.invalid(span, format!("`{name}!` needs two values to compare"));
        }
        let left = self.expr(&args[0]);
        let right = self.expr(&args[1]);
        self.scopes.push(Vec::new());
        let loc = self.loc(span);
        let l = self.declare(" left", false, loc);
        let r = self.declare(" right", false, loc);
        let (op, sym) = if name == "assert_eq" {
            (BinOp::Eq, "==")
        } else {
            (BinOp::Ne, "!=")
        };
        let lv = self.push(ExprKind::Local(l), span);
        let rv = self.push(ExprKind::Local(r), span);
        let cmp = self.push(ExprKind::Binary(op, lv, rv), span);
        let head = format!("assertion `left {sym} right` failed");
        let (mut pieces_tail, mut extra_args, mut extra_debug) =
            (vec![head.clone()], Vec::new(), Vec::new());
        if args.len() > 2
            && let Some(m) = self.format_message(&format!("{head}: "), &args[2], &args[3..])
        {
            pieces_tail = m.pieces;
            extra_args = m.args;
            extra_debug = m.debug;
        }
        let last = pieces_tail.pop().expect("at least one piece");
        pieces_tail.push(format!("{last}\n  left: "));
        pieces_tail.push("\n right: ".to_string());
        pieces_tail.push(String::new());
        let lv2 = self.push(ExprKind::Local(l), span);
        let rv2 = self.push(ExprKind::Local(r), span);
        extra_args.push(lv2);
        extra_args.push(rv2);
        extra_debug.extend([true, true]);
        let fail = self.push(
            ExprKind::Panic(PanicMessage {
                pieces: pieces_tail,
                args: extra_args,
                debug: extra_debug,
            }),
            span,
        );
        let check = self.if_not_then(cmp, fail, span);
        self.scopes.pop();
        let block = Block {
            stmts: vec![
                Stmt::Let {
                    pattern: Pattern::Bind(l),
                    ty: None,
                    init: Some(left),
                    loc,
                },
                Stmt::Let {
                    pattern: Pattern::Bind(r),
                    ty: None,
                    init: Some(right),
                    loc,
                },
                Stmt::Expr(check),
            ],
            tail: None,
        };
        self.push(ExprKind::Block(block), span)
    }
}
