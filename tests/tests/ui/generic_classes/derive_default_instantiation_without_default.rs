// `#[derive(Default)]` on a generic class bounds each parameter by `Default` (rustc's
// derive): `Duo::<Plain, i64>::default()` of a class without `Default` is E0599.
use jitclass::jitclass;

#[jitclass]
pub struct Plain {
    x: f64,
}

#[jitclass]
#[derive(Default)]
pub struct Duo<A, B> {
    a: A,
    b: B,
}

fn main() {
    let _ = Duo::<Plain, i64>::default();
}
