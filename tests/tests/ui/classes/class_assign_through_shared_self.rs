use jitclass::jitclass;

#[jitclass]
struct Counter {
    n: i64,
}

#[jitclass]
impl Counter {
    fn bump(&self) {
        self.n += 1;
    }
}

fn main() {}
