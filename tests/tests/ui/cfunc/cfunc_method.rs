use jitclass::jitclass;

#[jitclass]
pub struct Counter {
    n: i64,
}

#[jitclass]
impl Counter {
    pub extern "C" fn get(&self) -> i64 {
        self.n
    }
}

fn main() {}
