use jitclass::{jit, unsafe_cast};

#[jit]
fn read(buf: *mut u8) -> f64 {
    unsafe { unsafe_cast::<f64>(buf) }
}

fn main() {}
