//! Moves out of a local's tuple fields are tracked per field, as rustc does (E0382).
use jitclass::jit;

#[jit]
fn field_twice<T>(x: T) -> usize {
    let _x = x;
    let t = (vec![1.0f64; 4], 1u8);
    let a = t.0;
    let b = t.0;
    a.len() + b.len()
}

#[jit]
fn whole_after_part<T>(x: T) -> usize {
    let _x = x;
    let t = (vec![1.0f64; 2], vec![2.0f64; 3]);
    let a = t.0;
    let u = t;
    a.len() + u.1.len()
}

fn main() {}
