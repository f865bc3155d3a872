use jitclass::jit;

#[jit]
extern "C" {
    safe fn cbrt(x: f64) -> f64;
    static ERRNO: i32;
    fn takes_slice(xs: &[f64]) -> f64;
}

#[jit]
extern "system" {
    fn sqrt(x: f64) -> f64;
}

fn main() {}
