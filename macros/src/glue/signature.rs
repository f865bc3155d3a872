//! The glue's signature: the user's, with `mut` removed from parameters, every primitive
//! type name pinned to `::core::primitive`, and the bounds the compiled code needs of
//! each generic parameter.

use jitclass_core::ir::TypeExpr;
use jitclass_core::lower::Lowered;
use quote::format_ident;

/// The `#[cfg]`-like attributes among `attrs`: they must guard every generated item, not
/// only the function.
pub(crate) fn cfgs_of(attrs: &[syn::Attribute]) -> Vec<&syn::Attribute> {
    attrs
        .iter()
        .filter(|a| a.path().is_ident("cfg") || a.path().is_ident("cfg_attr"))
        .collect()
}

/// The signature with `mut` removed from parameters (the glue does not mutate them), and
/// the names the glue passes on: a parameter written as a pattern gets one.
pub(crate) fn glue_signature(
    sig: &syn::Signature,
    lowered: Option<&Lowered>,
) -> (syn::Signature, Vec<syn::Ident>) {
    let mut sig = pinned_signature(sig);
    let mut names = Vec::new();
    for (i, input) in sig.inputs.iter_mut().enumerate() {
        if let syn::FnArg::Typed(pt) = input {
            let ident = match &mut *pt.pat {
                syn::Pat::Ident(pi) => {
                    pi.mutability = None;
                    pi.ident.clone()
                }
                other => {
                    let ident = format_ident!("__jitclass_arg{i}");
                    *other = syn::parse_quote!(#ident);
                    ident
                }
            };
            names.push(ident);
        }
    }
    if let Some(l) = lowered {
        add_bounds(&mut sig, l);
    }
    (sig, names)
}

/// The signature with every primitive type name written as `::core::primitive::NAME`.
///
/// The IR reads `u64` as the primitive whatever it names in the user's scope; the glue
/// must mean the same type, or a local `type u64 = u8;` would make rustc pass `&mut [u8]`
/// to code compiled for `&mut [u64]`.
pub(crate) fn pinned_signature(sig: &syn::Signature) -> syn::Signature {
    let mut sig = sig.clone();
    for input in &mut sig.inputs {
        if let syn::FnArg::Typed(pt) = input {
            pin_type(&mut pt.ty);
        }
    }
    if let syn::ReturnType::Type(_, ty) = &mut sig.output {
        pin_type(ty);
    }
    sig
}

/// Writes every primitive type name in `ty` as `::core::primitive::NAME`.
pub(crate) fn pin_type(ty: &mut syn::Type) {
    struct Pin;
    impl syn::visit_mut::VisitMut for Pin {
        fn visit_type_path_mut(&mut self, tp: &mut syn::TypePath) {
            if tp.qself.is_none()
                && let Some(ident) = tp.path.get_ident()
                && jitclass_core::PrimTy::from_name(&ident.to_string()).is_some()
            {
                let span = ident.span();
                *tp = syn::parse_quote_spanned!(span=> ::core::primitive::#ident);
                return;
            }
            syn::visit_mut::visit_type_path_mut(self, tp);
        }
    }
    syn::visit_mut::VisitMut::visit_type_mut(&mut Pin, ty);
}

/// `T: JitType` on every generic parameter, `T: JitElem` on those used as slice elements,
/// and `T: Clone` on those inside a `&Vec<..>` (which a call from Rust may copy).
fn add_bounds(sig: &mut syn::Signature, l: &Lowered) {
    fn generics_in(t: &TypeExpr, out: &mut Vec<u32>) {
        t.for_each_part(&mut |part| {
            if let TypeExpr::Generic(i) = part {
                out.push(*i);
            }
        });
    }
    fn slice_elems(t: &TypeExpr, out: &mut Vec<u32>) {
        match t {
            TypeExpr::Slice { elem, .. } => {
                if let TypeExpr::Generic(i) = **elem {
                    out.push(i);
                }
            }
            TypeExpr::Tuple(es) => es.iter().for_each(|e| slice_elems(e, out)),
            _ => {}
        }
    }
    let mut elems = Vec::new();
    let mut cloned = Vec::new();
    for p in &l.ir.params {
        slice_elems(&p.ty, &mut elems);
        if let TypeExpr::Ref {
            inner,
            mutable: false,
        } = &p.ty
        {
            generics_in(inner, &mut cloned);
        }
    }
    let params: Vec<syn::Ident> = sig
        .generics
        .type_params()
        .map(|tp| tp.ident.clone())
        .collect();
    // A method's own parameters follow its impl's in the IR (`impl<T> S<T> { fn f<U> }`:
    // `U` is generic 1), whose bounds are the impl's to state.
    let offset = l.ir.generics.len().saturating_sub(params.len()) as u32;
    for (i, ident) in params.iter().enumerate() {
        let i = i as u32 + offset;
        let bound: syn::TypeParamBound = if elems.contains(&i) {
            syn::parse_quote!(::jitclass::JitElem)
        } else {
            syn::parse_quote!(::jitclass::JitType)
        };
        add_bound(&mut sig.generics, ident, bound);
        if cloned.contains(&i) {
            add_bound(
                &mut sig.generics,
                ident,
                syn::parse_quote!(::core::clone::Clone),
            );
        }
    }
    // What jitclass's Rust functions require of their type argument, as rustc would
    // require it of a generic Rust fn calling them: `sizeof::<T>()` needs `T: JitLayout`.
    // The bound is at the call, where rustc's "required by this bound" note points.
    for (i, bound, loc) in l.ir.intrinsic_bounds() {
        let Some(ident) = i.checked_sub(offset).and_then(|i| params.get(i as usize)) else {
            continue;
        };
        let span = l.spans[loc.index()];
        let bound = format_ident!("{bound}", span = span);
        add_bound(
            &mut sig.generics,
            ident,
            syn::parse_quote_spanned!(span=> ::jitclass::#bound),
        );
    }
}

/// Adds `bound` to the type parameter `ident` where the user bounds it: in the `where`
/// clause if a predicate there names it, else beside its inline bounds if it has some,
/// else in the `where` clause. Bounds in two places are clippy's
/// `multiple_bound_locations`, which would fire on the user's fn.
fn add_bound(generics: &mut syn::Generics, ident: &syn::Ident, bound: syn::TypeParamBound) {
    let in_where = in_where_clause(generics, ident);
    if !in_where
        && let Some(tp) = generics
            .type_params_mut()
            .find(|tp| tp.ident == *ident && !tp.bounds.is_empty())
    {
        tp.bounds.push(bound);
        return;
    }
    generics
        .make_where_clause()
        .predicates
        .push(syn::parse_quote!(#ident: #bound));
}

/// The type parameters `written` declares, by index (as the IR's `TypeExpr::Generic`
/// numbers them), each `Some` if it has a bound (inline or in the `where` clause): the
/// parameters whose values rustc's generic checks repeat.
pub(super) fn bounded_params(written: &syn::Generics) -> Vec<Option<&syn::Ident>> {
    written
        .type_params()
        .map(|tp| {
            (!tp.bounds.is_empty() || in_where_clause(written, &tp.ident)).then_some(&tp.ident)
        })
        .collect()
}

/// The type parameters `generics` declares without a written bound (inline or in the
/// `where` clause).
pub(crate) fn unbounded_params(generics: &syn::Generics) -> Vec<syn::Ident> {
    generics
        .type_params()
        .filter(|tp| tp.bounds.is_empty() && !in_where_clause(generics, &tp.ident))
        .map(|tp| tp.ident.clone())
        .collect()
}

/// Whether a predicate of `generics`' `where` clause bounds the parameter `ident`.
pub(super) fn in_where_clause(generics: &syn::Generics, ident: &syn::Ident) -> bool {
    generics.where_clause.as_ref().is_some_and(|wc| {
        wc.predicates.iter().any(|p| {
            matches!(p, syn::WherePredicate::Type(pt)
                if matches!(&pt.bounded_ty, syn::Type::Path(tp)
                    if tp.qself.is_none() && tp.path.is_ident(ident)))
        })
    })
}
