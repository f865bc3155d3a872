// An `objmode!` block is a call of Rust code the glue compiles: its inputs are jit locals
// with their declared types, its output has the declared type.
fn f(x: f64, n: i32) -> f64 {
    let y = x * 2.0;
    let z = objmode!(|y: f64, n: i32| -> f64 { y + n as f64 });
    z + 1.0
}
