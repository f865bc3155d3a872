// Misused arrays: a constant index past the end, a length mismatch, an element of
// another type, an assignment to an element of an immutable array, `==` on arrays of
// tuples, an array too long for LLVM's array types, a value larger than Rust allows, a
// mutable slice of an array lent beside a shared one.
fn copy_into(dst: &mut [f64], src: &[f64]) {
    dst[0] = src[0];
}

fn errors(i: i32) -> f64 {
    let a = [1.0, 2.0, 3.0];
    let b: [f64; 2] = [1.0, 2.0, 3.0];
    let c = [1.0, true];
    a[3];
    a[i];
    a[0] = 2.0;
    [(1, 2)] == [(1, 2)];
    let d = [(0u64, 1.0); 5_000_000_000];
    0.0
}

fn too_big() -> u64 {
    let e = [[0u64; 2_147_483_648]; 2_147_483_648];
    e[0][0]
}

fn lends_twice() -> f64 {
    let mut e = [1.0, 2.0];
    copy_into(&mut e, &e);
    e[0]
}
