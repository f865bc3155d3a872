//! A range bound runs while the slice is being formed: one that pushes to the lent `Vec`
//! is rustc's E0502.
use jitclass::jit;

#[jit]
fn total(xs: &[f64]) -> f64 {
    let mut s = 0.0;
    for x in xs {
        s += x;
    }
    s
}

#[jit]
fn grows<T>(x: T, n: usize) -> f64 {
    let _x = x;
    let mut v = vec![1.0f64; 4];
    total(&v[..{
        for i in 0..n {
            v.push(i as f64);
        }
        2
    }])
}

#[jit]
fn mutable_lend_beside_len<T>(x: T) -> f64 {
    let _x = x;
    let mut v = vec![1.0f64; 4];
    scale(&mut v[..v.len() - 1])
}

#[jit]
fn scale(xs: &mut [f64]) -> f64 {
    xs[0] *= 2.0;
    xs[0]
}

fn main() {}
