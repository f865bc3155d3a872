//! A `#[jit] trait`'s declaration -> `TraitIr`: each function's written signature and
//! whether trait objects dispatch it, decided by the declaration as rustc decides it (a
//! function without `self` and a method bounded `where Self: Sized` are not in the
//! vtable). Never an error: the trait is a real Rust trait whatever its signatures, and
//! a signature jit code cannot type only matters once a trait object calls it.

use super::types::{TypePos, TypeScope, lower_type};
use crate::ir::{Receiver, TraitDispatch, TraitIr, TraitMethodIr, TypeExpr};

/// A lowered `#[jit] trait`: the IR, and the paths of the classes and the Rust types of
/// the `PassThru<T>`s its signatures name, for the glue to resolve beside the trait.
pub struct LoweredTrait {
    /// The trait's IR.
    pub ir: TraitIr,
    /// The path of each `ClassRefId` of `ir`.
    pub class_paths: Vec<syn::Path>,
    /// The type of each `OpaqueRefId` of `ir`.
    pub opaque_types: Vec<syn::Type>,
}

/// Lowers the declaration of a `#[jit] trait` (already checked by the macro: functions
/// only, none generic).
pub fn lower_trait(item: &syn::ItemTrait) -> LoweredTrait {
    let mut scope = TypeScope::default();
    let methods = item
        .items
        .iter()
        .filter_map(|it| match it {
            syn::TraitItem::Fn(f) => Some(TraitMethodIr {
                name: f.sig.ident.to_string(),
                dispatch: dispatch(&f.sig, &mut scope),
            }),
            _ => None,
        })
        .collect();
    LoweredTrait {
        ir: TraitIr {
            name: item.ident.to_string(),
            methods,
            classes: scope.classes,
            opaques: scope.opaques,
        },
        class_paths: scope.class_paths,
        opaque_types: scope.opaque_types,
    }
}

/// How a trait object reaches the function `sig` declares. A signature that does not
/// lower leaves `scope` as it found it, so that the glue resolves only the types of
/// signatures jit code can call.
fn dispatch(sig: &syn::Signature, scope: &mut TypeScope) -> TraitDispatch {
    let Some(receiver) = sig.receiver() else {
        return TraitDispatch::Associated {
            self_param: sig.inputs.iter().position(
                |input| matches!(input, syn::FnArg::Typed(t) if is_self_or_borrowed_self(&t.ty)),
            ),
            returns_self: matches!(&sig.output, syn::ReturnType::Type(_, t) if is_self(t)),
        };
    };
    if sized_self(sig) {
        return TraitDispatch::SizedSelf;
    }
    let receiver = match (&receiver.reference, &receiver.mutability) {
        (Some(_), Some(_)) => Receiver::RefMut,
        (Some(_), None) => Receiver::Ref,
        (None, _) => Receiver::Value,
    };
    let before = (scope.classes.len(), scope.opaques.len());
    let outcome = signature_types(sig, scope).and_then(|(params, ret)| {
        if params.iter().chain([&ret]).any(names_const) {
            return Err(syn::Error::new(
                sig.ident.span(),
                "array lengths named by constants are not supported in the signature of a trait object's method yet",
            ));
        }
        Ok((params, ret))
    });
    match outcome {
        Ok((params, ret)) => TraitDispatch::Vtable {
            receiver,
            params,
            ret,
        },
        Err(e) => {
            scope.classes.truncate(before.0);
            scope.class_paths.truncate(before.0);
            scope.class_args.truncate(before.0);
            scope.opaques.truncate(before.1);
            scope.opaque_types.truncate(before.1);
            TraitDispatch::Untyped(e.to_string())
        }
    }
}

/// Whether a type names a constant rustc evaluates (`[f64; N]`), which a trait's IR does
/// not carry.
fn names_const(t: &TypeExpr) -> bool {
    let mut found = false;
    t.for_each_item(&mut |item| found |= matches!(item, crate::ir::ItemUse::Const(_)));
    found
}

/// The parameter types after `self`, and the return type.
fn signature_types(
    sig: &syn::Signature,
    scope: &mut TypeScope,
) -> syn::Result<(Vec<TypeExpr>, TypeExpr)> {
    let params = sig
        .inputs
        .iter()
        .filter_map(|input| match input {
            syn::FnArg::Typed(pt) => Some(lower_type(&pt.ty, scope, TypePos::Param)),
            syn::FnArg::Receiver(_) => None,
        })
        .collect::<syn::Result<Vec<_>>>()?;
    let ret = match &sig.output {
        syn::ReturnType::Default => TypeExpr::Unit,
        syn::ReturnType::Type(_, ty) => lower_type(ty, scope, TypePos::Return)?,
    };
    Ok((params, ret))
}

/// `where Self: Sized` (also with other bounds beside `Sized`, and as `core::marker::Sized`).
/// `Self` as written.
fn is_self(t: &syn::Type) -> bool {
    match t {
        syn::Type::Path(p) => p.qself.is_none() && p.path.is_ident("Self"),
        syn::Type::Paren(p) => is_self(&p.elem),
        syn::Type::Group(g) => is_self(&g.elem),
        _ => false,
    }
}

/// `Self`, `&Self` or `&mut Self`: a parameter whose argument's class is the impl's.
fn is_self_or_borrowed_self(t: &syn::Type) -> bool {
    match t {
        syn::Type::Reference(r) => is_self(&r.elem),
        other => is_self(other),
    }
}

fn sized_self(sig: &syn::Signature) -> bool {
    let Some(clause) = &sig.generics.where_clause else {
        return false;
    };
    clause.predicates.iter().any(|pred| match pred {
        syn::WherePredicate::Type(t) => {
            matches!(&t.bounded_ty, syn::Type::Path(p) if p.qself.is_none() && p.path.is_ident("Self"))
                && t.bounds.iter().any(|b| {
                    matches!(b, syn::TypeParamBound::Trait(tb)
                        if matches!(tb.modifier, syn::TraitBoundModifier::None)
                            && tb.path.segments.last().is_some_and(|s| s.ident == "Sized"))
                })
        }
        _ => false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::ClassRefId;
    use crate::types::PrimTy;

    fn lower(src: &str) -> LoweredTrait {
        lower_trait(&syn::parse_str(src).expect("a trait"))
    }

    fn dispatch_of<'a>(t: &'a LoweredTrait, name: &str) -> &'a TraitDispatch {
        &t.ir.method(name).expect("the method").0.dispatch
    }

    #[test]
    fn methods_are_in_the_vtable_unless_static_or_sized() {
        let t = lower(
            "trait Shape {
                fn new(side: f64) -> Self where Self: Sized;
                fn area(&self) -> f64;
                fn scale(&mut self, by: f64) { }
                fn sized(&self) -> f64 where Self: Sized + Copy { 0.0 }
                fn marker(&self) where Self: core::marker::Sized;
                fn unit(&self, other: Square) -> Option<Square>;
            }",
        );
        assert_eq!(t.ir.name, "Shape");
        assert_eq!(
            dispatch_of(&t, "new"),
            &TraitDispatch::Associated {
                self_param: None,
                returns_self: true
            }
        );
        assert_eq!(
            dispatch_of(&t, "area"),
            &TraitDispatch::Vtable {
                receiver: Receiver::Ref,
                params: vec![],
                ret: TypeExpr::Prim(PrimTy::F64)
            }
        );
        assert_eq!(
            dispatch_of(&t, "scale"),
            &TraitDispatch::Vtable {
                receiver: Receiver::RefMut,
                params: vec![TypeExpr::Prim(PrimTy::F64)],
                ret: TypeExpr::Unit
            }
        );
        assert_eq!(dispatch_of(&t, "sized"), &TraitDispatch::SizedSelf);
        assert_eq!(dispatch_of(&t, "marker"), &TraitDispatch::SizedSelf);
        let square = TypeExpr::Class(ClassRefId(0));
        assert_eq!(
            dispatch_of(&t, "unit"),
            &TraitDispatch::Vtable {
                receiver: Receiver::Ref,
                params: vec![square.clone()],
                ret: TypeExpr::Option(Box::new(square))
            }
        );
        assert_eq!(t.ir.classes, ["Square"]);
        assert_eq!(t.class_paths.len(), 1);
        let slots: Vec<_> = ["area", "scale", "unit"]
            .iter()
            .map(|m| t.ir.method(m).unwrap().1)
            .collect();
        assert_eq!(slots, [Some(0), Some(1), Some(2)]);
        assert_eq!(t.ir.validate(), Ok(()));
    }

    #[test]
    fn a_signature_jit_code_cannot_type_is_untyped_and_resolves_nothing() {
        let t = lower(
            "trait Same {
                fn same(&self, other: Square, again: Self) -> bool;
                fn arr(&self) -> [f64; N];
                fn fine(&self) -> Circle;
            }",
        );
        match dispatch_of(&t, "same") {
            TraitDispatch::Untyped(why) => assert!(why.contains("Self"), "{why}"),
            other => panic!("{other:?}"),
        }
        match dispatch_of(&t, "arr") {
            TraitDispatch::Untyped(why) => assert!(why.contains("constants"), "{why}"),
            other => panic!("{other:?}"),
        }
        // `Square` of the refused signature is not among the classes to resolve.
        assert_eq!(t.ir.classes, ["Circle"]);
        assert_eq!(
            dispatch_of(&t, "fine"),
            &TraitDispatch::Vtable {
                receiver: Receiver::Ref,
                params: vec![],
                ret: TypeExpr::Class(ClassRefId(0))
            }
        );
        assert_eq!(t.ir.validate(), Ok(()));
    }

    #[test]
    fn self_by_value_is_recorded_as_such() {
        let t = lower("trait Eat { fn eat(self) -> i64; }");
        assert!(matches!(
            dispatch_of(&t, "eat"),
            TraitDispatch::Vtable {
                receiver: Receiver::Value,
                ..
            }
        ));
    }

    #[test]
    fn a_function_without_self_records_where_self_is() {
        let t = lower(
            "trait Shape {
                fn same(k: i64, a: &Self, b: &mut Self) -> bool where Self: Sized;
                fn from_circle(c: &Circle, s: Self) -> Self where Self: Sized;
                fn count() -> i64 where Self: Sized;
            }",
        );
        let at = |self_param, returns_self| TraitDispatch::Associated {
            self_param,
            returns_self,
        };
        assert_eq!(dispatch_of(&t, "same"), &at(Some(1), false));
        assert_eq!(dispatch_of(&t, "from_circle"), &at(Some(1), true));
        assert_eq!(dispatch_of(&t, "count"), &at(None, false));
    }
}
