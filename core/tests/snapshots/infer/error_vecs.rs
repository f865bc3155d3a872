// Misuse of `Vec<T>`: methods jit code lacks, wrong element types, immutability.
fn no_such(v: Vec<f64>) -> usize {
    v.frobnicate();
    v.len()
}

fn not_yet(v: Vec<f64>) -> f64 {
    v.first();
    0.0
}

fn immutable() {
    let v = vec![1, 2, 3];
    v.push(4);
    v[0] = 2;
}

fn wrong_elem() {
    let mut v = Vec::new();
    v.push(1.0);
    v.push(true);
}

fn contains_needs_ref(v: Vec<i32>) -> bool {
    v.contains(3)
}

fn consuming(v: Vec<i32>) -> i32 {
    let mut s = 0;
    for x in v {
        s += x;
    }
    s
}

fn reference_kept(v: Vec<f64>) -> f64 {
    match v.last() {
        Some(x) => *x,
        None => 0.0,
    }
}

struct P {
    x: f64,
}

fn copied_instance(v: Vec<P>) -> usize {
    let p = v.first().copied();
    v.len()
}
