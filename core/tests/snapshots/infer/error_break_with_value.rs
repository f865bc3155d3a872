// Only `loop` breaks with a value.
fn f(n: i32) -> i32 {
    let x = while n > 0 {
        break 1;
    };
    0
}
