use jitclass::jitclass;

#[jitclass]
#[derive(Default)]
pub struct Counter {
    n: u32,
}

#[jitclass]
impl Counter {
    pub fn default() -> Counter {
        Counter { n: 1 }
    }
}

fn main() {}
