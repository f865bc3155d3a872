//! Calls of a `#[jit] trait`'s functions by path: `<Circle as Shape>::area(&c)`,
//! `<Circle as Shape>::unit()`, `<S as Shape>::area(s)`, `S::area(s)` and `S::unit()` for
//! a type parameter `S` (the traits of its bounds; the specialisation's type argument
//! is the implementing type), and `Shape::area(s)` for a trait that bounds
//! one of the function's parameters. Each is an `ExprKind::TraitCall`, whose traits the
//! glue resolves to their identities (`Trait!(@jitclass_trait_id)`), so that the call
//! means that trait's function even beside an inherent one or another trait's of the
//! same name (`infer/trait_methods.rs`).

use super::{Lowerer, span};
use crate::ir::{ExprId, ExprKind, TraitRefId};
use quote::ToTokens;
use syn::spanned::Spanned;

/// A trait path as the IR shows it (`shapes::Shape`).
pub(crate) fn shown(path: &syn::Path) -> String {
    path.to_token_stream().to_string().replace(' ', "")
}

/// The trait bounds of each type parameter of `generics` (inline and in the `where`
/// clause), without the standard library's traits, which have no functions for jit code.
pub fn bounds(generics: &syn::Generics) -> Vec<(String, Vec<syn::Path>)> {
    let mut out: Vec<(String, Vec<syn::Path>)> = generics
        .type_params()
        .map(|tp| (tp.ident.to_string(), trait_paths(tp.bounds.iter())))
        .collect();
    for pred in generics.where_clause.iter().flat_map(|w| &w.predicates) {
        let syn::WherePredicate::Type(pt) = pred else {
            continue;
        };
        let syn::Type::Path(ty) = &pt.bounded_ty else {
            continue;
        };
        if let Some(ident) = ty.path.get_ident()
            && let Some((_, paths)) = out.iter_mut().find(|(n, _)| ident == n)
        {
            paths.extend(trait_paths(pt.bounds.iter()));
        }
    }
    out
}

/// The last segment of every trait bounding each type parameter of `generics` (inline
/// and in the `where` clause), the standard library's included (`Default`, `Clone`).
pub(super) fn bound_names(generics: &syn::Generics) -> Vec<(String, Vec<String>)> {
    let names = |bounds: &syn::punctuated::Punctuated<syn::TypeParamBound, syn::Token![+]>| {
        bounds
            .iter()
            .filter_map(|b| match b {
                syn::TypeParamBound::Trait(t) => Some(t.path.segments.last()?.ident.to_string()),
                _ => None,
            })
            .collect::<Vec<_>>()
    };
    let mut out: Vec<(String, Vec<String>)> = generics
        .type_params()
        .map(|tp| (tp.ident.to_string(), names(&tp.bounds)))
        .collect();
    for pred in generics.where_clause.iter().flat_map(|w| &w.predicates) {
        if let syn::WherePredicate::Type(pt) = pred
            && let syn::Type::Path(ty) = &pt.bounded_ty
            && let Some(ident) = ty.path.get_ident()
            && let Some((_, found)) = out.iter_mut().find(|(n, _)| ident == n)
        {
            found.extend(names(&pt.bounds));
        }
    }
    out
}

/// The traits a `where Self: Trait` clause bounds `Self` with (in a trait's default
/// method), without the standard library's.
pub(super) fn self_bounds(generics: &syn::Generics) -> Vec<syn::Path> {
    let mut paths = Vec::new();
    for pred in generics.where_clause.iter().flat_map(|w| &w.predicates) {
        if let syn::WherePredicate::Type(pt) = pred
            && let syn::Type::Path(ty) = &pt.bounded_ty
            && ty.qself.is_none()
            && ty.path.is_ident("Self")
        {
            paths.extend(trait_paths(pt.bounds.iter()));
        }
    }
    paths
}

fn trait_paths<'a>(bounds: impl Iterator<Item = &'a syn::TypeParamBound>) -> Vec<syn::Path> {
    bounds
        .filter_map(|b| match b {
            syn::TypeParamBound::Trait(t)
                if matches!(t.modifier, syn::TraitBoundModifier::None)
                    && !is_std_trait(&t.path) =>
            {
                Some(t.path.clone())
            }
            _ => None,
        })
        .collect()
}

impl Lowerer {
    /// The `TraitRefId` of a trait path (one per path as written).
    fn trait_ref(&mut self, path: &syn::Path) -> TraitRefId {
        self.scope.trait_ref(path)
    }

    /// The traits bounding the type parameter `name`, if it is one.
    fn bounds_of(&self, name: &str) -> Option<Vec<syn::Path>> {
        self.bounds
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, paths)| paths.clone())
    }

    /// `<T as Trait>::f(args)`; `None` for a qualified path of another form.
    pub(super) fn qualified_trait_call(
        &mut self,
        qself: &syn::QSelf,
        path: &syn::Path,
        c: &syn::ExprCall,
    ) -> Option<ExprId> {
        // `<T as Trait>::f`: the trait's segments end at `position`, one function follows.
        if qself.position + 1 != path.segments.len() {
            return None;
        }
        let mut trait_path = path.clone();
        let name = trait_path.segments.pop()?.into_value().ident;
        trait_path.segments.pop_punct();
        // `<[A; 3] as Default>::default()` too: any type's default.
        if let Some(id) = self.qualified_default_call(qself, &trait_path, &name, c) {
            return Some(id);
        }
        let syn::Type::Path(ty) = &*qself.ty else {
            return None;
        };
        if ty.qself.is_some() {
            return None;
        }
        if trait_path.segments.iter().any(|s| !s.arguments.is_none()) {
            return Some(self.invalid(
                trait_path.span(),
                "`#[jit]` traits with generic parameters are not supported yet",
            ));
        }
        let param = ty.path.get_ident().and_then(|p| self.generic_index(p));
        let generic = param.is_some();
        let class = if generic {
            None
        } else {
            match self.scope.class_ref(&ty.path) {
                Ok(class) => Some(class),
                Err(e) => {
                    self.errors.push(e);
                    return Some(self.push(ExprKind::Lit(crate::ir::Lit::Unit), c.span()));
                }
            }
        };
        let traits = vec![self.trait_ref(&trait_path)];
        if generic {
            self.push_trait_fn_call(
                syn::ExprPath {
                    attrs: Vec::new(),
                    qself: Some(qself.clone()),
                    path: path.clone(),
                },
                c,
            );
        }
        Some(self.trait_call((class, param), traits, &name, c))
    }

    /// Records the call `c` of the trait function `path` names (as the body names it),
    /// with `c`'s parentheses and arguments, for the generic check (see
    /// `Lowered::trait_fn_calls`).
    fn push_trait_fn_call(&mut self, path: syn::ExprPath, c: &syn::ExprCall) {
        self.trait_fn_calls.push(syn::ExprCall {
            attrs: Vec::new(),
            func: Box::new(syn::Expr::Path(path)),
            paren_token: c.paren_token,
            args: c.args.clone(),
        });
    }

    /// The index of the type parameter `ident` names, if it names one.
    fn generic_index(&self, ident: &syn::Ident) -> Option<u32> {
        let name = ident.to_string();
        let i = self.scope.generics.iter().position(|g| *g == name)?;
        Some(i as u32)
    }

    /// `S::f(args)` for a type parameter `S`, or `Trait::f(args)` for a trait bounding
    /// one of the function's type parameters; `None` for other paths.
    pub(super) fn path_trait_call(
        &mut self,
        owner: &syn::Path,
        name: &syn::Ident,
        c: &syn::ExprCall,
    ) -> Option<ExprId> {
        let param = owner.get_ident().and_then(|p| self.generic_index(p));
        let paths = match owner
            .get_ident()
            .and_then(|p| self.bounds_of(&p.to_string()))
        {
            // An unbounded parameter keeps duck typing (`call.rs` refuses `T::f` there).
            Some(paths) if paths.is_empty() => return None,
            Some(paths) => {
                let mut path = owner.clone();
                path.segments.push(name.clone().into());
                self.push_trait_fn_call(
                    syn::ExprPath {
                        attrs: Vec::new(),
                        qself: None,
                        path,
                    },
                    c,
                );
                paths
            }
            None => {
                let shown = shown(owner);
                let bound = self
                    .bounds
                    .iter()
                    .flat_map(|(_, paths)| paths)
                    .any(|p| self::shown(p) == shown);
                if !bound {
                    return None;
                }
                vec![owner.clone()]
            }
        };
        let traits = paths.iter().map(|p| self.trait_ref(p)).collect();
        Some(self.trait_call((None, param), traits, name, c))
    }

    /// The class named (`<C as Trait>::f`) or the type parameter (`S::f`, `<S as
    /// Trait>::f`) whose impl is called, if the path names one.
    fn trait_call(
        &mut self,
        (class, param): (Option<crate::ir::ClassRefId>, Option<u32>),
        traits: Vec<TraitRefId>,
        name: &syn::Ident,
        c: &syn::ExprCall,
    ) -> ExprId {
        let args = c.args.iter().map(|a| self.call_arg(a)).collect();
        self.push(
            ExprKind::TraitCall {
                class,
                param,
                traits,
                name: name.to_string(),
                args,
            },
            span::of(&c.func),
        )
    }
}

/// Whether `path` names an operator trait or another trait of the standard library (or
/// jitclass's own), which are no `#[jit] trait`s: a `#[jitclass] impl` of one is the
/// class's own expansion's, and a bound of one offers jit code no trait functions.
pub fn is_std_trait(path: &syn::Path) -> bool {
    let first = path.segments.first().expect("a segment").ident.to_string();
    let last = path.segments.last().expect("a segment").ident.to_string();
    crate::operators::OperatorTrait::named(&last).is_some()
        || [
            "std", "core", "alloc", "fmt", "ops", "cmp", "hash", "iter", "convert", "jitclass",
        ]
        .contains(&first.as_str())
        || STD_TRAITS.contains(&last.as_str())
}

/// Traits of the prelude and of `std::fmt`, `std::ops`, ... that a user may try to
/// implement for a class, or bound a parameter with, without a path.
const STD_TRAITS: &[&str] = &[
    "Display",
    "Debug",
    "Clone",
    "Copy",
    "Default",
    "Eq",
    "Ord",
    "Hash",
    "Drop",
    "Deref",
    "DerefMut",
    "From",
    "Into",
    "TryFrom",
    "TryInto",
    "AsRef",
    "AsMut",
    "Iterator",
    "IntoIterator",
    "FromStr",
    "ToString",
    "Send",
    "Sync",
    "Not",
    "BitAnd",
    "BitOr",
    "BitXor",
    "Shl",
    "Shr",
    "Fn",
    "FnMut",
    "FnOnce",
    "Borrow",
    "Extend",
    "Sum",
    "Product",
    "Sized",
    "Unpin",
    "Any",
    "PartialEq",
    "PartialOrd",
    "JitType",
    "JitElem",
    "JitClass",
];
