use jitclass::jitclass;

#[jitclass]
pub struct U<T> {
    pub v: i64,
}

#[jitclass]
impl<T> U<T> {
    pub fn new(v: i64) -> Self {
        U { v }
    }
}

fn main() {
    let _ = U::<bool>::new(3);
}
