use jitclass::jit;

#[jit]
fn hex_of_display<T: std::fmt::Display>(x: T) -> String {
    format!("{:x}", x)
}

#[jit]
fn debug_of_display<T: std::fmt::Display>(x: T) -> String {
    format!("{:?}", x)
}

#[jit]
fn display_unbounded<T>(x: T) -> String {
    format!("{}", x)
}

fn main() {}
