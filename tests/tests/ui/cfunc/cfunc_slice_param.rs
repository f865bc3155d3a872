use jitclass::jit;

#[jit]
extern "C" fn total(xs: &[f64]) -> f64 {
    let mut t = 0.0;
    for i in 0..xs.len() {
        t += xs[i];
    }
    t
}

fn main() {}
