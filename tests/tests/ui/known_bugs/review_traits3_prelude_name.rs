// A `#[jit] fn` named like a function of the prelude (`size_of`), called from another jit
// fn: rustc builds the plain Rust (a module's item shadows the prelude); jit code fails
// with E0659 "`size_of` is ambiguous ... a conflict between a macro-expanded name and a
// less macro-expanded name from outer scope".
use jitclass::jit;

#[jit]
fn size_of(x: i64) -> i64 {
    x * 8
}

#[jit]
fn twice(x: i64) -> i64 {
    size_of(x) * 2
}

fn main() {
    assert_eq!(twice(1), 16);
}
