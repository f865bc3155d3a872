use jitclass::jit;

#[jit]
fn twice(s: String) -> (String, usize) {
    let t = s;
    (t, s.len())
}

fn main() {}
