use jitclass::jit;

// rustc: one error, E0368 "binary assignment operation `+=` cannot be applied to type
// `char`" at `c`. jitclass gives two: a false "mismatched types: expected `char`, found
// integer" at `1`, and "binary operation `+` cannot be applied to type `char`" (the
// operator written `+`, not `+=`).
#[jit]
fn next(mut c: char) -> char {
    c += 1;
    c
}

fn main() {}
