// In a generic body (which rustc never checks), `s += &s` of a `String` borrows `s`
// mutably (std's `AddAssign<&str>`) while `&s` is alive: rustc refuses it (E0502).
use jitclass::jit;

#[jit]
fn added_to_itself<T>(s: String, x: T) -> (String, T) {
    let mut s = s;
    s += &s;
    (s, x)
}

fn main() {}
