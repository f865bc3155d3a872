//! A generic class whose field holds the class over a growing argument (`next:
//! Option<R<Stack<T>>>` in `R<T>`): rustc refuses every use of such a struct with E0320
//! (drop-check of `R<T>` needs `R<Stack<T>>`'s, which needs `R<Stack<Stack<T>>>`'s, ..).

use crate::ctxt::Ctxt;
use quote::quote;
use syn::visit::Visit;

/// Reports each field of the generic class `item` that names the class itself (by its
/// name or `Self`) with an argument that is not a bare parameter but holds one (`(T, T)`,
/// `Stack<T>`): the class over ever larger arguments. Arguments that are the parameters
/// in another order, or types without parameters (`R<i64>`), are a finite set of types,
/// which rustc accepts.
pub(super) fn check_fields(cx: &Ctxt, item: &syn::ItemStruct) {
    let params: Vec<&syn::Ident> = item.generics.type_params().map(|tp| &tp.ident).collect();
    if params.is_empty() {
        return;
    }
    let class = &item.ident;
    let shown_params = params
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ");
    for field in &item.fields {
        let mut find = FindGrowing {
            class,
            params: &params,
            found: None,
        };
        find.visit_type(&field.ty);
        if let Some(path) = find.found {
            let shown = quote!(#path)
                .to_string()
                .replace(' ', "")
                .replace(',', ", ");
            // Spanned over the whole type (`R<Stack<T>>`), not its first token.
            cx.push(syn::Error::new_spanned(
                &path,
                format!(
                    "overflow while adding drop-check rules for `{class}<{shown_params}>`: the field holds `{shown}`, the class over a growing argument, whose own field would hold a larger one, without end"
                ),
            ));
        }
    }
}

/// The first path in a type that names the class over a growing argument.
struct FindGrowing<'a> {
    class: &'a syn::Ident,
    params: &'a [&'a syn::Ident],
    found: Option<syn::TypePath>,
}

impl FindGrowing<'_> {
    fn names_a_param(&self, ty: &syn::Type) -> bool {
        struct Names<'b>(&'b [&'b syn::Ident], bool);
        impl<'ast> Visit<'ast> for Names<'_> {
            fn visit_path(&mut self, p: &'ast syn::Path) {
                if let Some(ident) = p.get_ident()
                    && self.0.contains(&ident)
                {
                    self.1 = true;
                }
                syn::visit::visit_path(self, p);
            }
        }
        let mut names = Names(self.params, false);
        names.visit_type(ty);
        names.1
    }

    fn is_bare_param(&self, ty: &syn::Type) -> bool {
        matches!(ty, syn::Type::Path(tp) if tp.qself.is_none()
            && tp.path.get_ident().is_some_and(|i| self.params.contains(&i)))
    }
}

impl<'ast> Visit<'ast> for FindGrowing<'_> {
    fn visit_type_path(&mut self, tp: &'ast syn::TypePath) {
        if self.found.is_some() {
            return;
        }
        if tp.qself.is_none()
            && let Some(last) = tp.path.segments.last()
            && (last.ident == *self.class || last.ident == "Self")
            && let syn::PathArguments::AngleBracketed(args) = &last.arguments
            && args.args.iter().any(|a| {
                matches!(a, syn::GenericArgument::Type(t)
                    if !self.is_bare_param(t) && self.names_a_param(t))
            })
        {
            self.found = Some(tp.clone());
            return;
        }
        syn::visit::visit_type_path(self, tp);
    }
}
