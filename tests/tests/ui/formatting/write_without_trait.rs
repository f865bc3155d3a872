use jitclass::jit;

// `write!` into a `String` needs `std::fmt::Write` in scope, as in Rust.
#[jit]
fn no_trait(x: i64) -> String {
    let mut s = String::new();
    write!(s, "{}", x).unwrap();
    s
}

fn main() {}
