// A slice parameter is read in place from Rust's memory, so its elements must be laid out
// as jit code lays them out: a slice of tuples cannot cross; a `Vec` of them can.
use jitclass::jit;

#[jit]
fn total(pairs: &[(f64, f64)]) -> f64 {
    let mut s = 0.0;
    for p in pairs {
        s += p.0 * p.1;
    }
    s
}

fn main() {
    let pairs = [(1.0, 2.0)];
    let _ = total(&pairs);
}
