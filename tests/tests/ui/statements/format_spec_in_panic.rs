use jitclass::jit;

#[jit]
fn check(x: f64) -> f64 {
    if x < 0.0 {
        panic!("negative: {:.2}", x);
    }
    x
}

fn main() {}
