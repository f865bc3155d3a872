//! Review of valid3 (a sort whose comparator is jit code lends its `Vec`): the neighbours of the lend, probed from the public API.

use crate::{balanced_since, memory_test};
use jitclass::{jit, jitclass, objmode};

fn outcome<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).map_err(|e| {
        e.downcast_ref::<String>()
            .cloned()
            .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_default()
    })
}

fn scrambled(n: i64) -> Vec<i64> {
    (0..n).map(|i| (i * 7919) % n).collect()
}

fn is_permutation_of_0_to(items: &[i64], n: i64) -> bool {
    let mut items = items.to_vec();
    items.sort();
    items == (0..n).collect::<Vec<_>>()
}

// ---- a Vec inside an Option field, a tuple field, an instance field ----

#[jitclass]
pub struct RvPair {
    pub pair: (Vec<i64>, i64),
}

#[jitclass]
impl RvPair {
    pub fn new(n: i64) -> RvPair {
        let mut v = Vec::new();
        for i in 0..n {
            v.push((i * 7919) % n);
        }
        RvPair { pair: (v, 1) }
    }
}

/// `b` is `a`: the comparator replaces the tuple holding the sorted `Vec`.
#[jit]
fn rv_sort_tuple_vec_while_other_replaces_tuple(mut a: RvPair, mut b: RvPair) -> i64 {
    a.pair.0.sort_by(|x, y| {
        b.pair = (Vec::new(), 2);
        x.cmp(y)
    });
    a.pair.0.len() as i64
}

#[jit]
fn rv_sort_tuple_vec_while_other_replaces_member(mut a: RvPair, mut b: RvPair) -> i64 {
    a.pair.0.sort_by(|x, y| {
        b.pair.0 = Vec::new();
        x.cmp(y)
    });
    a.pair.0.len() as i64
}

#[jitclass]
pub struct RvInner {
    pub items: Vec<i64>,
}

#[jitclass]
impl RvInner {
    pub fn new(n: i64) -> RvInner {
        let mut items = Vec::new();
        for i in 0..n {
            items.push((i * 7919) % n);
        }
        RvInner { items }
    }
}

#[jitclass]
pub struct RvOuter {
    pub inner: RvInner,
}

#[jitclass]
impl RvOuter {
    pub fn new(n: i64) -> RvOuter {
        RvOuter {
            inner: RvInner::new(n),
        }
    }
}

/// `b` is `a`: the comparator replaces the instance holding the sorted `Vec` by one whose
/// `Vec` has the same length.
#[jit]
fn rv_sort_inner_vec_while_other_replaces_inner(mut a: RvOuter, mut b: RvOuter) -> i64 {
    a.inner.items.sort_by(|x, y| {
        b.inner = RvInner::new(64);
        x.cmp(y)
    });
    a.inner.items.len() as i64
}

#[jitclass]
pub struct RvRows {
    pub rows: Vec<Vec<i64>>,
}

#[jitclass]
impl RvRows {
    pub fn new(k: i64, n: i64) -> RvRows {
        let mut rows = Vec::new();
        for _ in 0..k {
            let mut row = Vec::new();
            for i in 0..n {
                row.push((i * 7919) % n);
            }
            rows.push(row);
        }
        RvRows { rows }
    }
}

#[jit]
fn rv_sort_rows(mut a: RvRows) -> i64 {
    let mut k = 0;
    for row in a.rows.iter_mut() {
        row.sort_by(|x, y| (x % 5).cmp(&(y % 5)).then(y.cmp(x)));
        k += 1;
    }
    k
}

/// `b` is `a`: the comparator replaces the row being sorted.
#[jit]
fn rv_sort_rows_while_other_replaces_row(mut a: RvRows, mut b: RvRows) -> i64 {
    for row in a.rows.iter_mut() {
        row.sort_by(|x, y| {
            b.rows[0] = Vec::new();
            x.cmp(y)
        });
    }
    a.rows.len() as i64
}

// ---- methods, panics, loops, objmode! ----

#[jitclass]
pub struct RvBag {
    pub items: Vec<i64>,
}

#[jitclass]
impl RvBag {
    pub fn new(n: i64) -> RvBag {
        let mut items = Vec::new();
        for i in 0..n {
            items.push((i * 7919) % n);
        }
        RvBag { items }
    }
    pub fn grow(&mut self, n: i64) {
        for i in 0..n {
            self.items.push(i);
        }
    }
    /// `other` is `self`.
    pub fn sort_while_other_grows(&mut self, mut other: RvBag) -> i64 {
        self.items.sort_unstable_by_key(|x| {
            other.grow(1);
            *x
        });
        self.items.len() as i64
    }
    pub fn sort_panicking_at(&mut self, k: i64) {
        self.items.sort_by(|x, y| {
            if *x == k {
                panic!("comparator panics at {}", k);
            }
            x.cmp(y)
        });
    }
}

/// Reads the sorted `Vec` through the other handle: allowed, as a lent slice is read.
#[jit]
fn rv_sort_reading_other_handle(mut a: RvBag, b: RvBag) -> i64 {
    let mut reads = 0;
    a.items.sort_by(|x, y| {
        reads += b.items.len() as i64 + b.items[0] * 0;
        y.cmp(x)
    });
    reads.signum() + a.items[0]
}

/// Sorts inside a loop left by `break` and `continue`; afterwards the `Vec` grows again.
#[jit]
fn rv_sorts_in_loops_then_grow(mut a: RvBag, mut b: RvBag) -> i64 {
    for i in 0..5 {
        a.items.sort_by(|x, y| (x % 3).cmp(&(y % 3)));
        if i == 1 {
            continue;
        }
        for j in 0..3 {
            a.items.select_nth_unstable_by(2, |x, y| y.cmp(x));
            if j == 1 {
                break;
            }
        }
        if i == 3 {
            break;
        }
    }
    b.grow(5);
    b.items = Vec::new();
    b.grow(2);
    a.items.len() as i64
}

/// A sort in a fn that returns from the middle of a loop after it.
#[jit]
fn rv_sort_then_return(mut a: RvBag, mut b: RvBag) -> i64 {
    loop {
        a.items.sort_by(|x, y| y.cmp(x));
        if a.items[0] > 0 {
            return a.items[0];
        }
        b.grow(1);
    }
}

thread_local! {
    static RV_BAG: std::cell::RefCell<Option<RvBag>> = const { std::cell::RefCell::new(None) };
}

fn rv_set_items_shared() -> i64 {
    RV_BAG.with(|b| {
        let bag = b.borrow().clone().unwrap();
        bag.set_items(vec![5; 64]);
    });
    0
}

#[jit]
fn rv_sort_while_objmode_sets_items(mut a: RvBag) -> i64 {
    a.items.sort_by(|x, y| {
        let _z: i64 = objmode!(|| -> i64 { crate::review_valid3::rv_set_items_shared() });
        x.cmp(y)
    });
    a.items.len() as i64
}

/// `b.pair.0 = Vec::new()` replaces a `Vec` inside a tuple field while a sort of it
/// (through another handle) runs: RefCell's "already borrowed", as for a field's `Vec`.
#[test]
fn tuple_member_replaced_during_sort_panics_already_borrowed() {
    let _m = memory_test();
    let before = jitclass::stats();
    let a = RvPair::new(64);
    let r = outcome(|| rv_sort_tuple_vec_while_other_replaces_member(a.clone(), a.clone()));
    assert_eq!(
        r.unwrap_err().lines().next(),
        Some("already borrowed: cannot assign to a `Vec` while a slice of it is lent to a call")
    );
    assert!(is_permutation_of_0_to(&a.pair().0, 64));
    drop(a);
    assert!(balanced_since(&before));
}

/// `b.rows[0] = Vec::new()` while the loop's `row` (`a.rows[0]`) is sorted.
#[test]
fn element_vec_replaced_during_sort_panics_already_borrowed() {
    let _m = memory_test();
    let before = jitclass::stats();
    let a = RvRows::new(3, 64);
    let r = outcome(|| rv_sort_rows_while_other_replaces_row(a.clone(), a.clone()));
    assert_eq!(
        r.unwrap_err().lines().next(),
        Some("already borrowed: cannot assign to a `Vec` while a slice of it is lent to a call")
    );
    for row in a.rows() {
        assert!(is_permutation_of_0_to(&row, 64));
    }
    drop(a);
    assert!(balanced_since(&before));
}

/// Valid: each row of a field's `Vec<Vec<i64>>` sorted in an `iter_mut` loop, as rustc's
/// build sorts them.
#[test]
fn rows_sorted_in_an_iter_mut_loop_as_rustc_does() {
    let _m = memory_test();
    let before = jitclass::stats();
    let a = RvRows::new(3, 64);
    assert_eq!(rv_sort_rows(a.clone()), 3);
    let mut want = scrambled(64);
    want.sort_by(|x, y| (x % 5).cmp(&(y % 5)).then(y.cmp(x)));
    assert_eq!(a.rows(), vec![want; 3]);
    drop(a);
    assert!(balanced_since(&before));
}

/// The comparator replaces what holds the sorted `Vec` (the instance in a field, the tuple
/// of a field; through another handle): the sort evaluated its receiver once and holds the
/// `Vec` it lent, so it sorts that `Vec` to the end (which is then released), and the holder
/// keeps its new value, as a call lent a slice of the `Vec` goes on with it (book: "A slice
/// lent to a call"). A setter called from Rust (`objmode!`) replacing the sorted `Vec`
/// itself panics "already borrowed", as jit code's assignment does. (Was a known bug: the
/// sort re-read the place at each access and went on over the new `Vec`, silently unsorted
/// or out of bounds, and the setter did not check the lend.)
#[test]
fn replacing_the_holder_of_the_sorted_vec_leaves_the_sort_its_vec() {
    let _m = memory_test();
    let before = jitclass::stats();
    let a = RvOuter::new(64);
    assert_eq!(
        rv_sort_inner_vec_while_other_replaces_inner(a.clone(), a.clone()),
        64
    );
    assert_eq!(a.inner().items(), scrambled(64));
    drop(a);
    let a = RvPair::new(64);
    assert_eq!(
        rv_sort_tuple_vec_while_other_replaces_tuple(a.clone(), a.clone()),
        0
    );
    assert_eq!(a.pair(), (Vec::new(), 2));
    drop(a);
    let a = RvBag::new(64);
    RV_BAG.with(|b| *b.borrow_mut() = Some(a.clone()));
    let r = outcome(|| rv_sort_while_objmode_sets_items(a.clone()));
    RV_BAG.with(|b| *b.borrow_mut() = None);
    assert_eq!(
        r.unwrap_err().lines().next(),
        Some("already borrowed: cannot assign to a `Vec` while a slice of it is lent to a call")
    );
    assert!(is_permutation_of_0_to(&a.items(), 64));
    drop(a);
    assert!(balanced_since(&before));
}

#[test]
fn sorts_lend_in_methods_loops_and_panics_as_rustc_borrows() {
    let _m = memory_test();
    let before = jitclass::stats();
    // A block: every shadowed `a` is dropped before the balance check.
    {
        let a = RvBag::new(64);
        let r = outcome(|| a.clone().sort_while_other_grows(a.clone()));
        assert!(r.unwrap_err().starts_with("already borrowed"));
        assert!(is_permutation_of_0_to(&a.items(), 64));

        let mut a = RvBag::new(64);
        let r = outcome(|| a.clone().sort_panicking_at(7));
        assert_eq!(
            r.unwrap_err().lines().next(),
            Some("comparator panics at 7")
        );
        a.grow(3);
        assert_eq!(a.items().len(), 67);
        a.set_items(vec![1]);
        assert_eq!(a.items(), vec![1]);

        let a = RvBag::new(64);
        assert_eq!(rv_sort_reading_other_handle(a.clone(), a.clone()), 64);
        let mut want = scrambled(64);
        want.sort_by(|x, y| y.cmp(x));
        assert_eq!(a.items(), want);

        let a = RvBag::new(64);
        assert_eq!(rv_sorts_in_loops_then_grow(a.clone(), a.clone()), 2);
        let a = RvBag::new(64);
        assert_eq!(rv_sort_then_return(a.clone(), a.clone()), 63);
        let a = RvBag::new(0);
        let r = outcome(|| rv_sort_then_return(a.clone(), a.clone()));
        assert!(r.is_err(), "index out of bounds on the empty Vec: {r:?}");
    }
    assert!(balanced_since(&before));
}
