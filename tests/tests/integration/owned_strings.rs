//! `String` in jit code (issue 16): locals, parameters and results crossing as std's
//! `String` (its buffer handed over), the constructors and methods of std's `String`, the
//! methods of `&str` it derefs to, comparisons, and the lend that keeps a `&str` of a
//! `String` from seeing a change; each jit fn beside the same Rust (`rust::*`, written
//! once by `twins!`), results compared, the memory runtime balanced.

// The twins call the methods under test even where clippy knows a shorter way, and
// compare tuples of results.
#![allow(
    clippy::type_complexity,
    clippy::unnecessary_to_owned,
    clippy::needless_as_bytes
)]

use crate::{assert_no_leaks, memory_test};
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
    fn build(n: usize) -> String {
        let mut s = String::new();
        for i in 0..n {
            if i % 3 == 0 {
                s.push_str("ab");
            } else {
                s.push('é');
            }
            s.push('😀');
        }
        s
    }

    fn grow(s: String, t: &str) -> (String, usize, bool) {
        let mut s = s;
        let empty = s.is_empty();
        s.push_str(t);
        s.push_str(&t.to_string());
        let n = s.len();
        (s, n, empty)
    }

    fn constructors(t: &str) -> (String, String, String, String, usize) {
        let a = String::from(t);
        let b = t.to_string();
        let c = t.to_owned();
        let mut d = String::with_capacity(10);
        let cap = d.capacity();
        d.push_str(&a);
        d.push_str(b.as_str());
        (a, c, d, b.to_string(), cap)
    }

    fn derefs(s: String) -> (usize, usize, bool, bool, Option<usize>, usize, usize) {
        let mut words = 0;
        for _ in s.split_whitespace() {
            words += 1;
        }
        let mut alpha = 0;
        for c in s.chars() {
            if c.is_alphabetic() {
                alpha += 1;
            }
        }
        let t = s.trim();
        (
            words,
            alpha,
            s.contains("é"),
            s.starts_with(' '),
            s.find('o'),
            t.len(),
            s.as_bytes().len() + s.as_str().len(),
        )
    }

    fn compare(a: String, b: String, c: &str) -> ((bool, bool, bool, bool, bool, bool), (bool, bool, bool)) {
        (
            (a == b, a != b, a < b, a <= b, a > b, a >= b),
            (a == c, c == b, a != c),
        )
    }

    fn parse_sum(s: String) -> i64 {
        let mut total = 0;
        for field in s.split(',') {
            total += field.trim().parse::<i64>().ok().unwrap_or(0);
        }
        total
    }

    fn cleared(s: String) -> (String, usize, bool, String) {
        let mut s = s;
        let copy = s.clone();
        s.clear();
        let n = s.len();
        (s, n, copy.is_empty(), copy)
    }

    fn sliced(s: String, a: usize, b: usize) -> (usize, String) {
        let part = &s[a..b];
        (part.len() + s[a..].len(), part.to_string())
    }
}

const TEXTS: [&str; 8] = [
    "",
    " ",
    "x y",
    "  héllo wörld \t",
    "1, 2, x, 40",
    "€uro 𝄞 clef",
    "a,b,,c,",
    "\u{3000}wide\u{a0}spaces",
];

#[test]
fn strings_are_built_as_std_builds_them() {
    let _m = memory_test();
    for n in [0, 1, 2, 7, 100] {
        assert_eq!(build(n), rust::build(n));
    }
    assert_no_leaks();
}

#[test]
fn strings_grow_as_std_s() {
    let _m = memory_test();
    for s in TEXTS {
        for t in ["", "ab", "€𝄞"] {
            assert_eq!(grow(s.to_string(), t), rust::grow(s.to_string(), t));
        }
    }
    assert_no_leaks();
}

#[test]
fn strings_are_made_as_std_makes_them() {
    let _m = memory_test();
    for s in TEXTS {
        assert_eq!(constructors(s), rust::constructors(s));
    }
    assert_no_leaks();
}

#[test]
fn strings_clear_as_std_s() {
    let _m = memory_test();
    for s in TEXTS {
        assert_eq!(cleared(s.to_string()), rust::cleared(s.to_string()));
    }
    assert_no_leaks();
}

#[test]
fn a_string_has_the_methods_of_str() {
    let _m = memory_test();
    for s in TEXTS {
        assert_eq!(derefs(s.to_string()), rust::derefs(s.to_string()), "{s:?}");
        assert_eq!(parse_sum(s.to_string()), rust::parse_sum(s.to_string()));
        for t in TEXTS {
            let (a, b) = (s.to_string(), t.to_string());
            assert_eq!(
                compare(a.clone(), b.clone(), t),
                rust::compare(a, b, t),
                "{s:?} / {t:?}"
            );
        }
    }
    let s = "héllo wörld";
    for a in 0..=s.len() {
        for b in a..=s.len() {
            if s.is_char_boundary(a) && s.is_char_boundary(b) {
                assert_eq!(
                    sliced(s.to_string(), a, b),
                    rust::sliced(s.to_string(), a, b)
                );
            }
        }
    }
    assert_no_leaks();
}

#[test]
fn a_string_crosses_by_its_buffer() {
    let _m = memory_test();
    let s = String::with_capacity(64) + "abc";
    let ptr = s.as_ptr();
    let (back, n, _) = grow(s, "d");
    assert_eq!(n, 5);
    // The Rust buffer went in and came back: room for 64 bytes, so no reallocation.
    assert_eq!(back.as_ptr(), ptr);
    assert_eq!(back.capacity(), 64);
    assert_no_leaks();
}
