//! `T::default()`, `<T as Default>::default()`, `Default::default()` and `f64::default()`:
//! `ExprKind::DefaultOf` of the type named (a type parameter bounded by `Default`, whose
//! type argument inference reads per specialisation; `Infer` for `Default::default()`).

use super::types::TypePos;
use super::{Lowerer, span};
use crate::ir::{ExprId, ExprKind, Lit, TypeExpr};
use crate::types::PrimTy;
use syn::spanned::Spanned;

/// Whether `path` names the standard library's `Default` trait (`Default`,
/// `std::default::Default`, `core::default::Default`).
fn is_default_trait(path: &syn::Path) -> bool {
    let names: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
    path.segments.iter().all(|s| s.arguments.is_none())
        && matches!(
            names.iter().map(String::as_str).collect::<Vec<_>>()[..],
            ["Default"] | ["std" | "core", "default", "Default"]
        )
}

impl Lowerer {
    /// Whether the type parameter `param` is bounded by `Default`.
    fn has_default_bound(&self, param: &str) -> bool {
        self.bound_names
            .iter()
            .any(|(n, traits)| n == param && traits.iter().any(|t| t == "Default"))
    }

    /// `Owner::default()` for `Owner` a type parameter bounded by `Default` (or without
    /// any bound: rustc's E0599), `Default` itself, or a primitive type; `None` for other
    /// paths, which are calls of another kind.
    pub(super) fn default_call(
        &mut self,
        owner: &syn::Path,
        name: &syn::Ident,
        c: &syn::ExprCall,
    ) -> Option<ExprId> {
        if name != "default" {
            return None;
        }
        let ty = if is_default_trait(owner) {
            TypeExpr::Infer
        } else if let Some(ident) = owner.get_ident() {
            let param = ident.to_string();
            if let Some(i) = self.scope.generics.iter().position(|g| *g == param) {
                if !self.has_default_bound(&param) {
                    // A `#[jit] trait` bound may declare its own `default` (`trait_calls.rs`).
                    if self
                        .bounds
                        .iter()
                        .any(|(n, b)| *n == param && !b.is_empty())
                    {
                        return None;
                    }
                    return Some(self.invalid(
                        name.span(),
                        format!("no function or associated item named `default` found for type parameter `{param}` in the current scope\nhelp: items from traits can only be used if the type parameter is bounded by a trait: `{param}: Default`"),
                    ));
                }
                TypeExpr::Generic(i as u32)
            } else if let Some(p) = PrimTy::from_name(&param) {
                TypeExpr::Prim(p)
            } else {
                self.std_owner_type(owner)?
            }
        } else {
            self.std_owner_type(owner)?
        };
        Some(self.default_of(ty, c))
    }

    /// The type a std owner path names (`Vec::<i64>`, `String`, `HashMap`): its written
    /// arguments, or `_` for each left out (`Vec::default()` infers its element as rustc
    /// does); `None` for a path that is no std type jit code has.
    fn std_owner_type(&mut self, owner: &syn::Path) -> Option<TypeExpr> {
        let names = |path: &syn::Path| {
            let mut bare = path.clone();
            for s in &mut bare.segments {
                s.arguments = syn::PathArguments::None;
            }
            bare
        };
        let bare = names(owner);
        let arity = if super::types::is_vec_path(&bare)
            || super::sets::is_set_path(&bare)
            || bare.is_ident("Option")
        {
            1
        } else if super::maps::is_map_path(&bare) {
            2
        } else if super::owned_strings::is_string_path(&bare) {
            0
        } else {
            return None;
        };
        let mut path = owner.clone();
        let last = path
            .segments
            .last_mut()
            .expect("an owner path has segments");
        if last.arguments.is_none() && arity > 0 {
            let holes = (0..arity).map(|_| quote::quote!(_));
            last.arguments = syn::PathArguments::AngleBracketed(syn::parse_quote!(<#(#holes),*>));
        }
        let ty = syn::Type::Path(syn::TypePath { qself: None, path });
        match self.lower_written_type(&ty, TypePos::Other) {
            Ok(t) => Some(t),
            Err(e) => {
                self.errors.push(e);
                Some(TypeExpr::Infer)
            }
        }
    }

    /// `<T as Default>::default()`; `None` for a qualified path of another trait.
    pub(super) fn qualified_default_call(
        &mut self,
        qself: &syn::QSelf,
        trait_path: &syn::Path,
        name: &syn::Ident,
        c: &syn::ExprCall,
    ) -> Option<ExprId> {
        if name != "default" || !is_default_trait(trait_path) {
            return None;
        }
        let param = match &*qself.ty {
            syn::Type::Path(p) if p.qself.is_none() => p.path.get_ident().map(|i| i.to_string()),
            _ => None,
        };
        let generic = param
            .as_ref()
            .and_then(|p| self.scope.generics.iter().position(|g| g == p));
        let ty = match (generic, param) {
            (Some(i), Some(param)) => {
                if !self.has_default_bound(&param) {
                    return Some(self.invalid(
                        qself.ty.span(),
                        format!("the trait bound `{param}: Default` is not satisfied\nhelp: consider restricting type parameter `{param}` with trait `Default`: `{param}: Default`"),
                    ));
                }
                TypeExpr::Generic(i as u32)
            }
            _ => match self.lower_written_type(&qself.ty, TypePos::Other) {
                Ok(t) => t,
                Err(e) => {
                    self.errors.push(e);
                    return Some(self.push(ExprKind::Lit(Lit::Unit), c.span()));
                }
            },
        };
        Some(self.default_of(ty, c))
    }

    /// The `DefaultOf` of `ty` for the call `c`, which takes no arguments (E0061).
    pub(super) fn default_of(&mut self, ty: TypeExpr, c: &syn::ExprCall) -> ExprId {
        if !c.args.is_empty() {
            let n = c.args.len();
            return self.invalid(
                c.args.span(),
                format!(
                    "this function takes 0 arguments but {n} argument{} supplied",
                    if n == 1 { " was" } else { "s were" }
                ),
            );
        }
        self.push(ExprKind::DefaultOf(ty), span::of(&c.func))
    }
}
