// In a generic body, `v.sort()` while a reference into `v` is live is refused as rustc
// refuses it (E0502), at the call, not at the element write the sort is lowered with.
use jitclass::jit;

#[jit]
fn sorted_while_referenced<T>(v: Vec<i64>, _t: T) -> i64 {
    let mut v = v;
    let f = v.first();
    v.sort();
    *f.unwrap()
}

fn main() {}
