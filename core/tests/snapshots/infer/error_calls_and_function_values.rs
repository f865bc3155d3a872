// Calls of what is not a function, and functions that cannot be values.
extern "C" {
    fn cos(x: f64) -> f64;
}

fn generic<T>(x: T) -> T {
    x
}

fn rust_abi(x: f64) -> f64 {
    x
}

fn not_a_function(x: f64) -> f64 {
    x(1.0)
}

fn unsafe_without_block(x: f64) -> f64 {
    cos(x)
}

fn generic_as_value() {
    let f = generic;
}

fn rust_abi_as_value() {
    let f = rust_abi;
}

fn unsafe_as_value() {
    let f = unsafe { cos };
}
