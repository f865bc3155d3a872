//! The type-check copy of a `#[jit]` fn: its body under the original signature, in a
//! never-called fn inside `const _: () = { .. };`, so that rustc type-checks calls to
//! other jit fns (against their glue signatures) with its own messages.

use super::{cfgs_of, pinned_signature};
use jitclass_core::lower::Lowered;
use proc_macro2::TokenStream;
use quote::{format_ident, quote};

/// The copy, for a non-generic fn whose body uses no classes; nothing otherwise: a body
/// using classes reads fields of handles, which rustc could not type-check, and a generic
/// body is checked once specialised.
pub(crate) fn typecheck_copy(func: &syn::ItemFn, l: &Lowered) -> TokenStream {
    if func.sig.generics.type_params().next().is_some() || l.uses_classes {
        return TokenStream::new();
    }
    let cfgs = cfgs_of(&func.attrs);
    let copy_sig = syn::Signature {
        ident: format_ident!("__jitclass_typecheck"),
        ..pinned_signature(&func.sig)
    };
    // `objmode!` blocks are checked once, in their own functions; here, stand-ins.
    let body = crate::objmode::shadow_block(&func.block);
    quote! {
        #(#cfgs)*
        const _: () = {
            #[allow(warnings, clippy::all, clippy::pedantic)]
            #copy_sig #body
        };
    }
}
