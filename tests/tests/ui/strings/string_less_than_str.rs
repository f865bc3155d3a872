use jitclass::jit;

#[jit]
fn before(s: String) -> bool {
    s < "m"
}

fn main() {}
