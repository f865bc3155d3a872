use jitclass::jit;

#[jit]
fn total(x: f64) -> f64 {
    let mut sum = 0.0;
    for v in (x, 2_i64) {
        sum += v;
    }
    sum
}

fn main() {}
