// Calls of jit fns by path (`r` items the glue resolves), a function named as a value,
// cast to its pointer type, and a call through a pointer held in a local.
extern "C" fn twice(x: f64) -> f64 {
    x * 2.0
}

fn helper(x: f64, y: f64) -> f64 {
    x + y
}

fn caller(x: f64) -> f64 {
    let f = twice;
    let g = twice as extern "C" fn(f64) -> f64;
    helper(x, crate::helper(x, 1.0)) + f(x) + g(x)
}
