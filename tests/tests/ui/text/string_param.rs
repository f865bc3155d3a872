use jitclass::jit;

#[jit]
fn length(s: String) -> usize {
    0
}

fn main() {}
