//! `#[derive(PartialEq, Eq, Hash, Default)]` on a `#[jitclass] struct`: structural over the
//! fields, as rustc's derives mean on the same struct written as plain Rust.
//!
//! - The *field struct* `__JitclassFields_V`, the class's fields by value with the derives
//!   as written: rustc checks there what each derive needs of the field types (E0369 for
//!   `==`, E0277 for `Eq`/`Hash`/`Default`), in its words, at the fields, once. The
//!   generated jit code below hosts no shadow, so these errors are not repeated.
//! - `PartialEq`: a generated `#[jitclass] impl PartialEq for V` whose `eq` is `self.a ==
//!   other.a && ..` in field order, so `==`/`!=` work in jit code (the operator's method,
//!   which a map keyed by instances can call later) and on the Rust handles (through it).
//! - `Eq`: the marker impl on the handle; without a derived `PartialEq` a hand-written
//!   `#[jitclass] impl PartialEq` meets its bound (rustc's E0277 "can't compare" if none).
//! - `Hash`: on the Rust handle, the field struct of the fields' values hashed by its
//!   derived `Hash` (each field in order, as rustc's derive on `V` would).
//! - `Default`: a generated jit `fn default() -> V` building each field's default (numbers
//!   `0`, `false`, `'\0'`, `None`, empty `Vec`/`String`/`HashMap`/`HashSet`, arrays and tuples of defaults,
//!   another class's derived `default()`), and `impl Default` on the handle calling it.
//!
//! `Clone` and `Debug` stay the class's own (another reference; the instance's fields).

use super::class::{replace_self, self_arguments};
use super::{generic, impl_block};
use crate::ctxt::Ctxt;
use crate::glue::{cfgs_of, pin_type};
use jitclass_core::ir::TypeExpr;
use jitclass_core::lower::LoweredClass;
use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use syn::punctuated::Punctuated;
use syn::spanned::Spanned;

/// The derives a class asks for, each by the path it was written with.
#[derive(Default)]
pub(super) struct Derives {
    partial_eq: Option<syn::Path>,
    eq: Option<syn::Path>,
    hash: Option<syn::Path>,
    default: Option<syn::Path>,
}

impl Derives {
    pub(super) fn any(&self) -> bool {
        self.partial_eq.is_some()
            || self.eq.is_some()
            || self.hash.is_some()
            || self.default.is_some()
    }

    /// The names of the traits derived, for the class's descriptor (`ClassDesc::derives`).
    pub(super) fn names(&self) -> Vec<&'static str> {
        [
            (&self.partial_eq, "PartialEq"),
            (&self.eq, "Eq"),
            (&self.hash, "Hash"),
            (&self.default, "Default"),
        ]
        .into_iter()
        .filter_map(|(path, name)| path.as_ref().map(|_| name))
        .collect()
    }

    /// The paths as written, for the field struct's `#[derive]`.
    fn paths(&self) -> impl Iterator<Item = &syn::Path> {
        [&self.partial_eq, &self.eq, &self.hash, &self.default]
            .into_iter()
            .flatten()
    }
}

/// The derives of the struct's `#[derive]` attributes; the others are errors.
pub(super) fn parse(cx: &Ctxt, attrs: &[syn::Attribute]) -> Derives {
    let mut derives = Derives::default();
    for attr in attrs.iter().filter(|a| a.path().is_ident("derive")) {
        let paths =
            match attr.parse_args_with(Punctuated::<syn::Path, syn::Token![,]>::parse_terminated) {
                Ok(paths) => paths,
                Err(e) => {
                    cx.push(e);
                    continue;
                }
            };
        for path in paths {
            let name = path.segments.last().map(|s| s.ident.to_string());
            let slot = match name.as_deref() {
                Some("PartialEq") => &mut derives.partial_eq,
                Some("Eq") => &mut derives.eq,
                Some("Hash") => &mut derives.hash,
                Some("Default") => &mut derives.default,
                Some(name @ ("Clone" | "Debug")) => {
                    let what = if name == "Clone" {
                        "another reference to the same instance"
                    } else {
                        "the instance's fields"
                    };
                    cx.error(
                        path.span(),
                        format!("`#[jitclass]` types implement `{name}` themselves ({what}); remove it from the `#[derive]`"),
                    );
                    continue;
                }
                _ => {
                    cx.error(
                        path.span(),
                        format!(
                            "`#[jitclass]` classes derive `PartialEq`, `Eq`, `Hash` and `Default`, not `{}`",
                            quote!(#path).to_string().replace(' ', "")
                        ),
                    );
                    continue;
                }
            };
            if slot.is_some() {
                // rustc's E0119, as the second derive's impl would conflict.
                cx.error(
                    path.span(),
                    format!(
                        "conflicting implementations of trait `{}`",
                        name.unwrap_or_default()
                    ),
                );
                continue;
            }
            *slot = Some(path);
        }
    }
    derives
}

/// One field of the class, as the derives read it.
pub(super) struct Field<'a> {
    pub(super) ident: &'a syn::Ident,
    /// The written type, `Self` named as the class, primitives pinned.
    pub(super) ty: &'a syn::Type,
    /// Its lowered type.
    pub(super) ir: &'a TypeExpr,
    /// Where rustc's derive points for this field.
    pub(super) span: Span,
}

/// The class the derives are of.
struct Class<'a> {
    ident: &'a syn::Ident,
    vis: &'a syn::Visibility,
    cfgs: &'a [&'a syn::Attribute],
    /// The struct's generics as written (empty if it is not generic).
    generics: &'a syn::Generics,
    /// The generics with what the class's own Rust items ask of them (`T: JitType`, and
    /// `F: JitType` for each field type `F` naming a parameter), which the handle's trait
    /// impls and the field struct carry too.
    bounded: syn::Generics,
    /// The class applied to its own parameters (`Pair<A, B>`; `V` if not generic).
    this: syn::Type,
}

impl Class<'_> {
    fn is_generic(&self) -> bool {
        self.generics.type_params().next().is_some()
    }

    /// The generics of a derived impl: as rustc's derive, every type parameter bounded by
    /// the trait (`impl<A: PartialEq, B: PartialEq> PartialEq for Pair<A, B>`), on
    /// `base`'s bounds; `bound` at the derive's path, where rustc's note about an
    /// unsatisfied bound points.
    fn derive_generics(&self, base: &syn::Generics, bound: TokenStream) -> syn::Generics {
        let mut g = base.clone();
        for tp in g.type_params_mut() {
            tp.bounds.push(syn::parse_quote!(#bound));
        }
        g
    }
}

/// What the class's `#[derive]`s add, from the struct and its lowered fields.
pub(super) fn emit_for_class(
    cx: &Ctxt,
    item: &syn::ItemStruct,
    l: &LoweredClass,
    derives: &Derives,
) -> TokenStream {
    let self_args = self_arguments(&item.generics);
    let types: Vec<syn::Type> = item
        .fields
        .iter()
        .map(|f| {
            let mut ty = f.ty.clone();
            replace_self(&mut ty, &item.ident, &self_args);
            pin_type(&mut ty);
            ty
        })
        .collect();
    let fields: Vec<Field<'_>> = item
        .fields
        .iter()
        .zip(&types)
        .zip(&l.ir.fields)
        .map(|((f, ty), ir)| Field {
            ident: f.ident.as_ref().expect("named"),
            ty,
            ir: &ir.ty,
            span: f.span(),
        })
        .collect();
    let cfgs = cfgs_of(&item.attrs);
    let bounded = generic::with_field_bounds(
        generic::with_jit_bounds(&item.generics),
        fields
            .iter()
            .filter(|f| f.ir.max_generic().is_some())
            .map(|f| f.ty),
    );
    let (_, ty_g, _) = item.generics.split_for_impl();
    let ident = &item.ident;
    let class = Class {
        ident,
        vis: &item.vis,
        cfgs: &cfgs,
        generics: &item.generics,
        bounded,
        this: syn::parse_quote!(#ident #ty_g),
    };
    emit(cx, &class, &fields, derives)
}

/// The items the derives add beside the class.
fn emit(cx: &Ctxt, class: &Class<'_>, fields: &[Field<'_>], derives: &Derives) -> TokenStream {
    if !derives.any() {
        return TokenStream::new();
    }
    let (this, cfgs) = (&class.this, class.cfgs);
    let fields_struct = format_ident!("__JitclassFields_{}", class.ident);
    // `Eq` without a derived `PartialEq` is met by a hand-written `#[jitclass] impl
    // PartialEq` (else rustc's E0277 "can't compare" at the class, from the `Eq` impl
    // below): the field struct derives `PartialEq` too, so that it checks `Eq` of the
    // fields without an error of its own.
    let partial_eq_for_eq = match (&derives.eq, &derives.partial_eq) {
        (Some(eq), None) => Some(quote_spanned!(eq.span()=> ::core::cmp::PartialEq)),
        _ => None,
    };
    let paths = partial_eq_for_eq
        .into_iter()
        .chain(derives.paths().map(|p| quote!(#p)));
    let struct_fields = fields.iter().map(|f| {
        let (ident, ty) = (f.ident, f.ty);
        quote_spanned!(f.span=> #ident: #ty)
    });
    // A generic field struct uses every parameter, as the class does, whichever its
    // fields name (rustc reports an unused one at the class).
    let params = generic::params(class.generics);
    let (params_field, params_value) = if class.is_generic() {
        (
            quote!(__jitclass_params: ::core::marker::PhantomData<fn() -> (#(#params,)*)>,),
            quote!(__jitclass_params: ::core::marker::PhantomData,),
        )
    } else {
        (TokenStream::new(), TokenStream::new())
    };
    let (struct_g, _, struct_where) = class.bounded.split_for_impl();
    let mut out = quote! {
        #(#cfgs)*
        #[doc(hidden)]
        #[allow(non_camel_case_types, dead_code)]
        #[derive(#(#paths),*)]
        struct #fields_struct #struct_g #struct_where {
            #(#struct_fields,)*
            #params_field
        }
    };
    if let Some(path) = &derives.partial_eq {
        out.extend(with_cfgs(partial_eq(cx, class, fields, path.span()), cfgs));
    }
    if let Some(path) = &derives.eq {
        let g = class.derive_generics(
            &class.bounded,
            quote_spanned!(path.span()=> ::core::cmp::Eq),
        );
        let (impl_g, _, where_c) = g.split_for_impl();
        out.extend(quote_spanned! {path.span()=>
            #(#cfgs)*
            impl #impl_g ::core::cmp::Eq for #this #where_c {}
        });
    }
    if let Some(path) = &derives.hash {
        let values = fields.iter().map(|f| {
            let ident = f.ident;
            quote!(#ident: self.#ident())
        });
        let g = class.derive_generics(
            &class.bounded,
            quote_spanned!(path.span()=> ::core::hash::Hash),
        );
        let (impl_g, _, where_c) = g.split_for_impl();
        out.extend(quote_spanned! {path.span()=>
            #(#cfgs)*
            impl #impl_g ::core::hash::Hash for #this #where_c {
                /// The fields' values, each hashed in order, as rustc's derive does.
                fn hash<__H: ::core::hash::Hasher>(&self, state: &mut __H) {
                    ::core::hash::Hash::hash(&#fields_struct { #(#values,)* #params_value }, state)
                }
            }
        });
    }
    if let Some(path) = &derives.default {
        out.extend(default(cx, class, fields, path.span()));
    }
    out
}

/// `#[jitclass] impl PartialEq for V`: every field equal, in order.
fn partial_eq(cx: &Ctxt, class: &Class<'_>, fields: &[Field<'_>], span: Span) -> TokenStream {
    let mut comparable = true;
    for f in fields {
        if let Some(why) = not_comparable(f.ir) {
            let ty = f.ty;
            let shown = quote!(#ty)
                .to_string()
                .replace(' ', "")
                .replace("::core::primitive::", "");
            cx.error(
                f.span,
                format!("`#[derive(PartialEq)]` is not supported on a class with a field of type `{shown}` yet\nnote: jit code does not compare {why} yet"),
            );
            comparable = false;
        }
    }
    if !comparable {
        return TokenStream::new();
    }
    let compared = fields.iter().map(|f| {
        let ident = f.ident;
        equal(
            f.ir,
            quote_spanned!(f.span=> self.#ident),
            quote_spanned!(f.span=> other.#ident),
            f.span,
        )
    });
    let body = if fields.is_empty() {
        quote!(true)
    } else {
        quote!(#(#compared)&&*)
    };
    let this = &class.this;
    let g = class.derive_generics(
        class.generics,
        quote_spanned!(span=> ::core::cmp::PartialEq),
    );
    let (impl_g, _, where_c) = g.split_for_impl();
    let item: syn::ItemImpl = syn::parse_quote_spanned! {span=>
        impl #impl_g ::core::cmp::PartialEq for #this #where_c {
            fn eq(&self, other: &#this) -> bool {
                #body
            }
        }
    };
    impl_block::expand_generated(cx, item)
}

/// Jit code's `a == b` for values of type `ir`, as Rust's `PartialEq` means it: a tuple
/// element by element, in order, stopping at the first difference as std's impl does; an
/// option by its variants, then its values. (Written before jit code had `==` on tuples
/// and options, `infer/structural_eq.rs`; spelled out, it still compares what that does
/// not yet: arrays inside a tuple.)
fn equal(ir: &TypeExpr, a: TokenStream, b: TokenStream, span: Span) -> TokenStream {
    match ir {
        // `()` and a `PhantomData<T>` marker (`()` in jit code) have one value: always equal.
        TypeExpr::Unit => quote_spanned!(span=> true),
        TypeExpr::Tuple(es) if es.is_empty() => quote_spanned!(span=> true),
        TypeExpr::Tuple(es) => {
            let parts = es.iter().enumerate().map(|(i, e)| {
                let i = syn::Index {
                    index: i as u32,
                    span,
                };
                equal(
                    e,
                    quote_spanned!(span=> #a.#i),
                    quote_spanned!(span=> #b.#i),
                    span,
                )
            });
            quote_spanned!(span=> (#(#parts)&&*))
        }
        // std's impl, as a `match`. Jit code
        // cannot match a place by reference yet, and a `match` on a field moves out of it:
        // an option holding an owned value (`String`, `Vec`, map) is matched as a clone.
        TypeExpr::Option(inner) => {
            let depth = a.to_string().len();
            let (x, y) = (format_ident!("__x{}", depth), format_ident!("__y{}", depth));
            let (sa, sb) = if holds_owned(inner) {
                (
                    quote_spanned!(span=> #a.clone()),
                    quote_spanned!(span=> #b.clone()),
                )
            } else {
                (a.clone(), b.clone())
            };
            let inner = equal(inner, quote!(#x), quote!(#y), span);
            quote_spanned! {span=>
                (match #sa {
                    Some(#x) => match #sb {
                        Some(#y) => #inner,
                        None => false,
                    },
                    None => #b.is_none(),
                })
            }
        }
        _ => quote_spanned!(span=> #a == #b),
    }
}

/// Whether a value of type `ir` owns a block that a move out of a field would take
/// (instances are counted references, copied by a move).
fn holds_owned(ir: &TypeExpr) -> bool {
    match ir {
        // A type parameter may be one of those.
        TypeExpr::String | TypeExpr::Vec(_) | TypeExpr::Map { .. } | TypeExpr::Generic(_) => true,
        TypeExpr::Tuple(es) => es.iter().any(holds_owned),
        TypeExpr::Option(e) => holds_owned(e),
        TypeExpr::Array { elem, .. } => holds_owned(elem),
        _ => false,
    }
}

/// What jit code cannot compare yet in a value of type `ir` (`infer/op.rs`'s checks of
/// `==`, which would otherwise fail at the first call of the generated `eq`).
fn not_comparable(ir: &TypeExpr) -> Option<&'static str> {
    fn holds(ir: &TypeExpr, what: &dyn Fn(&TypeExpr) -> bool) -> bool {
        what(ir)
            || match ir {
                TypeExpr::Tuple(es) => es.iter().any(|e| holds(e, what)),
                TypeExpr::Option(e) | TypeExpr::Vec(e) => holds(e, what),
                TypeExpr::Array { elem, .. } => holds(elem, what),
                TypeExpr::Map { .. } => true,
                _ => false,
            }
    }
    match ir {
        TypeExpr::Tuple(es) => es.iter().find_map(not_comparable),
        TypeExpr::Option(e) => not_comparable(e),
        _ if holds(ir, &|t| matches!(t, TypeExpr::Map { .. })) => Some("`HashMap`s"),
        TypeExpr::Array { elem, .. }
            if !matches!(
                **elem,
                TypeExpr::Prim(_) | TypeExpr::Ptr { .. } | TypeExpr::FnPtr { .. }
            ) =>
        {
            Some("arrays of elements other than numbers, `bool`, `char` and pointers")
        }
        TypeExpr::Vec(elem)
            if holds(elem, &|t| {
                matches!(t, TypeExpr::Class(_) | TypeExpr::Array { .. })
            }) =>
        {
            Some("`Vec`s of instances or of arrays")
        }
        _ => None,
    }
}

/// A jit `fn default() -> V` of the fields' defaults, and `impl Default` calling it;
/// nothing where a field's type has no default jit code can build (a pointer, a
/// `PassThru`), which has no `Default` either: the field struct's derive reports it.
fn default(cx: &Ctxt, class: &Class<'_>, fields: &[Field<'_>], span: Span) -> TokenStream {
    let (this, vis, cfgs) = (&class.this, class.vis, class.cfgs);
    let mut values = Vec::new();
    for f in fields {
        let Some(value) = default_value(f.ir, f.ty) else {
            return TokenStream::new();
        };
        let ident = f.ident;
        values.push(quote_spanned!(f.span=> #ident: #value));
    }
    let ident = class.ident;
    let g = class.derive_generics(
        class.generics,
        quote_spanned!(span=> ::core::default::Default),
    );
    let (impl_g, _, where_c) = g.split_for_impl();
    let item: syn::ItemImpl = syn::parse_quote_spanned! {span=>
        impl #impl_g #this #where_c {
            /// The instance of every field's default, as `#[derive(Default)]` builds it.
            #[allow(clippy::should_implement_trait)]
            #vis fn default() -> #this {
                #ident { #(#values,)* }
            }
        }
    };
    let inherent = with_cfgs(impl_block::expand_generated(cx, item), cfgs);
    let g = class.derive_generics(
        &class.bounded,
        quote_spanned!(span=> ::core::default::Default),
    );
    let (impl_g, _, where_c) = g.split_for_impl();
    quote_spanned! {span=>
        #inherent

        #(#cfgs)*
        impl #impl_g ::core::default::Default for #this #where_c {
            /// Every field's default (compiled as jit code, as in jit code).
            #[inline]
            fn default() -> #this {
                <#this>::default()
            }
        }
    }
}

/// Whether `ir` holds a type parameter by value (itself, or in a tuple or array).
fn holds_generic(ir: &TypeExpr) -> bool {
    match ir {
        TypeExpr::Generic(_) => true,
        TypeExpr::Tuple(es) => es.iter().any(holds_generic),
        TypeExpr::Array { elem, .. } => holds_generic(elem),
        _ => false,
    }
}

/// The jit expression of `Default::default()` for a field of lowered type `ir`, written
/// `ty`.
fn default_value(ir: &TypeExpr, ty: &syn::Type) -> Option<TokenStream> {
    let ty = ungroup(ty);
    Some(match ir {
        TypeExpr::Prim(p) if p.is_float() => quote!(0.0),
        TypeExpr::Prim(p) if p.is_int() => quote!(0),
        TypeExpr::Prim(jitclass_core::PrimTy::Bool) => quote!(false),
        TypeExpr::Prim(jitclass_core::PrimTy::Char) => quote!('\0'),
        TypeExpr::Unit => quote!(()),
        TypeExpr::Option(_) => quote!(None),
        TypeExpr::Vec(_) => quote!(Vec::new()),
        TypeExpr::String => quote!(String::new()),
        // A `HashSet<K>` is a map whose values never exist.
        TypeExpr::Map { value, .. } if matches!(**value, TypeExpr::Never) => {
            quote!(HashSet::new())
        }
        TypeExpr::Map { .. } => quote!(HashMap::new()),
        TypeExpr::Tuple(es) => {
            let syn::Type::Tuple(t) = ty else {
                return None;
            };
            let es = es
                .iter()
                .zip(&t.elems)
                .map(|(e, t)| default_value(e, t))
                .collect::<Option<Vec<_>>>()?;
            quote!((#(#es,)*))
        }
        TypeExpr::Array { elem, .. } => {
            let syn::Type::Array(a) = ty else {
                return None;
            };
            // `[x; N]` copies one value: not one of a type parameter, which may own
            // memory; the array's own default builds each element's (per instantiation).
            if holds_generic(elem) {
                return Some(quote!(<#a as ::core::default::Default>::default()));
            }
            let e = default_value(elem, &a.elem)?;
            let len = &a.len;
            quote!([#e; #len])
        }
        // `A::default()`, which jit code builds per instantiation (the derive bounds
        // `A: Default`).
        TypeExpr::Generic(_) => {
            let syn::Type::Path(p) = ty else {
                return None;
            };
            quote!(#p::default())
        }
        TypeExpr::Class(_) => {
            let syn::Type::Path(p) = ty else {
                return None;
            };
            // In expression syntax: `Inner::<T>::default()`, with the type arguments as
            // written (jit code's class references take `::core::primitive::i64` for a
            // class path).
            let mut p = p.clone();
            unpin_primitives(&mut p);
            for seg in &mut p.path.segments {
                if let syn::PathArguments::AngleBracketed(args) = &mut seg.arguments {
                    args.colon2_token = Some(Default::default());
                }
            }
            quote!(#p::default())
        }
        _ => return None,
    })
}

/// `ty` with the primitives `pin_type` wrote as `::core::primitive::i64` back to `i64`.
fn unpin_primitives(ty: &mut syn::TypePath) {
    struct Unpin;
    impl syn::visit_mut::VisitMut for Unpin {
        fn visit_type_path_mut(&mut self, tp: &mut syn::TypePath) {
            let segs = &tp.path.segments;
            if tp.qself.is_none()
                && tp.path.leading_colon.is_some()
                && segs.len() == 3
                && segs[0].ident == "core"
                && segs[1].ident == "primitive"
                && segs[2].arguments.is_none()
            {
                let ident = segs[2].ident.clone();
                *tp = syn::parse_quote!(#ident);
                return;
            }
            syn::visit_mut::visit_type_path_mut(self, tp);
        }
    }
    syn::visit_mut::VisitMut::visit_type_path_mut(&mut Unpin, ty);
}

/// Every item of a generated impl's expansion under the class's `#[cfg]`s, as the class's
/// own items are.
fn with_cfgs(tokens: TokenStream, cfgs: &[&syn::Attribute]) -> TokenStream {
    if cfgs.is_empty() {
        return tokens;
    }
    match syn::parse2::<syn::File>(tokens.clone()) {
        Ok(file) => {
            let items = file.items.iter().map(|item| quote! { #(#cfgs)* #item });
            quote! { #(#items)* }
        }
        // Not items: left as they are, for rustc to report.
        Err(_) => tokens,
    }
}

/// `ty` without invisible groups and parentheses.
fn ungroup(ty: &syn::Type) -> &syn::Type {
    match ty {
        syn::Type::Group(g) => ungroup(&g.elem),
        syn::Type::Paren(p) => ungroup(&p.elem),
        other => other,
    }
}
