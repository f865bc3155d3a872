use jitclass::jitclass;

#[jitclass]
struct Counter {
    n: i64,
}

#[jitclass]
impl Counter {
    fn into_count(self) -> i64 {
        self.n
    }
}

fn main() {}
