use jitclass::jit;

#[jit]
fn both<T>(x: T, c: char) -> T {
    let _n = c as i32 as char;
    x
}

fn main() {}
