//! Soundness probes: a `Vec` sorted while the comparator reaches it, array fields lent to calls that replace their holder, panicking comparators.

use super::*;

// ---- (1) soundness: a Vec sorted while the comparator reaches it another way ----

#[jitclass]
pub struct RaBag {
    pub items: Vec<i64>,
}

#[jitclass]
impl RaBag {
    pub fn new(n: i64) -> RaBag {
        let mut items = Vec::new();
        for i in 0..n {
            items.push((i * 7919) % n);
        }
        RaBag { items }
    }
    pub fn grow(&mut self, n: i64) {
        for i in 0..n {
            self.items.push(i);
        }
    }
}

/// `a` and `b` are the same instance (handles are shared): the comparator grows the `Vec`
/// being sorted through `b`.
#[jit]
fn ra_sort_while_other_handle_grows(mut a: RaBag, mut b: RaBag) -> i64 {
    a.items.sort_by(|x, y| {
        b.grow(1000);
        x.cmp(y)
    });
    a.items.len() as i64
}

#[jit]
fn ra_sort_unstable_while_other_handle_grows(mut a: RaBag, mut b: RaBag) -> i64 {
    a.items.sort_unstable_by(|x, y| {
        b.grow(1000);
        x.cmp(y)
    });
    a.items.len() as i64
}

#[jit]
fn ra_select_while_other_handle_grows(mut a: RaBag, mut b: RaBag) -> i64 {
    a.items.select_nth_unstable_by_key(3, |x| {
        b.grow(1000);
        *x
    });
    a.items.len() as i64
}

#[jit]
fn ra_sort_while_other_handle_clears(mut a: RaBag, mut b: RaBag) -> i64 {
    a.items.sort_by(|x, y| {
        b.items.clear();
        x.cmp(y)
    });
    a.items.len() as i64
}

#[jit]
fn ra_sort_while_other_handle_replaces(mut a: RaBag, mut b: RaBag) -> i64 {
    a.items.sort_by(|x, y| {
        b.items = Vec::new();
        x.cmp(y)
    });
    a.items.len() as i64
}

thread_local! {
    static RA_BAG: std::cell::RefCell<Option<RaBag>> = const { std::cell::RefCell::new(None) };
}

fn ra_grow_shared() -> i64 {
    RA_BAG.with(|b| {
        let mut bag = b.borrow().clone().unwrap();
        bag.grow(1000);
    });
    0
}

#[jit]
fn ra_sort_while_objmode_grows(mut a: RaBag) -> i64 {
    a.items.sort_by(|x, y| {
        let _z: i64 =
            objmode!(|| -> i64 { crate::review_arrays_sorting::soundness::ra_grow_shared() });
        x.cmp(y)
    });
    a.items.len() as i64
}

/// Runs `f(bag, bag)` on a bag of 64 elements; the outcome, and the bag's elements after.
fn run_aliasing(f: fn(RaBag, RaBag) -> i64) -> (Result<i64, String>, Vec<i64>) {
    let bag = RaBag::new(64);
    let b2 = bag.clone();
    let b3 = bag.clone();
    let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(move || f(bag.clone(), b2)));
    let r = r.map_err(|e| e.downcast_ref::<String>().cloned().unwrap_or_default());
    (r, b3.items())
}

fn run_objmode_aliasing() -> (Result<i64, String>, Vec<i64>) {
    let bag = RaBag::new(64);
    RA_BAG.with(|b| *b.borrow_mut() = Some(bag.clone()));
    let b2 = bag.clone();
    let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(move || {
        ra_sort_while_objmode_grows(b2)
    }));
    RA_BAG.with(|b| *b.borrow_mut() = None);
    let r = r.map_err(|e| e.downcast_ref::<String>().cloned().unwrap_or_default());
    (r, bag.items())
}

type RaAliasing = fn(RaBag, RaBag) -> i64;

const RA_ALIASING: [(&str, RaAliasing); 5] = [
    ("sort_by grows", ra_sort_while_other_handle_grows),
    (
        "sort_unstable_by grows",
        ra_sort_unstable_while_other_handle_grows,
    ),
    (
        "select_nth_unstable_by_key grows",
        ra_select_while_other_handle_grows,
    ),
    ("sort_by clears", ra_sort_while_other_handle_clears),
    ("sort_by replaces", ra_sort_while_other_handle_replaces),
];

/// `a.items.sort_by(..)` while the comparator reaches the same `Vec` through another
/// handle of the instance, or through Rust code in `objmode!`, and pushes to it, clears it
/// or replaces it: the sort lends the `Vec` for its duration (`sort_by` takes `&mut self`),
/// so the change panics with `RefCell`'s "already borrowed", as it does for a slice lent
/// to a call (`VecHeader::lends`). The panic leaves the 64 elements the sort started with
/// in the `Vec` (a permutation of them: the sort only swaps), and leaks nothing.
#[test]
fn comparator_changing_the_sorted_vec_panics_already_borrowed() {
    let _m = memory_test();
    let before = jitclass::stats();
    let mut original: Vec<i64> = (0..64).map(|i| (i * 7919) % 64).collect();
    original.sort();
    let permutation_of_original = |items: &[i64]| {
        let mut items = items.to_vec();
        items.sort();
        items == original
    };
    for (name, f) in RA_ALIASING {
        let (r, items) = run_aliasing(f);
        let m = r.err().unwrap_or_default();
        assert!(m.starts_with("already borrowed: cannot"), "{name}: {m}");
        assert!(permutation_of_original(&items), "{name}: {items:?}");
    }
    let (r, items) = run_objmode_aliasing();
    let m = r.err().unwrap_or_default();
    assert!(
        m.starts_with("already borrowed: cannot `push`"),
        "objmode!: {m}"
    );
    assert!(permutation_of_original(&items), "objmode!: {items:?}");
    assert!(balanced_since(&before));
}

/// The lend ends with the sort: once `sort_by` returns, the comparator's other handle
/// changes the `Vec` again (as the borrow `sort_by` took ends in Rust).
#[jit]
fn ra_sort_then_other_handle_grows(mut a: RaBag, mut b: RaBag) -> i64 {
    a.items.sort_by(|x, y| (x % 7).cmp(&(y % 7)));
    b.grow(3);
    b.items = Vec::new();
    b.grow(2);
    a.items.len() as i64
}

#[test]
fn sorted_vec_changes_again_after_the_sort() {
    let _m = memory_test();
    let before = jitclass::stats();
    let (r, items) = run_aliasing(ra_sort_then_other_handle_grows);
    assert_eq!(r, Ok(2));
    assert_eq!(items, vec![0, 1]);
    assert!(balanced_since(&before));
}

// ---- (1) an array field lent to a call that replaces its holder ----

#[jitclass]
pub struct RaInner {
    pub arr: [f64; 4],
}

#[jitclass]
impl RaInner {
    pub fn new(x: f64) -> RaInner {
        RaInner { arr: [x; 4] }
    }
}

#[jitclass]
pub struct RaOuter {
    pub inner: RaInner,
}

#[jitclass]
impl RaOuter {
    pub fn new(x: f64) -> RaOuter {
        RaOuter {
            inner: RaInner::new(x),
        }
    }
}

#[jit]
fn ra_replace_then_read(xs: &[f64], mut o: RaOuter) -> f64 {
    o.inner = RaInner::new(9.0);
    let mut junk = Vec::new();
    for i in 0..100 {
        junk.push(RaInner::new(i as f64 + 100.0));
    }
    xs[0] + xs[3]
}

#[jit]
fn ra_lend_inner_array(o: RaOuter, o2: RaOuter) -> f64 {
    ra_replace_then_read(&o.inner.arr, o2)
}

#[jit]
fn ra_lend_inner_array_slice(o: RaOuter, o2: RaOuter) -> f64 {
    ra_replace_then_read(&o.inner.arr[1..], o2)
}

thread_local! {
    static RA_OUTER: std::cell::RefCell<Option<RaOuter>> = const { std::cell::RefCell::new(None) };
}

fn ra_replace_inner() -> i64 {
    RA_OUTER.with(|o| {
        let outer = o.borrow().clone().unwrap();
        outer.set_inner(RaInner::new(9.0));
    });
    0
}

#[jit]
fn ra_objmode_replace_then_read(xs: &[f64]) -> f64 {
    let _z: i64 =
        objmode!(|| -> i64 { crate::review_arrays_sorting::soundness::ra_replace_inner() });
    let mut junk = Vec::new();
    for i in 0..100 {
        junk.push(RaInner::new(i as f64 + 100.0));
    }
    xs[0] + xs[xs.len() - 1]
}

#[jit]
fn ra_objmode_lend_inner_array(o: RaOuter) -> f64 {
    ra_objmode_replace_then_read(&o.inner.arr)
}

#[jit]
fn ra_objmode_lend_inner_array_mut(mut o: RaOuter) -> f64 {
    ra_objmode_sort_then_read(&mut o.inner.arr)
}

#[jit]
fn ra_objmode_sort_then_read(xs: &mut [f64]) -> f64 {
    let _z: i64 =
        objmode!(|| -> i64 { crate::review_arrays_sorting::soundness::ra_replace_inner() });
    let mut junk = Vec::new();
    for i in 0..100 {
        junk.push(RaInner::new(i as f64 + 100.0));
    }
    xs[0] = 5.0;
    xs.sort_by(|a, b| a.total_cmp(b));
    xs[0] + xs[xs.len() - 1]
}

/// A slice of an instance's array field is lent to a call in which Rust code (`objmode!`)
/// replaces that instance in its holder: the lend holds the instance, so the slice reads
/// the old array (and sorts it in place), and everything is freed after.
#[test]
fn ok_array_field_lent_while_objmode_replaces_its_instance() {
    let _m = memory_test();
    let before = jitclass::stats();
    {
        let o = RaOuter::new(1.5);
        RA_OUTER.with(|c| *c.borrow_mut() = Some(o.clone()));
        let r = ra_objmode_lend_inner_array(o.clone());
        assert_eq!(o.inner().arr(), [9.0; 4]);
        assert_eq!(r, 3.0);
        let o2 = RaOuter::new(1.5);
        RA_OUTER.with(|c| *c.borrow_mut() = Some(o2.clone()));
        let r = ra_objmode_lend_inner_array_mut(o2.clone());
        RA_OUTER.with(|c| *c.borrow_mut() = None);
        assert_eq!(o2.inner().arr(), [9.0; 4]);
        assert_eq!(r, 6.5);
    }
    assert!(balanced_since(&before));
}

/// An instance passed beside a slice of another instance's array field is refused at the
/// first call (the callee could replace the array's holder through it). The message names
/// a `Vec` where the slice is of an array: a wording nit, left to the owner of the check.
#[test]
fn ok_array_field_lent_beside_an_instance_is_refused() {
    let _m = memory_test();
    let before = jitclass::stats();
    {
        for f in [ra_lend_inner_array, ra_lend_inner_array_slice] {
            let o = RaOuter::new(1.5);
            let m = panic_message(std::panic::AssertUnwindSafe(|| {
                f(o.clone(), o.clone());
            }));
            assert!(
                m.contains("cannot pass this beside a slice of an instance's"),
                "{m}"
            );
            assert_eq!(o.inner().arr(), [1.5; 4]);
        }
    }
    assert!(balanced_since(&before));
}

// ---- (1) panicking comparator on instance elements in a field ----

#[jitclass]
pub struct RaBody {
    pub m: f64,
}

#[jitclass]
impl RaBody {
    pub fn new(m: f64) -> RaBody {
        RaBody { m }
    }
}

#[jitclass]
pub struct RaSwarm {
    pub bodies: Vec<RaBody>,
}

#[jitclass]
impl RaSwarm {
    pub fn new(n: i64) -> RaSwarm {
        let mut bodies = Vec::new();
        for i in 0..n {
            bodies.push(RaBody::new(((i * 7919) % n) as f64));
        }
        RaSwarm { bodies }
    }
    pub fn sort_panicking(&mut self, at: f64, stable: bool) {
        if stable {
            self.bodies.sort_by(|a, b| {
                if a.m == at || b.m == at {
                    panic!("boom");
                }
                a.m.total_cmp(&b.m)
            });
        } else {
            self.bodies.sort_unstable_by(|a, b| {
                if a.m == at || b.m == at {
                    panic!("boom");
                }
                b.m.total_cmp(&a.m)
            });
        }
    }
    pub fn masses(&self) -> Vec<f64> {
        let mut out = Vec::new();
        for b in &self.bodies {
            out.push(b.m);
        }
        out
    }
}

#[test]
fn ok_panicking_comparator_on_instances_in_a_field_keeps_every_element() {
    let _m = memory_test();
    let before = jitclass::stats();
    for n in [3i64, 20, 33, 500] {
        for stable in [true, false] {
            let mut s = RaSwarm::new(n);
            let at = (n / 2) as f64;
            let m = panic_message(std::panic::AssertUnwindSafe(|| {
                s.sort_panicking(at, stable)
            }));
            assert!(m.contains("boom"), "{m}");
            let mut got = s.masses();
            got.sort_by(f64::total_cmp);
            let want: Vec<f64> = (0..n).map(|i| i as f64).collect();
            assert_eq!(got, want, "n = {n} stable = {stable}");
        }
    }
    assert!(balanced_since(&before));
    assert_no_leaks();
}
