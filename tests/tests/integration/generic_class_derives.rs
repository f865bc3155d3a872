//! `#[derive(PartialEq, Eq, Hash, Default)]` on generic classes (issue 17): structural per
//! instantiation under rustc's derive bounds, `==` in jit code and on the Rust handles,
//! `Hash` of the handles, instances of an instantiation as map keys in jit code and Rust,
//! `Bag::<T>::default()` in jit code and Rust; each compared with rustc's derives on the
//! same generic struct written as plain Rust.

use crate::{balanced_since, memory_test};
use jitclass::{jit, jitclass};
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasher, RandomState};

#[jitclass]
#[derive(PartialEq, Eq, Hash)]
pub struct Pair<A, B> {
    pub a: A,
    pub b: B,
}

#[derive(PartialEq, Eq, Hash, Debug, Clone)]
pub struct PairRs<A, B> {
    a: A,
    b: B,
}

#[jitclass]
impl<A, B> Pair<A, B> {
    pub fn new(a: A, b: B) -> Pair<A, B> {
        Pair { a, b }
    }
}

/// Parameters inside containers only.
#[jitclass]
#[derive(PartialEq, Default)]
pub struct Bag<T> {
    pub items: Vec<T>,
    pub best: Option<T>,
    pub count: i64,
}

#[derive(PartialEq, Default, Debug)]
pub struct BagRs<T> {
    items: Vec<T>,
    best: Option<T>,
    count: i64,
}

/// A map over the parameter and a field of another instantiation, by default.
#[jitclass]
#[derive(Default)]
pub struct Lookup<T> {
    pub names: HashMap<String, T>,
    pub bag: Bag<T>,
}

#[jitclass]
impl<T: Copy> Bag<T> {
    pub fn of(items: Vec<T>, count: i64) -> Bag<T> {
        let best = match items.first() {
            Some(x) => Some(*x),
            None => None,
        };
        Bag { items, best, count }
    }
}

#[jit]
fn compare_pairs(a: Pair<i64, f64>, b: Pair<i64, f64>) -> (bool, bool) {
    (a == b, a != b)
}

#[jit]
fn compare_owned_pairs(a: Pair<Vec<f64>, String>, b: Pair<Vec<f64>, String>) -> (bool, bool) {
    (a == b, a != b)
}

/// A generic body, specialised per instantiation: the derived `eq` found then.
#[jit]
fn same<T>(a: T, b: T) -> bool {
    a == b
}

#[jit]
fn compare_bags(a: Bag<f64>, b: Bag<f64>) -> bool {
    a == b
}

#[jit]
fn default_bag() -> (usize, bool, i64, usize, bool) {
    let b = Bag::<f64>::default();
    let c: Bag<f64> = Bag::default();
    let l = Lookup::<f64>::default();
    (
        b.items.len(),
        b.best.is_none(),
        b.count,
        l.names.len(),
        b == c && l.bag == c,
    )
}

#[jit]
fn count_pair_keys(xs: Vec<i64>) -> (usize, i64) {
    let mut m: HashMap<Pair<i64, char>, i64> = HashMap::new();
    for x in xs {
        *m.entry(Pair::new(x % 3, 'k')).or_insert(0) += x;
    }
    let at = match m.get(&Pair::new(1, 'k')) {
        Some(v) => *v,
        None => -1,
    };
    (m.len(), at)
}

fn count_pair_keys_rs(xs: Vec<i64>) -> (usize, i64) {
    let mut m: HashMap<PairRs<i64, char>, i64> = HashMap::new();
    for x in xs {
        *m.entry(PairRs { a: x % 3, b: 'k' }).or_insert(0) += x;
    }
    (
        m.len(),
        m.get(&PairRs { a: 1, b: 'k' }).copied().unwrap_or(-1),
    )
}

#[test]
fn derived_equality_of_instantiations_is_rustcs() {
    let _m = memory_test();
    let before = jitclass::stats();
    {
        let values = [(0, 0.0), (1, 2.5), (1, 3.0), (-5, f64::NAN), (0, -0.0)];
        for a in values {
            for b in values {
                let (pa, pb) = (Pair::new(a.0, a.1), Pair::new(b.0, b.1));
                let (ra, rb) = (PairRs { a: a.0, b: a.1 }, PairRs { a: b.0, b: b.1 });
                assert_eq!(compare_pairs(pa.clone(), pb.clone()), (ra == rb, ra != rb));
                assert_eq!((pa == pb, pa != pb), (ra == rb, ra != rb));
                assert_eq!(same(pa.clone(), pb.clone()), ra == rb);
            }
        }
        let owned = [
            (vec![], "x"),
            (vec![1.0], "x"),
            (vec![1.0, 2.0], "x"),
            (vec![1.0, 2.0], "y"),
            (vec![f64::NAN], "x"),
        ];
        for a in &owned {
            for b in &owned {
                let pa = Pair::new(a.0.clone(), a.1.to_string());
                let pb = Pair::new(b.0.clone(), b.1.to_string());
                let ra = PairRs {
                    a: a.0.clone(),
                    b: a.1.to_string(),
                };
                let rb = PairRs {
                    a: b.0.clone(),
                    b: b.1.to_string(),
                };
                assert_eq!(
                    compare_owned_pairs(pa.clone(), pb.clone()),
                    (ra == rb, ra != rb)
                );
                assert_eq!(pa == pb, ra == rb);
            }
        }
        let bags = [
            (vec![], 0),
            (vec![1.5], 0),
            (vec![1.5, 2.0], 0),
            (vec![1.5], 1),
        ];
        for a in &bags {
            for b in &bags {
                let (ja, jb) = (Bag::of(a.0.clone(), a.1), Bag::of(b.0.clone(), b.1));
                let ra = BagRs {
                    best: a.0.first().copied(),
                    items: a.0.clone(),
                    count: a.1,
                };
                let rb = BagRs {
                    best: b.0.first().copied(),
                    items: b.0.clone(),
                    count: b.1,
                };
                assert_eq!(compare_bags(ja.clone(), jb.clone()), ra == rb);
                assert_eq!(ja == jb, ra == rb);
            }
        }
    }
    assert!(balanced_since(&before));
}

#[test]
fn derived_hash_of_instantiations_is_rustcs() {
    let _m = memory_test();
    let before = jitclass::stats();
    {
        let state = RandomState::new();
        for (a, b) in [(1_i64, "one"), (-7, "seven")] {
            let p = Pair::new(a, b.to_string());
            assert_eq!(
                state.hash_one(&p),
                state.hash_one(PairRs {
                    a,
                    b: b.to_string()
                })
            );
        }
        let mut set = HashSet::new();
        assert!(set.insert(Pair::new(1_u8, 'a')));
        assert!(!set.insert(Pair::new(1_u8, 'a')));
        assert!(set.insert(Pair::new(2_u8, 'a')));
        assert_eq!(set.len(), 2);
        let xs: Vec<i64> = (0..20).collect();
        assert_eq!(count_pair_keys(xs.clone()), count_pair_keys_rs(xs));
    }
    assert!(balanced_since(&before));
}

#[test]
fn derived_default_of_instantiations_is_rustcs() {
    let _m = memory_test();
    let before = jitclass::stats();
    {
        let rs = BagRs::<f64>::default();
        assert_eq!(
            default_bag(),
            (rs.items.len(), rs.best.is_none(), rs.count, 0, true)
        );
        let l = Lookup::<i64>::default();
        assert_eq!((l.names().len(), l.bag().count()), (0, 0));
        let b: Bag<i64> = Default::default();
        assert_eq!((b.items(), b.best(), b.count()), (vec![], None, 0));
        assert!(Bag::<String>::default() == <Bag<String> as Default>::default());
        assert!(Bag::<f64>::default() != Bag::of(vec![1.0], 0));
    }
    assert!(balanced_since(&before));
}
