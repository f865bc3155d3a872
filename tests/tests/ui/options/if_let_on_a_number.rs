use jitclass::jit;

#[jit]
fn first(x: i64) -> i64 {
    if let Some(v) = x { v } else { 0 }
}

fn main() {}
