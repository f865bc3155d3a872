//! Tests of the builtin method table.

use super::*;

fn every_type() -> Vec<Type> {
    let mut types: Vec<Type> = PrimTy::ALL.into_iter().map(Type::Prim).collect();
    types.push(Type::Slice {
        elem: Box::new(Type::F64),
        mutable: false,
    });
    types.push(Type::Ptr {
        pointee: Box::new(Type::Prim(PrimTy::U8)),
        mutable: true,
    });
    types.push(Type::Option(Box::new(Type::I64)));
    types.push(Type::Tuple(vec![Type::I32, Type::F64]));
    types
}

#[test]
fn comparisons_exist_exactly_where_rust_has_them() {
    assert!(lookup(&Type::I64, ORD_CMP).is_some());
    assert!(lookup(&Type::BOOL, SORT_CMP).is_some());
    assert!(lookup(&Type::F64, ORD_CMP).is_none());
    assert!(lookup(&Type::F64, TOTAL_CMP).is_some());
    assert!(lookup(&Type::I32, TOTAL_CMP).is_none());
    assert!(lookup(&Type::Prim(PrimTy::F32), PARTIAL_CMP_UNWRAP).is_some());
    assert!(!names_for(&Type::I64).iter().any(|n| n.starts_with(' ')));
    assert_eq!(user_name(PARTIAL_CMP_UNWRAP), "partial_cmp");
}

#[test]
fn the_listed_names_are_exactly_the_methods_found() {
    for t in every_type() {
        let names = names_for(&t);
        for name in &names {
            assert!(lookup(&t, name).is_some(), "`{name}` listed for `{t}`");
        }
        // The comparators' methods are found but never listed: users cannot call them.
        for m in all_methods().filter(|m| !m.name.starts_with(' ')) {
            assert_eq!(
                lookup(&t, m.name).is_some(),
                names.contains(&m.name),
                "`{}` on `{t}`",
                m.name
            );
        }
    }
}

#[test]
fn receivers_are_described_as_rustc_does() {
    let shown: Vec<String> = every_type()
        .iter()
        .filter(|t| !matches!(t, Type::Prim(p) if *p != PrimTy::U8))
        .map(receiver_description)
        .collect();
    assert_eq!(
        shown,
        [
            "type `u8`",
            "reference `&[f64]`",
            "raw pointer `*mut u8`",
            "enum `Option<T>`",
            "tuple `(i32, f64)`"
        ]
    );
}

#[test]
fn trait_objects_are_described_and_cloned_as_rustc_does() {
    use crate::types::{DynPointer, TraitKey};
    let shape = |pointer| Type::Dyn {
        key: TraitKey {
            id: 1,
            name: "Shape".into(),
        },
        pointer,
    };
    let shown: Vec<(String, bool)> = [DynPointer::Box, DynPointer::Ref, DynPointer::RefMut]
        .into_iter()
        .map(|p| (receiver_description(&shape(p)), is_clone(&shape(p))))
        .collect();
    assert_eq!(
        shown,
        [
            ("struct `Box<dyn Shape>`".to_string(), false),
            ("reference `&dyn Shape`".to_string(), true),
            ("mutable reference `&mut dyn Shape`".to_string(), false),
        ]
    );
}

#[test]
fn unsigned_integers_have_no_abs_or_signum() {
    let u8t = Type::Prim(PrimTy::U8);
    assert!(lookup(&u8t, "abs").is_none());
    assert!(!names_for(&u8t).contains(&"abs"));
    assert!(!names_for(&u8t).contains(&"signum"));
    assert_eq!(
        lookup(&Type::I32, "abs").map(|m| m.builtin),
        Some(Builtin::IntAbs)
    );
    assert!(matches!(
        lookup(&Type::F64, "abs").map(|m| m.builtin),
        Some(Builtin::FloatIntrinsic {
            intrinsic: "fabs",
            arity: 1
        })
    ));
}
