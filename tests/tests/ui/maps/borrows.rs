use jitclass::jit;
use std::collections::HashMap;

// `get`'s reference is live across the `insert`: rustc's E0502, through the shadow.
#[jit]
fn get_across_insert(mut m: HashMap<u32, i64>) -> i64 {
    let v = m.get(&1);
    m.insert(2, 5);
    *v.unwrap()
}

// A reference into a map must name it: a temporary cannot be re-read.
#[jit]
fn entry_of_temporary(k: u32) -> i64 {
    let mut c = 0;
    *new_map().entry(k).or_insert(0) += 1;
    c
}

#[jit]
fn new_map() -> HashMap<u32, i64> {
    HashMap::new()
}

fn main() {}

// Generic bodies, which rustc never sees, are checked by jitclass in rustc's words.
mod generic {
    use jitclass::jit;
    use std::collections::HashMap;

    #[jit]
    fn get_across_insert<T: Copy>(k: T) -> i64 {
        let mut m = HashMap::new();
        m.insert(k, 1i64);
        let v = m.get(&k);
        m.insert(k, 5);
        *v.unwrap()
    }

    #[jit]
    fn insert_while_iterating<T: Copy>(k: T) -> usize {
        let mut m = HashMap::new();
        m.insert(k, 1i64);
        for (_, v) in &m {
            m.insert(k, *v + 1);
        }
        m.len()
    }
}
