use jitclass::jit;

#[jit]
fn kept<T>(s: String, x: T) -> T {
    let t = s.trim();
    let _n = t.len();
    x
}

fn main() {}
