mod counters {
    use jitclass::jitclass;

    #[jitclass]
    pub struct Counter {
        pub count: i64,
        total: i64,
    }

    #[jitclass]
    impl Counter {
        pub fn new() -> Counter {
            Counter { count: 0, total: 0 }
        }
    }
}

use counters::Counter;
use jitclass::jit;

#[jit]
fn fresh() -> Counter {
    Counter { count: 1, total: 2 }
}

fn main() {}
