// Wrong counts of arguments of static trait functions, with arguments that are not
// literals: rustc's E0061 in its words, at the arguments.
use jitclass::jit;

#[jit]
pub trait Maker {
    fn make(x: f64) -> Self;
    fn sides() -> i64;
}

#[jit]
fn too_many<S: Maker>(n: i64) -> i64 {
    S::sides(n)
}

#[jit]
fn too_few<S: Maker>(_n: i64) -> i64 {
    let _s = S::make();
    0
}

#[jit]
fn wrong_literal<S: Maker>(_n: i64) -> i64 {
    let _s = <S as Maker>::make("wide");
    0
}

fn main() {}
