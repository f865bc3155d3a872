//! `Vec<T>` of every kind of jit element, and `Vec`s inside tuples, `Option`s and other
//! `Vec`s: each function compiled by jitclass and by rustc from the same tokens.

use crate::{assert_no_leaks, balanced_since, memory_test};
use jitclass::{PassThru, jit, jitclass};

macro_rules! twice {
    ($jit:ident, $rust:ident, fn($($p:ident: $t:ty),*) -> $r:ty $body:block) => {
        #[jit]
        fn $jit($($p: $t),*) -> $r $body
        #[allow(clippy::all)]
        fn $rust($($p: $t),*) -> $r $body
    };
}

twice!(tuples, tuples_rs, fn(n: i64) -> i64 {
    let mut v: Vec<(i64, bool)> = Vec::new();
    for i in 0..n {
        v.push((i, i % 2 == 0));
    }
    let mut s = 0;
    for (x, even) in &v {
        if *even {
            s += *x;
        }
    }
    v[1].0 += 100;
    s + v[1].0 + v.remove(0).0
});

twice!(options, options_rs, fn(n: i64) -> i64 {
    let mut v = vec![None; 3];
    v[1] = Some(n);
    v.push(Some(2 * n));
    let mut s = 0;
    for o in &v {
        match o {
            Some(x) => s += x,
            None => s -= 1,
        }
    }
    s + v.len() as i64
});

twice!(nested, nested_rs, fn(n: usize) -> usize {
    let mut grid: Vec<Vec<usize>> = Vec::new();
    for i in 0..n {
        let mut row = Vec::new();
        for j in 0..i {
            row.push(i * j);
        }
        grid.push(row);
    }
    let copy = grid.clone();
    grid[n - 1][0] = 77;
    let mut s = 0;
    for row in &copy {
        for x in row {
            s += x;
        }
    }
    s + grid[n - 1][0] + copy[n - 1][0] + (copy == grid) as usize
});

twice!(in_tuple_and_option, in_tuple_and_option_rs, fn(n: i32) -> i32 {
    let pair = (vec![n, n + 1], 5);
    let maybe = Some(vec![1, 2, 3]);
    let mut s = pair.0[1] + pair.1;
    if let Some(v) = maybe {
        s += v[2];
    }
    s
});

#[jit]
fn split(n: i64) -> (Vec<i64>, Option<Vec<i64>>) {
    let mut even = Vec::new();
    let mut odd = Vec::new();
    for i in 0..n {
        if i % 2 == 0 {
            even.push(i);
        } else {
            odd.push(i);
        }
    }
    if odd.is_empty() {
        (even, None)
    } else {
        (even, Some(odd))
    }
}

#[jit]
fn sum_all(parts: (Vec<i64>, Option<Vec<i64>>)) -> i64 {
    let mut s = 0;
    for x in &parts.0 {
        s += x;
    }
    if let Some(v) = parts.1 {
        for x in &v {
            s += 10 * x;
        }
    }
    s
}

#[jitclass]
pub struct Tag {
    pub id: i64,
}

#[jitclass]
impl Tag {
    pub fn new(id: i64) -> Tag {
        Tag { id }
    }
}

#[jit]
fn handles(items: Vec<PassThru<String>>, tags: Vec<Tag>) -> (Vec<PassThru<String>>, i64) {
    let mut out = Vec::new();
    for i in 0..items.len() {
        out.push(items[items.len() - 1 - i].clone());
    }
    let mut s = 0;
    for t in &tags {
        s += t.id;
    }
    (out, s)
}

#[jit]
extern "C" fn twice_each(x: f64) -> f64 {
    x * 2.0
}

#[jit]
fn apply_all(fs: Vec<extern "C" fn(f64) -> f64>, x: f64) -> f64 {
    let mut y = x;
    for f in &fs {
        y = f(y);
    }
    y
}

extern "C" fn plus_one(x: f64) -> f64 {
    x + 1.0
}

#[test]
fn vec_elements_of_every_kind() {
    let _m = memory_test();
    let before = jitclass::stats();
    for n in [2, 3, 10] {
        assert_eq!(tuples(n), tuples_rs(n));
        assert_eq!(options(n), options_rs(n));
        assert_eq!(nested(n as usize), nested_rs(n as usize));
        assert_eq!(
            in_tuple_and_option(n as i32),
            in_tuple_and_option_rs(n as i32)
        );
    }
    assert_eq!(split(5), (vec![0, 2, 4], Some(vec![1, 3])));
    assert_eq!(split(1), (vec![0], None));
    assert_eq!(sum_all((vec![1, 2], Some(vec![3]))), 33);
    assert_eq!(sum_all((vec![1, 2], None)), 3);
    let items: Vec<PassThru<String>> = ["a", "b", "c"]
        .iter()
        .map(|s| PassThru::new(s.to_string()))
        .collect();
    let tags = vec![Tag::new(4), Tag::new(5)];
    let (reversed, s) = handles(items.clone(), tags);
    assert_eq!(s, 9);
    assert!(reversed.iter().map(|p| p.as_str()).eq(["c", "b", "a"]));
    drop((items, reversed));
    assert_eq!(apply_all(vec![plus_one, plus_one], 1.0), 3.0);
    assert!(balanced_since(&before));
    assert_no_leaks();
}

#[jit]
fn fn_values(x: f64) -> f64 {
    let fs = vec![twice_each, twice_each];
    let mut y = x;
    for f in &fs {
        y = f(y);
    }
    y
}

#[test]
fn vecs_of_jit_functions() {
    assert_eq!(fn_values(1.5), 6.0);
}

twice!(tuple_clone, tuple_clone_rs, fn(n: i32) -> (usize, usize, i32) {
    let pair = (vec![n, n + 1], n);
    let mut copy = pair.clone();
    copy.0.push(7);
    copy.0[0] = -1;
    (pair.0.len(), copy.0.len(), pair.0[0] + copy.0[0])
});

twice!(option_clone, option_clone_rs, fn(n: usize) -> (usize, usize) {
    let maybe = Some(vec![vec![1.0; n]; 2]);
    let copy = maybe.clone();
    let mut inner = copy.unwrap();
    inner[0].push(2.0);
    inner.push(Vec::new());
    let original = maybe.unwrap();
    (original.len() * 100 + original[0].len(), inner.len() * 100 + inner[0].len())
});

twice!(nested_clone, nested_clone_rs, fn(n: i64) -> i64 {
    let mut v: Vec<(Vec<i64>, Option<Vec<i64>>)> = vec![(vec![n], Some(vec![1])); 3];
    v[0].1 = None;
    v[1].0.push(5);
    let mut w = Vec::new();
    w.extend_from_slice(&v);
    w.extend_from_slice(&v[1..]);
    w[2].0[0] = 100;
    v[2].0.push(9);
    let picked = v.get(1).cloned().unwrap();
    v[1].0.push(8);
    let mut s = 0;
    for (x, o) in &w {
        for y in x {
            s += y;
        }
        if let Some(z) = o {
            s += 10 * z.len() as i64;
        }
    }
    for (x, _) in &v {
        s += 1000 * x.len() as i64;
    }
    s + 100_000 * picked.0.len() as i64
});

#[jit]
fn generic_clone<T>(x: T) -> (usize, usize) {
    let maybe = Some(vec![x]);
    let copy = maybe.clone();
    let mut a = copy.unwrap();
    a.push(a[0].clone());
    (maybe.unwrap().len(), a.len())
}

#[jit]
fn clone_with_instances(t: Tag) -> (Vec<Tag>, Tag) {
    let pair = (vec![t.clone(), t.clone()], t);
    let copy = pair.clone();
    copy
}

#[test]
fn clones_of_tuples_and_options_holding_vecs_are_deep() {
    let _m = memory_test();
    let before = jitclass::stats();
    for n in [0, 1, 4] {
        assert_eq!(tuple_clone(n as i32), tuple_clone_rs(n as i32));
        assert_eq!(option_clone(n), option_clone_rs(n));
        assert_eq!(nested_clone(n as i64), nested_clone_rs(n as i64));
    }
    assert_eq!(generic_clone(2.5), (1, 2));
    assert_eq!(generic_clone((1u8, Some(vec![true]))), (1, 2));
    {
        // Instances in the clone are other references to the same instances, as Rust's
        // `Clone` of a `Tag` handle makes.
        let t = Tag::new(3);
        let (v, u) = clone_with_instances(t.clone());
        assert!(Tag::ptr_eq(&v[0], &t) && Tag::ptr_eq(&u, &t));
        assert_eq!(Tag::strong_count(&t), Some(4));
    }
    assert!(balanced_since(&before));
    assert_no_leaks();
}
