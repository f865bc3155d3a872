//! Instances held by instances: in fields, options and tuples, assigned through those
//! places and through temporaries, and `self` stored elsewhere; counts stay exact.

use crate::balanced_since;
use crate::fixtures::{RCell, RNode, take3};
use jitclass::{jit, jitclass};

// ---- probes: a list, and swaps through locals -------------------------------------------

#[jit]
fn list_games(n: i64) -> i64 {
    let mut head = None;
    for i in 0..n {
        head = Some(RNode::new(i, head));
    }
    let mut total = 0;
    let mut cur = head.clone();
    while let Some(node) = cur {
        total += node.value;
        cur = node.next.clone();
    }
    // `a = a.next.unwrap()`.
    let mut a = head.clone().unwrap();
    a = a.next.clone().unwrap();
    total += a.value * 1000;
    // `self.next = self.next.unwrap().next`.
    let mut h = head.unwrap();
    h.skip_next();
    total += h.sum() * 1_000_000;
    // Swap through a temporary.
    let mut x = RCell::new(1);
    let mut y = RCell::new(2);
    let tmp = x;
    x = y;
    y = tmp;
    total += x.value * 10 + y.value;
    total
}

#[test]
fn ok_list_games() {
    let _memory = crate::memory_test();
    let before = jitclass::stats();
    // nodes 4,3,2,1,0; sum 10; a = 3; after skip: 4 + 2 + 1 + 0 = 7.
    assert_eq!(list_games(5), 10 + 3000 + 7_000_000 + 21);
    assert!(balanced_since(&before));
}

// ---- probes: `self` stored into another instance -----------------------------------------

#[test]
fn ok_self_stored_into_another_instance() {
    let _memory = crate::memory_test();
    let before = jitclass::stats();
    {
        let a = RNode::new(1, None);
        let b = RNode::new(2, None);
        a.link_into(b.clone());
        assert_eq!(b.sum(), 3);
        assert_eq!(RNode::strong_count(&a), Some(2));
    }
    assert!(balanced_since(&before));
}

// ---- probes: nested managed field types ----------------------------------------------------

#[jitclass]
pub struct Nest {
    a: Option<(bool, RCell)>,
    b: (bool, Option<RCell>, u8),
    c: Option<Option<RCell>>,
    d: (RCell, (bool, RCell)),
}

#[jitclass]
impl Nest {
    pub fn new(x: i64) -> Nest {
        Nest {
            a: Some((true, RCell::new(x))),
            b: (true, Some(RCell::new(x + 1)), 7),
            c: Some(None),
            d: (RCell::new(x + 2), (false, RCell::new(x + 3))),
        }
    }

    pub fn check(&mut self) -> i64 {
        let mut t = 0;
        if let Some((flag, c)) = self.a.clone() {
            if flag {
                t += c.value;
            }
        }
        if self.b.0 {
            t += self.b.1.clone().unwrap().value + self.b.2 as i64;
        }
        match self.c.clone() {
            Some(inner) => {
                if inner.is_none() {
                    t += 1000;
                }
            }
            None => {}
        }
        self.c = Some(Some(self.d.0.clone()));
        t += self.c.clone().unwrap().unwrap().value;
        self.d.1.1 = RCell::new(50);
        self.d.1.0 = true;
        if self.d.1.0 {
            t += self.d.1.1.value;
        }
        self.b.1 = None;
        t
    }
}

#[test]
fn ok_nested_managed_fields() {
    let _memory = crate::memory_test();
    let before = jitclass::stats();
    {
        let mut n = Nest::new(10);
        assert_eq!(n.check(), 10 + 11 + 7 + 1000 + 12 + 50);
        assert_eq!(n.b().1.map(|c| c.get()), None);
        assert_eq!(n.c().unwrap().unwrap().get(), 12);
        assert_eq!(n.d().1.1.get(), 50);
        assert!(
            format!("{n:?}").contains("Some(Some(RCell { value: 12 }))"),
            "{n:?}"
        );
        assert_eq!(RCell::strong_count(&n.d().0), Some(3));
    }
    assert!(balanced_since(&before));
}

// ---- probes: more places, returns and generics ------------------------------------------

#[jitclass]
pub struct Pair2 {
    a: RCell,
    b: Option<RCell>,
}

#[jitclass]
impl Pair2 {
    pub fn new(x: i64) -> Pair2 {
        Pair2 {
            a: RCell::new(x),
            b: None,
        }
    }

    pub fn both(&self) -> (Pair2, Pair2) {
        (self, self)
    }

    pub fn wrap(&self, mut o: RCell) -> i64 {
        let before = o.value;
        o = RCell::new(before + 1);
        o.value + self.a.value
    }

    /// A struct literal whose last field returns early.
    pub fn early(&self, stop: bool) -> Pair2 {
        Pair2 {
            a: RCell::new(1),
            b: if stop {
                return self;
            } else {
                Some(RCell::new(2))
            },
        }
    }
}

#[jit]
fn tuple_first_generic<T>(t: (T, i64), k: i64) -> T {
    t.0
}

#[jit]
fn more_places(n: i64) -> i64 {
    let mut total = 0;
    let mut head = RNode::new(0, Some(RNode::new(1, Some(RNode::new(2, None)))));
    // A field of an `unwrap` temporary as a place.
    head.next.clone().unwrap().value = 10;
    head.next.clone().unwrap().next.clone().unwrap().value += 5;
    total += head.sum(); // 0 + 10 + 7
    // Self-assignments.
    head = head;
    head.next = head.next.clone();
    total += head.sum(); // 17
    let p = Pair2::new(n);
    let (x, y) = p.both();
    total += x.a.value + y.a.value; // 2n
    total += p.wrap(RCell::new(5)); // 6 + n
    total += p.early(true).a.value; // n
    total += p.early(false).b.clone().unwrap().value; // 2
    // Returns from the middle of a loop with temporaries in flight.
    for i in 0..n {
        total += take3(
            RCell::new(i),
            RCell::new(i),
            if i == 3 { return total } else { 0 },
        );
    }
    total
}

#[test]
#[allow(clippy::identity_op)] // Expected values spell out the computation (`0 + 1 + 2`).
fn ok_more_places() {
    let _memory = crate::memory_test();
    let before = jitclass::stats();
    assert_eq!(more_places(2), 17 + 17 + 4 + 8 + 2 + 2 + (0 + 2));
    assert_eq!(more_places(5), 17 + 17 + 10 + 11 + 5 + 2 + (0 + 2 + 4));
    {
        let c = RCell::new(3);
        let r = tuple_first_generic((c.clone(), 1), 2);
        assert!(RCell::ptr_eq(&r, &c));
        assert_eq!(RCell::strong_count(&c), Some(2));
    }
    assert!(balanced_since(&before));
}
