//! `String`s passed to class methods and borrowed as `&str`: a `&str` of a `String`
//! passed to a jit fn and the `&str` it returns kept (rustc checks it), and the lend that
//! makes a change of a `String` whose `&str` is in use panic, as `RefCell` does, in a
//! generic fn (which rustc does not check).

use crate::{assert_no_leaks, memory_test};
use jitclass::{jit, jitclass};

#[jitclass]
pub struct Greeter {
    count: i64,
}

#[jitclass]
impl Greeter {
    pub fn new() -> Greeter {
        Greeter { count: 0 }
    }

    /// Takes a `String` and gives one back.
    pub fn greet(&mut self, name: String) -> String {
        self.count += 1;
        let mut s = String::from("hello, ");
        s.push_str(&name);
        s.push('!');
        s
    }

    /// A `&str` of a `String` passed to a method taking `&str`.
    pub fn longer(&self, a: String, b: &str) -> bool {
        self.shorter_than(b, &a)
    }

    pub fn shorter_than(&self, a: &str, b: &str) -> bool {
        a.len() < b.len()
    }
}

#[jit]
fn first_word(s: &str) -> &str {
    for w in s.split_whitespace() {
        return w;
    }
    ""
}

/// The `&str` a jit fn returns from a `&str` of a local `String`, kept in a local.
#[jit]
fn first_word_len(s: String) -> (usize, String) {
    let w = first_word(&s);
    let n = w.len();
    (n, w.to_string())
}

#[test]
fn class_methods_take_and_give_strings() {
    let _m = memory_test();
    let mut g = Greeter::new();
    assert_eq!(g.greet("wörld".to_string()), "hello, wörld!");
    assert_eq!(g.greet(String::new()), "hello, !");
    assert_eq!(g.count(), 2);
    assert!(g.longer("abc".to_string(), "ab"));
    assert!(!g.longer("a".to_string(), "ab"));
    drop(g);
    assert_eq!(
        first_word_len("  héllo wörld".to_string()),
        (6, "héllo".to_string())
    );
    assert_eq!(first_word_len(" ".to_string()), (0, String::new()));
    assert_no_leaks();
}

// A push to the `String` a loop runs over is refused as rustc refuses it (E0502): at build
// time where its type is written (`tests/ui/generics/string_changed_while_looped.rs`), at
// the first call where it is a type argument (`generic_string_borrows.rs`).

/// A push once the loop is over: allowed, the lend ended with the loop.
#[jit]
fn push_after_splitting<T>(s: String, x: T) -> (usize, String, T) {
    let mut s = s;
    let mut n = 0;
    for w in s.split_whitespace() {
        n += w.len();
    }
    s.push_str(" more");
    if s.trim().len() > 3 {
        s.push('.');
    }
    (n, s, x)
}

#[test]
fn a_string_changes_once_its_loop_is_over() {
    let _m = memory_test();
    assert_eq!(
        push_after_splitting("a bc".to_string(), 2i64),
        (3, "a bc more.".to_string(), 2)
    );
    assert_no_leaks();
}
