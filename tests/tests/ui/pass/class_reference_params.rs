// `&mut Holder` and `&mut Vec<f64>` parameters, and their call `upd(&mut h, &mut v)`:
// rustc builds it, so does jitclass (issue 17; was refused at the parameter, with false
// errors at every call).
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

fn main() {
    assert_eq!(caller(), 1.0);
}
