use jitclass::jit;

#[jit]
fn is_one(x: Option<i64>) -> bool {
    if let Some(1) = x { true } else { false }
}

fn main() {}
