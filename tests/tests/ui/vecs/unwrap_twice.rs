//! `Option::unwrap` takes `self`: a second `unwrap` of an `Option<Vec<_>>` is rustc's
//! E0382, also in a generic body (whose types here are known at macro time).
use jitclass::jit;

#[jit]
fn twice<T>(x: T) -> usize {
    let _x = x;
    let o = Some(vec![1.0f64; 4]);
    let a = o.unwrap();
    let b = o.unwrap();
    a.len() + b.len()
}

fn main() {}
