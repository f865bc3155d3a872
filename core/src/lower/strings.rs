//! Text syntax: the `&str` type where jit code may hold one, `for` loops over a string's
//! iterators, `s.parse::<T>()` consumed at once, and `&s[a..b]` outside a call.
//!
//! A loop over `s.chars()`, `s.bytes()`, `s.char_indices()`, `s.split_whitespace()`,
//! `s.split(pat)` or `s.lines()` is a cursor loop (intercepted by name on any receiver,
//! as `iter()` is):
//!
//! ```text
//! for PAT in s.split(p) { body }  =>  { let text = s; let pattern = p; let mut state = (0, 0, 0, 0);
//!                                       while { state = text.<split>(pattern, state); state.0 != usize::MAX }
//!                                       { let PAT = text.<piece>(state.0, state.1); body } }
//! ```
//!
//! where each step is a runtime helper running std's own search from the cursor
//! (`crate::str_methods`), so the items are std's; `state.0 .. state.1` is the item's
//! bytes. The names in angle brackets start with a space: users cannot call them.
//!
//! `Result` is not a value type: `s.parse::<T>()` exists only with what consumes it at
//! once, `.ok()`, `.is_ok()`, `.is_err()`, `.unwrap_or(x)` (through the `Option<T>` of
//! [`crate::str_methods::parse_method`]) and `.unwrap()` (which panics with std's message).

use super::types::TypePos;
use super::{Lowerer, strip_parens};
use crate::ir::*;
use crate::str_methods::{self, TextIter};
use crate::types::PrimTy;
use syn::spanned::Spanned;

/// `&str` (`ty`, the reference `r`) written at `pos`.
pub(super) fn str_type(
    ty: &syn::Type,
    r: &syn::TypeReference,
    pos: TypePos,
    scope: &super::types::TypeScope,
) -> syn::Result<TypeExpr> {
    if let Some(m) = &r.mutability {
        return Err(syn::Error::new(
            m.span(),
            "`&mut str` is not supported in jit code",
        ));
    }
    match pos {
        TypePos::Param | TypePos::Other => Ok(TypeExpr::Str),
        // Every `&str` jit code holds borrows a parameter or a literal, and rustc checks
        // the body's lifetimes against the signature in the shadow: a generic fn has no
        // shadow, so jitclass could not tell which parameter the result borrows.
        TypePos::Return if scope.generics.is_empty() => Ok(TypeExpr::Str),
        TypePos::Return => Err(syn::Error::new(
            ty.span(),
            "a generic jit fn cannot return a `&str` yet\nnote: rustc checks what a `&str` result borrows in the body of a fn without type parameters only",
        )),
        TypePos::Field => Err(syn::Error::new(
            ty.span(),
            "references cannot be fields of a `#[jitclass]`: an instance outlives any borrow",
        )),
    }
}

/// A `&str` inside a type that crosses between Rust and jit code (`(&str, i64)`,
/// `Option<&str>`), which only crosses as a whole parameter.
pub(super) fn check_nested_str(ty: &syn::Type, t: &TypeExpr) -> syn::Result<()> {
    if *t == TypeExpr::Str {
        return Ok(());
    }
    let mut nested = false;
    t.for_each_part(&mut |part| nested |= *part == TypeExpr::Str);
    if nested {
        return Err(syn::Error::new(
            ty.span(),
            "a `&str` inside another type is not supported in a jit fn's signature yet\nnote: a `&str` crosses between Rust and jit code as a parameter of its own",
        ));
    }
    Ok(())
}

/// The iterator a `for` loop runs over, when it is one of a string's.
fn text_iter(iterable: &syn::Expr) -> Option<(&syn::ExprMethodCall, TextIter)> {
    let syn::Expr::MethodCall(m) = strip_parens(iterable) else {
        return None;
    };
    if m.turbofish.is_some() {
        return None;
    }
    let iter = TextIter::ALL
        .into_iter()
        .find(|i| m.method == i.name() && m.args.len() == usize::from(i.takes_pattern()))?;
    Some((m, iter))
}

/// Whether `for _ in iterable` runs over a string's iterator (`s.chars()`, ...), which
/// is Rust's own loop: the shadow keeps it as written.
pub fn is_text_loop(iterable: &syn::Expr) -> bool {
    text_iter(iterable).is_some()
}

impl Lowerer {
    /// `for PAT in s.chars()` and the other iterators of [`TextIter`], as a cursor loop
    /// (see the module docs); `None` for other loops.
    pub(super) fn text_loop(&mut self, f: &syn::ExprForLoop, id: ExprId) -> Option<ExprId> {
        let (m, iter) = text_iter(&f.expr)?;
        let at = m.method.span();
        let usize_lit = |this: &mut Lowerer, v: i128| {
            this.push(ExprKind::Lit(Lit::Int(v, Some(PrimTy::Usize))), at)
        };
        self.scopes.push(Vec::new());
        let mut stmts = Vec::new();
        let text_value = self.expr(&m.receiver);
        let text_loc = self.loc(at);
        let text = self.declare(str_methods::LOOP_TEXT, false, text_loc);
        stmts.push(Stmt::Let {
            pattern: Pattern::Bind(text),
            ty: None,
            init: Some(text_value),
            loc: text_loc,
        });
        let pattern = if iter.takes_pattern() {
            let value = self.call_arg(&m.args[0]);
            let loc = self.loc(m.args[0].span());
            let local = self.declare(" pattern", false, loc);
            stmts.push(Stmt::Let {
                pattern: Pattern::Bind(local),
                ty: None,
                init: Some(value),
                loc,
            });
            Some(local)
        } else {
            None
        };
        let zeros = (0..4).map(|_| usize_lit(self, 0)).collect();
        let init = self.push(ExprKind::Tuple(zeros), at);
        let state_loc = self.loc(at);
        let state = self.declare(" state", true, state_loc);
        stmts.push(Stmt::Let {
            pattern: Pattern::Bind(state),
            ty: None,
            init: Some(init),
            loc: state_loc,
        });
        // The condition: one step of the iterator, then whether it gave an item.
        let receiver = self.push(ExprKind::Local(text), at);
        let mut args = Vec::new();
        if let Some(p) = pattern {
            args.push(self.push(ExprKind::Local(p), at));
        }
        args.push(self.push(ExprKind::Local(state), at));
        let step = self.push(
            ExprKind::MethodCall {
                receiver,
                method: iter.step_method().into(),
                args,
            },
            at,
        );
        let place = self.push(ExprKind::Local(state), at);
        let assign = self.push(ExprKind::Assign(place, step), at);
        let read = self.push(ExprKind::Local(state), at);
        let start = self.push(ExprKind::TupleField(read, 0), at);
        let done = usize_lit(self, i128::from(u64::MAX));
        let more = self.push(ExprKind::Binary(BinOp::Ne, start, done), at);
        let cond = self.push(
            ExprKind::Block(Block {
                stmts: vec![Stmt::Expr(assign)],
                tail: Some(more),
            }),
            at,
        );
        // The body: the item bound to the pattern, then the loop's block.
        self.scopes.push(Vec::new());
        self.loops.push(super::scope::LoopFrame {
            label: super::scope::label_name(&f.label),
            id,
        });
        let field = |this: &mut Lowerer, i: u32| {
            let read = this.push(ExprKind::Local(state), at);
            this.push(ExprKind::TupleField(read, i), at)
        };
        let text_at = |this: &mut Lowerer| this.push(ExprKind::Local(text), at);
        let item = match iter {
            TextIter::Chars | TextIter::CharIndices | TextIter::Bytes => {
                let receiver = text_at(self);
                let start = field(self, 0);
                let method = if iter == TextIter::Bytes {
                    str_methods::BYTE_AT
                } else {
                    str_methods::CHAR_AT
                };
                let value = self.push(
                    ExprKind::MethodCall {
                        receiver,
                        method: method.into(),
                        args: vec![start],
                    },
                    at,
                );
                if iter == TextIter::CharIndices {
                    let index = field(self, 0);
                    self.push(ExprKind::Tuple(vec![index, value]), at)
                } else {
                    value
                }
            }
            TextIter::SplitWhitespace | TextIter::Split | TextIter::Lines => {
                let receiver = text_at(self);
                let start = field(self, 0);
                let end = field(self, 1);
                self.push(
                    ExprKind::MethodCall {
                        receiver,
                        method: str_methods::PIECE.into(),
                        args: vec![start, end],
                    },
                    at,
                )
            }
        };
        let pattern = self.pattern(&f.pat);
        let pattern_loc = self.loc(f.pat.span());
        let inner = self.block_expr(&f.body);
        self.loops.pop();
        self.scopes.pop();
        let body_span = f.body.brace_token.span.join();
        let body = self.push(
            ExprKind::Block(Block {
                stmts: vec![
                    Stmt::Let {
                        pattern,
                        ty: None,
                        init: Some(item),
                        loc: pattern_loc,
                    },
                    Stmt::Expr(inner),
                ],
                tail: None,
            }),
            body_span,
        );
        self.exprs[id.index()].kind = ExprKind::While { cond, body };
        self.scopes.pop();
        stmts.push(Stmt::Expr(id));
        Some(self.push(
            ExprKind::Block(Block { stmts, tail: None }),
            f.for_token.span,
        ))
    }

    /// `s.parse::<T>()` followed by what consumes its `Result` (`m` is the consumer), or
    /// an unconsumed `s.parse::<T>()` (`m` itself); `None` for other method calls.
    pub(super) fn parse_call(&mut self, m: &syn::ExprMethodCall) -> Option<ExprId> {
        if m.method == "parse" && m.turbofish.is_some() {
            return Some(self.invalid(
                m.method.span(),
                "a `Result` is not supported in jit code yet: use `parse` at once, with `.ok()`, `.is_ok()`, `.is_err()`, `.unwrap_or(x)` or `.unwrap()`",
            ));
        }
        let consumer = m.method.to_string();
        if !matches!(
            consumer.as_str(),
            "ok" | "is_ok" | "is_err" | "unwrap_or" | "unwrap"
        ) {
            return None;
        }
        let syn::Expr::MethodCall(parse) = strip_parens(&m.receiver) else {
            return None;
        };
        if parse.method != "parse" || !parse.args.is_empty() {
            return None;
        }
        let Some(turbofish) = &parse.turbofish else {
            return Some(self.invalid(
                parse.method.span(),
                "jit code needs the type `parse` makes written on it: `s.parse::<i64>()`",
            ));
        };
        let prim = match turbofish.args.iter().collect::<Vec<_>>()[..] {
            [syn::GenericArgument::Type(syn::Type::Path(p))] if p.qself.is_none() => p
                .path
                .get_ident()
                .and_then(|i| PrimTy::from_name(&i.to_string())),
            _ => None,
        };
        let Some(prim) = prim else {
            return Some(self.invalid(
                turbofish.span(),
                "jit code parses numbers, `bool` and `char`: `s.parse::<i64>()`, `s.parse::<f64>()`",
            ));
        };
        let receiver = self.expr(&parse.receiver);
        let at = parse.method.span();
        let unwrap = consumer == "unwrap";
        let parsed = self.push(
            ExprKind::MethodCall {
                receiver,
                method: str_methods::parse_method(prim, unwrap),
                args: vec![],
            },
            at,
        );
        if unwrap || consumer == "ok" {
            // `parsed` is the value (it panics on an error) or the `Option`.
            if !m.args.is_empty() {
                return Some(self.invalid(
                    m.args.span(),
                    format!(
                        "this method takes 0 arguments but {} argument{} supplied",
                        m.args.len(),
                        if m.args.len() == 1 { " was" } else { "s were" }
                    ),
                ));
            }
            self.exprs[parsed.index()].loc = self.loc(m.method.span().join(at).unwrap_or(at));
            return Some(parsed);
        }
        let method = match consumer.as_str() {
            "is_ok" => "is_some",
            "is_err" => "is_none",
            _ => "unwrap_or",
        };
        let args = m.args.iter().map(|a| self.expr(a)).collect();
        Some(self.push(
            ExprKind::MethodCall {
                receiver: parsed,
                method: method.into(),
                args,
            },
            m.method.span(),
        ))
    }

    /// `&s[a..b]` (also `a..`, `..b`, `..`, `a..=b`) outside a call's argument: a part of
    /// a `&str`, with std's checks. (`&v[a..b]` of a `Vec` or slice exists only as a
    /// call's argument, which `call_arg` lowers; inference says so for other bases.)
    pub(super) fn str_range(&mut self, r: &syn::ExprReference) -> Option<ExprId> {
        if r.mutability.is_some() {
            return None;
        }
        let syn::Expr::Index(ix) = strip_parens(&r.expr) else {
            return None;
        };
        self.str_index_range(ix, r.and_token.span)
    }

    /// `s[a..b]` as a method's receiver (`s[a..].len()`: Rust borrows it), lowered as
    /// `&s[a..b]`; `None` for other receivers.
    pub(super) fn range_receiver(&mut self, receiver: &syn::Expr) -> Option<ExprId> {
        let syn::Expr::Index(ix) = strip_parens(receiver) else {
            return None;
        };
        self.str_index_range(ix, ix.bracket_token.span.join())
    }

    /// `base[range]` borrowed (at `at`): a part of a `&str` (`SubSlice`).
    fn str_index_range(&mut self, ix: &syn::ExprIndex, at: proc_macro2::Span) -> Option<ExprId> {
        let syn::Expr::Range(range) = strip_parens(&ix.index) else {
            return None;
        };
        let base = self.expr(&ix.expr);
        let start = range.start.as_ref().map(|s| self.expr(s));
        let end = range.end.as_ref().map(|e| self.expr(e));
        let inclusive = matches!(range.limits, syn::RangeLimits::Closed(_));
        if inclusive && end.is_none() {
            return Some(self.invalid(range.span(), "inclusive range with no end"));
        }
        let id = self.push(
            ExprKind::SubSlice {
                base,
                start,
                end,
                inclusive,
                mutable: false,
            },
            at,
        );
        self.index_brackets.push((id, ix.bracket_token.span.join()));
        Some(id)
    }
}
