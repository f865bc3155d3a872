// A turbofish type that conflicts with the argument: rustc's E0308, in a plain body and
// in a generic one.
use jitclass::jit;

#[jit]
fn same<T>(x: T) -> T {
    x
}

#[jit]
fn caller() -> i64 {
    same::<i64>(1.5)
}

#[jit]
fn generic_caller<T: Copy>(x: T) -> T {
    let _ = same::<i64>(1.5);
    let _ = same::<T>(2);
    x
}

fn main() {}
