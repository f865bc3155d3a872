//! `#[jitclass]`: on a struct, the class (payload, handle, descriptor); on an impl block,
//! its functions (JIT-compiled, registered with the class).
//!
//! For `#[jitclass] struct V { x: f64 }` the expansion is (`class.rs`):
//! - the `#[repr(C)]` payload struct, one field per class field, each of type
//!   `<T as JitArg>::Repr` (so a nested class is its `{meminfo, data}` reference);
//! - `struct V { handle: Handle<V> }`, the reference Rust code holds, with `Clone`,
//!   `Debug`, `ptr_eq`, `is_managed`, `strong_count`, and a getter `x()` and setter
//!   `set_x(..)` per field that read and write the payload directly;
//! - `impl JitClass for V` with the `static` [`ClassInfo`] (encoded fields, rustc's
//!   layout of the payload, allocator), and the ABI impls (`JitArg`, `JitType`).
//!
//! For `#[jitclass] impl V { fn f(&self, ..) {..} }` each function gets a `static`
//! dispatcher, a glue method on the handle with the same signature (a `#[setter]`'s takes
//! `&self`, as the fields' setters do), and an entry in the link-time registry
//! `METHODS`, through which jit code finds it from any impl block (`impl_block.rs`;
//! operator traits in `operator.rs`, `#[getter]`/`#[setter]` in `property.rs`,
//! `Index`/`IndexMut` in `index.rs`, impls of `#[jit] trait`s in `trait_impl.rs`).

mod args;
mod class;
mod derive;
pub(crate) mod generic;
mod impl_block;
mod impl_target;
mod index;
mod operator;
mod property;
mod recursion;
mod sql_shape;
mod trait_impl;
mod untyped_const;

use crate::ctxt::Ctxt;
use proc_macro2::{Span, TokenStream};
use syn::spanned::Spanned;

pub(crate) fn expand(attr: TokenStream, item: TokenStream) -> TokenStream {
    let cx = Ctxt::new();
    let tokens = match syn::parse2::<syn::Item>(item.clone()) {
        Ok(syn::Item::Struct(s)) => class::expand(&cx, attr, s),
        Ok(syn::Item::Impl(i)) if i.trait_.is_some() && !trait_impl::is_operator(&i) => {
            check_no_arguments_on_impl(&cx, &attr);
            trait_impl::forward(&cx, i)
        }
        Ok(syn::Item::Impl(i)) => {
            check_no_arguments_on_impl(&cx, &attr);
            impl_block::expand(&cx, i)
        }
        Err(_) if let Some((item, untyped)) = untyped_const::split(&item) => {
            match syn::parse2::<syn::ItemImpl>(item) {
                Ok(i) => {
                    check_no_arguments_on_impl(&cx, &attr);
                    let plain = untyped_const::emit(&i.self_ty, &untyped);
                    let expanded = impl_block::expand(&cx, i);
                    quote::quote! { #expanded #plain }
                }
                Err(e) => {
                    cx.push(e);
                    TokenStream::new()
                }
            }
        }
        _ => {
            cx.error(
                Span::call_site(),
                "`#[jitclass]` applies to structs and impl blocks; use `#[jit]` for functions",
            );
            item
        }
    };
    cx.finish(tokens)
}

fn check_no_arguments_on_impl(cx: &Ctxt, attr: &TokenStream) {
    if !attr.is_empty() {
        cx.error(
            attr.span(),
            "`#[jitclass]` on an impl block takes no arguments",
        );
    }
}

/// `__jit_trait_impl`: the impl of a `#[jit] trait` for a class (`trait_impl.rs`).
pub(crate) fn expand_trait_impl(input: TokenStream) -> TokenStream {
    trait_impl::expand(input)
}
