//! `format!` in jit code (issue 16) and `x.to_string()` of numbers, `bool` and `char`:
//! each jit fn beside the same Rust (`rust::*`, written once by `twins!`), the texts
//! compared with rustc's build over a table of values, the memory runtime balanced.

// The twins format literals and values as the table says, even where clippy knows a
// shorter way.
#![allow(
    clippy::useless_format,
    clippy::uninlined_format_args,
    clippy::format_in_format_args
)]

use crate::{assert_no_leaks, memory_test};
use jitclass::jit;

/// Each fn twice from one body: a `#[jit]` fn, and the plain Rust fn `rust::name`.
macro_rules! twins {
    ($(fn $name:ident$(<$g:ident: $bound:path>)?($($p:ident: $t:ty),* $(,)?) -> $r:ty $body:block)*) => {
        $(
            #[jit]
            fn $name$(<$g: $bound>)?($($p: $t),*) -> $r $body
        )*
        mod rust {
            $(
                pub fn $name$(<$g: $bound>)?($($p: $t),*) -> $r $body
            )*
        }
    };
}

twins! {
    fn ints(x: i32, u: u8, w: i64, z: usize) -> String {
        format!(
            "[{}] [{:5}] [{:<5}] [{:^7}] [{:>5}] [{:*>8}] [{:+}] [{:05}] [{:x}] [{:X}] [{:#x}] [{:b}] [{:#o}] [{:#010b}] [{:e}] [{:?}] [{u}] [{:x}] [{w:+}] [{z:E}]",
            x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, u
        )
    }

    fn floats(x: f64, y: f32) -> String {
        format!(
            "[{}] [{:.3}] [{:08.2}] [{:+.1}] [{:e}] [{:E}] [{:?}] [{:10.4}] [{:<10}] [{:^10.1}] [{:-^12e}] [{}] [{:?}] [{:.0}]",
            x, x, x, x, x, x, x, x, x, x, x, y, y, y
        )
    }

    fn texts(s: &str, t: String, c: char, b: bool) -> String {
        format!(
            "[{}] [{:>8}] [{:.2}] [{:*^9.3}] [{:?}] [{}] [{:<6}] [{:?}] [{}] [{:?}] [{:>4}] [{:6}] [{b:?}] [{t:?}] [{s:_>10?}]",
            s, s, s, t, s, t, t, c, c, b, c, b
        )
    }

    fn positions(a: i32, b: &str, w: usize, p: usize) -> String {
        let name = "cap";
        format!(
            "{:.*}|{3} {2} {3:?} {2:>4$}|{a:>w$}|{b:w$.p$}|{x}|{name}|{{}}|{2:>width$.prec$}|{:?}",
            2,
            1.23456,
            a,
            b,
            w,
            x = a * 2,
            width = w,
            prec = p
        )
    }

    fn plain(n: i32) -> String {
        let s = format!("no placeholders");
        let t = format!("{{{}}}", n);
        format!("{s} {t} {}", format!("{n}{n}"))
    }

    fn conversions(n: i64, x: f64, c: char, b: bool, u: u8) -> (String, String, String, String, String) {
        (n.to_string(), x.to_string(), c.to_string(), b.to_string(), u.to_string())
    }

    fn owned_args(s: String) -> (String, String, usize) {
        // `format!` borrows its arguments: `s` is still there after.
        let a = format!("{s}-{}", s);
        let b = format!("{}", s.clone());
        (a, b, s.len())
    }

    fn in_loop(n: usize) -> String {
        let mut out = String::new();
        for i in 0..n {
            out.push_str(&format!("{i:>3}:{:.1};", i as f64 / 3.0));
        }
        out
    }

    fn generic<T: std::fmt::Display>(x: T) -> String {
        format!("<{x}> <{:>6}>", x)
    }
}

#[test]
fn integers_as_rustc_formats_them() {
    let _m = memory_test();
    for (x, u, w, z) in [
        (0, 0u8, 0i64, 0usize),
        (42, 255, -7, 1500),
        (-42, 7, i64::MAX, usize::MAX),
        (i32::MIN, 128, i64::MIN, 1),
        (i32::MAX, 1, 123_456_789, 1_000_000),
    ] {
        assert_eq!(ints(x, u, w, z), rust::ints(x, u, w, z), "{x} {u} {w} {z}");
    }
    assert_no_leaks();
}

#[test]
fn floats_as_rustc_formats_them() {
    let _m = memory_test();
    for (x, y) in [
        (0.0, 0.0f32),
        (-0.0, -0.0),
        (5.4321789, 2.5),
        (-1234.5678, 1e-7),
        (1e300, f32::MAX),
        (0.1 + 0.2, 0.1),
        (f64::NAN, f32::INFINITY),
        (f64::NEG_INFINITY, f32::MIN_POSITIVE),
        (2.5, 0.5),
        (1e-10, 100.0),
    ] {
        assert_eq!(floats(x, y), rust::floats(x, y), "{x} {y}");
    }
    assert_no_leaks();
}

#[test]
fn text_as_rustc_formats_it() {
    let _m = memory_test();
    for (s, t, c, b) in [
        ("", "", 'a', true),
        ("héllo", "wörld", 'é', false),
        ("tab\there \"q\" \\ \n", "\u{7f}\u{200b}", '\'', true),
        ("😀x", "日本語", '\n', false),
        ("a", "b", '"', true),
    ] {
        assert_eq!(
            texts(s, t.to_string(), c, b),
            rust::texts(s, t.to_string(), c, b),
            "{s:?} {t:?} {c:?}"
        );
    }
    assert_no_leaks();
}

#[test]
fn positions_names_captures_and_counts() {
    let _m = memory_test();
    for (a, b, w, p) in [(5, "abcdef", 8, 3), (-3, "", 0, 0), (123456, "xy", 2, 10)] {
        assert_eq!(positions(a, b, w, p), rust::positions(a, b, w, p));
    }
    assert_eq!(plain(7), rust::plain(7));
    assert_no_leaks();
}

#[test]
fn to_string_of_scalars() {
    let _m = memory_test();
    for (n, x, c, b, u) in [
        (0, 0.0, 'a', true, 0),
        (-5, 1.5, 'é', false, 255),
        (i64::MIN, 1e21, '😀', true, 7),
        (9, f64::NAN, '\n', false, 10),
        (1, 0.1 + 0.2, ' ', true, 1),
    ] {
        assert_eq!(conversions(n, x, c, b, u), rust::conversions(n, x, c, b, u));
    }
    assert_no_leaks();
}

#[test]
fn arguments_are_borrowed_and_temporaries_dropped() {
    let _m = memory_test();
    for s in ["", "abc", "héllo wörld"] {
        assert_eq!(owned_args(s.to_string()), rust::owned_args(s.to_string()));
    }
    assert_eq!(in_loop(12), rust::in_loop(12));
    assert_no_leaks();
}

#[test]
fn generic_bodies_format_each_instance() {
    let _m = memory_test();
    assert_eq!(generic(5i32), rust::generic(5i32));
    assert_eq!(generic(2.5f64), rust::generic(2.5f64));
    assert_eq!(generic('x'), rust::generic('x'));
    assert_eq!(generic(true), rust::generic(true));
    assert_no_leaks();
}

#[jitclass::jitclass]
struct Tagged {
    n: i64,
}

#[jitclass::jitclass]
impl Tagged {
    pub fn new(n: i64) -> Tagged {
        Tagged { n }
    }
}

/// rustc accepts `{:?}` of a class's handle (it is `Debug`); jit code cannot format an
/// instance yet, so the first call says so instead of formatting something else.
#[jit]
fn debug_of_instance(t: Tagged) -> String {
    format!("{:?}", t)
}

#[test]
fn an_instance_is_refused_at_the_first_call() {
    let _m = memory_test();
    let message = crate::panic_message(|| debug_of_instance(Tagged::new(3)));
    assert!(message.contains("doesn't implement `Debug`"), "{message}");
    assert_no_leaks();
}
