use jitclass::jitclass;

#[jitclass]
struct Pair {
    a: f64,
}

#[jitclass]
impl Pair {
    fn first(&self) -> f64 {
        let r = &self.a;
        0.0
    }
}

fn main() {}
