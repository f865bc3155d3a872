//! `<T>::f(..)`: a qualified path without a trait names `T`'s own function, as `T::f(..)`
//! does (`<i64>::default()`, `<Bag>::new()`, `<Vec<i64>>::default()`), and a type no path
//! can name gets its `default()` (`<(i64, String)>::default()`, `<[i64; 3]>::default()`).

use super::Lowerer;
use super::types::TypePos;
use crate::ir::{ExprId, ExprKind, Lit};
use syn::spanned::Spanned;

impl Lowerer {
    /// `<T>::f(args)` lowered as `T::f(args)`, or `<(A, B)>::default()` as the tuple's
    /// default; `None` for a qualified path with a trait (`<T as Trait>::f`).
    pub(super) fn bare_qualified_call(
        &mut self,
        qself: &syn::QSelf,
        path: &syn::Path,
        c: &syn::ExprCall,
    ) -> Option<ExprId> {
        // `<T>::f`'s path is `::f` (syn keeps the `::` after `>` as a leading colon).
        if qself.position != 0 {
            return None;
        }
        let [name] = path.segments.iter().collect::<Vec<_>>()[..] else {
            return None;
        };
        match &*qself.ty {
            syn::Type::Path(ty) if ty.qself.is_none() => {
                let mut owner = ty.path.clone();
                // In an expression, a segment's arguments are a turbofish (`Vec::<i64>`).
                for segment in &mut owner.segments {
                    if let syn::PathArguments::AngleBracketed(args) = &mut segment.arguments {
                        args.colon2_token = Some(Default::default());
                    }
                }
                owner.segments.push(name.clone());
                let mut call = c.clone();
                *call.func = syn::Expr::Path(syn::ExprPath {
                    attrs: Vec::new(),
                    qself: None,
                    path: owner,
                });
                Some(self.call(&call))
            }
            ty if name.ident == "default" && name.arguments.is_none() => {
                Some(match self.lower_written_type(ty, TypePos::Other) {
                    Ok(t) => self.default_of(t, c),
                    Err(e) => {
                        self.errors.push(e);
                        self.push(ExprKind::Lit(Lit::Unit), c.span())
                    }
                })
            }
            _ => None,
        }
    }
}
