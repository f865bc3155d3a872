// `return` with and without a value.
fn f(x: i32) -> i32 {
    if x < 0 {
        return 0;
    }
    x
}

fn g(x: i32) {
    if x < 0 {
        return;
    }
}
