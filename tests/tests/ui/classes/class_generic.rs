use jitclass::jitclass;

#[jitclass]
struct Wrapper<T> {
    value: T,
}

fn main() {}
