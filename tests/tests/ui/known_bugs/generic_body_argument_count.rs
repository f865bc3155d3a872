// A call with the wrong number of arguments to a jit fn, inside a generic jit fn over an
// unbounded parameter (a body the glue checks without a shadow): rustc says E0061 "this
// function takes 1 argument but 2 arguments were supplied" at the call, with a note at the
// callee; jitclass says E0277 "`one` does not take 2 argument(s)".
use jitclass::jit;

#[jit]
fn one<T>(x: T) -> T {
    x
}

#[jit]
fn caller<T>(x: T, y: T) -> T {
    one(x, y)
}

fn main() {}
