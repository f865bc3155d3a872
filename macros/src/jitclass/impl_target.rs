//! Which class an impl block is of: a `#[jitclass]` struct by a plain path, a generic class
//! applied to the impl's parameters, or one instantiation of it (`impl Stack<f64>`).

use crate::ctxt::Ctxt;
use quote::quote;
use syn::spanned::Spanned;

/// The class an impl is of: a `#[jitclass]` struct, named by a plain path; a generic
/// class applied to the impl's parameters in order (`impl<T> Stack<T>`), or to type
/// arguments in an impl without parameters (`impl Stack<f64>`, whose arguments come
/// second), whose path is then returned without them.
pub(super) fn self_path(
    cx: &Ctxt,
    self_ty: &syn::Type,
    params: &[syn::Ident],
) -> Option<(syn::Path, Option<Vec<syn::Type>>)> {
    match self_ty {
        syn::Type::Path(p)
            if p.qself.is_none() && p.path.segments.iter().all(|s| s.arguments.is_none()) =>
        {
            if !params.is_empty() {
                cx.error(
                    p.span(),
                    format!(
                        "a generic `#[jitclass]` impl is for the class applied to its parameters: write `{}<{}>`",
                        quote!(#p).to_string().replace(' ', ""),
                        params.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ")
                    ),
                );
                return None;
            }
            Some((p.path.clone(), None))
        }
        syn::Type::Path(p) if p.qself.is_none() && params.is_empty() => instantiation(cx, p),
        syn::Type::Path(p) if p.qself.is_none() => {
            let mut path = p.path.clone();
            let prefix_plain = prefix_without_arguments(&path);
            let last = path.segments.last_mut().expect("a segment");
            let applied = match &last.arguments {
                syn::PathArguments::AngleBracketed(args) => {
                    args.args.len() == params.len()
                        && args.args.iter().zip(params).all(|(a, p)| {
                            matches!(a, syn::GenericArgument::Type(syn::Type::Path(t)) if t.path.is_ident(p))
                        })
                }
                _ => false,
            };
            if prefix_plain
                && let Some(message) = partly_concrete(&last.ident, &last.arguments, params)
            {
                cx.error(last.arguments.span(), message);
                return None;
            }
            if !applied || !prefix_plain {
                cx.error(
                    last.arguments.span(),
                    format!(
                        "a generic `#[jitclass]` impl is for the class applied to its parameters in order: write `{}<{}>`",
                        last.ident,
                        params.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ")
                    ),
                );
                return None;
            }
            last.arguments = syn::PathArguments::None;
            Some((path, None))
        }
        other => {
            cx.error(
                other.span(),
                "`#[jitclass]` impl blocks are for `#[jitclass]` structs, named by a plain path",
            );
            None
        }
    }
}

/// `impl Stack<f64>`: the class's path without its arguments, and the arguments, which
/// are types (rustc checks that they are the class's and meet its bounds, in the glue's
/// impl of the same header).
fn instantiation(cx: &Ctxt, p: &syn::TypePath) -> Option<(syn::Path, Option<Vec<syn::Type>>)> {
    let mut path = p.path.clone();
    let prefix_plain = prefix_without_arguments(&path);
    let last = path.segments.last_mut().expect("a segment");
    let args = match &last.arguments {
        syn::PathArguments::AngleBracketed(args) if prefix_plain => args
            .args
            .iter()
            .map(|a| match a {
                syn::GenericArgument::Type(t) => Some(t.clone()),
                _ => None,
            })
            .collect::<Option<Vec<_>>>(),
        _ => None,
    };
    let Some(args) = args else {
        cx.error(
            last.arguments.span(),
            "a `#[jitclass]` impl is for a class applied to types (`impl Stack<f64>`) or to the impl's parameters in order (`impl<T> Stack<T>`)",
        );
        return None;
    };
    last.arguments = syn::PathArguments::None;
    Some((path, Some(args)))
}

/// Whether every segment of `path` but the last has no arguments (`m::Stack<T>`, not
/// `m<T>::Stack`): only the class's own segment may carry them.
fn prefix_without_arguments(path: &syn::Path) -> bool {
    path.segments
        .iter()
        .rev()
        .skip(1)
        .all(|s| s.arguments.is_none())
}

/// The refusal of an impl whose arguments are types of which some are not parameters of
/// the impl: an impl of the instantiations matching a pattern (`impl<T> Pair<T, f64>`),
/// which rustc accepts and jitclass does not have yet.
fn partly_concrete(
    class: &syn::Ident,
    args: &syn::PathArguments,
    params: &[syn::Ident],
) -> Option<String> {
    let syn::PathArguments::AngleBracketed(args) = args else {
        return None;
    };
    let types: Vec<&syn::Type> = args
        .args
        .iter()
        .map(|a| match a {
            syn::GenericArgument::Type(t) => Some(t),
            _ => None,
        })
        .collect::<Option<_>>()?;
    let is_param = |t: &syn::Type| matches!(t, syn::Type::Path(p) if p.qself.is_none() && params.iter().any(|g| p.path.is_ident(g)));
    if types.iter().all(|t| is_param(t)) {
        return None;
    }
    let show = |t: &syn::Type| quote!(#t).to_string().replace(' ', "");
    let written: Vec<String> = types.iter().map(|t| show(t)).collect();
    // One instantiation: each parameter replaced by a type (`Pair<i64, f64>`).
    let one: Vec<String> = types
        .iter()
        .map(|t| {
            if is_param(t) {
                "i64".to_string()
            } else {
                show(t)
            }
        })
        .collect();
    let all: Vec<String> = (0..types.len())
        .map(|i| ((b'A' + (i % 26) as u8) as char).to_string())
        .collect();
    Some(format!(
        "an impl of a generic `#[jitclass]` struct for some of its instantiations (`{class}<{}>`) is not supported yet: write an impl for all of them (`impl<{}> {class}<{}>`) or for one (`impl {class}<{}>`)",
        written.join(", "),
        all.join(", "),
        all.join(", "),
        one.join(", "),
    ))
}
