use jitclass::jit;

#[jit]
fn number(s: &str) -> bool {
    s.parse::<Vec<u8>>().is_ok()
}

fn main() {}
