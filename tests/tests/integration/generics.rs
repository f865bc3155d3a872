//! Generic jit fns: one specialisation per type, errors in specialisations, and classes as
//! type arguments.

use crate::balanced_since;
use crate::fixtures::RCell;
use jitclass::{Type, jit};

#[jit]
fn sum<T>(xs: &[T]) -> T {
    let mut acc = 0 as T;
    for i in 0..xs.len() {
        acc += xs[i];
    }
    acc
}

#[jit]
fn largest<T>(xs: &[T]) -> T {
    let mut best = xs[0];
    for i in 1..xs.len() {
        if xs[i] > best {
            best = xs[i];
        }
    }
    best
}

#[jit]
fn pair<A, B>(a: A, b: B) -> (B, A) {
    (b, a)
}

#[jit]
fn twice<T>(x: T) -> T {
    x + x
}

#[jit]
fn uses_generic(x: f32, y: i16) -> (f32, i16) {
    (twice(x), twice(y))
}

#[test]
fn one_specialisation_per_type() {
    assert_eq!(sum(&[1.0f64, 2.0, 3.5]), 6.5);
    assert_eq!(sum(&[1i32, 2, 3]), 6);
    assert_eq!(sum(&[250u8, 10]), 4); // wraps
    assert_eq!(sum::<f32>(&[]), 0.0);
    assert_eq!(sum(&[4.0f64]), 4.0);
    let d = sum::dispatcher();
    assert_eq!(d.generic_params(), vec!["T".to_string()]);
    let sigs: Vec<String> = d.signatures().iter().map(|s| s.to_string()).collect();
    for expected in [
        "fn(&[f64]) -> f64",
        "fn(&[i32]) -> i32",
        "fn(&[u8]) -> u8",
        "fn(&[f32]) -> f32",
    ] {
        assert!(sigs.contains(&expected.to_string()), "{sigs:?}");
    }
    assert_eq!(d.compile_count(), sigs.len());
}

#[test]
fn generic_comparisons_and_several_type_parameters() {
    assert_eq!(largest(&[3i64, 9, -2]), 9);
    assert_eq!(largest(&[0.5f32, -1.0]), 0.5);
    assert_eq!(pair(1u8, 2.5f64), (2.5, 1));
    assert_eq!(pair(true, (1i32, 2i64)), ((1, 2), true));
}

#[test]
fn generic_callee_specialised_from_a_non_generic_caller() {
    assert_eq!(uses_generic(1.5, 21), (3.0, 42));
    // The callee was compiled inside the caller's module, not through its own dispatcher.
    assert_eq!(twice::dispatcher().compile_count(), 0);
    assert_eq!(twice(2u64), 4);
    assert_eq!(twice::dispatcher().compile_count(), 1);
}

#[test]
fn type_error_in_a_specialisation_panics_with_the_dsl_location() {
    let err = sum::dispatcher().compile(&[Type::BOOL]).unwrap_err();
    assert_eq!(err.message(), "cannot cast `i32` as `bool`");
    let loc = err.location().unwrap();
    assert!(
        loc.starts_with("tests/tests/integration/generics.rs:"),
        "{loc}"
    );
    let text = err.to_string();
    assert!(text.contains("jit fn `sum` (T = bool)"), "{text}");
    let panic = std::panic::catch_unwind(|| sum(&[true, false])).unwrap_err();
    let msg = panic.downcast_ref::<String>().unwrap();
    assert!(msg.contains("cannot cast `i32` as `bool`"), "{msg}");
}

/// Runs in a child process (the default panic hook prints the panic's location): the first
/// call of a specialisation that does not compile.
#[test]
fn failed_specialisation_child() {
    if std::env::var_os("JITCLASS_FAILED_SPECIALISATION_CHILD").is_none() {
        return;
    }
    println!("call at {}:{}", file!(), line!() + 1);
    sum(&[true, false]);
}

#[test]
fn a_failed_specialisation_panics_at_the_call() {
    let out = std::process::Command::new(std::env::current_exe().unwrap())
        .args([
            "generics::failed_specialisation_child",
            "--exact",
            "--nocapture",
        ])
        .env("JITCLASS_FAILED_SPECIALISATION_CHILD", "1")
        .env("RUST_BACKTRACE", "0")
        .output()
        .unwrap();
    let (stdout, stderr) = (
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
    );
    assert!(!out.status.success(), "{stdout}\n{stderr}");
    let call = stdout
        .lines()
        .find_map(|l| l.split_once("call at ").map(|(_, at)| at.to_string()))
        .unwrap_or_else(|| panic!("the child did not run: {stdout}\n{stderr}"));
    // The caller's line (`#[track_caller]` through the glue and the dispatcher), with the
    // DSL location in the message.
    assert!(stderr.contains(&format!("panicked at {call}:")), "{stderr}");
    assert!(stderr.contains("cannot cast `i32` as `bool`"), "{stderr}");
    assert!(!stderr.contains("dispatch.rs"), "{stderr}");
}

#[jit]
fn inner_neg<T>(x: T) -> T {
    -x
}

#[jit]
fn outer_neg<T>(x: T) -> T {
    inner_neg(x)
}

#[test]
fn an_error_in_a_callee_names_the_caller_that_required_it() {
    let err = outer_neg::dispatcher().compile(&[Type::BOOL]).unwrap_err();
    assert_eq!(err.function(), "inner_neg");
    assert_eq!(
        err.message(),
        "cannot apply unary operator `-` to type `bool`"
    );
    let text = err.to_string();
    assert!(
        text.contains(
            "required by the call in `outer_neg` (T = bool) at tests/tests/integration/generics.rs:"
        ),
        "{text}"
    );
}

// ---- probes: classes as type arguments -------------------------------------------------

#[jit]
fn swap_pair<T>(p: (T, T)) -> (T, T) {
    let (a, b) = p;
    (b, a)
}

#[jit]
fn choose<T>(c: bool, mut a: T, b: T) -> T {
    if c {
        a = b;
    }
    a
}

#[test]
fn ok_generics_with_classes() {
    let _memory = crate::memory_test();
    let before = jitclass::stats();
    {
        let a = RCell::new(1);
        let b = RCell::new(2);
        let (x, y) = swap_pair((a.clone(), b.clone()));
        assert_eq!((x.get(), y.get()), (2, 1));
        assert_eq!(RCell::strong_count(&a), Some(2));
        let c = choose(true, a.clone(), b.clone());
        assert_eq!(c.get(), 2);
        let c2 = choose(false, a.clone(), b.clone());
        assert_eq!(c2.get(), 1);
        assert_eq!(RCell::strong_count(&a), Some(3));
        assert_eq!(RCell::strong_count(&b), Some(3));
        assert_eq!(a.me().get(), 1);
        assert_eq!(RCell::strong_count(&a), Some(3));
    }
    assert!(balanced_since(&before));
}
