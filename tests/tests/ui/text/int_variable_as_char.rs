use jitclass::jit;

// Only a literal written in the cast takes `u8` from `as char`; a variable's literal
// falls back to `i32` first, and rustc refuses the cast (E0604).
#[jit]
fn letter() -> char {
    let n = 65;
    n as char
}

fn main() {}
