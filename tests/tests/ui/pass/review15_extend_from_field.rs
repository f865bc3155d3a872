//! rustc accepts copying an instance's `Vec` field into a local `Vec` with
//! `extend_from_slice`; jitclass refused it at build time with "mismatched types:
//! expected `&[f64]`, found `&_`" (review of issue 15a).
use jitclass::{jit, jitclass};

#[jitclass]
pub struct Bag {
    items: Vec<f64>,
}

#[jitclass]
impl Bag {
    pub fn new() -> Bag {
        Bag { items: vec![1.0; 4] }
    }

    pub fn copy(&self) -> Vec<f64> {
        let mut v: Vec<f64> = Vec::new();
        v.extend_from_slice(&self.items);
        v
    }
}

#[jit]
fn copy_generic<T>(b: Bag, x: T) -> usize {
    let _x = x;
    let mut v = Vec::new();
    v.extend_from_slice(&b.items);
    v.len()
}

fn main() {
    let b = Bag::new();
    assert_eq!(b.copy(), [1.0; 4]);
    assert_eq!(copy_generic(b, 1u8), 4);
}
