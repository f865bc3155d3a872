use jitclass::jit;

#[jit]
fn double(xs: &mut [f64]) {
    for i in 0..xs.len() {
        xs[i] *= 2.0;
    }
}

#[jit]
fn caller() -> f64 {
    let a = [1.0, 2.0];
    double(&mut a);
    a[0]
}

fn main() {}
