// A generic class's name used as a value: rustc's E0423 "expected value, found struct `St`"
// in jit code and in Rust. Since imported generic classes are found through a hidden
// `const St` beside the struct (so that `use` carries it), jit code reports
// "`jitclass::__private::ClassFamily` is not a type of constant jit code can use" (naming
// internal items) and the plain Rust `let _ = St;` builds.
use jitclass::{jit, jitclass};

#[jitclass]
pub struct St<T> {
    items: Vec<T>,
}

#[jit]
fn f() -> i64 {
    let s = St;
    1
}

fn main() {
    let _ = St;
}
