use jitclass::jit;
use std::collections::HashMap;

// `return` leaves the closure (valid Rust), which jit code would lower as leaving the
// function.
#[jit]
fn return_in_default(k: u32) -> i64 {
    let mut m: HashMap<u32, i64> = HashMap::new();
    let v = *m.entry(k).or_insert_with(|| {
        if k > 1 {
            return 5;
        }
        6
    });
    v + 100
}

// A loop inside the closure keeps its own `break`.
#[jit]
fn loop_in_default(k: u32) -> i64 {
    let mut m: HashMap<u32, i64> = HashMap::new();
    for i in 0..3u32 {
        *m.entry(k + i).or_insert_with(|| {
            let mut n = 0;
            loop {
                n += 1;
                if n > 3 {
                    break;
                }
            }
            n
        }) += 1;
    }
    m.len() as i64
}

// rustc's E0267 in a generic body too, which rustc does not check.
#[jit]
fn break_in_default<T>(k: T) -> usize {
    let mut m = HashMap::new();
    for _ in 0..3 {
        m.entry(k).or_insert_with(|| {
            break;
        });
    }
    m.len()
}

fn main() {}
