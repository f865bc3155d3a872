// `assert!` is `if !cond { panic }`, with `assertion failed: <cond>` unless a message is
// given.
fn check(x: i32, y: i32) {
    assert!(x > 0);
    assert!(y > 0, "y must be positive, got {}", y);
}
