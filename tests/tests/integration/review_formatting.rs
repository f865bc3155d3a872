//! Review of `format!` and `x.to_string()` in jit code (issue 16): probes from the public
//! API, each jit fn beside the same Rust (`rust::*`, from one body); `ok_*` held when
//! written, `#[ignore = "BUG: ..."]` tests are known bugs.

#![allow(
    clippy::useless_format,
    clippy::uninlined_format_args,
    clippy::format_in_format_args,
    clippy::to_string_in_format_args
)]

use crate::{assert_no_leaks, memory_test, panic_message};
use jitclass::jit;

/// Each fn twice from one body: a `#[jit]` fn, and the plain Rust fn `rust::name`.
macro_rules! twins {
    ($(fn $name:ident($($p:ident: $t:ty),* $(,)?) -> $r:ty $body:block)*) => {
        $(
            #[jit]
            fn $name($($p: $t),*) -> $r $body
        )*
        mod rust {
            $(
                pub fn $name($($p: $t),*) -> $r $body
            )*
        }
    };
}

twins! {
    fn fills(x: i64, s: &str, c: char) -> String {
        format!(
            "[{:é^9}] [{:日<7}] [{:😀>6}] [{:é^9}] [{:é^9?}] [{:é>4}] [{:>+#010x}] [{:<+#010X}] [{:^#012b}] [{:+#o}] [{:-^+8}] [{:é^+#12x}]",
            x, x, x, s, s, c, x, x, x, x, x, x
        )
    }

    fn exps(x: i64, u: u64, y: f32) -> String {
        format!(
            "[{:e}] [{:E}] [{:e}] [{:12e}] [{:+e}] [{}] [{:x}] [{:#b}] [{}] [{:?}] [{:e}] [{:.2}] [{:10.3e}]",
            x, x, u, u, x, u, u, u, y, y, y, y, y
        )
    }

    fn roundings(x: f64, y: f32) -> String {
        format!("[{:.0}] [{:.1}] [{:.2}] [{:.0}] [{:.1}] [{:.0e}] [{:.1e}]", x, x, x, y, y, x, x)
    }

    fn cuts(s: &str, t: String) -> String {
        format!("[{:.3}] [{:.1}] [{:>6.2}] [{:^8.4}] [{:.0}] [{:.10}] [{:é<6.2}]", s, s, s, t, t, t, s)
    }

    fn debugs(s: &str, c: char) -> String {
        format!("[{:?}] [{:#?}] [{:?}] [{:#?}] [{:>20?}] [{:.3?}]", s, s, c, c, s, s)
    }

    fn order(n: usize) -> String {
        let mut v: Vec<usize> = Vec::new();
        for i in 0..n {
            v.push(i);
        }
        format!("{0}{0}{1}{1}{0}|{2}", v.pop().unwrap(), v.pop().unwrap(), v.len())
    }

    fn width_from_usize(x: i32, w: usize, p: usize) -> String {
        format!("[{:w$}] [{:>2$}] [{:.*}] [{x:^w$.p$}]", x, x, w, 1.23456789)
    }

    fn many_pieces(n: i32) -> String {
        format!(
            "{n}{n:?}{n:x}{n:X}{n:o}{n:b}{n:e}{n:E}{n:5}{n:<5}{n:^5}{n:>5}{n:05}{n:+}{n:#x}{n:#b}{n}{n:?}{n:x}{n:X}{n:o}{n:b}{n:e}{n:E}{n:5}{n:<5}{n:^5}{n:>5}{n:05}{n:+}{n:#x}{n:#b}{n}{n:?}{n:x}{n:X}{n:o}{n:b}{n:e}{n:E}{n:5}{n:<5}{n:^5}{n:>5}{n:05}{n:+}{n:#x}{n:#b}"
        )
    }

    fn self_append(s: String, n: usize) -> String {
        let mut s = s;
        for i in 0..n {
            s = format!("{s}{i}{s:.1}");
        }
        s
    }

    fn temporaries(a: &str, n: i64) -> String {
        let t = format!("{}|{:>5}|{}", a.to_string(), n.to_string(), format!("{a}{n}").len());
        format!("{}{}", t.clone(), t)
    }

    fn to_strings(a: u64, b: f32, c: i8, d: usize, e: f64) -> (String, String, String, String, String) {
        (a.to_string(), b.to_string(), c.to_string(), d.to_string(), e.to_string())
    }
}

#[test]
fn ok_multibyte_fills_and_flag_combinations() {
    let _m = memory_test();
    for (x, s, c) in [
        (0, "", 'a'),
        (255, "é", '日'),
        (-255, "ééé", 'é'),
        (i64::MIN, "日本語日本語日本語x", '😀'),
        (i64::MAX, "é\u{E000}\u{E001}", '\u{E000}'),
    ] {
        assert_eq!(fills(x, s, c), rust::fills(x, s, c), "{x} {s:?} {c:?}");
    }
    assert_no_leaks();
}

#[test]
fn ok_exponents_of_integers_and_f32() {
    let _m = memory_test();
    for (x, u, y) in [
        (0, 0, 0.0f32),
        (1234567, u64::MAX, 0.1),
        (-1000, u64::MAX - 1, 1e16),
        (i64::MIN, 10, f32::MIN),
        (i64::MAX, 1 << 63, 16777217.0),
        (100, 0x8000_0001, f32::EPSILON),
    ] {
        assert_eq!(exps(x, u, y), rust::exps(x, u, y), "{x} {u} {y}");
    }
    assert_no_leaks();
}

#[test]
fn ok_precision_rounds_as_std() {
    let _m = memory_test();
    for (x, y) in [
        (0.5, 0.5f32),
        (1.5, 1.5),
        (2.5, 2.5),
        (-0.5, -0.5),
        (0.125, 0.25),
        (0.05, 0.15),
        (1.005, 1.005),
        (2.675, 0.35),
        (9.5, 9.95),
        (-0.0, -0.0),
        (25.0, 35.0),
    ] {
        assert_eq!(roundings(x, y), rust::roundings(x, y), "{x} {y}");
    }
    assert_no_leaks();
}

#[test]
fn ok_precision_and_width_of_text_count_chars() {
    let _m = memory_test();
    for (s, t) in [
        ("aé日x", "日本語"),
        ("😀😀😀😀", "é"),
        ("e\u{301}e\u{301}", ""),
        ("", "abcdefghijklmnop"),
    ] {
        assert_eq!(
            cuts(s, t.to_string()),
            rust::cuts(s, t.to_string()),
            "{s:?} {t:?}"
        );
    }
    assert_no_leaks();
}

#[test]
fn ok_debug_escapes_as_std() {
    let _m = memory_test();
    for (s, c) in [
        ("\0\u{1b}'\"\\\r\t\n", '\0'),
        ("\u{301}a\u{301}\u{feff}\u{200d}", '\u{301}'),
        ("\u{7f}\u{80}\u{a0}\u{ad}", '\u{ad}'),
        ("\u{10ffff}\u{e000}😀", '\''),
        ("\u{2028}\u{2029}", '"'),
    ] {
        assert_eq!(debugs(s, c), rust::debugs(s, c), "{s:?} {c:?}");
    }
    assert_no_leaks();
}

#[test]
fn ok_arguments_evaluated_once_in_order() {
    let _m = memory_test();
    for n in [2, 5] {
        assert_eq!(order(n), rust::order(n));
    }
    assert_no_leaks();
}

#[test]
fn ok_runtime_width_and_precision() {
    let _m = memory_test();
    for (x, w, p) in [(5, 0, 0), (-42, 9, 3), (123, 2, 12), (7, 300, 40)] {
        assert_eq!(width_from_usize(x, w, p), rust::width_from_usize(x, w, p));
    }
    assert_no_leaks();
}

#[test]
fn ok_many_pieces() {
    let _m = memory_test();
    for n in [0, -1, 77, i32::MIN] {
        assert_eq!(many_pieces(n), rust::many_pieces(n));
    }
    assert_no_leaks();
}

#[test]
fn ok_to_string_of_more_scalars() {
    let _m = memory_test();
    for (a, b, c, d, e) in [
        (u64::MAX, 0.1f32, i8::MIN, usize::MAX, 1e-7),
        (0, 16777217.0, -1, 0, 1e16),
        (1, f32::NAN, 127, 1, -0.0),
        (10, f32::NEG_INFINITY, 0, 10, 123456789012345680.0),
    ] {
        assert_eq!(to_strings(a, b, c, d, e), rust::to_strings(a, b, c, d, e));
    }
    assert_no_leaks();
}

/// A `String` argument whose text a later argument's panic interrupts.
#[jit]
fn panics_mid_format(s: String, v: Vec<i64>, i: usize) -> String {
    format!("{}{}{}", s, format!("{s}!"), v[i])
}

#[test]
fn ok_panic_in_an_argument_leaks_nothing() {
    let _m = memory_test();
    assert_eq!(panics_mid_format("ab".into(), vec![1, 2], 1), "abab!2");
    let message = panic_message(|| panics_mid_format("héllo".into(), vec![1, 2], 5));
    assert!(
        message.contains("index out of bounds: the len is 2 but the index is 5"),
        "{message}"
    );
    assert_no_leaks();
}

/// A runtime width above `u16::MAX`: std panics ("Formatting argument out of range").
#[jit]
fn huge_runtime_width(w: usize) -> String {
    format!("{:w$}", 1)
}

/// The same with a `String` argument lent to the format when it panics.
#[jit]
fn huge_width_of_text(s: String, w: usize) -> String {
    format!("{s}{:>w$}", s)
}

/// A runtime width above `u16::MAX` aborted the process (std's panic inside the
/// `extern "C"` helper); generated code now checks it first and panics as std does.
#[test]
fn fixed_huge_runtime_width_panics_as_std() {
    let _m = memory_test();
    assert_eq!(huge_runtime_width(5), "    1");
    assert_eq!(huge_runtime_width(65_535).len(), 65_535);
    assert_eq!(huge_width_of_text("é".into(), 3), "é  é");
    let message = panic_message(|| huge_width_of_text("é".into(), 65_536));
    assert!(
        message.contains("Formatting argument out of range"),
        "{message}"
    );
    let message = panic_message(|| huge_runtime_width(70_000));
    assert!(
        message.contains("Formatting argument out of range"),
        "{message}"
    );
    assert_no_leaks();
}

/// A runtime precision above `u16::MAX`: std panics too.
#[jit]
fn huge_runtime_precision(p: usize) -> String {
    format!("{:.p$}", 1.5)
}

#[test]
fn fixed_huge_runtime_precision_panics_as_std() {
    let _m = memory_test();
    let message = panic_message(|| huge_runtime_precision(70_000));
    assert!(
        message.contains("Formatting argument out of range"),
        "{message}"
    );
    assert_no_leaks();
}

#[test]
fn ok_format_into_its_own_argument() {
    let _m = memory_test();
    for (s, n) in [("", 3), ("é", 4), ("ab日", 2)] {
        assert_eq!(self_append(s.into(), n), rust::self_append(s.into(), n));
        assert_eq!(temporaries(s, n as i64), rust::temporaries(s, n as i64));
    }
    assert_no_leaks();
}

#[jit]
fn generic_pad<T: std::fmt::Display>(x: T) -> String {
    format!("[{:>6.2}] [{x:é^7}] [{}]", x, x.to_string())
}

fn rust_generic_pad<T: std::fmt::Display>(x: T) -> String {
    format!("[{:>6.2}] [{x:é^7}] [{}]", x, x.to_string())
}

#[test]
fn ok_generic_instances_of_text_and_numbers() {
    let _m = memory_test();
    assert_eq!(
        generic_pad(String::from("日本語x")),
        rust_generic_pad(String::from("日本語x"))
    );
    assert_eq!(generic_pad(2.345f32), rust_generic_pad(2.345f32));
    assert_eq!(generic_pad(u64::MAX), rust_generic_pad(u64::MAX));
    assert_eq!(generic_pad('é'), rust_generic_pad('é'));
    assert_no_leaks();
}
