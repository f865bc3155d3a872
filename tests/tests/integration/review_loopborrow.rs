//! Review probes of where a loop's borrow ends (NLL for loops): generic bodies (which
//! rustc never checks) must not end a loop's lend while a view of what it borrowed is
//! still reachable, and accepted programs must give what rustc's build gives.

#![allow(clippy::never_loop)]

use crate::{assert_no_leaks, memory_test};
use jitclass::jit;

/// The message of a caught panic.
fn panic_text(f: impl FnOnce() + std::panic::UnwindSafe) -> Option<String> {
    let e = std::panic::catch_unwind(f).err()?;
    Some(
        e.downcast_ref::<String>()
            .cloned()
            .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_default(),
    )
}

const TAIL: &str =
    " and a much longer tail, long enough to move the buffer somewhere else entirely";

/// rustc refuses this (E0502: `first` holds `w`, read after the push): a word kept in a
/// tuple declared outside the loop outlives it, so its lend must not end at the push.
#[jit]
fn generic_keep_word_then_push<T>(s: String, x: T) -> (usize, T) {
    let mut s = s;
    let mut first = ("", 0);
    for w in s.split(' ') {
        first.0 = w;
        if w == "b" {
            s.push_str(
                " and a much longer tail, long enough to move the buffer somewhere else entirely",
            );
            break;
        }
    }
    (first.0.len(), x)
}

#[test]
fn generic_word_kept_past_the_loop_keeps_it_lent() {
    let _m = memory_test();
    let got = panic_text(|| {
        let r = generic_keep_word_then_push("a b c".to_string(), 1i64);
        panic!("no panic: {r:?}");
    });
    let got = got.unwrap_or_default();
    assert!(got.starts_with("already borrowed"), "{got}");
    assert_no_leaks();
}

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

/// rustc refuses (E0502: the outer loop reads `s` again after the inner loop's push);
/// the inner loop's lend may end but the outer one's must stay.
#[jit]
fn generic_nested_loops_over_one_text<T>(s: String, x: T) -> (usize, T) {
    let mut s = s;
    let mut n = 0;
    for a in s.chars() {
        for b in s.chars() {
            n += 1;
            if a == b {
                s.push_str(" and a much longer tail, long enough to move the buffer somewhere else entirely");
                break;
            }
        }
    }
    (n, x)
}

#[test]
fn generic_nested_loops_over_one_text_keep_the_outer_lend() {
    let _m = memory_test();
    let got = panic_text(|| {
        let r = generic_nested_loops_over_one_text("ab".to_string(), 1i64);
        panic!("no panic: {r:?}");
    })
    .unwrap_or_default();
    assert!(got.starts_with("already borrowed"), "{got}");
    assert_no_leaks();
}

/// rustc refuses (E0502: `m` is read after the push, on the same path).
#[jit]
fn generic_match_arm_push_then_other_arm_reads<T>(s: String, x: T) -> (usize, T) {
    let mut s = s;
    let mut n = 0;
    for w in s.split(' ') {
        if w.len() == 1 {
            s.push_str(
                " and a much longer tail, long enough to move the buffer somewhere else entirely",
            );
        } else {
            break;
        }
        n += w.len();
    }
    (n, x)
}

#[test]
fn generic_match_arm_push_then_read_keeps_the_lend() {
    let _m = memory_test();
    let got = panic_text(|| {
        let r = generic_match_arm_push_then_other_arm_reads("a bb".to_string(), 1i64);
        panic!("no panic: {r:?}");
    })
    .unwrap_or_default();
    assert!(got.starts_with("already borrowed"), "{got}");
    assert_no_leaks();
}

/// rustc refuses (E0502: the loop's word is the `break` value, read after the push).
#[jit]
fn generic_break_value_borrows<T>(s: String, x: T) -> (usize, T) {
    let mut s = s;
    let n = loop {
        let mut found = 0;
        for w in s.split(' ') {
            if w == "b" {
                s.push_str(" and a much longer tail, long enough to move the buffer somewhere else entirely");
                found = w.len();
                break;
            }
        }
        break found;
    };
    (n, x)
}

#[test]
fn generic_word_read_after_the_push_keeps_the_lend() {
    let _m = memory_test();
    let got = panic_text(|| {
        let r = generic_break_value_borrows("a b".to_string(), 1i64);
        panic!("no panic: {r:?}");
    })
    .unwrap_or_default();
    assert!(got.starts_with("already borrowed"), "{got}");
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
