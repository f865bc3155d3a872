//! `==` / `!=` on `Option`s and tuples in jit code (and `<`, `<=`, `>`, `>=` on those of
//! numbers and text): each jit fn beside the same Rust (`rust::*`, written once by
//! `twins!`, classes there being plain structs of the same names in `plain`), results and
//! panic messages compared, the memory runtime balanced. A class's `eq` / `ne` panics
//! past 100, so that which impls std's `PartialEq` of `Option`s and tuples calls, and in
//! which order, shows in the message.

// The twins compare tuples of results.
// `Loud` defines `ne` to show which of `eq` / `ne` std's impls call.
#![allow(
    clippy::type_complexity,
    clippy::op_ref,
    clippy::partialeq_to_none,
    clippy::partialeq_ne_impl
)]

use crate::{balanced_since, memory_test, panic_message};
use jitclass::{jit, jitclass};

/// Each fn twice from one body: a `#[jit]` fn, and the plain Rust fn `rust::name` (whose
/// classes are `plain`'s structs).
macro_rules! twins {
    ($(fn $name:ident($($p:ident: $t:ty),* $(,)?) -> $r:ty $body:block)*) => {
        $(
            #[jit]
            fn $name($($p: $t),*) -> $r $body
        )*
        mod rust {
            #[allow(unused_imports)]
            use super::plain::*;
            $(
                pub fn $name($($p: $t),*) -> $r $body
            )*
        }
    };
}

/// A class deriving `PartialEq`.
#[jitclass]
#[derive(PartialEq)]
pub struct Pt {
    pub x: i64,
    pub name: String,
}

#[jitclass]
impl Pt {
    pub fn new(x: i64) -> Pt {
        Pt {
            x,
            name: x.to_string(),
        }
    }
}

/// A class whose own `eq` and `ne` panic past 100, naming themselves.
#[jitclass]
pub struct Loud {
    pub x: i64,
}

#[jitclass]
impl Loud {
    pub fn new(x: i64) -> Loud {
        Loud { x }
    }
}

#[jitclass]
impl PartialEq for Loud {
    fn eq(&self, other: &Loud) -> bool {
        if self.x > 100 {
            panic!("Loud::eq of {} and {}", self.x, other.x);
        }
        self.x == other.x
    }

    fn ne(&self, other: &Loud) -> bool {
        if self.x > 100 {
            panic!("Loud::ne of {} and {}", self.x, other.x);
        }
        self.x != other.x
    }
}

/// A class with an `eq` only (its `!=` is the provided `!eq`), panicking past 100.
#[jitclass]
pub struct Quiet {
    pub x: i64,
}

#[jitclass]
impl Quiet {
    pub fn new(x: i64) -> Quiet {
        Quiet { x }
    }
}

#[jitclass]
impl PartialEq for Quiet {
    fn eq(&self, other: &Quiet) -> bool {
        if self.x > 100 {
            panic!("Quiet::eq of {} and {}", self.x, other.x);
        }
        self.x == other.x
    }
}

/// The classes as plain Rust structs, for the twins.
mod plain {
    #[derive(PartialEq)]
    pub struct Pt {
        pub x: i64,
        pub name: String,
    }

    impl Pt {
        pub fn new(x: i64) -> Pt {
            Pt {
                x,
                name: x.to_string(),
            }
        }
    }

    pub struct Loud {
        pub x: i64,
    }

    impl Loud {
        pub fn new(x: i64) -> Loud {
            Loud { x }
        }
    }

    impl PartialEq for Loud {
        fn eq(&self, other: &Loud) -> bool {
            if self.x > 100 {
                panic!("Loud::eq of {} and {}", self.x, other.x);
            }
            self.x == other.x
        }

        fn ne(&self, other: &Loud) -> bool {
            if self.x > 100 {
                panic!("Loud::ne of {} and {}", self.x, other.x);
            }
            self.x != other.x
        }
    }

    pub struct Quiet {
        pub x: i64,
    }

    impl Quiet {
        pub fn new(x: i64) -> Quiet {
            Quiet { x }
        }
    }

    impl PartialEq for Quiet {
        fn eq(&self, other: &Quiet) -> bool {
            if self.x > 100 {
                panic!("Quiet::eq of {} and {}", self.x, other.x);
            }
            self.x == other.x
        }
    }
}

twins! {
    fn option_prims(x: Option<i64>, y: Option<i64>) -> (bool, bool, bool, bool, bool) {
        (x == y, x != y, x == Some(3), x != None, None == y)
    }

    fn option_floats(x: Option<f64>, y: Option<f64>) -> (bool, bool) {
        (x == y, x != y)
    }

    fn tuples(a: i64, b: f64, c: i64, d: f64) -> (bool, bool, bool, bool) {
        let x = (a, b);
        let y = (c, d);
        (x == y, x != y, (a, b, true) == (c, d, true), (a, (b, 'z')) != (c, (d, 'z')))
    }

    fn nested(a: Option<(i64, f64)>, b: Option<(i64, f64)>, s: String, t: String) -> (bool, bool, bool, bool) {
        let x = (a, s.clone());
        let y = (b, t.clone());
        let oo: Option<Option<i64>> = if a.is_some() { Some(None) } else { None };
        let pp: Option<Option<i64>> = Some(None);
        (a == b, x == y, x != y, oo == pp)
    }

    fn texts(s: Option<String>, t: Option<String>, u: &str) -> (bool, bool, bool, bool) {
        let a: Option<&str> = Some(u);
        let b: Option<&str> = if s.is_some() { Some("ab") } else { None };
        (s == t, s != t, a == b, (u, 1) == ("ab", 1))
    }

    fn instances(a: i64, b: i64, none_b: bool) -> (bool, bool, bool, bool) {
        let x = Some(Pt::new(a));
        let y = if none_b { None } else { Some(Pt::new(b)) };
        let p = (Pt::new(a), 1);
        let q = (Pt::new(b), 1);
        (x == y, x != y, p == q, (x, 2) == (y, 2))
    }

    fn loud_tuple_eq(a: i64, b: i64, c: i64, d: i64) -> bool {
        (Loud::new(a), Loud::new(b)) == (Loud::new(c), Loud::new(d))
    }

    fn loud_tuple_ne(a: i64, b: i64, c: i64, d: i64) -> bool {
        (Loud::new(a), Loud::new(b)) != (Loud::new(c), Loud::new(d))
    }

    fn loud_option_ne(a: i64, b: i64, none_b: bool) -> bool {
        let y = if none_b { None } else { Some(Loud::new(b)) };
        Some(Loud::new(a)) != y
    }

    fn loud_nested_ne(a: i64, b: i64) -> bool {
        (Some(Loud::new(a)), 1) != (Some(Loud::new(b)), 1)
    }

    fn quiet_tuple_ne(a: i64, b: i64, c: i64, d: i64) -> bool {
        (Quiet::new(a), Quiet::new(b)) != (Quiet::new(c), Quiet::new(d))
    }

    fn mixed_classes(a: i64, b: i64) -> (bool, bool) {
        let x = (Pt::new(a), Some(Quiet::new(b)));
        let y = (Pt::new(a), Some(Quiet::new(a)));
        (x == y, x != y)
    }

    fn orders(x: Option<i64>, y: Option<i64>, a: (i64, f64), b: (i64, f64)) -> (bool, bool, bool, bool, bool, bool, bool, bool) {
        (x < y, x <= y, x > y, x >= y, a < b, a <= b, a > b, a >= b)
    }

    fn text_orders(s: Option<String>, t: Option<String>, u: &str) -> (bool, bool, bool) {
        let p = (u, 2);
        let q = ("m", 1);
        (s < t, s >= t, p < q)
    }
}

#[test]
fn options_of_numbers_are_rustcs() {
    let vals = [None, Some(3), Some(-1)];
    for x in vals {
        for y in vals {
            assert_eq!(option_prims(x, y), rust::option_prims(x, y), "{x:?} {y:?}");
        }
    }
    let floats = [None, Some(1.5), Some(f64::NAN), Some(-0.0), Some(0.0)];
    for x in floats {
        for y in floats {
            assert_eq!(
                option_floats(x, y),
                rust::option_floats(x, y),
                "{x:?} {y:?}"
            );
        }
    }
}

#[test]
fn tuples_are_rustcs() {
    let ints = [1, 2];
    let floats = [0.5, f64::NAN];
    for a in ints {
        for c in ints {
            for b in floats {
                for d in floats {
                    assert_eq!(tuples(a, b, c, d), rust::tuples(a, b, c, d));
                }
            }
        }
    }
}

#[test]
fn nested_options_tuples_and_text_are_rustcs() {
    let _m = memory_test();
    let before = jitclass::stats();
    {
        let opts = [None, Some((1, 2.0)), Some((1, f64::NAN)), Some((2, 2.0))];
        let texts = ["", "ab", "é"];
        for a in opts {
            for b in opts {
                for s in texts {
                    for t in texts {
                        let (s, t) = (s.to_string(), t.to_string());
                        assert_eq!(nested(a, b, s.clone(), t.clone()), rust::nested(a, b, s, t));
                    }
                }
            }
        }
        let strings = [None, Some(String::new()), Some("ab".to_string())];
        for s in &strings {
            for t in &strings {
                for u in texts {
                    assert_eq!(
                        texts_of(s, t, u),
                        rust::texts(s.clone(), t.clone(), u),
                        "{s:?} {t:?} {u:?}"
                    );
                }
            }
        }
    }
    assert!(balanced_since(&before));
}

fn texts_of(s: &Option<String>, t: &Option<String>, u: &str) -> (bool, bool, bool, bool) {
    texts(s.clone(), t.clone(), u)
}

#[test]
fn instances_compare_by_their_class_eq() {
    let _m = memory_test();
    let before = jitclass::stats();
    {
        for (a, b, none_b) in [(1, 1, false), (1, 2, false), (1, 1, true)] {
            assert_eq!(instances(a, b, none_b), rust::instances(a, b, none_b));
        }
        for (a, b) in [(1, 1), (1, 2)] {
            assert_eq!(mixed_classes(a, b), rust::mixed_classes(a, b));
        }
    }
    assert!(balanced_since(&before));
}

/// The message of a jit fn's panic without the location jitclass adds on its next line.
fn jit_panic<R>(f: impl FnOnce() -> R) -> String {
    let message = panic_message(f);
    message.lines().next().unwrap_or_default().to_string()
}

#[test]
fn class_eq_and_ne_are_called_as_rustc_calls_them() {
    let _m = memory_test();
    let before = jitclass::stats();
    {
        // Short-circuits: the second element is compared only if the first is equal
        // (`==`) or unequal (`!=`) does not decide.
        let quads = [
            (1, 200, 2, 200),
            (1, 2, 1, 2),
            (1, 2, 1, 3),
            (200, 1, 200, 1),
            (1, 300, 1, 300),
        ];
        for (a, b, c, d) in quads {
            for (jit, rs) in [
                (
                    loud_tuple_eq as fn(i64, i64, i64, i64) -> bool,
                    rust::loud_tuple_eq as fn(i64, i64, i64, i64) -> bool,
                ),
                (loud_tuple_ne, rust::loud_tuple_ne),
                (quiet_tuple_ne, rust::quiet_tuple_ne),
            ] {
                let expected = std::panic::catch_unwind(|| rs(a, b, c, d));
                match expected {
                    Ok(r) => assert_eq!(jit(a, b, c, d), r, "{a} {b} {c} {d}"),
                    Err(_) => assert_eq!(
                        jit_panic(|| jit(a, b, c, d)),
                        panic_message(|| rs(a, b, c, d)),
                        "{a} {b} {c} {d}"
                    ),
                }
            }
        }
        // `Option`'s `!=` is `!eq` (never the class's `ne`), also inside a tuple's `!=`.
        for (a, b, none_b) in [(200, 1, false), (200, 1, true), (1, 1, false)] {
            match std::panic::catch_unwind(|| rust::loud_option_ne(a, b, none_b)) {
                Ok(r) => assert_eq!(loud_option_ne(a, b, none_b), r),
                Err(_) => assert_eq!(
                    jit_panic(|| loud_option_ne(a, b, none_b)),
                    panic_message(|| rust::loud_option_ne(a, b, none_b))
                ),
            }
        }
        assert_eq!(
            jit_panic(|| loud_nested_ne(200, 1)),
            panic_message(|| rust::loud_nested_ne(200, 1))
        );
        assert_eq!(loud_nested_ne(1, 2), rust::loud_nested_ne(1, 2));
    }
    assert!(balanced_since(&before));
}

#[test]
fn orderings_are_rustcs() {
    let _m = memory_test();
    let before = jitclass::stats();
    {
        let opts = [None, Some(-1), Some(4)];
        let pairs = [(1, 0.5), (1, f64::NAN), (2, 0.0), (1, -0.0), (1, 0.0)];
        for x in opts {
            for y in opts {
                for a in pairs {
                    for b in pairs {
                        assert_eq!(
                            orders(x, y, a, b),
                            rust::orders(x, y, a, b),
                            "{x:?} {y:?} {a:?} {b:?}"
                        );
                    }
                }
            }
        }
        let strings = [
            None,
            Some(String::new()),
            Some("b".to_string()),
            Some("ab".to_string()),
        ];
        for s in &strings {
            for t in &strings {
                for u in ["", "m", "z"] {
                    assert_eq!(
                        text_orders(s.clone(), t.clone(), u),
                        rust::text_orders(s.clone(), t.clone(), u)
                    );
                }
            }
        }
    }
    assert!(balanced_since(&before));
}
