use jitclass::jitclass;

#[jitclass(alloc = SOMEWHERE)]
struct Node {
    value: i64,
}

fn main() {}
