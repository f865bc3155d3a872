//! `#[derive(PartialEq, Eq, Hash, Default)]` on classes: `==`/`!=` in jit code and on the
//! Rust handles, `Hash` of the handles, `V::default()` in jit code and Rust, each compared
//! with rustc's derives on the same struct written as plain Rust.

use crate::{balanced_since, memory_test};
use jitclass::{jit, jitclass};
use std::collections::HashSet;
use std::hash::{BuildHasher, Hash, RandomState};

#[jitclass]
#[derive(PartialEq, Eq, Hash, Default)]
pub struct Point {
    pub x: i64,
    pub y: i64,
}

#[derive(PartialEq, Eq, Hash, Default, Debug)]
pub struct PointRs {
    x: i64,
    y: i64,
}

#[jitclass]
impl Point {
    pub fn new(x: i64, y: i64) -> Point {
        Point { x, y }
    }
}

/// Another class as a field, and a tuple and an array of numbers.
#[jitclass]
#[derive(PartialEq, Eq, Hash, Default)]
pub struct Keyed {
    pub id: u32,
    pub at: Point,
    pub pair: (bool, char),
    pub row: [u8; 3],
}

#[derive(PartialEq, Eq, Hash, Default, Debug)]
pub struct KeyedRs {
    id: u32,
    at: PointRs,
    pair: (bool, char),
    row: [u8; 3],
}

/// Floats (no `Eq`, no `Hash`), an option of a class, a `Vec`.
#[jitclass]
#[derive(PartialEq, Default)]
pub struct Sample {
    pub v: f64,
    pub w: f32,
    pub near: Option<Point>,
    pub items: Vec<i64>,
}

#[derive(PartialEq, Default, Debug)]
pub struct SampleRs {
    v: f64,
    w: f32,
    near: Option<PointRs>,
    items: Vec<i64>,
}

/// Without a derive, `==` is not defined; an instance's identity is `ptr_eq`.
#[jitclass]
pub struct Plain {
    pub x: i64,
}

#[jit]
fn compare_points(a: Point, b: Point) -> (bool, bool) {
    (a == b, a != b)
}

/// A generic body, specialised per class: the derived `eq` found at specialisation.
#[jit]
fn same<T>(a: T, b: T) -> bool {
    a == b
}

#[jit]
fn compare_keyed(a: Keyed, b: Keyed) -> (bool, bool) {
    (a == b, a != b)
}

#[jit]
fn compare_samples(a: Sample, b: Sample) -> (bool, bool) {
    (a == b, a != b)
}

#[jit]
fn default_keyed() -> (u32, i64, i64, bool, char, u8) {
    let k = Keyed::default();
    (k.id, k.at.x, k.at.y, k.pair.0, k.pair.1, k.row[2])
}

#[jit]
fn default_sample() -> (f64, f32, bool, usize) {
    let s = Sample::default();
    (s.v, s.w, s.near.is_none(), s.items.len())
}

#[jit]
fn defaults_are_equal() -> bool {
    Point::default() == Point::new(0, 0) && Keyed::default() == Keyed::default()
}

fn keyed(id: u32, x: i64, y: i64, c: char) -> (Keyed, KeyedRs) {
    let k = Keyed::default();
    k.set_id(id);
    k.set_at(Point::new(x, y));
    k.set_pair((id.is_multiple_of(2), c));
    k.set_row([1, 2, id as u8]);
    let rs = KeyedRs {
        id,
        at: PointRs { x, y },
        pair: (id.is_multiple_of(2), c),
        row: [1, 2, id as u8],
    };
    (k, rs)
}

fn sample(v: f64, w: f32, near: Option<(i64, i64)>, items: Vec<i64>) -> (Sample, SampleRs) {
    let s = Sample::default();
    s.set_v(v);
    s.set_w(w);
    s.set_near(near.map(|(x, y)| Point::new(x, y)));
    s.set_items(items.clone());
    let rs = SampleRs {
        v,
        w,
        near: near.map(|(x, y)| PointRs { x, y }),
        items,
    };
    (s, rs)
}

#[test]
fn derived_equality_is_structural_as_rustcs() {
    let _m = memory_test();
    let before = jitclass::stats();
    {
        let points = [(0, 0), (1, 2), (1, 3), (-5, 2)];
        for a in points {
            for b in points {
                let (pa, pb) = (Point::new(a.0, a.1), Point::new(b.0, b.1));
                let (ra, rb) = (PointRs { x: a.0, y: a.1 }, PointRs { x: b.0, y: b.1 });
                assert_eq!(compare_points(pa.clone(), pb.clone()), (ra == rb, ra != rb));
                assert_eq!((pa == pb, pa != pb), (ra == rb, ra != rb));
                assert_eq!(same(pa.clone(), pb.clone()), ra == rb);
                // Equal instances are distinct ones.
                assert!(!Point::ptr_eq(&pa, &pb));
            }
        }
        let keys = [
            keyed(1, 0, 0, 'a'),
            keyed(1, 0, 0, 'b'),
            keyed(2, 0, 0, 'a'),
            keyed(1, 0, 7, 'a'),
            keyed(1, 0, 0, 'a'),
        ];
        for (a, ra) in &keys {
            for (b, rb) in &keys {
                assert_eq!(compare_keyed(a.clone(), b.clone()), (ra == rb, ra != rb));
                assert_eq!(a == b, ra == rb);
                assert_eq!(same(a.clone(), b.clone()), ra == rb);
            }
        }
        let samples = [
            sample(1.0, 2.0, None, vec![]),
            sample(1.0, 2.0, Some((1, 2)), vec![]),
            sample(1.0, 2.0, Some((1, 2)), vec![3]),
            sample(1.0, 2.0, Some((1, 3)), vec![3]),
            sample(-0.0, 2.0, None, vec![]),
            sample(0.0, 2.0, None, vec![]),
            sample(f64::NAN, 2.0, None, vec![]),
            sample(1.0, f32::NAN, None, vec![1, 2]),
        ];
        for (a, ra) in &samples {
            for (b, rb) in &samples {
                assert_eq!(
                    compare_samples(a.clone(), b.clone()),
                    (ra == rb, ra != rb),
                    "{ra:?} {rb:?}"
                );
                assert_eq!(a == b, ra == rb);
            }
        }
        // A NaN field makes an instance unequal to itself, as rustc's derive does.
        let (nan, _) = sample(f64::NAN, 0.0, None, vec![]);
        assert!(nan != nan.clone());
    }
    assert!(balanced_since(&before));
}

#[test]
fn derived_hash_is_rustcs() {
    let _m = memory_test();
    let before = jitclass::stats();
    {
        let state = RandomState::new();
        for (k, rs) in [keyed(1, 0, 0, 'a'), keyed(9, -4, 3, 'é')] {
            assert_eq!(state.hash_one(&k), state.hash_one(&rs));
            assert_eq!(state.hash_one(k.at()), state.hash_one(&rs.at));
        }
        // Equal instances are one element of a set; distinct ones two.
        let mut set = HashSet::new();
        assert!(set.insert(Point::new(1, 2)));
        assert!(!set.insert(Point::new(1, 2)));
        assert!(set.insert(Point::new(2, 1)));
        assert!(set.contains(&Point::new(2, 1)));
        assert_eq!(set.len(), 2);
        let mut hasher = std::hash::DefaultHasher::new();
        Point::new(3, 4).hash(&mut hasher);
        let mut rust = std::hash::DefaultHasher::new();
        PointRs { x: 3, y: 4 }.hash(&mut rust);
        assert_eq!(
            std::hash::Hasher::finish(&hasher),
            std::hash::Hasher::finish(&rust)
        );
    }
    assert!(balanced_since(&before));
}

#[test]
fn derived_default_is_rustcs() {
    let _m = memory_test();
    let before = jitclass::stats();
    {
        let rs = KeyedRs::default();
        assert_eq!(
            default_keyed(),
            (rs.id, rs.at.x, rs.at.y, rs.pair.0, rs.pair.1, rs.row[2])
        );
        let s = SampleRs::default();
        assert_eq!(
            default_sample(),
            (s.v, s.w, s.near.is_none(), s.items.len())
        );
        assert!(defaults_are_equal());
        // From Rust: the inherent function and the trait's.
        let k = Keyed::default();
        assert_eq!(
            (k.id(), k.at().x(), k.pair(), k.row()),
            (0, 0, (false, '\0'), [0; 3])
        );
        let p: Point = Default::default();
        assert!(p == Point::new(0, 0));
        let s = <Sample as Default>::default();
        assert!(s == Sample::default());
        assert_eq!(s.items(), Vec::<i64>::new());
    }
    assert!(balanced_since(&before));
}

#[test]
fn without_a_derive_instances_have_identity_only() {
    let a = Plain::new_for_test();
    let b = a.clone();
    assert!(Plain::ptr_eq(&a, &b));
    assert!(!Plain::ptr_eq(&a, &Plain::new_for_test()));
}

#[jitclass]
impl Plain {
    pub fn new_for_test() -> Plain {
        Plain { x: 1 }
    }
}

/// A recursive class: `eq`, `hash` and `default` through `Option<Self>`.
#[jitclass]
#[derive(PartialEq, Eq, Hash, Default)]
pub struct Link {
    pub v: i64,
    pub next: Option<Link>,
}

#[derive(PartialEq, Eq, Hash, Default)]
pub struct LinkRs {
    v: i64,
    next: Option<Box<LinkRs>>,
}

#[jitclass]
impl Link {
    pub fn list(values: &[i64]) -> Option<Link> {
        let mut head = None;
        let mut i = values.len();
        while i > 0 {
            i -= 1;
            head = Some(Link {
                v: values[i],
                next: head,
            });
        }
        head
    }
}

fn link_rs(values: &[i64]) -> Option<Box<LinkRs>> {
    let mut head = None;
    for &v in values.iter().rev() {
        head = Some(Box::new(LinkRs { v, next: head }));
    }
    head
}

#[jit]
fn lists_equal(a: Option<Link>, b: Option<Link>) -> bool {
    match a {
        Some(x) => match b {
            Some(y) => x == y,
            None => false,
        },
        None => b.is_none(),
    }
}

#[test]
fn derives_through_recursive_options_are_rustcs() {
    let _m = memory_test();
    let before = jitclass::stats();
    {
        let lists: [&[i64]; 5] = [&[1], &[1, 2, 3], &[1, 2, 4], &[1, 2], &[1, 2, 3]];
        let state = RandomState::new();
        for a in lists {
            for b in lists {
                let (ja, jb) = (Link::list(a).unwrap(), Link::list(b).unwrap());
                let (ra, rb) = (link_rs(a).unwrap(), link_rs(b).unwrap());
                assert_eq!(lists_equal(Some(ja.clone()), Some(jb.clone())), ra == rb);
                assert_eq!(ja == jb, ra == rb);
            }
            let (ja, ra) = (Link::list(a).unwrap(), link_rs(a).unwrap());
            assert_eq!(state.hash_one(&ja), state.hash_one(&*ra));
        }
        let d = Link::default();
        assert_eq!((d.v(), d.next().is_none()), (0, true));
    }
    assert!(balanced_since(&before));
}
