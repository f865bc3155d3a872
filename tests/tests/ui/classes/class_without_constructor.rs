use jitclass::{jit, jitclass};

#[jitclass]
struct Counter {
    n: i64,
}

#[jitclass]
impl Counter {
    fn get(&self) -> i64 {
        self.n
    }
}

#[jit]
fn make() -> i64 {
    let c = Counter::new();
    c.get()
}

fn main() {
    let _ = Counter::new();
}
