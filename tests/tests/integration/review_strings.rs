//! Review of `&str` in jit code (issue 16): probes against rustc's build of the same code.
//! `fixed_*` failed before the fix its comment names; `ok_*` passed when written and add
//! coverage the `strings` module lacks.

use jitclass::jit;

/// The panic message of `f` (a jit panic's location line cut off), or `None`.
fn panic_message<R>(f: impl FnOnce() -> R + std::panic::UnwindSafe) -> Option<String> {
    let e = std::panic::catch_unwind(f).err()?;
    let text = e
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
        .unwrap_or_default();
    Some(text.split("\n  -->").next().unwrap_or_default().to_string())
}

/// Each input once with every silent panic, compared with Rust's.
fn quietly(f: impl FnOnce()) {
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    f();
    std::panic::set_hook(hook);
}

#[jit]
fn part_len(t: &str) -> usize {
    t.len()
}

#[jit]
fn inclusive_part(s: &str, a: usize, b: usize) -> usize {
    let t = &s[a..=b];
    // The same part as a call's argument and as a method's receiver.
    t.len() + part_len(&s[a..=b]) + s[a..=b].len()
}

fn rust_inclusive_part(s: &str, a: usize, b: usize) -> usize {
    let t = &s[a..=b];
    t.len() + rust_part_len(&s[a..=b]) + s[a..=b].len()
}

fn rust_part_len(t: &str) -> usize {
    t.len()
}

/// `&s[a..=b]` checked as `&s[a..b + 1]` said "end byte index 2 is out of bounds" where std
/// says "end byte index 1" (std names the `b` written), and for an `a` inside a character
/// with `b == s.len()`, the end where std names the start. Fixed by a helper of its own
/// (`string::slice_inclusive_error`), held to std's messages by a unit test.
#[test]
fn fixed_inclusive_str_range_panics_are_std_s() {
    quietly(|| {
        for s in ["", "a", "é", "aé", "a€", "héllo"] {
            let mut ends: Vec<usize> = (0..s.len() + 2).collect();
            ends.push(usize::MAX);
            for a in 0..s.len() + 2 {
                for &b in &ends {
                    let jit = std::panic::catch_unwind(|| inclusive_part(s, a, b))
                        .map_err(|_| panic_message(|| inclusive_part(s, a, b)));
                    let rust = std::panic::catch_unwind(|| rust_inclusive_part(s, a, b))
                        .map_err(|_| panic_message(|| rust_inclusive_part(s, a, b)));
                    assert_eq!(jit, rust, "{s:?}[{a}..={b}]");
                }
            }
        }
    });
    crate::assert_no_leaks();
}

#[jit]
fn unwraps(s: &str, which: u8) -> f64 {
    if which == 0 {
        s.parse::<bool>().unwrap() as i64 as f64
    } else if which == 1 {
        s.parse::<char>().unwrap() as u32 as f64
    } else if which == 2 {
        s.parse::<u8>().unwrap() as f64
    } else {
        s.parse::<f32>().unwrap() as f64
    }
}

fn rust_unwraps(s: &str, which: u8) -> f64 {
    if which == 0 {
        s.parse::<bool>().unwrap() as i64 as f64
    } else if which == 1 {
        s.parse::<char>().unwrap() as u32 as f64
    } else if which == 2 {
        s.parse::<u8>().unwrap() as f64
    } else {
        s.parse::<f32>().unwrap() as f64
    }
}

/// `unwrap` of every kind of parse error panics with std's message (`ParseBoolError`,
/// `CharErrorKind`, overflow, float), and values are std's for the edge cases.
#[test]
fn ok_parse_unwrap_messages_are_std_s() {
    quietly(|| {
        for s in [
            "", "true", "True", "é", "ab", "255", "256", "-0", "+1", " 1", "1e5", "inf", "-inf",
            "NaN", "1e400", "0x10", "1_0",
        ] {
            for which in 0..4 {
                let jit = std::panic::catch_unwind(|| unwraps(s, which))
                    .map(|v| format!("{v:?}"))
                    .map_err(|_| panic_message(|| unwraps(s, which)));
                let rust = std::panic::catch_unwind(|| rust_unwraps(s, which))
                    .map(|v| format!("{v:?}"))
                    .map_err(|_| panic_message(|| rust_unwraps(s, which)));
                assert_eq!(jit, rust, "{s:?} as #{which}");
            }
        }
    });
    crate::assert_no_leaks();
}

#[jit]
fn split_digest(s: &str, p: char, q: &str) -> (usize, u64, usize, u64) {
    let (mut n, mut h, mut m, mut g) = (0, 0u64, 0, 0u64);
    for piece in s.split(p) {
        n += 1;
        for b in piece.bytes() {
            h = h.wrapping_mul(31).wrapping_add(b as u64);
        }
        h = h.wrapping_mul(7).wrapping_add(1);
    }
    for piece in s.split(q) {
        m += 1;
        for (i, c) in piece.char_indices() {
            g = g.wrapping_mul(31).wrapping_add(c as u64 + i as u64);
        }
        g = g.wrapping_mul(7).wrapping_add(1);
    }
    (n, h, m, g)
}

fn rust_split_digest(s: &str, p: char, q: &str) -> (usize, u64, usize, u64) {
    let (mut n, mut h, mut m, mut g) = (0, 0u64, 0, 0u64);
    for piece in s.split(p) {
        n += 1;
        for b in piece.bytes() {
            h = h.wrapping_mul(31).wrapping_add(b as u64);
        }
        h = h.wrapping_mul(7).wrapping_add(1);
    }
    for piece in s.split(q) {
        m += 1;
        for (i, c) in piece.char_indices() {
            g = g.wrapping_mul(31).wrapping_add(c as u64 + i as u64);
        }
        g = g.wrapping_mul(7).wrapping_add(1);
    }
    (n, h, m, g)
}

/// `split` at multi-byte, NUL and the largest `char`s, and at empty, overlapping and
/// multi-byte `&str`s, over Unicode text: std's pieces.
#[test]
fn ok_split_patterns_are_std_s() {
    let texts = [
        "",
        "a",
        "aaa",
        "aaaa",
        "a,b,,c,",
        "é,ü,,€",
        "a€𝄞b€",
        "\0x\0",
        "ab\u{10FFFF}cd",
        "\u{3000}wide\u{a0}sp\u{85}ace",
    ];
    let chars = ['a', ',', 'é', '€', '\0', '\u{10FFFF}', '𝄞'];
    let strs = ["", "a", "aa", "€", "a€", ",,", "x"];
    for s in texts {
        for p in chars {
            for q in strs {
                assert_eq!(
                    split_digest(s, p, q),
                    rust_split_digest(s, p, q),
                    "{s:?} / {p:?} / {q:?}"
                );
            }
        }
    }
    crate::assert_no_leaks();
}

#[jit]
fn reassigned_in_loop(s: &str) -> (usize, usize) {
    let mut t = s;
    let mut n = 0;
    for c in t.chars() {
        // The loop runs over the `&str` it started with, as in Rust.
        t = &t[..0];
        n += c.len_utf8();
    }
    let mut words = 0;
    let mut u = s;
    for w in u.split_whitespace() {
        u = "x";
        words += w.len();
    }
    (n + t.len(), words + u.len())
}

fn rust_reassigned_in_loop(s: &str) -> (usize, usize) {
    let mut t = s;
    let mut n = 0;
    for c in t.chars() {
        t = &t[..0];
        n += c.len_utf8();
    }
    let mut words = 0;
    let mut u = s;
    for w in u.split_whitespace() {
        u = "x";
        words += w.len();
    }
    (n + t.len(), words + u.len())
}

/// Assigning the loop's source inside the loop does not change what it runs over.
#[test]
fn ok_loop_source_reassigned_in_body() {
    for s in ["", "héllo wörld", " a  b ", "a€𝄞b"] {
        assert_eq!(reassigned_in_loop(s), rust_reassigned_in_loop(s), "{s:?}");
    }
    crate::assert_no_leaks();
}

#[jitclass::jitclass]
pub struct Doc {
    n: i64,
}

#[jitclass::jitclass]
impl Doc {
    pub fn new(n: i64) -> Self {
        Doc { n }
    }

    pub fn lines(&self) -> Vec<i64> {
        vec![self.n, 2 * self.n]
    }
}

#[jit]
fn total_of_lines(d: Doc) -> i64 {
    let mut t = 0;
    for x in d.lines() {
        t += x;
    }
    t
}

#[jit]
fn total_of_lines_bound(d: Doc) -> i64 {
    let mut t = 0;
    let items = d.lines();
    for x in items {
        t += x;
    }
    t
}

#[jit]
fn total_of_lines_by_path(d: Doc) -> i64 {
    let mut t = 0;
    for x in Doc::lines(&d) {
        t += x;
    }
    t
}

/// A loop over a class's method named as a string's iterator is taken for the string's
/// loop (documented); the error said "comparing `Doc` with `lines` is not supported", and
/// now says how to write it. Fixed in `infer/text.rs` (`text_method_of_other`).
#[test]
fn fixed_class_method_named_lines_in_a_loop_says_how_to_call_it() {
    let _memory = crate::memory_test();
    let message = panic_message(|| total_of_lines(Doc::new(3))).expect("an error");
    assert!(
        message.contains("as a loop over a `&str`")
            && message.contains("`let items = value.lines(..); for x in items { .. }`"),
        "{message}"
    );
    assert_eq!(total_of_lines_bound(Doc::new(3)), 9);
    crate::assert_no_leaks();
}

/// The book (text.md) says to write `for x in Class::lines(&c)`: a class method called by
/// its path with `&c` runs as rustc's build does (it was refused at the first call,
/// "mismatched types: expected `Doc`, found `&Doc`").
#[test]
fn fixed_class_method_by_path_with_borrowed_instance() {
    let _memory = crate::memory_test();
    assert_eq!(total_of_lines_by_path(Doc::new(3)), 9);
    crate::assert_no_leaks();
}
