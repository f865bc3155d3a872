use jitclass::jit;

#[jit]
fn named(pair: (&str, i64)) -> i64 {
    pair.1
}

fn main() {}
