use jitclass::jit;

#[jit]
extern "C" fn double(x: i64) -> i64 {
    x * 2
}

fn main() {
    let f: extern "C" fn(f64) -> f64 = double::cfunc_ptr();
    f(1.0);
}
