//! `for x in v` over a `Vec` by value: the elements move out, the `Vec` is consumed (a
//! use afterwards is rustc's E0382, also in generic bodies), and what a `break`, `return`
//! or panic leaves behind is released. Each function compiled by jitclass and by rustc.

use crate::{assert_no_leaks, balanced_since, memory_test};
use jitclass::{jit, jitclass};

macro_rules! twice {
    ($jit:ident, $rust:ident, fn($($p:ident: $t:ty),*) -> $r:ty $body:block) => {
        #[jit]
        fn $jit($($p: $t),*) -> $r $body
        #[allow(clippy::all)]
        fn $rust($($p: $t),*) -> $r $body
    };
}

twice!(sum_moved, sum_moved_rs, fn(v: Vec<f64>) -> f64 {
    let mut s = 0.0;
    for x in v {
        s += x;
    }
    s
});

twice!(rows_moved, rows_moved_rs, fn(m: Vec<Vec<i64>>, stop: usize) -> (Vec<Vec<i64>>, i64) {
    let mut kept = Vec::new();
    let mut s = 0;
    for mut row in m {
        if row.len() == stop {
            break;
        }
        row.push(1);
        for x in &row {
            s += x;
        }
        kept.push(row);
    }
    (kept, s)
});

twice!(pairs_moved, pairs_moved_rs, fn(n: i64) -> (i64, usize) {
    let mut v = Vec::new();
    for i in 0..n {
        v.push((i, Some(vec![i; i as usize])));
    }
    let mut s = 0;
    let mut lens = 0;
    for (k, o) in v.clone() {
        s += k;
        if let Some(w) = o {
            lens += w.len();
            if k == 3 {
                continue;
            }
        }
    }
    let mut count = 0;
    for p in v {
        count += p.0 as usize;
    }
    (s, lens + count)
});

twice!(early_return, early_return_rs, fn(v: Vec<Vec<f64>>) -> f64 {
    for row in v {
        if row.is_empty() {
            return -1.0;
        }
        if row[0] > 10.0 {
            return row[0];
        }
    }
    0.0
});

#[test]
fn consuming_loops_move_the_elements_out_as_rustc_builds_them() {
    let _m = memory_test();
    let before = jitclass::stats();
    let v = vec![1.0, 2.5, -4.0];
    assert_eq!(sum_moved(v.clone()), sum_moved_rs(v));
    assert_eq!(sum_moved(Vec::new()), 0.0);
    let m = vec![vec![1, 2], vec![3], vec![4, 5, 6], vec![7]];
    for stop in [0, 1, 3, 9] {
        assert_eq!(rows_moved(m.clone(), stop), rows_moved_rs(m.clone(), stop));
    }
    for n in [0, 1, 5] {
        assert_eq!(pairs_moved(n), pairs_moved_rs(n));
    }
    for v in [
        vec![vec![1.0], vec![20.0, 1.0], vec![]],
        vec![vec![1.0], vec![], vec![30.0]],
        vec![vec![2.0]],
    ] {
        assert_eq!(early_return(v.clone()), early_return_rs(v));
    }
    assert!(balanced_since(&before));
    assert_no_leaks();
}

#[jitclass]
pub struct Token {
    pub id: i64,
}

#[jitclass]
impl Token {
    pub fn new(id: i64) -> Token {
        Token { id }
    }
}

#[jit]
fn take_tokens(v: Vec<Token>, stop: i64) -> (i64, Vec<Token>) {
    let mut s = 0;
    let mut kept = Vec::new();
    for t in v {
        if t.id == stop {
            break;
        }
        s += t.id;
        kept.push(t);
    }
    (s, kept)
}

#[jit]
fn panic_midway(v: Vec<Vec<i64>>) -> i64 {
    let mut s = 0;
    for row in v {
        s += row[1];
    }
    s
}

#[test]
fn consumed_instances_keep_their_counts_and_leftovers_are_released() {
    let _m = memory_test();
    let before = jitclass::stats();
    {
        let tokens: Vec<Token> = (0..5).map(Token::new).collect();
        let (s, kept) = take_tokens(tokens.clone(), 3);
        assert_eq!((s, kept.len()), (3, 3));
        // Each kept token is the same instance: the caller's, `kept`'s; the others only
        // the caller's (the loop released the ones it left behind).
        assert_eq!(Token::strong_count(&tokens[0]), Some(2));
        assert_eq!(Token::strong_count(&tokens[4]), Some(1));
        assert!(Token::ptr_eq(&kept[2], &tokens[2]));
    }
    let err = std::panic::catch_unwind(|| panic_midway(vec![vec![1, 2], vec![3]])).unwrap_err();
    let message = err.downcast_ref::<String>().cloned().unwrap_or_default();
    assert!(
        message.contains("index out of bounds: the len is 1 but the index is 1"),
        "{message}"
    );
    assert!(balanced_since(&before));
    assert_no_leaks();
}

#[jit]
fn consume_generic<T>(v: Vec<T>) -> usize {
    let mut n = 0;
    for _x in v {
        n += 1;
    }
    n
}

/// rustc never sees a generic body: jitclass's own move check refuses it at the first
/// call, in rustc's words.
#[jit]
fn used_after_consuming<T>(v: Vec<T>) -> usize {
    for _x in v {}
    v.len()
}

#[test]
fn generic_bodies_consume_vecs() {
    let _m = memory_test();
    let before = jitclass::stats();
    assert_eq!(consume_generic(vec![Some(vec![1u8]), None]), 2);
    assert_eq!(consume_generic(vec![(1, 2.0); 7]), 7);
    let message = crate::vec_equality::first_call_error(|| {
        used_after_consuming(vec![1.0]);
    });
    assert!(message.contains("use of moved value: `v`"), "{message}");
    assert!(balanced_since(&before));
    assert_no_leaks();
}

#[jitclass]
pub struct Bag {
    items: Vec<f64>,
}

#[jitclass]
impl Bag {
    pub fn new() -> Bag {
        Bag { items: vec![1.0] }
    }

    /// rustc's E0507; the macro does not see the field's type, so jitclass refuses it when
    /// the method is first called.
    pub fn consume_field(&self) -> f64 {
        let mut s = 0.0;
        for x in self.items {
            s += x;
        }
        s
    }
}

#[test]
fn a_vec_field_is_not_consumed() {
    let _m = memory_test();
    let before = jitclass::stats();
    let bag = Bag::new();
    let message = crate::vec_equality::first_call_error(|| {
        bag.consume_field();
    });
    assert!(
        message.contains("cannot move out of a field") && message.contains("Vec<f64>"),
        "{message}"
    );
    drop(bag);
    assert!(balanced_since(&before));
    assert_no_leaks();
}
