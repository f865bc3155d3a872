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
            .ends_with("names `Rec1` in a type in `leak`, which a `Rec2` does not share"),
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

#[jitclass]
pub struct IntX {
    x: i64,
}

#[jitclass]
impl IntX {
    pub fn new(x: i64) -> Self {
        IntX { x }
    }
}

#[jitclass]
pub struct FloatX {
    x: f64,
}

#[jitclass]
impl FloatX {
    pub fn new(x: f64) -> Self {
        FloatX { x }
    }
}

#[jitclass]
pub struct HoldsIntX {
    p: IntX,
}

#[jitclass]
impl HoldsIntX {
    pub fn new(p: IntX) -> Self {
        HoldsIntX { p }
    }
}

#[jitclass]
pub struct Prop {
    v: f64,
}

#[jitclass]
impl Prop {
    pub fn new(v: f64) -> Self {
        Prop { v }
    }

    #[getter]
    pub fn twice(&self) -> f64 {
        self.v * 2.0
    }

    #[setter]
    pub fn set_twice(&mut self, t: f64) {
        self.v = t / 2.0;
    }
}

#[jit]
fn other_source<R>(r: R, other: IntX) -> R {
    other
}

#[jit]
fn two_positions<R, S>(r: R, s: S) -> S {
    r
}

#[jit]
fn swapped<T>(t: T) -> T {
    (t.1, t.0)
}

#[jit]
fn from_a_field<R>(r: R, h: HoldsIntX) -> R {
    h.p
}

#[jit]
fn set_prop<R>(mut r: R, t: f64) -> f64 {
    r.twice = t;
    r.v
}

/// Values of the class that do not come from the generic arguments (another parameter,
/// another generic position, a field) must not be handed out as the new class.
#[test]
fn every_value_of_a_shared_class_comes_from_the_generic_arguments() {
    let _memory = crate::memory_test();
    let (ix, fx) = (type_of::<IntX>(), type_of::<FloatX>());
    let both = || Supertype::nominal("x", [vec![ix.clone()], vec![fx.clone()]]);

    other_source::dispatcher().define_supertype(both());
    assert_eq!(other_source(IntX::new(1), IntX::new(2)).x(), 2);
    let err = other_source::dispatcher()
        .compile(std::slice::from_ref(&fx))
        .unwrap_err();
    assert_eq!(err.kind(), &ErrorKind::Subtype);
    assert!(
        err.message()
            .contains("names `IntX` in a type in `other_source`"),
        "{err}"
    );

    two_positions::dispatcher().define_supertype(Supertype::nominal(
        "pairs",
        [vec![ix.clone(), ix.clone()], vec![ix.clone(), fx.clone()]],
    ));
    assert_eq!(two_positions(IntX::new(1), IntX::new(2)).x(), 1);
    let err = two_positions::dispatcher()
        .compile(&[ix.clone(), fx.clone()])
        .unwrap_err();
    assert!(
        err.message()
            .contains("at 2 places in its generic arguments"),
        "{err}"
    );

    let pair = |a: &Type, b: &Type| vec![Type::Tuple(vec![a.clone(), b.clone()])];
    swapped::dispatcher().define_supertype(Supertype::nominal(
        "tuples",
        [pair(&ix, &ix), pair(&ix, &fx)],
    ));
    let (a, b) = swapped((IntX::new(1), IntX::new(2)));
    assert_eq!((a.x(), b.x()), (2, 1));
    drop((a, b));
    assert!(swapped::dispatcher().compile(&pair(&ix, &fx)).is_err());

    from_a_field::dispatcher().define_supertype(both());
    let h = HoldsIntX::new(IntX::new(7));
    assert_eq!(from_a_field(IntX::new(1), h.clone()).x(), 7);
    let err = from_a_field::dispatcher()
        .compile(std::slice::from_ref(&fx))
        .unwrap_err();
    assert!(
        err.message().contains("reads a field of type `IntX`"),
        "{err}"
    );
    drop(h);

    // A `#[setter]` in a generic body compiles (and is a reliance, not a field access).
    assert_eq!(set_prop(Prop::new(1.0), 8.0), 4.0);
    crate::assert_no_leaks();
}
