//! Adversarial review of `HashSet<K>` and of the checks of references into a `HashMap`
//! (issue 16): what runs between a reference's making and its use (a right-hand side, a
//! method's arguments, a value's `Drop`), sets inside maps and containers, extreme keys
//! against std, panics mid-loop, and the messages a set's user sees.

use crate::{balanced_since, memory_test, panic_message};
use jitclass::{PassThru, jit, jitclass};
use std::collections::{HashMap, HashSet};

/// `#[jit] fn $jit` and the plain Rust `fn $rust`, from one body.
macro_rules! twice {
    ($jit:ident, $rust:ident, fn($($p:ident: $t:ty),*) -> $r:ty $body:block) => {
        #[jit]
        fn $jit($($p: $t),*) -> $r $body
        #[allow(clippy::all, unused_variables, unreachable_code, unused_mut)]
        fn $rust($($p: $t),*) -> $r $body
    };
}

/// The panic of a stale reference into a map (`codegen/map_refs.rs`).
const STALE: &str = "already borrowed: a reference into a `HashMap` (`entry`, `get_mut` or a loop over it) was used after the map changed through another handle";

/// The panic of a loop over a set that changed through another handle (`codegen/map_refs.rs`).
const STALE_SET: &str = "already borrowed: a loop over a `HashSet` read it after the set changed through another handle";

#[jitclass]
pub struct Bag {
    pub counts: HashMap<u32, i64>,
    pub items: HashMap<u32, Vec<i64>>,
    pub ids: HashSet<u32>,
    pub outer: HashMap<u32, HashMap<u32, i64>>,
}

#[jitclass]
impl Bag {
    pub fn new() -> Bag {
        Bag {
            counts: HashMap::new(),
            items: HashMap::new(),
            ids: HashSet::new(),
            outer: HashMap::new(),
        }
    }

    /// Inserts 1000 keys into `counts` and `items`: both entry buffers move.
    pub fn grow(&mut self, n: u32) -> i64 {
        for i in 100..100 + n {
            self.counts.insert(i, 0);
            self.items.insert(i, Vec::new());
        }
        1
    }

    /// Removes key 1 from `counts` and `items`: the last entry moves into its place.
    pub fn remove_one(&mut self) -> i64 {
        self.counts.remove(&1);
        self.items.remove(&1);
        1
    }

    pub fn clear_items(&mut self) -> i64 {
        self.items.clear();
        1
    }

    pub fn clear_outer(&mut self) -> i64 {
        self.outer.clear();
        9
    }
}

mod against_std;
mod getters;
mod panics;
mod references;
