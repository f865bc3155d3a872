// In a generic body (which rustc never type-checks), `let y = e;` of the element of
// `for e in &v` over a `Vec` of numbers is a `&i64` in Rust (`let y = *e;` would copy it),
// read after `v.push(9)`: the loop's borrow is live at the push, which rustc refuses
// (E0502).
use jitclass::jit;

#[jit]
fn read_after_push<T>(v: Vec<i64>, x: T) -> (i64, T) {
    let mut v = v;
    let mut got = 0;
    for e in &v {
        let y = e;
        if *e == 2 {
            v.push(9);
            got = y + 0;
            break;
        }
    }
    (got, x)
}

fn main() {}
