//! `#[jitclass]` on a struct: the class. The `#[repr(C)]` payload struct (field types
//! spelled from the IR, so that rustc lays out what jit code does), the handle `struct V`
//! (with exactly the class's fields, the first holding the instance, against which rustc
//! checks struct literals in jit code), the accessors of each field, `impl JitClass` with its `static`
//! `ClassInfo`, and the ABI impls (`JitArg`, `JitType`, `JitElem`, `JitLayout`).

use super::args::{self, ClassArgs};
use super::derive::{self, Derives};
use super::generic;
use super::recursion;
use crate::ctxt::Ctxt;
use crate::glue::{cfgs_of, class_getters, const_getters, hoisted_items, opaque_getters, pin_type};
use jitclass_core::lower::{LoweredClass, LoweredConst, lower_class};
use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;

pub(super) fn expand(cx: &Ctxt, attr: TokenStream, item: syn::ItemStruct) -> TokenStream {
    // Reported beside the class, which is emitted all the same: rustc refuses its every
    // use, and its users then get no follow-up errors about a missing class.
    recursion::check_fields(cx, &item);
    let start = cx.mark();
    let args = args::parse(cx, attr);
    let derives = derive::parse(cx, &item.attrs);
    for a in &item.attrs {
        check_no_repr(cx, a);
    }
    let lowered = cx.ok(lower_class(&item));
    match lowered {
        Some(l) if !cx.failed_since(start) => {
            let mut out = emit(&item, &l, &args, &derives);
            out.extend(derive::emit_for_class(cx, &item, &l, &derives));
            out
        }
        _ => {
            // The struct stays (as written), so that its users get no follow-up errors.
            let mut plain = item;
            plain.attrs.retain(|a| !a.path().is_ident("derive"));
            // A generic class's field types only as markers: a refused field such as
            // `Option<Poly<(T, T)>>` would add rustc's infinite-size (E0072) and
            // drop-check overflow (E0320) errors about a struct the class never is.
            if plain.generics.type_params().next().is_some() {
                for f in plain.fields.iter_mut() {
                    let ty = &f.ty;
                    f.ty = syn::parse_quote!(::core::marker::PhantomData<fn() -> #ty>);
                }
            }
            quote! { #plain }
        }
    }
}

fn check_no_repr(cx: &Ctxt, attr: &syn::Attribute) {
    if attr.path().is_ident("repr") {
        cx.error(
            attr.path().span(),
            "`#[jitclass]` payloads are always `#[repr(C)]`; remove the `#[repr]`",
        );
    }
}

/// The C representation of a field type, spelled from the IR (what jit code lays out),
/// not from the written type: primitives as themselves, an instance as `RawInstance`, an
/// array length that is a constant as the class's hoisted constant (`class`'s).
fn repr_type(
    t: &jitclass_core::ir::TypeExpr,
    class: &syn::Ident,
    consts: &[LoweredConst],
    generics: &[syn::Ident],
) -> TokenStream {
    use jitclass_core::ir::{ArrayLen, TypeExpr};
    match t {
        TypeExpr::Prim(p) => {
            let name = format_ident!("{}", p.name());
            quote!(::core::primitive::#name)
        }
        TypeExpr::Unit => quote!(()),
        TypeExpr::Tuple(es) => {
            let name = format_ident!("Tuple{}", es.len());
            let es = es.iter().map(|e| repr_type(e, class, consts, generics));
            quote!(::jitclass::abi::#name<#(#es),*>)
        }
        TypeExpr::Option(inner) => {
            let inner = repr_type(inner, class, consts, generics);
            quote!(::jitclass::abi::OptionRepr<#inner>)
        }
        TypeExpr::Class(_)
        | TypeExpr::PassThru(_)
        | TypeExpr::Vec(_)
        | TypeExpr::String
        | TypeExpr::Map { .. } => quote!(::jitclass::abi::RawInstance),
        // Inline, as Rust lays out an array of the element reprs.
        TypeExpr::Array { elem, len } => {
            let elem = repr_type(elem, class, consts, generics);
            let len = match len {
                ArrayLen::Lit(n) => {
                    let n = proc_macro2::Literal::u64_unsuffixed(*n);
                    quote!(#n)
                }
                ArrayLen::Const(c) => {
                    let name = &consts[c.index()].name;
                    quote!(#class::#name)
                }
            };
            quote!([#elem; #len])
        }
        TypeExpr::Ptr { pointee, mutable } => {
            let pointee = repr_type(pointee, class, consts, generics);
            if *mutable {
                quote!(*mut #pointee)
            } else {
                quote!(*const #pointee)
            }
        }
        TypeExpr::Ref { .. } => quote!(*mut ()),
        // A function pointer's repr is an `Option` of it (all-zero is `None`).
        TypeExpr::FnPtr { .. } => {
            let f = c_type(t, class);
            quote!(::core::option::Option<#f>)
        }
        // A generic class's parameter: its value's repr, which jit code lays out.
        TypeExpr::Generic(i) => match generics.get(*i as usize) {
            Some(param) => quote!(<#param as ::jitclass::JitArg>::Repr),
            None => quote!(()),
        },
        // `lower_class` allows no others in fields (`!` is only a set's value type).
        TypeExpr::Slice { .. }
        | TypeExpr::Dyn { .. }
        | TypeExpr::Never
        | TypeExpr::Str
        | TypeExpr::Concrete(_)
        | TypeExpr::Applied { .. }
        | TypeExpr::Infer => {
            quote!(())
        }
    }
}

/// A C scalar type (a function pointer's parameter or result) as Rust spells it: itself,
/// not its repr.
fn c_type(t: &jitclass_core::ir::TypeExpr, class: &syn::Ident) -> TokenStream {
    match t {
        jitclass_core::ir::TypeExpr::FnPtr { params, ret } => {
            let params = params.iter().map(|p| c_type(p, class));
            let ret = c_type(ret, class);
            quote!(extern "C" fn(#(#params),*) -> #ret)
        }
        // A C scalar holds no array, so no constant.
        other => repr_type(other, class, &[], &[]),
    }
}

/// `Self` in a field type names the class (applied to its own parameters, `args`), also
/// inside the payload struct.
pub(super) fn replace_self(ty: &mut syn::Type, class: &syn::Ident, args: &syn::PathArguments) {
    struct Replace<'a>(&'a syn::Ident, &'a syn::PathArguments);
    impl syn::visit_mut::VisitMut for Replace<'_> {
        fn visit_path_mut(&mut self, p: &mut syn::Path) {
            if let Some(first) = p.segments.first_mut()
                && first.ident == "Self"
            {
                first.ident = self.0.clone();
                if first.arguments.is_none() {
                    first.arguments = self.1.clone();
                }
            }
            syn::visit_mut::visit_path_mut(self, p);
        }
    }
    syn::visit_mut::VisitMut::visit_type_mut(&mut Replace(class, args), ty);
}

/// The class's own parameters as a path's arguments (`<T, U>`; none if not generic).
pub(super) fn self_arguments(generics: &syn::Generics) -> syn::PathArguments {
    let params = generic::params(generics);
    if params.is_empty() {
        syn::PathArguments::None
    } else {
        syn::PathArguments::AngleBracketed(syn::parse_quote!(<#(#params),*>))
    }
}

/// The class, from its lowered fields.
fn emit(
    item: &syn::ItemStruct,
    l: &LoweredClass,
    args: &ClassArgs,
    derives: &Derives,
) -> TokenStream {
    let derived = derives.names();
    let name = &item.ident;
    let name_str = name.to_string();
    let vis = &item.vis;
    let cfgs = cfgs_of(&item.attrs);
    // The derives are `derive.rs`'s.
    let attrs = item.attrs.iter().filter(|a| !a.path().is_ident("derive"));
    let payload = format_ident!("__JitclassPayload_{}", name);
    // The user's `struct`, so that rustc's notes pointing at the class show `pub struct V`.
    let struct_token = &item.struct_token;
    let params = generic::params(&item.generics);
    let is_generic = !params.is_empty();
    let self_args = self_arguments(&item.generics);
    let fields: Vec<(&syn::Field, syn::Type)> = item
        .fields
        .iter()
        .map(|f| {
            let mut ty = f.ty.clone();
            replace_self(&mut ty, name, &self_args);
            pin_type(&mut ty);
            (f, ty)
        })
        .collect();
    // Of a generic class: every field type that names a parameter crosses to jit code
    // and back (rustc proves it per instantiation), and is laid out as its repr.
    let generic_fields: Vec<bool> =
        l.ir.fields
            .iter()
            .map(|f| f.ty.max_generic().is_some())
            .collect();
    let bounded = generic::with_field_bounds(
        generic::with_jit_bounds(&item.generics),
        fields
            .iter()
            .zip(&generic_fields)
            .filter(|(_, g)| **g)
            .map(|((_, ty), _)| ty),
    );
    let (impl_g, ty_g, where_c) = bounded.split_for_impl();
    let this = quote!(#name #ty_g);
    let payload_fields =
        fields
            .iter()
            .zip(&l.ir.fields)
            .zip(&generic_fields)
            .map(|(((f, ty), ir), generic)| {
                let fname = f.ident.as_ref().expect("named");
                let fvis = &f.vis;
                let fattrs = f.attrs.iter().filter(|a| a.path().is_ident("doc"));
                let repr = if *generic {
                    quote!(<#ty as ::jitclass::JitArg>::Repr)
                } else {
                    repr_type(&ir.ty, name, &l.consts, &params)
                };
                quote! { #(#fattrs)* #fvis #fname: #repr }
            });
    // The handle has exactly the class's fields, so that rustc checks struct literals in
    // jit code against it, naming the class and its fields as the user wrote them: the
    // first field holds the instance's `Handle` (a `HandleField`, which only the class's
    // code makes, from a handle: Rust code cannot make an instance with a literal), the
    // others nothing. A class without
    // fields has one hidden field for its `Handle`.
    let handle_ty = if is_generic {
        quote!(::jitclass::HandleField<#name #ty_g, fn() -> (#(#params,)*)>)
    } else {
        quote!(::jitclass::HandleField<#name>)
    };
    let (handle_field, handle_fields): (TokenStream, Vec<TokenStream>) = match fields.first() {
        Some(_) => {
            let decls = fields
                .iter()
                .enumerate()
                .map(|(i, (f, _))| {
                    let fname = f.ident.as_ref().expect("named");
                    let fvis = &f.vis;
                    let ty = if i == 0 {
                        handle_ty.clone()
                    } else {
                        quote!(::jitclass::JitField)
                    };
                    quote! {
                        #[doc(hidden)]
                        #[allow(dead_code)]
                        #fvis #fname: #ty
                    }
                })
                .collect();
            let first = fields[0].0.ident.clone().expect("named");
            (quote!(#first), decls)
        }
        None => (
            quote!(__jitclass),
            vec![quote! {
                #[doc(hidden)]
                pub __jitclass: #handle_ty
            }],
        ),
    };
    // What a literal without fields is checked as: the handle (rustc's E0063 names the
    // missing fields), or, without fields, a struct `{}` builds.
    let fieldless_literal = if fields.is_empty() {
        quote!(::jitclass::__private::NoFields)
    } else {
        quote!(#this)
    };
    // The handle's fields, the first holding `handle`.
    let handle_values: Vec<TokenStream> = fields
        .iter()
        .skip(1)
        .map(|(f, _)| {
            let fname = f.ident.as_ref().expect("named");
            quote! { #fname: ::jitclass::JitField }
        })
        .collect();
    let offsets = fields.iter().map(|(f, _)| {
        let fname = f.ident.as_ref().expect("named");
        quote! { ::core::mem::offset_of!(#payload #ty_g, #fname) }
    });
    let accessors = fields.iter().map(|(f, ty)| {
        let fname = f.ident.as_ref().expect("named");
        let fvis = &f.vis;
        let setter = format_ident!("set_{}", fname);
        // At the field's type, where rustc's errors about it (a type that is no jit type)
        // point.
        let get = syn::Ident::new("get", ty.span());
        let set = syn::Ident::new("set", ty.span());
        let fname_str = fname.to_string();
        // The accessors assume the field's type is a jit value (under a binder, as a
        // bound without parameters would be refused, `trivial_bounds`): a type that is
        // none is then one error, the class check's at the field (`class_getters`), not
        // again at each accessor's `Handle::get`/`set`.
        // At the field's name, as the rest of the accessor: rustc's span of the accessor (in
        // "duplicate definitions") stays the field's.
        let assumed =
            quote_spanned!(fname.span()=> where for<'__jitclass> #ty: ::jitclass::JitType);
        let get_doc = format!("Reads the field `{fname}` (a plain load of the payload).");
        let set_doc = format!(
            "Writes the field `{fname}`, releasing what the old value referenced."
        );

        quote_spanned! {fname.span()=>
            #[doc = #get_doc]
            #[inline]
            #[allow(dead_code)]
            #fvis fn #fname(&self) -> #ty #assumed {
                let handle = ::jitclass::JitClass::handle(self);
                // The field's type is the signature's only (inferred here): rustc reports a
                // type naming nothing once, at the signature.
                // SAFETY: the payload of a live instance holds this field's repr (the
                // cast is to the same type, which the assumed bound leaves unnamed).
                unsafe { handle.#get(::core::ptr::addr_of!((*handle.payload()).#fname).cast()) }
            }

            #[doc = #set_doc]
            #[inline]
            #[track_caller]
            #[allow(dead_code)]
            #fvis fn #setter(&self, value: #ty) #assumed {
                let handle = ::jitclass::JitClass::handle(self);
                // SAFETY: as in the getter; no reference into the payload is held.
                unsafe { handle.#set(::core::ptr::addr_of_mut!((*handle.payload()).#fname).cast(), #fname_str, value) }
            }
        }
    });
    let handle_fields = quote! { #(#handle_fields,)* };
    // In the user's braces: rustc's span of the struct (in notes such as "method not found
    // for this struct") runs from `pub` to the closing brace, which must be the user's too
    // for the note to show `pub struct V` rather than the attribute.
    let mut handle_body = TokenStream::new();
    match &item.fields {
        syn::Fields::Named(named) => named
            .brace_token
            .surround(&mut handle_body, |t| t.extend(handle_fields)),
        _ => handle_body = quote!({ #handle_fields }),
    }
    let shadow_fields: Vec<(&syn::Ident, &syn::Type)> = fields
        .iter()
        .map(|(f, ty)| (f.ident.as_ref().expect("named"), ty))
        .collect();
    // A generic class's methods have no shadows (as generic `#[jit] fn`s have none), but
    // the shadows of other code read its fields.
    let shadow = crate::shadow::class_items(name, &bounded, &cfgs, &shadow_fields);
    let family = generic::family_ident(name);
    let consts_owner = if is_generic {
        quote!(#family)
    } else {
        quote!(#name)
    };
    let ir = syn::LitByteStr::new(&l.ir.encode(), Span::call_site());
    let class_paths = if is_generic {
        generic::family_class_paths(&l.class_paths, &syn::Path::from(name.clone()))
    } else {
        l.class_paths.clone()
    };
    let (classes, class_checks) = class_getters(&class_paths, &params, &[], &[]);
    let opaques = opaque_getters(&l.opaque_types);
    let consts = const_getters(&consts_owner, &l.consts);
    let hoisted = hoisted_items(&l.consts);
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
    let struct_generics = &item.generics;
    let struct_where = &item.generics.where_clause;
    let mut with_a = bounded.clone();
    with_a.params.insert(0, syn::parse_quote!('a));
    let (impl_ga, _, _) = with_a.split_for_impl();
    let desc = |offsets: TokenStream, size: TokenStream, align: TokenStream| {
        let generics = params.iter().map(|p| p.to_string());
        quote! {
            ::jitclass::__private::ClassDesc {
                name: #name_str,
                generics: &[#(#generics),*],
                module_path: ::core::module_path!(),
                ir: #ir,
                classes: &[#(#classes),*],
                opaques: &[#(#opaques),*],
                consts: &[#(#consts),*],
                offsets: #offsets,
                size: #size,
                align: #align,
                allocator: #allocator,
                derives: &[#(#derived),*],
            }
        }
    };
    // A generic class: one descriptor for the family, beside the class (a `static` cannot
    // depend on type parameters), which the runtime instantiates per type arguments; the
    // class's own is that instantiation, checked against rustc's layout of its payload.
    let (class_info, family_item, class_hoisted, params_marker) = if is_generic {
        let family_desc = desc(quote!(&[]), quote!(0), quote!(1));
        let type_args = generic::type_args_fn(&params);
        let family_doc = format!("The descriptor of every instantiation of [`{name_str}`].");
        let family_value = generic::family_value(name, vis, &cfgs);
        (
            quote! {
                ::jitclass::__private::rust_member::<Self>(
                    #family::class_info(),
                    #type_args,
                    &[#(#offsets),*],
                    ::core::mem::size_of::<#payload #ty_g>(),
                    ::core::mem::align_of::<#payload #ty_g>(),
                )
            },
            quote! {
                #(#cfgs)*
                #[doc = #family_doc]
                #[doc(hidden)]
                #[allow(non_camel_case_types)]
                #vis struct #family;

                #family_value

                #(#cfgs)*
                impl #family {
                    #hoisted

                    #[doc(hidden)]
                    pub fn class_info() -> &'static ::jitclass::ClassInfo {
                        static INFO: ::jitclass::ClassInfo =
                            ::jitclass::ClassInfo::__new(#family_desc);
                        &INFO
                    }
                }
            },
            TokenStream::new(),
            quote! {
                #[doc(hidden)]
                __jitclass_params: ::core::marker::PhantomData<fn() -> (#(#params,)*)>,
            },
        )
    } else {
        let own_desc = desc(
            quote!(&[#(#offsets),*]),
            quote!(::core::mem::size_of::<#payload>()),
            quote!(::core::mem::align_of::<#payload>()),
        );
        (
            quote! {
                static INFO: ::jitclass::ClassInfo = ::jitclass::ClassInfo::__new(#own_desc);
                &INFO
            },
            TokenStream::new(),
            hoisted,
            TokenStream::new(),
        )
    };
    // `V::jitclass_info()`, by which the glue finds a class named without type arguments
    // in jit code (`class_name.rs`): a generic class's is on the class applied to `()`s,
    // the one impl rustc then finds for `Stack<_>`, and is its family's descriptor. A
    // struct whose parameters have bounds `()` may not meet has none (naming it without
    // arguments outside its impl is then rustc's "type annotations needed").
    let unbounded = item.generics.where_clause.is_none()
        && item.generics.type_params().all(|tp| tp.bounds.is_empty());
    // What the glue's check of a path without type arguments takes as a class
    // (`class_name.rs`).
    let lookup_value = quote! {
        #[doc(hidden)]
        #[allow(dead_code)]
        pub fn jitclass_value() -> &'static ::jitclass::__private::ClassFound {
            ::core::unreachable!("the class check of a path is never called")
        }
    };
    let class_path_info = if !is_generic {
        quote! {
            #(#cfgs)*
            impl #name {
                #[doc(hidden)]
                #[allow(dead_code)]
                pub fn jitclass_info() -> &'static ::jitclass::ClassInfo {
                    <#name as ::jitclass::JitClass>::class_info()
                }

                #lookup_value
            }
        }
    } else if unbounded {
        let units = params.iter().map(|_| quote!(()));
        quote! {
            #(#cfgs)*
            impl #name<#(#units),*> {
                #[doc(hidden)]
                #[allow(dead_code)]
                pub fn jitclass_info() -> &'static ::jitclass::ClassInfo {
                    #family::class_info()
                }

                #lookup_value
            }
        }
    } else {
        TokenStream::new()
    };
    let own_path = syn::Path::from(name.clone());
    let recursive_refs: Vec<bool> = l
        .class_paths
        .iter()
        .map(|p| *p == own_path || p.is_ident("Self"))
        .collect();
    let unused_params = generic::unused_params_check(
        &item.generics,
        &l.ir,
        &recursive_refs,
        &fields.iter().map(|(f, _)| &f.ty).collect::<Vec<_>>(),
    );
    let unused_params = (!unused_params.is_empty()).then(|| quote!(#(#cfgs)* #unused_params));
    // A field naming another generic class over the parameters (`inner: Inner<T>`): rustc
    // checks that it is a class where the parameters are, with the class's bounds.
    let field_class_checks = (!class_checks.is_empty()).then(|| {
        quote! {
            #(#cfgs)*
            const _: () = {
                #[allow(dead_code, clippy::let_underscore_untyped)]
                fn field_classes #impl_g () #where_c {
                    #(#class_checks)*
                }
            };
        }
    });
    quote! {
        #unused_params
        #field_class_checks

        #(#cfgs)*
        #[doc = #payload_doc]
        #[doc(hidden)]
        #[repr(C)]
        #[allow(non_camel_case_types)]
        #vis struct #payload #impl_g #where_c {
            #(#payload_fields,)*
            #params_marker
        }

        #(#attrs)*
        #[repr(transparent)]
        #vis #struct_token #name #struct_generics #struct_where #handle_body

        #class_path_info

        #shadow

        #(#cfgs)*
        // SAFETY: the payload is the `#[repr(C)]` struct of the fields' reprs in order,
        // and `ClassInfo` checks jitclass's layout of it against rustc's offsets.
        unsafe impl #impl_g ::jitclass::JitClass for #this #where_c {
            type Payload = #payload #ty_g;
            type Literal = #this;
            type FieldlessLiteral = #fieldless_literal;

            fn class_info() -> &'static ::jitclass::ClassInfo {
                #class_info
            }

            #[inline(always)]
            fn handle(&self) -> &::jitclass::Handle<Self> {
                self.#handle_field.__handle()
            }

            #[inline(always)]
            fn from_handle(handle: ::jitclass::Handle<Self>) -> Self {
                #name {
                    #handle_field: ::jitclass::HandleField::__new(handle),
                    #(#handle_values,)*
                }
            }
        }

        #(#cfgs)*
        // SAFETY: the payload struct is what jit code lays out (checked at first use).
        unsafe impl #impl_g ::jitclass::JitLayout for #this #where_c {
            const SIZE: usize = ::core::mem::size_of::<#payload #ty_g>();
            const ALIGN: usize = ::core::mem::align_of::<#payload #ty_g>();
        }

        #(#cfgs)*
        impl #impl_g ::core::clone::Clone for #this #where_c {
            /// Another reference to the same instance.
            #[inline]
            fn clone(&self) -> Self {
                ::jitclass::JitClass::from_handle(::core::clone::Clone::clone(
                    ::jitclass::JitClass::handle(self),
                ))
            }
        }

        #(#cfgs)*
        impl #impl_g ::core::fmt::Debug for #this #where_c {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                ::core::fmt::Debug::fmt(::jitclass::JitClass::handle(self), f)
            }
        }

        #(#cfgs)*
        // SAFETY: an instance crosses as its `{meminfo, data}` repr, by pointer; the
        // caller's handle keeps it alive for the call.
        unsafe impl #impl_g ::jitclass::JitArg for #this #where_c {
            type Repr = ::jitclass::abi::RawInstance;
            type Abi = *const ::jitclass::abi::RawInstance;
            fn jit_type() -> ::jitclass::Type {
                ::jitclass::__private::class_abi::jit_type::<#this>()
            }
            #[inline(always)]
            fn to_repr(&self) -> ::jitclass::abi::RawInstance {
                ::jitclass::__private::class_abi::to_repr(self)
            }
            #[inline(always)]
            fn to_abi(repr: &::jitclass::abi::RawInstance) -> *const ::jitclass::abi::RawInstance {
                repr
            }
        }

        #(#cfgs)*
        // SAFETY: as for the owned handle: the borrow keeps the instance alive.
        unsafe impl #impl_ga ::jitclass::JitArg for &'a #this #where_c {
            type Repr = ::jitclass::abi::RawInstance;
            type Abi = *const ::jitclass::abi::RawInstance;
            fn jit_type() -> ::jitclass::Type {
                ::jitclass::__private::class_abi::jit_type::<#this>()
            }
            #[inline(always)]
            fn to_repr(&self) -> ::jitclass::abi::RawInstance {
                ::jitclass::__private::class_abi::to_repr(*self)
            }
            #[inline(always)]
            fn to_abi(repr: &::jitclass::abi::RawInstance) -> *const ::jitclass::abi::RawInstance {
                repr
            }
        }

        #(#cfgs)*
        // SAFETY: the handle is `#[repr(transparent)]` over its `RawInstance`; a slice of
        // handles owns one reference per element, which jit code reads and replaces as
        // such.
        unsafe impl #impl_g ::jitclass::JitElem for #this #where_c {}

        #(#cfgs)*
        // SAFETY: JIT code returns an owned reference through the out pointer.
        unsafe impl #impl_g ::jitclass::JitType for #this #where_c {
            type RetAbi = ();
            #[inline(always)]
            unsafe fn from_ret(_: (), out: *const ::jitclass::abi::RawInstance) -> Self {
                // SAFETY: the caller guarantees `out` is initialised with an owned reference.
                unsafe { ::jitclass::__private::class_abi::from_repr(*out) }
            }
            #[inline(always)]
            unsafe fn from_repr(repr: ::jitclass::abi::RawInstance) -> Self {
                // SAFETY: the caller guarantees `repr` is an owned reference to a `Self`.
                unsafe { ::jitclass::__private::class_abi::from_repr(repr) }
            }
            #[inline(always)]
            unsafe fn clone_from_repr(repr: &::jitclass::abi::RawInstance) -> Self {
                // SAFETY: the caller guarantees `repr` is a live instance of `Self`.
                unsafe { ::jitclass::__private::class_abi::clone_from_repr(repr) }
            }
            #[inline(always)]
            fn unmanaged_class(&self) -> ::core::option::Option<&'static str> {
                ::jitclass::__private::class_abi::unmanaged_class(self)
            }
            // As `JitElem` says: the handle is transparent over its `RawInstance`.
            const LAYOUT_IS_REPR: bool = true;
        }

        #(#cfgs)*
        impl #impl_g #this #where_c {
            #class_hoisted

            #(#accessors)*

            /// Whether two handles refer to the same instance.
            #[inline]
            #vis fn ptr_eq(a: &Self, b: &Self) -> bool {
                ::jitclass::Handle::ptr_eq(::jitclass::JitClass::handle(a), ::jitclass::JitClass::handle(b))
            }

            /// Whether the instance is counted by the memory runtime (`false` for an
            /// instance over memory someone else owns).
            #[inline]
            #vis fn is_managed(&self) -> bool {
                ::jitclass::JitClass::handle(self).is_managed()
            }

            /// How many references to the instance exist (`None` if unmanaged); an
            /// associated function, as `Rc::strong_count`.
            #[inline]
            #vis fn strong_count(this: &Self) -> ::core::option::Option<usize> {
                ::jitclass::Handle::strong_count(::jitclass::JitClass::handle(this))
            }
        }

        #family_item
    }
}
