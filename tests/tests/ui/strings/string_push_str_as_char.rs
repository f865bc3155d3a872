use jitclass::jit;

#[jit]
fn join(a: &str) -> String {
    let mut s = String::new();
    s.push(a);
    s
}

fn main() {}
