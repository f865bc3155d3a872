//! Borrow conflicts of a `String` in generic bodies whose `String` is a type argument
//! (`S = String`): rustc never checks such a body, so jitclass refuses the conflicts rustc
//! refuses in the same code without type parameters at the first call, in rustc's words
//! (E0502, E0505, E0506), naming the instantiation; the valid neighbours run as rustc's
//! build of them does.

use crate::{balanced_since, memory_test, panic_message};
use jitclass::jit;
use std::fmt::Write;

#[jit]
fn pushed_onto_itself<S>(s: S) -> S {
    let mut s = s;
    s.push_str(&s);
    s
}

#[jit]
fn written_into_itself<S>(s: S) -> S {
    let mut s = s;
    write!(s, "<{}>", s).unwrap();
    s
}

#[jit]
fn lengths(v: &str, s: String) -> usize {
    v.len() * 10 + s.len()
}

#[jit]
fn lent_and_moved<S>(s: S) -> usize {
    lengths(s.as_str(), s)
}

#[jit]
fn cleared_while_looped<S>(s: S) -> usize {
    let mut s = s;
    let mut n = 0;
    for w in s.split_whitespace() {
        n += w.len();
        s.clear();
    }
    n + s.len()
}

#[jit]
fn reassigned_while_looped<S>(s: S, other: S) -> usize {
    let mut s = s;
    let mut n = 0;
    for c in s.chars() {
        n += c.len_utf8();
        s = other.clone();
    }
    n + s.len()
}

/// The instantiation's `String` conflicts, told as rustc tells the same code.
#[test]
fn string_borrow_conflicts_are_refused_at_the_first_call() {
    let _m = memory_test();
    let before = jitclass::stats();
    let cases: [(String, &str, &str); 5] = [
        (
            panic_message(|| pushed_onto_itself(String::from("ab"))),
            "cannot borrow `s` as mutable because it is also borrowed as immutable",
            "E0502",
        ),
        (
            panic_message(|| written_into_itself(String::from("ab"))),
            "cannot borrow `s` as mutable because it is also borrowed as immutable",
            "E0502",
        ),
        (
            panic_message(|| lent_and_moved(String::from("ab"))),
            "cannot move out of `s` because it is borrowed",
            "E0505",
        ),
        (
            panic_message(|| cleared_while_looped(String::from("a b"))),
            "cannot borrow `s` as mutable because it is also borrowed as immutable",
            "E0502",
        ),
        (
            panic_message(|| reassigned_while_looped(String::from("ab"), String::from("other"))),
            "cannot assign to `s` because it is borrowed",
            "E0506",
        ),
    ];
    for (message, words, code) in cases {
        assert!(message.contains(words), "{message}");
        assert!(message.contains(code), "{message}");
        assert!(message.contains("S = String"), "{message}");
    }
    assert!(balanced_since(&before));
}

/// `write!` of something else, a `&str` of a copy, a change past the loop's last use of
/// its text (NLL), and a move once the lend is over: rustc accepts each.
#[jit]
fn valid_neighbours<S>(s: S) -> usize {
    let mut s = s;
    let copy = s.clone();
    s.push_str(&copy);
    write!(s, "<{}>", copy.len()).unwrap();
    let mut n = 0;
    for w in s.split_whitespace() {
        n += w.len();
        if n > 3 {
            s.clear();
            break;
        }
    }
    let lent = lengths(copy.as_str(), s.clone());
    n * 1000 + lent + lengths(&copy, s)
}

fn valid_neighbours_rs(s: String) -> usize {
    let mut s = s;
    let copy = s.clone();
    s.push_str(&copy);
    write!(s, "<{}>", copy.len()).unwrap();
    let mut n = 0;
    for w in s.split_whitespace() {
        n += w.len();
        if n > 3 {
            s.clear();
            break;
        }
    }
    let lent = copy.as_str().len() * 10 + s.clone().len();
    n * 1000 + lent + copy.len() * 10 + s.len()
}

#[test]
fn string_borrows_rustc_accepts_run() {
    let _m = memory_test();
    let before = jitclass::stats();
    for text in ["ab", "a bc def", "", "lo ng words"] {
        assert_eq!(
            valid_neighbours(String::from(text)),
            valid_neighbours_rs(String::from(text)),
            "{text:?}"
        );
    }
    assert!(balanced_since(&before));
}
