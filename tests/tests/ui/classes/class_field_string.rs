use jitclass::jitclass;

#[jitclass]
struct Person {
    age: u32,
    name: String,
}

fn main() {}
