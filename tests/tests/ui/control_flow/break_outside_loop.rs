use jitclass::jit;

#[jit]
fn stop(x: i64) -> i64 {
    if x > 0 {
        break;
    }
    x
}

fn main() {}
