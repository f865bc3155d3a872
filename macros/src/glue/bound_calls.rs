//! Calls of jit fns with values of a bounded type parameter, checked by rustc against the
//! callee's bounds (E0277 "the trait bound `U: Tag` is not satisfied" at the argument),
//! as a generic Rust fn's body is: `fn layer2<U: Weigh>(xs: &[U]) { layer3(xs) }` with
//! `layer3<V: Weigh + Tag>` is refused at build time, not at the first call.
//!
//! A call is repeated in the generic `check` fn when one of its arguments is a value the
//! signature types with a bounded parameter (`s: S`, `s: &S`, `xs: &[S]`, a `for`
//! variable over such a slice, a `let` copy of one) and each other one is too or is a
//! literal (`layer3(u, 2)`: a literal of the same kind stands in, typed by rustc as the
//! body's is), so that rustc infers the callee's generic arguments from them alone (a
//! parameter with no written bound keeps duck typing). A call with any other argument
//! is checked at the first call. Only for a fn with an unbounded parameter beside its
//! bounded ones: one whose parameters are all bounded has a shadow (`crate::shadow`).

use super::signature::bounded_params;
use jitclass_core::PrimTy;
use jitclass_core::ir::{ExprKind, Lit, TypeExpr};
use jitclass_core::lower::Lowered;
use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned};

/// The checks of the body's calls of jit fns whose arguments are all values of the type
/// parameters `written` bounds.
pub(crate) fn bound_call_checks(l: &Lowered, written: &syn::Generics) -> Vec<TokenStream> {
    let bounded = bounded_params(written);
    // The Rust type of a value of IR type `ty` naming a bounded parameter.
    let rust_type = |ty: &TypeExpr| -> Option<TokenStream> {
        let generic = |t: &TypeExpr| match t {
            TypeExpr::Generic(i) => bounded.get(*i as usize).copied().flatten(),
            _ => None,
        };
        Some(match ty {
            TypeExpr::Ref { inner, mutable } => {
                let p = generic(inner)?;
                if *mutable {
                    quote!(&mut #p)
                } else {
                    quote!(&#p)
                }
            }
            TypeExpr::Slice { elem, mutable } => {
                let p = generic(elem)?;
                if *mutable {
                    quote!(&mut [#p])
                } else {
                    quote!(&[#p])
                }
            }
            other => {
                let p = generic(other)?;
                quote!(#p)
            }
        })
    };
    let typed = super::bound_methods::signature_typed_locals(l, rust_type);
    let mut checks = Vec::new();
    for e in &l.ir.exprs {
        let ExprKind::Call { callee, args } = &e.kind else {
            continue;
        };
        if args.is_empty() {
            continue;
        }
        let arguments: Option<Vec<Argument>> = args
            .iter()
            .map(|a| {
                let span = l.spans[l.ir.expr(*a).loc.index()];
                match &l.ir.expr(*a).kind {
                    ExprKind::Local(local) => {
                        let typed = typed.iter().find(|t| t.local == *local)?;
                        Some(Argument::Typed(&typed.ty, span))
                    }
                    ExprKind::Lit(lit) => Some(Argument::Literal(literal_of_kind(lit, span))),
                    _ => None,
                }
            })
            .collect();
        let Some(arguments) = arguments else {
            continue;
        };
        if !arguments.iter().any(|a| matches!(a, Argument::Typed(..))) {
            continue;
        }
        let path = &l.ref_paths[callee.index()];
        let mut params = Vec::new();
        let mut values = Vec::new();
        for (i, argument) in arguments.into_iter().enumerate() {
            match argument {
                Argument::Typed(ty, span) => {
                    let name = format_ident!("__jitclass_arg{i}", span = span);
                    params.push(quote!(#name: #ty));
                    values.push(quote!(#name));
                }
                Argument::Literal(lit) => values.push(lit),
            }
        }
        let span = l.spans[e.loc.index()];
        checks.push(quote_spanned! {span=>
            let _ = |#(#params),*| {
                let _ = #path(#(#values),*);
            };
        });
    }
    checks
}

/// An argument of a checked call.
enum Argument<'a> {
    /// A value of the Rust type the signature gives it, at the argument's span.
    Typed(&'a TokenStream, proc_macro2::Span),
    /// A literal's stand-in.
    Literal(TokenStream),
}

/// A literal of `lit`'s kind and suffix, at `span`: its type is what rustc gives the
/// body's literal in the same place (its value does not matter to a type check, and a
/// zero is in range of every type).
fn literal_of_kind(lit: &Lit, span: proc_macro2::Span) -> TokenStream {
    let suffixed = |kind: &str, suffix: &Option<PrimTy>| {
        let text = match suffix {
            Some(p) => format!("{kind}{}", p.name()),
            None => kind.to_string(),
        };
        let mut literal: proc_macro2::Literal = text.parse().expect("a numeric literal");
        literal.set_span(span);
        quote!(#literal)
    };
    match lit {
        Lit::Int(_, suffix) => suffixed("0", suffix),
        Lit::Float(_, suffix) => suffixed("0.0", suffix),
        Lit::Bool(_) => quote_spanned!(span=> false),
        Lit::Char(_) => quote_spanned!(span=> 'a'),
        Lit::Str(_) => quote_spanned!(span=> ""),
        Lit::ByteStr(_) => quote_spanned!(span=> b""),
        Lit::Unit => quote_spanned!(span=> ()),
    }
}
