//! Review of `char` as a jit primitive: results against rustc's build of the same tokens
//! (narrowing casts, digits of radix 36, `from_u32` around the surrogates and past
//! `char::MAX`, order of non-BMP chars), panic messages formatting chars, and the balance
//! of `stats()` when a char method's radix panic interrupts.

use jitclass::jit;

/// `#[jit] fn $jit` and the plain Rust `fn $rust`, from one body.
macro_rules! twice {
    ($jit:ident, $rust:ident, fn($($p:ident: $t:ty),*) -> $r:ty $body:block) => {
        #[jit]
        fn $jit($($p: $t),*) -> $r $body
        #[allow(clippy::all)]
        fn $rust($($p: $t),*) -> $r $body
    };
}

twice!(narrow, narrow_rs, fn(c: char) -> (u8, i8, u16, i16, i64, u64) {
    (c as u8, c as i8, c as u16, c as i16, c as i64, c as u64)
});

twice!(digits, digits_rs, fn(c: char, n: u32) -> (Option<u32>, Option<char>, bool, bool) {
    (c.to_digit(36), char::from_digit(n, 36), c.is_lowercase(), c.is_digit(16))
});

twice!(next, next_rs, fn(c: char) -> (Option<char>, char, bool) {
    (char::from_u32(c as u32 + 1), (c as u8) as char, c < '\u{1F600}')
});

twice!(ordering, ordering_rs, fn(a: char, b: char) -> (bool, bool, char, char) {
    (a < b, a >= b, a.max(b), a.min(b))
});

twice!(collect, collect_rs, fn(from: u32, n: u32) -> Vec<char> {
    let mut v = Vec::new();
    let mut i = 0;
    while i < n {
        match char::from_u32(from + i) {
            Some(c) => v.push(c),
            None => {}
        }
        i += 1;
    }
    v.sort();
    v
});

/// Chars whose narrowing casts, case and digit values differ.
const SAMPLES: &[char] = &[
    'a',
    'z',
    'ß',
    'ÿ',
    'Ā',
    'ǅ',
    '😀',
    '\u{10ffff}',
    '\u{d7ff}',
    '\u{e000}',
    '\u{ff}',
    '\u{80}',
    'Z',
    '٣',
];

#[test]
fn casts_digits_from_u32_and_order_match_rustc() {
    for &c in SAMPLES {
        assert_eq!(narrow(c), narrow_rs(c), "{c:?}");
        assert_eq!(next(c), next_rs(c), "{c:?}");
        for n in [0, 9, 10, 35, 36, 100, u32::MAX] {
            assert_eq!(digits(c, n), digits_rs(c, n), "{c:?} {n}");
        }
        for &d in SAMPLES {
            assert_eq!(ordering(c, d), ordering_rs(c, d), "{c:?} {d:?}");
        }
    }
    for from in [0xD700u32, 0xD7F0, 0xDFF0, 0x10FFF0, 0xFFFF_FF00] {
        assert_eq!(collect(from, 40), collect_rs(from, 40));
    }
}

#[jit]
fn fmt_panic(c: char) -> i64 {
    panic!("bad {:?} / {}", c, c);
}

fn fmt_panic_rs(c: char) -> String {
    format!("bad {:?} / {}", c, c)
}

#[jit]
fn assert_chars(a: char, b: char) -> i64 {
    assert_eq!(a, b, "chars {}", a);
    1
}

/// The message of `f`'s panic, without the jit location line.
fn panic_message(f: impl FnOnce() + std::panic::UnwindSafe) -> String {
    let payload = std::panic::catch_unwind(f).unwrap_err();
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap()
        .split("\n  --> ")
        .next()
        .unwrap()
        .to_string()
}

#[test]
fn panic_messages_format_chars_as_rustc() {
    for c in [
        'a', '\'', '"', '\n', '\u{301}', '\u{ad}', '\u{7f}', 'é', '😀', '\0', '\\',
    ] {
        assert_eq!(
            panic_message(move || {
                fmt_panic(c);
            }),
            fmt_panic_rs(c),
            "{c:?}"
        );
        let rs = panic_message(move || {
            assert_eq!(c, 'b', "chars {}", c);
        });
        assert_eq!(
            panic_message(move || {
                assert_chars(c, 'b');
            }),
            rs,
            "{c:?}"
        );
    }
}

#[jit]
fn digit_radix_panic(v: Vec<i64>, c: char, radix: u32) -> u32 {
    let w = v.clone();
    let d = c.to_digit(radix).unwrap_or(0);
    d + w.len() as u32
}

#[jit]
fn from_digit_radix_panic(v: Vec<char>, n: u32, radix: u32) -> char {
    let w = v.clone();
    let d = char::from_digit(n, radix).unwrap_or('x');
    if w.len() > 0 { w[0] } else { d }
}

#[test]
fn radix_panics_leak_nothing() {
    let _m = crate::memory_test();
    let before = jitclass::stats();
    let m = panic_message(|| {
        digit_radix_panic(vec![1, 2], 'a', 40);
    });
    assert!(m.contains("radix"), "{m}");
    let m = panic_message(|| {
        from_digit_radix_panic(vec!['a'], 3, 37);
    });
    assert!(m.contains("radix"), "{m}");
    assert!(
        crate::balanced_since(&before),
        "{:?}",
        jitclass::stats().since(&before)
    );
}
