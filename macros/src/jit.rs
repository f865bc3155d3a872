//! `#[jit]` on a fn: parse -> lower to IR -> check -> emit glue (`#[jit] extern "C"`
//! blocks go to `foreign.rs`, `#[jit] trait`s to `jit_trait.rs`).
//!
//! For `fn f(a: A, b: B) -> R` the expansion is:
//! - `fn f` with the same signature, whose body asks `f`'s dispatcher for the entry point
//!   and calls it through `jitclass::__private::call_N`;
//! - `struct f {}` in the type namespace with `f::dispatcher()` and the hidden static
//!   dispatcher (IR bytes, source locations, called functions resolved by rustc);
//! - for non-generic functions, the shadow: a never-called copy of the body as Rust under
//!   the original signature, which rustc type-checks with its own messages (`shadow/`).
//!
//! The items besides the glue fn are shared with methods and C functions, in `glue/`.

use crate::ctxt::Ctxt;
use crate::glue::{cfgs_of, dispatcher_items, failed_fn, fn_info, glue_signature, hoisted_items};
use crate::lowering::lower_and_check;
use crate::shadow::fn_shadow;
use jitclass_core::lower::{Lowered, lower_fn};
use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote};
use syn::spanned::Spanned;

pub(crate) fn expand(attr: TokenStream, item: TokenStream) -> TokenStream {
    let cx = Ctxt::new();
    let tokens = expand_item(&cx, attr, item);
    cx.finish(tokens)
}

fn expand_item(cx: &Ctxt, attr: TokenStream, item: TokenStream) -> TokenStream {
    let func: syn::ItemFn = match syn::parse2(item.clone()) {
        Ok(f) => f,
        Err(_) if let Ok(t) = syn::parse2::<syn::ItemTrait>(item.clone()) => {
            check_no_arguments(cx, &attr);
            return crate::jit_trait::expand(cx, t);
        }
        Err(_) if attr.is_empty() && syn::parse2::<syn::ItemForeignMod>(item.clone()).is_ok() => {
            let block = syn::parse2(item).expect("parsed above");
            return crate::foreign::expand(cx, block);
        }
        Err(_) => {
            cx.error(
                Span::call_site(),
                "`#[jit]` applies to free functions; use `#[jitclass]` for structs and impl blocks",
            );
            // The item itself stays, so that its users get no follow-up errors.
            return item;
        }
    };
    let start = cx.mark();
    check_no_arguments(cx, &attr);
    let lowered = lower_and_check(cx, &func.sig, || lower_fn(&func));
    match lowered {
        Some(l) if !cx.failed_since(start) => emit(&func, &l),
        _ => emit_failed(&func),
    }
}

fn check_no_arguments(cx: &Ctxt, attr: &TokenStream) {
    if !attr.is_empty() {
        // The function is still emitted, so that its callers get no follow-up errors.
        cx.error(attr.span(), "`#[jit]` takes no arguments");
    }
}

fn emit(func: &syn::ItemFn, l: &Lowered) -> TokenStream {
    let name = &func.sig.ident;
    let vis = &func.vis;
    let attrs = &func.attrs;
    let (sig, arg_names) = glue_signature(&func.sig, Some(l));
    let call = format_ident!("call_{}", arg_names.len());
    // A `&S` of a type parameter crosses as the value `S` does, borrowed (`ByRef`).
    let args = arg_names.iter().zip(&l.ir.params).map(|(name, p)| {
        match (l.ir.local(p.local).by_ref, &p.ty) {
            (Some(_), jitclass_core::ir::TypeExpr::Generic(_)) => {
                quote!(::jitclass::__private::ByRef(&*#name))
            }
            _ => quote!(#name),
        }
    });
    let call_expr = quote!(::jitclass::__private::#call(__jitclass_entry, #(#args),*));
    let wrap_result = crate::glue::result_call(l, call_expr);
    let generic_idents: Vec<&syn::Ident> = func
        .sig
        .generics
        .type_params()
        .map(|tp| &tp.ident)
        .collect();
    let entry = if generic_idents.is_empty() {
        quote! { #name::__JITCLASS.entry() }
    } else {
        quote! {
            #name::__JITCLASS.entry_for::<(#(#generic_idents,)*)>(
                || ::std::vec![#(<#generic_idents as ::jitclass::JitArg>::jit_type()),*]
            )
        }
    };
    let info = fn_info(
        &func.sig.ident.to_string(),
        l,
        func.sig.abi.is_some(),
        &sig.generics,
        &func.sig.generics,
        &crate::jitclass::generic::params(&func.sig.generics),
        &quote!(#name),
        crate::shadow::has_shadow(&func.sig, &func.block, &func.sig.generics, false),
    );
    let dispatcher = dispatcher_items(func, info, hoisted_items(&l.consts));
    let shadow = fn_shadow(func, l);
    // `#[track_caller]` needs the Rust ABI; an `extern "C"` glue fn is C-callable itself.
    let track_caller = if func.sig.abi.is_none() {
        quote! { #[track_caller] }
    } else {
        TokenStream::new()
    };
    quote! {
        #(#attrs)*
        #track_caller
        #[inline]
        #vis #sig {
            let __jitclass_entry = #entry;
            // SAFETY: the dispatcher compiled this entry point for exactly these parameter
            // and return types, under the calling convention `call_N` implements.
            #wrap_result
        }
        #dispatcher
        #shadow
    }
}

/// After errors (emitted before it): the function with its signature and a panicking
/// body, and `struct f`, so that callers still type-check and produce no follow-up errors.
fn emit_failed(func: &syn::ItemFn) -> TokenStream {
    let vis = &func.vis;
    let (sig, _) = glue_signature(&func.sig, None);
    let name = &func.sig.ident;
    let cfgs = cfgs_of(&func.attrs);
    let function = failed_fn(&func.attrs, vis, &sig, &func.block);
    // With `self`, the attribute is on a method: a struct item is not allowed there.
    let marker = if sig.receiver().is_none() {
        quote! {
            #(#cfgs)*
            #[allow(non_camel_case_types)]
            #vis struct #name {
                _private: (),
            }
        }
    } else {
        TokenStream::new()
    };
    quote! {
        #function
        #marker
    }
}
