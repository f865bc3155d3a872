use jitclass::jitclass;

#[jitclass]
pub struct U<T: Copy, V> {
    pub v: i64,
}

fn main() {}
