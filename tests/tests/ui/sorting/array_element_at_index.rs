use jitclass::jit;

// An array that is an element at an index: jitclass reaches it in its place at each access,
// so it refuses it rather than evaluate the index again (jitclass's limit; rustc takes it).
#[jit]
fn f(mut v: Vec<[i64; 3]>, i: usize) -> Vec<[i64; 3]> {
    v[i].sort_by(|a, b| b.cmp(a));
    v
}

fn main() {}
