// In a generic body, `v.sort()` or a `for x in v.iter_mut()` loop while a reference into
// `v` is live is refused as "cannot assign to `v[_]`" (at the sort's spliced element
// write, at the loop body's `*x += 1`), where rustc says "cannot borrow `v` as mutable
// because it is also borrowed as immutable" at `v.sort()` / `v.iter_mut()`.
use jitclass::jit;

#[jit]
fn sorted_while_referenced<T>(v: Vec<i64>, _t: T) -> i64 {
    let mut v = v;
    let f = v.first();
    v.sort();
    *f.unwrap()
}

#[jit]
fn iter_mut_while_referenced<T>(v: Vec<i64>, _t: T) -> i64 {
    let mut v = v;
    let f = v.first();
    for x in v.iter_mut() {
        *x += 1;
    }
    *f.unwrap()
}

fn main() {}
