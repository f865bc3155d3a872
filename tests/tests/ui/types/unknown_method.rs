use jitclass::jit;

#[jit]
fn root(x: f64) -> f64 {
    x.square_root()
}

fn main() {}
