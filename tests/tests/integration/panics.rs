use jitclass::jit;
use std::panic::catch_unwind;

#[jit]
fn divide(a: i32, b: i32) -> i32 {
    a / b
}

#[jit]
fn remainder(a: i64, b: i64) -> i64 {
    a % b
}

#[jit]
fn udivide(a: u64, b: u64) -> u64 {
    a / b
}

#[jit]
fn get(xs: &[f64], i: usize) -> f64 {
    xs[i]
}

#[jit]
fn set(xs: &mut [u8], i: usize, v: u8) {
    xs[i] = v;
}

#[jit]
fn checked_sqrt(x: f64) -> f64 {
    assert!(x >= 0.0, "cannot take the square root of {}", x);
    x.sqrt()
}

#[jit]
fn plain_assert(x: i64) -> i64 {
    assert!(x > 0);
    x
}

#[jit]
fn explicit_panic(code: i32) -> i32 {
    if code != 0 {
        panic!("bad code {code} ({:?}, {})", 1.0f64, true);
    }
    0
}

#[jit]
fn compare_values(a: i64, b: i64) {
    assert_eq!(a, b, "values differ for key {}", 7);
}

#[jit]
fn unreachable_branch(x: u8) -> u8 {
    if x > 200 {
        unreachable!("x was {}", x);
    }
    x
}

#[jit]
fn panics_in_callee(i: usize) -> f64 {
    let xs = 1.0;
    xs + deep(i)
}

#[jit]
fn deep(i: usize) -> f64 {
    if i == 0 {
        panic!("reached the bottom")
    } else {
        deep(i - 1)
    }
}

fn panic_message(f: impl FnOnce() + std::panic::UnwindSafe) -> String {
    let err = catch_unwind(f).expect_err("the call should panic");
    match err.downcast::<String>() {
        Ok(s) => *s,
        Err(e) => e
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .unwrap_or_default(),
    }
}

fn location_of(message: &str) -> &str {
    let start = message.find("--> ").expect("a location") + 4;
    let rest = &message[start..];
    &rest[..rest.find(' ').unwrap_or(rest.len())]
}

#[test]
fn division_by_zero_panics_with_rusts_message() {
    let m = panic_message(|| {
        divide(1, 0);
    });
    assert!(m.starts_with("attempt to divide by zero\n"), "{m}");
    let loc = location_of(&m);
    assert!(
        loc.starts_with("tests/tests/integration/panics.rs:"),
        "{loc}"
    );
    assert!(m.contains("jit fn `divide`"), "{m}");
    let m = panic_message(|| {
        remainder(1, 0);
    });
    assert!(
        m.starts_with("attempt to calculate the remainder with a divisor of zero"),
        "{m}"
    );
    let m = panic_message(|| {
        udivide(1, 0);
    });
    assert!(m.starts_with("attempt to divide by zero"), "{m}");
}

#[test]
fn signed_division_overflow_panics() {
    let m = panic_message(|| {
        divide(i32::MIN, -1);
    });
    assert!(m.starts_with("attempt to divide with overflow"), "{m}");
    let m = panic_message(|| {
        remainder(i64::MIN, -1);
    });
    assert!(
        m.starts_with("attempt to calculate the remainder with overflow"),
        "{m}"
    );
    assert_eq!(divide(i32::MIN, 1), i32::MIN);
}

#[test]
fn out_of_bounds_panics_with_len_and_index() {
    let m = panic_message(|| {
        get(&[1.0, 2.0, 3.0], 3);
    });
    assert!(
        m.starts_with("index out of bounds: the len is 3 but the index is 3\n"),
        "{m}"
    );
    let mut buf = [0u8; 2];
    let m = panic_message(move || set(&mut buf, 10, 1));
    assert!(
        m.starts_with("index out of bounds: the len is 2 but the index is 10"),
        "{m}"
    );
    assert_eq!(get(&[1.0, 2.0], 1), 2.0);
}

#[test]
fn the_location_points_at_the_dsl_token() {
    // `xs[i]` in `get` is on the line below `fn get`.
    let m = panic_message(|| {
        get(&[], 0);
    });
    let loc = location_of(&m);
    let line: u32 = loc.split(':').nth(1).unwrap().parse().unwrap();
    let source = include_str!("panics.rs");
    let line_text = source.lines().nth(line as usize - 1).unwrap();
    assert_eq!(line_text.trim(), "xs[i]", "{loc}");
    let col: usize = loc.split(':').nth(2).unwrap().parse().unwrap();
    assert_eq!(&line_text[col - 1..col + 4], "xs[i]");
}

#[test]
fn assert_and_panic_messages_are_formatted() {
    let m = panic_message(|| {
        checked_sqrt(-4.0);
    });
    assert!(m.starts_with("cannot take the square root of -4\n"), "{m}");
    let m = panic_message(|| {
        plain_assert(0);
    });
    assert!(m.starts_with("assertion failed: x > 0\n"), "{m}");
    let m = panic_message(|| {
        explicit_panic(3);
    });
    assert!(m.starts_with("bad code 3 (1.0, true)\n"), "{m}");
    let m = panic_message(|| compare_values(1, 2));
    assert!(
        m.starts_with(
            "assertion `left == right` failed: values differ for key 7\n  left: 1\n right: 2\n"
        ),
        "{m}"
    );
    let m = panic_message(|| {
        unreachable_branch(255);
    });
    assert!(
        m.starts_with("internal error: entered unreachable code: x was 255"),
        "{m}"
    );
    assert_eq!(checked_sqrt(9.0), 3.0);
    compare_values(5, 5);
}

#[test]
fn a_panic_deep_in_recursion_reaches_the_rust_caller() {
    let m = panic_message(|| {
        panics_in_callee(50);
    });
    assert!(m.starts_with("reached the bottom"), "{m}");
    assert!(m.contains("jit fn `deep`"), "{m}");
    // No pending state is left behind: the next call works.
    assert_eq!(divide(6, 3), 2);
    assert!(jitclass_pending_is_clear());
    crate::assert_no_leaks();
}

fn jitclass_pending_is_clear() -> bool {
    catch_unwind(|| divide(1, 1)).is_ok()
}
