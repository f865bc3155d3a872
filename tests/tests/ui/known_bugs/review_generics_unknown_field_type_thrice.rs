use jitclass::jitclass;

#[jitclass]
pub struct A<T> {
    pub v: T,
    pub w: U,
}

fn main() {}
