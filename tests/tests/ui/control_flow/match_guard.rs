use jitclass::jit;

#[jit]
fn positive(x: Option<i64>) -> bool {
    match x {
        Some(v) if v > 0 => true,
        _ => false,
    }
}

fn main() {}
