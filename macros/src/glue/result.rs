//! The glue's call of an entry point: a `&str` result is rebuilt with the lifetime the
//! glue's signature gives it.

use jitclass_core::ir::TypeExpr;
use jitclass_core::lower::Lowered;
use proc_macro2::TokenStream;
use quote::quote;

/// `call` (a `call_N(..)` expression) in its `unsafe` block, its result made a `&str`
/// when the function returns one.
pub(crate) fn result_call(l: &Lowered, call: TokenStream) -> TokenStream {
    if l.ir.ret == TypeExpr::Str {
        // The `&str` borrows a parameter or a literal of the module: rustc checked the
        // body against this signature in the shadow (only fns without type parameters
        // return one), so the lifetime it gets here is one the body respects.
        quote! { unsafe { ::jitclass::__private::StrResult::into_str(#call) } }
    } else {
        quote! { unsafe { #call } }
    }
}
