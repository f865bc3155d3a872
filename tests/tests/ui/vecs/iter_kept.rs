use jitclass::jit;

#[jit]
fn total(v: Vec<f64>) -> f64 {
    let it = v.iter();
    it.sum()
}

fn main() {}
