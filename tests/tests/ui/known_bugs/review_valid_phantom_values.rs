//! Known bug (review of the valid-Rust work): `PhantomData` values are `()` in jit code, so
//! `p == q` and `{:?}` of one are refused ("cannot be applied to type `()`", "`()` doesn't
//! implement `Debug`"), naming `()`; rustc builds both (`{:?}` prints `PhantomData<i64>`).
use jitclass::jit;
use std::marker::PhantomData;

#[jit]
fn pass_marker(p: PhantomData<i64>, x: i64) -> (PhantomData<i64>, i64) {
    let q: PhantomData<i64> = PhantomData;
    let same = p == q;
    (p, if same { x + 1 } else { x })
}

#[jit]
fn format_marker(x: i64) -> String {
    let m = PhantomData::<i64>;
    format!("{:?} {}", m, x)
}

fn main() {
    let (_m, y): (PhantomData<i64>, i64) = pass_marker(PhantomData, 4);
    assert_eq!(y, 5);
    let plain = format!("{:?} {}", PhantomData::<i64>, 2);
    assert_eq!(format_marker(2), plain);
}
