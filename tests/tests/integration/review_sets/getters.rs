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

    /// A new `Vec` at each read, which it counts.
    #[getter]
    pub fn list(&self) -> Vec<i64> {
        let mut me = self.clone();
        me.calls += 1;
        vec![1, 2, 3]
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

/// Each borrowed loop reads its getter once, whatever the loop's shape: its parts
/// (`values()`, `keys()`), a `break`, a `Vec`, and an inner loop (read once per step of the
/// outer one); `calls` counts the reads.
#[jit]
fn getter_loops_count_their_reads() -> i64 {
    let g = Gauge::new();
    let mut t = 0;
    for (k, v) in &g.fresh {
        t += *k as i64 + *v;
    }
    for v in g.fresh.values() {
        t += *v;
    }
    for k in g.fresh.keys() {
        if *k == 1 {
            break;
        }
    }
    for a in &g.list {
        for b in g.list.iter() {
            t += *a * *b;
        }
    }
    t * 100 + g.calls
}

/// A `return` out of a loop over a getter's map (the map read once is released).
#[jit]
fn return_from_a_getter_loop() -> i64 {
    let g = Gauge::new();
    for (k, v) in &g.fresh {
        if *k == 1 {
            return *v * 10 + g.calls;
        }
    }
    -1
}

/// A panic in a loop over a getter's `Vec`.
#[jit]
fn panic_in_a_getter_loop() -> i64 {
    let g = Gauge::new();
    let mut t = 0;
    for x in &g.list {
        if *x == 2 {
            panic!("stop at {}", g.calls);
        }
        t += *x;
    }
    t
}

/// The same class and functions as plain Rust: a getter is a method returning a new map.
#[allow(clippy::all)]
mod rust {
    use std::cell::Cell;
    use std::collections::{HashMap, HashSet};

    pub struct Gauge {
        pub calls: Cell<i64>,
    }

    impl Gauge {
        pub fn new() -> Gauge {
            Gauge {
                calls: Cell::new(0),
            }
        }
        pub fn fresh(&self) -> HashMap<u32, i64> {
            self.calls.set(self.calls.get() + 1);
            let mut m = HashMap::new();
            m.insert(1, 5);
            m
        }
        pub fn fresh_set(&self) -> HashSet<u32> {
            let mut s = HashSet::new();
            s.insert(1);
            s.insert(2);
            s
        }
        pub fn list(&self) -> Vec<i64> {
            self.calls.set(self.calls.get() + 1);
            vec![1, 2, 3]
        }
    }

    pub fn loop_over_a_getter() -> i64 {
        let g = Gauge::new();
        let mut t = 0;
        for (k, v) in &g.fresh() {
            t += *k as i64 + *v;
        }
        for k in &g.fresh_set() {
            t += *k as i64 * 100;
        }
        t
    }

    pub fn getter_loops_count_their_reads() -> i64 {
        let g = Gauge::new();
        let mut t = 0;
        for (k, v) in &g.fresh() {
            t += *k as i64 + *v;
        }
        for v in g.fresh().values() {
            t += *v;
        }
        for k in g.fresh().keys() {
            if *k == 1 {
                break;
            }
        }
        for a in &g.list() {
            for b in g.list().iter() {
                t += *a * *b;
            }
        }
        t * 100 + g.calls.get()
    }

    pub fn return_from_a_getter_loop() -> i64 {
        let g = Gauge::new();
        for (k, v) in &g.fresh() {
            if *k == 1 {
                return *v * 10 + g.calls.get();
            }
        }
        -1
    }

    pub fn panic_in_a_getter_loop() -> i64 {
        let g = Gauge::new();
        let mut t = 0;
        for x in &g.list() {
            if *x == 2 {
                panic!("stop at {}", g.calls.get());
            }
            t += *x;
        }
        t
    }
}

/// Loops over a getter's map or set re-read it at each step: "already borrowed" on valid
/// code, and a `Vec` getter ran at each step. Each loop now reads its getter once, as
/// rustc's build does.
#[test]
fn fixed_a_loop_over_a_getter_reads_it_once() {
    let _m = memory_test();
    let before = jitclass::stats();
    assert_eq!(loop_over_a_getter(), rust::loop_over_a_getter());
    assert_eq!(loop_over_a_getter(), 306);
    assert_eq!(
        getter_loops_count_their_reads(),
        rust::getter_loops_count_their_reads()
    );
    assert_eq!(
        return_from_a_getter_loop(),
        rust::return_from_a_getter_loop()
    );
    let jit = panic_message(panic_in_a_getter_loop);
    let rust = panic_message(rust::panic_in_a_getter_loop);
    assert!(jit.starts_with(&format!("{rust}\n")), "{jit} / {rust}");
    assert!(balanced_since(&before));
}
