use jitclass::jit;

#[jit]
extern "C" fn half(x: i64) -> Option<i64> {
    if x % 2 == 0 { Some(x / 2) } else { None }
}

fn main() {}
