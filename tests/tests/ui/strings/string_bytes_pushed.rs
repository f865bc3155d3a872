use jitclass::jit;

#[jit]
fn text(b: u8) -> String {
    let mut s = String::new();
    s.push(b);
    s
}

fn main() {}
