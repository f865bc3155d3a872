use jitclass::jit;

#[jit]
fn grow(s: String) -> usize {
    let mut s = s;
    let t = s.trim();
    s.push_str("x");
    t.len()
}

fn main() {}
