// A generic body pushes to a `String` not declared `mut`: rustc's E0596.
use jitclass::jit;

#[jit]
fn f<T>(s: String, x: T) -> (String, T) {
    s.push('a');
    (s, x)
}

fn main() {}
