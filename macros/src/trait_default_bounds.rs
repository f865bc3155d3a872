//! The Rust trait a `#[jit] trait` emits: a `where Self: Sized` default method that passes
//! `self` to a function (`crate::base_of(self)`, a generic jit fn) also gets `Self:
//! JitType`, which the jit fn's glue asks of its type parameters. A class's impl compiles
//! the method as jit code (where `Self` is the class, a jit type), so only a Rust type
//! implementing the trait itself meets the bound, or not, as its values can reach jit code.

use syn::visit::Visit;

/// `item` with `Self: ::jitclass::JitType` on each default method that needs it.
pub(crate) fn with_jit_self(item: &syn::ItemTrait) -> syn::ItemTrait {
    let mut item = item.clone();
    for it in &mut item.items {
        let syn::TraitItem::Fn(f) = it else { continue };
        let Some(block) = &f.default else { continue };
        if !requires_sized_self(&f.sig.generics) || !passes_self(block) {
            continue;
        }
        f.sig
            .generics
            .make_where_clause()
            .predicates
            .push(syn::parse_quote!(Self: ::jitclass::JitType));
    }
    item
}

/// Whether the method's `where` clause has `Self: Sized` (so that the new bound keeps
/// the method out of a trait object's vtable, as it already is).
fn requires_sized_self(generics: &syn::Generics) -> bool {
    generics
        .where_clause
        .iter()
        .flat_map(|w| &w.predicates)
        .any(|p| match p {
            syn::WherePredicate::Type(pt) => {
                matches!(&pt.bounded_ty, syn::Type::Path(t) if t.qself.is_none() && t.path.is_ident("Self"))
                    && pt.bounds.iter().any(|b| {
                        matches!(b, syn::TypeParamBound::Trait(t) if t.path.is_ident("Sized"))
                    })
            }
            _ => false,
        })
}

/// Whether a function call in `block` takes `self` (or `&self`, `&mut self`, `*self`) as
/// an argument.
fn passes_self(block: &syn::Block) -> bool {
    struct Find(bool);
    impl<'ast> Visit<'ast> for Find {
        fn visit_expr_call(&mut self, c: &'ast syn::ExprCall) {
            self.0 |= c.args.iter().any(is_self);
            syn::visit::visit_expr_call(self, c);
        }
    }
    fn is_self(e: &syn::Expr) -> bool {
        match e {
            syn::Expr::Path(p) => p.qself.is_none() && p.path.is_ident("self"),
            syn::Expr::Reference(r) => is_self(&r.expr),
            syn::Expr::Unary(u) => matches!(u.op, syn::UnOp::Deref(_)) && is_self(&u.expr),
            syn::Expr::Paren(p) => is_self(&p.expr),
            _ => false,
        }
    }
    let mut find = Find(false);
    find.visit_block(block);
    find.0
}
