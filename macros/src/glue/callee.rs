//! The getter of a called jit fn's dispatcher (`FnInfo::refs`), whose stand-in makes a
//! called name that is no jit fn rustc's error at the call, naming the callee as written.

use proc_macro2::{Span, TokenStream};
use quote::{quote, quote_spanned};

/// The getter of the dispatcher of `path`, called with the numbers of arguments (and
/// their spans) of `calls` (only those whose count the glue checks: a generic body
/// without a shadow).
///
/// `<path as JitFunction>` alone makes rustc say "expected type, found function" for a
/// plain fn. The callee is imported in every namespace it has, and the import is named
/// as the callee inside a generic fn whose type parameter is also named as the callee:
/// only when the callee has no type (no `#[jit]`) does the name reach the parameter, and
/// rustc reports the missing `JitCallee` (`JitFunction`) impl for it. A type parameter is
/// printed by its bare name, while a stand-in struct would be printed by its whole path
/// (internal modules included) whenever a second item of that name exists anywhere in
/// the crate (rustc trims a path only for a name unique among the crate's items): two fns
/// calling `std::cmp::max`, or a jit fn `f` beside a plain `f`. `JitCallee`'s argument is
/// a closure's type, which no bound can write: rustc then suggests no bound on the
/// parameter. A failed import leaves only rustc's unresolved-import error (the inner
/// import of it is then no error of its own).
pub(super) fn callee_getter(path: &syn::Path, calls: &[(usize, Span)]) -> TokenStream {
    let last = &path
        .segments
        .last()
        .expect("a called path has a segment")
        .ident;
    let path = super::fn_info::unambiguous_import(path);
    let mut param = last.clone();
    param.set_span(Span::call_site());
    // The number of arguments of each call, checked against the callee's `TakesArguments`
    // impl; in a fn of their own, whose parameter has them as bounds (which `NotJit` meets),
    // so that a name that is no jit fn has its one error, below.
    let arities = (!calls.is_empty()).then(|| {
        let bounds = calls
            .iter()
            .map(|(n, _)| quote!(::jitclass::__private::shadow::TakesArguments<#n>));
        let checks = calls.iter().map(|(n, span)| {
            let mut at = last.clone();
            at.set_span(*span);
            quote_spanned! {*span=>
                let _ = <#at as ::jitclass::__private::shadow::TakesArguments<#n>>::CHECKED;
            }
        });
        let generics = quote!(<#param: #(#bounds)+*>);
        quote_spanned! {last.span()=>
            #[allow(non_camel_case_types, clippy::let_underscore_untyped)]
            fn __jitclass_arity #generics () {
                #[allow(unused_imports)]
                use __jitclass_callee as #last;
                #(#checks)*
            }
            __jitclass_arity::<::jitclass::__private::shadow::NotJit>();
        }
    });
    let generics = quote!(<#param>);
    // A named fn, not a closure: rustc counts the instances of a closure's
    // `FnOnce::call_once` shim as one function's, and a chain of more than 128 jit
    // fns calling each other (statics referring to getters referring to statics)
    // would reach its recursion limit.
    quote_spanned! {last.span()=>
        {
        fn __jitclass_callee_dispatcher() -> &'static ::jitclass::Dispatcher {
            #[allow(unused_imports)]
            use #path as __jitclass_callee;
            #arities
            #[allow(non_camel_case_types)]
            fn __jitclass_stand_in #generics () -> &'static ::jitclass::Dispatcher {
                #[allow(unused_imports)]
                use __jitclass_callee as #last;
                <#last as ::jitclass::__private::JitCallee<_>>::dispatcher(|| {})
            }
            __jitclass_stand_in::<::jitclass::__private::shadow::NotJit>()
        }
        __jitclass_callee_dispatcher as fn() -> &'static ::jitclass::Dispatcher
        }
    }
}
