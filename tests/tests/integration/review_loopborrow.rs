//! Review probes of where a loop's borrow ends (NLL for loops): generic bodies (which
//! rustc never checks) must not end a loop's lend while a view of what it borrowed is
//! still reachable, and accepted programs must give what rustc's build gives.

#![allow(clippy::never_loop)]

use crate::{assert_no_leaks, memory_test};
use jitclass::jit;

const TAIL: &str =
    " and a much longer tail, long enough to move the buffer somewhere else entirely";

// Bodies rustc refuses (a word kept past the loop, nested loops over one text, a read
// after the push on its path, a `break` value) are refused at build time as well:
// `tests/ui/generics/string_changed_while_looped.rs`.

/// rustc accepts: the word is copied into an owned `String` before the push.
#[jit]
fn generic_owned_copy_then_push<T>(s: String, x: T) -> (String, String, T) {
    let mut s = s;
    let mut first = String::new();
    for w in s.split(' ') {
        if w == "b" {
            first = w.to_string();
            s.push_str(
                " and a much longer tail, long enough to move the buffer somewhere else entirely",
            );
            break;
        }
    }
    (first, s, x)
}

fn rust_owned_copy_then_push(s: String) -> (String, String) {
    let mut s = s;
    let mut first = String::new();
    for w in s.split(' ') {
        if w == "b" {
            first = w.to_string();
            s.push_str(TAIL);
            break;
        }
    }
    (first, s)
}

#[test]
fn generic_owned_copy_then_push_behaves_as_rust() {
    let _m = memory_test();
    for s in ["a b c", "b", "", "a c"] {
        let (a, b, _) = generic_owned_copy_then_push(s.to_string(), 'q');
        assert_eq!((a, b), rust_owned_copy_then_push(s.to_string()), "{s:?}");
    }
    assert_no_leaks();
}

/// rustc accepts: `?`-free early return after a push, in a loop over a field-less local,
/// inside an outer counted loop that runs the text loop again (a new lend each time).
#[jit]
fn generic_text_loop_rerun<T>(s: String, x: T) -> (String, T) {
    let mut s = s;
    for _ in 0..3 {
        for c in s.chars() {
            if c == 'x' {
                s.push('y');
                break;
            }
        }
        s.push('x');
    }
    (s, x)
}

fn rust_text_loop_rerun(s: String) -> String {
    let mut s = s;
    for _ in 0..3 {
        for c in s.chars() {
            if c == 'x' {
                s.push('y');
                break;
            }
        }
        s.push('x');
    }
    s
}

#[test]
fn generic_text_loop_run_again_behaves_as_rust() {
    let _m = memory_test();
    for s in ["", "x", "abc"] {
        assert_eq!(
            generic_text_loop_rerun(s.to_string(), 0u8).0,
            rust_text_loop_rerun(s.to_string())
        );
    }
    assert_no_leaks();
}
