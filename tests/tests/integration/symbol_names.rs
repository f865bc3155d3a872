//! Jit fns named like the symbols a module gives the process addresses its code uses
//! (`vec_elems`, `panic_site`, `map_info`, `kind`): each runs as rustc's build of it does.
//! Such a fn's symbol once was the mapped data's name, LLVM renamed one of the two, and
//! the call jumped to the data (SIGSEGV).

use crate::{balanced_since, memory_test, panic_message};
use jitclass::{jit, jitclass};
use std::collections::HashMap;

#[jit]
fn vec_elems(s: String, t: String) -> String {
    let mut v = vec![s, t];
    let u = v[1].clone();
    v[0].push_str(&u);
    v[0].clone()
}

#[allow(clippy::useless_vec)] // the jit fn's body as written
fn vec_elems_rs(s: String, t: String) -> String {
    let mut v = vec![s, t];
    let u = v[1].clone();
    v[0].push_str(&u);
    v[0].clone()
}

#[jit]
fn panic_site(v: &[i64], i: usize) -> i64 {
    v[i] * 2
}

#[jit]
fn map_info(k: i64) -> usize {
    let mut m = HashMap::new();
    m.insert(k, 1);
    m.insert(k + 1, 2);
    m.len()
}

#[jitclass]
pub struct Tag {
    pub n: i64,
}

#[jit]
fn kind(n: i64) -> i64 {
    let t = Tag { n };
    t.n + 1
}

#[test]
fn fns_named_like_mapped_symbols_run_as_rustc_builds_them() {
    let _m = memory_test();
    let before = jitclass::stats();
    assert_eq!(
        vec_elems("ab".into(), "cd".into()),
        vec_elems_rs("ab".into(), "cd".into())
    );
    assert_eq!(panic_site(&[1, 2, 3], 2), 6);
    let msg = panic_message(|| panic_site(&[1, 2, 3], 3));
    assert!(
        msg.contains("index out of bounds: the len is 3 but the index is 3"),
        "{msg}"
    );
    assert_eq!(map_info(5), 2);
    assert_eq!(kind(4), 5);
    assert!(balanced_since(&before));
}
