use jitclass::jitclass;

#[jitclass]
struct Counter {
    n: i64,
}

// The arguments are reported, and the impl is still compiled: its users get no
// follow-up errors.
#[jitclass(allocator = SOMEWHERE)]
impl Counter {
    fn new() -> Counter {
        Counter { n: 0 }
    }

    fn get(&self) -> i64 {
        self.n
    }
}

fn main() {
    let c = Counter::new();
    let _: i64 = c.get();
}
