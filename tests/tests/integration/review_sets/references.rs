//! What runs between a reference into a map's making and its use; a value's `Drop` that changes the map while it is replaced.

use super::*;

// ---- what runs between a reference's making and its use ---------------------------------

/// The right-hand side of `op=` runs first (Rust evaluates a primitive compound
/// assignment's right operand before its place): the entry buffer it reallocates is not
/// written through an old address.
#[jit]
fn rhs_grows_the_map() -> i64 {
    let mut a = Bag::new();
    let mut b = a.clone();
    a.counts.insert(1, 10);
    *a.counts.entry(1).or_insert(0) += b.grow(1000);
    let c = a.counts.entry(1).or_insert(0);
    *c += b.grow(1000);
    a.counts.get(&1).copied().unwrap_or(-1) * 10000 + a.counts.len() as i64
}

/// The fast path (`*m.entry(1).or_insert(0) += ..` is not checked): the removal the
/// right-hand side makes comes before the entry is found, so key 2 is never reached.
#[jit]
fn rhs_removes_the_key() -> i64 {
    let mut a = Bag::new();
    let mut b = a.clone();
    a.counts.insert(1, 10);
    a.counts.insert(2, 20);
    *a.counts.entry(1).or_insert(0) += b.remove_one();
    a.counts.get(&1).copied().unwrap_or(-1) * 1000 + a.counts.get(&2).copied().unwrap_or(-1)
}

#[jit]
fn assigned_rhs_removes_the_key() -> i64 {
    let mut a = Bag::new();
    let mut b = a.clone();
    a.counts.insert(1, 10);
    a.counts.insert(2, 20);
    *a.counts.get_mut(&1).unwrap() = b.remove_one() + 100;
    a.counts.len() as i64
}

#[jit]
fn named_reference_rhs_removes_the_key() -> i64 {
    let mut a = Bag::new();
    let mut b = a.clone();
    a.counts.insert(1, 10);
    a.counts.insert(2, 20);
    let c = a.counts.entry(1).or_insert(0);
    *c += b.remove_one();
    a.counts.get(&2).copied().unwrap_or(-1)
}

#[test]
fn ok_a_right_hand_side_that_changes_the_map_runs_before_the_entry_is_reached() {
    let _m = memory_test();
    let before = jitclass::stats();
    assert_eq!(rhs_grows_the_map(), 12 * 10000 + 1001);
    assert_eq!(rhs_removes_the_key(), 1020);
    let message = panic_message(assigned_rhs_removes_the_key);
    assert!(
        message.starts_with("called `Option::unwrap()` on a `None` value"),
        "{message}"
    );
    assert!(
        panic_message(named_reference_rhs_removes_the_key).starts_with(STALE),
        "stale reference not caught"
    );
    assert!(balanced_since(&before));
}

/// A method's argument that reallocates, removes or clears the map whose entry is the
/// receiver: the push reaches key 1's `Vec` (still in the map, or the one removed, never
/// another key's), and nothing is used after it is freed.
#[jit]
fn push_argument_grows_the_map() -> i64 {
    let mut a = Bag::new();
    let mut b = a.clone();
    a.items.insert(1, vec![1, 2, 3]);
    a.items.entry(1).or_insert_with(Vec::new).push(b.grow(2000));
    a.items.get(&1).cloned().unwrap_or(Vec::new()).len() as i64
}

#[jit]
fn push_argument_removes_the_key() -> i64 {
    let mut a = Bag::new();
    let mut b = a.clone();
    a.items.insert(1, vec![1, 2, 3]);
    a.items.insert(2, vec![7]);
    a.items
        .entry(1)
        .or_insert_with(Vec::new)
        .push(b.remove_one());
    let v1 = a.items.get(&1).cloned().unwrap_or(Vec::new());
    let v2 = a.items.get(&2).cloned().unwrap_or(Vec::new());
    v1.len() as i64 * 100 + v2.len() as i64
}

#[jit]
fn push_argument_clears_the_map() -> i64 {
    let mut a = Bag::new();
    let mut b = a.clone();
    let mut big = Vec::new();
    for i in 0..64 {
        big.push(i);
    }
    a.items.insert(1, big);
    a.items.insert(2, vec![5]);
    if let Some(v) = a.items.get_mut(&1) {
        v.push(b.clear_items());
    }
    a.items.len() as i64
}

/// The inner map of a `values_mut` loop's element, changed by an argument that clears
/// the outer map.
#[jit]
fn inner_map_argument_clears_the_outer_map() -> i64 {
    let mut a = Bag::new();
    let mut b = a.clone();
    let mut inner = HashMap::new();
    inner.insert(1u32, 1i64);
    a.outer.insert(1, inner);
    let mut total = 0;
    for m in a.outer.values_mut() {
        m.insert(7, b.clear_outer());
        total += m.len() as i64;
    }
    total
}

#[test]
fn ok_method_arguments_that_change_the_map_never_reach_another_entry() {
    let _m = memory_test();
    let before = jitclass::stats();
    assert_eq!(push_argument_grows_the_map(), 4);
    // Key 1's `Vec` was removed before the push (which went to it); key 2's is untouched.
    assert_eq!(push_argument_removes_the_key(), 1);
    assert_eq!(push_argument_clears_the_map(), 0);
    assert!(panic_message(inner_map_argument_clears_the_outer_map).starts_with(STALE));
    assert!(balanced_since(&before));
}

/// A set field replaced by a bigger set in the body of a loop over it: the loop's index
/// must not walk the new set's entries.
#[jit]
fn set_replaced_by_a_bigger_one_in_its_loop() -> u32 {
    let mut a = Bag::new();
    let mut b = a.clone();
    a.ids.insert(1);
    a.ids.insert(2);
    let mut t = 0;
    for k in &a.ids {
        let mut s = HashSet::new();
        for i in 0..100u32 {
            s.insert(i);
        }
        b.ids = s;
        t += *k;
    }
    t
}

#[test]
fn ok_a_set_replaced_in_its_loop_through_another_handle_panics() {
    let _m = memory_test();
    let before = jitclass::stats();
    assert!(panic_message(set_replaced_by_a_bigger_one_in_its_loop).starts_with(STALE_SET));
    assert!(balanced_since(&before));
}

// ---- a value's `Drop` that changes the map while it is replaced ---------------------------

/// A Rust value whose `Drop` clears the map it is a value of, through a handle of the
/// instance owning that map.
pub struct Clearer {
    pit: Option<Pit>,
}

impl Drop for Clearer {
    fn drop(&mut self) {
        if let Some(mut p) = self.pit.take() {
            p.clear_vals();
        }
    }
}

#[jitclass]
pub struct Pit {
    pub vals: HashMap<u32, PassThru<Clearer>>,
}

#[jitclass]
impl Pit {
    pub fn new() -> Pit {
        Pit {
            vals: HashMap::new(),
        }
    }

    pub fn put(&mut self, k: u32, v: PassThru<Clearer>) {
        self.vals.insert(k, v);
    }

    pub fn clear_vals(&mut self) {
        self.vals.clear();
    }

    pub fn replace_via_get_mut(&mut self, k: u32, v: PassThru<Clearer>) -> usize {
        if let Some(x) = self.vals.get_mut(&k) {
            *x = v;
        }
        self.vals.len()
    }

    pub fn replace_via_unwrap(&mut self, k: u32, v: PassThru<Clearer>) -> usize {
        *self.vals.get_mut(&k).unwrap() = v;
        self.vals.len()
    }

    pub fn replace_via_entry(
        &mut self,
        k: u32,
        v: PassThru<Clearer>,
        w: PassThru<Clearer>,
    ) -> usize {
        *self.vals.entry(k).or_insert(w) = v;
        self.vals.len()
    }

    pub fn replace_in_loop(&mut self, v: PassThru<Clearer>) -> usize {
        for x in self.vals.values_mut() {
            *x = v.clone();
        }
        self.vals.len()
    }
}

fn clearer(p: &Pit) -> PassThru<Clearer> {
    PassThru::new(Clearer {
        pit: Some(p.clone()),
    })
}

fn inert() -> PassThru<Clearer> {
    PassThru::new(Clearer { pit: None })
}

/// A filled `Pit` whose key 1 holds a value that clears the map when dropped.
fn armed_pit() -> Pit {
    let mut p = Pit::new();
    p.put(1, clearer(&p));
    p.put(2, inert());
    p
}

#[test]
fn ok_a_replaced_value_whose_drop_clears_the_map_leaks_nothing() {
    let _m = memory_test();
    let before = jitclass::stats();
    let p = armed_pit();
    assert_eq!(p.clone().replace_via_get_mut(1, inert()), 0);
    assert!(p.vals().is_empty());
    drop(p);
    let p = armed_pit();
    assert_eq!(p.clone().replace_via_unwrap(1, inert()), 0);
    drop(p);
    let p = armed_pit();
    assert_eq!(p.clone().replace_via_entry(1, inert(), inert()), 0);
    drop(p);
    let p = armed_pit();
    let message = panic_message(|| p.clone().replace_in_loop(inert()));
    assert!(message.starts_with(STALE), "{message}");
    drop(p);
    assert!(balanced_since(&before));
}
