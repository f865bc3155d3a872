//! `extern "C"` jit fns (Numba's `cfunc`): C entry points with the function's signature.

use jitclass::jit;

#[jit]
extern "C" fn square_plus(x: f64, k: i64) -> f64 {
    x * x + k as f64
}

#[jit]
extern "C" fn is_positive(x: f64) -> bool {
    x > 0.0
}

#[jit]
extern "C" fn advance(p: *const f64, n: usize) -> *const f64 {
    p.wrapping_add(n)
}

#[jit]
extern "C" fn checked_div(a: i64, b: i64) -> i64 {
    a / b
}

/// What a C library taking a callback looks like from Rust.
fn integrate(f: extern "C" fn(f64, i64) -> f64, from: f64, to: f64, steps: usize) -> f64 {
    let h = (to - from) / steps as f64;
    (0..steps)
        .map(|i| f(from + (i as f64 + 0.5) * h, 0) * h)
        .sum()
}

#[test]
fn cfunc_ptr_is_a_c_function_with_the_same_signature() {
    let f: extern "C" fn(f64, i64) -> f64 = square_plus::cfunc_ptr();
    assert_eq!(f(3.0, 1), 10.0);
    let area = integrate(f, 0.0, 3.0, 3000);
    assert!((area - 9.0).abs() < 1e-5, "{area}");
    // The glue fn is `extern "C"` too: C-callable, compiling at its first call.
    assert_eq!(square_plus(2.0, 0), 4.0);
    let glue: extern "C" fn(f64, i64) -> f64 = square_plus;
    assert_eq!(glue(1.0, 1), 2.0);
    // One compilation serves Rust calls and C callers.
    assert_eq!(square_plus::dispatcher().compile_count(), 1);
    assert_eq!(square_plus::cfunc_ptr() as usize, f as usize);
}

#[test]
fn bools_and_raw_pointers_cross_as_c_does() {
    let positive = is_positive::cfunc_ptr();
    assert!(positive(0.5));
    assert!(!positive(-0.5));
    let xs = [1.0, 2.0, 3.0];
    let third = advance::cfunc_ptr()(xs.as_ptr(), 2);
    assert_eq!(third, xs[2..].as_ptr());
}

#[test]
fn a_panic_in_a_cfunc_aborts_with_its_message() {
    if std::env::var_os("JITCLASS_CFUNC_CHILD").is_some() {
        let div = checked_div::cfunc_ptr();
        std::hint::black_box(div(1, std::hint::black_box(0)));
        return;
    }
    assert_eq!(checked_div::cfunc_ptr()(7, 2), 3);
    // The abort must happen in a child process.
    let out = std::process::Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "cfunc::a_panic_in_a_cfunc_aborts_with_its_message",
            "--nocapture",
        ])
        .env("JITCLASS_CFUNC_CHILD", "1")
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("cannot unwind out of an `extern \"C\"` jit fn"),
        "{stderr}"
    );
    assert!(stderr.contains("attempt to divide by zero"), "{stderr}");
}

#[jitclass::jitclass]
pub struct Acc {
    total: f64,
    n: i64,
}

#[jitclass::jitclass]
impl Acc {
    pub fn new() -> Acc {
        Acc { total: 0.0, n: 0 }
    }

    pub fn add(&mut self, x: f64) {
        self.total += x;
        self.n += 1;
    }
}

/// A C callback that uses a class internally: nothing it allocates survives the call.
#[jit]
extern "C" fn mean_of_range(from: i64, to: i64) -> f64 {
    let mut acc = Acc::new();
    for i in from..to {
        acc.add(i as f64);
    }
    if acc.n == 0 {
        0.0
    } else {
        acc.total / acc.n as f64
    }
}

#[test]
fn a_cfunc_using_classes_releases_them() {
    let _memory = crate::memory_test();
    let f = mean_of_range::cfunc_ptr();
    assert_eq!(f(0, 5), 2.0);
    assert_eq!(f(3, 3), 0.0);
    crate::assert_no_leaks();
}
