//! Instances as `HashMap`/`HashSet` keys: classes that `#[derive(PartialEq, Eq, Hash)]`,
//! hashed and compared by the map as those derives do, each body compiled twice from the
//! same tokens (jitclass, and rustc with std's maps over the Rust handles) and the results
//! compared; maps of instance keys crossing to and from Rust; refusals at the first call.

use crate::{balanced_since, memory_test, panic_message};
use jitclass::{JitClass, jit, jitclass};
use std::collections::{HashMap, HashSet};

/// `#[jit] fn $jit` and the plain Rust `fn $rust`, from one body.
macro_rules! twice {
    ($jit:ident, $rust:ident, fn($($p:ident: $t:ty),*) -> $r:ty $body:block) => {
        #[jit]
        fn $jit($($p: $t),*) -> $r $body
        #[allow(clippy::all)]
        fn $rust($($p: $t),*) -> $r $body
    };
}

#[jitclass]
#[derive(PartialEq, Eq, Hash)]
pub struct Cell {
    pub x: i64,
    pub y: i64,
}

#[jitclass]
impl Cell {
    pub fn new(x: i64, y: i64) -> Cell {
        Cell { x, y }
    }
}

/// Text, an option of text, a tuple, an array, another class and an option of one.
#[jitclass]
#[derive(PartialEq, Eq, Hash)]
pub struct Label {
    pub name: String,
    pub tag: Option<String>,
    pub pair: (u8, char),
    pub row: [i16; 3],
    pub at: Cell,
    pub near: Option<Cell>,
}

#[jitclass]
impl Label {
    pub fn new(name: &str, i: i64) -> Label {
        let tag = if i % 3 == 0 {
            None
        } else {
            Some(format!("t{}", i % 2))
        };
        let near = if i % 2 == 0 {
            Some(Cell::new(i % 4, 0))
        } else {
            None
        };
        Label {
            name: name.to_string(),
            tag,
            pair: ((i % 5) as u8, 'k'),
            row: [1, (i % 3) as i16, -1],
            at: Cell::new(0, i % 6),
            near,
        }
    }
}

/// No derives: not a key.
#[jitclass]
pub struct Loose {
    pub x: i64,
}

/// `Hash` but not `Eq`.
#[jitclass]
#[derive(PartialEq, Hash)]
pub struct HalfKey {
    pub x: i64,
}

/// Every derive, but a field jit code does not hash yet.
#[jitclass]
#[derive(PartialEq, Eq, Hash)]
pub struct Listed {
    pub xs: Vec<i64>,
}

/// A class whose field names itself: hashing recurses through the options.
#[jitclass]
#[derive(PartialEq, Eq, Hash)]
pub struct Link {
    pub v: i64,
    pub next: Option<Link>,
}

#[jitclass]
impl Link {
    pub fn chain(n: i64) -> Link {
        let mut l = Link { v: 0, next: None };
        for i in 1..n {
            l = Link {
                v: i,
                next: Some(l),
            };
        }
        l
    }
}

twice!(count_cells, count_cells_rs, fn(xs: &[i64]) -> i64 {
    let mut m: HashMap<Cell, i64> = HashMap::new();
    for i in 0..xs.len() {
        *m.entry(Cell::new(xs[i] % 5, xs[i] % 3)).or_insert(0) += 1;
    }
    let mut acc = m.len() as i64;
    for x in 0..5 {
        for y in 0..3 {
            acc = acc.wrapping_mul(7).wrapping_add(m.get(&Cell::new(x, y)).copied().unwrap_or(-1));
        }
    }
    let probe = Cell::new(1, 1);
    if m.contains_key(&probe) {
        acc += 1000;
    }
    acc += m.remove(&Cell::new(2, 2)).unwrap_or(-9) * 10;
    acc += m.remove(&Cell::new(2, 2)).unwrap_or(-9);
    if let Some(old) = m.insert(Cell::new(0, 0), 77) {
        acc += old;
    }
    acc + m.len() as i64 + m.get(&Cell::new(0, 0)).copied().unwrap_or(0)
});

twice!(label_set, label_set_rs, fn(n: i64) -> i64 {
    let mut s: HashSet<Label> = HashSet::new();
    let mut fresh = 0;
    for i in 0..n {
        let name = if i % 4 == 0 { "a" } else { "bc" };
        if s.insert(Label::new(name, i)) {
            fresh += 1;
        }
    }
    let mut found = 0;
    for i in 0..n + 5 {
        if s.contains(&Label::new("bc", i)) {
            found += 1;
        }
    }
    let removed = s.remove(&Label::new("a", 0)) as i64;
    fresh * 10000 + found * 100 + removed * 10 + s.len() as i64
});

twice!(tuple_keys, tuple_keys_rs, fn(n: i64) -> i64 {
    let mut m: HashMap<(Cell, String), i64> = HashMap::new();
    for i in 0..n {
        let k = (Cell::new(i % 3, 1), (i % 2).to_string());
        *m.entry(k).or_insert(0) += i;
    }
    let mut acc = m.len() as i64;
    for x in 0..3 {
        for t in 0..2i64 {
            let k = (Cell::new(x, 1), t.to_string());
            if let Some(v) = m.get(&k) {
                acc = acc * 31 + *v;
            }
        }
    }
    acc
});

twice!(links, links_rs, fn(n: i64) -> i64 {
    let mut m: HashMap<Link, i64> = HashMap::new();
    for i in 0..n {
        m.insert(Link::chain(i % 6), i);
    }
    let mut acc = m.len() as i64;
    for i in 0..8 {
        acc = acc * 13 + m.get(&Link::chain(i)).copied().unwrap_or(-1);
    }
    acc
});

#[test]
fn instance_keys_agree_with_std() {
    let _m = memory_test();
    let before = jitclass::stats();
    let xs: Vec<i64> = (0..200).map(|i| (i * 7919) % 101).collect();
    assert_eq!(count_cells(&xs), count_cells_rs(&xs));
    for n in [0, 1, 7, 40] {
        assert_eq!(label_set(n), label_set_rs(n), "n = {n}");
        assert_eq!(tuple_keys(n), tuple_keys_rs(n), "n = {n}");
        assert_eq!(links(n), links_rs(n), "n = {n}");
    }
    assert!(balanced_since(&before));
}

#[jit]
fn tally(xs: &[i64]) -> HashMap<Cell, i64> {
    let mut m = HashMap::new();
    for i in 0..xs.len() {
        *m.entry(Cell::new(xs[i], -xs[i])).or_insert(0) += 1;
    }
    m
}

#[jit]
fn labels(n: i64) -> HashSet<Label> {
    let mut s = HashSet::new();
    for i in 0..n {
        s.insert(Label::new("x", i));
    }
    s
}

#[jit]
fn weigh(m: HashMap<Cell, i64>, probes: &[i64]) -> i64 {
    let mut acc = 0;
    for i in 0..probes.len() {
        acc = acc * 10
            + m.get(&Cell::new(probes[i], -probes[i]))
                .copied()
                .unwrap_or(0);
    }
    acc
}

/// A map made in jit code is std's `HashMap` in Rust: std hashes the handles (their derived
/// `Hash`) and finds every key; a std map's keys are found by jit code's hashing.
#[test]
fn instance_keyed_maps_cross_to_and_from_rust() {
    let _m = memory_test();
    let before = jitclass::stats();
    let xs = [3, 1, 3, 3, 2, 1];
    let m = tally(&xs);
    assert_eq!(m.len(), 3);
    assert_eq!(m.get(&Cell::new(3, -3)), Some(&3));
    assert_eq!(m.get(&Cell::new(1, -1)), Some(&2));
    assert_eq!(m.get(&Cell::new(2, -2)), Some(&1));
    assert_eq!(m.get(&Cell::new(2, 2)), None);
    assert_eq!(weigh(m, &[1, 2, 3, 4]), 2130);
    let s = labels(12);
    assert_eq!(s.len(), labels_rs(12).len());
    for i in 0..12 {
        assert!(s.contains(&Label::new("x", i)), "i = {i}");
    }
    assert!(!s.contains(&Label::new("y", 0)));
    drop(s);
    assert!(balanced_since(&before));
}

fn labels_rs(n: i64) -> HashSet<Label> {
    (0..n).map(|i| Label::new("x", i)).collect()
}

#[jit]
fn mutate_after_insert(mut k: Cell) -> (usize, bool, bool) {
    let mut m: HashMap<Cell, i64> = HashMap::new();
    m.insert(k.clone(), 1);
    // Another handle to the stored key: changing it changes the key inside the map, a
    // logic error in Rust too (as a key mutated through a `RefCell`).
    k.x = 100;
    let found_new = m.contains_key(&Cell::new(100, 0));
    let found_old = m.contains_key(&Cell::new(0, 0));
    m.insert(Cell::new(5, 5), 2);
    m.remove(&Cell::new(5, 5));
    (m.len(), found_new, found_old)
}

/// A key changed after insertion through another handle is a logic error, as in Rust: the
/// map keeps the hash it stored, so the key is found under neither value (whatever is
/// found, nothing is unsound, loops or leaks).
#[test]
fn a_key_mutated_after_insertion_is_a_logic_error_not_ub() {
    let _m = memory_test();
    let before = jitclass::stats();
    let (len, found_new, found_old) = mutate_after_insert(Cell::new(0, 0));
    assert_eq!(len, 1);
    // Hashed as (0, 0) but now equal to (100, 0): neither lookup finds it (the new value
    // hashes elsewhere, the old one compares unequal), as std's map does.
    assert!(!found_old);
    let mut std_map = HashMap::new();
    let k = Cell::new(0, 0);
    std_map.insert(k.clone(), 1);
    k.set_x(100);
    assert_eq!(found_new, std_map.contains_key(&Cell::new(100, 0)));
    drop((k, std_map));
    assert!(balanced_since(&before));
}

#[jit]
fn panics_while_keyed(n: i64) -> i64 {
    let mut m: HashMap<Label, i64> = HashMap::new();
    for i in 0..n {
        m.insert(Label::new("p", i), i);
        if i == 3 {
            panic!("stop at {}", i);
        }
    }
    m.len() as i64
}

#[test]
fn a_panic_releases_instance_keys() {
    let _m = memory_test();
    let before = jitclass::stats();
    let message = panic_message(|| panics_while_keyed(10));
    assert!(message.starts_with("stop at 3\n"), "{message}");
    assert_eq!(panics_while_keyed(2), 2);
    assert!(balanced_since(&before));
}

/// A generic body is checked at the first call, for the key type it gets.
#[jit]
fn distinct<T>(xs: &[T]) -> usize {
    let mut s = HashSet::new();
    for i in 0..xs.len() {
        s.insert(xs[i]);
    }
    s.len()
}

#[test]
fn generic_bodies_key_by_instances_of_deriving_classes_only() {
    let _m = memory_test();
    let before = jitclass::stats();
    assert_eq!(
        distinct(&[Cell::new(1, 2), Cell::new(1, 2), Cell::new(2, 1)]),
        2
    );
    drop(distinct::dispatcher().compile(&[Cell::class_info().jit_type()]));
    let cases = [
        (
            Loose::class_info().jit_type(),
            "note: the following trait bounds were not satisfied:\n        `Loose: Eq`\n        `Loose: Hash`\nhelp: jit code hashes the instances of classes that `#[derive(PartialEq, Eq, Hash)]` (it does not call hand-written impls of these traits)",
        ),
        (
            HalfKey::class_info().jit_type(),
            "note: the following trait bounds were not satisfied:\n        `HalfKey: Eq`\nhelp",
        ),
        (
            Listed::class_info().jit_type(),
            "note: jit code does not hash an instance of `Listed` yet: its field `xs` is a `Vec<i64>`",
        ),
    ];
    for (t, note) in cases {
        let name = t.to_string();
        let err = distinct::dispatcher().compile(&[t]).unwrap_err();
        assert_eq!(
            err.message(),
            format!(
                "the method `insert` exists for struct `HashSet<{name}>`, but its trait bounds were not satisfied"
            )
        );
        let text = err.to_string();
        assert!(text.contains(note), "{text}");
    }
    assert!(balanced_since(&before));
}

#[test]
fn handles_hash_as_jit_maps_do() {
    // The Rust handle's `Hash` is the derive's on the plain struct: equal labels built in
    // Rust and in jit code are one key of a std set.
    let _m = memory_test();
    let mut s = HashSet::new();
    s.insert(Label::new("q", 4));
    assert!(s.contains(&Label::new("q", 4)));
    assert!(!s.contains(&Label::new("q", 5)));
}
