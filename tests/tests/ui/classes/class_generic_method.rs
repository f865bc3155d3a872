// A generic method takes as many type arguments as it declares: rustc's E0107 from
// Rust (jit code takes no turbofish on methods yet).
use jitclass::jitclass;

#[jitclass]
pub struct Acc {
    total: f64,
}

#[jitclass]
impl Acc {
    pub fn new() -> Acc {
        Acc { total: 0.0 }
    }

    pub fn pick<U: Copy>(&self, a: U, b: U) -> U {
        if self.total > 0.0 { a } else { b }
    }
}

fn main() {
    Acc::new().pick::<i64, i64>(1, 2);
}
