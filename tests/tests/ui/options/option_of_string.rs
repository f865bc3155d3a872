use jitclass::jit;

#[jit]
fn name(x: Option<String>) -> bool {
    x.is_some()
}

fn main() {}
