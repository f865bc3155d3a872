//! Review of issue 17's class constants and derives: probes from the public API, each
//! compared with rustc's build of the same code on a plain struct.

// The probes return tuples of results to compare with Rust's (jit code has no type aliases).
#![allow(clippy::type_complexity)]

use crate::{balanced_since, memory_test};
use jitclass::{jit, jitclass};
use std::collections::{HashMap, HashSet};
use std::hash::Hash;
use std::hash::{BuildHasher, RandomState};

#[jitclass]
pub struct Consts {
    pub x: f64,
}

pub struct ConstsRs {
    x: f64,
}

macro_rules! consts_impl {
    ($($attr:meta)?; $ty:ident) => {
        $(#[$attr])?
        impl $ty {
            pub const TENTH: f32 = 0.1;
            pub const ODD: f32 = 16777217.0;
            pub const SUM: f64 = 0.1 + 0.2;
            pub const NEG_ZERO: f64 = -0.0;
            pub const NAN: f64 = f64::NAN;
            pub const INF: f64 = f64::INFINITY;
            pub const MIN: i64 = i64::MIN;
            pub const TOP: u64 = u64::MAX;
            pub const SHIFT: u32 = 1 << 31;
            pub const LAST: char = char::MAX;
            pub const ESC: &'static str = "a\0b\n\u{1F600}\"\\";
            pub const RAW: &'static str = r#"x"y"#;
            pub const EMPTY: &'static str = "";
            pub const PI: f64 = std::f64::consts::PI;
            pub const ONES: u32 = u32::MAX.count_ones();
            pub const LATER: i64 = Self::EARLIER + 1;
            pub const EARLIER: i64 = 41;
            pub const N: usize = 3;
            pub const SMALL: i8 = -1;

            pub fn new(x: f64) -> $ty {
                $ty { x }
            }

            pub fn floats(&self) -> (f64, f32, f64, f64, bool, f64, f64) {
                (
                    Self::TENTH as f64,
                    Self::ODD,
                    Self::SUM,
                    1.0 / Self::NEG_ZERO,
                    Self::NAN == Self::NAN,
                    Self::INF * self.x,
                    Self::PI,
                )
            }

            pub fn ints(&self) -> (i64, u64, u32, u32, i64, u64, i64) {
                (
                    Self::MIN,
                    Self::TOP,
                    Self::SHIFT,
                    Self::ONES,
                    Self::LATER,
                    Self::SMALL as u64,
                    Self::MIN.wrapping_sub(1),
                )
            }

            pub fn text(&self) -> (usize, usize, usize, usize, u32, bool) {
                let mut n = 0;
                for _ in Self::ESC.chars() {
                    n += 1;
                }
                (
                    Self::ESC.len(),
                    n,
                    Self::RAW.len(),
                    Self::EMPTY.len(),
                    Self::LAST as u32,
                    Self::ESC.contains('\u{1F600}'),
                )
            }

            pub fn lengths(&self) -> (usize, f64) {
                let a = [self.x; Self::N * 2];
                let mut s = 0.0;
                for v in a {
                    s += v;
                }
                (a.len(), s)
            }
        }
    };
}

consts_impl!(jitclass; Consts);
consts_impl!(; ConstsRs);

#[test]
fn ok_constant_values_are_rustcs() {
    let _m = memory_test();
    let before = jitclass::stats();
    {
        for x in [1.0, -2.0, 0.0] {
            let (c, r) = (Consts::new(x), ConstsRs::new(x));
            let (a, b) = (c.floats(), r.floats());
            assert_eq!(a.0.to_bits(), b.0.to_bits());
            assert_eq!(a.1.to_bits(), b.1.to_bits());
            assert_eq!(a.2.to_bits(), b.2.to_bits());
            assert_eq!(a.3, b.3);
            assert_eq!(a.4, b.4);
            assert_eq!(a.5.to_bits(), b.5.to_bits(), "{x}");
            assert_eq!(a.6, b.6);
            assert_eq!(c.ints(), r.ints());
            assert_eq!(c.text(), r.text());
            assert_eq!(c.lengths(), r.lengths());
        }
    }
    assert!(balanced_since(&before));
}

/// Two classes with constants of the same names, and one defined from the other's.
#[jitclass]
pub struct Square {
    pub s: f64,
}

#[jitclass]
impl Square {
    pub const UNIT: f64 = 2.0;
    pub const N: usize = 4;
    pub const FROM_OTHER: f64 = Consts::PI * Self::UNIT;

    pub fn mixed(&self) -> (f64, usize, usize, f64) {
        let N = 10usize;
        (Self::UNIT, Self::N + N, Consts::N, Self::FROM_OTHER)
    }
}

#[jit]
fn both_units() -> (usize, usize, f64, f64) {
    (Square::N, Consts::N, Square::UNIT, Square::FROM_OTHER)
}

#[jit]
fn generic_reads_class_const<T>(x: T) -> (T, f64) {
    (x, Square::UNIT + Consts::PI)
}

#[test]
fn ok_same_named_constants_of_two_classes() {
    let _m = memory_test();
    let before = jitclass::stats();
    {
        let s = Square::default_like();
        assert_eq!(s.mixed(), (2.0, 14, 3, std::f64::consts::PI * 2.0));
        assert_eq!(both_units(), (4, 3, 2.0, std::f64::consts::PI * 2.0));
        assert_eq!(
            generic_reads_class_const(3i64),
            (3, 2.0 + std::f64::consts::PI)
        );
        assert_eq!(
            generic_reads_class_const(true),
            (true, 2.0 + std::f64::consts::PI)
        );
    }
    assert!(balanced_since(&before));
}

#[jitclass]
impl Square {
    pub fn default_like() -> Square {
        Square { s: Self::UNIT }
    }
}

/// A recursive list with derived `PartialEq`, `Eq`, `Hash` and `Default`.
#[jitclass]
#[derive(PartialEq, Eq, Hash, Default)]
pub struct Node {
    pub v: i64,
    pub next: Option<Node>,
}

#[derive(PartialEq, Eq, Hash, Default, Debug)]
pub struct NodeRs {
    v: i64,
    next: Option<Box<NodeRs>>,
}

#[jitclass]
impl Node {
    pub fn push(v: i64, next: Option<Node>) -> Node {
        Node { v, next }
    }
}

#[jit]
fn list(vals: Vec<i64>) -> Option<Node> {
    let mut head: Option<Node> = None;
    for v in vals {
        head = Some(Node::push(v, head));
    }
    head
}

#[jit]
fn lists_equal(a: Vec<i64>, b: Vec<i64>) -> (bool, bool) {
    let (x, y) = (list(a), list(b));
    (x == y, x != y)
}

#[jit]
fn default_node() -> (i64, bool) {
    let n = Node::default();
    (n.v, n.next.is_none())
}

fn list_rs(vals: &[i64]) -> Option<Box<NodeRs>> {
    let mut head = None;
    for &v in vals {
        head = Some(Box::new(NodeRs { v, next: head }));
    }
    head
}

#[test]
fn ok_recursive_list_derives_are_rustcs() {
    let _m = memory_test();
    let before = jitclass::stats();
    {
        let cases: [&[i64]; 6] = [&[], &[1], &[1, 2], &[2, 1], &[1, 2, 3], &[1, 2, 4]];
        let state = RandomState::new();
        for a in cases {
            for b in cases {
                let (ra, rb) = (list_rs(a), list_rs(b));
                let (ja, jb) = (list(a.to_vec()), list(b.to_vec()));
                assert_eq!(ja == jb, ra == rb);
                if let (Some(ja), Some(ra)) = (&ja, &ra) {
                    assert_eq!(state.hash_one(ja), state.hash_one(&**ra), "{a:?}");
                }
            }
        }
        // A long list: derived `==` recurses once per node, as rustc's derive does.
        let long: Vec<i64> = (0..2000).collect();
        assert!(list(long.clone()) == list(long));
        assert_eq!(default_node(), (0, true));
        let d = Node::default();
        assert!(d == Node::push(0, None));
        assert!(d != Node::push(0, Some(Node::default())));
    }
    assert!(balanced_since(&before));
}

#[jitclass]
#[derive(PartialEq, Eq, Hash, Default)]
pub struct Pt {
    pub x: i64,
}

#[jitclass]
impl Pt {
    pub fn new(x: i64) -> Pt {
        Pt { x }
    }
}

#[jitclass]
impl std::ops::Add for Pt {
    type Output = Pt;
    fn add(self, o: Pt) -> Pt {
        Pt::new(self.x + o.x)
    }
}

#[derive(PartialEq, Eq, Hash, Default, Debug, Clone)]
pub struct PtRs {
    x: i64,
}

/// Text, options, vectors, tuples, arrays, maps and sets as fields.
#[jitclass]
#[derive(PartialEq, Eq, Hash, Default)]
pub struct Rich {
    pub name: String,
    pub items: Vec<i64>,
    pub at: Option<Pt>,
    pub pair: (i64, bool),
    pub row: [char; 2],
    pub flag: bool,
    pub big: u64,
}

#[derive(PartialEq, Eq, Hash, Default, Debug, Clone)]
pub struct RichRs {
    name: String,
    items: Vec<i64>,
    at: Option<PtRs>,
    pair: (i64, bool),
    row: [char; 2],
    flag: bool,
    big: u64,
}

#[jitclass]
impl Rich {
    #[allow(clippy::too_many_arguments)]
    pub fn make(
        name: String,
        items: Vec<i64>,
        at: Option<Pt>,
        pair: (i64, bool),
        row: [char; 2],
        flag: bool,
        big: u64,
    ) -> Rich {
        Rich {
            name,
            items,
            at,
            pair,
            row,
            flag,
            big,
        }
    }
}

#[jit]
fn rich_eq(a: Rich, b: Rich) -> (bool, bool) {
    (a == b, a != b)
}

#[jit]
fn rich_default() -> ((usize, usize, bool), (i64, bool, char, bool, u64)) {
    let r = Rich::default();
    (
        (r.name.len(), r.items.len(), r.at.is_none()),
        (r.pair.0, r.pair.1, r.row[1], r.flag, r.big),
    )
}

#[jit]
fn sums_equal(a: i64, b: i64, c: i64) -> bool {
    Pt::new(a) + Pt::new(b) == Pt::new(c)
}

#[jit]
fn options_of_instances_equal(a: i64, b: i64, none_b: bool) -> (bool, bool) {
    let x = Some(Pt::new(a));
    let y = if none_b { None } else { Some(Pt::new(b)) };
    (x == y, (x, 1) == (y, 1))
}

fn rich(r: &RichRs) -> Rich {
    Rich::make(
        r.name.clone(),
        r.items.clone(),
        r.at.as_ref().map(|p| Pt::new(p.x)),
        r.pair,
        r.row,
        r.flag,
        r.big,
    )
}

#[test]
fn ok_rich_fields_derives_are_rustcs() {
    let _m = memory_test();
    let before = jitclass::stats();
    {
        let base = RichRs {
            name: "héllo".into(),
            items: vec![1, 2],
            at: Some(PtRs { x: 3 }),
            pair: (7, true),
            row: ['a', 'é'],
            flag: true,
            big: u64::MAX,
        };
        let mut variants = vec![base.clone(), RichRs::default()];
        let mut v = base.clone();
        v.name.push('x');
        variants.push(v);
        let mut v = base.clone();
        v.items.push(0);
        variants.push(v);
        let mut v = base.clone();
        v.at = Some(PtRs { x: 4 });
        variants.push(v);
        let mut v = base.clone();
        v.row[1] = 'e';
        variants.push(v);
        let mut v = base.clone();
        v.big = 0;
        variants.push(v);
        let state = RandomState::new();
        for a in &variants {
            for b in &variants {
                let (ja, jb) = (rich(a), rich(b));
                assert_eq!(
                    rich_eq(ja.clone(), jb.clone()),
                    (a == b, a != b),
                    "{a:?} {b:?}"
                );
                assert_eq!(ja == jb, a == b);
            }
            assert_eq!(state.hash_one(rich(a)), state.hash_one(a), "{a:?}");
        }
        let mut set = HashSet::new();
        for a in &variants {
            set.insert(rich(a));
        }
        assert_eq!(set.len(), variants.len());
        let d = RichRs::default();
        assert_eq!(
            rich_default(),
            (
                (d.name.len(), d.items.len(), d.at.is_none()),
                (d.pair.0, d.pair.1, d.row[1], d.flag, d.big)
            )
        );
        assert!(Rich::default() == rich(&d));
        assert!(sums_equal(1, 2, 3));
        assert!(!sums_equal(1, 2, 4));
        let mut m: HashMap<Pt, i64> = HashMap::new();
        m.insert(Pt::new(1), 10);
        assert_eq!(m.get(&Pt::new(1)), Some(&10));
        let mut h1 = std::hash::DefaultHasher::new();
        Pt::new(5).hash(&mut h1);
        let mut h2 = std::hash::DefaultHasher::new();
        PtRs { x: 5 }.hash(&mut h2);
        assert_eq!(
            std::hash::Hasher::finish(&h1),
            std::hash::Hasher::finish(&h2)
        );
    }
    assert!(balanced_since(&before));
}

/// Defaults holding maps and sets, dropped in jit code and in Rust, and a panic after one.
#[jitclass]
#[derive(Default)]
pub struct Holder {
    pub m: HashMap<i64, i64>,
    pub s: HashSet<i64>,
    pub v: Vec<i64>,
    pub inner: Rich,
    pub pair: (Pt, i64),
}

#[jit]
fn holder_default_then_panic(fail: bool) -> usize {
    let mut h = Holder::default();
    h.v.push(7);
    h.m.insert(1, 2);
    if fail {
        panic!("boom");
    }
    h.v.len() + h.m.len() + h.s.len() + h.inner.items.len() + h.pair.0.x as usize
}

#[test]
fn ok_default_with_owned_fields_is_balanced() {
    let _m = memory_test();
    let before = jitclass::stats();
    {
        assert_eq!(holder_default_then_panic(false), 2);
        let r = std::panic::catch_unwind(|| holder_default_then_panic(true));
        assert!(r.is_err());
        let h = Holder::default();
        assert_eq!(h.m().len() + h.s().len() + h.v().len(), 0);
        assert!(h.inner() == Rich::default());
        assert!(h.pair().0 == Pt::default());
    }
    assert!(balanced_since(&before));
}

/// `Option<Class> == Option<Class>` in jit code, the class deriving `PartialEq`: compared
/// as rustc compares the options, by the class's derived `eq` (once refused at the first
/// call: "binary operation `==` cannot be applied to type `Option<Node>`").
#[test]
fn fixed_option_of_instances_eq_in_jit_code() {
    let _m = memory_test();
    let before = jitclass::stats();
    {
        assert_eq!(lists_equal(vec![1, 2], vec![1, 2]), (true, false));
        assert_eq!(lists_equal(vec![1, 2], vec![1, 3]), (false, true));
        assert_eq!(options_of_instances_equal(1, 1, false), (true, true));
        assert_eq!(options_of_instances_equal(1, 2, false), (false, false));
        assert_eq!(options_of_instances_equal(1, 1, true), (false, false));
    }
    assert!(balanced_since(&before));
}

/// A class with an `Option<String>` field deriving `PartialEq`: its `eq` (the Rust
/// handle's `==` too) compares the options as rustc's derive does (once a compile error at
/// first use: "cannot move out of a field").
#[jitclass]
#[derive(PartialEq, Eq, Hash, Default)]
pub struct Tagged {
    pub tag: Option<String>,
}

#[derive(PartialEq)]
struct TaggedRs {
    tag: Option<String>,
}

#[jitclass]
impl Tagged {
    pub fn new(tag: Option<String>) -> Tagged {
        Tagged { tag }
    }
}

#[test]
fn review_derived_eq_option_string_field() {
    let _m = memory_test();
    let before = jitclass::stats();
    {
        let vals = [None, Some(String::new()), Some("a".to_string())];
        for a in &vals {
            for b in &vals {
                let (ra, rb) = (TaggedRs { tag: a.clone() }, TaggedRs { tag: b.clone() });
                assert_eq!(Tagged::new(a.clone()) == Tagged::new(b.clone()), ra == rb);
            }
        }
    }
    assert!(balanced_since(&before));
}

/// The same with an `Option<Vec<i64>>` field (`Option<Class>` fields work too:
/// `ok_rich_fields_derives_are_rustcs`).
#[jitclass]
#[derive(PartialEq, Eq, Hash, Default)]
pub struct MaybeItems {
    pub items: Option<Vec<i64>>,
}

#[jitclass]
impl MaybeItems {
    pub fn new(items: Option<Vec<i64>>) -> MaybeItems {
        MaybeItems { items }
    }
}

#[test]
fn review_derived_eq_option_vec_field() {
    let _m = memory_test();
    let before = jitclass::stats();
    {
        let vals = [None, Some(vec![]), Some(vec![1])];
        for a in &vals {
            for b in &vals {
                assert_eq!(
                    MaybeItems::new(a.clone()) == MaybeItems::new(b.clone()),
                    a == b
                );
            }
        }
    }
    assert!(balanced_since(&before));
}

/// `#[derive(Default)]` on a class with a `String` or a `HashSet` field: before the fix
/// in `macros/src/jitclass/derive.rs` it silently defined no `default` (E0599 at each use,
/// nothing at the derive).
#[jitclass]
#[derive(Default)]
pub struct Named {
    pub name: String,
    pub seen: HashSet<i64>,
}

#[jit]
fn named_default() -> (usize, usize) {
    let n = Named::default();
    (n.name.len(), n.seen.len())
}

#[test]
fn fixed_default_with_string_and_set_fields() {
    let _m = memory_test();
    let before = jitclass::stats();
    {
        assert_eq!(named_default(), (0, 0));
        let n: Named = Default::default();
        assert_eq!((n.name(), n.seen()), (String::new(), HashSet::new()));
    }
    assert!(balanced_since(&before));
}
