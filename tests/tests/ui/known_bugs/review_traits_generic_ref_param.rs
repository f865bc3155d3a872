// `fn base_of<S: Probe>(s: &S)`, the usual form of a fn bounded by a trait, called from a
// default method with `self`: rustc builds it. `&S` parameters work, but the default
// body is also the Rust trait's, where the glue's `S: JitType` bound is not met by `Self`
// (E0277 "`Self` is not a jit value type").
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
