// In a generic body (which rustc never type-checks), the element of a `for w in &v` loop
// and the binding of `if let Some(w) = o` over a borrowed `Option<Vec<T>>` are `&Vec<T>`
// in Rust, which jit code holds as the `Vec`: moved into a `mut` local it still changes
// nothing behind it (E0596), and passed by value it is no `Vec` (E0308), as rustc says.
use jitclass::jit;

#[jit]
fn eat(x: Vec<f64>) -> usize {
    let mut x = x;
    x.push(1.0);
    x.len()
}

#[jit]
fn through_loop_element<T>(v: Vec<(i32, Vec<f64>)>, _t: T) -> Vec<(i32, Vec<f64>)> {
    for (k, w) in &v {
        let mut w2 = w;
        w2.push(*k as f64);
    }
    v
}

#[jit]
fn through_option_binding<T>(v: Vec<Option<Vec<f64>>>, _t: T) -> usize {
    let mut n = 0;
    for o in &v {
        if let Some(w) = o {
            n += eat(w);
        }
    }
    n
}

fn main() {}
