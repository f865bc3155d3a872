//! `#[jit]`: parse -> lower to IR -> check -> emit glue.
//!
//! For `fn f(a: A, b: B) -> R` the expansion is:
//! - `fn f` with the same signature, whose body asks `f`'s dispatcher for the entry point
//!   and calls it through `jitclass::__private::call_N`;
//! - `struct f {}` in the type namespace with `f::dispatcher()` and the hidden static
//!   dispatcher (IR bytes, source locations, called functions resolved by rustc);
//! - for non-generic functions, a never-called copy of the body under the original
//!   signature, so that rustc type-checks calls to other jit fns with its own messages.

use jitclass_core::ir::TypeExpr;
use jitclass_core::lower::{Lowered, lower_fn};
use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;

/// The most parameters `jitclass::__private::call_N` helpers exist for.
pub(crate) const MAX_PARAMS: usize = 16;

pub fn expand(attr: TokenStream, item: TokenStream) -> TokenStream {
    let func: syn::ItemFn = match syn::parse2(item.clone()) {
        Ok(f) => f,
        Err(_) if attr.is_empty() && syn::parse2::<syn::ItemForeignMod>(item.clone()).is_ok() => {
            let block = syn::parse2(item).expect("parsed above");
            return crate::foreign::expand(block);
        }
        Err(_) => {
            let error = syn::Error::new(
                Span::call_site(),
                "`#[jit]` applies to free functions; use `#[jitclass]` for structs and impl blocks",
            )
            .to_compile_error();
            // The item itself stays, so that its users get no follow-up errors.
            return quote! { #error #item };
        }
    };
    let mut errors = Vec::new();
    if !attr.is_empty() {
        // Still emits the function below, so that its callers get no follow-up errors.
        errors.push(syn::Error::new(attr.span(), "`#[jit]` takes no arguments"));
    }
    if func.sig.inputs.len() > MAX_PARAMS {
        errors.push(syn::Error::new(
            func.sig.inputs.span(),
            format!("jit functions take at most {MAX_PARAMS} parameters"),
        ));
    }
    let mut lowered = match lower_fn(&func) {
        Ok(l) => Some(l),
        Err(e) => {
            errors.extend(e);
            None
        }
    };
    if let Some(l) = &mut lowered {
        let check = jitclass_core::check_at_macro_time(&l.ir);
        for d in check.diagnostics {
            errors.push(syn::Error::new(l.spans[d.loc.index()], d.full_message()));
        }
        l.opaque_equalities = check.opaque_equalities;
    }
    match lowered {
        Some(l) if errors.is_empty() => emit(&func, &l),
        _ => emit_failed(&func, errors),
    }
}

/// `#[cfg]`-like attributes must guard every generated item, not only the function.
fn cfg_attrs(func: &syn::ItemFn) -> Vec<&syn::Attribute> {
    cfgs_of(&func.attrs)
}

pub(crate) fn cfgs_of(attrs: &[syn::Attribute]) -> Vec<&syn::Attribute> {
    attrs
        .iter()
        .filter(|a| a.path().is_ident("cfg") || a.path().is_ident("cfg_attr"))
        .collect()
}

/// The signature with `mut` removed from parameters (the glue does not mutate them).
pub(crate) fn glue_signature(
    sig: &syn::Signature,
    lowered: Option<&Lowered>,
) -> (syn::Signature, Vec<syn::Ident>) {
    let mut sig = pinned_signature(sig);
    let mut names = Vec::new();
    for (i, input) in sig.inputs.iter_mut().enumerate() {
        if let syn::FnArg::Typed(pt) = input {
            let ident = match &mut *pt.pat {
                syn::Pat::Ident(pi) => {
                    pi.mutability = None;
                    pi.ident.clone()
                }
                other => {
                    let ident = format_ident!("__jitclass_arg{i}");
                    *other = syn::parse_quote!(#ident);
                    ident
                }
            };
            names.push(ident);
        }
    }
    if let Some(l) = lowered {
        add_bounds(&mut sig, l);
    }
    (sig, names)
}

/// The signature with every primitive type name written as `::core::primitive::NAME`.
///
/// The IR reads `u64` as the primitive whatever it names in the user's scope; the glue
/// must mean the same type, or a local `type u64 = u8;` would make rustc pass `&mut [u8]`
/// to code compiled for `&mut [u64]`.
fn pinned_signature(sig: &syn::Signature) -> syn::Signature {
    let mut sig = sig.clone();
    for input in &mut sig.inputs {
        if let syn::FnArg::Typed(pt) = input {
            pin_type(&mut pt.ty);
        }
    }
    if let syn::ReturnType::Type(_, ty) = &mut sig.output {
        pin_type(ty);
    }
    sig
}

/// Writes every primitive type name in `ty` as `::core::primitive::NAME`.
pub(crate) fn pin_type(ty: &mut syn::Type) {
    struct Pin;
    impl syn::visit_mut::VisitMut for Pin {
        fn visit_type_path_mut(&mut self, tp: &mut syn::TypePath) {
            if tp.qself.is_none()
                && let Some(ident) = tp.path.get_ident()
                && jitclass_core::PrimTy::from_name(&ident.to_string()).is_some()
            {
                let span = ident.span();
                *tp = syn::parse_quote_spanned!(span=> ::core::primitive::#ident);
                return;
            }
            syn::visit_mut::visit_type_path_mut(self, tp);
        }
    }
    syn::visit_mut::VisitMut::visit_type_mut(&mut Pin, ty);
}

/// `T: JitType` on every generic parameter, `T: JitElem` on those used as slice elements.
fn add_bounds(sig: &mut syn::Signature, l: &Lowered) {
    fn slice_elems(t: &TypeExpr, out: &mut Vec<u32>) {
        match t {
            TypeExpr::Slice { elem, .. } => {
                if let TypeExpr::Generic(i) = **elem {
                    out.push(i);
                }
            }
            TypeExpr::Tuple(es) => es.iter().for_each(|e| slice_elems(e, out)),
            _ => {}
        }
    }
    let mut elems = Vec::new();
    for p in &l.ir.params {
        slice_elems(&p.ty, &mut elems);
    }
    let params: Vec<syn::Ident> = sig
        .generics
        .type_params()
        .map(|tp| tp.ident.clone())
        .collect();
    let where_clause = sig.generics.make_where_clause();
    for (i, ident) in params.iter().enumerate() {
        let bound: syn::WherePredicate = if elems.contains(&(i as u32)) {
            syn::parse_quote!(#ident: ::jitclass::JitElem)
        } else {
            syn::parse_quote!(#ident: ::jitclass::JitType)
        };
        where_clause.predicates.push(bound);
    }
    // What jitclass's Rust functions require of their type argument, as rustc would
    // require it of a generic Rust fn calling them: `sizeof::<T>()` needs `T: JitLayout`.
    // The bound is at the call, where rustc's "required by this bound" note points.
    for (i, bound, loc) in l.ir.intrinsic_bounds() {
        let ident = &params[i as usize];
        let span = l.spans[loc.index()];
        let bound = format_ident!("{bound}", span = span);
        where_clause
            .predicates
            .push(syn::parse_quote_spanned!(span=> #ident: ::jitclass::#bound));
    }
}

fn emit(func: &syn::ItemFn, l: &Lowered) -> TokenStream {
    let name = &func.sig.ident;
    let vis = &func.vis;
    let cfgs = cfg_attrs(func);
    let attrs = &func.attrs;
    let (sig, arg_names) = glue_signature(&func.sig, Some(l));
    let call = format_ident!("call_{}", arg_names.len());
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
    );
    let dispatcher = dispatcher_items(func, info);
    // A body using classes reads fields of handles, which rustc could not type-check.
    let shadow = if generic_idents.is_empty() && !l.uses_classes {
        let shadow_sig = syn::Signature {
            ident: format_ident!("__jitclass_typecheck"),
            ..pinned_signature(&func.sig)
        };
        let body = crate::objmode::shadow_block(&func.block);
        quote! {
            #(#cfgs)*
            const _: () = {
                #[allow(warnings, clippy::all, clippy::pedantic)]
                #shadow_sig #body
            };
        }
    } else {
        TokenStream::new()
    };
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
            unsafe { ::jitclass::__private::#call(__jitclass_entry, #(#arg_names),*) }
        }
        #dispatcher
        #shadow
    }
}

/// `struct f {}` + `impl f { dispatcher(), __JITCLASS }`.
pub(crate) fn dispatcher_items(func: &syn::ItemFn, info: TokenStream) -> TokenStream {
    let name = &func.sig.ident;
    let vis = &func.vis;
    let cfgs = cfg_attrs(func);
    let name_str = name.to_string();
    let is_cfunc = func.sig.abi.is_some();
    let shape = function_shape(func);
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
            #vis fn dispatcher() -> &'static ::jitclass::Dispatcher {
                Self::__JITCLASS
            }

            #cfunc_ptr
        }

        #(#cfgs)*
        #[diagnostic::do_not_recommend]
        impl ::jitclass::__private::JitFunction for #name {
            const DISPATCHER: &'static ::jitclass::Dispatcher = Self::__JITCLASS;
        }

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
    // Elided lifetimes (slices) are not allowed in an associated type.
    struct Static;
    impl syn::visit_mut::VisitMut for Static {
        fn visit_type_reference_mut(&mut self, r: &mut syn::TypeReference) {
            if r.lifetime.is_none() {
                r.lifetime = Some(syn::parse_quote!('static));
            }
            syn::visit_mut::visit_type_reference_mut(self, r);
        }
    }
    for t in params.iter_mut().chain(std::iter::once(&mut output)) {
        syn::visit_mut::VisitMut::visit_type_mut(&mut Static, t);
    }
    let name = &func.sig.ident;
    let cfgs = cfg_attrs(func);
    quote! {
        #(#cfgs)*
        #[doc(hidden)]
        impl ::jitclass::__private::sql::Function for #name {
            type Args = (#(#params,)*);
            type Output = #output;
        }
    }
}

/// The `FnInfo` of a lowered function: IR, source locations, and the items it names,
/// resolved by rustc. `generics`: the glue's generic parameters with their bounds, under
/// which rustc checks what names them (`sizeof::<T>`).
pub(crate) fn fn_info(
    name: &str,
    l: &Lowered,
    cfunc: bool,
    generics: &syn::Generics,
) -> TokenStream {
    let ir = syn::LitByteStr::new(&l.ir.encode(), Span::call_site());
    // Plain numbers (1-based, as in Rust's panic messages), not `line!()` at the token's
    // span: lints would then judge those generated literals as if the user wrote them.
    let locs = l.spans.iter().map(|span| {
        let start = span.start();
        let (line, column) = (start.line as u32, start.column as u32 + 1);
        quote!((#line, #column))
    });
    // `<path as JitFunction>` alone makes rustc say "expected type, found function" for a
    // plain fn. The inner import takes every namespace `path` has; only when it has no type
    // (no `#[jit]`) does the lookup reach the outer glob's stand-in, and rustc reports the
    // missing `JitFunction` impl, naming the stand-in after the callee. The stand-in struct
    // itself is kept out of the glob, where it would clash with the real callee. A failed
    // import also shadows the stand-in: a typo gets only rustc's unresolved-import error.
    let refs = l.ref_paths.iter().map(|path| {
        let last = &path
            .segments
            .last()
            .expect("a called path has a segment")
            .ident;
        // A named fn, not a closure: rustc counts the instances of a closure's
        // `FnOnce::call_once` shim as one function's, and a chain of more than 128 jit
        // fns calling each other (statics referring to getters referring to statics)
        // would reach its recursion limit.
        quote_spanned! {last.span()=>
            {
            fn __jitclass_callee_dispatcher() -> &'static ::jitclass::Dispatcher {
                #[allow(unused_imports)]
                use __jitclass_fallback::*;
                #[allow(warnings, clippy::all, clippy::pedantic)]
                mod __jitclass_fallback {
                    mod not_jit {
                        pub struct #last {}
                    }
                    pub type __jitclass_callee = not_jit::#last;
                }
                {
                    #[allow(unused_imports)]
                    use #path as __jitclass_callee;
                    <__jitclass_callee as ::jitclass::__private::JitFunction>::DISPATCHER
                }
            }
            __jitclass_callee_dispatcher as fn() -> &'static ::jitclass::Dispatcher
            }
        }
    });
    let classes = class_getters(&l.class_paths);
    let opaques = opaque_getters(&l.opaque_types);
    // Differently written `PassThru<T>` types the body uses as one: rustc says whether
    // they are (an alias, a path), at the tokens of the one written later.
    let same_types = l.opaque_equalities.iter().map(|&(a, b)| {
        let (mut a, mut b) = (
            l.opaque_types[a as usize].clone(),
            l.opaque_types[b as usize].clone(),
        );
        pin_type(&mut a);
        pin_type(&mut b);
        let span = syn::spanned::Spanned::span(&b);
        quote_spanned! {span=>
            ::jitclass::__private::same_type::<#b, #a>();
        }
    });
    let objmodes = l
        .objmodes
        .iter()
        .map(|block| crate::objmode::block_fn(name, block));
    // Each `Class::f` called must exist; rustc says so at the token otherwise.
    let checks = l.assoc_paths.iter().map(|path| {
        let span = path.segments.last().expect("a segment").ident.span();
        quote_spanned! {span=> let _ = #path; }
    });
    let macros = l.macro_paths.iter().map(|path| quote! { #path!(@check); });
    // Each struct literal, written against the class's handle, which has the class's
    // fields (holding nothing): rustc reports unknown, missing and private fields at
    // their tokens, naming the class. The path carries the literal's span.
    let literals = l.literals.iter().map(|(path, fields)| {
        let span = path.segments.last().expect("a segment").ident.span();
        let class = quote_spanned! {span=> ::jitclass::__private::Literal::<#path> };
        quote! {
            let _ = || -> #class {
                #class {
                    #(#fields: ::core::unreachable!(),)*
                    __jitclass: ::core::unreachable!(),
                }
            };
        }
    });
    let mut checked = quote! {
        #(#checks)*
        #(#literals)*
        #(#macros)*
        #(#same_types)*
    };
    if generics.type_params().next().is_some() {
        // Checks may name the function's generic parameters (`sizeof::<T>`): rustc checks
        // them in a generic fn with the glue's bounds.
        let (params, _, where_clause) = generics.split_for_impl();
        checked = quote! {
            #[allow(dead_code, clippy::let_underscore_untyped, unreachable_code)]
            fn generic_check #params () #where_clause {
                #checked
            }
        };
    }
    quote! {
        ::jitclass::__private::FnInfo {
            name: #name,
            module_path: ::core::module_path!(),
            file: ::core::file!(),
            ir: #ir,
            locs: &[#(#locs),*],
            refs: &[#(#refs),*],
            classes: &[#(#classes),*],
            opaques: &[#(#opaques),*],
            objmodes: &[#(#objmodes),*],
            cfunc: #cfunc,
            check: {
                #[allow(clippy::let_underscore_untyped, unreachable_code)]
                fn check() {
                    #checked
                }
                check
            },
        }
    }
}

/// One `fn() -> Type` per `PassThru<T>`: the jit type of `T`'s handles.
pub(crate) fn opaque_getters(types: &[syn::Type]) -> Vec<TokenStream> {
    types
        .iter()
        .map(|ty| {
            let mut ty = ty.clone();
            pin_type(&mut ty);
            quote_spanned! {syn::spanned::Spanned::span(&ty)=>
                (|| ::jitclass::__private::passthru_type::<#ty>()) as fn() -> ::jitclass::Type
            }
        })
        .collect()
}

/// One `fn() -> &'static ClassInfo` per class path, each checked by rustc at its token.
/// Named fns, not closures, as the callee getters of `fn_info` (classes naming each other
/// in a long chain would reach rustc's recursion limit through closure shims).
pub(crate) fn class_getters(paths: &[syn::Path]) -> Vec<TokenStream> {
    paths
        .iter()
        .map(|path| {
            let span = path.segments.last().expect("a segment").ident.span();
            quote_spanned! {span=>
                {
                    fn __jitclass_class_info() -> &'static ::jitclass::ClassInfo {
                        <#path as ::jitclass::JitClass>::class_info()
                    }
                    __jitclass_class_info as fn() -> &'static ::jitclass::ClassInfo
                }
            }
        })
        .collect()
}

/// After errors: the errors, plus the function with its signature so that callers still
/// type-check and produce no follow-up errors.
fn emit_failed(func: &syn::ItemFn, errors: Vec<syn::Error>) -> TokenStream {
    // Its `objmode!` calls stay named, so that their imports count as used.
    let objmodes = crate::objmode::paths_in(&func.block);
    let errors = errors.into_iter().map(|e| e.to_compile_error());
    let attrs = &func.attrs;
    let vis = &func.vis;
    let (sig, _) = glue_signature(&func.sig, None);
    let name = &func.sig.ident;
    let cfgs = cfg_attrs(func);
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
    // A plain `panic!` with a literal, because `unreachable!` formats, which a `const fn`
    // (already reported) cannot.
    quote! {
        #(#errors)*
        #(#attrs)*
        #[allow(unused_variables)]
        #vis #sig {
            #(#objmodes!(@check);)*
            ::core::panic!("this jit fn failed to compile")
        }
        #marker
    }
}
