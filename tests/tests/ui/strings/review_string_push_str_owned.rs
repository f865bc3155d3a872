// `push_str` of a `String` by value: rustc's E0308 (expected `&str`).
use jitclass::jit;

#[jit]
fn f(s: String, t: String) -> String {
    let mut s = s;
    s.push_str(t);
    s
}

fn main() {}
