use jitclass::jit;

#[jit]
fn grow(n: usize) -> String {
    let s = String::with_capacity(n);
    s.push('a');
    s
}

fn main() {}
