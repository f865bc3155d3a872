// `#[jit] fn`s named like functions of the prelude (`size_of`, `drop`), called from other
// jit fns: a module's item shadows the prelude, as rustc builds the plain Rust.
use jitclass::jit;

#[jit]
fn size_of(x: i64) -> i64 {
    x * 8
}

#[jit]
fn drop(x: i64) -> i64 {
    x - 1
}

#[jit]
fn twice(x: i64) -> i64 {
    size_of(x) * 2 + drop(x)
}

fn main() {
    assert_eq!(twice(1), 16);
}
