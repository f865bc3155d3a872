use jitclass::jitclass;

#[jitclass]
pub struct Poly<T> {
    v: T,
    next: Option<Poly<(T, T)>>,
}

#[jitclass]
impl<T> Poly<T> {
    pub fn new(v: T) -> Self {
        Poly { v, next: None }
    }
}

fn main() {
    let p = Poly::new(1_i64);
    drop(p);
}
