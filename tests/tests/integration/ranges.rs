//! `for` loops over ranges with `.rev()` and `.step_by(k)`, compared with the same Rust
//! loops over every integer type, at and around the types' ends.

use jitclass::{Type, jit};

/// The count of the elements and an order-sensitive hash of them.
macro_rules! digest {
    ($iter:expr) => {{
        let mut n = 0u64;
        let mut h = 0u64;
        for i in $iter {
            n += 1;
            h = h.wrapping_mul(31).wrapping_add(i as u64);
        }
        (n, h)
    }};
}

/// One generic jit fn per form of range loop, with the digest's body.
macro_rules! jit_forms {
    ($($name:ident: |$a:ident, $b:ident, $k:ident| $iter:expr;)*) => {$(
        #[jit]
        fn $name<T>($a: T, $b: T, $k: usize) -> (u64, u64) {
            let mut n = 0u64;
            let mut h = 0u64;
            for i in $iter {
                n += 1;
                h = h.wrapping_mul(31).wrapping_add(i as u64);
            }
            (n, h)
        }
    )*};
}

jit_forms! {
    up: |a, b, k| a..b;
    up_incl: |a, b, k| a..=b;
    rev: |a, b, k| (a..b).rev();
    rev_incl: |a, b, k| (a..=b).rev();
    step: |a, b, k| (a..b).step_by(k);
    step_incl: |a, b, k| (a..=b).step_by(k);
    rev_step: |a, b, k| (a..b).rev().step_by(k);
    rev_step_incl: |a, b, k| (a..=b).rev().step_by(k);
    step_rev: |a, b, k| (a..b).step_by(k).rev();
    step_rev_incl: |a, b, k| (a..=b).step_by(k).rev();
}

const STEPS: [usize; 13] = [
    1,
    2,
    3,
    7,
    127,
    128,
    255,
    256,
    65_535,
    65_536,
    1 << 32,
    usize::MAX / 2,
    usize::MAX,
];

/// At most this many elements per compared loop (a `u64` range is long).
const MAX_ELEMENTS: i128 = 300;

/// Whether `(a..b)` (`..=b`) stepped by `k` is short enough to compare.
fn short(a: i128, b: i128, inclusive: bool, k: usize) -> bool {
    let len = (b - a + i128::from(inclusive)).max(0);
    (len + k as i128 - 1) / k as i128 <= MAX_ELEMENTS
}

/// Every form for the integer type `$t`, over all pairs of edge values and all steps;
/// `step_rev`/`step_rev_incl` only where Rust has them (`ExactSizeIterator` ranges).
macro_rules! compare {
    ($t:ty $(, $exact:ident)* $(; $exact_incl:ident)*) => {{
        let (min, max) = (<$t>::MIN as i128, <$t>::MAX as i128);
        let candidates = [
            min, min + 1, min + 2, -3, -1, 0, 1, 2, 3, 10, 100, max - 2, max - 1, max,
        ];
        let mut values: Vec<$t> = candidates
            .into_iter()
            .filter(|v| (min..=max).contains(v))
            .map(|v| v as $t)
            .collect();
        values.dedup();
        let mut compared = 0usize;
        for &a in &values {
            for &b in &values {
                for &k in &STEPS {
                    let (ai, bi) = (a as i128, b as i128);
                    let at = || format!("{} {}..{} by {k}", stringify!($t), a, b);
                    if short(ai, bi, false, 1) {
                        assert_eq!(up(a, b, k), digest!(a..b), "{}", at());
                        assert_eq!(rev(a, b, k), digest!((a..b).rev()), "{}", at());
                    }
                    if short(ai, bi, true, 1) {
                        assert_eq!(up_incl(a, b, k), digest!(a..=b), "{}", at());
                        assert_eq!(rev_incl(a, b, k), digest!((a..=b).rev()), "{}", at());
                    }
                    if short(ai, bi, false, k) {
                        assert_eq!(step(a, b, k), digest!((a..b).step_by(k)), "{}", at());
                        assert_eq!(
                            rev_step(a, b, k),
                            digest!((a..b).rev().step_by(k)),
                            "{}",
                            at()
                        );
                        $(
                            let _ = stringify!($exact);
                            assert_eq!(
                                step_rev(a, b, k),
                                digest!((a..b).step_by(k).rev()),
                                "{}",
                                at()
                            );
                        )*
                        compared += 1;
                    }
                    if short(ai, bi, true, k) {
                        assert_eq!(step_incl(a, b, k), digest!((a..=b).step_by(k)), "{}", at());
                        assert_eq!(
                            rev_step_incl(a, b, k),
                            digest!((a..=b).rev().step_by(k)),
                            "{}",
                            at()
                        );
                        $(
                            let _ = stringify!($exact_incl);
                            assert_eq!(
                                step_rev_incl(a, b, k),
                                digest!((a..=b).step_by(k).rev()),
                                "{}",
                                at()
                            );
                        )*
                    }
                }
            }
        }
        assert!(compared > 1000, "{compared} cases for {}", stringify!($t));
    }};
}

#[test]
fn stepped_and_reversed_ranges_match_rust_for_every_integer_type() {
    compare!(u8, exact; exact);
    compare!(i8, exact; exact);
    compare!(u16, exact; exact);
    compare!(i16, exact; exact);
    compare!(u32, exact);
    compare!(i32, exact);
    compare!(usize, exact);
    compare!(isize, exact);
    compare!(u64);
    compare!(i64);
}

/// Non-generic loops (also type-checked by rustc's copy of the body), with `continue` and
/// `break` leaving and resuming stepped loops.
#[jit]
fn countdown(n: i64) -> i64 {
    let mut s = 0;
    for i in (0..n).rev() {
        s = s * 3 + i;
    }
    s
}

#[jit]
fn odd_steps(n: u32, k: usize) -> u32 {
    let mut s = 0u32;
    for i in (1..=n).rev().step_by(k) {
        if i % 2 == 0 {
            continue;
        }
        if i < 5 {
            break;
        }
        s += i;
    }
    'outer: for i in (0..n).step_by(k).rev() {
        for j in (0..i).step_by(2) {
            if j > 6 {
                continue 'outer;
            }
            s = s.wrapping_mul(7).wrapping_add(j);
        }
    }
    s
}

fn odd_steps_rust(n: u32, k: usize) -> u32 {
    let mut s = 0u32;
    for i in (1..=n).rev().step_by(k) {
        if i % 2 == 0 {
            continue;
        }
        if i < 5 {
            break;
        }
        s += i;
    }
    'outer: for i in (0..n).step_by(k).rev() {
        for j in (0..i).step_by(2) {
            if j > 6 {
                continue 'outer;
            }
            s = s.wrapping_mul(7).wrapping_add(j);
        }
    }
    s
}

#[test]
fn loops_over_ranges_leave_and_resume_as_in_rust() {
    for n in [-3, 0, 1, 2, 10, 17] {
        let mut s = 0i64;
        for i in (0..n).rev() {
            s = s * 3 + i;
        }
        assert_eq!(countdown(n), s, "{n}");
    }
    for n in [0, 1, 5, 12, 31, 100] {
        for k in [1, 2, 3, 4, 9, 1000] {
            assert_eq!(odd_steps(n, k), odd_steps_rust(n, k), "{n} by {k}");
        }
    }
}

#[jit]
fn step_sum(a: i32, b: i32, k: usize) -> i32 {
    let mut s = 0;
    for i in (a..b).step_by(k) {
        s += i;
    }
    s
}

#[jit]
fn rev_step_count(a: u8, b: u8, k: usize) -> u32 {
    let mut n = 0;
    for _ in (a..=b).step_by(k).rev() {
        n += 1;
    }
    n
}

#[test]
fn a_zero_step_panics_as_in_rust_also_for_an_empty_range() {
    for (a, b) in [(0, 10), (5, 1), (3, 3)] {
        let caught = std::panic::catch_unwind(|| step_sum(a, b, 0));
        let message = *caught.unwrap_err().downcast::<String>().unwrap();
        assert!(
            message.starts_with("assertion failed: step != 0"),
            "{message}"
        );
        // Rust's own loop panics the same way.
        let rust = std::panic::catch_unwind(|| (a..b).step_by(std::hint::black_box(0)).count());
        assert!(rust.is_err());
    }
    let caught = std::panic::catch_unwind(|| rev_step_count(9, 1, 0));
    assert!(caught.is_err());
    assert_eq!(rev_step_count(0, 255, 1), 256);
    assert_eq!(rev_step_count(250, 255, 2), 3);
}

/// `.step_by(k).rev()` needs a range whose length is a `usize` (`ExactSizeIterator`):
/// rustc refuses it for `i64`, and so does a specialisation.
#[jit]
fn steps_down_from_the_last<T>(n: T) -> u32 {
    let mut c = 0;
    for _ in (n..n).step_by(2).rev() {
        c += 1;
    }
    c
}

#[test]
fn step_by_then_rev_needs_an_exact_size_range() {
    assert_eq!(steps_down_from_the_last(5i32), 0);
    let err = steps_down_from_the_last::dispatcher()
        .compile(&[Type::I64])
        .unwrap_err();
    assert_eq!(
        err.message(),
        "the trait bound `std::ops::Range<i64>: ExactSizeIterator` is not satisfied"
    );
    assert!(
        err.to_string().contains(
            "required for `StepBy<std::ops::Range<i64>>` to implement `DoubleEndedIterator`"
        ),
        "{err}"
    );
}
