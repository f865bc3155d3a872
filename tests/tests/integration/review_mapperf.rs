//! Review probes of the count-free receiver of a local `Vec`/map's operations (mapperf).

use crate::{balanced_since, memory_test, panic_message};
use jitclass::jit;
use std::collections::HashMap;

/// `#[jit] fn $jit` and the plain Rust `fn $rust`, from one body.
macro_rules! twice {
    ($jit:ident, $rust:ident, fn($k:ident: $kt:ty, mut $p:ident: $t:ty) -> $r:ty $body:block) => {
        #[jit]
        fn $jit($k: $kt, mut $p: $t) -> $r $body
        #[allow(clippy::all)]
        fn $rust($k: $kt, mut $p: $t) -> $r $body
    };
    ($jit:ident, $rust:ident, fn($($p:ident: $t:ty),*) -> $r:ty $body:block) => {
        #[jit]
        fn $jit($($p: $t),*) -> $r $body
        #[allow(clippy::all)]
        fn $rust($($p: $t),*) -> $r $body
    };
}

// Operands reading the receiver itself (two-phase borrows), nested element reads, early
// exits, a `mut` parameter and a `String` local.
twice!(self_reads, self_reads_rs, fn(keys: &[i64], mut v: Vec<i64>) -> i64 {
    let mut m: HashMap<i64, i64> = HashMap::new();
    let mut s = String::new();
    for i in 0..keys.len() {
        v.push(v[v.len() - 1] + keys[i]);
        let j = (v[i] % 3).abs() as usize;
        v.push(v[v[j].abs() as usize % v.len()]);
        m.insert(keys[i] % 4, m.len() as i64);
        *m.entry(keys[i] % 5).or_insert(v[i]) += v[v.len() - 2];
        s.push_str(if keys[i] % 2 == 0 { "a" } else { "bc" });
        if v.len() > 40 {
            break;
        }
    }
    let mut acc = v.len() as i64 + s.len() as i64 * 7;
    for k in 0..5 {
        acc = acc * 31 % 1_000_003 + m.get(&k).copied().unwrap_or(-1);
    }
    acc
});

#[test]
fn review_mapperf_self_reads() {
    let _m = memory_test();
    let before = jitclass::stats();
    let keys: Vec<i64> = (0..30).map(|i| i * 7 - 40).collect();
    assert_eq!(
        self_reads(&keys, vec![1, 2, 3]),
        self_reads_rs(&keys, vec![1, 2, 3])
    );
    assert!(balanced_since(&before));
}

// A panic in an operand while the local's handle is borrowed without a count.
twice!(panics_in_operand, panics_in_operand_rs, fn(at: usize) -> i64 {
    let mut v: Vec<Vec<i64>> = vec![vec![1]];
    let w: Vec<Vec<i64>> = vec![vec![2], vec![3]];
    let mut m: HashMap<i64, Vec<i64>> = HashMap::new();
    for i in 0..3 {
        v.push(w[at + i].clone());
        m.insert(i as i64, w[at - i].clone());
    }
    v.len() as i64 + m.len() as i64
});

#[test]
fn review_mapperf_panics_in_operand() {
    let _m = memory_test();
    let before = jitclass::stats();
    let jit = panic_message(|| panics_in_operand(1));
    let rs = panic_message(|| panics_in_operand_rs(1));
    // jit code appends the jit fn's location to the message.
    assert_eq!(jit.lines().next(), rs.lines().next());
    assert!(balanced_since(&before));
}
