//! The glue of `objmode!` blocks: each block's `extern "C"` function, and the blocks'
//! stand-ins in the code rustc checks but never runs.

use crate::glue::pin_type;
use jitclass_core::lower::is_objmode;
use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;
use syn::visit::Visit;

/// The paths of the `objmode!` calls in `block`, as written: the failed expansion
/// names them (`path!(@check)`) so that their imports count as used.
pub(crate) fn paths_in(block: &syn::Block) -> Vec<syn::Path> {
    struct Paths(Vec<syn::Path>);
    impl Visit<'_> for Paths {
        fn visit_macro(&mut self, mac: &syn::Macro) {
            if is_objmode(mac) {
                self.0.push(mac.path.clone());
            }
        }
    }
    let mut paths = Paths(Vec::new());
    paths.visit_block(block);
    paths.0
}

/// `{ let _: &A = &a; let _: &B = &b; objmode_stand_in::<R, _>((&a, &b)) }` for
/// `objmode!(|a: A, b: B| -> R { .. })`: a value of the output type that reads the inputs
/// and checks each against its declared type (rustc's mismatch at the input's name,
/// "expected due to this" at its type); `None` for other macros and for malformed blocks
/// (the lowering reports those).
pub(crate) fn stand_in(mac: &syn::Macro) -> Option<syn::Expr> {
    if !is_objmode(mac) {
        return None;
    }
    let closure: syn::ExprClosure = mac.parse_body().ok()?;
    let syn::ReturnType::Type(_, output) = &closure.output else {
        return None;
    };
    let inputs: Vec<(&syn::Ident, &syn::Type)> = closure
        .inputs
        .iter()
        .filter_map(|input| match input {
            syn::Pat::Type(pt) => match &*pt.pat {
                syn::Pat::Ident(pi) => Some((&pi.ident, &*pt.ty)),
                _ => None,
            },
            _ => None,
        })
        .collect();
    let checks = inputs.iter().map(|(name, ty)| {
        let (ty_ref, name_ref) = (
            quote_spanned!(ty.span()=> &),
            quote_spanned!(name.span()=> &),
        );
        quote! { let _: #ty_ref #ty = #name_ref #name; }
    });
    let names = inputs.iter().map(|(name, _)| name);
    Some(syn::parse_quote! {
        {
            #(#checks)*
            ::jitclass::__private::objmode_stand_in::<#output, _>((#(&#names,)*))
        }
    })
}

/// The `extern "C"` function of an `objmode!` block: Rust inputs rebuilt from the reprs
/// jit code passes (new references), the block run under `catch_unwind`, the output's
/// repr written with the references it holds; a panic is recorded for the outer jit call.
///
/// The function is safe, so the body is not in an unsafe context (the glue's own raw
/// pointer accesses are in `unsafe` blocks), and every name the glue introduces is
/// mixed-site hygienic or scoped away from the body, so the body sees only its inputs and
/// the items around the jit fn.
pub(crate) fn block_fn(function: &str, block: &jitclass_core::lower::ObjModeBlock) -> TokenStream {
    let start = block.span.start();
    let (line, column) = (start.line as u32, start.column as u32 + 1);
    let mut output = block.output.clone();
    pin_type(&mut output);
    let body = &block.body;
    let hygienic = |name: &str| syn::Ident::new(name, Span::mixed_site());
    let (inputs, out, result, value, payload, site, objmode_block) = (
        hygienic("inputs"),
        hygienic("out"),
        hygienic("result"),
        hygienic("value"),
        hygienic("payload"),
        hygienic("SITE"),
        hygienic("objmode_block"),
    );
    let names: Vec<&syn::Ident> = block.inputs.iter().map(|(n, _)| n).collect();
    let types: Vec<syn::Type> = block
        .inputs
        .iter()
        .map(|(_, t)| {
            let mut t = t.clone();
            pin_type(&mut t);
            t
        })
        .collect();
    let read_inputs = if names.is_empty() {
        TokenStream::new()
    } else {
        let tuple = format_ident!("Tuple{}", names.len());
        let fields = (0..names.len()).map(syn::Index::from);
        quote! {
            // SAFETY: jit code passes the inputs' reprs as this `#[repr(C)]` tuple, which
            // stays alive (and keeps what it references alive) during the call.
            let #inputs = unsafe {
                &*#inputs.cast::<::jitclass::abi::#tuple<#(<#types as ::jitclass::JitArg>::Repr),*>>()
            };
            #(
                // SAFETY: each repr is a valid value of its declared type.
                #[allow(unused_variables, unused_mut)]
                let mut #names: #types = unsafe { <#types as ::jitclass::JitType>::clone_from_repr(&#inputs.#fields) };
            )*
        }
    };
    quote_spanned! {block.span=>
        {
            // The block is the closure's tail expression, as the user wrote it.
            #[allow(unused_variables, unused_braces, clippy::all)]
            extern "C" fn #objmode_block(#inputs: *const u8, #out: *mut u8) -> u8 {
                let #result = ::std::panic::catch_unwind(::std::panic::AssertUnwindSafe(|| -> #output {
                    #read_inputs
                    #body
                }));
                match #result {
                    ::core::result::Result::Ok(#value) => {
                        // SAFETY: jit code passes room for the output's repr, and takes
                        // over the references it holds.
                        unsafe {
                            #out.cast::<<#output as ::jitclass::JitArg>::Repr>()
                                .write(::jitclass::abi::into_owned_repr(#value))
                        };
                        0
                    }
                    ::core::result::Result::Err(#payload) => {
                        static #site: ::jitclass::__private::ObjModeSite = ::jitclass::__private::ObjModeSite {
                            function: #function,
                            file: ::core::file!(),
                            line: #line,
                            column: #column,
                        };
                        ::jitclass::__private::objmode_panicked(#payload, &#site);
                        1
                    }
                }
            }
            #objmode_block as ::jitclass::__private::ObjModeFn
        }
    }
}
