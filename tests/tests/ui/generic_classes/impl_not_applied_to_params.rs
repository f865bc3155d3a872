use jitclass::jitclass;

#[jitclass]
pub struct Pair<A, B> {
    first: A,
    second: B,
}

#[jitclass]
impl<A, B> Pair<B, A> {
    pub fn first(&self) -> B {
        self.first
    }
}

fn main() {}
