use jitclass::jit;

#[jit]
fn display_unbounded<T>(x: T) -> String {
    format!("{}", x)
}

fn main() {}
