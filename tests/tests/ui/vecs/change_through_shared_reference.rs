use jitclass::jit;

#[jit]
fn push_to(v: &Vec<f64>, x: f64) -> usize {
    v.push(x);
    v.len()
}

// Generic bodies, which rustc never sees, are checked by jitclass in rustc's words.
#[jit]
fn push_generic<T>(v: &Vec<T>, x: T) -> usize {
    v.push(x);
    v.len()
}

#[jit]
fn write_generic<T>(v: &Vec<f64>, t: T) -> T {
    v[0] = 1.0;
    t
}

fn main() {}
