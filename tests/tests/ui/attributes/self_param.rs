use jitclass::jit;

#[jit]
fn length(self) -> f64 {
    0.0
}

fn main() {}
