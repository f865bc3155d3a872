use jitclass::jit;

// rustc's one error, E0368 naming `+=`, at the place: no type mismatch at `1`.
#[jit]
fn next(mut c: char) -> char {
    c += 1;
    c
}

fn main() {}
