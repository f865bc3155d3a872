//! Written Rust types -> `TypeExpr`, with a clear error for everything the DSL lacks.

use crate::ir::TypeExpr;
use crate::types::PrimTy;
use syn::spanned::Spanned;

/// Where a type appears; slices are only allowed as whole parameter types.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum TypePos {
    Param,
    Return,
    Other,
}

pub const SUPPORTED: &str = "note: jit code supports `bool`, `i8`..`i64`, `u8`..`u64`, `isize`, `usize`, \
     `f32`, `f64`, `()`, tuples of these, generic parameters, and slices `&[T]` / `&mut [T]` as parameters";

pub fn lower_type(ty: &syn::Type, generics: &[String], pos: TypePos) -> syn::Result<TypeExpr> {
    match ty {
        syn::Type::Paren(p) => lower_type(&p.elem, generics, pos),
        syn::Type::Group(g) => lower_type(&g.elem, generics, pos),
        syn::Type::Tuple(t) => {
            if t.elems.is_empty() {
                return Ok(TypeExpr::Unit);
            }
            let elems = t
                .elems
                .iter()
                .map(|e| lower_type(e, generics, TypePos::Other))
                .collect::<syn::Result<Vec<_>>>()?;
            Ok(TypeExpr::Tuple(elems))
        }
        syn::Type::Infer(_) if pos == TypePos::Other => Ok(TypeExpr::Infer),
        syn::Type::Path(p) if p.qself.is_none() => lower_path_type(p, generics),
        syn::Type::Reference(r) => {
            if let syn::Type::Slice(s) = &*r.elem {
                if pos != TypePos::Param {
                    let what = if pos == TypePos::Return {
                        "jit functions cannot return slices"
                    } else {
                        "slices can only be parameters of jit functions"
                    };
                    return Err(syn::Error::new(
                        ty.span(),
                        format!(
                            "{what}\nnote: a slice borrows memory owned by the Rust caller; pass it as a parameter `&[T]` or `&mut [T]`"
                        ),
                    ));
                }
                let elem = lower_type(&s.elem, generics, TypePos::Other)?;
                if !matches!(elem, TypeExpr::Prim(_) | TypeExpr::Generic(_)) {
                    return Err(syn::Error::new(
                        s.elem.span(),
                        "slice elements must be numbers or `bool` in jit code",
                    ));
                }
                return Ok(TypeExpr::Slice {
                    elem: Box::new(elem),
                    mutable: r.mutability.is_some(),
                });
            }
            if matches!(
                &*r.elem,
                syn::Type::TraitObject(_) | syn::Type::ImplTrait(_)
            ) {
                // `&dyn Fn(..)`: the trait object is the unsupported part, not the `&`.
                return lower_type(&r.elem, generics, TypePos::Other);
            }
            if is_str(&r.elem) {
                return Err(syn::Error::new(
                    ty.span(),
                    "strings are not supported in jit code",
                ));
            }
            Err(syn::Error::new(
                ty.span(),
                format!(
                    "references are not supported in jit code, except slices `&[T]` and `&mut [T]` as parameters\n{SUPPORTED}"
                ),
            ))
        }
        syn::Type::Slice(_) => Err(syn::Error::new(
            ty.span(),
            "unsized slice type: write `&[T]` or `&mut [T]`",
        )),
        syn::Type::Array(_) => Err(syn::Error::new(
            ty.span(),
            "arrays `[T; N]` are not supported in jit code; pass a slice `&[T]` instead",
        )),
        syn::Type::ImplTrait(_) => Err(syn::Error::new(
            ty.span(),
            "`impl Trait` is not supported in jit code; use a generic parameter `<T>` instead",
        )),
        syn::Type::TraitObject(_) => Err(syn::Error::new(
            ty.span(),
            "trait objects (`dyn Trait`) are not supported in jit code",
        )),
        syn::Type::Ptr(_) => Err(syn::Error::new(
            ty.span(),
            "raw pointers are not supported in jit functions yet",
        )),
        syn::Type::BareFn(_) => Err(syn::Error::new(
            ty.span(),
            "function pointer types are not supported in jit functions yet",
        )),
        syn::Type::Never(_) => Err(syn::Error::new(
            ty.span(),
            "the never type `!` cannot be written in jit code",
        )),
        syn::Type::Infer(_) => Err(syn::Error::new(
            ty.span(),
            "the placeholder `_` is not allowed in jit function signatures",
        )),
        _ => Err(syn::Error::new(
            ty.span(),
            format!("unsupported type in jit code\n{SUPPORTED}"),
        )),
    }
}

fn is_str(ty: &syn::Type) -> bool {
    matches!(ty, syn::Type::Path(p) if p.path.is_ident("str"))
}

fn lower_path_type(p: &syn::TypePath, generics: &[String]) -> syn::Result<TypeExpr> {
    let path = &p.path;
    if let Some(ident) = path.get_ident() {
        let name = ident.to_string();
        if let Some(prim) = PrimTy::from_name(&name) {
            return Ok(TypeExpr::Prim(prim));
        }
        if let Some(i) = generics.iter().position(|g| *g == name) {
            return Ok(TypeExpr::Generic(i as u32));
        }
    }
    if let [segment] = path.segments.iter().collect::<Vec<_>>().as_slice()
        && segment.ident == "Option"
        && let syn::PathArguments::AngleBracketed(args) = &segment.arguments
        && let [syn::GenericArgument::Type(inner)] = args.args.iter().collect::<Vec<_>>().as_slice()
    {
        let inner = lower_type(inner, generics, TypePos::Other)?;
        return Ok(TypeExpr::Option(Box::new(inner)));
    }
    let last = path
        .segments
        .last()
        .map(|s| s.ident.to_string())
        .unwrap_or_default();
    let message = match last.as_str() {
        "String" | "str" => "strings are not supported in jit code".to_string(),
        "Vec" => "`Vec` is not supported in jit code; pass a slice `&[T]` or `&mut [T]` instead"
            .to_string(),
        "Box" | "Rc" | "Arc" => format!("`{last}` is not supported in jit code"),
        "char" => "`char` is not supported in jit code; use `u32` or `u8`".to_string(),
        "i128" | "u128" => format!(
            "`{last}` is not supported in jit code; the widest integers are `i64` and `u64`"
        ),
        "Option" => "`Option` takes one type: `Option<f64>`".to_string(),
        "Self" => "`Self` can only be used inside a `#[jitclass]` impl".to_string(),
        _ => format!(
            "unsupported type `{}` in jit code\n{SUPPORTED}",
            quote::ToTokens::to_token_stream(path)
                .to_string()
                .replace(' ', "")
        ),
    };
    Err(syn::Error::new(p.span(), message))
}
