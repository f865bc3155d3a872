//! `#[getter]` and `#[setter]` functions of an inherent `#[jitclass] impl`, and the rules
//! of their shapes: jit code reads `v.name` through `fn name(&self) -> T` and writes
//! `v.name = x` through `fn set_name(&mut self, x: T)`.

use crate::ctxt::Ctxt;
use crate::glue::cfgs_of;
use jitclass_core::infer::FnKind;
use jitclass_core::member_hash;
use proc_macro2::{Span, TokenStream};
use quote::quote;
use syn::spanned::Spanned;

pub(super) fn is_property_attr(a: &syn::Attribute) -> bool {
    a.path().is_ident("getter") || a.path().is_ident("setter")
}

/// `FnKind::Plain`, or `Getter` / `Setter` for a `#[getter]` / `#[setter]` function whose
/// shape is right; `None` (the first rule it breaks reported in `cx`) otherwise.
pub(super) fn kind(cx: &Ctxt, f: &syn::ImplItemFn, in_trait: bool) -> Option<FnKind> {
    let attrs: Vec<&syn::Attribute> = f.attrs.iter().filter(|a| is_property_attr(a)).collect();
    let Some(attr) = attrs.first() else {
        return Some(FnKind::Plain);
    };
    let getter = attr.path().is_ident("getter");
    let which = if getter { "#[getter]" } else { "#[setter]" };
    let shaped = check_one_property_attr(cx, &attrs)
        && check_no_arguments(cx, attr, which)
        && check_inherent(cx, attr, which, in_trait)
        && if getter {
            check_getter_receiver(cx, f)
                && check_getter_params(cx, f)
                && check_getter_returns(cx, f)
        } else {
            check_setter_name(cx, f)
                && check_setter_receiver(cx, f)
                && check_setter_params(cx, f)
                && check_setter_returns(cx, f)
        };
    match (shaped, getter) {
        (false, _) => None,
        (true, true) => Some(FnKind::Getter),
        (true, false) => Some(FnKind::Setter),
    }
}

/// What a property is to the shadows of jit code (`crate::shadow`): a `#[getter] fn
/// name(&self) -> T` makes `name` a `Member` of the class of type `T`, a `#[setter] fn
/// set_name(&mut self, value: U)` a `Settable` taking a `U`; nothing for other functions.
/// Of a generic class (`impl<T: Bound> Span<T>`), a member of the instantiations the
/// impl's bounds allow.
pub(super) fn member(
    f: &syn::ImplItemFn,
    kind: FnKind,
    generics: &syn::Generics,
    class: &syn::Type,
) -> TokenStream {
    let shadow = quote!(::jitclass::__private::shadow);
    let (impl_g, _, where_c) = generics.split_for_impl();
    let cfgs = cfgs_of(&f.attrs);
    let name = f.sig.ident.to_string();
    let name = name.strip_prefix("r#").unwrap_or(&name);
    let member = match kind {
        FnKind::Plain => return TokenStream::new(),
        FnKind::Getter => {
            let hash = member_hash(name);
            let syn::ReturnType::Type(_, ty) = &f.sig.output else {
                return TokenStream::new();
            };
            // `Self` in the type is the class, as in the impl.
            quote! {
                impl #impl_g #shadow::Member<#shadow::Name<#hash>> for #class #where_c {
                    type T = #ty;
                }
            }
        }
        FnKind::Setter => {
            let hash = member_hash(name.strip_prefix("set_").unwrap_or(name));
            let Some(syn::FnArg::Typed(value)) = f.sig.inputs.iter().nth(1) else {
                return TokenStream::new();
            };
            let ty = &value.ty;
            quote! {
                impl #impl_g #shadow::Settable<#shadow::Name<#hash>> for #class #where_c {
                    type T = #ty;
                }
            }
        }
    };
    quote! {
        #(#cfgs)*
        const _: () = {
            #member
        };
    }
}

/// Reports `message` at `span` and fails the rule.
fn broken(cx: &Ctxt, span: Span, message: impl std::fmt::Display) -> bool {
    cx.error(span, message);
    false
}

fn check_one_property_attr(cx: &Ctxt, attrs: &[&syn::Attribute]) -> bool {
    match attrs.get(1) {
        Some(second) => broken(
            cx,
            second.span(),
            "a function is either a `#[getter]` or a `#[setter]`, once",
        ),
        None => true,
    }
}

fn check_no_arguments(cx: &Ctxt, attr: &syn::Attribute, which: &str) -> bool {
    matches!(attr.meta, syn::Meta::Path(_))
        || broken(
            cx,
            attr.span(),
            format!("`{which}` takes no arguments: the property is named after the function"),
        )
}

fn check_inherent(cx: &Ctxt, attr: &syn::Attribute, which: &str, in_trait: bool) -> bool {
    !in_trait
        || broken(
            cx,
            attr.span(),
            format!("`{which}` belongs in an inherent `#[jitclass] impl`, not a trait impl"),
        )
}

/// The parameters besides `self`.
fn value_params(f: &syn::ImplItemFn) -> usize {
    f.sig
        .inputs
        .iter()
        .filter(|a| matches!(a, syn::FnArg::Typed(_)))
        .count()
}

fn returns_value(f: &syn::ImplItemFn) -> bool {
    !matches!(f.sig.output, syn::ReturnType::Default)
}

fn check_getter_receiver(cx: &Ctxt, f: &syn::ImplItemFn) -> bool {
    match f.sig.receiver() {
        Some(r) if r.reference.is_some() && r.mutability.is_none() => true,
        Some(r) => broken(
            cx,
            r.span(),
            "a `#[getter]` takes `&self`: reading a property does not change the instance",
        ),
        None => broken(
            cx,
            f.sig.ident.span(),
            "a `#[getter]` is a method: it takes `&self`",
        ),
    }
}

fn check_getter_params(cx: &Ctxt, f: &syn::ImplItemFn) -> bool {
    value_params(f) == 0
        || broken(
            cx,
            f.sig.inputs.span(),
            "a `#[getter]` takes no parameters besides `&self`",
        )
}

fn check_getter_returns(cx: &Ctxt, f: &syn::ImplItemFn) -> bool {
    returns_value(f)
        || broken(
            cx,
            f.sig.ident.span(),
            "a `#[getter]` returns the property's value",
        )
}

fn check_setter_name(cx: &Ctxt, f: &syn::ImplItemFn) -> bool {
    let name = f.sig.ident.to_string();
    name.strip_prefix("set_").is_some_and(|p| !p.is_empty())
        || broken(
            cx,
            f.sig.ident.span(),
            format!(
                "a `#[setter]` is named `set_<property>`, so that jit code writes `v.<property> = value`; found `{name}`"
            ),
        )
}

fn check_setter_receiver(cx: &Ctxt, f: &syn::ImplItemFn) -> bool {
    match f.sig.receiver() {
        Some(r) if r.reference.is_some() && r.mutability.is_some() => true,
        Some(r) => broken(cx, r.span(), "a `#[setter]` takes `&mut self`"),
        None => broken(
            cx,
            f.sig.ident.span(),
            "a `#[setter]` is a method: it takes `&mut self`",
        ),
    }
}

fn check_setter_params(cx: &Ctxt, f: &syn::ImplItemFn) -> bool {
    value_params(f) == 1
        || broken(
            cx,
            f.sig.inputs.span(),
            "a `#[setter]` takes `&mut self` and the new value",
        )
}

fn check_setter_returns(cx: &Ctxt, f: &syn::ImplItemFn) -> bool {
    !returns_value(f) || broken(cx, f.sig.output.span(), "a `#[setter]` returns nothing")
}
