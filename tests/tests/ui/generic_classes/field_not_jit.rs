use jitclass::jitclass;

#[jitclass]
pub struct Shared<T> {
    value: std::rc::Rc<T>,
}

fn main() {}
