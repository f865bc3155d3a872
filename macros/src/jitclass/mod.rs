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

use crate::glue::{
    cfgs_of, class_getters, failed_fn, fn_info, glue_signature, opaque_getters, pin_type,
};
use crate::jit::MAX_PARAMS;
use jitclass_core::ir::Receiver;
use jitclass_core::lower::{MethodContext, lower_class, lower_method};
use jitclass_core::operators::{OperatorMethod, OperatorTrait, Syntax};
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
                a.path().span(),
                "`#[jitclass]` types implement `Clone` (another reference to the same instance) and `Debug` themselves; remove the `#[derive]`",
            ));
        }
        if a.path().is_ident("repr") {
            errors.push(syn::Error::new(
                a.path().span(),
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

/// The C representation of a field type, spelled from the IR (what jit code lays out),
/// not from the written type: primitives as themselves, an instance as `RawInstance`.
fn repr_type(t: &jitclass_core::ir::TypeExpr) -> TokenStream {
    use jitclass_core::ir::TypeExpr;
    match t {
        TypeExpr::Prim(p) => {
            let name = format_ident!("{}", p.name());
            quote!(::core::primitive::#name)
        }
        TypeExpr::Unit => quote!(()),
        TypeExpr::Tuple(es) => {
            let name = format_ident!("Tuple{}", es.len());
            let es = es.iter().map(repr_type);
            quote!(::jitclass::abi::#name<#(#es),*>)
        }
        TypeExpr::Option(inner) => {
            let inner = repr_type(inner);
            quote!(::jitclass::abi::OptionRepr<#inner>)
        }
        TypeExpr::Class(_) | TypeExpr::PassThru(_) => quote!(::jitclass::abi::RawInstance),
        TypeExpr::Ptr { pointee, mutable } => {
            let pointee = repr_type(pointee);
            if *mutable {
                quote!(*mut #pointee)
            } else {
                quote!(*const #pointee)
            }
        }
        TypeExpr::Ref { .. } => quote!(*mut ()),
        TypeExpr::FnPtr { params, ret } => {
            let params = params.iter().map(repr_type);
            let ret = repr_type(ret);
            quote!(extern "C" fn(#(#params),*) -> #ret)
        }
        // `lower_class` allows no others in fields.
        TypeExpr::Slice { .. } | TypeExpr::Generic(_) | TypeExpr::Concrete(_) | TypeExpr::Infer => {
            quote!(())
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
    let payload_fields = fields.iter().zip(&l.ir.fields).map(|((f, _), ir)| {
        let fname = f.ident.as_ref().expect("named");
        let fvis = &f.vis;
        let fattrs = f.attrs.iter().filter(|a| a.path().is_ident("doc"));
        let repr = repr_type(&ir.ty);
        quote! { #(#fattrs)* #fvis #fname: #repr }
    });
    // The handle has the class's fields too, holding nothing: rustc checks struct
    // literals in jit code against it, naming the class as the user wrote it.
    let marker_fields: Vec<TokenStream> = fields
        .iter()
        .map(|(f, _)| {
            let fname = f.ident.as_ref().expect("named");
            let fvis = &f.vis;
            quote! {
                #[doc(hidden)]
                #[allow(dead_code)]
                #fvis #fname: ::jitclass::JitField
            }
        })
        .collect();
    let marker_values: Vec<TokenStream> = fields
        .iter()
        .map(|(f, _)| {
            let fname = f.ident.as_ref().expect("named");
            quote! { #fname: ::jitclass::JitField }
        })
        .collect();
    let offsets = fields.iter().map(|(f, _)| {
        let fname = f.ident.as_ref().expect("named");
        quote! { ::core::mem::offset_of!(#payload, #fname) }
    });
    let accessors = fields.iter().map(|(f, ty)| {
        let fname = f.ident.as_ref().expect("named");
        let fvis = &f.vis;
        let setter = format_ident!("set_{}", fname);
        let fname_str = fname.to_string();
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
            #[track_caller]
            #[allow(dead_code)]
            #fvis fn #setter(&self, value: #ty) {
                let handle = ::jitclass::JitClass::handle(self);
                // SAFETY: as in the getter; no reference into the payload is held.
                unsafe { handle.set::<#ty>(::core::ptr::addr_of_mut!((*handle.payload()).#fname), #fname_str, value) }
            }
        }
    });
    let ir = syn::LitByteStr::new(&l.ir.encode(), Span::call_site());
    let classes = class_getters(&l.class_paths);
    let opaques = opaque_getters(&l.opaque_types);
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
        #[repr(transparent)]
        #vis struct #name {
            // Public (and hidden) so that struct literals in jit code anywhere can name it.
            #[doc(hidden)]
            pub __jitclass: ::jitclass::Handle<#name>,
            #(#marker_fields,)*
        }

        #(#cfgs)*
        // SAFETY: the payload is the `#[repr(C)]` struct of the fields' reprs in order,
        // and `ClassInfo` checks jitclass's layout of it against rustc's offsets.
        unsafe impl ::jitclass::JitClass for #name {
            type Payload = #payload;
            type Literal = #name;

            fn class_info() -> &'static ::jitclass::ClassInfo {
                static INFO: ::jitclass::ClassInfo = ::jitclass::ClassInfo::__new(
                    ::jitclass::__private::ClassDesc {
                        name: #name_str,
                        module_path: ::core::module_path!(),
                        ir: #ir,
                        classes: &[#(#classes),*],
                        opaques: &[#(#opaques),*],
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
                #name { __jitclass: handle, #(#marker_values,)* }
            }
        }

        #(#cfgs)*
        // SAFETY: the payload struct is what jit code lays out (checked at first use).
        unsafe impl ::jitclass::JitLayout for #name {
            const SIZE: usize = ::core::mem::size_of::<#payload>();
            const ALIGN: usize = ::core::mem::align_of::<#payload>();
        }

        #(#cfgs)*
        impl ::core::clone::Clone for #name {
            /// Another reference to the same instance.
            #[inline]
            fn clone(&self) -> Self {
                #name {
                    __jitclass: ::core::clone::Clone::clone(&self.__jitclass),
                    #(#marker_values,)*
                }
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
            type Repr = ::jitclass::abi::RawInstance;
            type Abi = *const ::jitclass::abi::RawInstance;
            fn jit_type() -> ::jitclass::Type {
                ::jitclass::__private::class_abi::jit_type::<#name>()
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
        unsafe impl<'a> ::jitclass::JitArg for &'a #name {
            type Repr = ::jitclass::abi::RawInstance;
            type Abi = *const ::jitclass::abi::RawInstance;
            fn jit_type() -> ::jitclass::Type {
                ::jitclass::__private::class_abi::jit_type::<#name>()
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
        unsafe impl ::jitclass::JitElem for #name {}

        #(#cfgs)*
        // SAFETY: JIT code returns an owned reference through the out pointer.
        unsafe impl ::jitclass::JitType for #name {
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

            /// How many references to the instance exist (`None` if unmanaged); an
            /// associated function, as `Rc::strong_count`.
            #[inline]
            #vis fn strong_count(this: &Self) -> ::core::option::Option<usize> {
                ::jitclass::Handle::strong_count(&this.__jitclass)
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
    let operator = match &item.trait_ {
        Some((Some(bang), _, _)) => {
            errors.push(syn::Error::new(
                bang.span,
                "negative impls are not supported",
            ));
            None
        }
        Some((None, path, _)) => match OperatorImpl::of(path) {
            Ok(t) => Some(t),
            Err(e) => {
                errors.push(e);
                None
            }
        },
        None => None,
    };
    if item.trait_.is_some() && operator.is_none() {
        // Already reported: the impl stays as written.
        let errors = errors.into_iter().map(|e| e.to_compile_error());
        return quote! { #(#errors)* };
    }
    let class_ident = &self_path.segments.last().expect("a segment").ident;
    let context = MethodContext {
        self_path: &self_path,
        self_by_value: operator.as_ref().is_some_and(|o| o.by_value()),
        class_by_ref: operator.is_some(),
        returns_place: operator.as_ref().and_then(|o| o.index_mut()),
    };
    let mut methods = Vec::new();
    let mut statics = Vec::new();
    let mut others = Vec::new();
    let mut defined = Vec::new();
    let mut omit_impl = false;
    let mut index_methods = Vec::new();
    for it in &item.items {
        let f = match it {
            syn::ImplItem::Fn(f) => f,
            syn::ImplItem::Type(t) if operator.is_some() => {
                others.push(quote!(#t));
                continue;
            }
            _ => {
                errors.push(syn::Error::new(
                    it.span(),
                    "only functions are supported in `#[jitclass]` impl blocks",
                ));
                continue;
            }
        };
        defined.push(f.sig.ident.to_string());
        let kind = match property_kind(f, operator.is_some()) {
            Ok(k) => k,
            Err(e) => {
                errors.push(e);
                methods.push(failed_method(f, operator.is_some()));
                continue;
            }
        };
        if let Some(op) = &operator
            && let Err(e) = op.check_method(&f.sig.ident)
        {
            // Not a method of the trait: emitting the impl would only add rustc's
            // follow-up errors about it.
            errors.push(e);
            omit_impl = true;
            continue;
        }
        match lower_method(&f.sig, &f.block, &context) {
            Ok(mut l) => {
                let mut local_errors = Vec::new();
                if f.sig.inputs.len() > MAX_PARAMS {
                    local_errors.push(syn::Error::new(
                        f.sig.inputs.span(),
                        format!("jit functions take at most {MAX_PARAMS} parameters"),
                    ));
                }
                let check = jitclass_core::check_at_macro_time(&l.ir);
                for d in check.diagnostics {
                    local_errors.push(syn::Error::new(l.spans[d.loc.index()], d.full_message()));
                }
                l.opaque_equalities = check.opaque_equalities;
                if local_errors.is_empty() {
                    let (method, items) =
                        emit_method(f, &l, &self_path, class_ident, operator.as_ref(), kind);
                    if operator.as_ref().is_some_and(|o| o.index_mut().is_some()) {
                        // Rust's `Index` hands out `&T` into the payload, which another
                        // handle could write meanwhile: Rust gets value methods instead.
                        let wrapper = index_wrapper(f, &context).map_err(|e| vec![e]);
                        let lowered = wrapper.and_then(|w| {
                            let l = lower_method(&w.sig, &w.block, &context.inherent())?;
                            Ok((w, l))
                        });
                        match lowered {
                            Ok((wrapper, l)) => {
                                let (method, items) = emit_method(
                                    &wrapper,
                                    &l,
                                    &self_path,
                                    class_ident,
                                    None,
                                    quote!(::jitclass::__private::FnKind::Plain),
                                );
                                index_methods.push(method);
                                statics.push(items);
                            }
                            Err(e) => errors.extend(e),
                        }
                    } else {
                        methods.push(method);
                    }
                    statics.push(items);
                    if operator.is_none() {
                        statics.extend(shape_marker(f, &self_path));
                    }
                } else {
                    errors.extend(local_errors);
                    methods.push(failed_method(f, operator.is_some()));
                }
            }
            Err(e) => {
                errors.extend(e);
                methods.push(failed_method(f, operator.is_some()));
            }
        }
    }
    if let Some(op) = &operator
        && !omit_impl
    {
        match op.provided(
            &defined,
            item.trait_.as_ref().expect("a trait impl").1.span(),
        ) {
            Ok(extra) => methods.extend(extra),
            Err(e) => errors.push(e),
        }
    }
    let errors = errors.into_iter().map(|e| e.to_compile_error());
    if omit_impl {
        return quote! { #(#errors)* };
    }
    let attrs = &item.attrs;
    let self_ty = &item.self_ty;
    if operator.as_ref().is_some_and(|o| o.index_mut().is_some()) {
        let (_, trait_path, _) = item.trait_.as_ref().expect("a trait impl");
        return quote! {
            #(#errors)*
            impl #self_ty {
                #(#index_methods)*
            }
            #(#statics)*
            // The trait is named (the impl is jit code's only), so its import is used.
            const _: () = {
                #[allow(dead_code)]
                fn names_the_trait<T: ?Sized + #trait_path>() {}
            };
        };
    }
    let header = match &item.trait_ {
        Some((_, path, for_token)) => quote!(impl #path #for_token #self_ty),
        None => quote!(impl #self_ty),
    };
    quote! {
        #(#errors)*
        #(#attrs)*
        #header {
            #(#others)*
            #(#methods)*
        }
        #(#statics)*
    }
}

/// An operator trait a `#[jitclass] impl` implements, as written; what the trait is lives
/// in core's table (`jitclass_core::operators`).
struct OperatorImpl {
    operator: OperatorTrait,
    /// The trait's written path, for the dispatcher's name (`<V as Mul<f64>>::mul`).
    shown: String,
}

impl OperatorImpl {
    fn name(&self) -> &'static str {
        self.operator.name()
    }

    /// Whether its methods take `self` by value (`Add::add`) rather than by reference.
    fn by_value(&self) -> bool {
        self.operator.receiver() == Receiver::Value
    }

    /// `Some(mutable)` for `Index` / `IndexMut`, whose methods return a place.
    fn index_mut(&self) -> Option<bool> {
        self.operator.methods().find_map(|m| match m.syntax() {
            Syntax::Index { mutable } => Some(mutable),
            _ => None,
        })
    }

    fn of(path: &syn::Path) -> syn::Result<OperatorImpl> {
        let last = path.segments.last().expect("a segment");
        let name = last.ident.to_string();
        let shown = quote::ToTokens::to_token_stream(path)
            .to_string()
            .replace(' ', "");
        match OperatorTrait::named(&name) {
            Some(operator) => Ok(OperatorImpl { operator, shown }),
            None => Err(syn::Error::new(
                last.ident.span(),
                format!(
                    "`#[jitclass]` cannot implement `{name}`: jit code calls the operator traits {}",
                    OperatorTrait::ALL
                        .iter()
                        .map(|t| format!("`{}`", t.name()))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            )),
        }
    }

    /// The method `name` of the trait, which `check_method` accepted.
    fn method(&self, name: &syn::Ident) -> OperatorMethod {
        self.operator
            .method_named(&name.to_string())
            .expect("checked by `check_method`")
    }

    fn check_method(&self, ident: &syn::Ident) -> syn::Result<()> {
        if self.operator.generated().is_some_and(|g| ident == g.name) {
            return Err(syn::Error::new(
                ident.span(),
                "jit code has no `Ordering`: define `lt` (and, if they differ from what `lt` and `eq` give, `le`, `gt`, `ge`); `partial_cmp` is generated from them",
            ));
        }
        if self.operator.methods().any(|m| ident == m.name()) {
            return Ok(());
        }
        Err(syn::Error::new(
            ident.span(),
            format!(
                "`{ident}` is not a method of `{}` that jit code calls; expected {}",
                self.name(),
                self.operator
                    .methods()
                    .map(|m| format!("`{}`", m.name()))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        ))
    }

    /// Rust items the trait needs beyond what jit code provides: `partial_cmp`.
    fn provided(&self, defined: &[String], span: Span) -> syn::Result<Vec<TokenStream>> {
        let Some(generated) = self.operator.generated() else {
            return Ok(Vec::new());
        };
        if !defined.iter().any(|d| d == generated.needs.name()) {
            return Err(syn::Error::new(
                span,
                "a `#[jitclass] impl PartialOrd` defines `lt`, from which `partial_cmp` (and any of `le`, `gt`, `ge` not written) follow",
            ));
        }
        Ok(vec![quote! {
            fn partial_cmp(&self, other: &Self) -> ::core::option::Option<::core::cmp::Ordering> {
                if <Self as ::core::cmp::PartialOrd>::lt(self, other) {
                    ::core::option::Option::Some(::core::cmp::Ordering::Less)
                } else if <Self as ::core::cmp::PartialOrd>::lt(other, self) {
                    ::core::option::Option::Some(::core::cmp::Ordering::Greater)
                } else if <Self as ::core::cmp::PartialEq>::eq(self, other) {
                    ::core::option::Option::Some(::core::cmp::Ordering::Equal)
                } else {
                    ::core::option::Option::None
                }
            }
        }])
    }
}

/// The glue method on the handle, and the dispatcher and registry entry beside the impl.
fn emit_method(
    f: &syn::ImplItemFn,
    l: &jitclass_core::lower::Lowered,
    self_path: &syn::Path,
    class_ident: &syn::Ident,
    operator: Option<&OperatorImpl>,
    kind: TokenStream,
) -> (TokenStream, TokenStream) {
    let fname = &f.sig.ident;
    let (qualified, registered, unique) = match operator {
        Some(op) => (
            format!("<{class_ident} as {}>::{fname}", op.shown),
            op.method(fname).key(),
            // One static per impl: `Mul<f64>` and `Mul<V>` both have `mul`.
            format!("{}_{fname}_{:x}", op.name(), fnv(&op.shown)),
        ),
        None => (
            format!("{class_ident}::{fname}"),
            fname.to_string(),
            fname.to_string(),
        ),
    };
    let dispatcher = format_ident!("__JITCLASS_{}_{}", class_ident, unique);
    let entry_name = format_ident!("__JITCLASS_ENTRY_{}_{}", class_ident, unique);
    let info = fn_info(&qualified, l, false, &syn::Generics::default());
    let name_str = registered;
    let (mut sig, arg_names) = glue_signature(&f.sig, Some(l));
    let mut call_args: Vec<TokenStream> = Vec::new();
    if let Some(syn::FnArg::Receiver(r)) = sig.inputs.first_mut() {
        if operator.is_none() {
            // The handle is a shared reference: `&mut self` methods take `&self` in Rust.
            unmut_receiver(r);
        }
        call_args.push(if r.reference.is_some() {
            quote!(&*self)
        } else {
            quote!(self)
        });
    }
    call_args.extend(arg_names.iter().map(|a| quote!(#a)));
    let call = format_ident!("call_{}", call_args.len());
    let vis = &f.vis;
    let attrs = f.attrs.iter().filter(|a| !is_property_attr(a));
    // Spanned at the user's function, so that rustc's messages about the method (a
    // name clash with a field's getter, say) point there.
    let method = quote_spanned! {fname.span()=>
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
            kind: #kind,
        };
    };
    (method, items)
}

fn is_property_attr(a: &syn::Attribute) -> bool {
    a.path().is_ident("getter") || a.path().is_ident("setter")
}

/// `FnKind::Plain`, or `Getter` / `Setter` for a `#[getter]` / `#[setter]` function,
/// after checking its shape: jit code reads `v.name` through `fn name(&self) -> T` and
/// writes `v.name = x` through `fn set_name(&mut self, x: T)`.
fn property_kind(f: &syn::ImplItemFn, in_trait: bool) -> syn::Result<TokenStream> {
    let attrs: Vec<&syn::Attribute> = f.attrs.iter().filter(|a| is_property_attr(a)).collect();
    let Some(attr) = attrs.first() else {
        return Ok(quote!(::jitclass::__private::FnKind::Plain));
    };
    let getter = attr.path().is_ident("getter");
    let which = if getter { "#[getter]" } else { "#[setter]" };
    let err = |span: Span, message: String| Err(syn::Error::new(span, message));
    if attrs.len() > 1 {
        return err(
            attrs[1].span(),
            "a function is either a `#[getter]` or a `#[setter]`, once".into(),
        );
    }
    if !matches!(attr.meta, syn::Meta::Path(_)) {
        return err(
            attr.span(),
            format!("`{which}` takes no arguments: the property is named after the function"),
        );
    }
    if in_trait {
        return err(
            attr.span(),
            format!("`{which}` belongs in an inherent `#[jitclass] impl`, not a trait impl"),
        );
    }
    let receiver = f.sig.receiver();
    let others = f
        .sig
        .inputs
        .iter()
        .filter(|a| matches!(a, syn::FnArg::Typed(_)))
        .count();
    let returns_value = !matches!(f.sig.output, syn::ReturnType::Default);
    if getter {
        match receiver {
            Some(r) if r.reference.is_some() && r.mutability.is_none() => {}
            Some(r) => {
                return err(
                    r.span(),
                    "a `#[getter]` takes `&self`: reading a property does not change the instance"
                        .into(),
                );
            }
            None => {
                return err(
                    f.sig.ident.span(),
                    "a `#[getter]` is a method: it takes `&self`".into(),
                );
            }
        }
        if others > 0 {
            return err(
                f.sig.inputs.span(),
                "a `#[getter]` takes no parameters besides `&self`".into(),
            );
        }
        if !returns_value {
            return err(
                f.sig.ident.span(),
                "a `#[getter]` returns the property's value".into(),
            );
        }
        return Ok(quote!(::jitclass::__private::FnKind::Getter));
    }
    let name = f.sig.ident.to_string();
    if name.strip_prefix("set_").is_none_or(str::is_empty) {
        return err(
            f.sig.ident.span(),
            format!(
                "a `#[setter]` is named `set_<property>`, so that jit code writes `v.<property> = value`; found `{name}`"
            ),
        );
    }
    match receiver {
        Some(r) if r.reference.is_some() && r.mutability.is_some() => {}
        Some(r) => return err(r.span(), "a `#[setter]` takes `&mut self`".into()),
        None => {
            return err(
                f.sig.ident.span(),
                "a `#[setter]` is a method: it takes `&mut self`".into(),
            );
        }
    }
    if others != 1 {
        return err(
            f.sig.inputs.span(),
            "a `#[setter]` takes `&mut self` and the new value".into(),
        );
    }
    if returns_value {
        return err(f.sig.output.span(), "a `#[setter]` returns nothing".into());
    }
    Ok(quote!(::jitclass::__private::FnKind::Setter))
}

/// For `fn index(&self, i: I) -> &T`, the Rust-side `fn index(&self, i: I) -> T
/// { self[i] }`; for `fn index_mut(&mut self, i: I) -> &mut T`, `fn set_index(&mut self,
/// i: I, value: T) { self[i] = value; }`: jit functions like any other method.
fn index_wrapper(f: &syn::ImplItemFn, cx: &MethodContext<'_>) -> syn::Result<syn::ImplItemFn> {
    let shape_error = || {
        syn::Error::new(
            f.sig.span(),
            "`index` takes `&self` and an index, and returns `&T` (`index_mut`: `&mut self`, `&mut T`)",
        )
    };
    let (Some(syn::FnArg::Typed(index)), syn::ReturnType::Type(_, ret)) =
        (f.sig.inputs.iter().nth(1), &f.sig.output)
    else {
        return Err(shape_error());
    };
    let syn::Type::Reference(r) = &**ret else {
        return Err(shape_error());
    };
    let (index_ty, elem) = (&index.ty, &r.elem);
    let vis = syn::Visibility::Public(Default::default());
    let span = f.sig.ident.span();
    Ok(if cx.returns_place == Some(true) {
        let doc = "Writes `self[index] = value` through the jit `IndexMut` impl.";
        syn::parse_quote_spanned! {span=>
            #[doc = #doc]
            #vis fn set_index(&mut self, index: #index_ty, value: #elem) {
                self[index] = value;
            }
        }
    } else {
        let doc = "Reads `self[index]` through the jit `Index` impl.";
        syn::parse_quote_spanned! {span=>
            #[doc = #doc]
            #vis fn index(&self, index: #index_ty) -> #elem {
                self[index]
            }
        }
    })
}

/// The `jitclass::__private::sql` marker a function named like an aggregate's parts
/// implements for its class (see `runtime/src/shapes.rs`).
fn shape_marker(f: &syn::ImplItemFn, self_path: &syn::Path) -> Option<TokenStream> {
    let (sig, _) = glue_signature(&f.sig, None);
    let receiver = sig
        .receiver()
        .map(|r| (r.reference.is_some(), r.mutability.is_some()));
    let params: Vec<&syn::Type> = sig
        .inputs
        .iter()
        .filter_map(|a| match a {
            syn::FnArg::Typed(pt) => Some(&*pt.ty),
            syn::FnArg::Receiver(_) => None,
        })
        .collect();
    let output = match &sig.output {
        syn::ReturnType::Default => quote!(()),
        syn::ReturnType::Type(_, t) => quote!(#t),
    };
    let shapes = quote!(::jitclass::__private::sql);
    let body = match (f.sig.ident.to_string().as_str(), receiver) {
        ("new", None) if params.is_empty() => quote!(#shapes::New for #self_path {}),
        ("step", Some((true, true))) => {
            quote!(#shapes::Step for #self_path { type Args = (#(#params,)*); })
        }
        ("inverse", Some((true, true))) => {
            quote!(#shapes::Inverse for #self_path { type Args = (#(#params,)*); })
        }
        ("finalize", Some((true, _))) if params.is_empty() => {
            quote!(#shapes::Finalize for #self_path { type Output = #output; })
        }
        ("value", Some((true, _))) if params.is_empty() => {
            quote!(#shapes::Value for #self_path { type Output = #output; })
        }
        _ => return None,
    };
    Some(quote! {
        #[doc(hidden)]
        impl #body
    })
}

/// `&mut self` -> `&self`.
fn unmut_receiver(r: &mut syn::Receiver) {
    r.mutability = None;
    if let syn::Type::Reference(tr) = &mut *r.ty {
        tr.mutability = None;
    }
}

/// A short stable hash, for names of generated items.
fn fnv(text: &str) -> u32 {
    text.bytes().fold(0x811c_9dc5u32, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

/// After errors: the method with its signature and a body that panics, so that its
/// callers produce no follow-up errors.
fn failed_method(f: &syn::ImplItemFn, in_trait: bool) -> TokenStream {
    let (mut sig, _) = glue_signature(&f.sig, None);
    if let Some(syn::FnArg::Receiver(r)) = sig.inputs.first_mut()
        && !in_trait
    {
        unmut_receiver(r);
    }
    let attrs = f.attrs.iter().filter(|a| !is_property_attr(a));
    failed_fn(attrs, &f.vis, &sig, &f.block)
}
