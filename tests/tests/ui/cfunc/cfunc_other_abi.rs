use jitclass::jit;

#[jit]
extern "system" fn double(x: i64) -> i64 {
    x * 2
}

fn main() {}
