//! The sorts handed to std's own algorithms (`crate::std_sort`): recognising their
//! comparators, and lowering the call to the method that runs std's sort on the buffer.
//!
//! A comparator is recognised by its syntax alone: `sort()`/`select_nth_unstable(k)`
//! without one, or `|a, b| a.cmp(b)`, `|a, b| a.total_cmp(b)` and the reversed `b.cmp(a)`,
//! `b.total_cmp(a)` (parameters untyped or `a: &T`, operands `a`, `*a`, `&b`, `&*b`, the
//! body possibly in a block). Each orders elements by their value alone, and elements
//! that compare equal are identical (integers, `bool`, floats under `total_cmp`), so any
//! correct sort, std's included, gives exactly rustc's result; a selection by std's
//! algorithm also leaves the other elements in rustc's order. None of them can panic.

use super::sort::Comparator;
use super::strip_parens;
use crate::std_sort::{StdAlgorithm, StdSort};
use proc_macro2::{Span, TokenStream};
use quote::quote_spanned;

/// Whether `comparator` orders by value alone, as std's sort of the same kind can:
/// `Some(descending)`.
pub(super) fn std_order(comparator: &Comparator) -> Option<bool> {
    let c = match comparator {
        Comparator::Natural => return Some(false),
        Comparator::By(c) => c,
        Comparator::ByKey(_) => return None,
    };
    if c.inputs.len() != 2 || !matches!(c.output, syn::ReturnType::Default) {
        return None;
    }
    let a = param_name(&c.inputs[0])?;
    let b = param_name(&c.inputs[1])?;
    if a == b {
        return None;
    }
    let syn::Expr::MethodCall(m) = body_expr(&c.body)? else {
        return None;
    };
    if (m.method != "cmp" && m.method != "total_cmp") || m.args.len() != 1 || m.turbofish.is_some()
    {
        return None;
    }
    let lhs = operand_name(&m.receiver, false)?;
    let rhs = operand_name(&m.args[0], true)?;
    match (lhs == a, rhs == b, lhs == b, rhs == a) {
        (true, true, _, _) => Some(false),
        (_, _, true, true) => Some(true),
        _ => None,
    }
}

/// A parameter `a` or `a: &T` (no `mut`, `ref` or pattern): its name.
fn param_name(p: &syn::Pat) -> Option<String> {
    let p = match p {
        syn::Pat::Type(pt) if matches!(&*pt.ty, syn::Type::Reference(r) if r.mutability.is_none()) => {
            &*pt.pat
        }
        p => p,
    };
    match p {
        syn::Pat::Ident(i)
            if i.by_ref.is_none() && i.mutability.is_none() && i.subpat.is_none() =>
        {
            Some(i.ident.to_string())
        }
        _ => None,
    }
}

/// The closure's body without parentheses and blocks holding only it.
fn body_expr(e: &syn::Expr) -> Option<&syn::Expr> {
    match strip_parens(e) {
        syn::Expr::Block(b) if b.label.is_none() && b.attrs.is_empty() => {
            match &b.block.stmts[..] {
                [syn::Stmt::Expr(e, None)] => body_expr(e),
                _ => None,
            }
        }
        e => Some(e),
    }
}

/// An operand naming a parameter: `a`, `*a` (and `&a`, `&*a` as the argument).
fn operand_name(e: &syn::Expr, argument: bool) -> Option<String> {
    match strip_parens(e) {
        syn::Expr::Reference(r) if argument && r.mutability.is_none() => {
            operand_name(&r.expr, false)
        }
        syn::Expr::Unary(u) if matches!(u.op, syn::UnOp::Deref(_)) => match strip_parens(&u.expr) {
            syn::Expr::Path(p) => p.path.get_ident().map(|i| i.to_string()),
            _ => None,
        },
        syn::Expr::Path(p) if p.qself.is_none() => p.path.get_ident().map(|i| i.to_string()),
        _ => None,
    }
}

/// The block a recognised sort lowers to: the comparator applied to an element and an
/// element written back, in code that never runs, so that the element type, the
/// comparator and the receiver's mutability are checked (and refused, in rustc's words)
/// exactly as the prelude's would be, on the receiver as `written`; then std's sort of `s`
/// (the receiver, or the hidden handle it was evaluated into once: `sort.rs`) (`k >= len`
/// panics first, with std's message, so std's selection cannot).
pub(super) fn std_sort_block(
    s: &TokenStream,
    written: &TokenStream,
    algorithm: StdAlgorithm,
    descending: bool,
    k: Option<&syn::Expr>,
    at: Span,
) -> TokenStream {
    let how = syn::Ident::new(
        match algorithm {
            StdAlgorithm::Stable => "Stable",
            StdAlgorithm::Unstable => "Unstable",
            StdAlgorithm::Select => "Select",
        },
        at,
    );
    let witness = quote_spanned!(at=>
        if false {
            let __jitclass_x = #written[0];
            let _ = __jitclass_less!(__jitclass_x, #written[0]);
            #written[0] = __jitclass_x;
        }
    );
    match k {
        None => quote_spanned!(at=>
            #witness
            __jitclass_std_sort!(#how, #descending, #s)
        ),
        Some(k) => quote_spanned!(at=>
            #witness
            let __jitclass_k: usize = #k;
            let __jitclass_n = #s.len();
            if __jitclass_k >= __jitclass_n {
                panic!(
                    "partition_at_index index {} greater than length of slice {}",
                    __jitclass_k, __jitclass_n
                );
            }
            __jitclass_std_sort!(#how, #descending, #s, __jitclass_k)
        ),
    }
}

/// `StdSort` from `__jitclass_std_sort!`'s first two operands.
pub(super) fn parse_how(how: &syn::Expr, descending: &syn::Expr) -> Option<StdSort> {
    let syn::Expr::Path(p) = how else { return None };
    let algorithm = match p.path.get_ident()?.to_string().as_str() {
        "Stable" => StdAlgorithm::Stable,
        "Unstable" => StdAlgorithm::Unstable,
        "Select" => StdAlgorithm::Select,
        _ => return None,
    };
    let syn::Expr::Lit(syn::ExprLit {
        lit: syn::Lit::Bool(b),
        ..
    }) = descending
    else {
        return None;
    };
    Some(StdSort {
        algorithm,
        descending: b.value,
    })
}

impl super::Lowerer {
    /// `__jitclass_std_sort!(how, descending, s[, k])` in a recognised sort's block: the
    /// call of the method that runs std's sort on `s`.
    pub(super) fn std_sort_macro(&mut self, mac: &syn::Macro) -> Option<crate::ir::ExprId> {
        if !mac.path.is_ident("__jitclass_std_sort") || self.comparator.is_none() {
            return None;
        }
        let at = mac.path.segments[0].ident.span();
        let args = mac
            .parse_body_with(
                syn::punctuated::Punctuated::<syn::Expr, syn::Token![,]>::parse_terminated,
            )
            .ok()?;
        let args: Vec<&syn::Expr> = args.iter().collect();
        let (how, rest) = match &args[..] {
            [how, descending, rest @ ..] => (parse_how(how, descending)?, rest),
            _ => return None,
        };
        let (receiver, operands) = rest.split_first()?;
        let receiver = self.expr(receiver);
        let args = operands.iter().map(|a| self.expr(a)).collect();
        Some(self.push(
            crate::ir::ExprKind::MethodCall {
                receiver,
                method: how.method_name().into(),
                args,
            },
            at,
        ))
    }
}
