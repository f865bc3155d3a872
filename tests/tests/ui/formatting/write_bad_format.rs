use jitclass::jit;
use std::fmt::Write;

// A bad format string in `write!`/`writeln!`: rustc's errors, once, at the string.
#[jit]
fn unclosed(x: i64) -> String {
    let mut s = String::new();
    write!(s, "{", x).unwrap();
    s
}

#[jit]
fn unused(x: i64) -> String {
    let mut s = String::new();
    writeln!(s, "a", x).unwrap();
    s
}

#[jit]
fn bad_trait(x: i64) -> String {
    let mut s = String::new();
    write!(s, "{:q}", x).unwrap();
    s
}

#[jit]
fn no_format_string(x: i64) -> String {
    let mut s = String::new();
    write!(s).unwrap();
    s.push_str(&x.to_string());
    s
}

#[jit]
fn generic_unclosed<T>(x: T) -> String {
    let mut s = String::new();
    write!(s, "{} {", x).unwrap();
    s
}

fn main() {}
