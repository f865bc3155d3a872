//! A `String` a loop runs over (`for c in s.chars()`), changed or moved on a path that
//! leaves the loop (`break`, `return`, a labelled `break`/`continue` of an outer loop):
//! rustc accepts it (the loop's borrow ends at its last use, NLL), and jit code gives
//! what rustc's build gives; where the loop goes on after the change, the change still
//! panics "already borrowed" in a generic body (which rustc does not check).

// A loop whose body always leaves it is the point: a `break` of an outer loop from inside.
#![allow(clippy::never_loop)]

use crate::{assert_no_leaks, memory_test};
use jitclass::{jit, jitclass};
use std::collections::HashMap;

/// Each fn twice from one body: a `#[jit]` fn, and the plain Rust fn `rust_twin::name`.
macro_rules! twins {
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

twins! {
    fn push_in_nested_block_then_break(s: String) -> String {
        let mut s = s;
        for c in s.chars() {
            if c == 'x' {
                if s.len() > 1 {
                    s.push('!');
                } else {
                    s.push('?');
                }
                break;
            }
        }
        s
    }

    fn push_then_break_after_the_if(s: String) -> String {
        let mut s = s;
        for c in s.chars() {
            if c != 'x' {
                continue;
            }
            s.push('!');
            break;
        }
        s
    }

    fn push_in_branch_then_break_after_it(s: String) -> String {
        let mut s = s;
        for c in s.chars() {
            if c == 'x' {
                s.push('!');
            } else {
                continue;
            }
            break;
        }
        s
    }

    fn split_words_then_push_and_break(s: String) -> (usize, String) {
        let mut s = s;
        let mut n = 0;
        for w in s.split(' ') {
            n += w.len();
            if w == "b" {
                s.push_str(" and a longer tail to move the buffer somewhere else");
                break;
            }
        }
        (n, s)
    }

    fn bytes_then_return(s: String) -> (usize, String) {
        let mut s = s;
        let mut n = 0;
        for b in s.bytes() {
            n += 1;
            if b == b'x' {
                s.push_str(" and a longer tail to move the buffer somewhere else");
                return (n, s);
            }
        }
        (n, s)
    }

    fn labelled_break_from_inner_loop(s: String) -> String {
        let mut s = s;
        'outer: for round in 0..3 {
            for c in s.chars() {
                if c == 'x' && round == 1 {
                    for _ in 0..2 {
                        s.push('!');
                        break 'outer;
                    }
                }
            }
        }
        s
    }

    fn continue_outer_loop(s: String) -> String {
        let mut s = s;
        let mut rounds = 0;
        'outer: while rounds < 3 {
            rounds += 1;
            for c in s.chars() {
                if c == 'x' {
                    s.push('!');
                    continue 'outer;
                }
            }
        }
        s
    }

    fn nested_text_loops_push_then_break(s: String) -> (usize, String) {
        let mut s = s;
        let mut n = 0;
        for w in s.split(' ') {
            for c in w.chars() {
                n += 1;
                if c == 'x' {
                    break;
                }
            }
            if w.len() > 1 {
                s.push_str("++");
                break;
            }
        }
        (n, s)
    }

    fn move_into_option_then_return(s: String) -> Option<String> {
        for c in s.chars() {
            if c == 'x' {
                let mut t = s;
                t.push_str(" moved");
                return Some(t);
            }
        }
        None
    }

    fn vec_push_then_break(v: Vec<i64>) -> Vec<i64> {
        let mut v = v;
        for x in &v {
            if *x == 2 {
                v.push(9);
                break;
            }
        }
        v
    }

    fn vec_iter_push_then_return(v: Vec<i64>) -> Vec<i64> {
        let mut v = v;
        for x in v.iter() {
            if *x == 2 {
                v.push(9);
                return v;
            }
        }
        v
    }
}

#[test]
fn a_string_changed_after_its_loop_last_reads_it_then_left_behaves_as_rust() {
    let _m = memory_test();
    for s in ["axb", "x", "abc", "", "héxllo wörld", "a b xc d"] {
        let o = || s.to_string();
        assert_eq!(
            push_in_nested_block_then_break(o()),
            rust_twin::push_in_nested_block_then_break(o()),
            "{s:?}"
        );
        assert_eq!(
            push_then_break_after_the_if(o()),
            rust_twin::push_then_break_after_the_if(o())
        );
        assert_eq!(
            push_in_branch_then_break_after_it(o()),
            rust_twin::push_in_branch_then_break_after_it(o())
        );
        assert_eq!(bytes_then_return(o()), rust_twin::bytes_then_return(o()));
        assert_eq!(
            labelled_break_from_inner_loop(o()),
            rust_twin::labelled_break_from_inner_loop(o())
        );
        assert_eq!(
            continue_outer_loop(o()),
            rust_twin::continue_outer_loop(o())
        );
        assert_eq!(
            move_into_option_then_return(o()),
            rust_twin::move_into_option_then_return(o())
        );
    }
    for s in ["a b c", "a", "b", "", "xx yy", "a xb b"] {
        let o = || s.to_string();
        assert_eq!(
            split_words_then_push_and_break(o()),
            rust_twin::split_words_then_push_and_break(o()),
            "{s:?}"
        );
        assert_eq!(
            nested_text_loops_push_then_break(o()),
            rust_twin::nested_text_loops_push_then_break(o())
        );
    }
    assert_no_leaks();
}

#[test]
fn a_vec_changed_after_its_loop_last_reads_it_then_left_behaves_as_rust() {
    let _m = memory_test();
    for v in [vec![1, 2, 3], vec![], vec![2], vec![5, 6]] {
        assert_eq!(
            vec_push_then_break(v.clone()),
            rust_twin::vec_push_then_break(v.clone())
        );
        assert_eq!(
            vec_iter_push_then_return(v.clone()),
            rust_twin::vec_iter_push_then_return(v.clone())
        );
    }
    assert_no_leaks();
}

// ---- generic bodies: rustc does not check them, the lend must stay where a read follows ----

#[jit]
fn generic_vec_push_then_break<T>(v: Vec<i64>, x: T) -> (Vec<i64>, T) {
    let mut v = v;
    for e in &v {
        if *e == 2 {
            v.push(9);
            break;
        }
    }
    (v, x)
}

#[jit]
fn generic_map_insert_then_return<T>(m: HashMap<i64, i64>, x: T) -> (usize, T) {
    let mut m = m;
    for (k, _) in &m {
        if *k == 2 {
            m.insert(9, 9);
            return (m.len(), x);
        }
    }
    (m.len(), x)
}

#[test]
fn generic_bodies_change_a_vec_or_map_once_their_loop_is_left() {
    let _m = memory_test();
    assert_eq!(
        generic_vec_push_then_break(vec![1, 2, 3], 'a'),
        (vec![1, 2, 3, 9], 'a')
    );
    assert_eq!(generic_vec_push_then_break(vec![1], 'a'), (vec![1], 'a'));
    let m: HashMap<i64, i64> = [(1, 1), (2, 2)].into_iter().collect();
    assert_eq!(generic_map_insert_then_return(m.clone(), 5u8), (3, 5));
    let m: HashMap<i64, i64> = [(1, 1)].into_iter().collect();
    assert_eq!(generic_map_insert_then_return(m, 5u8), (1, 5));
    assert_no_leaks();
}

#[jit]
fn generic_push_then_break<T>(s: String, x: T) -> (String, T) {
    let mut s = s;
    for w in s.split_whitespace() {
        if w == "b" {
            s.push_str(" and a longer tail to move the buffer somewhere else");
            break;
        }
    }
    (s, x)
}

// The bodies rustc refuses (`w` read after the push, the loop going on after it) are
// refused at build time as well: `tests/ui/generics/string_changed_while_looped.rs`.

#[test]
fn generic_bodies_end_the_lend_where_nothing_reads_the_text() {
    let _m = memory_test();
    assert_eq!(
        generic_push_then_break("a b c".to_string(), 7i64),
        (
            "a b c and a longer tail to move the buffer somewhere else".to_string(),
            7
        )
    );
    assert_no_leaks();
}

// ---- a loop over a field ----

#[jitclass]
pub struct Tagged {
    name: String,
}

#[jitclass]
impl Tagged {
    pub fn new(name: String) -> Tagged {
        Tagged { name }
    }

    /// Marks the name at its first `x`; rustc accepts the push (the loop breaks).
    pub fn mark(&mut self) -> usize {
        let mut seen = 0;
        for c in self.name.chars() {
            seen += 1;
            if c == 'x' {
                self.name
                    .push_str(" (marked, with a tail long enough to move it)");
                break;
            }
        }
        seen
    }
}

struct TaggedRs {
    name: String,
}

impl TaggedRs {
    fn mark(&mut self) -> usize {
        let mut seen = 0;
        for c in self.name.chars() {
            seen += 1;
            if c == 'x' {
                self.name
                    .push_str(" (marked, with a tail long enough to move it)");
                break;
            }
        }
        seen
    }
}

#[test]
fn a_field_changed_after_its_loop_last_reads_it_then_left_behaves_as_rust() {
    let _m = memory_test();
    for s in ["axb", "abc", "", "x"] {
        let mut t = Tagged::new(s.to_string());
        let mut r = TaggedRs {
            name: s.to_string(),
        };
        assert_eq!(t.mark(), r.mark(), "{s:?}");
        assert_eq!(t.name(), r.name, "{s:?}");
        drop(t);
    }
    assert_no_leaks();
}
