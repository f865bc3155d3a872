//! Local subtyping on dispatchers: the proposal's notebook ("Numba proposal: (local)
//! subtyping"), translated.

use jitclass::{ErrorKind, Supertype, Type, class_fields, jit, jitclass, type_of};

#[jitclass]
pub struct Rec1 {
    a: f64,
}

#[jitclass]
pub struct Rec2 {
    a: f64,
    b: f64,
}

#[jitclass]
pub struct Rec3 {
    b: f64,
    a: f64,
}

#[jitclass]
pub struct Rec4 {
    a: f64,
    c: i64,
}

#[jitclass]
impl Rec1 {
    pub fn new(a: f64) -> Self {
        Rec1 { a }
    }

    pub fn doubled(&self) -> f64 {
        self.a * 2.0
    }
}

#[jitclass]
impl Rec2 {
    pub fn new(a: f64, b: f64) -> Self {
        Rec2 { a, b }
    }
}

#[jitclass]
impl Rec3 {
    pub fn new(b: f64, a: f64) -> Self {
        Rec3 { b, a }
    }
}

#[jitclass]
impl Rec4 {
    pub fn new(a: f64, c: i64) -> Self {
        Rec4 { a, c }
    }
}

#[jit]
fn foo<R>(rec: R) -> f64 {
    rec.a
}

#[test]
fn nominal_supertype_shares_one_compilation_and_refuses_a_different_layout() {
    let _memory = crate::memory_test();
    let d = foo::dispatcher();
    d.define_supertype(Supertype::nominal(
        "records",
        [
            vec![type_of::<Rec1>()],
            vec![type_of::<Rec2>()],
            vec![type_of::<Rec3>()],
        ],
    ));
    assert_eq!(foo(Rec1::new(1.0)), 1.0);
    assert_eq!(d.compile_count(), 1);
    // As in the notebook: no more compilation, and `Rec2` is still served.
    d.disable_compile();
    assert_eq!(foo(Rec2::new(2.0, 3.0)), 2.0);
    assert_eq!(foo(Rec2::new(5.0, 3.0)), 5.0);
    assert_eq!(d.compile_count(), 1);
    assert_eq!(d.signatures().len(), 1);
    let shared = d.shared_specialisations();
    assert_eq!(shared.len(), 1);
    assert_eq!(shared[0].0, vec![type_of::<Rec2>()]);
    assert_eq!(shared[0].1.to_string(), "fn(Rec1) -> f64");

    // `Rec3` is in the declared set, but its `a` is at offset 8: refused, not trusted.
    let err = d.compile(&[type_of::<Rec3>()]).unwrap_err();
    assert_eq!(err.kind(), &ErrorKind::Subtype);
    assert_eq!(
        err.message(),
        "cannot share the code compiled for R = Rec1 through the supertype `records`: field `a` is `f64` at offset 0 in `Rec1` but `f64` at offset 8 in `Rec3`, so the code compiled for `Rec1` cannot read it"
    );
    let panic = std::panic::catch_unwind(|| foo(Rec3::new(1.0, 2.0))).unwrap_err();
    let msg = panic.downcast_ref::<String>().unwrap();
    assert!(msg.contains("field `a`"), "{msg}");
    // Outside the supertype, and compilation disabled: the usual error.
    let err = d.compile(&[type_of::<Rec4>()]).unwrap_err();
    assert_eq!(err.kind(), &ErrorKind::CompileDisabled);
    // A wrong declaration is an error also when compilation is allowed: the supertype
    // promised one compiled version for all its members.
    d.enable_compile();
    let err = d.compile(&[type_of::<Rec3>()]).unwrap_err();
    assert_eq!(err.kind(), &ErrorKind::Subtype);
    assert_eq!(foo(Rec4::new(4.0, 1)), 4.0);
    assert_eq!(d.compile_count(), 2);
    crate::assert_no_leaks();
}

#[jit]
fn foo_structural<R>(rec: R) -> f64 {
    rec.a * 10.0
}

/// "Any class whose field `a` is an `f64` at offset 0."
fn has_a_at_zero(args: &[Type]) -> bool {
    match args {
        [t] => class_fields(t).is_some_and(|fields| {
            fields
                .iter()
                .any(|f| f.name == "a" && f.ty == Type::F64 && f.offset == 0)
        }),
        _ => false,
    }
}

#[test]
fn structural_supertype_over_class_layouts() {
    let _memory = crate::memory_test();
    let d = foo_structural::dispatcher();
    d.define_supertype(Supertype::structural(
        "records with `a: f64` at 0",
        has_a_at_zero,
    ));
    assert_eq!(d.supertypes(), ["records with `a: f64` at 0"]);
    assert_eq!(foo_structural(Rec2::new(1.5, 0.0)), 15.0);
    d.disable_compile();
    assert_eq!(foo_structural(Rec1::new(2.0)), 20.0);
    assert_eq!(foo_structural(Rec4::new(3.0, 7)), 30.0);
    assert_eq!(d.compile_count(), 1);
    // `Rec3` is not in the supertype: with compilation disabled, the usual error.
    let err = d.compile(&[type_of::<Rec3>()]).unwrap_err();
    assert_eq!(err.kind(), &ErrorKind::CompileDisabled);
    crate::assert_no_leaks();
}

#[jit]
fn uses_method<R>(rec: R) -> f64 {
    rec.doubled()
}

#[jit]
fn reads_b<R>(rec: R) -> f64 {
    rec.a + rec.b
}

#[test]
fn sharing_is_refused_when_the_code_relies_on_more_than_fields() {
    let _memory = crate::memory_test();
    let both = || {
        Supertype::nominal(
            "rec1 and rec2",
            [vec![type_of::<Rec1>()], vec![type_of::<Rec2>()]],
        )
    };
    uses_method::dispatcher().define_supertype(both());
    assert_eq!(uses_method(Rec1::new(1.5)), 3.0);
    let err = uses_method::dispatcher()
        .compile(&[type_of::<Rec2>()])
        .unwrap_err();
    assert_eq!(err.kind(), &ErrorKind::Subtype);
    assert!(
        err.message().ends_with(
            "the code compiled for `Rec1` calls `Rec1::doubled`, which a `Rec2` does not share"
        ),
        "{err}"
    );

    // A field the new class lacks.
    let d = reads_b::dispatcher();
    d.define_supertype(Supertype::nominal(
        "rec2 and rec4",
        [vec![type_of::<Rec2>()], vec![type_of::<Rec4>()]],
    ));
    assert_eq!(reads_b(Rec2::new(1.0, 2.0)), 3.0);
    let err = d.compile(&[type_of::<Rec4>()]).unwrap_err();
    assert!(
        err.message().ends_with(
            "the code compiled for `Rec2` reads its field `b`, which `Rec4` does not have"
        ),
        "{err}"
    );
    // Code whose result Rust receives as `Rec1` must not hand it a `Rec2`.
    #[jit]
    fn leak<R>(rec: R) -> Rec1 {
        rec
    }
    leak::dispatcher().define_supertype(both());
    let r = Rec1::new(1.0);
    assert!(Rec1::ptr_eq(&leak(r.clone()), &r));
    let err = leak::dispatcher()
        .compile(&[type_of::<Rec2>()])
        .unwrap_err();
    assert!(
        err.message()
            .ends_with("returns a `Rec1` to Rust as that type, which a `Rec2` does not share"),
        "{err}"
    );
    drop(r);
    // Nor store it in a slice of `Rec1`s.
    #[jit]
    fn store<R>(rec: R, into: &mut [Rec1]) {
        into[0] = rec;
    }
    store::dispatcher().define_supertype(both());
    let mut slots = [Rec1::new(0.0)];
    store(Rec1::new(2.0), &mut slots);
    assert_eq!(slots[0].a(), 2.0);
    let err = store::dispatcher()
        .compile(&[type_of::<Rec2>()])
        .unwrap_err();
    assert!(
        err.message()
            .contains("stores a `Rec1` in a field or slice"),
        "{err}"
    );
    drop(slots);
    // Non-class types never share code.
    #[jit]
    fn ident<T>(x: T) -> T {
        x
    }
    ident::dispatcher().define_supertype(Supertype::nominal(
        "numbers",
        [vec![Type::F64], vec![Type::I64]],
    ));
    assert_eq!(ident(1.5), 1.5);
    let err = ident::dispatcher().compile(&[Type::I64]).unwrap_err();
    assert!(
        err.message()
            .contains("only class types can share compiled code"),
        "{err}"
    );
    crate::assert_no_leaks();
}
