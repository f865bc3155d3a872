use jitclass::{ErrorKind, Type, jit};

#[jit]
fn mul(a: i64, b: i64) -> i64 {
    a * b
}

#[jit]
fn halve<T>(x: T) -> T {
    x / (2 as T)
}

#[jit]
fn compiled_eagerly(x: f64) -> f64 {
    x + 1.0
}

#[jit]
fn generic_for_disable<T>(x: T) -> T {
    x
}

#[test]
fn signatures_and_compile_count() {
    let d = mul::dispatcher();
    assert_eq!(d.name(), "mul");
    assert!(d.module_path().ends_with("dispatcher"));
    assert_eq!(mul(6, 7), 42);
    assert_eq!(mul(2, 3), 6);
    assert_eq!(d.compile_count(), 1);
    assert_eq!(d.signatures().len(), 1);
    assert_eq!(d.signatures()[0].to_string(), "fn(i64, i64) -> i64");
    assert_eq!(d.signatures()[0].params, vec![Type::I64, Type::I64]);
    let stats = d.compile_stats();
    assert_eq!(stats.len(), 1);
    assert_eq!(stats[0].signature, d.signatures()[0]);
    let phases = stats[0].frontend + stats[0].optimise + stats[0].machine_code;
    assert!(
        phases > std::time::Duration::ZERO && phases <= stats[0].total,
        "{stats:?}"
    );
}

#[test]
fn eager_compile_returns_the_signature() {
    let d = compiled_eagerly::dispatcher();
    let sig = d.compile(&[]).unwrap();
    assert_eq!(sig.to_string(), "fn(f64) -> f64");
    assert_eq!(d.compile_count(), 1);
    assert_eq!(compiled_eagerly(1.0), 2.0);
    assert_eq!(
        d.compile_count(),
        1,
        "the call reused the eager compilation"
    );
    let err = d.compile(&[Type::F64]).unwrap_err();
    assert_eq!(
        err.message(),
        "`compiled_eagerly` is not generic, but 1 type argument(s) were given"
    );
}

#[test]
fn llvm_ir_of_a_signature() {
    assert_eq!(halve(9.0f64), 4.5);
    let d = halve::dispatcher();
    let sig = d
        .signatures()
        .into_iter()
        .find(|s| s.ret == Type::F64)
        .unwrap();
    let ir = d.llvm_ir(&sig).unwrap();
    assert!(ir.contains("define"), "{ir}");
    assert!(
        ir.contains("fmul double") || ir.contains("fdiv double"),
        "{ir}"
    );
    let missing = jitclass::Signature {
        params: vec![Type::BOOL],
        ret: Type::BOOL,
    };
    assert!(d.llvm_ir(&missing).is_none());
}

#[test]
fn disable_compile_refuses_new_signatures_with_a_clear_error() {
    let d = generic_for_disable::dispatcher();
    assert_eq!(generic_for_disable(1u8), 1);
    d.disable_compile();
    assert!(d.is_compile_disabled());
    assert_eq!(
        generic_for_disable(2u8),
        2,
        "compiled signatures keep working"
    );
    let err = d.compile(&[Type::F64]).unwrap_err();
    assert_eq!(err.kind(), &ErrorKind::CompileDisabled);
    let text = err.to_string();
    assert!(text.contains("compilation is disabled"), "{text}");
    assert!(text.contains("fn(u8) -> u8"), "{text}");
    let panic = std::panic::catch_unwind(|| generic_for_disable(1.5f32)).unwrap_err();
    let msg = panic.downcast_ref::<String>().unwrap();
    assert!(
        msg.contains("jit fn `generic_for_disable` (T = f32)"),
        "{msg}"
    );
    assert!(msg.contains("compilation is disabled"), "{msg}");
    d.enable_compile();
    assert_eq!(generic_for_disable(1.5f32), 1.5);
    assert_eq!(d.compile_count(), 2);
}

#[test]
fn type_of_names_rust_types() {
    assert_eq!(
        jitclass::type_of::<(i64, bool)>().to_string(),
        "(i64, bool)"
    );
    assert_eq!(jitclass::type_of::<&mut [f32]>().to_string(), "&mut [f32]");
}
