use jitclass::jit;

#[jit]
fn join(c: char) -> String {
    let mut s = String::new();
    s.push_str(c);
    s
}

fn main() {}
