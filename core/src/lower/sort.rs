//! Sorting and selection (`sort`, `sort_unstable`, `sort_by`, `sort_unstable_by`,
//! `sort_by_key`, `sort_unstable_by_key`, `select_nth_unstable`, `select_nth_unstable_by`,
//! `select_nth_unstable_by_key`) with their closures, lowered in place.
//!
//! Each call becomes a block of ordinary jit code: the sort algorithm, written below in
//! Rust syntax (the "prelude"), with the receiver's tokens and the comparator spliced in
//! at every comparison (`__jitclass_less!(x, y)`: "`x` sorts before `y`"). The closure's
//! body is lowered at each comparison as `{ let a = x; let b = y; body }`, in the scope of
//! the call, so it reads the locals it captures in place (as a closure borrowing them
//! would), and LLVM sees the comparator inline, with no call per comparison. Nothing else
//! of a closure exists in the IR: closures anywhere else stay an error.
//!
//! The algorithms only copy elements and swap them (elements are `Copy`: a `Vec` of
//! instances or `Vec`s is refused as a move out of an index), and compare before they
//! write, so a comparator that panics leaves every element in the slice exactly once, as
//! Rust guarantees. `sort_unstable*` and `select_nth_unstable*` are an introsort and an
//! introselect (median-of-three quicksort with a branch-free partition and pdqsort's
//! handling of runs of equal elements, insertion sort below 20 elements, heapsort past a
//! depth of `2 log2 n`); `sort*` is a stable quicksort through a buffer (see
//! [`stable_sort`]) with a bottom-up merge sort past the same depth.
//!
//! A comparator that orders by value alone (`sort()`, `|a, b| a.total_cmp(b)`, ...) runs
//! std's own algorithm instead of the prelude (`std_sort.rs`).
//!
//! Inside a comparator, an `Ordering` is its discriminant in an `i8` (`methods::ORDERING`),
//! made by the comparison methods users cannot name (`methods::ORD_CMP`, ...) and the
//! forms of [`Lowerer::ordering`]; it never leaves the comparator, so `Ordering` is not a
//! value type of jit code (yet).

use super::{Lowerer, span, strip_parens};
use crate::ir::*;
use crate::methods;
use crate::std_sort::StdAlgorithm;
use crate::types::PrimTy;
use proc_macro2::{Span, TokenStream};
use quote::{ToTokens, quote_spanned};
use std::rc::Rc;
use syn::spanned::Spanned;

/// How the elements of a sort compare.
#[derive(Clone)]
pub(super) enum Comparator {
    /// `Ord::cmp` of the elements (`sort()`, `select_nth_unstable(k)`).
    Natural,
    /// `|a, b| ordering` (`sort_by`).
    By(Rc<syn::ExprClosure>),
    /// `|x| key`, keys compared by `Ord::cmp` (`sort_by_key`).
    ByKey(Rc<syn::ExprClosure>),
}

/// The algorithm a sort method runs.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Algorithm {
    Stable,
    Unstable,
    Select,
}

/// Elements up to this many are insertion-sorted.
const SMALL: usize = 20;

impl Lowerer {
    /// `recv.sort_by(..)` and the other sort and selection methods; `None` for any other
    /// method call.
    pub(super) fn sort_call(&mut self, m: &syn::ExprMethodCall) -> Option<ExprId> {
        let name = m.method.to_string();
        let (algorithm, arity) = match name.as_str() {
            "sort" | "sort_by" | "sort_by_key" => (Algorithm::Stable, 0),
            "sort_unstable" | "sort_unstable_by" | "sort_unstable_by_key" => {
                (Algorithm::Unstable, 0)
            }
            "select_nth_unstable" | "select_nth_unstable_by" | "select_nth_unstable_by_key" => {
                (Algorithm::Select, 1)
            }
            _ => return None,
        };
        let at = m.method.span();
        let closure_params = if name.ends_with("_by") {
            Some(2)
        } else if name.ends_with("_by_key") {
            Some(1)
        } else {
            None
        };
        let expected = arity + usize::from(closure_params.is_some());
        if m.args.len() != expected {
            return Some(self.invalid(
                m.args.span().join(at).unwrap_or(at),
                format!(
                    "this method takes {expected} argument{} but {} argument{} supplied",
                    if expected == 1 { "" } else { "s" },
                    m.args.len(),
                    if m.args.len() == 1 { " was" } else { "s were" }
                ),
            ));
        }
        if let Some(t) = &m.turbofish {
            return Some(self.invalid(
                t.span(),
                "turbofish `::<..>` on methods is not supported in jit code",
            ));
        }
        let receiver = strip_parens(&m.receiver);
        if !super::vecs::is_place(receiver) {
            return Some(self.invalid(
                receiver.span(),
                format!(
                    "jit code calls `{name}` on a `Vec` or slice named by a variable or a field\nnote: bind it first: `let mut v = ..; v.{name}(..)`"
                ),
            ));
        }
        let comparator = match closure_params {
            None => Comparator::Natural,
            Some(params) => {
                let arg = &m.args[arity];
                let syn::Expr::Closure(c) = strip_parens(arg) else {
                    return Some(self.invalid(
                        arg.span(),
                        format!("jit code takes the argument of `{name}` as a closure written in place: `{}`", if params == 2 { "|a, b| a.cmp(b)" } else { "|x| x.0" }),
                    ));
                };
                if !self.check_closure(c, params, receiver) {
                    return Some(self.push(ExprKind::Lit(Lit::Unit), at));
                }
                if params == 2 {
                    Comparator::By(Rc::new(c.clone()))
                } else {
                    Comparator::ByKey(Rc::new(c.clone()))
                }
            }
        };
        let s = receiver.to_token_stream();
        let body = match super::std_sort::std_order(&comparator) {
            // Fully determined by the elements: std's own algorithm.
            Some(descending) => {
                let (std_algorithm, k) = match algorithm {
                    Algorithm::Stable => (StdAlgorithm::Stable, None),
                    Algorithm::Unstable => (StdAlgorithm::Unstable, None),
                    Algorithm::Select => (StdAlgorithm::Select, Some(&m.args[0])),
                };
                super::std_sort::std_sort_block(&s, std_algorithm, descending, k, at)
            }
            None => match algorithm {
                Algorithm::Stable => stable_sort(&s, at),
                Algorithm::Unstable => unstable_sort(&s, at),
                Algorithm::Select => select_nth(&s, &m.args[0], at),
            },
        };
        let block: syn::Block = match syn::parse2(quote_spanned!(at=> { #body })) {
            Ok(b) => b,
            Err(e) => {
                self.errors.push(e);
                return Some(self.push(ExprKind::Lit(Lit::Unit), at));
            }
        };
        let outer = self.comparator.replace(comparator);
        let id = self.block_expr(&block);
        self.comparator = outer;
        Some(id)
    }

    /// The closure's arity and what it captures: rustc's E0593 for a wrong number of
    /// parameters, and E0502 for a closure that uses the place being sorted (borrowed
    /// mutably by the call). Generic bodies are not seen by rustc, so this is jitclass's
    /// own check.
    fn check_closure(&mut self, c: &syn::ExprClosure, params: usize, receiver: &syn::Expr) -> bool {
        let span = c.or1_token.span;
        if c.inputs.len() != params {
            let plural = |n: usize| if n == 1 { "" } else { "s" };
            self.error(
                span,
                format!(
                    "closure is expected to take {params} argument{}, but it takes {} argument{}",
                    plural(params),
                    c.inputs.len(),
                    plural(c.inputs.len())
                ),
            );
            return false;
        }
        if let Some(a) = &c.asyncness {
            self.error(a.span, "`async` closures are not supported in jit code");
            return false;
        }
        let sorted = place_path(receiver);
        let shadowed: Vec<String> = c
            .inputs
            .iter()
            .flat_map(|p| {
                let mut names = Vec::new();
                bound_names(p, &mut names);
                names
            })
            .collect();
        let mut finder = PlaceUses {
            sorted: &sorted,
            found: None,
        };
        if !shadowed.contains(&sorted[0]) {
            syn::visit::Visit::visit_expr(&mut finder, &c.body);
        }
        if let Some((used, at)) = finder.found {
            let shown = if used.len() < sorted.len() {
                used
            } else {
                sorted.clone()
            };
            self.error(
                at,
                format!(
                    "cannot borrow `{}` as immutable because it is also borrowed as mutable\nnote: the sort borrows `{}` mutably until it returns; the closure may not use it",
                    shown.join("."),
                    sorted.join(".")
                ),
            );
            return false;
        }
        true
    }

    /// `__jitclass_less!(x, y)` inside a sort's prelude: whether `x` sorts before `y`
    /// (and `__jitclass_cmp!(x, y)`: their `Ordering`).
    pub(super) fn comparison(&mut self, mac: &syn::Macro) -> Option<ExprId> {
        let name = mac.path.get_ident()?;
        // `__jitclass_cmp!(x, y)` (in `search.rs`) is the `Ordering` itself.
        let ordering_only = name == "__jitclass_cmp";
        if name != "__jitclass_less" && !ordering_only {
            return None;
        }
        let comparator = self.comparator.clone()?;
        let at = name.span();
        let args = mac
            .parse_body_with(
                syn::punctuated::Punctuated::<syn::Expr, syn::Token![,]>::parse_terminated,
            )
            .ok()?;
        let [x, y] = args.iter().collect::<Vec<_>>()[..] else {
            return None;
        };
        let x = self.expr(x);
        let y = self.expr(y);
        // The closure's body sees the call's scope, without the prelude's loops and
        // comparator.
        let outer_comparator = self.comparator.take();
        let outer_loops = std::mem::take(&mut self.loops);
        self.closure_depth += 1;
        let ordering = match &comparator {
            Comparator::Natural => self.push(
                ExprKind::MethodCall {
                    receiver: x,
                    method: methods::SORT_CMP.into(),
                    args: vec![y],
                },
                at,
            ),
            Comparator::By(c) => self.closure_call(c, &[x, y], at, |me, body| me.ordering(body)),
            Comparator::ByKey(c) => {
                let kx = self.closure_call(c, &[x], at, |me, body| me.expr(body));
                let ky = self.closure_call(c, &[y], at, |me, body| me.expr(body));
                let cmp_at = span::of(&c.body);
                self.push(
                    ExprKind::MethodCall {
                        receiver: kx,
                        method: methods::ORD_CMP.into(),
                        args: vec![ky],
                    },
                    cmp_at,
                )
            }
        };
        self.closure_depth -= 1;
        self.loops = outer_loops;
        self.comparator = outer_comparator;
        if ordering_only {
            return Some(ordering);
        }
        let zero = self.push(ExprKind::Lit(Lit::Int(0, Some(PrimTy::I8))), at);
        Some(self.push(ExprKind::Binary(BinOp::Lt, ordering, zero), at))
    }

    /// `{ let p0 = args[0]; ..; body }`: the closure `c` applied to `args` in place, its
    /// body lowered by `body`.
    fn closure_call(
        &mut self,
        c: &syn::ExprClosure,
        args: &[ExprId],
        at: Span,
        body: impl FnOnce(&mut Self, &syn::Expr) -> ExprId,
    ) -> ExprId {
        self.scopes.push(Vec::new());
        let mut stmts = Vec::new();
        for (param, &value) in c.inputs.iter().zip(args) {
            let loc = self.loc(param.span());
            let (pat, ty) = self.closure_param(param);
            let pattern = self.pattern(pat);
            // A parameter is a reference in Rust: `*a` reads it too.
            pattern.for_each_local(&mut |var| {
                self.elem_refs.insert(var, super::vecs::ElemRef::Value);
            });
            stmts.push(Stmt::Let {
                pattern,
                ty,
                init: Some(value),
                loc,
            });
        }
        if let syn::ReturnType::Type(_, t) = &c.output
            && !is_ordering_path_type(t)
            && args.len() == 2
        {
            self.error(
                t.span(),
                "mismatched types\nnote: the closure of a sort returns `std::cmp::Ordering`",
            );
        }
        let tail = body(self, &c.body);
        self.scopes.pop();
        self.push(
            ExprKind::Block(Block {
                stmts,
                tail: Some(tail),
            }),
            at,
        )
    }

    /// A closure parameter's pattern and type: `a`, `&a` (the element), `a: &T`.
    fn closure_param<'p>(&mut self, param: &'p syn::Pat) -> (&'p syn::Pat, Option<TypeExpr>) {
        match param {
            syn::Pat::Reference(r) => (&r.pat, None),
            syn::Pat::Type(pt) => {
                let syn::Type::Reference(r) = &*pt.ty else {
                    self.error(
                        pt.ty.span(),
                        "type mismatch in closure arguments\nnote: the closure's parameters are references to the elements: `a: &T`",
                    );
                    return (&pt.pat, None);
                };
                let ty = match super::types::lower_type(
                    &r.elem,
                    &mut self.scope,
                    super::types::TypePos::Other,
                ) {
                    Ok(t) => Some(t),
                    Err(e) => {
                        self.errors.push(e);
                        None
                    }
                };
                let pat = match &*pt.pat {
                    syn::Pat::Reference(r) => &*r.pat,
                    p => p,
                };
                (pat, ty)
            }
            p => (p, None),
        }
    }

    /// A comparator's result, an `std::cmp::Ordering`, as its `i8` discriminant.
    pub(super) fn ordering(&mut self, e: &syn::Expr) -> ExprId {
        let at = span::of(e);
        match strip_parens(e) {
            syn::Expr::MethodCall(m) => self.ordering_method(m),
            syn::Expr::Path(p) => {
                if let Some(value) = ordering_constant(&p.path) {
                    return self.push(ExprKind::Lit(Lit::Int(value, Some(PrimTy::I8))), at);
                }
                match p.path.get_ident().and_then(|i| self.lookup(&i.to_string())) {
                    Some(local) if self.ordering_locals.contains(&local) => {
                        self.push(ExprKind::Local(local), at)
                    }
                    _ => self.not_an_ordering(e),
                }
            }
            syn::Expr::Block(b) if b.label.is_none() && b.block.stmts.last().is_some() => {
                let block = self.block_with_tail(&b.block, |me, tail| me.ordering(tail));
                self.push(ExprKind::Block(block), at)
            }
            syn::Expr::If(i) => {
                let Some((_, else_branch)) = &i.else_branch else {
                    return self.not_an_ordering(e);
                };
                if let syn::Expr::Let(_) = strip_parens(&i.cond) {
                    return self.not_an_ordering(e);
                }
                let cond = self.expr(&i.cond);
                let then_block = self.block_with_tail(&i.then_branch, |me, t| me.ordering(t));
                let then_branch = self.push(
                    ExprKind::Block(then_block),
                    i.then_branch.brace_token.span.join(),
                );
                let else_branch = self.ordering(else_branch);
                self.push(
                    ExprKind::If {
                        cond,
                        then_branch,
                        else_branch: Some(else_branch),
                    },
                    i.if_token.span,
                )
            }
            _ => self.not_an_ordering(e),
        }
    }

    /// `a.cmp(b)`, `a.total_cmp(b)`, `a.partial_cmp(b).unwrap()`, `o.reverse()`,
    /// `o.then(p)`, `o.then_with(|| p)`.
    fn ordering_method(&mut self, m: &syn::ExprMethodCall) -> ExprId {
        let at = m.method.span();
        let name = m.method.to_string();
        let args: Vec<&syn::Expr> = m.args.iter().collect();
        let compare = |me: &mut Self, method: &str, lhs: &syn::Expr, rhs: &syn::Expr| {
            let receiver = me.expr(lhs);
            let arg = me.expr(strip_ref(rhs));
            me.push(
                ExprKind::MethodCall {
                    receiver,
                    method: method.into(),
                    args: vec![arg],
                },
                at,
            )
        };
        match (name.as_str(), &args[..]) {
            ("cmp", [rhs]) => compare(self, methods::ORD_CMP, &m.receiver, rhs),
            ("total_cmp", [rhs]) => compare(self, methods::TOTAL_CMP, &m.receiver, rhs),
            ("unwrap", []) => match strip_parens(&m.receiver) {
                syn::Expr::MethodCall(p) if p.method == "partial_cmp" && p.args.len() == 1 => {
                    let receiver = self.expr(&p.receiver);
                    let arg = self.expr(strip_ref(&p.args[0]));
                    self.push(
                        ExprKind::MethodCall {
                            receiver,
                            method: methods::PARTIAL_CMP_UNWRAP.into(),
                            args: vec![arg],
                        },
                        at,
                    )
                }
                _ => self.not_an_ordering(&syn::Expr::MethodCall(m.clone())),
            },
            ("reverse", []) => {
                let zero = self.push(ExprKind::Lit(Lit::Int(0, Some(PrimTy::I8))), at);
                let o = self.ordering(&m.receiver);
                self.push(ExprKind::Binary(BinOp::Sub, zero, o), at)
            }
            ("then", [next]) => self.ordering_then(&m.receiver, next, at),
            ("then_with", [f]) => match strip_parens(f) {
                syn::Expr::Closure(c) if c.inputs.is_empty() => {
                    self.ordering_then(&m.receiver, &c.body, at)
                }
                _ => self.invalid(
                    f.span(),
                    "jit code takes the argument of `then_with` as a closure written in place: `|| a.1.cmp(&b.1)`",
                ),
            },
            _ => self.not_an_ordering(&syn::Expr::MethodCall(m.clone())),
        }
    }

    /// `first.then(next)`: `next` is evaluated only when `first` is `Equal`, as
    /// `then_with` does (`then`'s argument has no side effects a comparator could see
    /// except a panic, which Rust's eager `then` would raise first: both are lowered lazily
    /// only for `then_with`).
    fn ordering_then(&mut self, first: &syn::Expr, next: &syn::Expr, at: Span) -> ExprId {
        let first = self.ordering(first);
        let loc = self.loc(at);
        self.scopes.push(Vec::new());
        let t = self.declare(" ordering", false, loc);
        let read = self.push(ExprKind::Local(t), at);
        let zero = self.push(ExprKind::Lit(Lit::Int(0, Some(PrimTy::I8))), at);
        let cond = self.push(ExprKind::Binary(BinOp::Ne, read, zero), at);
        let then_branch = self.push(ExprKind::Local(t), at);
        let else_branch = self.ordering(next);
        self.scopes.pop();
        let choice = self.push(
            ExprKind::If {
                cond,
                then_branch,
                else_branch: Some(else_branch),
            },
            at,
        );
        self.push(
            ExprKind::Block(Block {
                stmts: vec![Stmt::Let {
                    pattern: Pattern::Bind(t),
                    ty: None,
                    init: Some(first),
                    loc,
                }],
                tail: Some(choice),
            }),
            at,
        )
    }

    /// A comparator's result that is not one of the forms jit code takes for an
    /// `Ordering`.
    fn not_an_ordering(&mut self, e: &syn::Expr) -> ExprId {
        let at = e.span();
        if is_bool_syntax(e) {
            return self.invalid(
                at,
                "mismatched types\nexpected `Ordering`, found `bool`\nnote: a sort's closure returns `std::cmp::Ordering`: `|a, b| a.cmp(b)`, not `a < b`",
            );
        }
        self.invalid(
            at,
            "jit code takes a comparator's `Ordering` as `a.cmp(b)`, `a.total_cmp(b)`, `a.partial_cmp(b).unwrap()`, `Ordering::Less`/`Equal`/`Greater`, `o.reverse()`, `o.then(p)`, `o.then_with(|| p)`, or an `if`/`else` or block ending in one",
        )
    }
}

/// Whether `e` is written as an `Ordering` (a comparison method or an `Ordering::X`):
/// a `let` of one in a sort's closure binds an `Ordering`.
pub(super) fn is_ordering_syntax(e: &syn::Expr) -> bool {
    match strip_parens(e) {
        syn::Expr::MethodCall(m) => match m.method.to_string().as_str() {
            "cmp" | "total_cmp" | "reverse" | "then" | "then_with" => true,
            "unwrap" => {
                matches!(strip_parens(&m.receiver), syn::Expr::MethodCall(p) if p.method == "partial_cmp")
            }
            _ => false,
        },
        syn::Expr::Path(p) => ordering_constant(&p.path).is_some(),
        syn::Expr::If(i) => tail_is_ordering(&i.then_branch),
        syn::Expr::Block(b) => tail_is_ordering(&b.block),
        _ => false,
    }
}

/// Whether a block ends in an expression written as an `Ordering`.
fn tail_is_ordering(b: &syn::Block) -> bool {
    matches!(b.stmts.last(), Some(syn::Stmt::Expr(e, None)) if is_ordering_syntax(e))
}

/// `&x` as `x`: a comparison's operand is taken by reference in Rust.
fn strip_ref(e: &syn::Expr) -> &syn::Expr {
    match strip_parens(e) {
        syn::Expr::Reference(r) if r.mutability.is_none() => strip_parens(&r.expr),
        e => e,
    }
}

/// `Ordering::Less` (also `std::cmp::Ordering::Less`, `core::cmp::..`): its discriminant.
fn ordering_constant(path: &syn::Path) -> Option<i128> {
    let names: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
    let n = names.len();
    if n < 2 || names[n - 2] != "Ordering" {
        return None;
    }
    if n > 2 && !matches!(&names[..n - 2], [a, b] if (a == "std" || a == "core") && b == "cmp") {
        return None;
    }
    match names[n - 1].as_str() {
        "Less" => Some(-1),
        "Equal" => Some(0),
        "Greater" => Some(1),
        _ => None,
    }
}

/// `Ordering`, `std::cmp::Ordering`, `core::cmp::Ordering`.
fn is_ordering_path_type(t: &syn::Type) -> bool {
    matches!(t, syn::Type::Path(p) if p.qself.is_none() && p.path.segments.last().is_some_and(|s| s.ident == "Ordering"))
}

/// Syntax whose value is a `bool`: comparisons, `&&`, `||`, `!`, `true`, `false`.
fn is_bool_syntax(e: &syn::Expr) -> bool {
    match strip_parens(e) {
        syn::Expr::Binary(b) => matches!(
            b.op,
            syn::BinOp::Lt(_)
                | syn::BinOp::Le(_)
                | syn::BinOp::Gt(_)
                | syn::BinOp::Ge(_)
                | syn::BinOp::Eq(_)
                | syn::BinOp::Ne(_)
                | syn::BinOp::And(_)
                | syn::BinOp::Or(_)
        ),
        syn::Expr::Unary(u) => matches!(u.op, syn::UnOp::Not(_)),
        syn::Expr::Lit(l) => matches!(l.lit, syn::Lit::Bool(_)),
        _ => false,
    }
}

/// The names a closure parameter binds.
fn bound_names(p: &syn::Pat, out: &mut Vec<String>) {
    struct Names<'a>(&'a mut Vec<String>);
    impl<'ast> syn::visit::Visit<'ast> for Names<'_> {
        fn visit_pat_ident(&mut self, p: &'ast syn::PatIdent) {
            self.0.push(p.ident.to_string());
        }
    }
    syn::visit::Visit::visit_pat(&mut Names(out), p);
}

/// A place as the names along it: `self.data` is `["self", "data"]`.
fn place_path(e: &syn::Expr) -> Vec<String> {
    match strip_parens(e) {
        syn::Expr::Path(p) => p
            .path
            .get_ident()
            .map(|i| vec![i.to_string()])
            .unwrap_or_default(),
        syn::Expr::Field(f) => {
            let mut base = place_path(&f.base);
            base.push(match &f.member {
                syn::Member::Named(n) => n.to_string(),
                syn::Member::Unnamed(i) => i.index.to_string(),
            });
            base
        }
        _ => Vec::new(),
    }
}

/// Finds the first use in a closure of a place that overlaps the sorted one (one is a
/// prefix of the other: with Rust 2021's disjoint captures, `self.other` may be used
/// while `self.data` is sorted, `self` and `self.data.len()` not).
struct PlaceUses<'a> {
    sorted: &'a [String],
    found: Option<(Vec<String>, Span)>,
}

impl<'ast> syn::visit::Visit<'ast> for PlaceUses<'_> {
    fn visit_expr(&mut self, e: &'ast syn::Expr) {
        if self.found.is_some() {
            return;
        }
        let path = place_path(e);
        if !path.is_empty() {
            let n = path.len().min(self.sorted.len());
            if path[..n] == self.sorted[..n] {
                self.found = Some((path, e.span()));
            }
            if let syn::Expr::Field(_) | syn::Expr::Path(_) = strip_parens(e) {
                return;
            }
        }
        syn::visit::visit_expr(self, e);
    }

    fn visit_expr_closure(&mut self, c: &'ast syn::ExprClosure) {
        let mut names = Vec::new();
        for p in &c.inputs {
            bound_names(p, &mut names);
        }
        if !names.contains(&self.sorted[0]) {
            syn::visit::visit_expr_closure(self, c);
        }
    }
}

/// Swaps `s[i]` and `s[j]` (compares nothing, so it cannot be interrupted).
fn swap(s: &TokenStream, i: TokenStream, j: TokenStream, at: Span) -> TokenStream {
    quote_spanned!(at=> {
        let __jitclass_i = #i;
        let __jitclass_j = #j;
        let __jitclass_t = #s[__jitclass_i];
        #s[__jitclass_i] = #s[__jitclass_j];
        #s[__jitclass_j] = __jitclass_t;
    })
}

/// Insertion sort of `s[lo..hi]` by adjacent swaps: stable, and a panicking comparator
/// leaves a permutation.
fn insertion_sort(s: &TokenStream, lo: TokenStream, hi: TokenStream, at: Span) -> TokenStream {
    let sw = swap(
        s,
        quote_spanned!(at=> __jitclass_b),
        quote_spanned!(at=> __jitclass_b - 1),
        at,
    );
    quote_spanned!(at=> {
        let __jitclass_lo: usize = #lo;
        let __jitclass_hi: usize = #hi;
        let mut __jitclass_a = __jitclass_lo + 1;
        while __jitclass_a < __jitclass_hi {
            let mut __jitclass_b = __jitclass_a;
            while __jitclass_b > __jitclass_lo
                && __jitclass_less!(#s[__jitclass_b], #s[__jitclass_b - 1])
            {
                #sw
                __jitclass_b -= 1;
            }
            __jitclass_a += 1;
        }
    })
}

/// Heapsort of `s[lo..hi]` (Rust's own shape: build the heap, then take the root).
fn heapsort(s: &TokenStream, at: Span) -> TokenStream {
    let take_root = swap(
        s,
        quote_spanned!(at=> __jitclass_lo),
        quote_spanned!(at=> __jitclass_lo + __jitclass_end),
        at,
    );
    let sift = swap(
        s,
        quote_spanned!(at=> __jitclass_lo + __jitclass_node),
        quote_spanned!(at=> __jitclass_lo + __jitclass_child),
        at,
    );
    quote_spanned!(at=> {
        let mut __jitclass_start = (__jitclass_hi - __jitclass_lo) / 2;
        let mut __jitclass_end = __jitclass_hi - __jitclass_lo;
        loop {
            if __jitclass_start > 0 {
                __jitclass_start -= 1;
            } else if __jitclass_end > 1 {
                __jitclass_end -= 1;
                #take_root
            } else {
                break;
            }
            let mut __jitclass_node = __jitclass_start;
            loop {
                let mut __jitclass_child = 2 * __jitclass_node + 1;
                if __jitclass_child >= __jitclass_end {
                    break;
                }
                if __jitclass_child + 1 < __jitclass_end
                    && __jitclass_less!(
                        #s[__jitclass_lo + __jitclass_child],
                        #s[__jitclass_lo + __jitclass_child + 1]
                    )
                {
                    __jitclass_child += 1;
                }
                if !__jitclass_less!(
                    #s[__jitclass_lo + __jitclass_node],
                    #s[__jitclass_lo + __jitclass_child]
                ) {
                    break;
                }
                #sift
                __jitclass_node = __jitclass_child;
            }
        }
    })
}

/// Partitions `s[lo..hi]` (more than `SMALL` elements) around the median of three, in
/// place, without branches on the comparisons (Lomuto's scheme: each element is read,
/// compared, then swapped into place, so a panicking comparator leaves a permutation);
/// its value is the pivot's final index. When the pivot equals the previous pivot just
/// left of the range (every element of the range is at least that one), the range is
/// split into elements equal to the pivot, which are done, and greater ones (pdqsort's
/// answer to many duplicates).
fn partition(s: &TokenStream, at: Span) -> TokenStream {
    let sw = |i: TokenStream, j: TokenStream| swap(s, i, j, at);
    let mid_lo = sw(
        quote_spanned!(at=> __jitclass_mid),
        quote_spanned!(at=> __jitclass_lo),
    );
    let last_mid = sw(
        quote_spanned!(at=> __jitclass_hi - 1),
        quote_spanned!(at=> __jitclass_mid),
    );
    let pivot_first = sw(
        quote_spanned!(at=> __jitclass_lo),
        quote_spanned!(at=> __jitclass_mid),
    );
    let pivot_home = sw(
        quote_spanned!(at=> __jitclass_lo),
        quote_spanned!(at=> __jitclass_store - 1),
    );
    quote_spanned!(at=> {
        let __jitclass_mid = __jitclass_lo + (__jitclass_hi - __jitclass_lo) / 2;
        if __jitclass_less!(#s[__jitclass_mid], #s[__jitclass_lo]) {
            #mid_lo
        }
        if __jitclass_less!(#s[__jitclass_hi - 1], #s[__jitclass_mid]) {
            #last_mid
            if __jitclass_less!(#s[__jitclass_mid], #s[__jitclass_lo]) {
                #mid_lo
            }
        }
        #pivot_first
        let __jitclass_p = #s[__jitclass_lo];
        let __jitclass_equal = __jitclass_lo > 0
            && !__jitclass_less!(#s[__jitclass_lo - 1], __jitclass_p);
        let mut __jitclass_store = __jitclass_lo + 1;
        let mut __jitclass_i = __jitclass_lo + 1;
        if __jitclass_equal {
            while __jitclass_i < __jitclass_hi {
                let __jitclass_x = #s[__jitclass_i];
                let __jitclass_goes_left = !__jitclass_less!(__jitclass_p, __jitclass_x);
                #s[__jitclass_i] = #s[__jitclass_store];
                #s[__jitclass_store] = __jitclass_x;
                __jitclass_store += __jitclass_goes_left as usize;
                __jitclass_i += 1;
            }
        } else {
            while __jitclass_i < __jitclass_hi {
                let __jitclass_x = #s[__jitclass_i];
                let __jitclass_goes_left = __jitclass_less!(__jitclass_x, __jitclass_p);
                #s[__jitclass_i] = #s[__jitclass_store];
                #s[__jitclass_store] = __jitclass_x;
                __jitclass_store += __jitclass_goes_left as usize;
                __jitclass_i += 1;
            }
        }
        #pivot_home
        (__jitclass_store - 1, __jitclass_equal)
    })
}

/// `2 * floor(log2 n)`: the partitioning depth past which heapsort takes over.
fn depth_limit(at: Span) -> TokenStream {
    quote_spanned!(at=> {
        let mut __jitclass_m = __jitclass_n;
        let mut __jitclass_d = 0usize;
        while __jitclass_m > 1 {
            __jitclass_m /= 2;
            __jitclass_d += 2;
        }
        __jitclass_d
    })
}

/// `sort_unstable*`: introsort with an explicit stack of ranges.
fn unstable_sort(s: &TokenStream, at: Span) -> TokenStream {
    let small = insertion_sort(
        s,
        quote_spanned!(at=> __jitclass_lo),
        quote_spanned!(at=> __jitclass_hi),
        at,
    );
    let heap = heapsort(s, at);
    let part = partition(s, at);
    let limit = depth_limit(at);
    let small_n = SMALL;
    quote_spanned!(at=>
        let __jitclass_n = #s.len();
        if __jitclass_n > 1 {
            let mut __jitclass_stack = Vec::new();
            __jitclass_stack.push((0usize, __jitclass_n, #limit));
            loop {
                let __jitclass_top = __jitclass_stack.pop();
                if __jitclass_top.is_none() {
                    break;
                }
                let (__jitclass_lo, __jitclass_hi, __jitclass_depth) = __jitclass_top.unwrap();
                if __jitclass_hi - __jitclass_lo <= #small_n {
                    #small
                } else if __jitclass_depth == 0 {
                    #heap
                } else {
                    let (__jitclass_at, __jitclass_all_equal) = #part;
                    // Left of an equal pivot are only its equals: nothing left to sort.
                    if !__jitclass_all_equal {
                        __jitclass_stack.push((__jitclass_lo, __jitclass_at, __jitclass_depth - 1));
                    }
                    __jitclass_stack.push((__jitclass_at + 1, __jitclass_hi, __jitclass_depth - 1));
                }
            }
        }
    )
}

/// `select_nth_unstable*(k)`: std's panic past the end, then introselect.
fn select_nth(s: &TokenStream, k: &syn::Expr, at: Span) -> TokenStream {
    let small = insertion_sort(
        s,
        quote_spanned!(at=> __jitclass_lo),
        quote_spanned!(at=> __jitclass_hi),
        at,
    );
    let heap = heapsort(s, at);
    let part = partition(s, at);
    let limit = depth_limit(at);
    let small_n = SMALL;
    let k = k.to_token_stream();
    quote_spanned!(at=>
        let __jitclass_k: usize = #k;
        let __jitclass_n = #s.len();
        if __jitclass_k >= __jitclass_n {
            panic!(
                "partition_at_index index {} greater than length of slice {}",
                __jitclass_k, __jitclass_n
            );
        }
        let mut __jitclass_lo = 0usize;
        let mut __jitclass_hi = __jitclass_n;
        let mut __jitclass_depth = #limit;
        while __jitclass_hi - __jitclass_lo > #small_n {
            if __jitclass_depth == 0 {
                #heap
                __jitclass_lo = __jitclass_hi;
                break;
            }
            __jitclass_depth -= 1;
            let (__jitclass_at, __jitclass_all_equal) = #part;
            if __jitclass_at == __jitclass_k || (__jitclass_all_equal && __jitclass_k < __jitclass_at) {
                __jitclass_lo = __jitclass_hi;
                break;
            }
            if __jitclass_k < __jitclass_at {
                __jitclass_hi = __jitclass_at;
            } else {
                __jitclass_lo = __jitclass_at + 1;
            }
        }
        #small
    )
}

/// `sort*`: a stable quicksort through a buffer (driftsort's answer to random data):
/// each pass scatters a range into the buffer, elements before the pivot to its front
/// and the others to its back (in reverse), without a branch on the comparison, then
/// copies them back in order; only the scatter compares, and it reads the slice and
/// writes the buffer, so the slice holds every element whenever the comparator runs. A
/// pivot that is the range's least element splits off its equals instead (which are
/// done). Past a depth of `2 log2 n` a range is merge-sorted (bottom-up, runs of 20).
fn stable_sort(s: &TokenStream, at: Span) -> TokenStream {
    let small_n = SMALL;
    let small = insertion_sort(
        s,
        quote_spanned!(at=> __jitclass_lo),
        quote_spanned!(at=> __jitclass_hi),
        at,
    );
    let merge = merge_sort(s, at);
    let limit = depth_limit(at);
    let scatter = |goes_left: TokenStream| {
        quote_spanned!(at=> {
            let mut __jitclass_left = 0usize;
            let mut __jitclass_i = __jitclass_lo;
            while __jitclass_i < __jitclass_hi {
                let __jitclass_x = #s[__jitclass_i];
                let __jitclass_goes_left: bool = #goes_left;
                let __jitclass_right = __jitclass_i - __jitclass_lo - __jitclass_left;
                let __jitclass_to = if __jitclass_goes_left {
                    __jitclass_lo + __jitclass_left
                } else {
                    __jitclass_hi - 1 - __jitclass_right
                };
                __jitclass_buf[__jitclass_to] = __jitclass_x;
                __jitclass_left += __jitclass_goes_left as usize;
                __jitclass_i += 1;
            }
            __jitclass_left
        })
    };
    let less_than_pivot =
        scatter(quote_spanned!(at=> __jitclass_less!(__jitclass_x, __jitclass_p)));
    let equal_to_pivot =
        scatter(quote_spanned!(at=> !__jitclass_less!(__jitclass_p, __jitclass_x)));
    quote_spanned!(at=>
        let __jitclass_n = #s.len();
        if __jitclass_n > 1 {
            let mut __jitclass_buf = Vec::with_capacity(__jitclass_n);
            if __jitclass_n > #small_n {
                let mut __jitclass_c = 0usize;
                while __jitclass_c < __jitclass_n {
                    __jitclass_buf.push(#s[__jitclass_c]);
                    __jitclass_c += 1;
                }
            }
            let mut __jitclass_stack = Vec::new();
            __jitclass_stack.push((0usize, __jitclass_n, #limit));
            loop {
                let __jitclass_top = __jitclass_stack.pop();
                if __jitclass_top.is_none() {
                    break;
                }
                let (__jitclass_lo, __jitclass_hi, __jitclass_depth) = __jitclass_top.unwrap();
                if __jitclass_hi - __jitclass_lo <= #small_n {
                    #small
                } else if __jitclass_depth == 0 {
                    #merge
                } else {
                    // The median of three by index (nothing moves: the sort is stable).
                    let __jitclass_a = __jitclass_lo;
                    let __jitclass_b = __jitclass_lo + (__jitclass_hi - __jitclass_lo) / 2;
                    let __jitclass_c = __jitclass_hi - 1;
                    let __jitclass_ab = __jitclass_less!(#s[__jitclass_a], #s[__jitclass_b]);
                    let __jitclass_ac = __jitclass_less!(#s[__jitclass_a], #s[__jitclass_c]);
                    let mut __jitclass_pivot = __jitclass_a;
                    if __jitclass_ab == __jitclass_ac {
                        let __jitclass_bc = __jitclass_less!(#s[__jitclass_b], #s[__jitclass_c]);
                        __jitclass_pivot = if __jitclass_bc != __jitclass_ab {
                            __jitclass_c
                        } else {
                            __jitclass_b
                        };
                    }
                    let __jitclass_p = #s[__jitclass_pivot];
                    let mut __jitclass_left = #less_than_pivot;
                    let __jitclass_equals = __jitclass_left == 0;
                    if __jitclass_equals {
                        __jitclass_left = #equal_to_pivot;
                    }
                    // Back in order: the front as written, the back reversed.
                    let mut __jitclass_o = __jitclass_lo;
                    while __jitclass_o < __jitclass_lo + __jitclass_left {
                        #s[__jitclass_o] = __jitclass_buf[__jitclass_o];
                        __jitclass_o += 1;
                    }
                    let mut __jitclass_from = __jitclass_hi;
                    while __jitclass_o < __jitclass_hi {
                        __jitclass_from -= 1;
                        #s[__jitclass_o] = __jitclass_buf[__jitclass_from];
                        __jitclass_o += 1;
                    }
                    let __jitclass_mid = __jitclass_lo + __jitclass_left;
                    if !__jitclass_equals {
                        __jitclass_stack.push((__jitclass_lo, __jitclass_mid, __jitclass_depth - 1));
                    }
                    __jitclass_stack.push((__jitclass_mid, __jitclass_hi, __jitclass_depth - 1));
                }
            }
        }
    )
}

/// Bottom-up merge sort of `s[lo..hi]` with the buffer `__jitclass_buf`: runs of `SMALL`
/// insertion-sorted, then each pair of runs merged (branch-free) into the buffer and
/// copied back, skipped where the pair is already in order.
fn merge_sort(s: &TokenStream, at: Span) -> TokenStream {
    let small_n = SMALL;
    let runs = insertion_sort(
        s,
        quote_spanned!(at=> __jitclass_r),
        quote_spanned!(at=> (__jitclass_r + #small_n).min(__jitclass_hi)),
        at,
    );
    quote_spanned!(at=> {
        let mut __jitclass_r = __jitclass_lo;
        while __jitclass_r < __jitclass_hi {
            #runs
            __jitclass_r += #small_n;
        }
        let mut __jitclass_w = #small_n;
        while __jitclass_w < __jitclass_hi - __jitclass_lo {
            let mut __jitclass_start = __jitclass_lo;
            while __jitclass_start + __jitclass_w < __jitclass_hi {
                let __jitclass_mid = __jitclass_start + __jitclass_w;
                let __jitclass_end = (__jitclass_mid + __jitclass_w).min(__jitclass_hi);
                if __jitclass_less!(#s[__jitclass_mid], #s[__jitclass_mid - 1]) {
                    let mut __jitclass_a = __jitclass_start;
                    let mut __jitclass_b = __jitclass_mid;
                    let mut __jitclass_o = __jitclass_start;
                    while __jitclass_a < __jitclass_mid && __jitclass_b < __jitclass_end {
                        // Branch-free: both candidates read, the comparison picks one.
                        let __jitclass_x = #s[__jitclass_a];
                        let __jitclass_y = #s[__jitclass_b];
                        let __jitclass_take = __jitclass_less!(__jitclass_y, __jitclass_x);
                        __jitclass_buf[__jitclass_o] =
                            if __jitclass_take { __jitclass_y } else { __jitclass_x };
                        __jitclass_b += __jitclass_take as usize;
                        __jitclass_a += 1 - __jitclass_take as usize;
                        __jitclass_o += 1;
                    }
                    while __jitclass_a < __jitclass_mid {
                        __jitclass_buf[__jitclass_o] = #s[__jitclass_a];
                        __jitclass_a += 1;
                        __jitclass_o += 1;
                    }
                    while __jitclass_b < __jitclass_end {
                        __jitclass_buf[__jitclass_o] = #s[__jitclass_b];
                        __jitclass_b += 1;
                        __jitclass_o += 1;
                    }
                    let mut __jitclass_o = __jitclass_start;
                    while __jitclass_o < __jitclass_end {
                        #s[__jitclass_o] = __jitclass_buf[__jitclass_o];
                        __jitclass_o += 1;
                    }
                }
                __jitclass_start = __jitclass_end;
            }
            __jitclass_w *= 2;
        }
    })
}
