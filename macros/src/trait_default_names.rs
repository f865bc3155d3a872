//! Names in the default methods of a `#[jit] trait`: each class's impl compiles the
//! default body where the impl is (the attribute cannot see the trait's module), so a
//! name looked up relative to a module would mean the impl's item, not the trait's, a
//! silently different program. Until default bodies are compiled in the trait's module,
//! such names are refused at the trait; paths that mean the same item everywhere in the
//! crate (`crate::..`, `::..`, `std::..`, `core::..`, `Self::..`) are accepted.

use crate::ctxt::Ctxt;
use jitclass_core::lower::{ConstKind, Lowered, MethodContext, lower_method};
use proc_macro2::{Span, TokenStream, TokenTree};

/// Reports each relative name in the default methods of `item`.
pub(crate) fn check(cx: &Ctxt, item: &syn::ItemTrait) {
    let self_path: syn::Path = syn::parse_quote!(Self);
    let context = MethodContext {
        self_path: &self_path,
        self_by_value: false,
        class_by_ref: false,
        returns_place: None,
        generics: &[],
        impl_generics: None,
        trait_scope: None,
    };
    for it in &item.items {
        let syn::TraitItem::Fn(f) = it else { continue };
        let Some(block) = &f.default else { continue };
        // A body that does not lower is reported where an impl compiles it.
        let Ok(lowered) = lower_method(&f.sig, block, &context) else {
            continue;
        };
        for (span, name) in relative_names(&lowered) {
            cx.error(
                span,
                format!(
                    "a default method of a `#[jit] trait` cannot name `{name}` yet: each \
                     class's impl compiles the body where the impl is, where `{name}` \
                     could be another item\n\
                     help: write the item's path from the crate root (`crate::..`), or \
                     implement the method in each impl"
                ),
            );
        }
    }
}

/// The names of `lowered` that are looked up relative to the module it is compiled in.
fn relative_names(lowered: &Lowered) -> Vec<(Span, String)> {
    let paths = lowered
        .ref_paths
        .iter()
        .chain(&lowered.class_paths)
        .chain(&lowered.assoc_paths)
        .chain(lowered.literals.iter().map(|(p, _)| p));
    let mut found: Vec<(Span, String)> = paths
        .filter(|p| is_relative(p))
        .map(|p| (first_span(p), shown(p)))
        .collect();
    // The body's own `const` items, renamed to their hoisted names in the values.
    let hoisted: Vec<String> = lowered.consts.iter().map(|c| c.name.to_string()).collect();
    for c in &lowered.consts {
        match c.kind {
            ConstKind::Path => {
                if let Ok(p) = syn::parse2::<syn::Path>(c.value.clone())
                    && is_relative(&p)
                {
                    found.push((first_span(&p), shown(&p)));
                }
            }
            // A length's or a `const` item's value names items too.
            ConstKind::Len | ConstKind::Item { .. } => {
                found.extend(
                    relative_in(&c.value)
                        .into_iter()
                        .filter(|(_, name)| !hoisted.contains(name)),
                );
            }
        }
    }
    found.sort_by_key(|(span, name)| (format!("{span:?}"), name.clone()));
    found.dedup_by(|a, b| a.1 == b.1);
    found
}

/// Whether `path` is looked up relative to the module it is used in.
fn is_relative(path: &syn::Path) -> bool {
    if path.leading_colon.is_some() {
        return false;
    }
    let first = path.segments[0].ident.to_string();
    !is_absolute_root(&first)
}

/// The first segments that mean the same item anywhere in the crate.
fn is_absolute_root(first: &str) -> bool {
    matches!(first, "crate" | "Self" | "std" | "core" | "alloc")
        || jitclass_core::types::PrimTy::from_name(first).is_some()
        || matches!(first, "bool" | "char" | "str")
}

fn first_span(path: &syn::Path) -> Span {
    path.segments[0].ident.span()
}

fn shown(path: &syn::Path) -> String {
    let segments: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
    segments.join("::")
}

/// The relative names at the start of paths in a constant's tokens (`K * 2`, `N + 1`).
fn relative_in(tokens: &TokenStream) -> Vec<(Span, String)> {
    let mut found = Vec::new();
    let mut after_colons = false;
    let mut colons = 0;
    for t in tokens.clone() {
        match &t {
            TokenTree::Punct(p) if p.as_char() == ':' => {
                colons += 1;
                after_colons = colons >= 2;
                continue;
            }
            // A method or a field: no name of a module.
            TokenTree::Punct(p) if p.as_char() == '.' => {
                colons = 0;
                after_colons = true;
                continue;
            }
            TokenTree::Ident(i) => {
                let name = i.to_string();
                let keyword = matches!(name.as_str(), "as" | "true" | "false");
                if !after_colons && !keyword && !is_absolute_root(&name) {
                    found.push((i.span(), name));
                }
            }
            TokenTree::Group(g) => found.extend(relative_in(&g.stream())),
            _ => {}
        }
        colons = 0;
        after_colons = false;
    }
    found
}
