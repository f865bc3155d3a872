//! `#[jitclass] impl Index for V` / `impl IndexMut for V`: jit code calls `index` and
//! `index_mut` for `v[i]`, but Rust gets value methods instead of the trait impl: Rust's
//! `Index` hands out `&T` into the payload, which another handle could write meanwhile.
//! For `fn index(&self, i: I) -> &T` the handle gets `fn index(&self, i: I) -> T
//! { self[i] }`; for `fn index_mut(&mut self, i: I) -> &mut T`, `fn set_index(&mut self,
//! i: I, value: T) { self[i] = value; }`: jit functions like any other method.

use super::impl_block::{ImplBlock, emit_method};
use crate::ctxt::Ctxt;
use jitclass_core::infer::FnKind;
use jitclass_core::lower::{MethodContext, lower_method};
use proc_macro2::TokenStream;
use quote::quote;
use syn::spanned::Spanned;

/// The value method standing for `f` on the Rust side and its items beside the impl;
/// `None` (errors in `cx`) if `f` has not the shape of `index` / `index_mut`.
pub(super) fn value_method(
    cx: &Ctxt,
    f: &syn::ImplItemFn,
    block: &ImplBlock<'_>,
) -> Option<(TokenStream, TokenStream)> {
    let wrapper = cx.ok(wrapper(f, &block.context))?;
    let mut lowered = cx.ok(lower_method(
        &wrapper.sig,
        &wrapper.block,
        &block.context.inherent(),
    ))?;
    if block.of_generic_class() {
        // `Self` is the family, which the runtime instantiates per type arguments, as in
        // the impl's other methods.
        lowered.class_paths =
            super::generic::family_class_paths(&lowered.class_paths, block.self_path);
    }
    let (method, items, _) = emit_method(&wrapper, &lowered, block, None, FnKind::Plain);
    Some((method, items))
}

/// The value method's source, in the jit language.
fn wrapper(f: &syn::ImplItemFn, cx: &MethodContext<'_>) -> syn::Result<syn::ImplItemFn> {
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

/// In place of the `Index`/`IndexMut` impl: the value methods on the handle, the items
/// beside them, and a use of the trait (the impl is jit code's only, but its import is
/// used).
pub(super) fn emit_impl(
    item: &syn::ItemImpl,
    value_methods: &[TokenStream],
    beside: &[TokenStream],
) -> TokenStream {
    let self_ty = &item.self_ty;
    let (_, trait_path, _) = item.trait_.as_ref().expect("a trait impl");
    let shadow_index = shadow_index(item);
    // Of a generic class, the value methods are per instantiation the impl's bounds allow.
    let bounded = super::generic::with_jit_bounds(&item.generics);
    let (impl_g, _, where_c) = bounded.split_for_impl();
    quote! {
        impl #impl_g #self_ty #where_c {
            #(#value_methods)*
        }
        #(#beside)*
        #shadow_index
        // The trait is named (the impl is jit code's only), so its import is used.
        const _: () = {
            #[allow(dead_code)]
            fn names_the_trait<T: ?Sized + #trait_path>() {}
        };
    }
}

/// What the impl is to the shadows of jit code (`crate::shadow`): `v[i]` there is
/// `v[JitIndex(i)]`, so the handle gets a never-called `Index<JitIndex<I>>` (and
/// `IndexMut`) with the jit impl's index and element types. Only `__private`'s
/// `JitIndex` reaches them: Rust code indexing the handle still finds no `Index<I>`.
fn shadow_index(item: &syn::ItemImpl) -> TokenStream {
    let self_ty = &item.self_ty;
    // Of a generic class (`impl<T: Copy> Index<usize> for V<T>`), for the instantiations
    // the impl's bounds allow.
    let (impl_g, _, where_c) = item.generics.split_for_impl();
    let jit_index = quote!(::jitclass::__private::shadow::JitIndex);
    let impls = item.items.iter().filter_map(|it| {
        let syn::ImplItem::Fn(f) = it else {
            return None;
        };
        let (Some(syn::FnArg::Typed(index)), syn::ReturnType::Type(_, ret)) =
            (f.sig.inputs.iter().nth(1), &f.sig.output)
        else {
            return None;
        };
        let syn::Type::Reference(r) = &**ret else {
            return None;
        };
        let (index_ty, elem) = (&index.ty, &r.elem);
        let unreachable = quote!(::core::unreachable!(
            "the shadow of a jit body is never called"
        ));
        match f.sig.ident.to_string().as_str() {
            "index" => Some(quote! {
                impl #impl_g ::core::ops::Index<#jit_index<#index_ty>> for #self_ty #where_c {
                    type Output = #elem;
                    #[inline(always)]
                    fn index(&self, _: #jit_index<#index_ty>) -> &#elem {
                        #unreachable
                    }
                }
            }),
            "index_mut" => Some(quote! {
                impl #impl_g ::core::ops::IndexMut<#jit_index<#index_ty>> for #self_ty #where_c {
                    #[inline(always)]
                    fn index_mut(&mut self, _: #jit_index<#index_ty>) -> &mut #elem {
                        #unreachable
                    }
                }
            }),
            _ => None,
        }
    });
    let cfgs = crate::glue::cfgs_of(&item.attrs);
    quote! {
        #(#cfgs)*
        const _: () = {
            #(#impls)*
        };
    }
}
