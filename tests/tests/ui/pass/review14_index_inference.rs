//! Ordinary Rust indexing whose index type is inferred from later uses builds beside
//! jitclass as without it (review of issue 14): the shadow's `Index<JitIndex<I>> for [T]`
//! adds a candidate only for `JitIndex` indices, so each of these selects std's impl as
//! before. (Checked against the same functions built without jitclass: the same ones
//! compile; those ambiguous without jitclass stay ambiguous with it.)
use jitclass::jit;

pub fn default_then_usize(s: &[i32]) -> i32 {
    let i = Default::default();
    let x = s[i];
    let _: usize = i;
    x
}

pub fn parsed(s: &[i32], t: &str) -> i32 {
    s[t.parse::<usize>().unwrap()]
}

pub fn counter(v: Vec<i32>) -> i32 {
    let mut i = 0;
    let mut acc = 0;
    while i < v.len() {
        acc += v[i];
        i += 1;
    }
    acc
}

pub fn closure_argument(s: &[i32]) -> i32 {
    let g = |i| s[i];
    g(0usize)
}

pub fn in_place(s: &mut [i32]) {
    let i = Default::default();
    s[i] += 1;
    let _: usize = i;
}

pub fn vec_and_array(v: &Vec<i32>, a: [i32; 3]) -> i32 {
    let i = Default::default();
    let j = Default::default();
    let x = v[i] + a[j];
    let _: (usize, usize) = (i, j);
    x
}

pub fn enumerated(s: &[i32]) -> i32 {
    let idx: Vec<_> = (0..s.len()).collect();
    s.iter().enumerate().map(|(i, _)| s[i]).sum::<i32>() + idx.iter().map(|&i| s[i]).sum::<i32>()
}

pub fn range_inferred(s: &[u8]) -> &[u8] {
    let r = Default::default();
    let _: std::ops::Range<usize> = Clone::clone(&r);
    &s[r]
}

/// jit code indexing a slice, so that the shadow's impl is in use in this crate.
#[jit]
fn first(xs: &[f64]) -> f64 {
    xs[0]
}

fn main() {
    assert_eq!(default_then_usize(&[4, 5]), 4);
    assert_eq!(parsed(&[4, 5], "1"), 5);
    assert_eq!(counter(vec![1, 2]), 3);
    assert_eq!(closure_argument(&[7]), 7);
    let mut s = [1];
    in_place(&mut s);
    assert_eq!(s, [2]);
    assert_eq!(vec_and_array(&vec![1], [2, 3, 4]), 3);
    assert_eq!(enumerated(&[1, 2]), 6);
    assert_eq!(range_inferred(&[1, 2]), &[] as &[u8]);
    assert_eq!(first(&[1.5]), 1.5);
}
