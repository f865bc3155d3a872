//! Known bug (review of the valid-Rust work): `PhantomData` values are `()` in jit code, so
//! `{:?}` of one is refused ("`()` doesn't implement `Debug`"), naming `()`; rustc builds it
//! and prints std's `type_name` of the argument: `PhantomData<i64>`, `PhantomData<f64>`,
//! `PhantomData<(i64, f64)>`, `PhantomData<alloc::string::String>`, and for a class its
//! full path (`PhantomData<review_valid_phantom_values::Marker>`). (`p == q` works.)
use jitclass::{jit, jitclass};
use std::marker::PhantomData;

#[jitclass]
pub struct Marker {
    pub x: i64,
}

#[jit]
fn format_marker(x: i64) -> String {
    let m = PhantomData::<i64>;
    let f: PhantomData<f64> = PhantomData;
    let t = PhantomData::<(i64, f64)>;
    let c = PhantomData::<Marker>;
    format!("{:?} {:?} {:?} {:?} {}", m, f, t, c, x)
}

fn main() {
    let plain = format!(
        "{:?} {:?} {:?} {:?} {}",
        PhantomData::<i64>,
        PhantomData::<f64>,
        PhantomData::<(i64, f64)>,
        PhantomData::<Marker>,
        2
    );
    assert_eq!(format_marker(2), plain);
}
