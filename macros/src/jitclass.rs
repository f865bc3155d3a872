//! `#[jitclass]`: on a struct, the class (payload, handle, descriptor); on an impl block,
//! its functions (JIT-compiled, registered with the class).
//!
//! For `#[jitclass] struct V { x: f64 }` the expansion is:
//! - the `#[repr(C)]` payload struct, one field per class field, each of type
//!   `<T as JitArg>::Repr` (so a nested class is its `{meminfo, data}` reference);
//! - `struct V { handle: Handle<V> }`, the reference Rust code holds, with `Clone`,
//!   `Debug`, `ptr_eq`, `is_managed`, `strong_count`, and a getter `x()` and setter
//!   `set_x(..)` per field that read and write the payload directly;
//! - `impl JitClass for V` with the `static` [`ClassInfo`] (encoded fields, rustc's
//!   layout of the payload, allocator), and the ABI impls (`JitArg`, `JitType`).
//!
//! For `#[jitclass] impl V { fn f(&self, ..) {..} }` each function gets a `static`
//! dispatcher, a glue method on the handle with the same signature (`&self` for `&mut
//! self`: the handle is a shared reference), and an entry in the link-time registry
//! `METHODS`, through which jit code finds it from any impl block.

use crate::jit::{MAX_PARAMS, cfgs_of, fn_info, glue_signature, pin_type};
use jitclass_core::lower::{MethodContext, lower_class, lower_method};
use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;

pub fn expand(attr: TokenStream, item: TokenStream) -> TokenStream {
    match syn::parse2::<syn::Item>(item.clone()) {
        Ok(syn::Item::Struct(s)) => expand_struct(attr, s),
        Ok(syn::Item::Impl(i)) => {
            if !attr.is_empty() {
                let e = syn::Error::new(
                    attr.span(),
                    "`#[jitclass]` on an impl block takes no arguments",
                );
                let e = e.to_compile_error();
                return quote! { #e #i };
            }
            expand_impl(i)
        }
        _ => {
            let error = syn::Error::new(
                Span::call_site(),
                "`#[jitclass]` applies to structs and impl blocks; use `#[jit]` for functions",
            )
            .to_compile_error();
            quote! { #error #item }
        }
    }
}

// ---- structs ------------------------------------------------------------------------

/// `#[jitclass(allocator = PATH)]`.
struct ClassArgs {
    allocator: Option<syn::Path>,
}

fn parse_class_args(attr: TokenStream) -> syn::Result<ClassArgs> {
    let mut args = ClassArgs { allocator: None };
    if attr.is_empty() {
        return Ok(args);
    }
    let parser = syn::meta::parser(|meta| {
        if meta.path.is_ident("allocator") {
            let value: syn::Path = meta.value()?.parse()?;
            args.allocator = Some(value);
            Ok(())
        } else {
            Err(meta.error("unknown `#[jitclass]` argument; the only one is `allocator = PATH`"))
        }
    });
    syn::parse::Parser::parse2(parser, attr)?;
    Ok(args)
}

fn expand_struct(attr: TokenStream, item: syn::ItemStruct) -> TokenStream {
    let mut errors = Vec::new();
    let args = match parse_class_args(attr) {
        Ok(a) => a,
        Err(e) => {
            errors.push(e);
            ClassArgs { allocator: None }
        }
    };
    for a in &item.attrs {
        if a.path().is_ident("derive") {
            errors.push(syn::Error::new(
                a.span(),
                "`#[jitclass]` types implement `Clone` (another reference to the same instance) and `Debug` themselves; remove the `#[derive]`",
            ));
        }
        if a.path().is_ident("repr") {
            errors.push(syn::Error::new(
                a.span(),
                "`#[jitclass]` payloads are always `#[repr(C)]`; remove the `#[repr]`",
            ));
        }
    }
    let lowered = match lower_class(&item) {
        Ok(l) => Some(l),
        Err(e) => {
            errors.extend(e);
            None
        }
    };
    match lowered {
        Some(l) if errors.is_empty() => emit_struct(&item, &l, &args),
        _ => {
            let errors = errors.into_iter().map(|e| e.to_compile_error());
            // The struct stays (as written), so that its users get no follow-up errors.
            let mut plain = item.clone();
            plain.attrs.retain(|a| !a.path().is_ident("derive"));
            quote! { #(#errors)* #plain }
        }
    }
}

/// `Self` in a field type names the class, also inside the payload struct.
fn replace_self(ty: &mut syn::Type, class: &syn::Ident) {
    struct Replace<'a>(&'a syn::Ident);
    impl syn::visit_mut::VisitMut for Replace<'_> {
        fn visit_path_mut(&mut self, p: &mut syn::Path) {
            if let Some(first) = p.segments.first_mut()
                && first.ident == "Self"
            {
                first.ident = self.0.clone();
            }
            syn::visit_mut::visit_path_mut(self, p);
        }
    }
    syn::visit_mut::VisitMut::visit_type_mut(&mut Replace(class), ty);
}

fn emit_struct(
    item: &syn::ItemStruct,
    l: &jitclass_core::lower::LoweredClass,
    args: &ClassArgs,
) -> TokenStream {
    let name = &item.ident;
    let name_str = name.to_string();
    let vis = &item.vis;
    let cfgs = cfgs_of(&item.attrs);
    let attrs = &item.attrs;
    let payload = format_ident!("__JitclassPayload_{}", name);
    let fields: Vec<(&syn::Field, syn::Type)> = item
        .fields
        .iter()
        .map(|f| {
            let mut ty = f.ty.clone();
            replace_self(&mut ty, name);
            pin_type(&mut ty);
            (f, ty)
        })
        .collect();
    let payload_fields = fields.iter().map(|(f, ty)| {
        let fname = f.ident.as_ref().expect("named");
        let fvis = &f.vis;
        let fattrs = f.attrs.iter().filter(|a| a.path().is_ident("doc"));
        quote! { #(#fattrs)* #fvis #fname: <#ty as ::jitclass::JitArg>::Repr }
    });
    let offsets = fields.iter().map(|(f, _)| {
        let fname = f.ident.as_ref().expect("named");
        quote! { ::core::mem::offset_of!(#payload, #fname) }
    });
    let accessors = fields.iter().map(|(f, ty)| {
        let fname = f.ident.as_ref().expect("named");
        let fvis = &f.vis;
        let setter = format_ident!("set_{}", fname);
        let get_doc = format!("Reads the field `{fname}` (a plain load of the payload).");
        let set_doc = format!(
            "Writes the field `{fname}`, releasing what the old value referenced."
        );
        quote_spanned! {fname.span()=>
            #[doc = #get_doc]
            #[inline]
            #[allow(dead_code)]
            #fvis fn #fname(&self) -> #ty {
                let handle = ::jitclass::JitClass::handle(self);
                // SAFETY: the payload of a live instance holds this field's repr.
                unsafe { handle.get::<#ty>(::core::ptr::addr_of!((*handle.payload()).#fname)) }
            }

            #[doc = #set_doc]
            #[inline]
            #[allow(dead_code)]
            #fvis fn #setter(&self, value: #ty) {
                let handle = ::jitclass::JitClass::handle(self);
                // SAFETY: as in the getter; no reference into the payload is held.
                unsafe { handle.set::<#ty>(::core::ptr::addr_of_mut!((*handle.payload()).#fname), value) }
            }
        }
    });
    let ir = syn::LitByteStr::new(&l.ir.encode(), Span::call_site());
    let classes = crate::jit::class_getters(&l.class_paths);
    let allocator = match &args.allocator {
        Some(path) => quote_spanned! {path.span()=>
            ::core::option::Option::Some(
                (|| &#path) as fn() -> &'static ::jitclass::ExternalAllocator
            )
        },
        None => quote!(::core::option::Option::None),
    };
    let payload_doc = format!(
        "The `#[repr(C)]` payload of [`{name_str}`]; name it as `jitclass::Payload<{name_str}>`."
    );
    quote! {
        #(#cfgs)*
        #[doc = #payload_doc]
        #[doc(hidden)]
        #[repr(C)]
        #[allow(non_camel_case_types)]
        #vis struct #payload {
            #(#payload_fields,)*
        }

        #(#attrs)*
        #vis struct #name {
            __jitclass: ::jitclass::Handle<#name>,
        }

        #(#cfgs)*
        // SAFETY: the payload is the `#[repr(C)]` struct of the fields' reprs in order,
        // and `ClassInfo` checks jitclass's layout of it against rustc's offsets.
        unsafe impl ::jitclass::JitClass for #name {
            type Payload = #payload;

            fn class_info() -> &'static ::jitclass::ClassInfo {
                static INFO: ::jitclass::ClassInfo = ::jitclass::ClassInfo::__new(
                    ::jitclass::__private::ClassDesc {
                        name: #name_str,
                        module_path: ::core::module_path!(),
                        ir: #ir,
                        classes: &[#(#classes),*],
                        offsets: &[#(#offsets),*],
                        size: ::core::mem::size_of::<#payload>(),
                        align: ::core::mem::align_of::<#payload>(),
                        allocator: #allocator,
                    },
                );
                &INFO
            }

            #[inline(always)]
            fn handle(&self) -> &::jitclass::Handle<Self> {
                &self.__jitclass
            }

            #[inline(always)]
            fn from_handle(handle: ::jitclass::Handle<Self>) -> Self {
                #name { __jitclass: handle }
            }
        }

        #(#cfgs)*
        impl ::core::clone::Clone for #name {
            /// Another reference to the same instance.
            #[inline]
            fn clone(&self) -> Self {
                #name { __jitclass: ::core::clone::Clone::clone(&self.__jitclass) }
            }
        }

        #(#cfgs)*
        impl ::core::fmt::Debug for #name {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                ::core::fmt::Debug::fmt(&self.__jitclass, f)
            }
        }

        #(#cfgs)*
        // SAFETY: an instance crosses as its `{meminfo, data}` repr, by pointer; the
        // caller's handle keeps it alive for the call.
        unsafe impl ::jitclass::JitArg for #name {
            type Repr = ::jitclass::RawInstance;
            type Abi = *const ::jitclass::RawInstance;
            fn jit_type() -> ::jitclass::Type {
                ::jitclass::__private::class_abi::jit_type::<#name>()
            }
            #[inline(always)]
            fn to_repr(&self) -> ::jitclass::RawInstance {
                ::jitclass::__private::class_abi::to_repr(self)
            }
            #[inline(always)]
            fn to_abi(repr: &::jitclass::RawInstance) -> *const ::jitclass::RawInstance {
                repr
            }
        }

        #(#cfgs)*
        // SAFETY: as for the owned handle: the borrow keeps the instance alive.
        unsafe impl<'a> ::jitclass::JitArg for &'a #name {
            type Repr = ::jitclass::RawInstance;
            type Abi = *const ::jitclass::RawInstance;
            fn jit_type() -> ::jitclass::Type {
                ::jitclass::__private::class_abi::jit_type::<#name>()
            }
            #[inline(always)]
            fn to_repr(&self) -> ::jitclass::RawInstance {
                ::jitclass::__private::class_abi::to_repr(*self)
            }
            #[inline(always)]
            fn to_abi(repr: &::jitclass::RawInstance) -> *const ::jitclass::RawInstance {
                repr
            }
        }

        #(#cfgs)*
        // SAFETY: JIT code returns an owned reference through the out pointer.
        unsafe impl ::jitclass::JitType for #name {
            type RetAbi = ();
            #[inline(always)]
            unsafe fn from_ret(_: (), out: *const ::jitclass::RawInstance) -> Self {
                // SAFETY: the caller guarantees `out` is initialised with an owned reference.
                unsafe { ::jitclass::__private::class_abi::from_repr(*out) }
            }
            #[inline(always)]
            unsafe fn from_repr(repr: ::jitclass::RawInstance) -> Self {
                // SAFETY: the caller guarantees `repr` is an owned reference to a `Self`.
                unsafe { ::jitclass::__private::class_abi::from_repr(repr) }
            }
            #[inline(always)]
            unsafe fn clone_from_repr(repr: &::jitclass::RawInstance) -> Self {
                // SAFETY: the caller guarantees `repr` is a live instance of `Self`.
                unsafe { ::jitclass::__private::class_abi::clone_from_repr(repr) }
            }
        }

        #(#cfgs)*
        impl #name {
            #(#accessors)*

            /// Whether two handles refer to the same instance.
            #[inline]
            #vis fn ptr_eq(a: &Self, b: &Self) -> bool {
                ::jitclass::Handle::ptr_eq(&a.__jitclass, &b.__jitclass)
            }

            /// Whether the instance is counted by the memory runtime (`false` for an
            /// instance over memory someone else owns).
            #[inline]
            #vis fn is_managed(&self) -> bool {
                self.__jitclass.is_managed()
            }

            /// How many references to the instance exist (`None` if unmanaged).
            #[inline]
            #vis fn strong_count(&self) -> ::core::option::Option<usize> {
                self.__jitclass.strong_count()
            }
        }
    }
}

// ---- impl blocks ----------------------------------------------------------------------

fn expand_impl(item: syn::ItemImpl) -> TokenStream {
    let mut errors = Vec::new();
    let self_path = match &*item.self_ty {
        syn::Type::Path(p)
            if p.qself.is_none() && p.path.segments.iter().all(|s| s.arguments.is_none()) =>
        {
            p.path.clone()
        }
        other => {
            let e = syn::Error::new(
                other.span(),
                "`#[jitclass]` impl blocks are for `#[jitclass]` structs, named by a plain path",
            );
            let e = e.to_compile_error();
            return quote! { #e #item };
        }
    };
    if let Some(g) = item.generics.params.first() {
        errors.push(syn::Error::new(
            g.span(),
            "`#[jitclass]` impl blocks cannot be generic",
        ));
    }
    if let Some((_, trait_path, _)) = &item.trait_ {
        errors.push(syn::Error::new(
            trait_path.span(),
            "trait impls in `#[jitclass]` are not supported yet",
        ));
    }
    let class_ident = &self_path.segments.last().expect("a segment").ident;
    let context = MethodContext {
        self_path: &self_path,
        self_by_value: false,
        class_by_ref: false,
    };
    let mut methods = Vec::new();
    let mut statics = Vec::new();
    for it in &item.items {
        let syn::ImplItem::Fn(f) = it else {
            errors.push(syn::Error::new(
                it.span(),
                "only functions are supported in `#[jitclass]` impl blocks",
            ));
            continue;
        };
        match lower_method(&f.sig, &f.block, &context) {
            Ok(l) => {
                let mut local_errors = Vec::new();
                if f.sig.inputs.len() > MAX_PARAMS {
                    local_errors.push(syn::Error::new(
                        f.sig.inputs.span(),
                        format!("jit functions take at most {MAX_PARAMS} parameters"),
                    ));
                }
                for d in jitclass_core::check_at_macro_time(&l.ir) {
                    local_errors.push(syn::Error::new(l.spans[d.loc.index()], d.full_message()));
                }
                if local_errors.is_empty() {
                    let (method, items) = emit_method(f, &l, &self_path, class_ident);
                    methods.push(method);
                    statics.push(items);
                } else {
                    errors.extend(local_errors);
                    methods.push(failed_method(f));
                }
            }
            Err(e) => {
                errors.extend(e);
                methods.push(failed_method(f));
            }
        }
    }
    let errors = errors.into_iter().map(|e| e.to_compile_error());
    let attrs = &item.attrs;
    let self_ty = &item.self_ty;
    quote! {
        #(#errors)*
        #(#attrs)*
        impl #self_ty {
            #(#methods)*
        }
        #(#statics)*
    }
}

/// The glue method on the handle, and the dispatcher and registry entry beside the impl.
fn emit_method(
    f: &syn::ImplItemFn,
    l: &jitclass_core::lower::Lowered,
    self_path: &syn::Path,
    class_ident: &syn::Ident,
) -> (TokenStream, TokenStream) {
    let fname = &f.sig.ident;
    let qualified = format!("{class_ident}::{fname}");
    let dispatcher = format_ident!("__JITCLASS_{}_{}", class_ident, fname);
    let entry_name = format_ident!("__JITCLASS_ENTRY_{}_{}", class_ident, fname);
    let info = fn_info(&qualified, l);
    let name_str = fname.to_string();
    let (mut sig, arg_names) = glue_signature(&f.sig, Some(l));
    let mut call_args: Vec<TokenStream> = Vec::new();
    if let Some(syn::FnArg::Receiver(r)) = sig.inputs.first_mut() {
        // The handle is a shared reference: `&mut self` methods take `&self` in Rust.
        r.mutability = None;
        if let syn::Type::Reference(tr) = &mut *r.ty {
            tr.mutability = None;
        }
        call_args.push(quote!(self));
    }
    call_args.extend(arg_names.iter().map(|a| quote!(#a)));
    let call = format_ident!("call_{}", call_args.len());
    let vis = &f.vis;
    let attrs = &f.attrs;
    let method = quote! {
        #(#attrs)*
        #[track_caller]
        #[inline]
        #vis #sig {
            let __jitclass_entry = #dispatcher.entry();
            // SAFETY: the dispatcher compiled this entry point for exactly these parameter
            // and return types, under the calling convention `call_N` implements.
            unsafe { ::jitclass::__private::#call(__jitclass_entry, #(#call_args),*) }
        }
    };
    let items = quote! {
        #[allow(non_upper_case_globals)]
        static #dispatcher: ::jitclass::Dispatcher = ::jitclass::Dispatcher::__new(#info);

        #[allow(non_upper_case_globals)]
        #[::jitclass::__private::linkme::distributed_slice(::jitclass::__private::METHODS)]
        #[linkme(crate = ::jitclass::__private::linkme)]
        static #entry_name: ::jitclass::__private::MethodEntry = ::jitclass::__private::MethodEntry {
            class: <#self_path as ::jitclass::JitClass>::class_info,
            name: #name_str,
            dispatcher: &#dispatcher,
        };
    };
    (method, items)
}

/// After errors: the method with its signature and a body that panics, so that its
/// callers produce no follow-up errors.
fn failed_method(f: &syn::ImplItemFn) -> TokenStream {
    let (mut sig, _) = glue_signature(&f.sig, None);
    if let Some(syn::FnArg::Receiver(r)) = sig.inputs.first_mut() {
        r.mutability = None;
        if let syn::Type::Reference(tr) = &mut *r.ty {
            tr.mutability = None;
        }
    }
    let vis = &f.vis;
    let attrs = &f.attrs;
    quote! {
        #(#attrs)*
        #[allow(unused_variables)]
        #vis #sig {
            ::core::panic!("this jit fn failed to compile")
        }
    }
}
