//! `for` loops over ranges: `a..b`, `a..=b`, and with `.rev()` and `.step_by(k)`, lowered
//! to one `ExprKind::ForRange` (codegen emits a counted loop, no iterator objects).

use super::{Lowerer, strip_parens};
use crate::ir::*;
use proc_macro2::Span;
use syn::spanned::Spanned;

/// A `for` loop's iterator that is a range, with its adapters.
pub(super) struct RangeIter<'a> {
    range: &'a syn::ExprRange,
    step: Option<&'a syn::Expr>,
    order: Order,
}

/// `RangeOrder` before the `rev` token has a `LocId`.
enum Order {
    Up,
    Down,
    DownFromLastStep(Span),
}

/// What a `for` loop iterates over: a range (`Some(Ok)`), a range with adapters jit code
/// does not support (`Some(Err)`, at the adapter's token), or anything else (`None`).
pub(super) fn range_iter(expr: &syn::Expr) -> Option<syn::Result<RangeIter<'_>>> {
    // The adapters from the outermost call in.
    let mut adapters = Vec::new();
    let mut e = strip_parens(expr);
    let range = loop {
        match e {
            syn::Expr::Range(r) => break r,
            syn::Expr::MethodCall(m) => {
                adapters.push(m);
                e = strip_parens(&m.receiver);
            }
            _ => return None,
        }
    };
    let mut rev: Option<Span> = None;
    let mut step: Option<(&syn::Expr, bool)> = None;
    for m in adapters.into_iter().rev() {
        let name = m.method.to_string();
        let arity = match name.as_str() {
            "rev" if rev.is_none() => 0,
            "step_by" if step.is_none() => 1,
            _ => {
                let what = if matches!(name.as_str(), "rev" | "step_by") {
                    format!("a second `.{name}()`")
                } else {
                    format!("`.{name}()`")
                };
                return Some(Err(syn::Error::new(
                    m.method.span(),
                    format!(
                        "{what} on a range is not supported in jit code\nnote: a `for` loop in jit code takes a range with at most one `.rev()` and one `.step_by(k)`, in either order"
                    ),
                )));
            }
        };
        // rustc's E0107 and E0061.
        let supplied = |n: usize| if n == 1 { " was" } else { "s were" };
        if let Some(turbofish) = &m.turbofish {
            let n = turbofish.args.len();
            return Some(Err(syn::Error::new(
                turbofish.span(),
                format!(
                    "method takes 0 generic arguments but {n} generic argument{} supplied",
                    supplied(n)
                ),
            )));
        }
        if m.args.len() != arity {
            let n = m.args.len();
            return Some(Err(syn::Error::new(
                m.method.span(),
                format!(
                    "this method takes {arity} argument{} but {n} argument{} supplied",
                    if arity == 1 { "" } else { "s" },
                    supplied(n),
                ),
            )));
        }
        if name == "rev" {
            rev = Some(m.method.span());
        } else {
            step = Some((&m.args[0], rev.is_some()));
        }
    }
    let order = match (rev, step) {
        (None, _) => Order::Up,
        (Some(_), None) | (Some(_), Some((_, true))) => Order::Down,
        (Some(rev), Some((_, false))) => Order::DownFromLastStep(rev),
    };
    Some(Ok(RangeIter {
        range,
        step: step.map(|(k, _)| k),
        order,
    }))
}

impl Lowerer {
    /// `for var in iter { body }` where `iter` is a range: the loop expression `id`.
    pub(super) fn for_range(
        &mut self,
        f: &syn::ExprForLoop,
        id: ExprId,
        iter: RangeIter<'_>,
    ) -> ExprId {
        let range = iter.range;
        let (Some(start), Some(end)) = (&range.start, &range.end) else {
            self.error(
                range.span(),
                "`for` ranges in jit code need both bounds: `a..b` or `a..=b`",
            );
            return id;
        };
        let start = self.expr(start);
        let end = self.expr(end);
        let step = iter.step.map(|k| self.expr(k));
        let inclusive = matches!(range.limits, syn::RangeLimits::Closed(_));
        let order = match iter.order {
            Order::Up => RangeOrder::Up,
            Order::Down => RangeOrder::Down,
            Order::DownFromLastStep(rev) => RangeOrder::DownFromLastStep(self.loc(rev)),
        };
        let (var, body) = self.for_variable_and_body(f, id, false);
        self.exprs[id.index()].kind = ExprKind::ForRange {
            var,
            start,
            end,
            inclusive,
            step,
            order,
            body,
        };
        id
    }
}
