use jitclass::jitclass;

// rustc's derive builds `T::default()`, which jit code cannot yet: refused at the field.
// A parameter inside a `Vec`, `Option` or map is fine (their defaults are empty).
#[jitclass]
#[derive(PartialEq, Default)]
pub struct Wrap<T> {
    items: Vec<T>,
    value: T,
}

fn main() {}
