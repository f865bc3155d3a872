//! What `#[jitclass] struct C` gives the shadows of jit code:
//!
//! - each field as a `Member` (its Rust type), a `MemberMut` (a place) and a `Settable` of
//!   the handle, by name;
//! - the never-called `Index<Field<K>>` / `IndexMut<Field<K>>` impls of the handle, through
//!   which `e.name` is a place of the member's type in a shadow (a `#[getter]`'s too: its
//!   result is a value, another reference, which `&mut self` methods may change; the
//!   keyed place makes that need a `mut` binding, as a field does);
//! - the class's macro, `C!` (a `macro_rules!` re-exported under the class's name in the
//!   macro namespace, so that wherever the class is in scope, or named by a path in the
//!   crate, its macro is too): `C!(@field name [place] [keyed])` chooses `place` for a field
//!   and `keyed` for any other name, and `C!(@view V, C)` declares the view struct `V`
//!   with the class's fields, which hosts the methods of an impl block (`C!(@view V [T]
//!   [bounds] C::<T>)`: a generic impl's, generic over its parameters); `C!(@jitclass_trait_id)`
//!   and `C!(@jitclass_class_info getter)` say that `C` is no trait (`Shape::area(&c)`
//!   could have been one: `glue/fn_info.rs`). The macro only
//!   chooses among tokens its caller passes, so every token keeps the user's span.

use jitclass_core::member_hash;
use proc_macro2::TokenStream;
use quote::{format_ident, quote};

/// The shadow items of the class `name` with `fields` (names and Rust types, `Self`
/// spelled out), each under `cfgs`.
pub(crate) fn class_items(
    name: &syn::Ident,
    generics: &syn::Generics,
    cfgs: &[&syn::Attribute],
    fields: &[(&syn::Ident, &syn::Type)],
) -> TokenStream {
    let shadow = quote!(::jitclass::__private::shadow);
    // A generic class's members are its instantiations' (`impl<T> .. for Stack<T>`).
    let (impl_g, ty_g, where_c) = generics.split_for_impl();
    let class = name;
    let name = quote!(#class #ty_g);
    let members = fields.iter().map(|(fname, ty)| {
        let hash = member_hash(&super::body::unraw(fname));
        quote! {
            impl #impl_g #shadow::Member<#shadow::Name<#hash>> for #name #where_c {
                type T = #ty;
            }
            impl #impl_g #shadow::MemberMut<#shadow::Name<#hash>> for #name #where_c {
                type T = #ty;
            }
            impl #impl_g #shadow::Settable<#shadow::Name<#hash>> for #name #where_c {
                type T = #ty;
            }
        }
    });
    // The key's parameter has a name no class's own parameter has (`struct Map<K, V>`).
    let key = format_ident!("__JitclassKey");
    let mut keyed = generics.clone();
    keyed
        .params
        .push(syn::parse_quote!(#key: #shadow::KeyFor<#name>));
    let (keyed_g, _, _) = keyed.split_for_impl();
    let field_arms = fields.iter().map(|(fname, _)| {
        quote! {
            (@field #fname [$($place:tt)*] [$($keyed:tt)*]) => { $($place)* };
        }
    });
    let view_fields = fields.iter().map(|(fname, _)| {
        let hash = member_hash(&super::body::unraw(fname));
        quote! {
            #fname: <$class as #shadow::Member<#shadow::Name<#hash>>>::T
        }
    });
    let view_fields: Vec<TokenStream> = view_fields.collect();
    // Unique per definition: two classes of one name in nested modules must not shadow
    // each other's `macro_rules!` (rustc refuses a macro-expanded one doing so).
    let start = class.span().start();
    let unique = format!("{class}_{}_{}", start.line, start.column);
    let macro_name = format_ident!("__jitclass_{}", unique);
    quote! {
        #(#cfgs)*
        const _: () = {
            #[diagnostic::do_not_recommend]
            impl #keyed_g ::core::ops::Index<#shadow::Field<#key>> for #name #where_c {
                type Output = <#key as #shadow::KeyFor<#name>>::T;
                #[inline(always)]
                fn index(&self, _: #shadow::Field<#key>) -> &Self::Output {
                    ::core::unreachable!("the shadow of a jit body is never called")
                }
            }
            #[diagnostic::do_not_recommend]
            impl #keyed_g ::core::ops::IndexMut<#shadow::Field<#key>> for #name #where_c {
                #[inline(always)]
                fn index_mut(&mut self, _: #shadow::Field<#key>) -> &mut Self::Output {
                    ::core::unreachable!("the shadow of a jit body is never called")
                }
            }
            #(#members)*
        };

        #(#cfgs)*
        #[doc(hidden)]
        #[allow(unused_macros)]
        macro_rules! #macro_name {
            #(#field_arms)*
            (@field $other:tt [$($place:tt)*] [$($keyed:tt)*]) => { $($keyed)* };
            // `C::f(..)`, whose bare path could have named a `#[jit] trait` (glue's
            // `unless_a_trait`): no trait's identity, the class's getter as written.
            (@jitclass_trait_id) => { "" };
            (@jitclass_class_info $($getter:tt)*) => {{ $($getter)* }};
            // `C::f(s)` names no trait: no trait's call to check.
            (@jitclass_trait_call_check $($check:tt)*) => {};
            (@view $view:ident, $class:ty) => {
                #[allow(non_camel_case_types, dead_code)]
                struct $view {
                    #(#view_fields,)*
                }
                impl #shadow::View for $view {
                    type Class = $class;
                }
            };
            (@view $view:ident [$($param:ident),*] [$($bound:tt)*] $class:ty) => {
                #[allow(non_camel_case_types, dead_code)]
                struct $view<$($param),*> where $($bound)* {
                    #(#view_fields,)*
                    __jitclass_class: ::core::marker::PhantomData<fn() -> $class>,
                }
                impl<$($param),*> #shadow::View for $view<$($param),*> where $($bound)* {
                    type Class = $class;
                }
            };
        }

        #(#cfgs)*
        #[doc(hidden)]
        #[allow(unused_imports)]
        pub(crate) use #macro_name as #class;
    }
}
