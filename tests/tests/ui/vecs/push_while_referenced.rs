// A `Vec` cannot be changed while a reference into it (from `first`, `last`, `get`) is
// live: rustc's E0502 in a plain body, jitclass's own check in a generic one.
use jitclass::jit;

#[jit]
fn plain(mut v: Vec<f64>) -> f64 {
    let first = v.first();
    v.push(1.0);
    first.copied().unwrap_or(0.0)
}

#[jit]
fn generic<T>(mut v: Vec<T>, x: T) -> usize {
    if let Some(first) = v.first() {
        v.push(x);
        let _ = first;
    }
    v.len()
}

#[jit]
fn generic_loop<T>(mut v: Vec<T>, x: T) -> usize {
    let last = v.last();
    let mut n = 0;
    while n < 3 {
        if last.is_some() {
            n += 1;
        }
        v.clear();
    }
    n + v.len()
}

fn main() {}
