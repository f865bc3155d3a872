use jitclass::jit;

#[jit]
fn f(mut v: Vec<f64>) -> Vec<f64> {
    for x in &mut v {
        x += 1.0;
    }
    v
}

fn main() {}
