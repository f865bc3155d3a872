// Panic messages format numbers and `bool` only.
struct Q {
    v: i32,
}

fn f(q: Q) {
    panic!("q is {:?}", q);
}
