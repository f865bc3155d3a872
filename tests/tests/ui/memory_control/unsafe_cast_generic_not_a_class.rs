use jitclass::{jit, unsafe_cast};

#[jit]
fn first<T>(buf: *mut u8, _like: T) -> T {
    unsafe { unsafe_cast::<T>(buf) }
}

fn main() {
    let mut x = 0.0f64;
    let _ = first((&mut x as *mut f64).cast(), 1.0f64);
}
