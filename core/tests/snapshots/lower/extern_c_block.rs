// A declared C function: a signature and a symbol, no body; calling it needs `unsafe`.
extern "C" {
    fn cos(x: f64) -> f64;
}

fn f(x: f64) -> f64 {
    unsafe { cos(x) }
}
