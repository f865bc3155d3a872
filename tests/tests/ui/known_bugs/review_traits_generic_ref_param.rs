// `fn base_of<S: Probe>(s: &S)`, the usual form of a fn bounded by a trait, called from a
// default method with `self`: rustc builds it. jit code refuses `&S` at the parameter
// (a clear refusal: references to classes are not parameters yet), but the call in the
// default body adds E0432 "unresolved import `base_of`: no external crate `base_of`",
// whose help names the macro's `__jitclass_callee`.
use jitclass::{jit, jitclass};

#[jit]
pub trait Probe {
    fn base(&self) -> f64;
    fn via_generic(&self) -> f64
    where
        Self: Sized,
    {
        base_of(self) * 10.0
    }
}

#[jit]
fn base_of<S: Probe>(s: &S) -> f64 {
    s.base()
}

#[jitclass]
pub struct Disk {
    r: f64,
}

#[jitclass]
impl Probe for Disk {
    fn base(&self) -> f64 {
        self.r
    }
}

fn main() {}
