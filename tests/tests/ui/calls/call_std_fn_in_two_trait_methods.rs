// `std::cmp::max` (not a jit fn) called in two methods of one `#[jit] trait` impl: each
// call is refused naming `max`, as in an inherent impl
// (`calls/call_std_fn_in_two_methods.rs`).
use jitclass::{jit, jitclass};

#[jit]
pub trait Bounds {
    fn low(&self) -> i64;
    fn high(&self) -> i64;
}

#[jitclass]
pub struct Span {
    a: i64,
    b: i64,
}

#[jitclass]
impl Bounds for Span {
    fn low(&self) -> i64 {
        std::cmp::min(self.a, self.b)
    }

    fn high(&self) -> i64 {
        std::cmp::min(self.a, self.b) + std::cmp::max(self.a, self.b)
    }
}

fn main() {}
