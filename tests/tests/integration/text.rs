//! Text in jit code (`char` so far): each function is compiled twice from the same
//! tokens, by jitclass and by rustc, and the results compared over samples that include
//! non-ASCII letters, digits of other scripts, whitespace of other kinds and the ends of
//! the scalar value range.

use crate::{assert_no_leaks, balanced_since, memory_test};
use jitclass::{jit, jitclass};

/// `#[jit] fn $jit` and the plain Rust `fn $rust`, from one body.
macro_rules! twice {
    ($jit:ident, $rust:ident, fn($($p:ident: $t:ty),*) -> $r:ty $body:block) => {
        #[jit]
        fn $jit($($p: $t),*) -> $r $body
        #[allow(clippy::all)]
        fn $rust($($p: $t),*) -> $r $body
    };
}

/// Characters where std's classifications disagree with ASCII's or with each other.
const SAMPLES: &[char] = &[
    'a',
    'Z',
    '0',
    '9',
    ' ',
    '\t',
    '\n',
    '_',
    '~',
    '\u{7f}',
    '\0',
    'é',
    'ß',
    'Σ',
    'ς',
    'İ',
    '٣',
    '½',
    'Ⅻ',
    '\u{a0}',
    '\u{2003}',
    '\u{3000}',
    '中',
    '€',
    '😀',
    '\u{d7ff}',
    '\u{e000}',
    '\u{10ffff}',
];

twice!(classify, classify_rs, fn(c: char) -> (bool, bool, bool, bool, bool, bool, bool) {
    (
        c.is_alphabetic(),
        c.is_numeric(),
        c.is_alphanumeric(),
        c.is_whitespace(),
        c.is_lowercase(),
        c.is_uppercase(),
        c.is_control(),
    )
});

twice!(classify_ascii, classify_ascii_rs, fn(c: char) -> (bool, bool, bool, bool, bool, bool, bool) {
    (
        c.is_ascii(),
        c.is_ascii_alphabetic(),
        c.is_ascii_digit(),
        c.is_ascii_alphanumeric(),
        c.is_ascii_whitespace(),
        c.is_ascii_punctuation(),
        c.is_ascii_hexdigit(),
    )
});

twice!(classify_ascii_more, classify_ascii_more_rs, fn(c: char) -> (bool, bool, bool, bool) {
    (
        c.is_ascii_lowercase(),
        c.is_ascii_uppercase(),
        c.is_ascii_graphic(),
        c.is_ascii_control(),
    )
});

twice!(convert, convert_rs, fn(c: char) -> (char, char, usize, u32, u8, i64, u16) {
    (
        c.to_ascii_lowercase(),
        c.to_ascii_uppercase(),
        c.len_utf8(),
        c as u32,
        c as u8,
        c as i64,
        c as u16,
    )
});

#[test]
fn char_methods_and_casts_are_std_s() {
    for &c in SAMPLES {
        assert_eq!(classify(c), classify_rs(c), "{c:?}");
        assert_eq!(classify_ascii(c), classify_ascii_rs(c), "{c:?}");
        assert_eq!(classify_ascii_more(c), classify_ascii_more_rs(c), "{c:?}");
        assert_eq!(convert(c), convert_rs(c), "{c:?}");
    }
}

twice!(literals, literals_rs, fn(b: u8) -> (char, char, char, u8, char, bool) {
    let tab = '\t';
    let euro = '€';
    let byte = b'A';
    let from_byte = b as char;
    let from_literal = 97 as char;
    (tab, euro, from_byte, byte + 1, from_literal, from_byte == 'é')
});

#[test]
fn char_and_byte_literals() {
    for b in [0u8, 65, 127, 128, 0xe9, 255] {
        assert_eq!(literals(b), literals_rs(b), "{b}");
    }
}

/// A `char` constant from outside the function, and one in its body.
const SEPARATOR: char = ',';

twice!(char_constants, char_constants_rs, fn(c: char) -> (bool, bool, char) {
    const QUOTE: char = '"';
    (c == SEPARATOR, c == QUOTE, if c < SEPARATOR { SEPARATOR } else { QUOTE })
});

#[test]
fn char_constants_are_rustc_s() {
    for c in [',', '"', 'a', ' ', '\u{10ffff}'] {
        assert_eq!(char_constants(c), char_constants_rs(c), "{c:?}");
    }
}

twice!(compare, compare_rs, fn(a: char, b: char) -> (bool, bool, bool, bool, bool, bool, char, char) {
    let larger = if a > b { a } else { b };
    (a == b, a != b, a < b, a <= b, a > b, a >= b, larger, a.min(b).max('b'))
});

#[test]
fn chars_compare_as_their_scalar_values() {
    for &a in SAMPLES {
        for &b in SAMPLES {
            assert_eq!(compare(a, b), compare_rs(a, b), "{a:?} {b:?}");
        }
    }
}

twice!(count_kinds, count_kinds_rs, fn(text: &[char]) -> (usize, usize, usize, usize) {
    let mut letters = 0;
    let mut digits = 0;
    let mut spaces = 0;
    let mut bytes = 0;
    for c in text {
        if c.is_alphabetic() {
            letters += 1;
        } else if c.is_numeric() {
            digits += 1;
        } else if c.is_whitespace() {
            spaces += 1;
        }
        bytes += c.len_utf8();
    }
    (letters, digits, spaces, bytes)
});

#[test]
fn char_slices_cross_from_rust() {
    let text: Vec<char> = "Grüße, 世界! ٣ 42\u{3000}😀".chars().collect();
    assert_eq!(count_kinds(&text), count_kinds_rs(&text));
    assert_eq!(count_kinds(&[]), (0, 0, 0, 0));
}

#[jit]
fn upper_ascii(v: Vec<char>) -> Vec<char> {
    let mut out = Vec::new();
    for c in &v {
        out.push(c.to_ascii_uppercase());
    }
    out
}

#[jitclass]
struct Cursor {
    current: char,
    seen: Vec<char>,
    last: Option<char>,
}

#[jitclass]
impl Cursor {
    fn new(c: char) -> Self {
        Cursor {
            current: c,
            seen: Vec::new(),
            last: None,
        }
    }

    fn advance(&mut self, c: char) -> char {
        let previous = self.current;
        self.seen.push(previous);
        self.last = Some(previous);
        self.current = c;
        previous
    }
}

#[test]
fn chars_as_vec_elements_fields_and_option_payloads() {
    let _m = memory_test();
    let before = jitclass::stats();
    assert_eq!(
        upper_ascii(vec!['a', 'é', 'z', '1']),
        vec!['A', 'é', 'Z', '1']
    );
    let mut cursor = Cursor::new('x');
    assert_eq!(cursor.advance('ü'), 'x');
    assert_eq!(cursor.advance('😀'), 'ü');
    assert_eq!(cursor.current(), '😀');
    assert_eq!(cursor.last(), Some('ü'));
    assert_eq!(cursor.seen(), vec!['x', 'ü']);
    let shown = format!("{cursor:?}");
    assert!(
        shown.contains("'😀'") && shown.contains("['x', 'ü']"),
        "{shown}"
    );
    drop(cursor);
    assert!(balanced_since(&before));
    drop(_m);
    assert_no_leaks();
}

twice!(from_u32, from_u32_rs, fn(n: u32) -> (Option<char>, bool, u32) {
    let c = char::from_u32(n);
    let shifted = char::from_u32(n + 1).unwrap_or('?');
    (c, c.is_some(), shifted as u32)
});

#[test]
fn char_from_u32_is_std_s() {
    for n in [
        0,
        0x41,
        0x7f,
        0xe9,
        0xd7fe,
        0xd7ff,
        0xd800,
        0xdbff,
        0xdfff,
        0xe000,
        0x10fffe,
        0x10ffff,
        0x110000,
        u32::MAX - 1,
    ] {
        assert_eq!(from_u32(n), from_u32_rs(n), "{n:#x}");
    }
}

twice!(assoc_forms, assoc_forms_rs, fn(c: char) -> (bool, bool, usize) {
    (char::is_alphanumeric(c), char::is_whitespace(c), char::len_utf8(c))
});

#[test]
fn char_methods_in_function_call_form() {
    for &c in SAMPLES {
        assert_eq!(assoc_forms(c), assoc_forms_rs(c), "{c:?}");
    }
}

twice!(check_letter, check_letter_rs, fn(c: char) -> char {
    assert!(c.is_alphabetic(), "not a letter: {} ({:?})", c, c);
    c
});

#[test]
fn chars_in_panic_messages_are_formatted_as_chars() {
    assert_eq!(check_letter('é'), 'é');
    for c in ['1', '\n', '😀'] {
        let jit = std::panic::catch_unwind(|| check_letter(c)).unwrap_err();
        let rust = std::panic::catch_unwind(|| check_letter_rs(c)).unwrap_err();
        // Jit panics add the jit fn's location on a line of their own.
        let jit = jit.downcast_ref::<String>().unwrap();
        let rust = rust.downcast_ref::<String>().unwrap();
        assert_eq!(jit.split("\n  --> ").next(), Some(rust.as_str()), "{c:?}");
    }
}

twice!(digits, digits_rs, fn(c: char, radix: u32) -> (Option<u32>, bool, Option<char>) {
    let d = c.to_digit(radix);
    (d, c.is_digit(radix), char::from_digit(d.unwrap_or(0) + 1, radix))
});

#[test]
fn digits_are_std_s_and_bad_radixes_panic_as_std_does() {
    for radix in [2, 8, 10, 16, 36] {
        for c in ['0', '1', '7', '9', 'a', 'f', 'z', 'Z', '٣', ' ', 'é'] {
            assert_eq!(digits(c, radix), digits_rs(c, radix), "{c:?} {radix}");
        }
    }
    for radix in [0, 1, 37, u32::MAX] {
        let jit = std::panic::catch_unwind(|| digits('7', radix)).unwrap_err();
        let rust = std::panic::catch_unwind(|| digits_rs('7', radix)).unwrap_err();
        let jit = jit.downcast_ref::<String>().unwrap();
        let rust = rust.downcast_ref::<&str>().unwrap();
        assert_eq!(jit.split("\n  --> ").next(), Some(*rust), "{radix}");
    }
}

twice!(parse_number, parse_number_rs, fn(text: &[char]) -> Option<u64> {
    let mut n: u64 = 0;
    for c in text {
        match c.to_digit(10) {
            Some(d) => n = n * 10 + d as u64,
            None => return None,
        }
    }
    Some(n)
});

#[test]
fn a_digit_parser() {
    for text in ["", "0", "42", "1234567890", "12a", "٣"] {
        let chars: Vec<char> = text.chars().collect();
        assert_eq!(parse_number(&chars), parse_number_rs(&chars), "{text:?}");
    }
}

twice!(sorted_chars, sorted_chars_rs, fn(v: Vec<char>) -> (Vec<char>, Vec<char>, Vec<char>) {
    let mut up = v.clone();
    up.sort();
    let mut down = v.clone();
    down.sort_by(|a, b| b.cmp(a));
    let mut unstable = v;
    unstable.sort_unstable();
    (up, down, unstable)
});

#[test]
fn chars_sort_as_std_sorts_them() {
    let _m = memory_test();
    let v: Vec<char> = "zébra Ünïcode 😀 ab".chars().collect();
    assert_eq!(sorted_chars(v.clone()), sorted_chars_rs(v));
    drop(_m);
    assert_no_leaks();
}

#[jit]
fn pick<T>(a: T, b: T, first: bool) -> (T, bool) {
    let chosen = if first { a } else { b };
    (chosen, a > b)
}

#[jit]
fn add<T>(a: T, b: T) -> T {
    a + b
}

#[test]
fn chars_as_generic_arguments() {
    assert_eq!(pick('é', 'a', true), ('é', true));
    assert_eq!(pick('a', '😀', false), ('😀', false));
    assert_eq!(pick(1u32, 2u32, true), (1, false));
    // As rustc refuses `char + char`, the first call with `T = char` does.
    let refused = std::panic::catch_unwind(|| add('a', 'b')).unwrap_err();
    let message = refused.downcast_ref::<String>().unwrap();
    assert!(
        message.contains("binary operation `+` cannot be applied to type `char`"),
        "{message}"
    );
    assert_eq!(add(1u32, 2u32), 3);
}
