// A local that is a value of an unbounded `T` (a copy of a `T` parameter, a clone of a
// `&T` one, a local annotated `T`) is formatted: rustc's E0277 at the argument, at build
// time, as for the parameter itself.
use jitclass::jit;

#[jit]
fn copied<T>(x: T) -> String {
    let y = x;
    format!("{}", y)
}

#[jit]
fn cloned<T>(x: &T) -> String {
    let y = x.clone();
    format!("{y:?}")
}

#[jit]
fn annotated<T>(x: T, n: i64) -> String {
    let y: T = x;
    let x = n;
    format!("{} {}", x, &y)
}

fn main() {
    let _ = copied(1);
    let _ = cloned(&1);
    let _ = annotated(1, 2);
}
