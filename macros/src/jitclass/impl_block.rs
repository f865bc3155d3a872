//! `#[jitclass]` on an impl block: per function, a glue method on the handle, a `static`
//! dispatcher and an entry in the link-time registry `METHODS` (through which jit code
//! finds it from any impl block), and for functions named like an SQL aggregate's parts
//! the `sql` shape markers (`sql_shape.rs`). An impl of an operator trait keeps its
//! header and associated types (`operator.rs`); one of `Index`/`IndexMut` becomes value
//! methods (`index.rs`).
//! Associated constants stay as written in the impl: Rust's constants of the handle, which
//! jit code reads as paths to constants.
//!
//! The glue method takes the receiver as written (`&mut self` too, so that Rust code and
//! jit code alike need a `mut` binding to call it), except a `#[setter]`'s, which takes
//! `&self` as the fields' setters do. A function whose rules fail is emitted with its signature and a panicking
//! body; a function that is not a method of the trait leaves the whole impl out.

use super::generic;
use super::index;
use super::operator::{self, OperatorImpl};
use super::property::{self, is_property_attr};
use super::sql_shape;
use super::trait_impl::UserTrait;
use crate::ctxt::Ctxt;
use crate::glue::{failed_fn, fn_info, glue_signature, hoisted_in_body, hoisted_items};
use crate::lowering::lower_and_check;
use crate::shadow::{Hosted, View};
use jitclass_core::infer::FnKind;
use jitclass_core::lower::{Lowered, MethodContext, lower_method};
use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;

/// The impl block being expanded, as its functions' expansion reads it.
pub(super) struct ImplBlock<'a> {
    /// The class, as the impl names it.
    pub(super) self_path: &'a syn::Path,
    pub(super) class_ident: &'a syn::Ident,
    /// The operator trait of a trait impl.
    pub(super) operator: Option<OperatorImpl>,
    /// What the lowering of its functions needs to know about the impl.
    pub(super) context: MethodContext<'a>,
    /// The `#[jit] trait` a trait impl implements (`trait_impl.rs`).
    pub(super) user_trait: Option<&'a UserTrait>,
    /// A derive's impl, whose generated items are named apart from a written impl's (a
    /// written `fn default` beside a derived one is then rustc's E0592 alone).
    pub(super) generated: bool,
    /// The type parameters of a generic class's impl (`impl<T> Stack<T>`), empty if
    /// the class is not generic.
    pub(super) params: Vec<syn::Ident>,
    /// Of an impl of one instantiation (`impl Stack<f64>`): its type arguments as written.
    /// Its functions are lowered as a generic impl's, over hidden parameters that only
    /// these arguments instantiate, and registered for that instantiation alone.
    pub(super) instantiation: Option<Vec<syn::Type>>,
    /// The impl's generics as written and its self type (`Stack<T>`), for the items that
    /// are per instantiation beside it (a property's shadow member).
    pub(super) generics: &'a syn::Generics,
    pub(super) self_ty: &'a syn::Type,
}

impl ImplBlock<'_> {
    /// Whether the impl is of a generic class (for every instantiation, or for one): its
    /// functions are the family's, specialised per type arguments.
    pub(super) fn of_generic_class(&self) -> bool {
        !self.params.is_empty() || self.instantiation.is_some()
    }

    /// The class's type arguments in the glue: the impl's parameters, or the one
    /// instantiation's types.
    fn type_args(&self) -> Vec<syn::Type> {
        match &self.instantiation {
            Some(args) => args.clone(),
            None => self.params.iter().map(|p| syn::parse_quote!(#p)).collect(),
        }
    }

    /// The class as a type of the impl's shadow: its path, a generic class's applied to
    /// the impl's parameters or to the instantiation's arguments (`Stack::<T>`, which
    /// types and expressions alike accept).
    fn class_type(&self) -> syn::Path {
        let mut path = self.self_path.clone();
        if self.of_generic_class() {
            let args = self.type_args();
            let last = path.segments.last_mut().expect("a segment");
            last.arguments = syn::PathArguments::AngleBracketed(syn::parse_quote!(::<#(#args),*>));
        }
        path
    }

    /// The registry's `instantiation` of the impl's entries (`MethodEntry`, `TraitImpl`).
    fn instantiation_tokens(&self) -> TokenStream {
        match &self.instantiation {
            Some(args) => {
                let args = generic::type_args_fn(args);
                quote!(::core::option::Option::Some(#args))
            }
            None => quote!(::core::option::Option::None),
        }
    }

    /// A suffix telling apart the items of impls of two instantiations of one class.
    fn instantiation_suffix(&self) -> String {
        match &self.instantiation {
            Some(args) => format!("_{:x}", fnv(&quote!(#(#args),*).to_string())),
            None => String::new(),
        }
    }

    /// An impl of `Index` or `IndexMut`, which Rust gets as value methods (`index.rs`).
    fn is_index(&self) -> bool {
        self.operator
            .as_ref()
            .is_some_and(|o| o.index_mut().is_some())
    }
}

/// What an impl block's functions expand to.
#[derive(Default)]
struct Expanded {
    /// A trait impl's associated types, as written.
    types: Vec<TokenStream>,
    /// The impl's associated constants, as written: real items of the handle type, which
    /// Rust code names as `Circle::UNIT` and jit code reads as paths to constants
    /// (`jitclass_core::lower::constants`), so that rustc checks and evaluates them.
    consts: Vec<TokenStream>,
    /// The functions of the impl: glue methods, fallbacks, generated methods.
    methods: Vec<TokenStream>,
    /// For `Index`/`IndexMut`: the value methods on the handle, in place of the impl.
    value_methods: Vec<TokenStream>,
    /// The items beside the impl: dispatchers, registry entries, shape markers.
    beside: Vec<TokenStream>,
    /// The names of the functions the impl defines.
    defined: Vec<String>,
    /// A function is not a method of the trait: emitting the impl would only add rustc's
    /// follow-up errors about it.
    omit_impl: bool,
    /// The functions that lowered and passed their checks, whose shadows the block's view
    /// hosts (`crate::shadow::View`).
    hosted: Vec<(syn::ImplItemFn, Lowered, TokenStream)>,
}

pub(super) fn expand(cx: &Ctxt, item: syn::ItemImpl) -> TokenStream {
    expand_impl(cx, item, true, None)
}

/// The impl of a `#[jit] trait`, its default methods written out
/// (`trait_impl.rs`): its functions are the class's, under the trait impl's header.
pub(super) fn expand_trait_impl(
    cx: &Ctxt,
    item: syn::ItemImpl,
    user_trait: &UserTrait,
) -> TokenStream {
    expand_impl(cx, item, true, Some(user_trait))
}

/// An impl block the macro wrote (a derive's, `derive.rs`): its bodies are right by
/// construction, and rustc checks what they need of the field types on the derive's
/// field struct instead, so they host no shadow (which would repeat those errors).
pub(super) fn expand_generated(cx: &Ctxt, item: syn::ItemImpl) -> TokenStream {
    expand_impl(cx, item, false, None)
}

fn expand_impl(
    cx: &Ctxt,
    item: syn::ItemImpl,
    shadowed: bool,
    user_trait: Option<&UserTrait>,
) -> TokenStream {
    let generic_names = match jitclass_core::lower::type_params(&item.generics) {
        Ok(names) => names,
        Err(errors) => {
            for e in errors {
                cx.push(e);
            }
            return quote! { #item };
        }
    };
    let params = generic::params(&item.generics);
    let Some((self_path, instantiation)) =
        super::impl_target::self_path(cx, &item.self_ty, &params)
    else {
        // A generic class's methods as written would only add errors about the handle's
        // marker fields; else the impl stays as written: nothing more can be read from it.
        let names_generic = match &*item.self_ty {
            syn::Type::Path(p) => p.path.segments.iter().any(|s| !s.arguments.is_none()),
            _ => false,
        };
        if names_generic || !params.is_empty() {
            return TokenStream::new();
        }
        return quote! { #item };
    };
    let operator = match &item.trait_ {
        Some(trait_) if user_trait.is_none() => match operator::of_trait(cx, trait_) {
            Some(operator) => Some(operator),
            // Already reported; without the impl, rustc adds no follow-up errors.
            None => return TokenStream::new(),
        },
        _ => None,
    };
    let class_ident = &self_path.segments.last().expect("a segment").ident;
    // An impl of one instantiation: its functions' leading generics are hidden parameters
    // (no body can name them) that only the instantiation's arguments take.
    let generic_names = match &instantiation {
        Some(args) => (0..args.len())
            .map(|i| format!("__JitclassInstantiationArg{i}"))
            .collect(),
        None => generic_names,
    };
    let context = MethodContext {
        self_path: &self_path,
        self_by_value: operator.as_ref().is_some_and(|o| o.by_value()),
        class_by_ref: operator.is_some(),
        returns_place: operator.as_ref().and_then(|o| o.index_mut()),
        generics: &generic_names,
        impl_generics: Some(&item.generics),
        trait_scope: None,
    };
    let block = ImplBlock {
        self_path: &self_path,
        class_ident,
        operator,
        context,
        user_trait,
        generated: !shadowed,
        params,
        instantiation,
        generics: &item.generics,
        self_ty: &item.self_ty,
    };
    let mut out = Expanded::default();
    for it in &item.items {
        match it {
            syn::ImplItem::Fn(f) => expand_fn(cx, f, &block, &mut out),
            syn::ImplItem::Type(t) if block.operator.is_some() => out.types.push(quote!(#t)),
            syn::ImplItem::Const(c) => match &block.operator {
                // An operator trait has no associated constants (rustc's E0438).
                Some(op) => cx.error(
                    c.ident.span(),
                    format!(
                        "const `{}` is not a member of trait `{}`",
                        c.ident, op.shown
                    ),
                ),
                None => out.consts.push(quote!(#c)),
            },
            // `const X: T;` (no value) or a generic constant: rustc's to report.
            syn::ImplItem::Verbatim(v) if block.operator.is_none() && is_const(v) => {
                out.consts.push(v.clone());
            }
            _ => report_not_a_function(cx, it),
        }
    }
    if let Some(op) = &block.operator
        && !out.omit_impl
    {
        let trait_span = item.trait_.as_ref().expect("a trait impl").1.span();
        out.methods
            .extend(op.provided(cx, &out.defined, trait_span));
    }
    if out.omit_impl {
        return TokenStream::new();
    }
    let hosted: Vec<Hosted<'_>> = out
        .hosted
        .iter()
        .map(|(f, lowered, consts_owner)| Hosted {
            f,
            lowered,
            consts_owner,
        })
        .collect();
    // An impl of one instantiation assumes its arguments are jit types (the header's
    // bound, `with_argument_bounds`), and so does its view: a non-jit argument is then
    // rustc's one error at the argument, not again at each field its bodies read.
    let self_ty_written = &item.self_ty;
    let header_end = quote!(#self_ty_written)
        .into_iter()
        .last()
        .map_or_else(proc_macro2::Span::call_site, |t| t.span());
    let with_arguments = |generics: syn::Generics| match &block.instantiation {
        Some(args) => generic::with_argument_bounds(generics, args, header_end),
        None => generics,
    };
    if shadowed {
        let view_generics = with_arguments(item.generics.clone());
        out.beside
            .push(View::new(&block.class_type(), &view_generics, &hosted).emit());
    }
    if block.is_index() {
        return index::emit_impl(&item, &out.value_methods, &out.beside);
    }
    if let Some(user_trait) = block.user_trait {
        out.beside.push(trait_impl_entry(&block, user_trait));
    }
    let attrs = &item.attrs;
    let self_ty = &item.self_ty;
    let impl_token = &item.impl_token;
    let bounded = with_arguments(generic::with_jit_bounds(&item.generics));
    let (impl_g, _, where_c) = bounded.split_for_impl();
    let header = match &item.trait_ {
        Some((_, path, for_token)) => {
            quote!(#impl_token #impl_g #path #for_token #self_ty #where_c)
        }
        None => quote!(#impl_token #impl_g #self_ty #where_c),
    };
    let (types, consts, methods, beside) = (&out.types, &out.consts, &out.methods, &out.beside);
    // The braces as written, so that rustc's span of the impl (E0046's) is the user's.
    let mut body = proc_macro2::Group::new(
        proc_macro2::Delimiter::Brace,
        quote! {
            #(#types)*
            #(#consts)*
            #(#methods)*
        },
    );
    body.set_span(item.brace_token.span.join());
    quote! {
        #(#attrs)*
        #header #body
        #(#beside)*
    }
}

/// The registry entry of a `#[jit] trait` impl (`jitclass::__private::TRAIT_IMPLS`),
/// through which a call from jit code checks a callee's bounds (E0277); of a generic
/// class's impl, the family's, with the traits its bounds require of each parameter.
fn trait_impl_entry(block: &ImplBlock<'_>, t: &UserTrait) -> TokenStream {
    let entry = format_ident!(
        "__JITCLASS_IMPL_{}_{}_{:x}{}",
        block.class_ident,
        t.name,
        fnv(&t.written),
        block.instantiation_suffix()
    );
    let self_path = block.self_path;
    let class = if !block.of_generic_class() {
        quote!(<#self_path as ::jitclass::JitClass>::class_info)
    } else {
        let family = generic::family_path(self_path);
        quote!(#family::class_info)
    };
    // By the parameter's index (the class's own, as the impl is for the class applied to
    // its parameters in order); the standard library's traits are left out: they have no
    // jit identity, and rustc checks them.
    let bounds = jitclass_core::lower::type_param_bounds(block.generics)
        .into_iter()
        .enumerate()
        .flat_map(|(i, (_, paths))| paths.into_iter().map(move |path| (i, path)))
        .map(|(i, path)| {
            let id = crate::glue::tolerant_trait_id(&path);
            quote!((#i, #id))
        });
    let (name, id) = (&t.name, &t.id);
    let instantiation = block.instantiation_tokens();
    quote! {
        #[allow(non_upper_case_globals)]
        #[::jitclass::__private::linkme::distributed_slice(::jitclass::__private::TRAIT_IMPLS)]
        #[linkme(crate = ::jitclass::__private::linkme)]
        static #entry: ::jitclass::__private::TraitImpl = ::jitclass::__private::TraitImpl {
            class: #class,
            of_trait: ::jitclass::__private::TraitOf { name: #name, id: #id },
            bounds: &[#(#bounds),*],
            instantiation: #instantiation,
        };
    }
}

/// Whether a verbatim impl item is a constant syn does not model.
fn is_const(item: &TokenStream) -> bool {
    item.clone()
        .into_iter()
        .any(|t| matches!(t, proc_macro2::TokenTree::Ident(i) if i == "const"))
}

fn report_not_a_function(cx: &Ctxt, item: &syn::ImplItem) {
    cx.error(
        item.span(),
        "only functions and constants are supported in `#[jitclass]` impl blocks",
    );
}

/// One function of the impl: its glue, or its fallback after errors.
fn expand_fn(cx: &Ctxt, f: &syn::ImplItemFn, block: &ImplBlock<'_>, out: &mut Expanded) {
    out.defined.push(f.sig.ident.to_string());
    let in_trait = block.operator.is_some() || block.user_trait.is_some();
    let Some(kind) = property::kind(cx, f, in_trait) else {
        out.methods.push(failed_method(f, in_trait));
        return;
    };
    // Whether or not the body compiles, the property is a member of the class for the
    // shadows of jit code that uses it (which then get no follow-up errors); of a
    // generic class, of each instantiation the impl's bounds allow.
    out.beside
        .push(property::member(f, kind, block.generics, block.self_ty));
    if let Some(op) = &block.operator
        && !op.check_method(cx, &f.sig.ident)
    {
        out.omit_impl = true;
        return;
    }
    // A default method's body is the trait's: its functions of `Self` are the trait's.
    let is_default = block
        .user_trait
        .is_some_and(|t| t.defaults.contains(&f.sig.ident.to_string()));
    let context = MethodContext {
        trait_scope: block
            .user_trait
            .filter(|_| is_default)
            .map(|t| t.id.as_str()),
        ..block.context
    };
    let start = cx.mark();
    let lowered = lower_and_check(cx, &f.sig, || lower_method(&f.sig, &f.block, &context));
    let Some(mut l) = lowered.filter(|_| !cx.failed_since(start)) else {
        out.methods.push(failed_method(f, in_trait));
        // The function exists with its signature, so an SQL registration of the class
        // gets no follow-up error claiming it has no `step` (the body's error is the one).
        if block.operator.is_none() {
            out.beside.extend(sql_shape::shape_marker(f, block));
        }
        return;
    };
    if block.of_generic_class() {
        // `Self` is the family, which the runtime instantiates per type arguments.
        l.class_paths = generic::family_class_paths(&l.class_paths, block.self_path);
    }
    let (method, items, consts_owner) = emit_method(f, &l, block, block.operator.as_ref(), kind);
    if block.is_index() {
        if let Some((value_method, value_items)) = index::value_method(cx, f, block) {
            out.value_methods.push(value_method);
            out.beside.push(value_items);
        }
    } else {
        out.methods.push(method);
    }
    out.beside.push(items);
    if block.operator.is_none() {
        out.beside.extend(sql_shape::shape_marker(f, block));
    }
    // A method with an unbounded type parameter in scope (the impl's or its own) whose
    // body may duck-type keeps duck typing, typed per instantiation only, as such a
    // `#[jit] fn` does.
    let impl_unbounded = !crate::glue::unbounded_params(block.generics).is_empty();
    let in_scope = in_scope_generics(block, f);
    if crate::shadow::has_shadow(&f.sig, &f.block, &in_scope, impl_unbounded) {
        if !is_default {
            out.hosted.push((f.clone(), l, consts_owner));
        }
    } else if !is_default {
        // Without a shadow, rustc still sees its formatting of an unbounded `T` parameter.
        out.beside.push(crate::shadow::unbounded_format_check(
            &f.sig, &f.block, &in_scope, &f.attrs,
        ));
    }
}

/// The type parameters in scope in the method `f`: its impl's, then its own, with their
/// bounds (as the IR numbers them, after an instantiation impl's hidden ones).
fn in_scope_generics(block: &ImplBlock<'_>, f: &syn::ImplItemFn) -> syn::Generics {
    let mut all = block.generics.clone();
    all.params.extend(f.sig.generics.params.iter().cloned());
    if let Some(own) = &f.sig.generics.where_clause {
        all.make_where_clause()
            .predicates
            .extend(own.predicates.iter().cloned());
    }
    all
}

/// The glue method on the handle, and the dispatcher and registry entry beside the impl
/// (and the type holding the function's hoisted constants, whose path comes third).
/// `operator`: the trait `f` is a method of (none for the value methods of `Index`).
pub(super) fn emit_method(
    f: &syn::ImplItemFn,
    l: &Lowered,
    block: &ImplBlock<'_>,
    operator: Option<&OperatorImpl>,
    kind: FnKind,
) -> (TokenStream, TokenStream, TokenStream) {
    let (self_path, class_ident) = (block.self_path, block.class_ident);
    let kind_path = kind_tokens(kind);
    let fname = &f.sig.ident;
    let (qualified, registered, unique) = match operator {
        Some(op) => (
            format!("<{class_ident} as {}>::{fname}", op.shown),
            op.method(fname).key(),
            // One static per impl: `Mul<f64>` and `Mul<V>` both have `mul`.
            format!("{}_{fname}_{:x}", op.name(), fnv(&op.written)),
        ),
        None if let Some(UserTrait {
            name: trait_name,
            written,
            ..
        }) = block.user_trait =>
        {
            (
                format!("<{class_ident} as {trait_name}>::{fname}"),
                fname.to_string(),
                // `a::Shape` and `b::Shape` may both have `area`.
                format!("{trait_name}_{fname}_{:x}", fnv(written)),
            )
        }
        None => (
            format!("{class_ident}::{fname}"),
            fname.to_string(),
            if block.generated {
                format!("derived_{fname}")
            } else {
                fname.to_string()
            },
        ),
    };
    // Impls of two instantiations may both define `sum`.
    let unique = format!("{unique}{}", block.instantiation_suffix());
    let dispatcher = format_ident!("__JITCLASS_{}_{}", class_ident, unique);
    let entry_name = format_ident!("__JITCLASS_ENTRY_{}_{}", class_ident, unique);
    // The type whose associated constants are the function's hoisted ones.
    let consts_owner = format_ident!("__JitclassConsts_{}_{}", class_ident, unique);
    let mut in_scope = generic::params(block.generics);
    in_scope.extend(generic::params(&f.sig.generics));
    let info = fn_info(
        &qualified,
        l,
        false,
        &syn::Generics::default(),
        &syn::Generics::default(),
        &in_scope,
        &quote!(#consts_owner),
        false,
    );
    let name_str = registered;
    let of_trait = match block.user_trait.filter(|_| operator.is_none()) {
        Some(UserTrait { name, id, .. }) => quote! {
            ::core::option::Option::Some(::jitclass::__private::TraitOf { name: #name, id: #id })
        },
        None => quote!(::core::option::Option::None),
    };
    let (mut sig, arg_names) = glue_signature(&f.sig, Some(l));
    let mut call_args: Vec<TokenStream> = Vec::new();
    if let Some(syn::FnArg::Receiver(r)) = sig.inputs.first_mut() {
        if kind == FnKind::Setter {
            // A setter is a Cell-like accessor of the shared instance, as a field's is.
            unmut_receiver(r);
        }
        call_args.push(if r.reference.is_some() {
            quote!(&*self)
        } else {
            quote!(self)
        });
    }
    // A `&S` of a generic method's (or the class's) type parameter crosses as the value
    // `S` does, borrowed, as a generic `#[jit] fn`'s does (the IR's parameters start with
    // `self` in a method).
    let typed = &l.ir.params[call_args.len().min(l.ir.params.len())..];
    call_args.extend(arg_names.iter().zip(typed).map(|(a, p)| {
        match (l.ir.local(p.local).by_ref, &p.ty) {
            (Some(_), jitclass_core::ir::TypeExpr::Generic(_)) => {
                quote!(::jitclass::__private::ByRef(&*#a))
            }
            _ => quote!(#a),
        }
    }));
    let call = format_ident!("call_{}", call_args.len());
    let call_expr = quote!(::jitclass::__private::#call(__jitclass_entry, #(#call_args),*));
    let wrap_result = crate::glue::result_call(l, call_expr);
    let vis = &f.vis;
    let attrs = f.attrs.iter().filter(|a| !is_property_attr(a));
    // Spanned at the user's function, so that rustc's messages about the method (a
    // name clash with a field's getter, say) point there.
    // A generic class's function is specialised for the class's type arguments.
    // A generic method is specialised for its own type arguments too, after the class's.
    let own: Vec<syn::Type> = generic::params(&f.sig.generics)
        .into_iter()
        .map(|p| syn::parse_quote!(#p))
        .collect();
    let entry = if !block.of_generic_class() && own.is_empty() {
        quote!(#dispatcher.entry())
    } else {
        let mut args = block.type_args();
        args.extend(own);
        let type_args = generic::type_args_fn(&args);
        quote!(#dispatcher.entry_for::<(#(#args,)*)>(#type_args))
    };
    let instantiation = block.instantiation_tokens();
    let class_info = if !block.of_generic_class() {
        quote!(<#self_path as ::jitclass::JitClass>::class_info)
    } else {
        let family = generic::family_path(self_path);
        quote!(#family::class_info)
    };
    // The hoisted constants live in the glue method's body, where rustc names them by the
    // method, as it names the user's; an `Index` block's glue method gives way to its
    // value method, and a `#[cfg]` may remove the method but not the getters beside the
    // impl, so their constants stay beside it.
    let (hoisted_beside, hoisted_body) = if l.consts.is_empty() {
        (TokenStream::new(), TokenStream::new())
    } else if block.is_index() || !crate::glue::cfgs_of(&f.attrs).is_empty() {
        let consts = hoisted_items(&l.consts);
        let beside = quote! {
            #[doc(hidden)]
            #[allow(non_camel_case_types)]
            struct #consts_owner;

            impl #consts_owner {
                #consts
            }
        };
        (beside, TokenStream::new())
    } else {
        let beside = quote! {
            #[doc(hidden)]
            #[allow(non_camel_case_types)]
            struct #consts_owner;
        };
        (beside, hoisted_in_body(&consts_owner, &l.consts))
    };
    let method = quote_spanned! {fname.span()=>
        #(#attrs)*
        #[track_caller]
        #[inline]
        #vis #sig {
            #hoisted_body
            let __jitclass_entry = #entry;
            // SAFETY: the dispatcher compiled this entry point for exactly these parameter
            // and return types, under the calling convention `call_N` implements.
            #wrap_result
        }
    };
    let items = quote! {
        #hoisted_beside

        #[allow(non_upper_case_globals)]
        static #dispatcher: ::jitclass::Dispatcher = ::jitclass::Dispatcher::__new(#info);

        #[allow(non_upper_case_globals)]
        #[::jitclass::__private::linkme::distributed_slice(::jitclass::__private::METHODS)]
        #[linkme(crate = ::jitclass::__private::linkme)]
        static #entry_name: ::jitclass::__private::MethodEntry = ::jitclass::__private::MethodEntry {
            class: #class_info,
            name: #name_str,
            dispatcher: &#dispatcher,
            kind: #kind_path,
            of_trait: #of_trait,
            instantiation: #instantiation,
        };
    };
    (method, items, quote!(#consts_owner))
}

/// `&mut self` -> `&self` (a `#[setter]`'s glue).
fn unmut_receiver(r: &mut syn::Receiver) {
    r.mutability = None;
    if let syn::Type::Reference(tr) = &mut *r.ty {
        tr.mutability = None;
    }
}

/// A short stable hash, for names of generated items.
fn fnv(text: &str) -> u32 {
    text.bytes().fold(0x811c_9dc5u32, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

/// The registry's `FnKind` of a function of this kind.
fn kind_tokens(kind: FnKind) -> TokenStream {
    match kind {
        FnKind::Plain => quote!(::jitclass::__private::FnKind::Plain),
        FnKind::Getter => quote!(::jitclass::__private::FnKind::Getter),
        FnKind::Setter => quote!(::jitclass::__private::FnKind::Setter),
    }
}

/// After errors: the method with its signature and a body that panics, so that its
/// callers produce no follow-up errors.
fn failed_method(f: &syn::ImplItemFn, in_trait: bool) -> TokenStream {
    let (mut sig, _) = glue_signature(&f.sig, None);
    if let Some(syn::FnArg::Receiver(r)) = sig.inputs.first_mut()
        && !in_trait
        && f.attrs.iter().any(|a| a.path().is_ident("setter"))
    {
        unmut_receiver(r);
    }
    let attrs = f.attrs.iter().filter(|a| !is_property_attr(a));
    failed_fn(attrs, &f.vis, &sig, &f.block)
}
