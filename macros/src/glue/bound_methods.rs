//! Method calls on values of a bounded type parameter, checked by rustc against the
//! bounds (E0599 for a method no bound provides), as a generic Rust fn's body is.
//!
//! A generic jit body is typed per specialisation, where a method is looked up on the
//! class the fn is specialised for. rustc instead reaches a type parameter's methods only
//! through its bounds (a class's inherent methods never). For a parameter the user bounds
//! (`S: Shape`, or in the `where` clause), each call whose receiver's type is known from
//! the signature alone (a parameter of type `S`, `&S` or `&mut S`, the variable of a
//! `for` over a parameter of type `&[S]` / `&mut [S]`, or a `let` copy of one of these) is
//! repeated in the generic `check` fn on a value of that type, at the method's token, so
//! rustc reports it in its words. A parameter with no written bound keeps duck typing
//! over classes (the book's rule). Only a fn that has such an unbounded parameter beside
//! its bounded ones gets these checks: one whose parameters are all bounded has a shadow,
//! in which rustc checks the whole body (`crate::shadow`).

use super::signature::bounded_params;
use jitclass_core::ir::{ExprId, ExprKind, LocalId, Pattern, Stmt, TypeExpr};
use jitclass_core::lower::Lowered;
use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned};

/// The checks of the body's method calls on values of the type parameters `written`
/// bounds (the user's generics, before the glue adds its own).
pub(crate) fn bound_method_checks(l: &Lowered, written: &syn::Generics) -> Vec<TokenStream> {
    let bounded = bounded_params(written);
    // The Rust type of a value of IR type `ty`, if it is `S`, `&S` or `&mut S` for a
    // bounded `S`.
    let rust_type = |ty: &TypeExpr| -> Option<TokenStream> {
        let (i, reference) = match ty {
            TypeExpr::Generic(i) => (*i, None),
            TypeExpr::Ref { inner, mutable } => match **inner {
                TypeExpr::Generic(i) => (i, Some(*mutable)),
                _ => return None,
            },
            _ => return None,
        };
        let ident = bounded.get(i as usize).copied().flatten()?;
        Some(match reference {
            None => quote!(#ident),
            Some(false) => quote!(&#ident),
            Some(true) => quote!(&mut #ident),
        })
    };
    let typed = signature_typed_locals(l, rust_type);
    let mut checks = Vec::new();
    for call in local_method_calls(l) {
        let LocalMethodCall {
            index: i,
            receiver,
            local,
            method,
            span,
            args,
        } = call;
        let Some(typed) = typed.iter().find(|t| t.local == local) else {
            continue;
        };
        // The receiver is declared with the user's name and typed at the written type of
        // the parameter it comes from, so that rustc's words are the body's (E0596
        // "cannot borrow `*x` as mutable, as it is behind a `&` reference") and its help
        // (`&S` -> `&mut S`) rewrites the user's signature.
        let type_span = l.param_type_spans[typed.param];
        let ty = respanned(typed.ty.clone(), type_span);
        // The call with the user's spans (receiver, method, arguments, parentheses), so
        // that rustc's suggestions (E0034's `Left::side(&s)`) rewrite the call as written.
        let method = format_ident!("{method}", span = span);
        let receiver_span = l.spans[l.ir.expr(receiver).loc.index()];
        let receiver = format_ident!("{}", l.ir.local(local).name, span = receiver_span);
        let args = args.iter().map(|a| {
            let span = l.spans[l.ir.expr(*a).loc.index()];
            quote_spanned!(span=> ::core::unreachable!())
        });
        let mut parens =
            proc_macro2::Group::new(proc_macro2::Delimiter::Parenthesis, quote!(#(#args),*));
        let paren_span = l.method_parens.iter().find(|(id, _)| id.index() == i);
        parens.set_span(paren_span.map_or(span, |(_, s)| *s));
        let binding = by_value_mut(&typed.ty);
        checks.push(quote_spanned! {span=>
            #[allow(unused_mut)]
            let _ = |#binding #receiver: #ty| {
                let _ = #receiver.#method #parens;
            };
        });
    }
    checks
}

/// A method call of the body on a local (`x.m(..)`), which the bound checks repeat in a
/// never-called closure over that local.
pub(super) struct LocalMethodCall<'a> {
    /// The call's expression, by index.
    pub(super) index: usize,
    pub(super) receiver: ExprId,
    /// The local the receiver names.
    pub(super) local: LocalId,
    /// The method's name as the IR holds it (a lowered form may hold no identifier:
    /// callers make it one only for the calls they repeat).
    pub(super) method: &'a str,
    /// The call's span.
    pub(super) span: proc_macro2::Span,
    pub(super) args: &'a [ExprId],
}

/// The body's method calls whose receiver is a local, in the body's order.
pub(super) fn local_method_calls(l: &Lowered) -> impl Iterator<Item = LocalMethodCall<'_>> {
    l.ir.exprs.iter().enumerate().filter_map(|(index, e)| {
        let ExprKind::MethodCall {
            receiver,
            method,
            args,
        } = &e.kind
        else {
            return None;
        };
        let ExprKind::Local(local) = l.ir.expr(*receiver).kind else {
            return None;
        };
        let span = l.spans[e.loc.index()];
        Some(LocalMethodCall {
            index,
            receiver: *receiver,
            local,
            method,
            span,
            args,
        })
    })
}

/// A local whose Rust type the signature decides.
#[derive(Clone)]
pub(super) struct TypedLocal {
    pub(super) local: LocalId,
    /// Its Rust type.
    pub(super) ty: TokenStream,
    /// The parameter (by index) whose written type decides it.
    pub(super) param: usize,
}

/// Each local whose Rust type the signature decides, as `rust_type` writes it: the
/// parameters, the variables of `for` loops over a parameter slice (a `&T` / `&mut T`
/// of its element), and the locals an unannotated `let` binds to one of these (`let w =
/// u;`, which has `u`'s type).
pub(super) fn signature_typed_locals(
    l: &Lowered,
    rust_type: impl Fn(&TypeExpr) -> Option<TokenStream>,
) -> Vec<TypedLocal> {
    let param_of = |local: LocalId| l.ir.params.iter().position(|p| p.local == local);
    let mut typed: Vec<TypedLocal> =
        l.ir.params
            .iter()
            .enumerate()
            .filter_map(|(param, p)| {
                // A `&S` parameter is held as the instance: its Rust type is the reference.
                let ty = match l.ir.local(p.local).by_ref {
                    Some(mutable) => rust_type(&TypeExpr::Ref {
                        inner: Box::new(p.ty.clone()),
                        mutable,
                    })?,
                    None => rust_type(&p.ty)?,
                };
                Some(TypedLocal {
                    local: p.local,
                    ty,
                    param,
                })
            })
            .collect();
    for e in &l.ir.exprs {
        if let ExprKind::ForEach { var, iterable, .. } = &e.kind
            && let ExprKind::Local(over) = l.ir.expr(*iterable).kind
            && let Some(param) = param_of(over)
            && let TypeExpr::Slice { elem, mutable } = &l.ir.params[param].ty
            && let Some(ty) = rust_type(&TypeExpr::Ref {
                inner: elem.clone(),
                mutable: *mutable,
            })
        {
            typed.push(TypedLocal {
                local: *var,
                ty,
                param,
            });
        }
    }
    // `let` copies, to a fixpoint (`let w = u; let x = w;`).
    loop {
        let before = typed.len();
        for e in &l.ir.exprs {
            let ExprKind::Block(block) = &e.kind else {
                continue;
            };
            for stmt in &block.stmts {
                if let Stmt::Let {
                    pattern: Pattern::Bind(bound),
                    ty: None,
                    init: Some(init),
                    ..
                } = stmt
                    && let ExprKind::Local(from) = l.ir.expr(*init).kind
                    && !typed.iter().any(|t| t.local == *bound)
                    && let Some(copied) = typed.iter().find(|t| t.local == from)
                {
                    typed.push(TypedLocal {
                        local: *bound,
                        ..copied.clone()
                    });
                }
            }
        }
        if typed.len() == before {
            return typed;
        }
    }
}

/// `mut` for a check closure's parameter of a by-value type (`S`, `Vec<S>`): whether the
/// user's variable is `mut` is jit code's check (with rustc's words and help, at the first
/// compilation); a reference's own mutability is the check's.
pub(super) fn by_value_mut(ty: &TokenStream) -> TokenStream {
    match ty.clone().into_iter().next() {
        Some(proc_macro2::TokenTree::Punct(p)) if p.as_char() == '&' => TokenStream::new(),
        _ => quote!(mut),
    }
}

/// `tokens` with every token at `span`.
pub(super) fn respanned(tokens: TokenStream, span: proc_macro2::Span) -> TokenStream {
    tokens
        .into_iter()
        .map(|mut tree| {
            if let proc_macro2::TokenTree::Group(g) = &tree {
                let mut group = proc_macro2::Group::new(g.delimiter(), respanned(g.stream(), span));
                group.set_span(span);
                tree = proc_macro2::TokenTree::Group(group);
            } else {
                tree.set_span(span);
            }
            tree
        })
        .collect()
}
