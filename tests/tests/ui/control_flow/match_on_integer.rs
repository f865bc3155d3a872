use jitclass::jit;

#[jit]
fn sign(x: i64) -> i64 {
    match x {
        0 => 0,
        _ => 1,
    }
}

fn main() {}
