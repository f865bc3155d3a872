use jitclass::jitclass;

#[jitclass]
struct Counter {
    total: i64,
    count: i64,
}

#[jitclass]
impl Counter {
    fn new() -> Counter {
        Counter { count: 0 }
    }
}

fn main() {}
