//! Adversarial review of `String` in jit code (issue 16): lends under moves and
//! reassignments in generic bodies, panics with several `String`s live, capacity against
//! std, non-ASCII comparisons, crossing with odd capacities, SQLite `String` results;
//! each against what rustc's build of the same code does, the memory runtime balanced.

// The Rust twins are written as the jit bodies are (no `?`, counters, `push_str` of one
// character), to be the same code.
#![allow(
    clippy::needless_as_bytes,
    clippy::explicit_counter_loop,
    clippy::question_mark,
    clippy::single_char_add_str
)]

use crate::{assert_no_leaks, memory_test};
use jitclass::jit;

fn panic_message(e: Box<dyn std::any::Any + Send>) -> String {
    if let Some(s) = e.downcast_ref::<String>() {
        s.clone()
    } else if let Some(s) = e.downcast_ref::<&str>() {
        s.to_string()
    } else {
        "<no message>".to_string()
    }
}

// ---- lends that rustc accepts (NLL ends the loop's borrow at `break`/`return`) ----

#[jit]
fn push_then_break(s: String) -> String {
    let mut s = s;
    for c in s.chars() {
        if c == 'x' {
            s.push('!');
            break;
        }
    }
    s
}

#[jit]
fn move_then_return(s: String) -> String {
    for c in s.chars() {
        if c == 'x' {
            let mut t = s;
            t.push('!');
            return t;
        }
    }
    s
}

/// rustc accepts `push_then_break` (the loop's borrow of `s` is dead once the body
/// breaks: NLL) and returns "axb!"; so does jitclass (the loop's text was lent until the
/// loop's block ended, so the `push` panicked "already borrowed").
#[test]
fn push_after_last_use_of_loop_text_then_break() {
    let _m = memory_test();
    let r = std::panic::catch_unwind(|| push_then_break("axb".to_string())).map_err(panic_message);
    assert_eq!(r, Ok("axb!".to_string()));
    assert_no_leaks();
}

/// rustc accepts `move_then_return` (moving `s` out of a loop over `s.chars()` and
/// returning: NLL) and returns "axb!"; so does jitclass (it panicked at `t.push`: the
/// loop's lend stayed on the block `t` now owns).
#[test]
fn move_out_of_loop_text_then_return() {
    let _m = memory_test();
    let r = std::panic::catch_unwind(|| move_then_return("axb".to_string())).map_err(panic_message);
    assert_eq!(r, Ok("axb!".to_string()));
    assert_no_leaks();
}

// ---- generic bodies: rustc does not see them, jitclass must ----

// Assigning the `String` a loop runs over (E0506) and lending a `&str` of it beside its
// move (E0505) are refused at build time, as rustc refuses them
// (`tests/ui/generics/string_borrow_conflicts.rs`).

#[jit]
fn move_inside_loop<T>(s: String, x: T) -> (usize, String, T) {
    let mut n = 0;
    let mut out = String::new();
    for w in s.split_whitespace() {
        n += w.len();
        let mut t = s;
        t.push_str(" more words to reallocate the buffer for sure, more and more");
        out = t;
        break;
    }
    (n, out, x)
}

/// rustc accepts `move_inside_loop` (the loop's borrow of `s` is dead after the move,
/// the body breaks) and returns `(2, "ab cd more words...", 1)`; so does jitclass (it
/// panicked at `t.push_str`).
#[test]
fn generic_move_inside_loop_then_break() {
    let _m = memory_test();
    let r = std::panic::catch_unwind(|| move_inside_loop("ab cd".to_string(), 1i64))
        .map_err(panic_message);
    assert_eq!(
        r,
        Ok((
            2,
            "ab cd more words to reallocate the buffer for sure, more and more".to_string(),
            1
        ))
    );
    assert_no_leaks();
}

// ---- panics with several Strings live ----

#[jit]
fn consume_and_panic(s: String, n: i64) -> usize {
    let t = s.clone();
    if n > 0 {
        panic!("boom {}", n);
    }
    t.len() + s.len()
}

#[jit]
fn many_live(a: String, n: i64) -> usize {
    let b = a.clone();
    let mut c = String::with_capacity(100);
    c.push_str(&b);
    let mut total = 0;
    for i in 0..5 {
        let d = c.clone();
        let mut e = String::from(d.as_str());
        e.push('é');
        if i == n {
            total += consume_and_panic(e, n);
        } else {
            total += e.len();
        }
        total += d.len();
    }
    total + b.len() + c.len() + a.len()
}

#[jit]
fn slice_panics(s: String, i: usize) -> usize {
    let t = s.clone();
    let u = String::from(&t[i..]);
    u.len() + s.len()
}

#[test]
fn ok_panics_with_several_strings_live_balance() {
    let _m = memory_test();
    assert_eq!(many_live("ab".to_string(), -1), 5 * 6 + 2 + 2 + 2);
    assert_eq!(many_live("ab".to_string(), 0), 5 * 6 + 2 + 2 + 2 + 4);
    for n in 1..5 {
        let e = std::panic::catch_unwind(|| many_live("ab".to_string(), n)).expect_err("panic");
        assert!(panic_message(e).starts_with(&format!("boom {n}\n")));
        assert_no_leaks();
    }
    let e = std::panic::catch_unwind(|| slice_panics("héllo".to_string(), 2)).expect_err("panic");
    let msg = panic_message(e);
    assert!(
        msg.starts_with(
            "start byte index 2 is not a char boundary; it is inside 'é' (bytes 1..3) of `héllo`"
        ),
        "{msg}"
    );
    assert_no_leaks();
}

// ---- early returns, reassignment, loops ----

#[jit]
fn early(s: String, stop: usize) -> Option<String> {
    let mut out = String::new();
    let mut i = 0;
    for w in s.split(',') {
        let t = w.trim().to_string();
        if i == stop {
            return None;
        }
        let n = match t.parse::<i64>().ok() {
            Some(n) => n,
            None => return None,
        };
        out = out.clone();
        out.push_str(&t);
        if n < 0 {
            break;
        }
        i += 1;
    }
    Some(out)
}

fn early_rs(s: String, stop: usize) -> Option<String> {
    let mut out = String::new();
    let mut i = 0;
    for w in s.split(',') {
        let t = w.trim().to_string();
        if i == stop {
            return None;
        }
        let n = match t.parse::<i64>().ok() {
            Some(n) => n,
            None => return None,
        };
        out = out.clone();
        out.push_str(&t);
        if n < 0 {
            break;
        }
        i += 1;
    }
    Some(out)
}

#[test]
fn ok_early_returns_and_reassignments_balance() {
    let _m = memory_test();
    for s in ["1, 2, 3", "1, x, 3", "1, -2, 3", ""] {
        for stop in 0..4 {
            assert_eq!(
                early(s.to_string(), stop),
                early_rs(s.to_string(), stop),
                "{s} {stop}"
            );
            assert_no_leaks();
        }
    }
}

// ---- capacity against std ----

#[jit]
fn capacities(n: usize) -> (usize, usize, usize, usize, usize, usize) {
    let a = String::new();
    let b = String::with_capacity(0);
    let c = String::with_capacity(n);
    let mut d = String::new();
    d.push('a');
    let d1 = d.capacity();
    for _ in 0..9 {
        d.push('a');
    }
    let mut e = String::with_capacity(3);
    e.push_str("abcd");
    (
        a.capacity(),
        b.capacity(),
        c.capacity(),
        d1,
        d.capacity(),
        e.capacity(),
    )
}

fn capacities_rs(n: usize) -> (usize, usize, usize, usize, usize, usize) {
    let a = String::new();
    let b = String::with_capacity(0);
    let c = String::with_capacity(n);
    let mut d = String::new();
    d.push('a');
    let d1 = d.capacity();
    for _ in 0..9 {
        d.push('a');
    }
    let mut e = String::with_capacity(3);
    e.push_str("abcd");
    (
        a.capacity(),
        b.capacity(),
        c.capacity(),
        d1,
        d.capacity(),
        e.capacity(),
    )
}

#[test]
fn ok_capacity_matches_std() {
    let _m = memory_test();
    for n in [0, 1, 7, 13] {
        assert_eq!(capacities(n), capacities_rs(n));
    }
    assert_no_leaks();
}

#[jit]
fn huge(n: usize) -> usize {
    let s = String::with_capacity(n);
    s.capacity()
}

#[jit]
fn reserve_huge(n: usize) -> usize {
    let mut s = String::from("a");
    s.reserve(n);
    s.capacity()
}

#[test]
fn ok_huge_capacity_panics_as_std() {
    let _m = memory_test();
    let e = std::panic::catch_unwind(|| huge(usize::MAX)).expect_err("panic");
    assert!(panic_message(e).starts_with("capacity overflow\n"));
    let e = std::panic::catch_unwind(|| reserve_huge(usize::MAX)).expect_err("panic");
    assert!(panic_message(e).starts_with("capacity overflow\n"));
    assert_no_leaks();
}

// ---- crossing with Rust Strings of odd capacity ----

#[jit]
fn pass_through(s: String) -> (String, usize, usize) {
    let mut s = s;
    let c0 = s.capacity();
    s.push_str("ü");
    let c1 = s.capacity();
    (s, c0, c1)
}

#[test]
fn ok_rust_string_capacity_crosses_both_ways() {
    let _m = memory_test();
    for cap in [0usize, 1, 3, 5, 13, 100] {
        let mut r = String::with_capacity(cap);
        r.push_str("ab");
        let cap_in = r.capacity();
        let ptr_in = r.as_ptr();
        let (mut back, c0, c1) = pass_through(r);
        assert_eq!(c0, cap_in);
        assert_eq!(back.capacity(), c1);
        if cap_in >= 4 {
            assert_eq!(back.as_ptr(), ptr_in, "buffer handed over, not copied");
        }
        let mut rs = String::with_capacity(cap);
        rs.push_str("ab");
        rs.push_str("ü");
        assert_eq!(back, rs);
        assert_eq!(c1, rs.capacity(), "growth as std's for cap {cap}");
        back.push_str(&"x".repeat(1000));
        back.shrink_to_fit();
        drop(back);
    }
    assert_no_leaks();
}

// ---- invalid chars, comparisons ----

#[jit]
fn push_from_u32(n: u32) -> String {
    let mut s = String::new();
    s.push(char::from_u32(n).unwrap());
    s
}

#[jit]
fn compare(a: String, b: String) -> (bool, bool, bool, bool, bool, bool, bool, bool) {
    (
        a < b,
        a <= b,
        a > b,
        a >= b,
        a == b,
        a != b,
        a == b.as_str(),
        b.as_str() == a,
    )
}

#[test]
fn ok_invalid_scalar_and_non_ascii_comparisons() {
    let _m = memory_test();
    assert_eq!(push_from_u32(0x1F600), "😀");
    for n in [0xD800u32, 0xDFFF, 0x110000, u32::MAX] {
        let e = std::panic::catch_unwind(|| push_from_u32(n)).expect_err("panic");
        let msg = panic_message(e);
        assert!(
            msg.starts_with("called `Option::unwrap()` on a `None` value\n"),
            "{msg}"
        );
    }
    let words = [
        "", "a", "ab", "z", "é", "e\u{301}", "ß", "ss", "😀", "\u{FFFF}", "a\0",
    ];
    for a in words {
        for b in words {
            let (a, b) = (a.to_string(), b.to_string());
            let want = (a < b, a <= b, a > b, a >= b, a == b, a != b, a == b, b == a);
            assert_eq!(compare(a.clone(), b.clone()), want, "{a:?} {b:?}");
        }
    }
    assert_no_leaks();
}

// ---- SQLite String results ----

#[jit]
fn with_nul(s: &str) -> String {
    let mut out = String::from(s);
    out.push('\0');
    out.push_str(s);
    out
}

#[jit]
fn maybe_panics(s: &str) -> Option<String> {
    let a = s.to_string();
    let b = a.clone();
    if s == "boom" {
        panic!("boom");
    }
    if s.is_empty() { None } else { Some(b) }
}

#[test]
fn ok_sqlite_string_results_keep_nul_and_balance() {
    use crate::sql_rows::one;
    use jitclass::sqlite::{Connection, register_scalar};
    use rusqlite::types::Value;
    let _memory = memory_test();
    let before = jitclass::stats();
    let conn = Connection::open_in_memory().unwrap();
    let flags = crate::sqlite_text::flags();
    register_scalar::<with_nul>(&conn, "with_nul", flags).unwrap();
    register_scalar::<maybe_panics>(&conn, "maybe_panics", flags).unwrap();
    assert_eq!(
        one(&conn, "SELECT hex(with_nul('ab'))"),
        Ok(Value::Text("6162006162".into()))
    );
    assert_eq!(
        one(&conn, "SELECT with_nul('é')"),
        Ok(Value::Text("é\0é".into()))
    );
    assert_eq!(one(&conn, "SELECT maybe_panics('')"), Ok(Value::Null));
    assert_eq!(
        one(&conn, "SELECT maybe_panics('x')"),
        Ok(Value::Text("x".into()))
    );
    let r = one(&conn, "SELECT maybe_panics('boom')");
    assert!(r.is_err(), "{r:?}");
    drop(conn);
    assert!(crate::balanced_since(&before), "{:?}", jitclass::stats());
    assert_no_leaks();
}

// ---- returning a String while the loop over it still holds its text ----

#[jit]
fn return_in_loop(s: String) -> (String, usize) {
    let mut n = 0;
    for c in s.chars() {
        if c == 'x' {
            return (s, n);
        }
        n += c.len_utf8();
    }
    (s, n)
}

#[jit]
fn return_in_loop_generic<T>(s: String, x: T) -> (String, usize, T) {
    let mut n = 0;
    for w in s.split(' ') {
        if w == "x" {
            return (s, n, x);
        }
        n += w.len();
    }
    (s, n, x)
}

#[test]
fn ok_return_a_string_from_inside_the_loop_over_it() {
    let _m = memory_test();
    assert_eq!(
        return_in_loop("éax b".to_string()),
        ("éax b".to_string(), 3)
    );
    assert_eq!(return_in_loop("éa".to_string()), ("éa".to_string(), 3));
    assert_eq!(
        return_in_loop_generic("ab x cd".to_string(), 7u8),
        ("ab x cd".to_string(), 2, 7)
    );
    let mut back = return_in_loop("x".repeat(40)).0;
    back.push_str("more");
    assert_eq!(back.len(), 44);
    assert_no_leaks();
}

// ---- a String moved into an `objmode!` block while jit code holds its text ----

/// An `objmode!` block gets a clone of each input (the shadow rustc checks borrows it), so
/// `t` stays valid after the block drops its `String`.
#[jit]
fn view_then_objmode(s: String) -> String {
    let t = s.as_str();
    let n = jitclass::objmode!(|s: String| -> usize {
        let n = s.len();
        drop(s);
        n
    });
    let mut junk = String::with_capacity(n);
    for _ in 0..n {
        junk.push('Z');
    }
    let mut out = String::from(t);
    out.push_str(&junk);
    out
}

#[test]
fn ok_objmode_takes_a_clone_of_a_string_a_view_of_which_is_kept() {
    let _m = memory_test();
    let s = "abcdefghijklmnopqrstuvwxyz0123456789".to_string();
    let r = std::panic::catch_unwind(|| view_then_objmode(s.clone())).map_err(panic_message);
    assert_eq!(r, Ok(format!("{s}{}", "Z".repeat(s.len()))));
    assert_no_leaks();
}

/// The same within one call.
#[jit]
fn lent_to_objmode(s: String) -> usize {
    both_lens(
        s.as_str(),
        jitclass::objmode!(|s: String| -> usize { s.len() }),
    )
}

#[jit]
fn both_lens(v: &str, n: usize) -> usize {
    v.len() + n
}

#[test]
fn ok_objmode_takes_a_clone_of_a_string_lent_to_the_same_call() {
    let _m = memory_test();
    let r = std::panic::catch_unwind(|| lent_to_objmode("abc".to_string())).map_err(panic_message);
    assert_eq!(r, Ok(6));
    assert_no_leaks();
}

// `s.push_str(&s)` in a generic body is refused as rustc refuses it (E0502):
// `tests/ui/generics/string_borrow_conflicts.rs`, `generic_string_borrows.rs`.

// ---- capacity after reserve, clone and clear, against std ----

/// Each fn twice from one body: a `#[jit]` fn, and the plain Rust fn `rust_twin::name`.
macro_rules! twins_capacity {
    ($(fn $name:ident($($p:ident: $t:ty),* $(,)?) -> $r:ty $body:block)*) => {
        $(
            #[jit]
            fn $name($($p: $t),*) -> $r $body
        )*
        mod rust_twin {
            $(
                pub fn $name($($p: $t),*) -> $r $body
            )*
        }
    };
}

twins_capacity! {
    fn capacity_steps(n: usize, t: &str) -> (usize, usize, usize, usize, usize, bool, bool) {
        let mut s = String::with_capacity(n);
        s.push_str(t);
        s.reserve(n + 3);
        let after_reserve = s.capacity();
        let c = s.clone();
        let clone_cap = c.capacity();
        s.clear();
        let after_clear = s.capacity();
        s.push_str(t);
        s.push_str(t);
        s.push_str(t);
        let grown = s.capacity();
        let mut e = String::with_capacity(0);
        e.push('é');
        (after_reserve, clone_cap, after_clear, grown, e.capacity(), "é" == e, e != "e\u{301}")
    }
}

#[test]
fn ok_capacity_after_reserve_clone_clear_matches_std() {
    let _m = memory_test();
    for n in [0, 1, 5, 40] {
        for t in ["", "a", "héllo wörld", "0123456789abcdef0123"] {
            assert_eq!(
                capacity_steps(n, t),
                rust_twin::capacity_steps(n, t),
                "{n} {t:?}"
            );
        }
    }
    assert_no_leaks();
}

// ---- text of a temporary String: the loop and the call must keep it alive ----

#[jit]
fn temporaries(t: &str) -> (usize, usize, usize, bool) {
    let mut words = 0;
    for w in String::from(t).split(' ') {
        let mut junk = String::new();
        junk.push_str("ZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ");
        words += w.len() + junk.len() - junk.len();
    }
    let mut chars = 0;
    for c in t.to_string().clone().chars() {
        if c.is_alphabetic() {
            chars += 1;
        }
    }
    let trimmed = both_lens(t.to_string().trim(), 0);
    (words, chars, trimmed, t.to_string().as_str() == t)
}

#[test]
fn ok_text_of_a_temporary_string_outlives_its_use() {
    let _m = memory_test();
    for t in ["", "ab cd", "  héllo  wörld  ", &"xy ".repeat(50)] {
        let words: usize = t.split(' ').map(str::len).sum();
        let chars = t.chars().filter(|c| c.is_alphabetic()).count();
        assert_eq!(
            temporaries(t),
            (words, chars, t.trim().len(), true),
            "{t:?}"
        );
    }
    assert_no_leaks();
}
