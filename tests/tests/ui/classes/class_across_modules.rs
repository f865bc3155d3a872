// A class declared in one module, its methods in another, and jit code using it in a third:
// each mistake is rustc's error at the token, whatever module declares what.
mod shapes {
    use jitclass::jitclass;

    #[jitclass]
    pub struct Counter {
        pub total: f64,
        pub count: i64,
    }
}

mod methods {
    use crate::shapes::Counter;
    use jitclass::jitclass;

    #[jitclass]
    impl Counter {
        pub fn new() -> Self {
            Counter { total: 0.0, count: 0 }
        }

        pub fn step(&mut self, x: f64) {
            self.total += x;
            self.count += 1;
        }

        pub fn mean(&self) -> f64 {
            self.totl / self.count as f64
        }
    }
}

mod users {
    use crate::shapes::Counter;
    use jitclass::jit;

    #[jit]
    fn run() -> f64 {
        let mut c = Counter::new();
        c.step(1);
        c.count = 2.5;
        c.mean()
    }

    #[jit]
    fn peek() -> i64 {
        let c = Counter::new();
        c.step(1.0);
        c.count
    }
}

fn main() {}
