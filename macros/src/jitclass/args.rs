//! The arguments of `#[jitclass(..)]` on a struct: `allocator = PATH`, the
//! `ExternalAllocator` the class's instances are allocated with.

use crate::ctxt::Ctxt;
use proc_macro2::TokenStream;

/// `#[jitclass(allocator = PATH)]`.
#[derive(Default)]
pub(super) struct ClassArgs {
    pub(super) allocator: Option<syn::Path>,
}

/// The arguments in `attr`; none (errors in `cx`) if they do not parse.
pub(super) fn parse(cx: &Ctxt, attr: TokenStream) -> ClassArgs {
    cx.ok(parse_args(attr)).unwrap_or_default()
}

fn parse_args(attr: TokenStream) -> syn::Result<ClassArgs> {
    let mut args = ClassArgs::default();
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
