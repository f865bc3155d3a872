//! What a generic `#[jitclass]` (`struct Stack<T>`, `impl<T> Stack<T>`) adds to the
//! expansion of a class and its impl blocks: the family item (`__JitclassFamily_Stack`,
//! holding the one `static ClassInfo` of all instantiations, which the runtime
//! instantiates per type arguments), the bounds the glue needs of each parameter, and the
//! rewriting of `Self`'s class references to the family.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

/// The prefix of a family item's name, by which `glue::class_getters` recognises it.
pub(crate) const FAMILY_PREFIX: &str = "__JitclassFamily_";

/// The family item of the generic class `class`.
pub(super) fn family_ident(class: &syn::Ident) -> syn::Ident {
    format_ident!("{FAMILY_PREFIX}{}", class)
}

/// `path` (a class) with its last segment replaced by the class's family item.
pub(crate) fn family_path(path: &syn::Path) -> syn::Path {
    let mut path = path.clone();
    let last = path.segments.last_mut().expect("a segment");
    last.ident = family_ident(&last.ident);
    last.arguments = syn::PathArguments::None;
    path
}

/// `path` (a class named with type arguments) without its last segment's arguments: in
/// an expression, a generic class's name is its family's value (`const Stack:
/// ClassFamily`, emitted beside the class), which travels with the class's name through
/// `use` and renames, where the family item's own name (`family_path`) does not.
pub(crate) fn without_arguments(path: &syn::Path) -> syn::Path {
    let mut path = path.clone();
    path.segments.last_mut().expect("a segment").arguments = syn::PathArguments::None;
    path
}

/// Whether `args` write a type as `_` (`Stack<_>`, `Pair::<i64, _>`, `Stack<Vec<_>>`):
/// rustc infers it from the uses, as for a class named without arguments.
pub(crate) fn infers_arguments(args: &syn::PathArguments) -> bool {
    struct Find(bool);
    impl<'ast> syn::visit::Visit<'ast> for Find {
        fn visit_type_infer(&mut self, _: &'ast syn::TypeInfer) {
            self.0 = true;
        }
    }
    let mut find = Find(false);
    syn::visit::Visit::visit_path_arguments(&mut find, args);
    find.0
}

/// The value `const #name: ClassFamily` of a generic class (see `without_arguments`).
pub(super) fn family_value(
    name: &syn::Ident,
    vis: &syn::Visibility,
    cfgs: &[&syn::Attribute],
) -> TokenStream {
    let family = family_ident(name);
    quote! {
        #(#cfgs)*
        #[doc(hidden)]
        #[allow(non_upper_case_globals, dead_code)]
        #vis const #name: ::jitclass::__private::ClassFamily =
            ::jitclass::__private::ClassFamily(#family::class_info);
    }
}

/// The type parameters' identifiers.
pub(crate) fn params(generics: &syn::Generics) -> Vec<syn::Ident> {
    generics.type_params().map(|tp| tp.ident.clone()).collect()
}

/// `generics` with `T: ::jitclass::JitType` for every type parameter: what crossing to
/// and from jit code needs of a value of type `T` (as a generic `#[jit] fn`'s glue asks).
pub(super) fn with_jit_bounds(generics: &syn::Generics) -> syn::Generics {
    let mut g = generics.clone();
    let idents = params(generics);
    let wc = g.make_where_clause();
    for ident in idents {
        wc.predicates
            .push(syn::parse_quote!(#ident: ::jitclass::JitType));
    }
    g
}

/// `generics` with `for<'__jitclass> A: ::jitclass::JitType` for each type argument `A` of
/// an impl of one instantiation (`impl Bag<File>`): rustc reports an argument that is not
/// a jit type once, at the argument (the class's bound), and the glue's calls then assume
/// it is one rather than repeating the error at `#[jitclass]` in jitclass's own items.
/// Under a binder, as a bound without parameters would be refused (E0277, `trivial_bounds`).
/// Spanned at `header_end` (the self type's last token): rustc's span of the header (its
/// note "first implementation here") is the union of its tokens' spans.
pub(super) fn with_argument_bounds(
    mut generics: syn::Generics,
    args: &[syn::Type],
    header_end: proc_macro2::Span,
) -> syn::Generics {
    if args.is_empty() {
        return generics;
    }
    let wc = generics.make_where_clause();
    wc.where_token.span = header_end;
    for ty in args {
        wc.predicates.push(syn::parse_quote_spanned!(header_end=>
            for<'__jitclass> #ty: ::jitclass::JitType));
    }
    generics
}

/// `generics` with `F: ::jitclass::JitType` for each field type `F` naming a parameter,
/// whose repr is then its payload field's type.
pub(super) fn with_field_bounds<'a>(
    mut generics: syn::Generics,
    field_types: impl Iterator<Item = &'a syn::Type>,
) -> syn::Generics {
    let wc = generics.make_where_clause();
    for ty in field_types {
        wc.predicates
            .push(syn::parse_quote!(#ty: ::jitclass::JitType));
    }
    generics
}

/// The class's type arguments as jit types, for the runtime (a `fn` pointer).
pub(super) fn type_args_fn<T: quote::ToTokens>(params: &[T]) -> TokenStream {
    quote! {
        || ::std::vec![#(<#params as ::jitclass::JitArg>::jit_type()),*]
    }
}

/// The class references of a function or class with `Self`'s (`self_path`) replaced by
/// its family item, which a `static` can name without type arguments.
pub(super) fn family_class_paths(paths: &[syn::Path], self_path: &syn::Path) -> Vec<syn::Path> {
    paths
        .iter()
        .map(|p| {
            if p == self_path {
                family_path(p)
            } else {
                p.clone()
            }
        })
        .collect()
}

/// rustc's E0392 for each parameter no field's type (`fields`, lowered) mentions: the
/// class's own items all use every parameter (its handle and payload carry a marker of
/// them), so a struct of those parameters alone, at the user's tokens, lets rustc report
/// "type parameter `T` is never used" once, in its words. A parameter written only inside
/// the class's own name (`Option<Node<T, U>>`) is rustc's "only used recursively", at that
/// use (`written`: the field types as the user wrote them). A parameter in the arguments
/// of another class (`inner: Inner<T>`) is used, as rustc sees it; `recursive_refs`: by
/// `ClassRefId`, whether the reference is to the class itself.
pub(super) fn unused_params_check(
    generics: &syn::Generics,
    ir: &jitclass_core::ir::ClassIr,
    recursive_refs: &[bool],
    written: &[&syn::Type],
) -> TokenStream {
    let mut never_used = Vec::new();
    let mut recursive = TokenStream::new();
    for (i, tp) in generics.type_params().enumerate() {
        let used = ir
            .fields
            .iter()
            .any(|f| mentions_param(&f.ty, i, ir, recursive_refs, 0));
        // A `PhantomData<T>` field (`()` in the IR) uses `T`, as rustc sees it.
        if used || written.iter().any(|ty| phantom_mentions(ty, &tp.ident)) {
            continue;
        }
        match written.iter().find_map(|ty| first_mention(ty, &tp.ident)) {
            Some(span) => {
                let name = &tp.ident;
                let message = format!(
                    "type parameter `{name}` is only used recursively\n\
                     help: consider removing `{name}`, referring to it in a field, or using a marker such as `PhantomData`\n\
                     note: all type parameters must be used in a non-recursive way in order to constrain their variance"
                );
                recursive.extend(syn::Error::new(span, message).to_compile_error());
            }
            None => never_used.push(&tp.ident),
        }
    }
    // All the parameters with their bounds as written (rustc's help differs for a bounded
    // one), the used ones used.
    let never_used = (!never_used.is_empty()).then(|| {
        let params = generics.type_params();
        let used = generics
            .type_params()
            .map(|tp| &tp.ident)
            .filter(|i| !never_used.contains(i));
        let where_c = &generics.where_clause;
        quote! {
            const _: () = {
                #[allow(dead_code, non_camel_case_types)]
                struct __JitclassParams<#(#params),*> #where_c {
                    used: ::core::marker::PhantomData<(#(#used,)*)>,
                }
            };
        }
    });
    quote!(#never_used #recursive)
}

/// Whether `te` mentions the class's parameter `i` outside the class's own name: itself,
/// or in the arguments written on another class it names (`depth`: how many such
/// arguments deep, bounded by the type limits the lowering checked).
fn mentions_param(
    te: &jitclass_core::ir::TypeExpr,
    i: usize,
    ir: &jitclass_core::ir::ClassIr,
    recursive_refs: &[bool],
    depth: usize,
) -> bool {
    use jitclass_core::ir::TypeExpr;
    let mut used = false;
    te.for_each_part(&mut |t| match t {
        TypeExpr::Generic(g) => used |= *g as usize == i,
        TypeExpr::Class(r) if !recursive_refs.get(r.index()).copied().unwrap_or(true) => {
            if let Some(args) = ir.class_args.get(r.index())
                && depth < jitclass_core::limits::MAX_TYPE_DEPTH
            {
                used |= args
                    .iter()
                    .any(|a| mentions_param(a, i, ir, recursive_refs, depth + 1));
            }
        }
        _ => {}
    });
    used
}

/// The span of the first path segment named `ident` in `ty`.
/// Whether `ident` is written inside the arguments of a `PhantomData<..>` in `ty`.
fn phantom_mentions(ty: &syn::Type, ident: &syn::Ident) -> bool {
    struct Find<'a>(&'a syn::Ident, bool);
    impl<'ast> syn::visit::Visit<'ast> for Find<'_> {
        fn visit_path_segment(&mut self, seg: &'ast syn::PathSegment) {
            if seg.ident == "PhantomData"
                && let syn::PathArguments::AngleBracketed(args) = &seg.arguments
            {
                self.1 |= args.args.iter().any(|a| match a {
                    syn::GenericArgument::Type(t) => first_mention(t, self.0).is_some(),
                    _ => false,
                });
            }
            syn::visit::visit_path_segment(self, seg);
        }
    }
    let mut find = Find(ident, false);
    syn::visit::Visit::visit_type(&mut find, ty);
    find.1
}

fn first_mention(ty: &syn::Type, ident: &syn::Ident) -> Option<proc_macro2::Span> {
    struct Find<'a>(&'a syn::Ident, Option<proc_macro2::Span>);
    impl<'ast> syn::visit::Visit<'ast> for Find<'_> {
        fn visit_path_segment(&mut self, seg: &'ast syn::PathSegment) {
            if self.1.is_none() && seg.ident == *self.0 {
                self.1 = Some(seg.ident.span());
            }
            syn::visit::visit_path_segment(self, seg);
        }
    }
    let mut find = Find(ident, None);
    syn::visit::Visit::visit_type(&mut find, ty);
    find.1
}
