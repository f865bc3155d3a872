//! The *shadow* of non-generic jit code: a never-called copy of each body, written as Rust
//! over the real types (class handles, `PassThru`s, the glue of jit fns), which rustc
//! type-checks with its own messages, moves and borrows. The runtime side of it (the
//! traits and never-called functions the copy names) is `jitclass::__private::shadow`,
//! whose module doc describes the encoding.
//!
//! - `body.rs`: a body as Rust (`Rewriter`);
//! - `keys.rs`: the key items of the member names a shadow uses;
//! - `class.rs`: what `#[jitclass] struct` gives the shadows: members, the keyed `Index`
//!   impls of the handle, the class's macro with its view;
//! - this file: the shadow of a `#[jit]` fn, and the view hosting an impl block's methods.

mod body;
mod class;
mod keys;

pub(crate) use body::{SelfKind, SpanKey, span_key};
pub(crate) use class::class_items;

use crate::glue::{cfgs_of, pinned_signature, shadow_replacements};
use body::{MethodScope, Rewriter};
use jitclass_core::lower::Lowered;
use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use std::collections::{BTreeSet, HashSet};
use syn::visit_mut::VisitMut;

/// The brackets of the indexes whose base is a slice, as the lowering saw them.
fn slice_indexes(l: &Lowered) -> HashSet<SpanKey> {
    l.index_brackets
        .iter()
        .filter(|(id, _)| l.slice_indexes.contains(id))
        .map(|(_, span)| span_key(*span))
        .collect()
}

/// The `for` tokens of the loops the shadow keeps as Rust's own: over references to a
/// `Vec`'s elements, and over a `Vec` by value (which moves it).
fn borrowed_loops(l: &Lowered) -> HashSet<SpanKey> {
    let consuming = l
        .consuming_loops
        .iter()
        .map(|id| l.spans[l.ir.expr(*id).loc.index()]);
    l.borrowed_name_loops
        .iter()
        .copied()
        .chain(consuming)
        .map(span_key)
        .collect()
}

/// The shadow of a non-generic `#[jit]` fn: its body as Rust under the original
/// signature, in a never-called fn inside `const _: () = { .. };` with its keys. Nothing
/// for a generic fn, which is checked once specialised.
pub(crate) fn fn_shadow(func: &syn::ItemFn, l: &Lowered) -> TokenStream {
    if func.sig.generics.type_params().next().is_some() {
        return TokenStream::new();
    }
    let cfgs = cfgs_of(&func.attrs);
    let mut sig = syn::Signature {
        ident: format_ident!("__jitclass_typecheck"),
        ..pinned_signature(&func.sig)
    };
    let slices = slice_indexes(l);
    let loops = borrowed_loops(l);
    let name = &func.sig.ident;
    let hoisted = shadow_replacements(&quote!(#name), &l.consts);
    let mut rewriter = Rewriter::new(None, &slices, &loops, &hoisted);
    rewriter.signature(&mut sig);
    mutable_ref_params(&mut sig);
    let mut body = (*func.block).clone();
    rewriter.visit_block_mut(&mut body);
    let keys = keys::key_items(&rewriter.names, &rewriter.assigned, &rewriter.in_place);
    quote! {
        #(#cfgs)*
        const _: () = {
            #keys
            #[allow(warnings, clippy::all, clippy::pedantic)]
            #sig #body
        };
    }
}

/// The methods of one impl block, as their view hosts them.
#[derive(Default)]
pub(crate) struct View {
    methods: Vec<TokenStream>,
    names: BTreeSet<String>,
    assigned: BTreeSet<String>,
    in_place: BTreeSet<String>,
}

/// A method whose shadow the view hosts.
pub(crate) struct Hosted<'a> {
    pub(crate) f: &'a syn::ImplItemFn,
    pub(crate) lowered: &'a Lowered,
    /// The type holding the function's hoisted constants.
    pub(crate) consts_owner: &'a TokenStream,
}

impl View {
    /// Writes the view's methods: each hosted function under its jit signature (`Self`
    /// spelled out as the class), its body as Rust.
    pub(crate) fn new(class: &syn::Path, hosted: &[Hosted<'_>]) -> View {
        let names: HashSet<String> = hosted.iter().map(|h| body::unraw(&h.f.sig.ident)).collect();
        let mut view = View::default();
        for h in hosted {
            let receiver =
                h.f.sig
                    .receiver()
                    .map(|r| match (&r.reference, &r.mutability) {
                        (Some(_), Some(_)) => SelfKind::RefMut,
                        (Some(_), None) => SelfKind::Ref,
                        (None, m) => SelfKind::Value {
                            mutable: m.is_some(),
                        },
                    });
            let slices = slice_indexes(h.lowered);
            let loops = borrowed_loops(h.lowered);
            let hoisted = shadow_replacements(h.consts_owner, &h.lowered.consts);
            let scope = MethodScope {
                class,
                receiver,
                hosted: &names,
            };
            let mut rewriter = Rewriter::new(Some(scope), &slices, &loops, &hoisted);
            let mut sig = pinned_signature(&h.f.sig);
            rewriter.signature(&mut sig);
            mutable_ref_params(&mut sig);
            let mut block = h.f.block.clone();
            rewriter.visit_block_mut(&mut block);
            view.names.extend(rewriter.names);
            view.assigned.extend(rewriter.assigned);
            view.in_place.extend(rewriter.in_place);
            let cfgs = cfgs_of(&h.f.attrs);
            view.methods.push(quote! {
                #(#cfgs)*
                #sig #block
            });
        }
        view
    }

    /// The view and its keys, in a `const _` block beside the impl.
    pub(crate) fn emit(&self, class: &syn::Path) -> TokenStream {
        if self.methods.is_empty() {
            return TokenStream::new();
        }
        let keys = keys::key_items(&self.names, &self.assigned, &self.in_place);
        let methods = &self.methods;
        let view = format_ident!("__JitclassView");
        quote! {
            const _: () = {
                #keys
                #class!(@view #view, #class);
                #[allow(warnings, clippy::all, clippy::pedantic)]
                impl #view {
                    #(#methods)*
                }
            };
        }
    }
}

/// A `&mut C` parameter's binding made `mut` in the shadow: the body writes a field
/// change through it as `place(&mut c, ..)`, which needs a mutable binding of the
/// reference (rustc's own check of the change is `MemberMut` for `&mut C`).
fn mutable_ref_params(sig: &mut syn::Signature) {
    for input in &mut sig.inputs {
        if let syn::FnArg::Typed(pt) = input
            && let syn::Type::Reference(r) = &*pt.ty
            && r.mutability.is_some()
            && let syn::Pat::Ident(pi) = &mut *pt.pat
            && pi.by_ref.is_none()
        {
            pi.mutability = Some(Default::default());
        }
    }
}
