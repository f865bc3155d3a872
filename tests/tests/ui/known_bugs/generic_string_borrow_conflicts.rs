// In generic bodies (which rustc does not check) jitclass accepts three conflicts between
// a `&str` of a `String` and a change of the `String` that rustc refuses: assigning the
// `String` a loop runs over (E0506), lending a `&str` of it and moving it in one call
// (E0505), and pushing it onto itself (E0502). They are sound (the loop's text is kept
// alive by a counted reference, the other two panic "already borrowed" at run time), but
// rustc's build of the same code does not compile.
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

fn main() {}
