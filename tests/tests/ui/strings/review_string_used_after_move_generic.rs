// A generic body uses a `String` after moving it: rustc's E0382.
use jitclass::jit;

#[jit]
fn f<T>(s: String, x: T) -> (usize, T) {
    let t = s;
    (s.len() + t.len(), x)
}

fn main() {}
