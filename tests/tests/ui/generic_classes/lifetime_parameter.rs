use jitclass::jitclass;

#[jitclass]
pub struct View<'a, T> {
    value: T,
    _marker: std::marker::PhantomData<&'a T>,
}

fn main() {}
