// A bounded generic body formats a `T` under a trait its bounds do not give: rustc's
// E0277 at the argument (`{:x}` needs `LowerHex`, `{:?}` needs `Debug`), at build time.
use jitclass::jit;

#[jit]
fn hex_of_display<T: std::fmt::Display>(x: T) -> String {
    format!("{:x}", x)
}

#[jit]
fn debug_of_display<T: std::fmt::Display>(x: T) -> String {
    format!("{:?}", x)
}

fn main() {}
