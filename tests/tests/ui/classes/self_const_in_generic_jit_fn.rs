// `Self::X` in a generic `#[jit]` fn (which has no impl): rustc's "cannot find `Self`".
use jitclass::jit;

#[jit]
fn scaled<T>(x: f64, _t: T) -> f64 {
    x * Self::UNIT
}

fn main() {}
