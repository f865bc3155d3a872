use jitclass::{jit, objmode};

#[jit]
fn generic<T>(x: T) -> T {
    let _n: i64 = objmode!(|| -> i64 { 1 });
    x
}

fn main() {}
