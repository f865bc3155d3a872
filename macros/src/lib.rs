//! Procedural macros of jitclass. Thin: parse with syn, lower and check with
//! `jitclass-core`, emit glue that calls the `jitclass` runtime. Use them through the
//! `jitclass` crate, which re-exports them.

mod ctxt;
mod foreign;
mod glue;
mod jit;
mod jitclass;
mod lowering;
mod objmode;
mod stack;

use proc_macro::TokenStream;

/// Compiles a function through LLVM at its first call, specialised for its argument types.
///
/// The body is a Rust subset (see the book). Beside `fn f` the macro defines `f` in the
/// type namespace, with `f::dispatcher()` to inspect and control compilation.
#[proc_macro_attribute]
pub fn jit(attr: TokenStream, item: TokenStream) -> TokenStream {
    stack::sized_for(item.into(), |item| jit::expand(attr.into(), item)).into()
}

/// Makes a struct a JIT class (C-layout payload, reference-counted instances) or compiles
/// the functions of an impl block of one.
///
/// `#[jitclass] struct V { x: f64 }` defines the class; `#[jitclass] impl V { .. }`
/// (several blocks are fine) its constructors, methods and static methods, written in
/// the jit language. See the book's "Classes" chapter.
#[proc_macro_attribute]
pub fn jitclass(attr: TokenStream, item: TokenStream) -> TokenStream {
    stack::sized_for(item.into(), |item| jitclass::expand(attr.into(), item)).into()
}
