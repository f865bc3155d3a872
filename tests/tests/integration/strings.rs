//! `&str` in jit code (issue 16): parameters from Rust (zero-copy), literals, locals,
//! methods, comparisons, loops over a string's iterators, `parse`, `&s[a..b]`, byte
//! strings; each jit fn beside the same Rust (`rust::*`), results compared.

#![allow(clippy::type_complexity)] // the tuples of results compared with Rust's

use jitclass::jit;

/// The same bodies as plain Rust, the reference results.
mod rust {
    pub fn stats(s: &str) -> (usize, bool, usize, usize) {
        let mut words = 0;
        for _ in s.split_whitespace() {
            words += 1;
        }
        let mut chars = 0;
        for c in s.chars() {
            if c.is_alphabetic() {
                chars += 1;
            }
        }
        (s.len(), s.is_empty(), words, chars)
    }

    pub fn search(s: &str, p: &str) -> (bool, bool, bool, Option<usize>, Option<usize>) {
        (
            s.starts_with(p),
            s.ends_with(p),
            s.contains(p),
            s.find(p),
            s.rfind(p),
        )
    }

    pub fn search_char(s: &str, c: char) -> (bool, bool, bool, Option<usize>, Option<usize>) {
        (
            s.starts_with(c),
            s.ends_with(c),
            s.contains(c),
            s.find(c),
            s.rfind(c),
        )
    }

    pub fn order(a: &str, b: &str) -> (bool, bool, bool, bool, bool, bool) {
        (a == b, a != b, a < b, a <= b, a > b, a >= b)
    }

    pub fn trimmed_len(s: &str) -> (usize, usize, usize, bool) {
        let t = s.trim();
        (
            t.len(),
            s.trim_start().len(),
            s.trim_end().len(),
            t == "x y",
        )
    }

    pub fn sum_fields(s: &str, sep: &str) -> (i64, usize) {
        let mut total = 0;
        let mut bad = 0;
        for field in s.split(sep) {
            match field.trim().parse::<i64>().ok() {
                Some(v) => total += v,
                None => bad += 1,
            }
        }
        (total, bad)
    }

    pub fn line_lengths(s: &str) -> (usize, usize) {
        let mut lines = 0;
        let mut longest = 0;
        for line in s.lines() {
            lines += 1;
            if line.len() > longest {
                longest = line.len();
            }
        }
        (lines, longest)
    }

    pub fn checksum(s: &str) -> (u64, usize) {
        let mut sum = 0u64;
        for b in s.bytes() {
            sum = sum.wrapping_mul(31).wrapping_add(b as u64);
        }
        let mut last = 0;
        for (i, c) in s.char_indices() {
            if c == 'é' {
                last = i;
            }
        }
        (sum, last)
    }

    pub fn middle(s: &str, a: usize, b: usize) -> usize {
        let part = &s[a..b];
        part.len() + s[a..].len() + s[..b].len()
    }
}

#[jit]
fn stats(s: &str) -> (usize, bool, usize, usize) {
    let mut words = 0;
    for _ in s.split_whitespace() {
        words += 1;
    }
    let mut chars = 0;
    for c in s.chars() {
        if c.is_alphabetic() {
            chars += 1;
        }
    }
    (s.len(), s.is_empty(), words, chars)
}

#[jit]
fn search(s: &str, p: &str) -> (bool, bool, bool, Option<usize>, Option<usize>) {
    (
        s.starts_with(p),
        s.ends_with(p),
        s.contains(p),
        s.find(p),
        s.rfind(p),
    )
}

#[jit]
fn search_char(s: &str, c: char) -> (bool, bool, bool, Option<usize>, Option<usize>) {
    (
        s.starts_with(c),
        s.ends_with(c),
        s.contains(c),
        s.find(c),
        s.rfind(c),
    )
}

#[jit]
fn order(a: &str, b: &str) -> (bool, bool, bool, bool, bool, bool) {
    (a == b, a != b, a < b, a <= b, a > b, a >= b)
}

#[jit]
fn trimmed_len(s: &str) -> (usize, usize, usize, bool) {
    let t = s.trim();
    (
        t.len(),
        s.trim_start().len(),
        s.trim_end().len(),
        t == "x y",
    )
}

#[jit]
fn sum_fields(s: &str, sep: &str) -> (i64, usize) {
    let mut total = 0;
    let mut bad = 0;
    for field in s.split(sep) {
        match field.trim().parse::<i64>().ok() {
            Some(v) => total += v,
            None => bad += 1,
        }
    }
    (total, bad)
}

#[jit]
fn line_lengths(s: &str) -> (usize, usize) {
    let mut lines = 0;
    let mut longest = 0;
    for line in s.lines() {
        lines += 1;
        if line.len() > longest {
            longest = line.len();
        }
    }
    (lines, longest)
}

#[jit]
fn checksum(s: &str) -> (u64, usize) {
    let mut sum = 0u64;
    for b in s.bytes() {
        sum = sum.wrapping_mul(31).wrapping_add(b as u64);
    }
    let mut last = 0;
    for (i, c) in s.char_indices() {
        if c == 'é' {
            last = i;
        }
    }
    (sum, last)
}

#[jit]
fn middle(s: &str, a: usize, b: usize) -> usize {
    let part = &s[a..b];
    part.len() + s[a..].len() + s[..b].len()
}

const TEXTS: [&str; 10] = [
    "",
    " ",
    "x y",
    "  x y \t",
    "héllo wörld",
    "a,b,,c,",
    "1, 2, x, 40",
    "line one\nline two\r\n\nlast",
    "€uro 𝄞 clef",
    "\u{3000}wide\u{a0}spaces\u{2028}",
];

#[test]
fn str_parameters_and_methods_are_std_s() {
    for s in TEXTS {
        assert_eq!(stats(s), rust::stats(s), "{s:?}");
        assert_eq!(trimmed_len(s), rust::trimmed_len(s), "{s:?}");
        assert_eq!(line_lengths(s), rust::line_lengths(s), "{s:?}");
        assert_eq!(checksum(s), rust::checksum(s), "{s:?}");
        for p in ["", ",", "l", "wörld", "x y", "\n", "𝄞"] {
            assert_eq!(search(s, p), rust::search(s, p), "{s:?} / {p:?}");
            assert_eq!(sum_fields(s, p), rust::sum_fields(s, p), "{s:?} / {p:?}");
        }
        for c in ['a', 'é', ' ', '𝄞', ','] {
            assert_eq!(search_char(s, c), rust::search_char(s, c), "{s:?} / {c:?}");
        }
        for t in TEXTS {
            assert_eq!(order(s, t), rust::order(s, t), "{s:?} / {t:?}");
        }
    }
}

#[test]
fn str_ranges_are_std_s() {
    let s = "héllo wörld";
    for a in 0..=s.len() {
        for b in a..=s.len() {
            if s.is_char_boundary(a) && s.is_char_boundary(b) {
                assert_eq!(middle(s, a, b), rust::middle(s, a, b), "{a}..{b}");
            }
        }
    }
}

/// The panic message of `f`, which must panic.
fn message(f: impl FnOnce() + std::panic::UnwindSafe) -> String {
    let e = std::panic::catch_unwind(f).expect_err("a panic");
    e.downcast_ref::<String>()
        .cloned()
        .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
        .unwrap()
}

#[test]
fn str_range_panics_are_std_s() {
    let s = "héllo wörld";
    for (a, b) in [(0, 2), (2, 1), (0, 100), (100, 101), (8, 9)] {
        let jit = message(move || {
            middle(s, a, b);
        });
        let std = message(move || {
            rust::middle(s, a, b);
        });
        // The jit message carries its location after std's.
        assert!(jit.starts_with(&std), "{jit:?} vs {std:?}");
    }
    crate::assert_no_leaks();
}

#[jit]
fn parse_all(
    s: &str,
) -> (
    Option<i64>,
    Option<u8>,
    Option<f64>,
    bool,
    bool,
    i32,
    Option<bool>,
    Option<char>,
) {
    (
        s.parse::<i64>().ok(),
        s.parse::<u8>().ok(),
        s.parse::<f64>().ok(),
        s.parse::<i64>().is_ok(),
        s.parse::<f32>().is_err(),
        s.parse::<i32>().unwrap_or(-1),
        s.parse::<bool>().ok(),
        s.parse::<char>().ok(),
    )
}

fn rust_parse_all(
    s: &str,
) -> (
    Option<i64>,
    Option<u8>,
    Option<f64>,
    bool,
    bool,
    i32,
    Option<bool>,
    Option<char>,
) {
    (
        s.parse::<i64>().ok(),
        s.parse::<u8>().ok(),
        s.parse::<f64>().ok(),
        s.parse::<i64>().is_ok(),
        s.parse::<f32>().is_err(),
        s.parse::<i32>().unwrap_or(-1),
        s.parse::<bool>().ok(),
        s.parse::<char>().ok(),
    )
}

#[jit]
fn parse_or_panic(s: &str) -> f64 {
    s.parse::<f64>().unwrap() + s.parse::<i64>().unwrap() as f64
}

#[test]
fn parse_is_std_s() {
    for s in [
        "",
        "0",
        "-7",
        "255",
        "256",
        "1e3",
        "2.5",
        "inf",
        "NaN",
        "true",
        "x",
        " 1",
        "+3",
        "é",
        "99999999999999999999",
    ] {
        // Compared as printed: `NaN` is not equal to itself.
        assert_eq!(
            format!("{:?}", parse_all(s)),
            format!("{:?}", rust_parse_all(s)),
            "{s:?}"
        );
    }
    assert_eq!(parse_or_panic("12"), 24.0);
    let jit = message(|| {
        parse_or_panic("1.5");
    });
    assert!(
        jit.starts_with(
            "called `Result::unwrap()` on an `Err` value: ParseIntError { kind: InvalidDigit }"
        ),
        "{jit}"
    );
    let jit = message(|| {
        parse_or_panic("x");
    });
    assert!(
        jit.starts_with(
            "called `Result::unwrap()` on an `Err` value: ParseFloatError { kind: Invalid }"
        ),
        "{jit}"
    );
    crate::assert_no_leaks();
}

#[jit]
fn literals(s: &str) -> (bool, usize, usize, u8) {
    let greeting = "grüße";
    let bytes = b"abc";
    let same = s == greeting;
    let mut n = 0;
    for c in greeting.chars() {
        if c == 'ü' && !s.is_empty() {
            n += 1;
        }
    }
    (same, greeting.len() + n, bytes.len(), bytes[1])
}

#[jit]
fn csv_cells(s: &str) -> (usize, usize) {
    let mut cells = 0;
    let mut empty = 0;
    for cell in s.split(',') {
        cells += 1;
        if cell.is_empty() {
            empty += 1;
        }
    }
    (cells, empty)
}

fn rust_csv_cells(s: &str) -> (usize, usize) {
    let mut cells = 0;
    let mut empty = 0;
    for cell in s.split(',') {
        cells += 1;
        if cell.is_empty() {
            empty += 1;
        }
    }
    (cells, empty)
}

#[test]
fn split_at_a_char_is_std_s() {
    for s in TEXTS {
        assert_eq!(csv_cells(s), rust_csv_cells(s), "{s:?}");
    }
}

#[test]
fn literals_are_constants() {
    assert_eq!(literals("grüße"), (true, 8, 3, b'b'));
}

#[jit]
fn count_byte(bytes: &[u8], b: u8) -> usize {
    let mut n = 0;
    for i in 0..bytes.len() {
        if bytes[i] == b {
            n += 1;
        }
    }
    n
}

#[jit]
fn key_of(line: &str) -> usize {
    match line.find('=') {
        Some(i) => key_len(&line[..i]),
        None => 0,
    }
}

#[jit]
fn key_len(key: &str) -> usize {
    key.trim().len()
}

#[jit]
fn bytes_and_keys(s: &str) -> (usize, usize, usize, bool) {
    let mut keys = 0;
    for line in s.lines() {
        keys += key_of(line);
    }
    (
        count_byte(s.as_bytes(), b'='),
        count_byte(b"a=b=c", b'='),
        keys,
        s.eq_ignore_ascii_case("A = 1"),
    )
}

#[test]
fn strs_pass_between_jit_fns() {
    let s = "a = 1\n  bb=2\nnone\n";
    assert_eq!(bytes_and_keys(s), (2, 2, 3, false));
    assert_eq!(bytes_and_keys("a = 1"), (1, 2, 1, true));
}

#[jit]
fn first_long_word(s: &str, min: usize) -> Option<usize> {
    let mut index = 0;
    'words: for w in s.split_whitespace() {
        index += 1;
        for c in w.chars() {
            if !c.is_alphabetic() {
                continue 'words;
            }
        }
        if w.len() < min {
            continue;
        }
        return Some(index);
    }
    None
}

#[test]
fn loops_over_text_break_and_continue_as_rust() {
    assert_eq!(first_long_word("a b2 ccc dddd", 3), Some(3));
    assert_eq!(first_long_word("a1 b2", 1), None);
    assert_eq!(first_long_word("", 0), None);
}

#[jit]
fn generic_len<T>(s: &str, x: T) -> (usize, T) {
    (s.len(), x)
}

#[test]
fn generic_fns_take_strs() {
    assert_eq!(generic_len("héllo", 2.5), (6, 2.5));
    assert_eq!(generic_len("", true), (0, true));
}

#[jitclass::jitclass]
pub struct WordCounter {
    words: usize,
    letters: usize,
}

#[jitclass::jitclass]
impl WordCounter {
    pub fn new() -> Self {
        WordCounter {
            words: 0,
            letters: 0,
        }
    }

    pub fn add(&mut self, text: &str) {
        for w in text.split_whitespace() {
            self.words += 1;
            for c in w.chars() {
                if c.is_alphabetic() {
                    self.letters += 1;
                }
            }
        }
    }

    pub fn counts(&self) -> (usize, usize) {
        (self.words, self.letters)
    }
}

#[test]
fn methods_take_strs_from_rust() {
    let _memory = crate::memory_test();
    {
        let mut counter = WordCounter::new();
        counter.add("Grüße aus Köln");
        counter.add("  ");
        counter.add("x1 y");
        assert_eq!(counter.counts(), (5, 14));
    }
    crate::assert_no_leaks();
}

#[jit]
fn first_word(s: &str) -> &str {
    for w in s.split_whitespace() {
        return w;
    }
    ""
}

#[jit]
fn trimmed_key(line: &str) -> &str {
    match line.find('=') {
        Some(i) => line[..i].trim(),
        None => line.trim(),
    }
}

#[jit]
fn kind(n: i64) -> &'static str {
    if n < 0 { "negative" } else { "other" }
}

#[jit]
fn keys_total(text: &str) -> usize {
    let mut total = 0;
    for line in text.lines() {
        total += trimmed_key(line).len();
    }
    total
}

#[jitclass::jitclass]
pub struct Labels {
    count: i64,
}

#[jitclass::jitclass]
impl Labels {
    pub fn new() -> Self {
        Labels { count: 0 }
    }

    pub fn label(&mut self, n: i64) -> &'static str {
        self.count += 1;
        if n % 2 == 0 { "even" } else { "odd" }
    }
}

#[jit]
fn head<'a>(s: &'a str, n: usize, _other: &str) -> &'a str {
    &s[..n]
}

#[test]
fn str_results_borrow_their_parameter_or_a_literal() {
    let text = String::from("  alpha beta ");
    let w = first_word(&text);
    assert_eq!(w, "alpha");
    assert_eq!(
        w.as_ptr(),
        text[2..].as_ptr(),
        "the result borrows the argument"
    );
    assert_eq!(first_word("   "), "");
    assert_eq!(trimmed_key(" name = v "), "name");
    assert_eq!(trimmed_key(" bare "), "bare");
    assert_eq!(kind(-1), "negative");
    let k = kind(3);
    drop(text);
    assert_eq!(k, "other");
    assert_eq!(keys_total("a=1\n bb = 2\nccc"), 6);
    let _memory = crate::memory_test();
    {
        let mut labels = Labels::new();
        assert_eq!((labels.label(2), labels.label(3)), ("even", "odd"));
        assert_eq!(head("héllo", 3, "x"), "hé");
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
        vec![self.n]
    }
}

#[jit]
fn doc_total(d: Doc) -> i64 {
    let mut t = 0;
    for x in d.lines() {
        t += x;
    }
    t
}

#[test]
fn a_text_loop_over_another_type_is_a_clear_error() {
    let _memory = crate::memory_test();
    {
        let d = Doc::new(3);
        let m = message(move || {
            doc_total(d);
        });
        assert!(
            m.contains(
                "jit code runs `for x in value.lines(..)` as a loop over a `&str`, and this value is a `Doc`"
            ),
            "{m}"
        );
    }
    crate::assert_no_leaks();
}
