//! Known bug (review of the valid-Rust work): `PhantomData` values are `()` in jit code, so
//! `{:?}` of one is refused ("`()` doesn't implement `Debug`"), naming `()`; rustc builds it
//! and prints `PhantomData<i64>`. (`p == q` works.)
use jitclass::jit;
use std::marker::PhantomData;

#[jit]
fn format_marker(x: i64) -> String {
    let m = PhantomData::<i64>;
    format!("{:?} {}", m, x)
}

fn main() {
    let plain = format!("{:?} {}", PhantomData::<i64>, 2);
    assert_eq!(format_marker(2), plain);
}
