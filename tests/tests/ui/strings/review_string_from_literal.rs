// A `&str` literal where a `String` is declared: rustc's E0308.
use jitclass::jit;

#[jit]
fn f() -> usize {
    let s: String = "abc";
    s.len()
}

fn main() {}
