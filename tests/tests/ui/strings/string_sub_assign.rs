use jitclass::jit;

#[jit]
fn cut(s: String) -> String {
    let mut s = s;
    s -= "x";
    s
}

fn main() {}
