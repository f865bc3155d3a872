use jitclass::{jit, jitclass, unsafe_cast};

#[jitclass]
struct Agg {
    total: f64,
}

#[jit]
fn total(buf: *mut u8) -> f64 {
    let a = unsafe_cast::<Agg>(buf);
    a.total
}

fn main() {}
