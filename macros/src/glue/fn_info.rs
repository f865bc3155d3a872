//! A function's `FnInfo`, from which its dispatcher compiles it: the IR, the source
//! location of every `LocId`, the callees, classes and opaque types it names (each a
//! getter rustc resolves at the token), its `objmode!` blocks, the getters of the
//! constants rustc evaluates for it (`consts.rs`), and the never-called
//! `check` fn in which rustc checks, for a generic fn with an unbounded type parameter
//! (which has no shadow), `Class::f`
//! paths, struct literals against the class's handle, `PassThru` equalities and
//! intrinsics' type arguments.

use super::pin_type;
use jitclass_core::ir::ExprKind;
use jitclass_core::lower::Lowered;
use proc_macro2::{Span, TokenStream};
use quote::{quote, quote_spanned};

/// The `FnInfo` of a lowered function: IR, source locations, and the items it names,
/// resolved by rustc. `generics`: the glue's generic parameters with their bounds, under
/// which rustc checks what names them (`sizeof::<T>`); `written`: the generics as the user
/// wrote them, whose bounded parameters' method calls rustc checks (`bound_methods.rs`);
/// `in_scope`: the type parameters the function's types may name (of a method of a
/// generic impl, the impl's too); `shadowed`: the body has a shadow (`crate::shadow::has_shadow`),
/// in which rustc checks what the checks here would.
#[allow(clippy::too_many_arguments)]
pub(crate) fn fn_info(
    name: &str,
    l: &Lowered,
    cfunc: bool,
    generics: &syn::Generics,
    written: &syn::Generics,
    in_scope: &[syn::Ident],
    consts_owner: &TokenStream,
    shadowed: bool,
) -> TokenStream {
    let ir = syn::LitByteStr::new(&l.ir.encode(), Span::call_site());
    // Plain numbers (1-based, as in Rust's panic messages), not `line!()` at the token's
    // span: lints would then judge those generated literals as if the user wrote them.
    let locs = l.spans.iter().map(|span| {
        let start = span.start();
        let (line, column) = (start.line as u32, start.column as u32 + 1);
        quote!((#line, #column))
    });
    // A generic body with an unbounded type parameter that may duck-type has no shadow: the number of
    // arguments of each of its calls is checked in the callee's getter (a shadowed body's
    // calls are rustc's own in its shadow).
    let generic = generics.type_params().next().is_some() && !shadowed;
    let mut calls: Vec<Vec<(usize, Span)>> = vec![Vec::new(); l.ref_paths.len()];
    if generic {
        for e in &l.ir.exprs {
            if let ExprKind::Call { callee, args } = &e.kind {
                calls[callee.index()].push((args.len(), l.spans[e.loc.index()]));
            }
        }
    }
    let refs = l
        .ref_paths
        .iter()
        .zip(&calls)
        .map(|(path, calls)| super::callee::callee_getter(path, calls));
    let inferred = named_without_arguments(l);
    let owners: Vec<bool> = (0..l.class_paths.len())
        .map(|i| l.ir.trait_owners.iter().any(|(c, _)| c.index() == i))
        .collect();
    let (classes, class_checks) = class_getters(&l.class_paths, in_scope, &inferred, &owners);
    // Each trait a call names, by its companion macro (a trait without `#[jit]` has none:
    // rustc says "cannot find macro" at its token); a trait only a bound names may be a
    // plain Rust trait, and a bare path before `::f(..)` a class (`super::bound_traits`).
    let only_bounds = super::bound_traits::tolerated(&l.ir);
    let traits = l.trait_paths.iter().enumerate().map(|(i, path)| {
        if only_bounds.contains(&(i as u32)) {
            super::bound_traits::tolerant_trait_id(path)
        } else {
            quote!(#path!(@jitclass_trait_id))
        }
    });
    let opaques = opaque_getters(&l.opaque_types);
    let consts = super::consts::const_getters(consts_owner, &l.consts);
    // Differently written `PassThru<T>` types the body uses as one: rustc says whether
    // they are (an alias, a path), at the tokens of the one written later.
    let same_types = l.opaque_equalities.iter().map(|&(a, b)| {
        let (mut a, mut b) = (
            l.opaque_types[a as usize].clone(),
            l.opaque_types[b as usize].clone(),
        );
        pin_type(&mut a);
        pin_type(&mut b);
        let span = syn::spanned::Spanned::span(&b);
        quote_spanned! {span=>
            ::jitclass::__private::same_type::<#b, #a>();
        }
    });
    let objmodes = l
        .objmodes
        .iter()
        .map(|block| crate::objmode::block_fn(name, block));
    // Each `Class::f` called must exist; rustc says so at the token otherwise. A class
    // named without type arguments may be generic (`Stack::new()`), whose arguments only
    // the values tell (not here): inference checks its function at the first call.
    let checks = l
        .assoc_paths
        .iter()
        .filter(|path| !class_part_is_bare(path))
        .map(|path| {
            let span = path.segments.last().expect("a segment").ident.span();
            quote_spanned! {span=> let _ = #path; }
        });
    // Each jit fn called with a turbofish, named with it: rustc checks the count (E0107)
    // and the bounds (E0277) of the arguments at their tokens.
    let turbofish = l.turbofish_paths.iter().map(|path| {
        let span = path.segments.last().expect("a segment").ident.span();
        quote_spanned! {span=> let _ = #path; }
    });
    let bound_methods = super::bound_methods::bound_method_checks(l, written);
    let bound_calls = super::bound_calls::bound_call_checks(l, written);
    let bound_values = super::bound_values::bound_value_checks(l, written);
    // Each trait function a generic body calls by path, named as the body does and
    // called with as many (never evaluated) arguments: rustc reports a missing one, one
    // two bounds both have (E0034), or a wrong count of arguments (E0061), at its token.
    let trait_fns = l.trait_fn_calls.iter().map(|call| {
        let mut call = call.clone();
        let span = match &*call.func {
            syn::Expr::Path(p) => p.path.segments.last().expect("a segment").ident.span(),
            _ => Span::call_site(),
        };
        call.args = call.args.iter().map(argument_stand_in).collect();
        quote_spanned! {span=> let _ = || #call; }
    });
    let macros = l.macro_paths.iter().map(|path| quote! { #path!(@check); });
    // Each struct literal, written against the class's handle, which has the class's
    // fields (holding nothing): rustc reports unknown, missing and private fields at
    // their tokens, naming the class. The path carries the literal's span.
    // A path without type arguments may name a generic class, whose arguments only the
    // values (not here) tell: its fields are checked at the first call, by inference.
    let literals = l
        .literals
        .iter()
        .filter(|(path, _)| !is_bare(path))
        .map(|(path, fields)| {
            let span = path.segments.last().expect("a segment").ident.span();
            let class = quote_spanned! {span=> ::jitclass::__private::Literal::<#path> };
            // The handle has exactly the class's fields (a class without fields a hidden
            // one, which `..` fills).
            let braces = if fields.is_empty() {
                quote!({ ..::core::unreachable!() })
            } else {
                quote!({ #(#fields: ::core::unreachable!(),)* })
            };
            quote! {
                let _ = || -> #class {
                    #class #braces
                };
            }
        });
    // A body whose type parameters are all bounded, or that cannot duck-type, has a
    // shadow (`crate::shadow`), in which rustc checks all of these, once; another one
    // with an unbounded parameter only the checks here.
    let mut checked = if generic {
        quote! {
            #(#checks)*
            #(#turbofish)*
            #(#class_checks)*
            #(#literals)*
            #(#macros)*
            #(#same_types)*
            #(#bound_methods)*
            #(#bound_calls)*
            #(#bound_values)*
            #(#trait_fns)*
        }
    } else {
        quote! { #(#macros)* }
    };
    if generic {
        // Checks may name the function's generic parameters (`sizeof::<T>`): rustc checks
        // them in a generic fn with the glue's bounds.
        let (params, _, where_clause) = generics.split_for_impl();
        checked = quote! {
            #[allow(
                dead_code,
                clippy::let_underscore_untyped,
                clippy::let_unit_value,
                clippy::diverging_sub_expression,
                clippy::unnecessary_literal_unwrap,
                unreachable_code
            )]
            fn generic_check #params () #where_clause {
                #checked
            }
        };
    }
    quote! {
        ::jitclass::__private::FnInfo {
            name: #name,
            module_path: ::core::module_path!(),
            file: ::core::file!(),
            ir: #ir,
            locs: &[#(#locs),*],
            refs: &[#(#refs),*],
            classes: &[#(#classes),*],
            traits: &[#(#traits),*],
            opaques: &[#(#opaques),*],
            objmodes: &[#(#objmodes),*],
            consts: &[#(#consts),*],
            cfunc: #cfunc,
            check: {
                #[allow(clippy::let_underscore_untyped, unreachable_code)]
                fn check() {
                    #checked
                }
                check
            },
        }
    }
}

/// One `fn() -> Type` per `PassThru<T>`: the jit type of `T`'s handles.
pub(crate) fn opaque_getters(types: &[syn::Type]) -> Vec<TokenStream> {
    types
        .iter()
        .map(|ty| {
            let mut ty = ty.clone();
            pin_type(&mut ty);
            quote_spanned! {syn::spanned::Spanned::span(&ty)=>
                (|| ::jitclass::__private::passthru_type::<#ty>()) as fn() -> ::jitclass::Type
            }
        })
        .collect()
}

/// One `fn() -> &'static ClassInfo` per class path, each checked by rustc at its token,
/// and the checks of the paths that name the generic parameters in scope (`generics`):
/// `Stack<T>` in `fn f<T>(s: &Stack<T>)` or in a generic class's field `inner: Inner<T>`.
/// A getter is a named fn (no generic parameters in scope) and names such a path's
/// family; the caller puts its check where the parameters are, under the glue's bounds
/// (a generic impl's method has none: its glue's signature has rustc check the classes
/// it takes and returns).
/// Named fns, not closures, as the callee getters of `fn_info` (classes naming each other
/// in a long chain would reach rustc's recursion limit through closure shims).
///
/// A path written without type arguments only in expressions (`Stack::new()`,
/// `Stack { .. }`: `inferred`, by index) may name a generic class, whose type arguments
/// inference infers: its getter asks rustc for `Stack::jitclass_info()` (`class_name.rs`).
pub(crate) fn class_getters(
    paths: &[syn::Path],
    in_scope: &[syn::Ident],
    inferred: &[bool],
    maybe_traits: &[bool],
) -> (Vec<TokenStream>, Vec<TokenStream>) {
    let params: Vec<&syn::Ident> = in_scope.iter().collect();
    let mut generic_checks = Vec::new();
    let getters = paths
        .iter()
        .enumerate()
        .map(|(i, path)| {
            let last = &path.segments.last().expect("a segment").ident;
            let span = last.span();
            // A generic class's `Self` names its family (`jitclass/generic.rs`); so does an
            // instantiation (`Stack<i64>`), after rustc checked that it is one.
            let arguments = &path.segments.last().expect("a segment").arguments;
            let instantiation = !arguments.is_none();
            let info = if last
                .to_string()
                .starts_with(crate::jitclass::generic::FAMILY_PREFIX)
            {
                quote_spanned!(span=> #path::class_info())
            } else if instantiation && crate::jitclass::generic::infers_arguments(arguments) {
                // `Stack<_>`: what rustc infers, as for `Stack` (the check of `Stack<_>`
                // would be rustc's "type annotations needed" in this getter).
                value_getter(&crate::jitclass::generic::without_arguments(path))
            } else if instantiation && mentions(path, &params) {
                // No parameter is in scope here: the family, by the class's value.
                generic_checks.push(quote_spanned! {span=>
                    let _ = <#path as ::jitclass::JitClass>::class_info;
                });
                let family = crate::jitclass::generic::without_arguments(path);
                quote_spanned!(span=> (#family).0())
            } else if instantiation {
                quote_spanned! {span=>
                    ::jitclass::__private::family_of(<#path as ::jitclass::JitClass>::class_info())
                }
            } else if inferred.get(i).copied().unwrap_or(false) {
                value_getter(path)
            } else {
                quote_spanned!(span=> <#path as ::jitclass::JitClass>::class_info())
            };
            let info = if maybe_traits.get(i).copied().unwrap_or(false) {
                unless_a_trait(path, info)
            } else {
                info
            };
            // A path naming nothing (`w: U`) is rustc's "cannot find type `U`": the
            // getter's name is jitclass's, not at the path, so that the error is the one
            // at the class's accessors, which rustc reports once (not with a help `U<U>`
            // at this getter's parameters).
            let getter = syn::Ident::new("__jitclass_class_info", proc_macro2::Span::call_site());
            quote_spanned! {span=>
                {
                    fn #getter() -> &'static ::jitclass::ClassInfo {
                        #info
                    }
                    #getter as fn() -> &'static ::jitclass::ClassInfo
                }
            }
        })
        .collect();
    (getters, generic_checks)
}

/// `info`, the class getter's body, unless `path` names a `#[jit] trait`
/// (`Shape::area(&c)`), whose companion macro then drops it: the runtime makes the calls
/// on the path the trait's (`FnIr::trait_owners`) and never calls the getter. As in
/// `bound_traits::tolerant_trait_id`, the import of the path in the inner block shadows
/// the fallback (which returns `info` as written) exactly when the path has a companion.
fn unless_a_trait(path: &syn::Path, info: TokenStream) -> TokenStream {
    let span = path.segments.last().expect("a segment").ident.span();
    quote_spanned! {span=>
        #[allow(unused_imports)]
        use ::jitclass::__private::bound_trait_fallback::__jitclass_bound_trait;
        {
            #[allow(unused_imports)]
            use #path as __jitclass_bound_trait;
            __jitclass_bound_trait!(@jitclass_class_info #info)
        }
    }
}

/// The descriptor of the class a path without type arguments names, which may be a
/// generic class (`Stack::new()`): the class's inherent `jitclass_info`, whose generic
/// one rustc picks for `Stack<_>`. A path naming no class reaches `ClassPath`'s, and the
/// never-run check before it is rustc's "`Point` is not a `#[jitclass]` type", at the
/// path's token, in `JitClass`'s words (`class_name.rs`).
fn value_getter(path: &syn::Path) -> TokenStream {
    let span = path.segments.last().expect("a segment").ident.span();
    let info = quote_spanned!(span=> jitclass_info);
    let value = quote_spanned!(span=> jitclass_value);
    let check = quote_spanned!(span=> <_ as ::jitclass::JitClass>::handle);
    quote_spanned! {span=>
        #[allow(unused_imports)]
        use ::jitclass::__private::ClassPath as _;
        let _ = || {
            #check(#path::#value());
        };
        #path::#info()
    }
}

/// By `ClassRefId`, whether the class reference is written without type arguments and
/// only in expressions (a struct literal's or an associated call's path), never in a
/// type, where rustc wants a generic class's arguments (E0107).
fn named_without_arguments(l: &Lowered) -> Vec<bool> {
    use jitclass_core::ir::{ItemUse, TypeExpr};
    let mut in_types = vec![false; l.class_paths.len()];
    let mut mark = |t: &TypeExpr| {
        t.for_each_item(&mut |item| {
            if let ItemUse::Class(c) = item
                && let Some(slot) = in_types.get_mut(c.index())
            {
                *slot = true;
            }
        })
    };
    l.ir.params.iter().for_each(|p| mark(&p.ty));
    mark(&l.ir.ret);
    l.ir.class_args.iter().flatten().for_each(&mut mark);
    for e in &l.ir.exprs {
        e.kind.for_each_written_type(&mut mark);
    }
    l.ir.explicit_generics
        .iter()
        .flat_map(|(_, types)| types)
        .for_each(&mut mark);
    l.class_paths
        .iter()
        .zip(in_types)
        .map(|(path, in_type)| {
            !in_type && path.segments.last().is_some_and(|s| s.arguments.is_none())
        })
        .collect()
}

/// Whether a class path has no type arguments (or writes one as `_`) and is not `Self`:
/// it may name a generic class whose arguments inference infers.
fn is_bare(path: &syn::Path) -> bool {
    path.segments.last().is_some_and(|s| {
        (s.arguments.is_none() || crate::jitclass::generic::infers_arguments(&s.arguments))
            && s.ident != "Self"
    })
}

/// Whether the class part of a `Class::f` path (all but its last segment) has no type
/// arguments (or writes one as `_`) and is not `Self`.
fn class_part_is_bare(path: &syn::Path) -> bool {
    let n = path.segments.len();
    n >= 2 && {
        let class = &path.segments[n - 2];
        (class.arguments.is_none() || crate::jitclass::generic::infers_arguments(&class.arguments))
            && class.ident != "Self"
    }
}

/// Whether a path's type arguments name one of `params`.
fn mentions(path: &syn::Path, params: &[&syn::Ident]) -> bool {
    struct Find<'a>(&'a [&'a syn::Ident], bool);
    impl<'ast> syn::visit::Visit<'ast> for Find<'_> {
        fn visit_type_path(&mut self, tp: &'ast syn::TypePath) {
            if tp.qself.is_none()
                && let Some(first) = tp.path.segments.first()
                && self.0.contains(&&first.ident)
            {
                self.1 = true;
            }
            syn::visit::visit_type_path(self, tp);
        }
    }
    let mut find = Find(params, false);
    for segment in &path.segments {
        syn::visit::Visit::visit_path_arguments(&mut find, &segment.arguments);
    }
    find.1
}

/// The functions of the std prelude a crate's own fn may be named like: a macro-expanded
/// fn of that name and the prelude's are ambiguous in an import (rustc's E0659), where the
/// plain call the user wrote is not.
const PRELUDE_FUNCTIONS: &[&str] = &["drop", "size_of", "size_of_val", "align_of", "align_of_val"];

/// `path` as the glue imports it: a lone name of a prelude function is the module's own
/// (`self::size_of`), which a plain call of it names too (a module's item shadows the
/// prelude).
pub(super) fn unambiguous_import(path: &syn::Path) -> syn::Path {
    match path.get_ident() {
        Some(ident) if PRELUDE_FUNCTIONS.contains(&ident.to_string().as_str()) => {
            syn::parse_quote_spanned!(ident.span()=> self::#ident)
        }
        _ => path.clone(),
    }
}

/// What the generic check passes for an argument of a trait function called by path: a
/// literal as written (whose type rustc names, as in "unexpected argument of type
/// `{integer}`"), otherwise a never-evaluated value of whatever type the parameter has
/// (for an extra argument, rustc then says "unexpected argument"), at the argument.
fn argument_stand_in(arg: &syn::Expr) -> syn::Expr {
    let literal = match arg {
        syn::Expr::Lit(_) => true,
        syn::Expr::Unary(u) => {
            matches!(u.op, syn::UnOp::Neg(_)) && matches!(&*u.expr, syn::Expr::Lit(_))
        }
        _ => false,
    };
    if literal {
        return arg.clone();
    }
    let span = syn::spanned::Spanned::span(arg);
    syn::parse_quote_spanned!(span=> ::core::option::Option::None.unwrap())
}
