//! Compile-fail tests: every misuse of `#[jit]` gets a clear message at the right token.

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.compile_fail("tests/ui/*.rs");
}
