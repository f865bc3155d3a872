// A `&S` parameter used where an `S` is expected in a generic body (no shadow there):
// rustc refuses with E0308 at `s`; jitclass builds it and runs it as `s.clone()`.
use jitclass::jit;

#[jit]
pub trait Get {
    fn val(&self) -> i64;
}

#[jit]
fn gen_push<S: Get>(v: &mut Vec<S>, s: &S) -> usize {
    v.push(s);
    v.len()
}

#[jit]
fn gen_id<S: Get>(s: &S) -> S {
    s
}

fn main() {}
