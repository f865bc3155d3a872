use jitclass::jit;

#[jit]
fn first(t: (i64, i64)) -> i64 {
    if let (a, 0) = t { a } else { 0 }
}

fn main() {}
