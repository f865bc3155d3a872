//! `write!`/`writeln!` into a `String` in jit code: each body compiled twice from the same
//! tokens, by jitclass and by rustc (std's `fmt::Write for String`), the results compared.

use crate::{balanced_since, memory_test, panic_message};
use jitclass::{jit, jitclass};
use std::fmt::Write;

/// `#[jit] fn $jit` and the plain Rust `fn $rust`, from one body.
macro_rules! twice {
    ($jit:ident, $rust:ident, fn($($p:ident: $t:ty),*) -> $r:ty $body:block) => {
        #[jit]
        fn $jit($($p: $t),*) -> $r $body
        #[allow(clippy::all, unused_must_use)]
        fn $rust($($p: $t),*) -> $r $body
    };
}

twice!(table, table_rs, fn(n: i64, x: f64) -> String {
    let mut s = String::new();
    write!(s, "n={} x={:.3}|", n, x).unwrap();
    writeln!(s, "{:>6}|{:<4}|{:^7}|", n, 'c', "mid").unwrap();
    for i in 0..n {
        let _ = write!(s, "[{i}:{}]", i * i);
    }
    writeln!(s).unwrap();
    write!(&mut s, "{:08.2}", x).expect("a String never fails");
    let ok = write!(s, "!").is_ok();
    let err = writeln!(s, "{}", ok).is_err();
    write!(s, "{}", err);
    s
});

#[jitclass]
pub struct Log {
    pub text: String,
    pub lines: i64,
}

#[jitclass]
impl Log {
    pub fn new() -> Log {
        Log {
            text: String::new(),
            lines: 0,
        }
    }

    pub fn add(&mut self, what: &str, v: i64) {
        self.lines += 1;
        writeln!(self.text, "{}: {what} = {v:+}", self.lines).unwrap();
    }
}

#[jit]
fn log_of(n: i64) -> String {
    let mut log = Log::new();
    for i in 0..n {
        log.add("x", i - 2);
    }
    log.text.clone()
}

#[jit]
fn write_then_panic(n: i64) -> String {
    let mut s = String::with_capacity(4);
    for i in 0..n {
        write!(s, "{}-", i).unwrap();
        if i == 2 {
            panic!("stopped after {} bytes", s.len());
        }
    }
    s
}

#[test]
fn writes_agree_with_std() {
    let _m = memory_test();
    let before = jitclass::stats();
    for (n, x) in [(0, 0.0), (3, -1.23456), (12, 1e9)] {
        assert_eq!(table(n, x), table_rs(n, x), "n = {n}");
    }
    let mut expected = String::new();
    for i in 0..3i64 {
        writeln!(expected, "{}: x = {:+}", i + 1, i - 2).unwrap();
    }
    assert_eq!(log_of(3), expected);
    assert_eq!(write_then_panic(2), "0-1-");
    let message = panic_message(|| write_then_panic(5));
    assert!(message.starts_with("stopped after 6 bytes\n"), "{message}");
    assert!(balanced_since(&before));
}

/// A generic body writes any value `{}` formats.
#[jit]
fn joined<T>(xs: &[T]) -> String {
    let mut s = String::new();
    for i in 0..xs.len() {
        if i > 0 {
            s.push_str(", ");
        }
        write!(s, "{}", xs[i]).unwrap();
    }
    s
}

#[test]
fn generic_bodies_write() {
    let _m = memory_test();
    let before = jitclass::stats();
    assert_eq!(joined(&[1u8, 2, 3]), "1, 2, 3");
    assert_eq!(joined(&[1.5f64, -0.25]), "1.5, -0.25");
    assert_eq!(joined(&['a', 'é']), "a, é");
    assert!(balanced_since(&before));
}

twice!(into_elements, into_elements_rs, fn(n: usize) -> String {
    let mut v: Vec<String> = vec![String::new(), String::from("b:")];
    for i in 0..n {
        let j = i % 2;
        write!(v[j], "{}", i).unwrap();
        writeln!(v[1], ".").unwrap();
    }
    let mut all = String::new();
    write!(all, "{}|{}", v[0], v[1]).unwrap();
    all
});

/// A generic body writing into a `T` that is not a `String`: refused at its first call.
#[jit]
fn write_into<T>(mut x: T, n: i64) -> T {
    write!(x, "{}", n).unwrap();
    x
}

#[test]
fn writes_into_elements_and_refuses_other_targets() {
    let _m = memory_test();
    let before = jitclass::stats();
    for n in [0, 1, 5] {
        assert_eq!(into_elements(n), into_elements_rs(n), "n = {n}");
    }
    assert_eq!(write_into(String::from("x="), 4), "x=4");
    let err = write_into::dispatcher()
        .compile(&[jitclass::Type::I64])
        .unwrap_err();
    assert_eq!(err.message(), "cannot write into `i64`");
    assert!(balanced_since(&before));
}
