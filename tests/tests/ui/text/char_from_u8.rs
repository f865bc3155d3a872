use jitclass::jit;

// `char::from(b)` is std's `From<u8>`, which jit code lacks: one error at `from`, not a
// false type mismatch at `b` beside it.
#[jit]
fn letter(b: u8) -> char {
    char::from(b)
}

fn main() {}
