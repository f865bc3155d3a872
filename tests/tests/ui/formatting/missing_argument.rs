use jitclass::jit;

#[jit]
fn two(a: i32) -> String {
    format!("{} and {}", a)
}

#[jit]
fn second(a: i32) -> String {
    format!("{1}", a)
}

fn main() {}
