use jitclass::jit;

#[jit]
fn noisy(x: f64) -> f64 {
    println!("x = {}", x);
    x
}

fn main() {}
