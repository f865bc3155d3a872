//! Review of the valid-Rust fixes: operators on borrowed primitives (`a + &b`, `&a < &b`,
//! `-&a`, std's `impl Add<&i64> for i64` & co.), `<T>::f()` with trait paths and in
//! classes, and a loop's `&String` added in nested loops; each run against the same code
//! built as plain Rust, with `stats()` balanced.

use crate::{balanced_since, memory_test};
use jitclass::{jit, jitclass};

/// `#[jit] fn $jit` and the plain Rust `fn $rust`, from one body.
macro_rules! twice {
    ($jit:ident, $rust:ident, fn($($p:ident: $t:ty),*) -> $r:ty $body:block) => {
        #[jit]
        fn $jit($($p: $t),*) -> $r $body
        #[allow(clippy::all, unused_variables, unused_mut)]
        fn $rust($($p: $t),*) -> $r $body
    };
}

// ---- operators on borrowed primitives ------------------------------------------------------

twice!(borrowed_arithmetic, rust_borrowed_arithmetic, fn(a: i64, b: i64, s: u32) -> (i64, i64, i64, i64, i64) {
    let mut t = a;
    t += &b;
    t -= &(b * 2);
    t *= &3;
    t <<= &s;
    let u = &a + &b * a - &b / &a % b;
    let v = (a & &b) | (&a ^ b);
    (u, v, t, -&a + (a << &s) + (&a >> s), !&a)
});

twice!(borrowed_floats, rust_borrowed_floats, fn(x: f64, y: f64, p: bool, q: bool) -> (f64, bool, bool, f64) {
    let z = &x * y + x / &y;
    (z, &p & q, !&p | (&x <= &y), -&x)
});

twice!(borrowed_comparisons, rust_borrowed_comparisons, fn(a: i64, b: i64, c: char, d: char) -> (bool, bool, bool, bool) {
    (&a < &b, &c == &d, &c < &d, &(a + 1) != &b)
});

#[jitclass]
pub struct Acc {
    pub n: i64,
    pub k: i64,
}

#[jitclass]
impl Acc {
    pub fn new(n: i64, k: i64) -> Acc {
        Acc { n, k }
    }
    pub fn step(&mut self) -> i64 {
        self.n += &self.k;
        self.k = &self.n * &2;
        self.n + &self.k
    }
    pub fn parts(&self) -> (i64, i64) {
        (self.n, self.k)
    }
}

#[allow(clippy::all)]
mod rust_acc {
    pub struct Acc {
        pub n: i64,
        pub k: i64,
    }

    impl Acc {
        pub fn step(&mut self) -> i64 {
            self.n += &self.k;
            self.k = &self.n * &2;
            self.n + &self.k
        }
    }
}

// ---- a loop's `&String` added in nested loops ----------------------------------------------

twice!(nested_appends, rust_nested_appends, fn(v: &Vec<String>) -> (String, usize) {
    let mut out = String::new();
    let mut total = 0;
    for s in v {
        for t in v {
            out += s;
            out = out + t + "-";
            total += t.len();
        }
        total += s.len();
        out += s;
    }
    (out, total)
});

// ---- `<T>::f()` with traits ----------------------------------------------------------------

twice!(qualified_trait_calls, rust_qualified_trait_calls, fn(x: i64) -> (i64, i64, f64, String) {
    let b = <i64 as Default>::default();
    let c = <f64 as Default>::default();
    let s = <String>::from("ab");
    (x + b, <i64>::min(x, 3), c, s)
});

#[jitclass]
pub struct Pt {
    pub x: i64,
}

#[jitclass]
impl Pt {
    pub fn new(x: i64) -> Pt {
        Pt { x }
    }
    pub fn origin() -> Pt {
        Pt { x: 0 }
    }
    pub fn twin(&self) -> Pt {
        let mut p = <Self>::origin();
        p.x = self.x + <i64>::default();
        p
    }
    pub fn get(&self) -> i64 {
        self.x
    }
}

#[test]
fn review_s31_valid_borrowed_operands() {
    for (a, b, s) in [(7, 3, 2), (-5, 4, 0), (1, 1, 5)] {
        assert_eq!(
            borrowed_arithmetic(a, b, s),
            rust_borrowed_arithmetic(a, b, s)
        );
        assert_eq!(
            borrowed_comparisons(a, b, 'a', 'b'),
            rust_borrowed_comparisons(a, b, 'a', 'b')
        );
    }
    for (x, y) in [(1.5, 2.5), (-3.0, 0.5)] {
        assert_eq!(
            borrowed_floats(x, y, true, false),
            rust_borrowed_floats(x, y, true, false)
        );
    }
}

#[test]
fn review_s31_valid_borrowed_fields() {
    let _memory = memory_test();
    let before = jitclass::stats();
    {
        let mut a = Acc::new(1, 2);
        let mut r = rust_acc::Acc { n: 1, k: 2 };
        for _ in 0..3 {
            assert_eq!(a.step(), r.step());
        }
        assert_eq!(a.parts(), (r.n, r.k));
    }
    assert!(balanced_since(&before));
}

#[test]
fn review_s31_valid_nested_appends() {
    let _memory = memory_test();
    let before = jitclass::stats();
    let v = vec!["a".to_string(), "bc".to_string()];
    assert_eq!(nested_appends(&v), rust_nested_appends(&v));
    assert_eq!(nested_appends(&Vec::new()), (String::new(), 0));
    assert!(balanced_since(&before));
}

#[test]
fn review_s31_valid_qualified_trait_calls() {
    let _memory = memory_test();
    let before = jitclass::stats();
    for x in [-2, 9] {
        assert_eq!(qualified_trait_calls(x), rust_qualified_trait_calls(x));
    }
    {
        let p = Pt::new(4);
        assert_eq!(p.twin().get(), 4);
    }
    assert!(balanced_since(&before));
}

// `a + &b` on numbers, once refused (the ui case strings/number_plus_borrow).
twice!(number_plus_borrow, rust_number_plus_borrow, fn(a: i64, b: i64) -> i64 {
    a + &b
});

#[test]
fn review_s31_valid_number_plus_borrow() {
    assert_eq!(number_plus_borrow(2, 40), rust_number_plus_borrow(2, 40));
}
