//! Procedural macros of jitclass. Thin: parse with syn, lower and check with
//! `jitclass-core`, emit glue that calls the `jitclass` runtime. Use them through the
//! `jitclass` crate, which re-exports them.

mod jit;

use proc_macro::TokenStream;

/// Compiles a function through LLVM at its first call, specialised for its argument types.
///
/// The body is a Rust subset (see the book). Beside `fn f` the macro defines `f` in the
/// type namespace, with `f::dispatcher()` to inspect and control compilation.
#[proc_macro_attribute]
pub fn jit(attr: TokenStream, item: TokenStream) -> TokenStream {
    jit::expand(attr.into(), item.into()).into()
}
