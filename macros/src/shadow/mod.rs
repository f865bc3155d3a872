//! The *shadow* of jit code whose type parameters all have a written bound (non-generic
//! code too), or whose body cannot duck-type over its unbounded ones: a never-called copy of each body, written as Rust over the real types (class
//! handles, `PassThru`s, the glue of jit fns), which rustc type-checks with its own
//! messages, moves and borrows. The runtime side of it (the
//! traits and never-called functions the copy names) is `jitclass::__private::shadow`,
//! whose module doc describes the encoding.
//!
//! - `body.rs`: a body as Rust (`Rewriter`), `body/literal.rs` its struct literals;
//! - `keys.rs`: the key items of the member names a shadow uses;
//! - `duck.rs`: whether a body with an unbounded type parameter may duck-type;
//! - `format_check.rs`: such a body's formatting of a parameter of that type, for rustc;
//! - `class.rs`: what `#[jitclass] struct` gives the shadows: members, the keyed `Index`
//!   impls of the handle, the class's macro with its view;
//! - this file: the shadow of a `#[jit]` fn, and the view hosting an impl block's methods.

mod body;
mod class;
mod duck;
mod format_check;
mod keys;

pub(crate) use body::{SelfKind, SpanKey, span_key};
pub(crate) use class::class_items;
pub(crate) use format_check::unbounded_format_check;

use crate::glue::{
    cfgs_of, glue_signature, pinned_signature, shadow_replacements, unbounded_params,
};
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
/// `Vec`'s or a slice's elements (`for x in xs` over `xs: &[S]` too, whose elements are
/// `&S` as in Rust), and over a `Vec` by value (which moves it).
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

/// The shadow of a `#[jit]` fn: its body as Rust under the original signature, in a
/// never-called fn inside `const _: () = { .. };` with its keys. A generic fn's shadow is
/// generic, under the bounds the user wrote and the glue's hidden ones
/// (`shadow_generics`): rustc checks it as it checks a generic Rust fn, once, for every
/// instantiation. Nothing for a generic fn with a parameter the user did not bound whose
/// body may duck-type (`has_shadow`): only its formatting of such a parameter, for rustc
/// (`format_check.rs`).
pub(crate) fn fn_shadow(func: &syn::ItemFn, l: &Lowered) -> TokenStream {
    if !has_shadow(&func.sig, &func.block, &func.sig.generics, false) {
        return unbounded_format_check(&func.sig, &func.block, &func.sig.generics, &func.attrs);
    }
    let cfgs = cfgs_of(&func.attrs);
    let mut sig = syn::Signature {
        ident: format_ident!("__jitclass_typecheck"),
        generics: shadow_generics(&func.sig, l),
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
    let function = generic_host(sig, &body);
    quote! {
        #(#cfgs)*
        const _: () = {
            #keys
            #function
        };
    }
}

/// Whether the body `block` of `sig`, with the type parameters `in_scope` (an impl's and
/// the method's own), gets a shadow: when each parameter has a bound, or when it is a
/// method of an impl with an unbounded parameter (`impl_unbounded`), none of its own
/// unbounded, that cannot duck-type (`duck.rs`). Another body keeps jitclass's duck
/// typing over classes, which no Rust bound expresses (`rec.a` on any class with a field
/// `a`, on which local subtyping rests), and is typed per instantiation, with the glue's
/// generic checks.
pub(crate) fn has_shadow(
    sig: &syn::Signature,
    block: &syn::Block,
    in_scope: &syn::Generics,
    impl_unbounded: bool,
) -> bool {
    let unbounded = unbounded_params(in_scope);
    if unbounded.is_empty() {
        return true;
    }
    // A `#[jit] fn`'s (or a method's own) unbounded parameter keeps duck typing: such a
    // body is how jit code asks for its checks at the first call (`_t: T`), on which
    // local subtyping rests too.
    let own = unbounded_params(&sig.generics);
    impl_unbounded && own.is_empty() && !duck::may_duck_type(sig, block, &unbounded, true)
}

/// The shadow fn `sig body`; a generic one as the function of an impl generic over its
/// parameters, under their bounds: rustc's help that lists a parameter's bounds ("consider
/// using an impl return type: `impl Get`") is for a fn's own parameters only, and would
/// print the glue's hidden bounds as their `#[jit]` tokens.
fn generic_host(mut sig: syn::Signature, body: &syn::Block) -> TokenStream {
    let allow = quote!(#[allow(warnings, clippy::all, clippy::pedantic)]);
    if sig.generics.type_params().next().is_none() {
        return quote!(#allow #sig #body);
    }
    // The type parameters and their bounds go to the impl; lifetimes stay the fn's (a
    // struct would not use them).
    let mut generics = syn::Generics {
        where_clause: sig.generics.where_clause.take(),
        ..Default::default()
    };
    let own = std::mem::take(&mut sig.generics.params);
    for param in own {
        match param {
            syn::GenericParam::Lifetime(_) => sig.generics.params.push(param),
            other => generics.params.push(other),
        }
    }
    if sig.generics.params.is_empty() {
        sig.generics.lt_token = None;
        sig.generics.gt_token = None;
    }
    let (impl_g, ty_g, where_c) = generics.split_for_impl();
    let params = generics.type_params().map(|tp| &tp.ident);
    let host = format_ident!("__JitclassShadow");
    quote! {
        #allow
        struct #host #ty_g(::core::marker::PhantomData<fn() -> (#(#params,)*)>);
        #allow
        impl #impl_g #host #ty_g #where_c {
            #sig #body
        }
    }
}

/// The methods of one impl block, as their view hosts them.
pub(crate) struct View {
    /// The class the view is of (`Stack::<T>` for a generic one).
    class: syn::Path,
    generics: ViewGenerics,
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
    /// spelled out as the class), its body as Rust. `class`: the class as the impl names
    /// it, a generic one applied to the impl's parameters or arguments (`Stack::<T>`,
    /// `Stack::<f64>`); `generics`: the impl's, under which the view is generic too.
    pub(crate) fn new(class: &syn::Path, generics: &syn::Generics, hosted: &[Hosted<'_>]) -> View {
        let names: HashSet<String> = hosted.iter().map(|h| body::unraw(&h.f.sig.ident)).collect();
        let mut view = View {
            class: class.clone(),
            generics: view_generics(generics),
            methods: Vec::new(),
            names: BTreeSet::new(),
            assigned: BTreeSet::new(),
            in_place: BTreeSet::new(),
        };
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
            let mut sig = syn::Signature {
                generics: shadow_generics(&h.f.sig, h.lowered),
                ..pinned_signature(&h.f.sig)
            };
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
    pub(crate) fn emit(&self) -> TokenStream {
        if self.methods.is_empty() {
            return TokenStream::new();
        }
        let keys = keys::key_items(&self.names, &self.assigned, &self.in_place);
        let methods = &self.methods;
        let view = format_ident!("__JitclassView");
        let class = &self.class;
        let mac = crate::jitclass::generic::without_arguments(class);
        let (params, predicates) = (&self.generics.params, &self.generics.predicates);
        let declared = if params.is_empty() && predicates.is_empty() {
            quote!(#mac!(@view #view, #class);)
        } else {
            quote!(#mac!(@view #view [#(#params),*] [#(#predicates,)*] #class);)
        };
        quote! {
            const _: () = {
                #keys
                #declared
                #[allow(warnings, clippy::all, clippy::pedantic)]
                impl<#(#params),*> #view<#(#params),*> where #(#predicates,)* {
                    #(#methods)*
                }
            };
        }
    }
}

/// The type parameters of a generic impl's view, and their bounds: the impl's, written in
/// a `where` clause (the class's macro declares the view with them), with the glue's
/// `T: JitType` and the shadow's `T: JitElem` (`shadow_generics`).
#[derive(Default)]
struct ViewGenerics {
    params: Vec<syn::Ident>,
    predicates: Vec<syn::WherePredicate>,
}

fn view_generics(generics: &syn::Generics) -> ViewGenerics {
    let mut view = ViewGenerics::default();
    for tp in generics.type_params() {
        let ident = &tp.ident;
        view.params.push(ident.clone());
        if !tp.bounds.is_empty() {
            let bounds = &tp.bounds;
            view.predicates.push(syn::parse_quote!(#ident: #bounds));
        }
        view.predicates
            .push(syn::parse_quote!(#ident: ::jitclass::JitElem));
    }
    if let Some(wc) = &generics.where_clause {
        view.predicates.extend(wc.predicates.iter().cloned());
    }
    view
}

/// The generics of a shadow of the function `sig`: as written, with the bounds its glue
/// adds (`T: JitType`, the intrinsics'), and `T: JitElem` on each type parameter of its
/// own, so that the body may pass a `&[T]` to another jit fn, as jit code may (the bound
/// is the glue's, for a slice crossing from Rust, not jit code's). These bounds give a
/// `T` no operator, no method a body could call by mistake and no formatting: what the
/// user's bounds do not allow stays rustc's error.
fn shadow_generics(sig: &syn::Signature, l: &Lowered) -> syn::Generics {
    let (glue, _) = glue_signature(sig, Some(l));
    let mut generics = glue.generics;
    let own: Vec<syn::Ident> = generics.type_params().map(|tp| tp.ident.clone()).collect();
    if own.is_empty() {
        return generics;
    }
    let wc = generics.make_where_clause();
    for ident in own {
        wc.predicates
            .push(syn::parse_quote!(#ident: ::jitclass::JitElem));
    }
    generics
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
