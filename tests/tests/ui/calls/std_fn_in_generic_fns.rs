// `std::cmp::max` (not a jit fn) called in two generic `#[jit] fn`s over an unbounded
// parameter (whose bodies the glue checks without a shadow, counting each call's
// arguments): each call is refused naming `max`, once, with no bound suggested for it.
use jitclass::jit;

#[jit]
fn larger<T>(a: T, b: T) -> T {
    std::cmp::max(a, b)
}

#[jit]
fn largest<T>(a: T, b: T, c: T) -> T {
    std::cmp::max(std::cmp::max(a, b), c)
}

fn main() {}
