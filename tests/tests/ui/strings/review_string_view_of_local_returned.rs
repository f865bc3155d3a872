// A `&str` of a local `String` returned: rustc's E0515.
use jitclass::jit;

#[jit]
fn f<'a>(t: &'a str) -> &'a str {
    let s = t.to_string();
    s.as_str()
}

fn main() {}
