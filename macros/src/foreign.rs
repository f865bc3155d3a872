//! `#[jit] extern "C" { fn name(..) -> ..; }`: C functions of the process that jit code
//! calls, found by symbol when a caller is compiled.
//!
//! For each declared function the expansion is:
//! - `fn name` with the declared signature and the C ABI, callable from Rust too (it
//!   looks the symbol up at its first call); `unsafe` unless declared `safe fn` in an
//!   `unsafe extern "C"` block, as Rust 2024 spells it;
//! - `struct name {}` with `name::dispatcher()`, whose IR carries the signature and the
//!   symbol, so that callers' glue resolves the name with rustc like any jit fn.

use crate::glue::{dispatcher_items, fn_info, glue_signature};
use jitclass_core::ir::ForeignFn;
use jitclass_core::lower::lower_foreign_fn;
use proc_macro2::{TokenStream, TokenTree};
use quote::quote;
use syn::spanned::Spanned;

pub fn expand(block: syn::ItemForeignMod) -> TokenStream {
    let mut errors = Vec::new();
    if block.abi.name.as_ref().is_some_and(|n| n.value() != "C") {
        errors.push(syn::Error::new(
            block.abi.span(),
            "jit code calls C functions: write `extern \"C\" { .. }`",
        ));
    }
    let mut out = TokenStream::new();
    for item in &block.items {
        let (f, safe) = match item {
            syn::ForeignItem::Fn(f) => (f.clone(), false),
            syn::ForeignItem::Verbatim(tokens) => match safe_fn(tokens) {
                Some(f) => (f, true),
                None => {
                    errors.push(syn::Error::new(
                        item.span(),
                        "a `#[jit] extern \"C\"` block declares functions: `fn name(x: f64) -> f64;` or `safe fn ..`",
                    ));
                    continue;
                }
            },
            other => {
                errors.push(syn::Error::new(
                    other.span(),
                    "a `#[jit] extern \"C\"` block declares functions only; statics and types are not supported",
                ));
                continue;
            }
        };
        if safe && block.unsafety.is_none() {
            errors.push(syn::Error::new(
                f.sig.ident.span(),
                "`safe fn` is only allowed in an `unsafe extern \"C\"` block",
            ));
        }
        match declared_fn(&f, safe) {
            Ok(tokens) => out.extend(tokens),
            Err(e) => errors.extend(e),
        }
    }
    let errors = errors.iter().map(syn::Error::to_compile_error);
    quote! { #(#errors)* #out }
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

fn declared_fn(f: &syn::ForeignItemFn, safe: bool) -> Result<TokenStream, Vec<syn::Error>> {
    let mut symbol = f.sig.ident.to_string();
    let mut attrs = Vec::new();
    for a in &f.attrs {
        if a.path().is_ident("link_name") {
            let syn::Meta::NameValue(nv) = &a.meta else {
                return Err(vec![syn::Error::new(
                    a.span(),
                    "write `#[link_name = \"symbol\"]`",
                )]);
            };
            match &nv.value {
                syn::Expr::Lit(syn::ExprLit {
                    lit: syn::Lit::Str(s),
                    ..
                }) => symbol = s.value(),
                other => {
                    return Err(vec![syn::Error::new(
                        other.span(),
                        "write `#[link_name = \"symbol\"]`",
                    )]);
                }
            }
        } else {
            attrs.push(a.clone());
        }
    }
    let lowered = lower_foreign_fn(f, ForeignFn { symbol, safe })?;
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
    let info = fn_info(&name_str, &lowered, false, &syn::Generics::default());
    let dispatcher = dispatcher_items(&as_item, info);
    let (mut glue_sig, arg_names) = glue_signature(&sig, Some(&lowered));
    if !safe {
        glue_sig.unsafety = Some(syn::parse_quote!(unsafe));
    }
    let name = &f.sig.ident;
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
    Ok(quote! {
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
