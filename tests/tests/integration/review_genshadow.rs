//! Review of generic shadows: bounded generic bodies (fns, generic class impls with a
//! parameter named `K`, generic methods, recursion through `Option<Node<T>>`, sort_by in a
//! generic body) run as the same Rust does.

use crate::{assert_no_leaks, memory_test};
use jitclass::{jit, jitclass};
use std::collections::HashMap;

#[jit]
fn rgs_max_of<T>(xs: &[T]) -> T
where
    T: Copy + PartialOrd,
{
    let mut m = xs[0];
    for i in 1..xs.len() {
        if xs[i] > m {
            m = xs[i];
        }
    }
    m
}

#[jit]
fn rgs_top_two<T: Copy + PartialOrd + std::ops::Add<Output = T>>(a: T, b: T, c: T) -> T {
    let mut v = vec![a, b, c];
    v.sort_by(|x, y| y.partial_cmp(x).unwrap());
    v[0] + v[1]
}

#[jit]
fn rgs_show<T: std::fmt::Display>(xs: &[T]) -> String {
    let mut s = String::new();
    for x in xs {
        s.push_str(&format!("{},", x));
    }
    s
}

#[jitclass]
pub struct RgsKeyed<K, V> {
    m: HashMap<K, V>,
}

#[jitclass]
impl<K: Copy + std::hash::Hash + Eq, V: Copy + Default + std::ops::AddAssign> RgsKeyed<K, V> {
    pub fn new() -> Self {
        RgsKeyed { m: HashMap::new() }
    }
    pub fn add(&mut self, k: K, v: V) {
        *self.m.entry(k).or_insert(V::default()) += v;
    }
    pub fn get(&self, k: K) -> V {
        match self.m.get(&k) {
            Some(v) => *v,
            None => V::default(),
        }
    }
    pub fn paired<U: Copy>(&self, u: U) -> (usize, U) {
        (self.m.len(), u)
    }
}

#[jitclass]
pub struct RgsNode<T> {
    pub value: T,
    pub next: Option<RgsNode<T>>,
}

#[jitclass]
impl<T: Copy + std::ops::Add<Output = T>> RgsNode<T> {
    pub fn leaf(value: T) -> Self {
        RgsNode { value, next: None }
    }
    pub fn cons(value: T, next: RgsNode<T>) -> Self {
        RgsNode {
            value,
            next: Some(next),
        }
    }
    pub fn sum(&self) -> T {
        match self.next.clone() {
            Some(n) => self.value + n.sum(),
            None => self.value,
        }
    }
}

// The jit bodies as written, plain Rust (index loops and `vec!` kept as the jit code has them).
#[allow(clippy::needless_range_loop, clippy::useless_vec)]
mod plain {
    use std::collections::HashMap;
    pub fn max_of<T: Copy + PartialOrd>(xs: &[T]) -> T {
        let mut m = xs[0];
        for i in 1..xs.len() {
            if xs[i] > m {
                m = xs[i];
            }
        }
        m
    }
    pub fn top_two<T: Copy + PartialOrd + std::ops::Add<Output = T>>(a: T, b: T, c: T) -> T {
        let mut v = vec![a, b, c];
        v.sort_by(|x, y| y.partial_cmp(x).unwrap());
        v[0] + v[1]
    }
    pub fn show<T: std::fmt::Display>(xs: &[T]) -> String {
        let mut s = String::new();
        for x in xs {
            s.push_str(&format!("{},", x));
        }
        s
    }
    pub fn keyed(pairs: &[(i64, f64)]) -> (f64, f64, usize) {
        let mut m: HashMap<i64, f64> = HashMap::new();
        for &(k, v) in pairs {
            *m.entry(k).or_insert(0.0) += v;
        }
        (
            *m.get(&1).unwrap_or(&0.0),
            *m.get(&9).unwrap_or(&0.0),
            m.len(),
        )
    }
}

#[test]
fn bounded_generic_fns_match_rust() {
    let xs = [3.5, -1.0, 7.25, 2.0];
    assert_eq!(rgs_max_of(&xs[..]), plain::max_of(&xs));
    let is = [4_i64, 9, -3];
    assert_eq!(rgs_max_of(&is[..]), plain::max_of(&is));
    assert_eq!(rgs_top_two(1_i64, 5, 3), plain::top_two(1_i64, 5, 3));
    assert_eq!(rgs_top_two(0.5, 0.25, 2.0), plain::top_two(0.5, 0.25, 2.0));
    assert_eq!(rgs_show(&is[..]), plain::show(&is));
    assert_no_leaks();
}

#[test]
fn generic_class_with_a_parameter_named_k_matches_rust() {
    let _m = memory_test();
    let before = jitclass::stats();
    {
        let pairs = [(1_i64, 0.5), (2, 1.0), (1, 2.0)];
        let mut k = RgsKeyed::<i64, f64>::new();
        for &(a, b) in &pairs {
            k.add(a, b);
        }
        let (one, nine, len) = plain::keyed(&pairs);
        assert_eq!((k.get(1), k.get(9)), (one, nine));
        assert_eq!(k.paired(true), (len, true));
    }
    assert!(crate::balanced_since(&before));
    assert_no_leaks();
}

#[test]
fn bounded_recursive_generic_class_matches_rust() {
    let _m = memory_test();
    {
        let n = RgsNode::cons(1_i64, RgsNode::cons(2, RgsNode::leaf(4)));
        assert_eq!(n.sum(), 7);
        let f = RgsNode::cons(0.5_f64, RgsNode::leaf(0.25));
        assert_eq!(f.sum(), 0.75);
    }
    assert_no_leaks();
}

#[jitclass]
#[derive(PartialEq)]
pub struct RgsPt<T> {
    pub x: T,
    pub y: T,
}

#[jitclass]
impl<T: Copy + PartialEq> RgsPt<T> {
    pub fn new(x: T, y: T) -> Self {
        RgsPt { x, y }
    }
    pub fn same(&self, o: &RgsPt<T>) -> bool {
        self == o
    }
    pub fn differs(&mut self, o: &RgsPt<T>) -> bool {
        o != self
    }
}

/// `self == o` with `o: &C` compares the two instances' fields (derived `PartialEq`), as
/// Rust's `&Pt == &Pt` does.
#[test]
fn self_compared_with_a_reference_matches_rust() {
    let _m = memory_test();
    {
        let mut a = RgsPt::new(1_i64, 2);
        let b = RgsPt::new(1_i64, 2);
        let c = RgsPt::new(1_i64, 3);
        assert!(a.same(&b));
        assert!(!a.same(&c));
        assert!(a.differs(&c));
        assert!(!a.differs(&b));
    }
    assert_no_leaks();
}
