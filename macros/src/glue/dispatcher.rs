//! The items beside a jit fn's glue: `struct f {}` in the type namespace with
//! `f::dispatcher()` (and `f::cfunc_ptr()` for an `extern "C"` fn), the hidden `static`
//! dispatcher, the `JitFunction` and `JitCallee` impls through which other jit code calls
//! `f`, and for a
//! non-generic fn its shape as `sql::Function`.

use super::{cfgs_of, glue_signature, pinned_signature};
use proc_macro2::TokenStream;
use quote::quote;

/// `struct f {}` + `impl f { dispatcher(), __JITCLASS }`.
/// `hoisted`: the function's hoisted constants (`consts.rs`), associated items of `f`.
pub(crate) fn dispatcher_items(
    func: &syn::ItemFn,
    info: TokenStream,
    hoisted: TokenStream,
) -> TokenStream {
    let name = &func.sig.ident;
    let vis = &func.vis;
    let cfgs = cfgs_of(&func.attrs);
    let name_str = name.to_string();
    let is_cfunc = func.sig.abi.is_some();
    let shape = function_shape(func);
    // At the user's name, so that rustc's help on a call with another number of arguments
    // (in a generic body, `glue::fn_info`) shows the function.
    let arity = func.sig.inputs.len();
    let takes = quote::quote_spanned! {name.span()=>
        impl ::jitclass::__private::shadow::TakesArguments<#arity> for #name {}
    };
    let cfunc_ptr = if is_cfunc {
        let sig = pinned_signature(&func.sig);
        let params = sig.inputs.iter().filter_map(|input| match input {
            syn::FnArg::Typed(pt) => Some(&pt.ty),
            syn::FnArg::Receiver(_) => None,
        });
        let output = &sig.output;
        let fn_type = quote! { extern "C" fn(#(#params),*) #output };
        let doc = format!(
            "The C entry point of [`{name_str}()`], compiled at the first request: a function pointer C code can call. A panic in it aborts the process."
        );
        quote! {
            #[doc = #doc]
            #[track_caller]
            #[allow(dead_code)]
            #vis fn cfunc_ptr() -> #fn_type {
                let ptr = Self::__JITCLASS.cfunc();
                // SAFETY: the dispatcher compiled this C entry point for exactly this
                // signature (C scalars only), and compiled code is never freed.
                unsafe { ::core::mem::transmute::<*const (), #fn_type>(ptr) }
            }
        }
    } else {
        TokenStream::new()
    };
    let doc = format!("The dispatcher of the jit fn [`{name_str}()`]: `{name_str}::dispatcher()`.");
    quote! {
        #(#cfgs)*
        #[doc = #doc]
        #[allow(non_camel_case_types)]
        #vis struct #name {
            _private: (),
        }

        #(#cfgs)*
        impl #name {
            #[doc(hidden)]
            pub const __JITCLASS: &'static ::jitclass::Dispatcher = {
                static DISPATCHER: ::jitclass::Dispatcher = ::jitclass::Dispatcher::__new(#info);
                &DISPATCHER
            };

            /// Compiled signatures, compile count and compile controls of this jit fn.
            // jitclass's accessor, not the user's item: a fn only jit code calls leaves it
            // unused, where rustc warns nothing for the same Rust.
            #[allow(dead_code)]
            #vis fn dispatcher() -> &'static ::jitclass::Dispatcher {
                Self::__JITCLASS
            }

            #cfunc_ptr

            #hoisted
        }

        #(#cfgs)*
        #[diagnostic::do_not_recommend]
        impl ::jitclass::__private::JitFunction for #name {
            const DISPATCHER: &'static ::jitclass::Dispatcher = Self::__JITCLASS;
        }

        #(#cfgs)*
        #[diagnostic::do_not_recommend]
        impl<Site> ::jitclass::__private::JitCallee<Site> for #name {
            fn dispatcher(_: Site) -> &'static ::jitclass::Dispatcher {
                Self::__JITCLASS
            }
        }

        #(#cfgs)*
        #takes

        #shape
    }
}

/// For a non-generic fn, its parameter and result types as `sql::Function`, for APIs
/// that take jit fns (`jitclass::sqlite::register_scalar`) to check at compile time.
fn function_shape(func: &syn::ItemFn) -> TokenStream {
    if !func.sig.generics.params.is_empty() {
        return TokenStream::new();
    }
    let (sig, _) = glue_signature(&func.sig, None);
    let mut params: Vec<syn::Type> = sig
        .inputs
        .iter()
        .filter_map(|a| match a {
            syn::FnArg::Typed(pt) => Some((*pt.ty).clone()),
            syn::FnArg::Receiver(_) => None,
        })
        .collect();
    let mut output: syn::Type = match &sig.output {
        syn::ReturnType::Default => syn::parse_quote!(()),
        syn::ReturnType::Type(_, t) => (**t).clone(),
    };
    for t in params.iter_mut().chain(std::iter::once(&mut output)) {
        static_lifetimes(t);
    }
    let name = &func.sig.ident;
    let cfgs = cfgs_of(&func.attrs);
    quote! {
        #(#cfgs)*
        #[doc(hidden)]
        impl ::jitclass::__private::sql::Function for #name {
            type Args = (#(#params,)*);
            type Output = #output;
        }
    }
}

/// `t` with its elided lifetimes (of slices) made `'static`, which an associated type of
/// the `sql` shape markers needs.
pub(crate) fn static_lifetimes(t: &mut syn::Type) {
    struct Static;
    impl syn::visit_mut::VisitMut for Static {
        fn visit_type_reference_mut(&mut self, r: &mut syn::TypeReference) {
            if r.lifetime.is_none() {
                r.lifetime = Some(syn::parse_quote!('static));
            }
            syn::visit_mut::visit_type_reference_mut(self, r);
        }
    }
    syn::visit_mut::VisitMut::visit_type_mut(&mut Static, t);
}
