//! `#[jit] extern "C" { fn name(..) -> ..; }`: C functions of the process that jit code
//! calls, found by symbol when a caller is compiled.
//!
//! For each declared function the expansion is:
//! - `fn name` with the declared signature and the C ABI, callable from Rust too (it
//!   looks the symbol up at its first call); `unsafe` unless declared `safe fn` in an
//!   `unsafe extern "C"` block, as Rust 2024 spells it;
//! - `struct name {}` with `name::dispatcher()`, whose IR carries the signature and the
//!   symbol, so that callers' glue resolves the name with rustc like any jit fn.

use crate::ctxt::Ctxt;
use crate::glue::{dispatcher_items, fn_info, glue_signature};
use jitclass_core::ir::ForeignFn;
use jitclass_core::lower::lower_foreign_fn;
use proc_macro2::{TokenStream, TokenTree};
use quote::quote;
use syn::spanned::Spanned;

/// The glue of each function `block` declares; the errors of the others in `cx`.
pub(crate) fn expand(cx: &Ctxt, block: syn::ItemForeignMod) -> TokenStream {
    check_c_abi(cx, &block);
    let mut out = TokenStream::new();
    for item in &block.items {
        let Some((f, safe)) = declared(cx, item) else {
            continue;
        };
        if safe {
            check_safe_in_unsafe_block(cx, &f, &block);
        }
        out.extend(declared_fn(cx, &f, safe));
    }
    out
}

fn check_c_abi(cx: &Ctxt, block: &syn::ItemForeignMod) {
    if block.abi.name.as_ref().is_some_and(|n| n.value() != "C") {
        cx.error(
            block.abi.span(),
            "jit code calls C functions: write `extern \"C\" { .. }`",
        );
    }
}

/// The function `item` declares, and whether it is declared `safe fn`.
fn declared(cx: &Ctxt, item: &syn::ForeignItem) -> Option<(syn::ForeignItemFn, bool)> {
    match item {
        syn::ForeignItem::Fn(f) => Some((f.clone(), false)),
        syn::ForeignItem::Verbatim(tokens) => match safe_fn(tokens) {
            Some(f) => Some((f, true)),
            None => {
                cx.error(
                    item.span(),
                    "a `#[jit] extern \"C\"` block declares functions: `fn name(x: f64) -> f64;` or `safe fn ..`",
                );
                None
            }
        },
        other => {
            cx.error(
                other.span(),
                "a `#[jit] extern \"C\"` block declares functions only; statics and types are not supported",
            );
            None
        }
    }
}

fn check_safe_in_unsafe_block(cx: &Ctxt, f: &syn::ForeignItemFn, block: &syn::ItemForeignMod) {
    if block.unsafety.is_none() {
        cx.error(
            f.sig.ident.span(),
            "`safe fn` is only allowed in an `unsafe extern \"C\"` block",
        );
    }
}

/// `safe fn f(..);`, which syn keeps as tokens: the function without `safe`.
fn safe_fn(tokens: &TokenStream) -> Option<syn::ForeignItemFn> {
    let mut seen_safe = false;
    let rest: TokenStream = tokens
        .clone()
        .into_iter()
        .filter(|t| {
            let is_safe = !seen_safe && matches!(t, TokenTree::Ident(i) if i == "safe");
            seen_safe |= is_safe;
            !is_safe
        })
        .collect();
    if !seen_safe {
        return None;
    }
    syn::parse2(rest).ok()
}

/// The glue of one C function; `None` (errors in `cx`) if its declaration is not one jit
/// code can call.
fn declared_fn(cx: &Ctxt, f: &syn::ForeignItemFn, safe: bool) -> Option<TokenStream> {
    let (symbol, attrs) = symbol_and_attrs(cx, f)?;
    let lowered = cx.ok(lower_foreign_fn(f, ForeignFn { symbol, safe }))?;
    // The Rust glue and the dispatcher, as for an `extern "C"` jit fn; only a safe
    // function gets `name::cfunc_ptr()`, a safe function pointer.
    let mut sig = f.sig.clone();
    sig.abi = Some(syn::parse_quote!(extern "C"));
    sig.unsafety = None;
    let as_item = syn::ItemFn {
        attrs: attrs.clone(),
        vis: f.vis.clone(),
        sig: if safe {
            sig.clone()
        } else {
            syn::Signature {
                abi: None,
                ..sig.clone()
            }
        },
        block: Box::new(syn::parse_quote!({})),
    };
    let name_str = f.sig.ident.to_string();
    // A C function's signature has C scalars only: no array lengths to hoist.
    let name = &f.sig.ident;
    let info = fn_info(
        &name_str,
        &lowered,
        false,
        &syn::Generics::default(),
        &syn::Generics::default(),
        &[],
        &quote!(#name),
        false,
    );
    let dispatcher = dispatcher_items(&as_item, info, TokenStream::new());
    let (mut glue_sig, arg_names) = glue_signature(&sig, Some(&lowered));
    if !safe {
        glue_sig.unsafety = Some(syn::parse_quote!(unsafe));
    }
    let vis = &f.vis;
    let params = glue_sig.inputs.iter().filter_map(|input| match input {
        syn::FnArg::Typed(pt) => Some(pt.ty.clone()),
        syn::FnArg::Receiver(_) => None,
    });
    let output = &glue_sig.output;
    let doc = format!(
        "The C function `{}` of this process, found by symbol at the first call.",
        lowered.ir.foreign.as_ref().map_or("", |f| &f.symbol)
    );
    Some(quote! {
        #(#attrs)*
        #[doc = #doc]
        #vis #glue_sig {
            let __jitclass_c = #name::__JITCLASS.cfunc();
            // SAFETY: the dispatcher found the symbol this block declares with this C
            // signature; the declaration is the caller's promise that it is right, as
            // for any `extern "C"` block.
            let __jitclass_c = unsafe {
                ::core::mem::transmute::<*const (), extern "C" fn(#(#params),*) #output>(__jitclass_c)
            };
            __jitclass_c(#(#arg_names),*)
        }
        #dispatcher
    })
}

/// The symbol of `f` (its name, or its `#[link_name = "symbol"]`), and its other
/// attributes.
fn symbol_and_attrs(cx: &Ctxt, f: &syn::ForeignItemFn) -> Option<(String, Vec<syn::Attribute>)> {
    let mut symbol = f.sig.ident.to_string();
    let mut attrs = Vec::new();
    for a in &f.attrs {
        if a.path().is_ident("link_name") {
            let syn::Meta::NameValue(nv) = &a.meta else {
                cx.error(a.span(), "write `#[link_name = \"symbol\"]`");
                return None;
            };
            match &nv.value {
                syn::Expr::Lit(syn::ExprLit {
                    lit: syn::Lit::Str(s),
                    ..
                }) => symbol = s.value(),
                other => {
                    cx.error(other.span(), "write `#[link_name = \"symbol\"]`");
                    return None;
                }
            }
        } else {
            attrs.push(a.clone());
        }
    }
    Some((symbol, attrs))
}
