use jitclass::jitclass;

#[jitclass]
struct Replaced {
    v: i64,
}

#[jitclass]
impl Replaced {
    fn replace(&mut self, other: Replaced) -> i64 {
        self = other;
        self.v
    }
}

fn main() {}
