//! Review probes of `==` / `!=` / `<`..`>=` on `Option`s and tuples in jit code, each jit
//! fn beside rustc's build of the same body (`rs::*`), the memory runtime balanced.

#![allow(
    clippy::type_complexity,
    clippy::op_ref,
    clippy::partialeq_to_none,
    clippy::neg_cmp_op_on_partial_ord,
    // The probes compare booleans by order and a value with itself, as users may.
    clippy::bool_comparison,
    clippy::eq_op
)]

use crate::{balanced_since, memory_test, panic_message};
use jitclass::{jit, jitclass};

macro_rules! twins {
    ($(fn $name:ident($($p:ident: $t:ty),* $(,)?) -> $r:ty $body:block)*) => {
        $(
            #[jit]
            fn $name($($p: $t),*) -> $r $body
        )*
        mod rs {
            #[allow(unused_imports)]
            use super::plain::*;
            $(
                pub fn $name($($p: $t),*) -> $r $body
            )*
        }
    };
}

/// A class whose `eq` compares against another class, counting calls in a field.
#[jitclass]
pub struct Tag {
    pub x: i64,
}

#[jitclass]
impl Tag {
    pub fn new(x: i64) -> Tag {
        Tag { x }
    }
}

#[jitclass]
impl PartialEq for Tag {
    fn eq(&self, other: &Tag) -> bool {
        if self.x < 0 {
            panic!("Tag::eq of {} and {}", self.x, other.x);
        }
        self.x == other.x
    }
}

mod plain {
    pub struct Tag {
        pub x: i64,
    }

    impl Tag {
        pub fn new(x: i64) -> Tag {
            Tag { x }
        }
    }

    impl PartialEq for Tag {
        fn eq(&self, other: &Tag) -> bool {
            if self.x < 0 {
                panic!("Tag::eq of {} and {}", self.x, other.x);
            }
            self.x == other.x
        }
    }
}

twins! {
    fn float_tuple_ord(a: f64, b: i64, c: f64, d: i64) -> (bool, bool, bool, bool, bool, bool) {
        let x = (a, b);
        let y = (c, d);
        (x < y, x <= y, x > y, x >= y, x == y, x != y)
    }

    fn float_tuple_ord_last(a: i64, b: f64, c: i64, d: f64) -> (bool, bool, bool, bool) {
        let x = (a, b);
        let y = (c, d);
        (x < y, x <= y, x > y, x >= y)
    }

    fn option_float_ord(x: Option<f64>, y: Option<f64>) -> (bool, bool, bool, bool, bool, bool) {
        (x < y, x <= y, x > y, x >= y, x == y, x != y)
    }

    fn option_tuple_ord(a: Option<(f64, i64)>, b: Option<(f64, i64)>) -> (bool, bool, bool, bool, bool, bool) {
        (a < b, a <= b, a > b, a >= b, a == b, a != b)
    }

    fn tuple_option_ord(a: (Option<f64>, i64), b: (Option<f64>, i64)) -> (bool, bool, bool, bool) {
        (a < b, a <= b, a > b, a >= b)
    }

    fn option_option(x: Option<Option<f64>>, y: Option<Option<f64>>) -> (bool, bool, bool, bool, bool, bool) {
        (x == y, x != y, x < y, x <= y, x > y, x >= y)
    }

    fn deep(a: i64, b: f64, c: i64, d: f64) -> (bool, bool, bool, bool) {
        let x = (a, (b, (a, Some(b))));
        let y = (c, (d, (c, Some(d))));
        (x == y, x != y, x < y, x >= y)
    }

    fn f32s(a: f32, b: f32) -> (bool, bool, bool, bool) {
        let x = (Some(a), a);
        let y = (Some(b), b);
        (x == y, x < y, x <= y, x > y)
    }

    fn extremes(a: u64, b: u64, c: i64, d: i64) -> (bool, bool, bool, bool, bool, bool) {
        let x = (a, c);
        let y = (b, d);
        (x < y, x <= y, x > y, x >= y, Some(a) < Some(b), Some(c) > Some(d))
    }

    fn small_ints(a: u8, b: u8, c: i8, d: i8, e: u32, f: u32) -> (bool, bool, bool, bool) {
        ((a, c, e) < (b, d, f), (a, c, e) >= (b, d, f), Some(c) < Some(d), Some(e) > Some(f))
    }

    fn chars_bools(a: char, b: char, p: bool, q: bool) -> (bool, bool, bool, bool, bool, bool) {
        ((a, p) < (b, q), (a, p) == (b, q), Some(a) >= Some(b), Some(p) < Some(q), (p, a) > (q, b), p < q)
    }

    fn big_tuple(a: i64, b: i64) -> (bool, bool, bool) {
        let x = (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, a);
        let y = (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, b);
        (x == y, x < y, x >= y)
    }

    fn text_tuples(s: String, t: String) -> (bool, bool, bool, bool) {
        let x = (s.clone(), 1);
        let y = (t.clone(), 1);
        let a = Some(s);
        let b = Some(t);
        (x == y, x < y, a > b, a <= b)
    }

    fn str_opts(s: &str, t: &str) -> (bool, bool, bool) {
        let a = Some(s);
        let b = Some(t);
        (a == b, a < b, (a, s) >= (b, t))
    }

    fn moved_after(s: String, t: String) -> (bool, usize) {
        let a = Some(s);
        let b = Some(t);
        let e = a == b;
        let n = match a { Some(x) => x.len(), None => 0 } + match b { Some(y) => y.len(), None => 0 };
        (e, n)
    }

    fn moved_tuple_after(s: String, t: String) -> (bool, String) {
        let a = (s, 1);
        let b = (t, 1);
        let e = a != b;
        let (x, _) = a;
        let (y, _) = b;
        (e, x + &y)
    }

    fn contains_opt(v: Vec<Option<i64>>, k: i64) -> (bool, bool) {
        (v.contains(&Some(k)), v.contains(&None))
    }

    fn tags(a: i64, b: i64, c: i64, d: i64) -> (bool, bool) {
        let x = (Some(Tag::new(a)), Tag::new(b));
        let y = (Some(Tag::new(c)), Tag::new(d));
        (x == y, x != y)
    }

    fn unit_eq(a: i64) -> (bool, bool) {
        (((), a) == ((), a), Some(()) == None)
    }
}

#[jit]
fn gen_eq<T: PartialEq>(a: Option<T>, b: Option<T>) -> (bool, bool) {
    (a == b, a != b)
}

#[jit]
fn gen_ord<T: PartialOrd>(a: (T, T), b: (T, T)) -> (bool, bool) {
    (a < b, a >= b)
}

const FLOATS: [f64; 6] = [f64::NAN, 1.0, -0.0, 0.0, f64::INFINITY, -1.0];

#[test]
fn floats_in_tuples_and_options_are_rustcs() {
    for a in FLOATS {
        for c in FLOATS {
            for (b, d) in [(1, 2), (2, 1), (1, 1)] {
                assert_eq!(
                    float_tuple_ord(a, b, c, d),
                    rs::float_tuple_ord(a, b, c, d),
                    "{a} {b} {c} {d}"
                );
                assert_eq!(
                    float_tuple_ord_last(b, a, d, c),
                    rs::float_tuple_ord_last(b, a, d, c),
                    "{a} {b} {c} {d}"
                );
                let x = Some((a, b));
                let y = Some((c, d));
                for (x, y) in [(x, y), (None, y), (x, None)] {
                    assert_eq!(
                        option_tuple_ord(x, y),
                        rs::option_tuple_ord(x, y),
                        "{x:?} {y:?}"
                    );
                }
                let x = (Some(a), b);
                let y = (Some(c), d);
                for (x, y) in [(x, y), ((None, b), y), (x, (None, d))] {
                    assert_eq!(
                        tuple_option_ord(x, y),
                        rs::tuple_option_ord(x, y),
                        "{x:?} {y:?}"
                    );
                }
                assert_eq!(deep(b, a, d, c), rs::deep(b, a, d, c), "{a} {b} {c} {d}");
            }
            assert_eq!(
                f32s(a as f32, c as f32),
                rs::f32s(a as f32, c as f32),
                "{a} {c}"
            );
        }
    }
    let opts: Vec<Option<f64>> = std::iter::once(None)
        .chain(FLOATS.iter().map(|f| Some(*f)))
        .collect();
    for &x in &opts {
        for &y in &opts {
            assert_eq!(
                option_float_ord(x, y),
                rs::option_float_ord(x, y),
                "{x:?} {y:?}"
            );
        }
    }
    let oo = [
        None,
        Some(None),
        Some(Some(f64::NAN)),
        Some(Some(1.0)),
        Some(Some(-0.0)),
        Some(Some(0.0)),
    ];
    for x in oo {
        for y in oo {
            assert_eq!(option_option(x, y), rs::option_option(x, y), "{x:?} {y:?}");
        }
    }
}

#[test]
fn integers_chars_bools_are_rustcs() {
    let us = [0, 1, u64::MAX, u64::MAX - 1, 1 << 63];
    let is = [i64::MIN, -1, 0, i64::MAX];
    for a in us {
        for b in us {
            for c in is {
                for d in is {
                    assert_eq!(
                        extremes(a, b, c, d),
                        rs::extremes(a, b, c, d),
                        "{a} {b} {c} {d}"
                    );
                }
            }
        }
    }
    let u8s = [0u8, 200, 255];
    let i8s = [i8::MIN, -1, 1];
    let u32s = [0u32, u32::MAX];
    for a in u8s {
        for b in u8s {
            for c in i8s {
                for d in i8s {
                    for e in u32s {
                        for f in u32s {
                            assert_eq!(
                                small_ints(a, b, c, d, e, f),
                                rs::small_ints(a, b, c, d, e, f)
                            );
                        }
                    }
                }
            }
        }
    }
    let cs = ['a', 'é', '\u{10FFFF}', '\0'];
    for a in cs {
        for b in cs {
            for p in [false, true] {
                for q in [false, true] {
                    assert_eq!(
                        chars_bools(a, b, p, q),
                        rs::chars_bools(a, b, p, q),
                        "{a:?} {b:?} {p} {q}"
                    );
                }
            }
        }
    }
    for (a, b) in [(1, 1), (1, 2), (2, 1), (i64::MIN, i64::MAX)] {
        assert_eq!(big_tuple(a, b), rs::big_tuple(a, b));
    }
    assert_eq!(unit_eq(3), rs::unit_eq(3));
}

#[test]
fn texts_and_moves_are_rustcs() {
    let _m = memory_test();
    let before = jitclass::stats();
    {
        let texts = ["", "a", "ab", "b", "é", "\u{10FFFF}", "a\0"];
        for s in texts {
            for t in texts {
                let (ss, tt) = (s.to_string(), t.to_string());
                assert_eq!(
                    text_tuples(ss.clone(), tt.clone()),
                    rs::text_tuples(ss.clone(), tt.clone()),
                    "{s:?} {t:?}"
                );
                assert_eq!(str_opts(s, t), rs::str_opts(s, t), "{s:?} {t:?}");
                assert_eq!(
                    moved_after(ss.clone(), tt.clone()),
                    rs::moved_after(ss.clone(), tt.clone())
                );
                assert_eq!(
                    moved_tuple_after(ss.clone(), tt.clone()),
                    rs::moved_tuple_after(ss, tt)
                );
            }
        }
        let v = vec![Some(1), None, Some(3)];
        for k in [1, 2, 3] {
            assert_eq!(contains_opt(v.clone(), k), rs::contains_opt(v.clone(), k));
        }
        assert_eq!(contains_opt(vec![Some(3)], 3), (true, false));
    }
    assert!(balanced_since(&before));
}

#[test]
fn class_eq_against_rustc() {
    let _m = memory_test();
    let before = jitclass::stats();
    {
        for (a, b, c, d) in [
            (1, 2, 1, 2),
            (1, 2, 1, 3),
            (1, -5, 2, 0),
            (-1, 2, 3, 4),
            (1, -2, 1, 0),
        ] {
            match std::panic::catch_unwind(|| rs::tags(a, b, c, d)) {
                Ok(r) => assert_eq!(tags(a, b, c, d), r, "{a} {b} {c} {d}"),
                Err(_) => {
                    let jit = panic_message(|| tags(a, b, c, d));
                    let rust = panic_message(|| rs::tags(a, b, c, d));
                    assert_eq!(jit.lines().next().unwrap(), rust, "{a} {b} {c} {d}");
                }
            }
        }
    }
    assert!(balanced_since(&before));
}

#[test]
fn generic_bodies() {
    let _m = memory_test();
    let before = jitclass::stats();
    {
        assert_eq!(gen_eq(Some(1i64), Some(1)), (true, false));
        assert_eq!(gen_eq(Some(f64::NAN), Some(f64::NAN)), (false, true));
        assert_eq!(gen_eq(None::<i32>, None), (true, false));
        assert_eq!(
            gen_eq(Some("a".to_string()), Some("a".to_string())),
            (true, false)
        );
        assert_eq!(gen_ord((1.0, f64::NAN), (1.0, 2.0)), (false, false));
        assert_eq!(gen_ord((f64::NAN, 1.0), (1.0, 2.0)), (false, false));
        assert_eq!(gen_ord((1u64, 2), (1, 3)), (true, false));
    }
    assert!(balanced_since(&before));
}

/// Unbounded generic bodies are typed per instantiation (book, generics.md: jitclass does
/// not require the bounds rustc would; rustc refuses these bodies with E0369).
#[jit]
fn unbound_eq<T>(a: Option<T>, b: Option<T>) -> bool {
    a == b
}

#[jit]
fn unbound_ord<T>(a: (T, i64), b: (T, i64)) -> bool {
    a < b
}

#[jitclass]
pub struct NoEq {
    pub x: i64,
}

#[jitclass]
impl NoEq {
    pub fn new(x: i64) -> NoEq {
        NoEq { x }
    }
}

#[test]
fn unbound_generic_bodies_per_instantiation() {
    let _m = memory_test();
    let before = jitclass::stats();
    {
        assert!(unbound_eq(Some(1i64), Some(1)));
        assert!(!unbound_eq(Some(f64::NAN), Some(f64::NAN)));
        assert!(!unbound_ord((f64::NAN, 1), (1.0, 2)));
        assert!(unbound_ord((1.0, 1), (1.0, 2)));
        let message = panic_message(|| unbound_eq(Some(NoEq::new(1)), None));
        assert!(!message.contains("__jitclass"), "{message}");
        assert!(message.contains("NoEq"), "{message}");
    }
    assert!(balanced_since(&before));
}
