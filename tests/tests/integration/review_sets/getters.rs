//! A `#[getter]` named where jit code re-reads the map.

use super::*;

// ---- a `#[getter]` named where jit code re-reads the map ---------------------------------

#[jitclass]
pub struct Cell {
    pub n: i64,
}

#[jitclass]
impl Cell {
    pub fn new(n: i64) -> Cell {
        Cell { n }
    }

    pub fn bump(&mut self) {
        self.n += 1;
    }
}

#[jitclass]
pub struct Gauge {
    pub calls: i64,
    pub c1: Cell,
    pub c2: Cell,
}

#[jitclass]
impl Gauge {
    pub fn new() -> Gauge {
        Gauge {
            calls: 0,
            c1: Cell::new(100),
            c2: Cell::new(200),
        }
    }

    /// A map made at each read, of the two cells (shared handles), in an order that
    /// alternates with the number of reads, which it counts.
    #[getter]
    pub fn cells(&self) -> HashMap<u32, Cell> {
        let mut me = self.clone();
        me.calls += 1;
        let mut m = HashMap::new();
        if self.calls % 2 == 1 {
            m.insert(1, self.c1.clone());
            m.insert(2, self.c2.clone());
        } else {
            m.insert(2, self.c2.clone());
            m.insert(1, self.c1.clone());
        }
        m
    }

    /// A new map of one entry at each read, which it counts.
    #[getter]
    pub fn fresh(&self) -> HashMap<u32, i64> {
        let mut me = self.clone();
        me.calls += 1;
        let mut m = HashMap::new();
        m.insert(1, 5);
        m
    }

    /// A new set of two keys at each read.
    #[getter]
    pub fn fresh_set(&self) -> HashSet<u32> {
        let mut s = HashSet::new();
        s.insert(1);
        s.insert(2);
        s
    }
}

/// Rust reads `g.fresh` once.
#[jit]
fn getter_read_twice() -> i64 {
    let mut g = Gauge::new();
    *g.fresh.entry(1).or_insert(0) += 1;
    g.calls
}

/// `entry` finds key 1 in the map of the first read and the unchecked fast path bumps the
/// entry at that position in the map of the second read: key 2's cell.
#[jit]
fn getter_entry_reaches_another_key() -> i64 {
    let mut g = Gauge::new();
    let spare = Cell::new(0);
    g.cells.entry(1).or_insert(spare).bump();
    g.c1.n * 1000 + g.c2.n
}

#[jit]
fn loop_over_a_getter() -> i64 {
    let g = Gauge::new();
    let mut t = 0;
    for (k, v) in &g.fresh {
        t += *k as i64 + *v;
    }
    for k in &g.fresh_set {
        t += *k as i64 * 100;
    }
    t
}

#[jit]
fn get_mut_of_a_getter() -> i64 {
    let mut g = Gauge::new();
    if let Some(c) = g.cells.get_mut(&1) {
        c.bump();
    }
    g.c1.n * 1000 + g.c2.n
}

/// A `#[getter]` is a call, but the map forms that re-read their map at each use
/// (`entry`, `get_mut`, loops; `lower/maps.rs`) took it for a field: the getter ran at
/// each use and the position found in one read's map was used in another's (jit code
/// bumped c2, rustc's build c1). `entry` and `get_mut` on a getter are refused now (at the
/// first call, where a field's type is known), saying to bind the map first.
#[test]
fn fixed_entry_and_get_mut_of_a_getter_are_refused() {
    let _m = memory_test();
    let before = jitclass::stats();
    for message in [
        panic_message(getter_entry_reaches_another_key),
        panic_message(get_mut_of_a_getter),
        panic_message(getter_read_twice),
    ] {
        assert!(
            message.contains("is a `#[getter]` property, not a field: it cannot be borrowed by"),
            "{message}"
        );
    }
    assert!(balanced_since(&before));
}

/// Loops over a getter's map re-read it at each step: "already borrowed" on valid code
/// (rustc's build reads it once: 306).
#[test]
#[ignore = "BUG: a loop over a #[getter]'s map or set calls the getter at each step and panics 'already borrowed'"]
fn review16_a_loop_over_a_getter_s_map_reads_it_once() {
    let _m = memory_test();
    assert_eq!(loop_over_a_getter(), 306);
}
