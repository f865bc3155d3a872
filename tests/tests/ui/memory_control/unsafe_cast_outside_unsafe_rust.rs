use jitclass::{jitclass, unsafe_cast};

#[jitclass]
struct Agg {
    total: f64,
}

fn main() {
    let mut buf = [0u64; 1];
    let a = unsafe_cast::<Agg>(buf.as_mut_ptr().cast());
    let _ = a.total();
}
