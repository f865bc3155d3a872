use jitclass::jit;

#[jit]
fn grow(s: String) -> String {
    let mut s = s;
    s.as_str().push_str("x");
    s
}

fn main() {}
