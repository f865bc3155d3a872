use jitclass::jit;

#[jit]
fn neg(c: char) -> bool {
    let d = -c;
    d == c
}

fn main() {}
