use jitclass::jitclass;

#[jitclass]
pub struct Wrap<T> {
    value: T,
}

#[jitclass]
impl<T: Copy> std::ops::Neg for Wrap<T> {
    type Output = Wrap<T>;
    fn neg(self) -> Wrap<T> {
        self
    }
}

fn main() {}
