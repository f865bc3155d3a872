// In a generic body, a `for x in v.iter_mut()` loop while a reference into `v` is live is
// refused as "cannot assign to `v[_]`" (at the loop body's `*x += 1`), where rustc says
// "cannot borrow `v` as mutable because it is also borrowed as immutable" at
// `v.iter_mut()`. (`v.sort()` is told as rustc tells it: `generics/sort_while_referenced.rs`.)
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

fn main() {}
