use jitclass::{jit, jitclass};
use std::ops::Neg;

#[jitclass]
pub struct Wrap<T> {
    value: T,
}

#[jitclass]
impl<T: Copy + Neg<Output = T>> Neg for Wrap<T> {
    type Output = Wrap<T>;
    fn neg(self) -> Wrap<T> {
        Wrap { value: -self.value }
    }
}

#[jit]
fn flip(w: Wrap<bool>) -> Wrap<bool> {
    -w
}

fn main() {}
