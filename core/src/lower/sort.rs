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

use super::sort_prelude::{select_nth, stable_sort, unstable_sort};
use super::{Lowerer, span, strip_parens};
use crate::ir::*;
use crate::methods;
use crate::std_sort::StdAlgorithm;
use crate::types::PrimTy;
use proc_macro2::Span;
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
        if !is_sort_receiver(receiver) {
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
        // The variable of a `&mut` loop is sorted through `*x`, as rustc's auto-deref has it.
        let through_elem_ref = matches!(receiver, syn::Expr::Path(p)
            if p.path.get_ident().and_then(|i| self.lookup(&i.to_string()))
                .is_some_and(|l| self.is_place_elem_ref(l)));
        let written = if through_elem_ref {
            quote_spanned!(receiver.span()=> (*#receiver))
        } else {
            receiver.to_token_stream()
        };
        // A variable is re-read at each element access: nothing but its owner reaches it,
        // and the closure may not use it. Any other receiver (a field, an element, the
        // variable of a `&mut` loop) is evaluated once, by the lend below, into the hidden
        // `__jitclass_sorted` the algorithm works through: the sort works on exactly the
        // `Vec` it lent, whatever the comparator does to the place, and an index is
        // evaluated once, as rustc's `IndexMut` call does.
        let once = through_elem_ref || !matches!(receiver, syn::Expr::Path(_));
        let s = if once {
            quote_spanned!(receiver.span()=> __jitclass_sorted)
        } else {
            written.clone()
        };
        let std_order = super::std_sort::std_order(&comparator);
        let body = match std_order {
            // Fully determined by the elements: std's own algorithm.
            Some(descending) => {
                let (std_algorithm, k) = match algorithm {
                    Algorithm::Stable => (StdAlgorithm::Stable, None),
                    Algorithm::Unstable => (StdAlgorithm::Unstable, None),
                    Algorithm::Select => (StdAlgorithm::Select, Some(&m.args[0])),
                };
                super::std_sort::std_sort_block(&s, &written, std_algorithm, descending, k, at)
            }
            None => {
                let sort = match algorithm {
                    Algorithm::Stable => stable_sort(&s, at),
                    Algorithm::Unstable => unstable_sort(&s, at),
                    Algorithm::Select => select_nth(&s, &m.args[0], at),
                };
                if once {
                    // The place as written, in code that never runs: rustc's checks of
                    // the receiver (`&mut` access, element type) are made on it.
                    quote_spanned!(at=>
                        if false {
                            let __jitclass_x = #written[0];
                            #written[0] = __jitclass_x;
                        }
                        #sort
                    )
                } else {
                    sort
                }
            }
        };
        let block: syn::Block = match syn::parse2(quote_spanned!(at=> { #body })) {
            Ok(b) => b,
            Err(e) => {
                self.errors.push(e);
                return Some(self.push(ExprKind::Lit(Lit::Unit), at));
            }
        };
        let sorted = once.then(|| {
            let loc = self.loc(receiver.span());
            self.scopes.push(Vec::new());
            self.declare("__jitclass_sorted", true, loc)
        });
        let outer = self.comparator.replace(comparator);
        let id = self.block_expr(&block);
        self.comparator = outer;
        if sorted.is_some() {
            self.scopes.pop();
        } else if std_order.is_some() {
            // std's sort runs no jit code: nothing can reach the `Vec` while it runs.
            return Some(id);
        }
        // The comparator is jit code, which may reach the `Vec` another way (another
        // handle of its instance, `objmode!`): it is lent for the sort, as `&mut self`.
        // (std's sort through the hidden handle is lent too, which it cannot observe.)
        let receiver = match syn::parse2::<syn::Expr>(written) {
            Ok(r) => self.expr(&r),
            Err(e) => {
                self.errors.push(e);
                return Some(id);
            }
        };
        let mut args = vec![id];
        if let Some(sorted) = sorted {
            args.push(self.push(ExprKind::Local(sorted), at));
        }
        Some(self.push(
            ExprKind::MethodCall {
                receiver,
                method: crate::vec_methods::LEND_DURING_SORT.into(),
                args,
            },
            at,
        ))
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
        let sorted = borrowed_place(receiver);
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
        if sorted.first().is_some_and(|root| !shadowed.contains(root)) {
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
                let ty = match self.lower_written_type(&r.elem, super::types::TypePos::Other) {
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

/// What a sort may be called on: a place (`v`, `self.items`, `a.pair.0`), an element of
/// one (`v[f()]`, `self.rows[i]`, `v[i].0`), not a sub-range (`v[a..b]`).
fn is_sort_receiver(e: &syn::Expr) -> bool {
    match strip_parens(e) {
        syn::Expr::Index(ix) => {
            !matches!(strip_parens(&ix.index), syn::Expr::Range(_)) && is_sort_receiver(&ix.expr)
        }
        syn::Expr::Field(f) => is_sort_receiver(&f.base),
        e => super::vecs::is_place(e),
    }
}

/// The place a sort of `e` borrows mutably, as the names along it: the container of an
/// element (`v` of `v[i].0`, whose `IndexMut` borrows all of `v`), else `e` itself.
fn borrowed_place(e: &syn::Expr) -> Vec<String> {
    fn has_index(e: &syn::Expr) -> bool {
        match strip_parens(e) {
            syn::Expr::Index(_) => true,
            syn::Expr::Field(f) => has_index(&f.base),
            _ => false,
        }
    }
    match strip_parens(e) {
        syn::Expr::Index(ix) => borrowed_place(&ix.expr),
        syn::Expr::Field(f) if has_index(&f.base) => borrowed_place(&f.base),
        e => place_path(e),
    }
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
