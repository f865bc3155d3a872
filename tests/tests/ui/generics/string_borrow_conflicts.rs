// In generic bodies (which rustc does not check) jitclass refuses, as rustc refuses the
// same code, a change of a `String` while a `&str` of it is borrowed: assigning the
// `String` a loop runs over (E0506), lending a `&str` of it and moving it in one call
// (E0505), pushing it onto itself (E0502) and `write!`ing it into itself (E0502).
use jitclass::jit;

#[jit]
fn reassigned_while_looped<T>(s: String, x: T) -> (usize, T) {
    let mut s = s;
    let mut n = 0;
    for w in s.split_whitespace() {
        n += w.len();
        s = String::from("other words");
    }
    (n + s.len(), x)
}

#[jit]
fn both<T>(v: &str, s: String, x: T) -> (usize, T) {
    (v.len() + s.len(), x)
}

#[jit]
fn lent_and_moved<T>(s: String, x: T) -> (usize, T) {
    both(s.as_str(), s, x)
}

#[jit]
fn pushed_onto_itself<T>(s: String, x: T) -> (String, T) {
    let mut s = s;
    s.push_str(&s);
    (s, x)
}

#[jit]
fn written_into_itself<T>(x: T) -> String {
    let mut s = String::from("xy");
    write!(s, "{}{}{}", x, s, s).unwrap();
    s
}

fn main() {}
