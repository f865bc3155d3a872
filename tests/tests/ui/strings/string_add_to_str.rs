use jitclass::jit;

#[jit]
fn join(a: &str, b: String) -> String {
    a + b
}

fn main() {}
