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

    fn cases(s: &str) -> (String, String, String, String, (String, String)) {
        let owned = s.to_string();
        (
            s.to_lowercase(),
            s.to_uppercase(),
            owned.to_ascii_lowercase(),
            owned.to_ascii_uppercase(),
            (owned.to_uppercase(), owned.trim().to_lowercase()),
        )
    }

    fn replaced(s: String, from: &str, to: String) -> (String, String) {
        (s.replace(from, &to), s.as_str().replace("l", ""))
    }

    fn repeated(s: String, n: usize) -> (String, String) {
        (s.repeat(n), "-".repeat(n))
    }

    fn added(a: String, b: &str) -> (String, String) {
        let t = String::from("<");
        let mut c = a + b;
        c += "|";
        c += &t;
        let d = t + &c + "!";
        (c, d)
    }

    fn shortened(s: String, n: usize) -> (String, Option<char>, Option<char>, String) {
        let mut s = s;
        let mut popped = s.clone();
        let last = popped.pop();
        let before = popped.pop();
        s.truncate(n);
        (s, last, before, popped)
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

const CASES: [&str; 6] = [
    "",
    "Hello, Wörld",
    "ǅungla İstanbul ß",
    "ΣΑΣ ὈΔΥΣΣΕΎΣ",
    "ﬃ",
    "ABC xyz 123",
];

#[test]
fn strings_are_made_by_std_s_methods() {
    let _m = memory_test();
    for s in CASES {
        assert_eq!(cases(s), rust::cases(s), "{s:?}");
        for n in [0, 1, 3] {
            assert_eq!(repeated(s.to_string(), n), rust::repeated(s.to_string(), n));
        }
        for t in ["", "ab", "€"] {
            assert_eq!(added(s.to_string(), t), rust::added(s.to_string(), t));
            for from in ["", "l", "Wö", "ß"] {
                assert_eq!(
                    replaced(s.to_string(), from, t.to_string()),
                    rust::replaced(s.to_string(), from, t.to_string())
                );
            }
        }
        for n in 0..=s.len() + 1 {
            if n > s.len() || s.is_char_boundary(n) {
                assert_eq!(
                    shortened(s.to_string(), n),
                    rust::shortened(s.to_string(), n)
                );
            }
        }
    }
    assert_no_leaks();
}

/// The panic message of `f`, which must panic, without the location jit code adds on
/// the next line.
fn message(f: impl FnOnce() + std::panic::UnwindSafe) -> String {
    let e = std::panic::catch_unwind(f).expect_err("a panic");
    let text = e
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
        .unwrap();
    text.lines().next().unwrap_or_default().to_string()
}

#[test]
fn string_panics_are_std_s() {
    let _m = memory_test();
    let jit = message(|| {
        shortened("é".to_string(), 1);
    });
    let rust = message(|| {
        rust::shortened("é".to_string(), 1);
    });
    assert_eq!(jit, rust);
    let jit = message(|| {
        repeated("ab".to_string(), usize::MAX);
    });
    let rust = message(|| {
        rust::repeated("ab".to_string(), usize::MAX);
    });
    assert_eq!(jit, rust);
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
