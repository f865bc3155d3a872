// `.clone()` of a tuple or `Option` holding a `Vec` would share the `Vec`, not copy it as
// Rust's `Clone` does: refused until jit code makes deep copies of them.
use jitclass::jit;

#[jit]
fn pair_clone(n: i32) -> i32 {
    let pair = (vec![n], n);
    let copy = pair.clone();
    copy.1
}

#[jit]
fn option_clone<T>(x: T) -> usize {
    let maybe = Some(vec![x]);
    let copy = maybe.clone();
    copy.unwrap().len()
}

fn main() {}
