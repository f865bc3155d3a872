//! Trait objects in written types (`Box<dyn Shape>`, `&dyn Shape`, `&mut dyn Shape`) and
//! `Box::new(value)`: values of jit bodies (locals, `Vec<Box<dyn Shape>>`, `Option`s,
//! tuples), refused where they would cross between Rust and jit code (a signature, a
//! class field, an `objmode!` block, a generic class's type argument). `Box` in jit code
//! holds only a trait object.

use super::types::{TypePos, TypeScope};
use crate::ir::{Block, ExprId, ExprKind, Pattern, Stmt, TypeExpr};
use crate::types::DynPointer;
use quote::ToTokens;
use syn::spanned::Spanned;

/// The error for a trait object jit code cannot have at all: another bound than one
/// `#[jit] trait` (a closure trait, generic arguments, lifetimes).
pub(super) fn trait_object_error(object: &syn::TypeTraitObject) -> syn::Error {
    let bounds = object.bounds.to_token_stream().to_string();
    let closure = object
        .bounds
        .iter()
        .any(|b| matches!(b, syn::TypeParamBound::Trait(t) if is_closure_trait(&t.path)));
    let message = if closure {
        format!("closure trait objects (`dyn {bounds}`) are not supported in jit code")
    } else {
        format!(
            "the trait object `dyn {bounds}` is not supported in jit code\nnote: a trait object in jit code names one `#[jit] trait`, without generic arguments or lifetimes (`Box<dyn Shape>`, `&dyn Shape`)"
        )
    };
    syn::Error::new(object.span(), message)
}

/// The error for a trait object where it would cross between Rust and jit code: in a
/// signature (`pos`), a class field, an `objmode!` block's types or a class's type
/// argument (`None`). A trait the glue names must be one rustc can make a trait object
/// of: `glue/dyn_mentions.rs` in the macros has rustc check that (E0038), so this error
/// is not the only one for a trait that is not dyn compatible.
pub(super) fn crossing_error(object: &syn::TypeTraitObject, pos: Option<TypePos>) -> syn::Error {
    if object
        .bounds
        .iter()
        .any(|b| matches!(b, syn::TypeParamBound::Trait(t) if is_closure_trait(&t.path)))
    {
        return trait_object_error(object);
    }
    let bounds = object.bounds.to_token_stream().to_string();
    let place = match pos {
        Some(TypePos::Param) => ": it cannot be a parameter of a `#[jit]` fn or a class function",
        Some(TypePos::Return) => ": it cannot be returned by a `#[jit]` fn or a class function",
        Some(TypePos::Field) => ": it cannot be a field of a `#[jitclass]` struct",
        Some(TypePos::Other) | None => "",
    };
    let trait_name = object.bounds.iter().find_map(|b| match b {
        syn::TypeParamBound::Trait(t) if !is_closure_trait(&t.path) => {
            Some(t.path.to_token_stream().to_string().replace(' ', ""))
        }
        _ => None,
    });
    let mut message =
        format!("a trait object (`dyn {bounds}`) cannot cross between Rust and jit code{place}");
    if let Some(t) = trait_name {
        message += &format!(
            "\nhelp: take a generic parameter bounded by the trait instead (`fn f<S: {t}>(s: &S)`): jit code compiles one specialisation per class\nnote: Rust code can hold class instances in its own `Box<dyn {t}>`; in jit code, trait objects live inside bodies (`let shapes: Vec<Box<dyn {t}>> = ..`)"
        );
    }
    syn::Error::new(object.span(), message)
}

/// The first trait object written in `ty`, at any depth.
pub(super) fn find_trait_object(ty: &syn::Type) -> Option<&syn::TypeTraitObject> {
    struct Find<'a>(Option<&'a syn::TypeTraitObject>);
    impl<'a> syn::visit::Visit<'a> for Find<'a> {
        fn visit_type_trait_object(&mut self, object: &'a syn::TypeTraitObject) {
            self.0.get_or_insert(object);
        }
    }
    let mut find = Find(None);
    syn::visit::Visit::visit_type(&mut find, ty);
    find.0
}

/// A trait object held as `pointer` says (`&dyn T`, `&mut dyn T`, `Box<dyn T>`): a value
/// in a body, else the crossing error.
pub(super) fn lower_dyn_type(
    object: &syn::TypeTraitObject,
    pointer: DynPointer,
    scope: &mut TypeScope,
) -> syn::Result<TypeExpr> {
    if !scope.trait_objects {
        return Err(crossing_error(object, None));
    }
    lower_trait_object(object, pointer, scope)
}

/// `dyn T` written without a pointer (`let s: dyn Shape`, `Vec<dyn Shape>`).
pub(super) fn unsized_trait_object(object: &syn::TypeTraitObject, scope: &TypeScope) -> syn::Error {
    if !scope.trait_objects {
        return crossing_error(object, None);
    }
    let bounds = object.bounds.to_token_stream().to_string();
    syn::Error::new(
        object.span(),
        format!(
            "the size for values of type `dyn {bounds}` cannot be known at compilation time\nhelp: hold the trait object behind a pointer: `Box<dyn {bounds}>`, `&dyn {bounds}` or `&mut dyn {bounds}`"
        ),
    )
}

/// A trait object of one `#[jit] trait` (`dyn Shape`), held as `pointer` says: its trait
/// is named like a trait call's (`FnIr::traits`, resolved by the glue through the trait's
/// companion macro, so a trait without `#[jit]` is rustc's "cannot find macro"). Other
/// bounds (`dyn Shape + Send`, `dyn Fn(i64)`, `?Sized`) are refused at their token.
pub(super) fn lower_trait_object(
    object: &syn::TypeTraitObject,
    pointer: DynPointer,
    scope: &mut TypeScope,
) -> syn::Result<TypeExpr> {
    let mut bounds = object.bounds.iter();
    let Some(syn::TypeParamBound::Trait(bound)) = bounds.next() else {
        return Err(trait_object_error(object));
    };
    if let Some(extra) = bounds.next() {
        return Err(syn::Error::new(
            extra.span(),
            "a trait object in jit code names one `#[jit] trait` and no other bound",
        ));
    }
    let plain = matches!(bound.modifier, syn::TraitBoundModifier::None)
        && bound.lifetimes.is_none()
        && !is_closure_trait(&bound.path)
        && bound.path.segments.iter().all(|s| s.arguments.is_none());
    if !plain {
        return Err(trait_object_error(object));
    }
    Ok(TypeExpr::Dyn {
        trait_ref: scope.trait_ref(&bound.path),
        pointer,
    })
}

/// Whether a `let`'s written type is a borrowed trait object (`&dyn T`, `&mut dyn T`),
/// whose initialiser may borrow (`let s: &dyn Shape = &c;`).
pub(super) fn is_borrowed_trait_object(ty: Option<&TypeExpr>) -> bool {
    matches!(
        ty,
        Some(TypeExpr::Dyn {
            pointer: DynPointer::Ref | DynPointer::RefMut,
            ..
        })
    )
}

/// `Fn(..)`, `FnMut(..)`, `FnOnce(..)`.
fn is_closure_trait(path: &syn::Path) -> bool {
    path.segments
        .last()
        .is_some_and(|s| matches!(s.ident.to_string().as_str(), "Fn" | "FnMut" | "FnOnce"))
}

/// Whether `path` names std's `Box` (`Box`, `std::boxed::Box`, `alloc::boxed::Box`),
/// with or without arguments on its last segment.
fn is_box_path(path: &syn::Path) -> bool {
    super::types::is_std_type_path(path, "boxed", "Box")
}

/// A written `Box<..>` type: `Box<dyn Trait>` (`lower_dyn_type`), or the error for any
/// other (`Box<Circle>`, `Box<i64>`); `None` for a path that is not `Box`.
pub(super) fn box_type(path: &syn::Path, scope: &mut TypeScope) -> Option<syn::Result<TypeExpr>> {
    if !is_box_path(path) {
        return None;
    }
    let last = path.segments.last()?;
    let syn::PathArguments::AngleBracketed(args) = &last.arguments else {
        return Some(Err(syn::Error::new(
            last.span(),
            "`Box` takes one type: `Box<dyn Trait>`",
        )));
    };
    Some(match args.args.iter().collect::<Vec<_>>().as_slice() {
        [syn::GenericArgument::Type(syn::Type::TraitObject(object))] => {
            lower_dyn_type(object, DynPointer::Box, scope)
        }
        [syn::GenericArgument::Type(inner)] => {
            if let Some(object) = find_trait_object(inner).filter(|_| !scope.trait_objects) {
                return Some(Err(crossing_error(object, None)));
            }
            let shown = inner.to_token_stream().to_string().replace(' ', "");
            Err(syn::Error::new(
                inner.span(),
                format!(
                    "`Box<{shown}>` is not supported in jit code: a `Box` there holds a trait object (`Box<dyn Trait>`)\nhelp: use `{shown}` itself (a class instance is already a counted handle), or `Box<dyn Trait>` of a `#[jit] trait` it implements"
                ),
            ))
        }
        _ => Err(syn::Error::new(
            args.span(),
            "`Box` takes one type in jit code: `Box<dyn Trait>`",
        )),
    })
}

impl super::Lowerer {
    /// `Box::new(value)` (also `Box::<dyn Trait>::new(value)`, `std::boxed::Box::new`):
    /// `ExprKind::BoxNew`, inside `{ let b: Box<dyn Trait> = Box::new(value); b }` when
    /// the type is written on the path; `None` for a path that does not name `Box`'s.
    pub(super) fn box_call(&mut self, path: &syn::Path, c: &syn::ExprCall) -> Option<ExprId> {
        let (owner, n) = super::types::owner_of_assoc_path(path)?;
        if !is_box_path(&owner) {
            return None;
        }
        let name = &path.segments[n - 1].ident;
        if name != "new" || !path.segments[n - 1].arguments.is_none() {
            return Some(self.invalid(
                name.span(),
                format!(
                    "`Box::{name}` is not supported in jit code: jit code makes a `Box<dyn Trait>` with `Box::new(instance)`"
                ),
            ));
        }
        if c.args.len() != 1 {
            return Some(self.invalid(c.span(), "`Box::new` takes one value"));
        }
        let written = match &owner.segments[n - 2].arguments {
            syn::PathArguments::None => None,
            _ => {
                let ty = syn::Type::Path(syn::TypePath {
                    qself: None,
                    path: owner.clone(),
                });
                match self.lower_written_type(&ty, TypePos::Other) {
                    Ok(t) => Some(t),
                    Err(e) => {
                        self.errors.push(e);
                        None
                    }
                }
            }
        };
        let span = c.span();
        let value = self.expr(&c.args[0]);
        let boxed = self.push(ExprKind::BoxNew(value), span);
        let Some(ty) = written else {
            return Some(boxed);
        };
        let loc = self.loc(span);
        self.scopes.push(Vec::new());
        let local = self.declare(" boxed", false, loc);
        self.scopes.pop();
        let read = self.push(ExprKind::Local(local), span);
        let block = Block {
            stmts: vec![Stmt::Let {
                pattern: Pattern::Bind(local),
                ty: Some(ty),
                init: Some(boxed),
                loc,
            }],
            tail: Some(read),
        };
        Some(self.push(ExprKind::Block(block), span))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::{TraitRefId, TypeExpr};
    use crate::types::DynPointer;

    fn lower(src: &str, scope: &mut super::super::types::TypeScope) -> Result<TypeExpr, String> {
        let syn::Type::TraitObject(object) = syn::parse_str::<syn::Type>(src).expect("a type")
        else {
            panic!("not a trait object: {src}");
        };
        lower_trait_object(&object, DynPointer::Box, scope).map_err(|e| e.to_string())
    }

    #[test]
    fn a_trait_object_names_its_trait_once_per_path() {
        let mut scope = Default::default();
        let dyn_of = |i| TypeExpr::Dyn {
            trait_ref: TraitRefId(i),
            pointer: DynPointer::Box,
        };
        assert_eq!(lower("dyn Shape", &mut scope), Ok(dyn_of(0)));
        assert_eq!(lower("dyn shapes::Shape", &mut scope), Ok(dyn_of(1)));
        assert_eq!(lower("dyn Shape", &mut scope), Ok(dyn_of(0)));
        assert_eq!(scope.traits.len(), 2);
    }

    #[test]
    fn other_bounds_are_refused() {
        let mut scope = Default::default();
        let err = lower("dyn Shape + Send", &mut scope).unwrap_err();
        assert!(
            err.contains("one `#[jit] trait` and no other bound"),
            "{err}"
        );
        for src in ["dyn Shape<f64>", "dyn for<'a> Shape"] {
            let err = lower(src, &mut scope).unwrap_err();
            assert!(
                err.contains("is not supported in jit code\nnote: a trait object in jit code names one `#[jit] trait`"),
                "{src}: {err}"
            );
        }
        let err = lower("dyn Fn(i64) -> i64", &mut scope).unwrap_err();
        assert!(err.starts_with("closure trait objects"), "{err}");
        assert!(scope.traits.is_empty());
    }
}
