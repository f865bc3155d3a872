// In a generic body (which rustc never checks), a `for x in v.iter_mut()` (or `&mut v`)
// loop lends `v` mutably while `f`, a reference into `v`, is used after it: rustc's E0502
// at `v.iter_mut()`, as `v.sort()` (`sort_while_referenced.rs`).
use jitclass::jit;

#[jit]
fn iter_mut_while_referenced<T>(v: Vec<i64>, _t: T) -> i64 {
    let mut v = v;
    let f = v.first();
    for x in v.iter_mut() {
        *x += 1;
    }
    *f.unwrap()
}

#[jit]
fn mut_loop_while_referenced<T>(v: Vec<i64>, _t: T) -> i64 {
    let mut v = v;
    let f = v.last();
    for x in &mut v {
        *x += 1;
    }
    *f.unwrap()
}

fn main() {}
