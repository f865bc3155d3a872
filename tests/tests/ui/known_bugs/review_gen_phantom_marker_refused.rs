use jitclass::jitclass;
use std::marker::PhantomData;

#[jitclass]
pub struct U<T> {
    pub v: i64,
    marker: PhantomData<T>,
}

fn main() {}
