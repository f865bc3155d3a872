// A `&mut Holder` parameter is refused (instances are shared references: take `Holder`),
// and then every call of the function is refused too, with a false error: "only `#[jit]`
// functions can be called from jit code" (from a generic caller also "`upd` does not take
// 2 argument(s)"). Only the first error should be reported.
use jitclass::{jit, jitclass};

#[jitclass]
pub struct Holder {
    data: Vec<f64>,
}

#[jitclass]
impl Holder {
    pub fn new() -> Holder {
        Holder { data: vec![1.0] }
    }
}

#[jit]
fn upd(h: &mut Holder, v: &mut Vec<f64>) -> f64 {
    h.data.clear();
    v.push(1.0);
    v[0]
}

#[jit]
fn caller() -> f64 {
    let mut h = Holder::new();
    let mut v = Vec::new();
    upd(&mut h, &mut v)
}

fn main() {}
