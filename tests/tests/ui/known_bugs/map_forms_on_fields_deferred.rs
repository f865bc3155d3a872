// Forms jit code refuses on a map or set named by a local are refused at build time; on
// a class's field (also `self.field` in the class's own methods) the same forms pass the
// build and fail at the first call (a non-generic body must never fail there).
use jitclass::{jit, jitclass};
use std::collections::{HashMap, HashSet};

#[jitclass]
pub struct Bin {
    pub items: HashMap<u32, Vec<i64>>,
    pub ids: HashSet<u32>,
    pub other: HashSet<u32>,
}

#[jitclass]
impl Bin {
    pub fn new() -> Bin {
        Bin {
            items: HashMap::new(),
            ids: HashSet::new(),
            other: HashSet::new(),
        }
    }

    pub fn push_through_unwrap(&mut self) {
        self.items.get_mut(&1).unwrap().push(5);
    }

    pub fn same(&self) -> bool {
        self.ids == self.other
    }

    pub fn count(&self) -> usize {
        self.ids.iter().count()
    }
}

#[jit]
fn consume(a: Bin) -> i64 {
    let mut t = 0;
    for (k, _v) in a.items {
        t += k as i64;
    }
    t
}

fn main() {}
