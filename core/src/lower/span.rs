//! The span of an expression in constant time.
//!
//! syn's `Spanned::span` prints the whole expression to tokens to find its first and last
//! token, so asking it of every expression on the way down a long chain (`x + 1 + 2 ..`,
//! an `else if` chain) costs time quadratic in the chain's length: a minute for 8,000
//! branches. [`of`] follows the expression's leftmost children to its first token instead.
//! On stable Rust that is all `Spanned::span` returns (joining two spans needs nightly),
//! so diagnostics point where they did; on nightly they cover the first token only.

use proc_macro2::Span;
use syn::spanned::Spanned;

/// The span of `e`'s first token.
pub(crate) fn of(e: &syn::Expr) -> Span {
    use syn::Expr as E;
    let mut e = e;
    loop {
        if let Some(attr) = attrs(e).first() {
            return attr.pound_token.span;
        }
        return match e {
            // The first token is the left operand's (or receiver's, or callee's).
            E::Assign(x) => {
                e = &x.left;
                continue;
            }
            E::Await(x) => {
                e = &x.base;
                continue;
            }
            E::Binary(x) => {
                e = &x.left;
                continue;
            }
            E::Call(x) => {
                e = &x.func;
                continue;
            }
            E::Cast(x) => {
                e = &x.expr;
                continue;
            }
            E::Field(x) => {
                e = &x.base;
                continue;
            }
            E::Index(x) => {
                e = &x.expr;
                continue;
            }
            E::MethodCall(x) => {
                e = &x.receiver;
                continue;
            }
            E::Try(x) => {
                e = &x.expr;
                continue;
            }
            E::Range(x) => match &x.start {
                Some(start) => {
                    e = start;
                    continue;
                }
                None => match &x.limits {
                    syn::RangeLimits::HalfOpen(t) => t.spans[0],
                    syn::RangeLimits::Closed(t) => t.spans[0],
                },
            },
            // A keyword, a punctuation mark or a delimited group comes first.
            E::Array(x) => x.bracket_token.span.join(),
            E::Async(x) => x.async_token.span,
            E::Block(x) => label_or(&x.label, x.block.brace_token.span.join()),
            E::Break(x) => x.break_token.span,
            E::Const(x) => x.const_token.span,
            E::Continue(x) => x.continue_token.span,
            E::ForLoop(x) => label_or(&x.label, x.for_token.span),
            E::Group(x) => x.group_token.span,
            E::If(x) => x.if_token.span,
            E::Infer(x) => x.underscore_token.span,
            E::Let(x) => x.let_token.span,
            E::Lit(x) => x.lit.span(),
            E::Loop(x) => label_or(&x.label, x.loop_token.span),
            E::Macro(x) => path(&x.mac.path),
            E::Match(x) => x.match_token.span,
            E::Paren(x) => x.paren_token.span.join(),
            E::Path(x) => match &x.qself {
                Some(q) => q.lt_token.span,
                None => path(&x.path),
            },
            E::RawAddr(x) => x.and_token.span,
            E::Reference(x) => x.and_token.span,
            E::Repeat(x) => x.bracket_token.span.join(),
            E::Return(x) => x.return_token.span,
            E::Struct(x) => match &x.qself {
                Some(q) => q.lt_token.span,
                None => path(&x.path),
            },
            E::TryBlock(x) => x.try_token.span,
            E::Tuple(x) => x.paren_token.span.join(),
            E::Unary(x) => unary_op(&x.op),
            E::Unsafe(x) => x.unsafe_token.span,
            E::While(x) => label_or(&x.label, x.while_token.span),
            E::Yield(x) => x.yield_token.span,
            // Rare forms (closures, verbatim tokens), never chained: syn's own answer.
            other => other.span(),
        };
    }
}

/// The span of a unary operator.
pub(crate) fn unary_op(op: &syn::UnOp) -> Span {
    match op {
        syn::UnOp::Deref(t) => t.span,
        syn::UnOp::Not(t) => t.span,
        syn::UnOp::Neg(t) => t.span,
        other => other.span(),
    }
}

/// The span of a unary expression, as `of` finds it.
pub(crate) fn of_unary(u: &syn::ExprUnary) -> Span {
    match u.attrs.first() {
        Some(attr) => attr.pound_token.span,
        None => unary_op(&u.op),
    }
}

/// The span of a path's first token.
pub(crate) fn path(p: &syn::Path) -> Span {
    match (&p.leading_colon, p.segments.first()) {
        (Some(colon), _) => colon.spans[0],
        (None, Some(segment)) => segment.ident.span(),
        (None, None) => Span::call_site(),
    }
}

fn label_or(label: &Option<syn::Label>, span: Span) -> Span {
    match label {
        Some(l) => l.name.apostrophe,
        None => span,
    }
}

fn attrs(e: &syn::Expr) -> &[syn::Attribute] {
    use syn::Expr as E;
    match e {
        E::Array(x) => &x.attrs,
        E::Assign(x) => &x.attrs,
        E::Async(x) => &x.attrs,
        E::Await(x) => &x.attrs,
        E::Binary(x) => &x.attrs,
        E::Block(x) => &x.attrs,
        E::Break(x) => &x.attrs,
        E::Call(x) => &x.attrs,
        E::Cast(x) => &x.attrs,
        E::Closure(x) => &x.attrs,
        E::Const(x) => &x.attrs,
        E::Continue(x) => &x.attrs,
        E::Field(x) => &x.attrs,
        E::ForLoop(x) => &x.attrs,
        E::Group(x) => &x.attrs,
        E::If(x) => &x.attrs,
        E::Index(x) => &x.attrs,
        E::Infer(x) => &x.attrs,
        E::Let(x) => &x.attrs,
        E::Lit(x) => &x.attrs,
        E::Loop(x) => &x.attrs,
        E::Macro(x) => &x.attrs,
        E::Match(x) => &x.attrs,
        E::MethodCall(x) => &x.attrs,
        E::Paren(x) => &x.attrs,
        E::Path(x) => &x.attrs,
        E::Range(x) => &x.attrs,
        E::RawAddr(x) => &x.attrs,
        E::Reference(x) => &x.attrs,
        E::Repeat(x) => &x.attrs,
        E::Return(x) => &x.attrs,
        E::Struct(x) => &x.attrs,
        E::Try(x) => &x.attrs,
        E::TryBlock(x) => &x.attrs,
        E::Tuple(x) => &x.attrs,
        E::Unary(x) => &x.attrs,
        E::Unsafe(x) => &x.attrs,
        E::While(x) => &x.attrs,
        E::Yield(x) => &x.attrs,
        _ => &[],
    }
}

#[cfg(test)]
mod tests {
    use syn::spanned::Spanned;

    /// Agrees with syn's span on where each expression starts.
    #[test]
    fn first_token_is_where_syn_spans_start() {
        for source in [
            "x + 1 + 2",
            "-x * 2",
            "!c",
            "(a, b).0",
            "f(x)(y)",
            "a.b.c(d)[e] as f64",
            "v[0] = 3",
            "'outer: loop { break 'outer; }",
            "'w: while c {}",
            "{ x }",
            "unsafe { x }",
            "if c { 1 } else { 2 }",
            "match o { _ => 0 }",
            "::std::f64::consts::PI",
            "<T as Tr>::C",
            "Point { x: 1.0 }",
            "&mut x",
            "[1, 2]",
            "..=5",
            "0..n",
            "assert!(x > 0)",
            "#[cfg(test)] x",
            "|a| a + 1",
            "return x",
        ] {
            let e: syn::Expr = syn::parse_str(source).expect(source);
            assert_eq!(
                super::of(&e).start(),
                e.span().start(),
                "first token of `{source}`"
            );
        }
    }
}
