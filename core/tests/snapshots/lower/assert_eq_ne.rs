// `assert_eq!(a, b)` binds both sides once, compares, and panics with rustc's message:
// the pieces of the message around `{:?}` of each side.
fn check(a: i32, b: i32) {
    assert_eq!(a, b);
    assert_ne!(a + 1, b, "a is {}", a);
}
