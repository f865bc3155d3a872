// In a generic body (which rustc never type-checks), `let y = e;` of the element of
// `for e in &v` over a `Vec` of numbers is a `&i64` in Rust, read after `v.push(9)`: rustc
// refuses the push (E0502). Jit code holds the element by value (it cannot tell `let y = e;`
// from `let y = *e;`, which rustc accepts), so it takes `y` for a copy and accepts the
// change on the path leaving the loop. The program runs safely (it reads the copy).
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
