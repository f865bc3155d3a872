// Unsuffixed literals default to `i32` and `f64` unless something pins them.
fn f() -> u8 {
    let a = 1;
    let b = 2.5;
    let c: u8 = 7;
    let d = (a, b);
    c + 1
}
