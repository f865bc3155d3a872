// `x` is a `&f64` in Rust (`w` is a `&Vec<f64>`, bound by `if let` over a borrowed
// `Option<Vec<f64>>`), and rustc wants `*x` to compare it with a number; jitclass refuses
// the `*x` ("dereferencing (`*x`) is not supported here").
use jitclass::jit;

#[jit]
fn positives(v: &Vec<Option<Vec<f64>>>) -> usize {
    let mut n = 0;
    for o in v {
        if let Some(w) = o {
            for x in w {
                if *x > 0.0 {
                    n += 1;
                }
            }
        }
    }
    n
}

fn main() {
    assert_eq!(positives(&vec![Some(vec![1.0, -1.0]), None]), 1);
}
