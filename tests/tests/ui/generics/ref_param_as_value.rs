// A `&S` parameter used where an `S` is expected in a generic body (pushed onto a
// `Vec<S>`, returned as `S`, directly or through a copy): rustc's E0308 at build time.
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

#[jit]
fn gen_early<S: Get>(s: &S, first: bool) -> S {
    let t = s;
    if first {
        return t;
    }
    t
}

fn main() {}
